//! The 24-hour clock in the conversation list: each row gets its window state and a badge
//! with the time left, kept current as the clock runs and the page re-renders.
//!
//! Per scan: the profile finds the rows ([`crate::page_profile::PageProfile::rows`]) and reads
//! each one that changed since the last scan ([`crate::page_profile::PageProfile::read_row`]), and
//! the open conversation; [`crate::threads::Threads::scan`] decides where every thread
//! stands, keeping what it learnt by thread, never by element (a virtualised list recycles
//! its rows for other threads as it scrolls). This file only moves that between the page
//! and the core.
//!
//! The row carries the test contract, `data-rc-window`, `data-rc-hours-since-customer`
//! (worst case; absent when unknown) and `data-rc-customer` (and `data-rc-awaiting`, the
//! wait against the 15-minute and one-hour marks, and `data-rc-waiting`, its level by the
//! agent's amber and red marks, when the customer wrote last), and one
//! `<reply-coach-badge>`, its last child, styled by `extension/content.css` and filled with
//! `textContent` only; a row awaiting a reply has a `<reply-coach-wait>` just before it
//! ("waiting 12 min · reply soon", `data-level` for its colour). Writes happen only
//! where a value changed, so a scan of an unchanged page changes nothing (and so does
//! not feed the mutation observer), and the page's own re-render of a row, which drops
//! the badge, keeps it, or copies it into a new row, is answered by the next scan
//! re-attaching, reusing, or de-duplicating it.
//!
//! Scans run from a timer only (listeners only schedule): a mutation schedules one
//! (200 ms, not postponed by further mutations), and each scan schedules the next at the
//! next whole minute, which keeps the time left current on a page that does not change.
//!
//! After a scan that changed the counts, the service worker is told how many rows were
//! recognised, how many threads are in their last hour and how many have waited past the
//! red mark (`{type: "inbox", rows, lastHour, waiting}`): the toolbar badge (one count or
//! the other, by the agent's setting) and the popup's status come from it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, MutationObserver, MutationObserverInit, MutationRecord};

use crate::clock::{ms_to_next_minute, AwaitingMark, ClockSettings, TimeRange, WaitLevel, WindowState};
use crate::lang::Language;
use crate::page_profile::health::{Health, HealthWatch, Part, Readings, RowCheck};
use crate::page_profile::page::text_blocks;
use crate::page_profile::{query_parameter, RowReading};
use crate::threads::{OpenThread, Threads};
use crate::web::active::ActiveProfile;
use crate::web::banner::Banner;
use crate::web::conversation::{self, page_clock, page_language};
use crate::web::dom::{self, message, Callback, RecordsObserver};
use crate::web::live::OpenReading;
use crate::web::page;
use crate::web::panel::{Entry, Panel};
use crate::web::responses::ResponseWatch;

const PAGE_CHANGE_PAUSE_MS: u32 = 200;
/// How long after a whole minute its tick runs: past the boundary, whatever the timer's
/// jitter.
const TICK_AFTER_MINUTE_MS: i64 = 50;
/// Each scan's cost (rows read and badged, then the panel and the banner) on the page's
/// performance timeline ([`dom::Timing`]).
const SCAN_MEASURE: &str = "reply-coach:scan";
const BADGE_TAG: &str = "reply-coach-badge";
const BADGES: &str = ":scope > reply-coach-badge";
const WAIT_TAG: &str = "reply-coach-wait";
const WAITS: &str = ":scope > reply-coach-wait";
/// What every recognised row carries; a mutation inside one makes it read again.
const MARKED: &str = "[data-rc-window]";
/// The attributes of a recognised row, in the order a scan writes them; removed when the
/// row stops being one.
const ATTRIBUTES: [&str; 5] =
    ["data-rc-window", "data-rc-customer", "data-rc-hours-since-customer", "data-rc-awaiting", "data-rc-waiting"];

