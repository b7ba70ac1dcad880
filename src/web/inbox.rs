//! The 24-hour clock in the conversation list: each thread row gets its window state and
//! a badge with the time left, kept current as the clock runs and the page re-renders.
//!
//! Per scan, for every row the profile recognises (a row holding a link whose address
//! names the thread): the row's texts are read ([`crate::profile::Profile::read_row`]),
//! its time parsed, the open conversation's exact stamp added when the row is the open
//! thread, and what was known of the thread before folded in
//! ([`crate::clock::customer_last`]). State is kept by the thread's key, never by the
//! element: a virtualised list recycles rows for other threads as it scrolls.
//!
//! The row carries the test contract, `data-rc-window`, `data-rc-hours-since-customer`
//! (worst case; absent when unknown) and `data-rc-customer` (and `data-rc-awaiting`, the
//! wait against the 15-minute and one-hour marks, when the customer wrote last), and one
//! `<reply-coach-badge>` appended to it (outside the row's link, which the page
//! re-renders), styled by `extension/content.css` and filled with `textContent` only. Writes happen only where a
//! value changed, so a scan of an unchanged page changes nothing (and so does not feed the
//! mutation observer), and the page's own re-render of a row, which drops the badge,
//! keeps it, or copies it into a new row, is answered by the next scan re-attaching,
//! reusing, or de-duplicating it.
//!
//! Scans run from a timer only (listeners only schedule): a mutation schedules one
//! (200 ms, not postponed by further mutations), and each scan schedules the next at
//! the next whole minute, which keeps the time left current on a page that does not change.
//!
//! After a scan that changed the counts, the service worker is told how many rows were
//! recognised and how many threads are in their last hour (`{type: "inbox", rows,
//! lastHour}`): the toolbar badge and the popup's status come from it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, MutationObserver, MutationObserverInit, MutationRecord};

use crate::clock::{
    awaiting, customer_last, format_comment, format_time_left, ms_to_next_minute, row_time, window_status,
};
use crate::clock::{AwaitingMark, ClockSettings};
use crate::clock::{TimeRange, WindowState};
use crate::lang::Language;
use crate::profile::{query_parameter, Profile, Row, RowTexts};
use crate::web::banner::Banner;
use crate::web::conversation::{self, page_clock, page_language};
use crate::web::dom::{self, message, Callback, Observer};
use crate::web::panel::{Entry, Panel};

const PAGE_CHANGE_PAUSE_MS: u32 = 200;
/// How long after a whole minute its tick runs: past the boundary, whatever the timer's
/// jitter.
const TICK_AFTER_MINUTE_MS: i64 = 50;
/// Each scan's cost (rows read and badged, then the panel and the banner) on the page's
/// performance timeline ([`dom::Timing`]).
const SCAN_MEASURE: &str = "reply-coach:scan";
const BADGE_TAG: &str = "reply-coach-badge";
const BADGES: &str = ":scope > reply-coach-badge";
/// The attributes of a recognised row, removed when the row stops being one.
const ATTRIBUTES: [&str; 4] =
    ["data-rc-window", "data-rc-hours-since-customer", "data-rc-customer", "data-rc-awaiting"];