#[wasm_bindgen]
extern "C" {
    /// `chrome.runtime.sendMessage`: the service worker keeps the tab's status for the
    /// toolbar badge and the popup.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

pub struct Inbox {
    document: Document,
    profile: ActiveProfile,
    /// Each row element read by an earlier scan and unchanged since → its id in
    /// [`ScanState::seen`]. The rows observer forgets a row when anything in it changes;
    /// a new profile forgets them all.
    seen_rows: js_sys::WeakMap,
    state: RefCell<ScanState>,
    /// The scan scheduled after a page change, and the one at the next minute.
    timers: RefCell<(Option<Timeout>, Option<Timeout>)>,
    /// The document's observer (schedules scans) and the rows' (forgets changed rows).
    observers: RefCell<Vec<RecordsObserver>>,
    /// "Expiring soonest" and the open conversation's banner, created once a list is
    /// recognised; the panel's click listener and the window's resize listener.
    shown: RefCell<Shown>,
    /// Swallows the rejection of a message nobody received (the worker is restarting).
    ignore: Closure<dyn FnMut(JsValue)>,
    /// Called when the open conversation's window state changes: what may be sent
    /// changed with it, so the draft's findings must follow even if the agent types nothing.
    on_open_state_change: Box<dyn Fn()>,
    /// Called with the parts of the page the profile does not recognise, when they change
    /// (the card says so).
    on_missing_parts: Box<dyn Fn(Vec<Part>)>,
    /// Called with the open conversation after each scan (the stale-draft line).
    on_conversation: Box<dyn Fn(OpenReading)>,
}

#[derive(Default)]
struct ScanState {
    threads: Threads,
    /// What a scan read from each row element and wrote to it, by id, sorted.
    seen: Vec<(u32, Seen)>,
    next_id: u32,
    /// The rows of the last scan, with their keys: to clear those that stop being rows,
    /// and to open a thread from the panel.
    rows: Vec<(Element, String)>,
    /// What the profile recognised of the page, scan after scan.
    health: HealthWatch,
    /// The last `(rows recognised, threads in their last hour, threads waiting past the
    /// red mark, health)` told to the service worker.
    reported: Option<(u32, u32, u32, serde_json::Value)>,
    /// The thresholds, from the agent's settings ([`Inbox::set_clock`]).
    clock: ClockSettings,
    /// The open conversation's window state at the last scan.
    open_state: Option<WindowState>,
    /// The open conversation's response turns last told to the service worker.
    responses: ResponseWatch,
}

#[derive(Default)]
struct Shown {
    /// The panel, its click listener and its order's change listener.
    panel: Option<(Panel, [EventListener; 2])>,
    banner: Option<Banner>,
    resize: Option<EventListener>,
}

/// What a scan read from a row and wrote to it. While the row does not change, the next
/// scans use it instead of reading the row again.
struct Seen {
    reading: RowReading,
    time: RowTime,
    /// The values of [`ATTRIBUTES`] and the badge's state and text, as last written.
    marks: Vec<Option<String>>,
}

/// A row's time as parsed at `minute` (of the page's clock) in `language`: its texts and
/// the minute decide it, so an unchanged row is not parsed again within the minute.
#[derive(Clone, Copy, Default)]
struct RowTime {
    minute: Option<i64>,
    language: Option<Language>,
    range: Option<TimeRange>,
}

impl Inbox {
    pub fn start(
        document: Document,
        profile: ActiveProfile,
        on_open_state_change: Box<dyn Fn()>,
        on_missing_parts: Box<dyn Fn(Vec<Part>)>,
        on_conversation: Box<dyn Fn(OpenReading)>,
    ) -> Result<Rc<Inbox>, String> {
        let inbox = Rc::new(Inbox {
            document,
            profile,
            seen_rows: js_sys::WeakMap::new(),
            state: RefCell::new(ScanState::default()),
            timers: RefCell::new((None, None)),
            observers: RefCell::new(Vec::new()),
            shown: RefCell::new(Shown::default()),
            ignore: Closure::new(|_| {}),
            on_open_state_change,
            on_missing_parts,
            on_conversation,
        });
        let weak = Rc::downgrade(&inbox);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            let Some(inbox) = weak.upgrade_running() else { return };
            // Typing changes only the text box: no reason to read the list again.
            if !page::only_in_text_boxes(&records, &inbox.profile.get().composer.candidates) {
                inbox.schedule(PAGE_CHANGE_PAUSE_MS);
            }
        });
        let observer = dom::observe_document(&inbox.document, callback.as_ref().unchecked_ref())?;
        inbox.observers.borrow_mut().push((observer, callback));
        let weak = Rc::downgrade(&inbox);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            if let Some(inbox) = weak.upgrade_running() {
                inbox.forget_changed(&records);
            }
        });
        let rows_observer = MutationObserver::new(callback.as_ref().unchecked_ref()).map_err(dom::describe)?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        options.set_attributes(true);
        let root = inbox.document.document_element().ok_or("no document element")?;
        rows_observer.observe_with_options(&root, &options).map_err(dom::describe)?;
        inbox.observers.borrow_mut().push((rows_observer, callback));
        if let Some(window) = dom::window() {
            let weak = Rc::downgrade(&inbox);
            inbox.shown.borrow_mut().resize = Some(EventListener::new(&window, "resize", move |_| {
                if let Some(inbox) = weak.upgrade_running() {
                    inbox.schedule(PAGE_CHANGE_PAUSE_MS);
                }
            }));
        }
        inbox.schedule(0);
        Ok(inbox)
    }

    /// Takes the agent's thresholds; the rows follow at once.
    pub fn set_clock(self: &Rc<Self>, clock: ClockSettings) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.clock = clock;
        }
        self.schedule(0);
    }

    /// The profile in use was replaced: every row is read again, at once.
    pub fn profile_changed(self: &Rc<Self>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.seen.clear();
        }
        self.schedule(0);
    }

    /// Runs a scan after `delay_ms`, unless one is already pending.
    fn schedule(self: &Rc<Self>, delay_ms: u32) {
        let Ok(mut timers) = self.timers.try_borrow_mut() else { return };
        if timers.0.is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        timers.0 = Some(Timeout::new(delay_ms, move || {
            if let Some(inbox) = weak.upgrade_running() {
                if let Ok(mut timers) = inbox.timers.try_borrow_mut() {
                    timers.0 = None;
                }
                let timing = dom::Timing::start(SCAN_MEASURE);
                inbox.scan();
                timing.finish();
                inbox.tick_later();
            }
        }));
    }

    /// A scan at the next whole minute, whatever started this one: the time left moves on,
    /// and states change there (stamps name their minute).
    fn tick_later(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let delay = ms_to_next_minute(js_sys::Date::now() as i64) + TICK_AFTER_MINUTE_MS;
        let tick = Timeout::new(delay as u32, move || {
            if let Some(inbox) = weak.upgrade_running() {
                inbox.schedule(0);
            }
        });
        if let Ok(mut timers) = self.timers.try_borrow_mut() {
            timers.1 = Some(tick);
        }
    }

    fn scan(self: &Rc<Self>) {
        // Taken out for the scan, so no borrow is held across DOM calls.
        let Ok(mut state) = self.state.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)) else { return };
        let mut scanned = self.scan_rows(&mut state);
        let open_state = scanned.open.as_ref().map(|(state, _)| *state);
        let open_changed = std::mem::replace(&mut state.open_state, open_state) != open_state;
        let missing_before = state.health.health().map(Health::missing);
        if let Some(health) = scanned.health.take() {
            state.health.feed(health, js_sys::Date::now() as i64);
        }
        let missing = state.health.health().map(Health::missing);
        let health = state.health.to_json();
        let counts = (scanned.recognised, scanned.last_hour, scanned.waiting_past_red, health);
        let report = state.reported.as_ref() != Some(&counts);
        state.reported = Some(counts);
        if let Ok(mut slot) = self.state.try_borrow_mut() {
            *slot = state;
        }
        if open_changed {
            (self.on_open_state_change)();
        }
        if missing != missing_before {
            (self.on_missing_parts)(missing.unwrap_or_default());
        }
        if let Some(open) = scanned.conversation.take() {
            (self.on_conversation)(open);
        }
        if scanned.recognised > 0 {
            let entries = scanned.awaiting.into_iter().map(|thread| Entry {
                state: state_name(thread.state),
                waiting: thread.waiting.as_ref().map(|w| level_name(w.level)),
                thread,
            });
            let shown = self.show_panel(entries.collect());
            if let Err(error) = shown.and_then(|()| self.show_banner(scanned.open, scanned.reply_box)) {
                dom::warn(&error);
            }
        } else {
            // The layout is not recognised (any more): what the clock showed would go stale.
            self.hide_panel_and_banner();
        }
        if report {
            if let Ok(state) = self.state.try_borrow() {
                if let Some((rows, last_hour, waiting, health)) = &state.reported {
                    self.report(*rows, *last_hour, *waiting, health);
                }
            }
        }
    }

    /// Reads and marks every row, and reads the open conversation.
    fn scan_rows(&self, state: &mut ScanState) -> Scanned {
        let Some(root) = page::root(&self.document) else { return Scanned::default() };
        let clock = page_clock();
        let minute = clock.now_ms.div_euclid(60_000);
        let language = page_language(&self.document);
        // Rows changed since the last scan are read again; the others are not (reading every
        // row was most of a scan's cost), and only marks whose value moved are written.
        self.take_row_records(true);
        let profile = self.profile.get();
        let found = profile.rows(&root);
        let elements = found.elements;
        let mut before: Vec<(u32, Option<Seen>)> =
            std::mem::take(&mut state.seen).into_iter().map(|(id, s)| (id, Some(s))).collect();
        let mut seen: Vec<(u32, Seen)> = Vec::with_capacity(elements.len());
        for row in &elements {
            let id = self.seen_rows.get(row).as_f64().map(|id| id as u32);
            let cached = id.and_then(|id| {
                let i = before.binary_search_by_key(&id, |(i, _)| *i).ok()?;
                Some((id, before[i].1.take()?))
            });
            let (id, mut entry) = cached.unwrap_or_else(|| {
                let id = state.next_id;
                state.next_id = id.wrapping_add(1);
                self.seen_rows.set(row, &id.into());
                (id, Seen { reading: profile.read_row(row), time: RowTime::default(), marks: Vec::new() })
            });
            if entry.time.minute != Some(minute) || entry.time.language != language {
                entry.time = RowTime { minute: Some(minute), language, range: entry.reading.time(language, &clock) };
            }
            seen.push((id, entry));
        }
        let url = self.document.url().unwrap_or_default();
        let open = OpenThread {
            id: query_parameter(&url, &profile.thread_key_parameter).map(str::to_string),
            conversation: conversation::open_conversation(&self.document, &profile, &clock),
        };
        if let Some(turns) = state.responses.observe(&root, &profile, (&url, &open), language, &clock) {
            if let Ok(promise) = send_message(&turns) {
                let _ = promise.catch(&self.ignore);
            }
        }
        let inputs: Vec<(RowReading, Option<TimeRange>)> =
            seen.iter_mut().map(|(_, s)| (std::mem::take(&mut s.reading), s.time.range)).collect();
        // The badges speak Reply Coach's UI language (the catalogue's), not the page's.
        let shown_in = Language::from_code(crate::catalogue::ui_language().code()).unwrap_or(Language::En);
        let scan = state.threads.scan(&inputs, &open, clock.now_ms, &state.clock, shown_in);
        let checks: Vec<RowCheck> = inputs
            .iter()
            .map(|(reading, time)| RowCheck { time: time.is_some(), channel: reading.channel.is_some() })
            .collect();
        let reply_box = profile.reply_box(&root, None);
        let readings = Readings {
            strategy: found.strategy,
            rows: &checks,
            conversation: &open.conversation,
            pane: profile.pane(&root).is_some(),
            reply_box: reply_box.is_some(),
            thread_open: open.id.is_some(),
        };
        let health = Health::from_readings(&profile, &readings, || profile.row_like(&root));
        let mut rows = Vec::with_capacity(elements.len());
        let marked = elements.iter().zip(&mut seen).zip(inputs).zip(scan.rows);
        for (((row, (_, entry)), (reading, _)), status) in marked {
            let hours = status.hours_since_customer.map(|h| crate::text::number::shown_to(h, 3));
            let window = state_name(status.state);
            let level = status.waiting.as_ref().map(|w| level_name(w.level));
            let values = [
                Some(window),
                reading.customer.as_deref(),
                hours.as_deref(),
                status.awaiting.map(awaiting_name),
                level,
            ];
            let mut marks = Marks { row, before: std::mem::take(&mut entry.marks), after: Vec::with_capacity(9) };
            for (name, value) in ATTRIBUTES.into_iter().zip(values) {
                marks.set(name, value);
            }
            let badge_changed = marks.changed(Some(window)) | marks.changed(Some(&status.text));
            let wait_text = status.waiting.as_ref().map(|w| w.text.as_str());
            // The wait goes before the badge: written again whenever the badge is.
            let wait_changed = marks.changed(wait_text) | badge_changed;
            if badge_changed {
                if let Err(error) = self.badge(row, window, &status.text) {
                    dom::warn(&error);
                }
            }
            if wait_changed {
                if let Err(error) = self.wait(row, level.zip(wait_text)) {
                    dom::warn(&error);
                }
            }
            entry.marks = marks.after;
            entry.reading = reading;
            rows.push((row.clone(), status.key));
        }
        // Rows of the last scan that are not rows any more: the page renamed what the
        // profile reads, or reused the element for something else. (A set, not a search of
        // the list: comparing elements is a call into the page, and lists run to thousands.)
        let current = js_sys::WeakSet::new();
        for row in &elements {
            current.add(row);
        }
        for (element, _) in &state.rows {
            if !current.has(element) {
                clear(element);
                self.seen_rows.delete(element);
            }
        }
        crate::sort::sort_by_key(&mut seen, |(id, _)| (u64::from(*id), 0));
        state.seen = seen;
        state.rows = rows;
        self.take_row_records(false);
        Scanned {
            recognised: elements.len() as u32,
            last_hour: scan.last_hour,
            waiting_past_red: scan.waiting_past_red,
            open: scan.open,
            awaiting: scan.awaiting,
            reply_box,
            health: Some(health),
            conversation: Some(OpenReading {
                thread: open.id.or_else(|| open.conversation.customer.clone()),
                customer: open.conversation.customer,
                customer_run: open.conversation.customer_run,
            }),
        }
    }

    /// Forgets what was read from the rows these mutation records changed (not our own
    /// `data-rc-*` attributes), and from rows added (a row may have changed while out of the
    /// document, where it is not observed). A row is found by the mark every recognised
    /// row carries.
    fn forget_changed(&self, records: &js_sys::Array) {
        for record in records.iter() {
            let Some(mutation) = record.dyn_ref::<MutationRecord>() else { continue };
            if mutation.attribute_name().is_some_and(|name| name.starts_with("data-rc-")) {
                continue;
            }
            if let Some(element) = page::target_element(&record) {
                self.seen_rows.delete(&element);
                if let Some(row) = element.closest(MARKED).ok().flatten() {
                    self.seen_rows.delete(&row);
                }
            }
            let added = mutation.added_nodes();
            for node in (0..added.length()).filter_map(|i| added.item(i)?.dyn_into::<Element>().ok()) {
                self.seen_rows.delete(&node);
                let Ok(inner) = node.query_selector_all(MARKED) else { continue };
                for row in (0..inner.length()).filter_map(|i| inner.item(i)) {
                    self.seen_rows.delete(row.unchecked_ref());
                }
            }
        }
    }

    /// Hands the rows observer's pending records to `forget_changed` (`keep` false: they
    /// are the scan's own writes, dropped).
    fn take_row_records(&self, keep: bool) {
        let Ok(observers) = self.observers.try_borrow() else { return };
        if let Some((observer, _)) = observers.get(1) {
            let records = observer.take_records();
            if keep {
                self.forget_changed(&records);
            }
        }
    }

    fn hide_panel_and_banner(&self) {
        let Ok(mut shown) = self.shown.try_borrow_mut() else { return };
        if let Some((panel, _)) = shown.panel.as_mut() {
            let _ = panel.show(&self.document, Vec::new());
        }
        if let Some(banner) = &shown.banner {
            banner.hide();
        }
    }

    /// Shows the open thread's window above its reply box; hidden when there is none, or
    /// it answers a comment (no messaging window).
    fn show_banner(&self, open: Option<(WindowState, String)>, composer: Option<Element>) -> Result<(), String> {
        let mut shown = self.shown.try_borrow_mut().map_err(|_| "banner busy")?;
        if !shown.banner.as_ref().is_some_and(Banner::is_connected) {
            shown.banner = Some(Banner::create(&self.document)?);
        }
        let Some(banner) = shown.banner.as_ref() else { return Ok(()) };
        let comment = composer.as_ref().is_some_and(|c| self.profile.get().is_comment_box(c));
        match (open, composer) {
            (Some((state, text)), Some(composer)) if !comment => {
                banner.show(
                    state_name(state),
                    &message("bannerWindow", Some(&text)),
                    &composer.get_bounding_client_rect(),
                );
            }
            _ => banner.hide(),
        }
        Ok(())
    }

    /// Shows the threads awaiting a reply in the panel, creating it (again, if the page
    /// removed it) first.
    fn show_panel(self: &Rc<Self>, entries: Vec<Entry>) -> Result<(), String> {
        let mut shown = self.shown.try_borrow_mut().map_err(|_| "panel busy")?;
        if !shown.panel.as_ref().is_some_and(|(panel, _)| panel.host().is_connected()) {
            if let Some((old, _)) = shown.panel.take() {
                old.host().remove();
            }
            let panel = Panel::create(&self.document)?;
            let root = panel.host().shadow_root().ok_or("no shadow root")?;
            let weak = Rc::downgrade(self);
            let listener = EventListener::new(&root, "click", move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
                let button = target.and_then(|t| t.closest("button[data-thread]").ok()?);
                let (Some(key), Some(inbox)) =
                    (button.and_then(|b| b.get_attribute("data-thread")), weak.upgrade_running())
                else {
                    return;
                };
                // Listeners only schedule: the page's own click handler runs from the timer.
                Timeout::new(0, move || inbox.open(&key)).forget();
            });
            // A new order: the next scan shows the list in it.
            let weak = Rc::downgrade(self);
            let reorder = EventListener::new(&root, "change", move |_| {
                if let Some(inbox) = weak.upgrade_running() {
                    inbox.schedule(0);
                }
            });
            shown.panel = Some((panel, [listener, reorder]));
        }
        match shown.panel.as_mut() {
            Some((panel, _)) => panel.show(&self.document, entries),
            None => Ok(()),
        }
    }

    /// Opens thread `key` as clicking its row does (on the row's name, so the click
    /// reaches the page's handler wherever in the row it listens); nothing when its row is
    /// not shown.
    fn open(&self, key: &str) {
        let row = self
            .state
            .try_borrow()
            .ok()
            .and_then(|state| state.rows.iter().find(|(_, k)| k == key).map(|(row, _)| row.clone()));
        let Some(row) = row else { return };
        let name = text_blocks(&row, &self.profile.get().row_skip).into_iter().next().map(|(element, _)| element);
        if let Ok(target) = name.unwrap_or(row).dyn_into::<HtmlElement>() {
            target.click();
        }
    }

    /// Tells the service worker how many rows were recognised (none: the popup says the
    /// layout is not recognised), how many threads are in their last hour (the toolbar
    /// badge) and what the profile recognises of the page (the popup's health view: counts
    /// and yes/no, never a name). Sent only when any of them changes.
    fn report(&self, rows: u32, last_hour: u32, waiting: u32, health: &serde_json::Value) {
        let message = js_sys::Object::new();
        let health = crate::wasm::js_of(health);
        let fields = [
            ("type", JsValue::from("inbox")),
            ("rows", rows.into()),
            ("lastHour", last_hour.into()),
            ("waiting", waiting.into()),
            ("health", health),
        ];
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&message, &key.into(), &value);
        }
        if let Ok(promise) = send_message(&message) {
            let _ = promise.catch(&self.ignore);
        }
    }

    /// One badge per row, its last child: created when missing, extras removed, and its
    /// state and text written only when they changed.
    fn badge(&self, row: &Element, state: &str, text: &str) -> Result<(), String> {
        let found = row.query_selector_all(BADGES).map_err(dom::describe)?;
        for i in 1..found.length() {
            if let Some(extra) = found.item(i) {
                extra.unchecked_into::<Element>().remove();
            }
        }
        let badge = match found.item(0).map(JsCast::unchecked_into::<Element>) {
            Some(badge) => badge,
            None => {
                let badge = self.document.create_element(BADGE_TAG).map_err(dom::describe)?;
                row.append_child(&badge).map_err(dom::describe)?;
                badge
            }
        };
        set(&badge, "data-state", Some(state));
        if badge.text_content().as_deref() != Some(text) {
            badge.set_text_content(Some(text));
        }
        Ok(())
    }

    /// The row's wait (`Some((level, text))`) just before its badge, or none: one element,
    /// extras removed, written only where it changed.
    fn wait(&self, row: &Element, wait: Option<(&str, &str)>) -> Result<(), String> {
        let found = row.query_selector_all(WAITS).map_err(dom::describe)?;
        let keep = u32::from(wait.is_some());
        for i in keep..found.length() {
            if let Some(extra) = found.item(i) {
                extra.unchecked_into::<Element>().remove();
            }
        }
        let Some((level, text)) = wait else { return Ok(()) };
        let element = match found.item(0).map(JsCast::unchecked_into::<Element>) {
            Some(element) => element,
            None => self.document.create_element(WAIT_TAG).map_err(dom::describe)?,
        };
        let badge = row.query_selector(BADGES).map_err(dom::describe)?;
        if let Some(badge) = badge.filter(|badge| element.next_element_sibling().as_ref() != Some(badge)) {
            badge.before_with_node_1(&element).map_err(dom::describe)?;
        }
        set(&element, "data-level", Some(level));
        if element.text_content().as_deref() != Some(text) {
            element.set_text_content(Some(text));
        }
        Ok(())
    }
}

/// What a scan found.
#[derive(Default)]
struct Scanned {
    recognised: u32,
    last_hour: u32,
    waiting_past_red: u32,
    /// The open thread's state and time left.
    open: Option<(WindowState, String)>,
    awaiting: Vec<crate::threads::Awaiting>,
    /// The open conversation's reply box.
    reply_box: Option<Element>,
    /// What the profile recognised of the page.
    health: Option<Health>,
    /// The open conversation, for the stale-draft line.
    conversation: Option<OpenReading>,
}

/// Sets (or with `None` removes) an attribute, only when that changes it.
fn set(element: &Element, name: &str, value: Option<&str>) {
    if element.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}

/// Takes our marks off a row that no longer shows a thread.
fn clear(row: &Element) {
    if row.has_attribute("data-rc-window") {
        for name in ATTRIBUTES {
            set(row, name, None);
        }
    }
    if let Ok(found) = row.query_selector_all(&format!("{BADGES}, {WAITS}")) {
        for i in 0..found.length() {
            if let Some(badge) = found.item(i) {
                badge.unchecked_into::<Element>().remove();
            }
        }
    }
}

/// A row's marks, in the order a scan writes them, against those the last scan wrote:
/// the DOM is touched only for a mark whose value changed (the clock runs on).
struct Marks<'a> {
    row: &'a Element,
    before: Vec<Option<String>>,
    after: Vec<Option<String>>,
}