#[wasm_bindgen]
extern "C" {
    /// `chrome.runtime.sendMessage`: the service worker keeps the tab's status for the
    /// toolbar badge and the popup.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// The document's mutation observer, called with the records (to skip typing).
type ListObserver = Observer<MutationObserver, dyn FnMut(js_sys::Array)>;

pub struct Inbox {
    document: Document,
    profile: &'static Profile,
    /// What is known of each thread's customer's last message, by thread key, sorted.
    known: RefCell<Vec<(String, TimeRange)>>,
    /// Each row element read by an earlier scan and unchanged since → its entry in `seen`.
    /// The row observer forgets a row when anything in it changes.
    seen_rows: js_sys::WeakMap,
    /// What a scan read from each row and wrote to it, by entry id, sorted.
    seen: RefCell<Vec<(u32, Option<Seen>)>>,
    next_id: Cell<u32>,
    /// Watches the tree, texts and attributes of the rows, to forget the rows that change.
    rows_observer: RefCell<Option<ListObserver>>,
    timer: RefCell<Option<Timeout>>,
    /// The next minute's scan.
    tick: RefCell<Option<Timeout>>,
    observer: RefCell<Option<ListObserver>>,
    /// The last `(rows recognised, threads in their last hour)` told to the service worker.
    reported: Cell<Option<(u32, u32)>>,
    /// Swallows the rejection of a message nobody received (the worker is restarting).
    ignore: Closure<dyn FnMut(JsValue)>,
    /// "Expiring soonest", created once a list is recognised, and its click listener.
    panel: RefCell<Option<(Panel, EventListener)>>,
    /// The open conversation's window above its composer, created with the panel.
    banner: RefCell<Option<Banner>>,
    /// A resize moves the composer: it schedules a scan, which moves the banner.
    resize: RefCell<Option<EventListener>>,
    /// The thresholds, from the agent's settings ([`Inbox::set_clock`]).
    clock: RefCell<ClockSettings>,
    /// The open conversation's window state at the last scan.
    open_state: Cell<Option<&'static str>>,
    /// Called when that state changes: what may be sent changed with it, so the draft's
    /// findings must follow even if the agent types nothing.
    on_open_state_change: Box<dyn Fn()>,
}

impl Inbox {
    pub fn start(
        document: Document,
        profile: &'static Profile,
        on_open_state_change: Box<dyn Fn()>,
    ) -> Result<Rc<Inbox>, String> {
        let inbox = Rc::new(Inbox {
            document,
            profile,
            known: RefCell::new(Vec::new()),
            seen_rows: js_sys::WeakMap::new(),
            seen: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
            rows_observer: RefCell::new(None),
            timer: RefCell::new(None),
            tick: RefCell::new(None),
            observer: RefCell::new(None),
            reported: Cell::new(None),
            ignore: Closure::new(|_| {}),
            panel: RefCell::new(None),
            banner: RefCell::new(None),
            resize: RefCell::new(None),
            clock: RefCell::new(ClockSettings::default()),
            open_state: Cell::new(None),
            on_open_state_change,
        });
        let weak = Rc::downgrade(&inbox);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            let Some(inbox) = weak.upgrade_running() else { return };
            // Typing changes only the composer: no reason to read the list again.
            let composer = inbox.profile.composer.as_str();
            let in_composer = |record: JsValue| {
                let target = record.dyn_into::<MutationRecord>().ok().and_then(|r| r.target());
                let element = target.and_then(|node| match node.dyn_ref::<Element>() {
                    Some(element) => Some(element.clone()),
                    None => node.parent_element(),
                });
                element.is_some_and(|e| e.closest(composer).ok().flatten().is_some())
            };
            if !records.iter().all(in_composer) {
                inbox.schedule(PAGE_CHANGE_PAUSE_MS);
            }
        });
        let observer = dom::observe_document(&inbox.document, callback.as_ref().unchecked_ref())?;
        *inbox.observer.borrow_mut() = Some((observer, callback));
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
        *inbox.rows_observer.borrow_mut() = Some((rows_observer, callback));
        if let Some(window) = dom::window() {
            let weak = Rc::downgrade(&inbox);
            *inbox.resize.borrow_mut() = Some(EventListener::new(&window, "resize", move |_| {
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
        if let Ok(mut slot) = self.clock.try_borrow_mut() {
            *slot = clock;
        }
        self.schedule(0);
    }

    /// Runs a scan after `delay_ms`, unless one is already pending.
    fn schedule(self: &Rc<Self>, delay_ms: u32) {
        let Ok(mut timer) = self.timer.try_borrow_mut() else {
            return;
        };
        if timer.is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        *timer = Some(Timeout::new(delay_ms, move || {
            if let Some(inbox) = weak.upgrade_running() {
                inbox.timer.borrow_mut().take();
                inbox.scan();
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
        if let Ok(mut slot) = self.tick.try_borrow_mut() {
            *slot = Some(tick);
        }
    }

    fn scan(self: &Rc<Self>) {
        let timing = dom::Timing::start(SCAN_MEASURE);
        self.scan_and_show();
        timing.finish();
    }

    fn scan_and_show(self: &Rc<Self>) {
        // Taken out for the scan, so no borrow is held across DOM calls.
        let Ok(mut known) = self.known.try_borrow_mut().map(|mut k| std::mem::take(&mut *k)) else {
            return;
        };
        let mut awaiting_reply = Vec::new();
        let (counts, open) = self.scan_rows(&mut known, &mut awaiting_reply);
        if let Ok(mut slot) = self.known.try_borrow_mut() {
            *slot = known;
        }
        let open_state = open.as_ref().map(|(state, _)| *state);
        if self.open_state.replace(open_state) != open_state {
            (self.on_open_state_change)();
        }
        if counts.0 > 0 {
            if let Err(error) = self.show_panel(awaiting_reply).and_then(|()| self.show_banner(open)) {
                dom::warn(&error);
            }
        } else {
            // The layout is not recognised (any more): what the clock showed would go stale.
            self.hide_panel_and_banner();
        }
        if self.reported.get().is_some_and(|(rows, _)| counts.0 < rows) {
            self.clear_former_rows();
        }
        if self.reported.get() != Some(counts) {
            self.reported.set(Some(counts));
            self.report(counts);
        }
    }

    fn hide_panel_and_banner(&self) {
        if let Ok(mut panel) = self.panel.try_borrow_mut() {
            if let Some((panel, _)) = panel.as_mut() {
                let _ = panel.show(&self.document, Vec::new());
            }
        }
        if let Some(banner) = self.banner.try_borrow().ok().as_ref().and_then(|b| b.as_ref()) {
            banner.hide();
        }
    }

    /// Takes the marks off elements the profile no longer recognises as rows: the page
    /// renamed what the profile reads, or reused the element for something else.
    fn clear_former_rows(&self) {
        let Ok(marked) = self.document.query_selector_all("[data-rc-window]") else {
            return;
        };
        for element in (0..marked.length()).filter_map(|i| Some(marked.item(i)?.unchecked_into::<Element>())) {
            if !element.matches(&self.profile.rows).unwrap_or(false) {
                clear(&element);
            }
        }
    }

    /// Forgets what was read from the rows these mutation records changed (not our own
    /// `data-rc-*` attributes), and from rows added (a row may have changed while out of the
    /// document, where it is not observed).
    fn forget_changed(&self, records: &js_sys::Array) {
        let rows = self.profile.rows.as_str();
        for record in records.iter().filter_map(|r| r.dyn_into::<MutationRecord>().ok()) {
            if record.attribute_name().is_some_and(|name| name.starts_with("data-rc-")) {
                continue;
            }
            let target = record.target();
            let element = target.and_then(|node| match node.dyn_ref::<Element>() {
                Some(element) => Some(element.clone()),
                None => node.parent_element(),
            });
            if let Some(row) = element.and_then(|e| e.closest(rows).ok().flatten()) {
                self.seen_rows.delete(&row);
            }
            let added = record.added_nodes();
            for node in (0..added.length()).filter_map(|i| added.item(i)?.dyn_into::<Element>().ok()) {
                if node.matches(rows).unwrap_or(true) {
                    self.seen_rows.delete(&node);
                }
                let Ok(inner) = node.query_selector_all(rows) else {
                    continue;
                };
                for row in (0..inner.length()).filter_map(|i| inner.item(i)) {
                    self.seen_rows.delete(row.unchecked_ref());
                }
            }
        }
    }

    /// Hands the row observer's pending records to `forget_changed` (`keep` false: they are
    /// the scan's own writes, dropped).
    fn take_row_records(&self, keep: bool) {
        let Ok(slot) = self.rows_observer.try_borrow() else {
            return;
        };
        if let Some((observer, _)) = slot.as_ref() {
            let records = observer.take_records();
            if keep {
                self.forget_changed(&records);
            }
        }
    }

    /// Reads and marks every row; returns how many were recognised, and how many of
    /// those threads are in their last hour.
    /// Threads awaiting a reply that can still get one go to `awaiting_reply`; also
    /// returns the open thread's state and time left, for the banner.
    fn scan_rows(
        &self,
        known: &mut Vec<(String, TimeRange)>,
        awaiting_reply: &mut Vec<Entry>,
    ) -> ((u32, u32), Option<(&'static str, String)>) {
        let profile = self.profile;
        let Ok(rows) = self.document.query_selector_all(&profile.rows) else {
            return ((0, 0), None);
        };
        let clock = page_clock();
        let minute = clock.now_ms.div_euclid(60_000);
        let language = page_language(&self.document);
        let settings = self.clock.try_borrow().map(|c| c.clone()).unwrap_or_default();
        let url = self.document.url().unwrap_or_default();
        let open_key = query_parameter(&url, &profile.thread_key_parameter).map(str::to_string);
        let open = open_key.as_ref().map(|_| conversation::open_thread(&self.document, self.profile, &clock));
        let (mut recognised, mut last_hour) = (0, 0);
        // Rows changed since the last scan are read again; the others are not (reading every
        // row's texts was most of a scan's cost), and only marks whose value moved are written.
        self.take_row_records(true);
        let mut before = self.seen.try_borrow_mut().map(|mut seen| std::mem::take(&mut *seen)).unwrap_or_default();
        let mut seen = Vec::with_capacity(before.len());
        for row in (0..rows.length()).filter_map(|i| Some(rows.item(i)?.unchecked_into::<Element>())) {
            let id = self.seen_rows.get(&row).as_f64().map(|id| id as u32);
            let found = id.and_then(|id| before.binary_search_by_key(&id, |(i, _)| *i).ok());
            let (id, read, stamp, label, mut marks, parsed) = match (id, found.and_then(|i| before[i].1.take())) {
                (Some(id), Some(Seen::Row { read, stamp, label, marks, time })) => {
                    (id, read, stamp, label, Marks::new(&row, marks), Some(time))
                }
                (Some(id), Some(Seen::Other)) => {
                    seen.push((id, Some(Seen::Other)));
                    continue;
                }
                _ => {
                    let id = self.next_id.get();
                    self.next_id.set(id.wrapping_add(1));
                    self.seen_rows.set(&row, &id.into());
                    let Some(read) = self.row_texts(&row).and_then(|texts| profile.read_row(&texts)) else {
                        clear(&row);
                        seen.push((id, Some(Seen::Other)));
                        continue;
                    };
                    let (stamp, label) = self.row_stamp(&row);
                    (id, read, stamp, label, Marks::new(&row, Vec::new()), None)
                }
            };
            recognised += 1;
            let row_range = match parsed {
                Some(time) if time.minute == minute && time.language == language => time.range,
                _ => row_time(stamp.as_deref(), label.as_deref(), language, &clock),
            };
            let time = RowTime { minute, language, range: row_range };
            // The open conversation's stamp counts for its row only when its header names
            // the row's customer: the address can change before the pane does.
            let conversation = open
                .as_ref()
                .filter(|open| open_key.as_ref() == Some(&read.key) && open.customer == read.customer)
                .and_then(|open| open.last_customer);
            let slot = known.binary_search_by(|(key, _)| key.as_str().cmp(&read.key));
            let before = slot.ok().map(|i| known[i].1);
            let customer = customer_last(before, row_range, read.page_wrote_last, conversation);
            match (slot, customer) {
                (Ok(i), Some(range)) => known[i].1 = range,
                (Err(i), Some(range)) => known.insert(i, (read.key.clone(), range)),
                _ => {}
            }
            let mut status = window_status(customer, clock.now_ms, &settings);
            // A public comment may be answered publicly at any time: `open`, nothing
            // counted down, not in the panel (a private reply's 7 days are not shown).
            let comment = read.channel.as_deref().is_some_and(|c| c.ends_with("-comment"));
            if comment {
                (status.state, status.ms_left) = (WindowState::Open, None);
            }
            last_hour += u32::from(status.state == WindowState::LastHour);
            let state = state_name(status.state);
            marks.set("data-rc-window", Some(state));
            marks.set("data-rc-customer", read.customer.as_deref());
            let hours = status.hours_since_customer.map(|h| crate::text::number::shown_to(h, 3));
            marks.set("data-rc-hours-since-customer", hours.as_deref());
            let wait = awaiting(!read.page_wrote_last, customer, clock.now_ms, &settings).map(|w| match w.mark {
                AwaitingMark::WithinBadge => "within-badge",
                AwaitingMark::PastBadge => "past-badge",
                AwaitingMark::PastHour => "past-hour",
                AwaitingMark::Unknown => "unknown",
            });
            marks.set("data-rc-awaiting", wait);
            let language = language.unwrap_or(Language::En);
            let text = if comment { format_comment(language) } else { format_time_left(&status, language) };
            if marks.changed(Some(state)) | marks.changed(Some(&text)) {
                if let Err(error) = self.badge(&row, state, &text) {
                    dom::warn(&error);
                }
            }
            if let (false, Some(ms_left)) = (read.page_wrote_last, status.ms_left) {
                let customer = read.customer.clone().unwrap_or_else(|| read.key.clone());
                awaiting_reply.push(Entry { key: read.key.clone(), customer, state, left: text, ms_left });
            }
            seen.push((id, Some(Seen::Row { read, stamp, label, marks: marks.after, time })));
        }
        // The open thread: what its row and conversation told, else the conversation
        // alone (its row may be scrolled out of a virtualised list).
        let open_status = open_key.as_ref().map(|key| {
            let known_range = known.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|i| known[i].1);
            let range = known_range.or(open.as_ref().and_then(|open| open.last_customer));
            let status = window_status(range, clock.now_ms, &settings);
            (state_name(status.state), format_time_left(&status, language.unwrap_or(Language::En)))
        });
        crate::sort::sort_by_key(&mut seen, |(id, _)| (u64::from(*id), 0));
        if let Ok(mut slot) = self.seen.try_borrow_mut() {
            *slot = seen;
        }
        self.take_row_records(false);
        ((recognised, last_hour), open_status)
    }

    /// Shows the open thread's window above its composer; hidden when there is no
    /// composer in the conversation, or it answers a comment (no messaging window).
    fn show_banner(&self, open: Option<(&'static str, String)>) -> Result<(), String> {
        let mut slot = self.banner.try_borrow_mut().map_err(|_| "banner busy")?;
        if !slot.as_ref().is_some_and(Banner::is_connected) {
            *slot = Some(Banner::create(&self.document)?);
        }
        let Some(banner) = slot.as_ref() else {
            return Ok(());
        };
        let pane = self.document.query_selector(&self.profile.conversation).ok().flatten();
        let composer = pane.and_then(|pane| pane.query_selector(&self.profile.composer).ok().flatten());
        let label =
            composer.as_ref().and_then(|c| c.get_attribute("aria-label").or_else(|| c.get_attribute("placeholder")));
        match (open, composer) {
            (Some((state, text)), Some(composer)) if !label.is_some_and(|l| self.profile.is_comment_composer(&l)) => {
                banner.show(state, &message("bannerWindow", Some(&text)), &composer.get_bounding_client_rect());
            }
            _ => banner.hide(),
        }
        Ok(())
    }

    fn row_texts(&self, row: &Element) -> Option<RowTexts> {
        let profile = self.profile;
        let href = row.query_selector(&profile.row_link).ok()??.get_attribute("href")?;
        // querySelectorAll finds elements only.
        let all = |selector: &str, read: fn(Element) -> Option<String>| -> Vec<String> {
            let Ok(found) = row.query_selector_all(selector) else {
                return Vec::new();
            };
            (0..found.length()).filter_map(|i| read(found.item(i)?.unchecked_into())).collect()
        };
        Some(RowTexts {
            href,
            texts: all(&profile.row_texts, |e| Some(e.text_content()?.trim().to_string())),
            image_labels: all(&profile.row_images, |e| e.get_attribute("aria-label")),
        })
    }

    /// The row's exact stamp (an attribute of its time element) and relative label (its text).
    fn row_stamp(&self, row: &Element) -> (Option<String>, Option<String>) {
        let Some(time) = row.query_selector(&self.profile.row_time).ok().flatten() else {
            return (None, None);
        };
        let stamp = self.profile.message_time_attributes.iter().find_map(|name| time.get_attribute(name));
        (stamp, time.text_content())
    }

    /// Shows the threads awaiting a reply in the panel, creating it (again, if the page
    /// removed it) first.
    fn show_panel(self: &Rc<Self>, entries: Vec<Entry>) -> Result<(), String> {
        let mut slot = self.panel.try_borrow_mut().map_err(|_| "panel busy")?;
        if !slot.as_ref().is_some_and(|(panel, _)| panel.host().is_connected()) {
            if let Some((old, _)) = slot.take() {
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
            *slot = Some((panel, listener));
        }
        match slot.as_mut() {
            Some((panel, _)) => panel.show(&self.document, entries),
            None => Ok(()),
        }
    }

    /// Opens thread `key` as clicking its row does; nothing when its row is not shown.
    fn open(&self, key: &str) {
        let Ok(links) = self.document.query_selector_all(&self.profile.row_link) else {
            return;
        };
        for link in (0..links.length()).filter_map(|i| Some(links.item(i)?.unchecked_into::<HtmlElement>())) {
            let href = link.get_attribute("href").unwrap_or_default();
            if query_parameter(&href, &self.profile.thread_key_parameter) == Some(key) {
                link.click();
                return;
            }
        }
    }

    /// Tells the service worker how many rows were recognised (none: the popup says the
    /// layout is not recognised) and how many threads are in their last hour (the toolbar
    /// badge). Sent only when either changes.
    fn report(&self, (rows, last_hour): (u32, u32)) {
        let message = js_sys::Object::new();
        for (key, value) in [("type", JsValue::from("inbox")), ("rows", rows.into()), ("lastHour", last_hour.into())] {
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
    if let Ok(found) = row.query_selector_all(BADGES) {
        for i in 0..found.length() {
            if let Some(badge) = found.item(i) {
                badge.unchecked_into::<Element>().remove();
            }
        }
    }
}

/// What a scan read from a row and wrote to it. While the row does not change, the next
/// scans use it instead of reading the row again.
enum Seen {
    /// Not a thread row (its marks cleared).
    Other,
    Row {
        read: Row,
        stamp: Option<String>,
        label: Option<String>,
        marks: Vec<Option<String>>,
        time: RowTime,
    },
}

/// A row's time as parsed from its stamp and label at `minute` (of the page's clock) in
/// `language`. Its texts and the minute decide it, so an unchanged row is not parsed again
/// within the minute: every row's stamp parsed on every scan was a tenth of a rescan in
/// the profile (BENCHMARKS.md).
#[derive(Clone, Copy)]
struct RowTime {
    minute: i64,
    language: Option<Language>,
    range: Option<TimeRange>,
}

/// A row's marks, in the order a scan writes them, against those the last scan wrote:
/// the DOM is touched only for a mark whose value changed (the clock runs on).
struct Marks<'a> {
    row: &'a Element,
    before: Vec<Option<String>>,
    after: Vec<Option<String>>,
}

impl<'a> Marks<'a> {
    fn new(row: &'a Element, before: Vec<Option<String>>) -> Marks<'a> {
        Marks { row, before, after: Vec::with_capacity(6) }
    }

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