impl Marks<'_> {
    /// Records the next mark; whether it differs from the last scan's (or is new).
    fn changed(&mut self, value: Option<&str>) -> bool {
        let changed = self.before.get(self.after.len()).map(Option::as_deref) != Some(value);
        self.after.push(value.map(str::to_string));
        changed
    }

    /// Sets (or with `None` removes) attribute `name` when it changed since the last scan.
    fn set(&mut self, name: &str, value: Option<&str>) {
        if self.changed(value) {
            set(self.row, name, value);
        }
    }
}

fn state_name(state: WindowState) -> &'static str {
    match state {
        WindowState::Open => "open",
        WindowState::Closing => "closing",
        WindowState::LastHour => "last-hour",
        WindowState::HumanAgent => "human-agent",
        WindowState::Closed => "closed",
        WindowState::Unknown => "unknown",
    }
}

fn awaiting_name(mark: AwaitingMark) -> &'static str {
    match mark {
        AwaitingMark::WithinBadge => "within-badge",
        AwaitingMark::PastBadge => "past-badge",
        AwaitingMark::PastHour => "past-hour",
        AwaitingMark::Unknown => "unknown",
    }
}

fn level_name(level: WaitLevel) -> &'static str {
    match level {
        WaitLevel::Calm => "calm",
        WaitLevel::Amber => "amber",
        WaitLevel::Red => "red",
    }
}
