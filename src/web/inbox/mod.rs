//! The 24-hour clock in the conversation list: each row gets its window state and a badge
//! with the time left, kept current as the clock runs and the page re-renders.
//!
//! Per scan: the profile finds the rows ([`crate::page_profile::PageProfile::rows`]) and reads
//! each one that changed since the last scan ([`crate::page_profile::PageProfile::read_row`]), and
//! the open conversation; [`crate::threads::Threads::scan`] decides where every thread
//! stands, keeping what it learnt by thread, never by element (a virtualised list recycles
//! its rows for other threads as it scrolls), and [`crate::inbox_view`] what each row
//! shows. This module only moves that between the page and the core: [`reading`] turns
//! the page into plain records, [`state`] is what is kept between scans, [`report`] writes
//! the rows' marks and tells the service worker, and [`shown`] keeps the panel and the
//! banner. This file starts the observers and runs the scans, in their order of work.
//!
//! The row carries the test contract, `data-rc-window`, `data-rc-hours-since-customer`
//! (worst case; absent when unknown) and `data-rc-customer` (and `data-rc-awaiting`, the
//! wait against the 15-minute and one-hour marks, and `data-rc-waiting`, its level by the
//! agent's amber and red marks, when the customer wrote last), and one
//! `<reply-coach-badge>`, its last child, styled by `extension/content.css`; a row awaiting
//! a reply has a `<reply-coach-wait>` just before it ("waiting 12 min · reply soon",
//! `data-level` for its colour). Writes happen only where a value changed, so a scan of
//! an unchanged page changes nothing (and so does not feed the mutation observer).
//!
//! Scans run from a timer only (listeners only schedule): a change to the page's tree or
//! text, or to an attribute in a recognised row (a redesign renaming its hooks), schedules
//! one (200 ms, not postponed by further changes), and each scan schedules the next at the
//! next whole minute, which keeps the time left current on a page that does not change.
//!
//! After a scan that changed the counts, the service worker is told how many rows were
//! recognised, how many threads are in their last hour and how many have waited past the
//! red mark (`{type: "inbox", rows, lastHour, waiting}`): the toolbar badge (one count or
//! the other, by the agent's setting) and the popup's status come from it.

mod reading;
mod report;
mod shown;
mod state;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

use crate::clock::{ms_to_next_minute, ClockSettings, WindowState};
use crate::inbox_view::{InboxStatus, RowMarks};
use crate::lang::Language;
use crate::page_profile::health::{Health, Part};
use crate::threads::Awaiting;
use crate::web::active::ActiveProfile;
use crate::web::conversation::{page_clock, page_language};
use crate::web::dom::{self, Callback, RecordsObserver};
use crate::web::live::OpenReading;
use crate::web::page;
use shown::Shown;
use state::InboxState;

const PAGE_CHANGE_PAUSE_MS: u32 = 200;
/// How long after a whole minute its tick runs: past the boundary, whatever the timer's
/// jitter.
const TICK_AFTER_MINUTE_MS: i64 = 50;
/// Each scan's cost (rows read and badged, then the panel and the banner) on the page's
/// performance timeline ([`dom::Timing`]).
const SCAN_MEASURE: &str = "reply-coach:scan";

pub struct Inbox {
    document: Document,
    profile: ActiveProfile,
    /// Everything kept from one scan to the next.
    state: RefCell<InboxState>,
    /// The scan scheduled after a page change, and the one at the next minute.
    timers: RefCell<(Option<Timeout>, Option<Timeout>)>,
    /// The document's observer (schedules scans) and the rows' (forgets changed rows, and
    /// schedules a scan when only their attributes changed).
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

/// What a scan found.
#[derive(Default)]
struct Scanned {
    recognised: u32,
    last_hour: u32,
    waiting_past_red: u32,
    /// The open thread's state and time left.
    open: Option<(WindowState, String)>,
    awaiting: Vec<Awaiting>,
    /// The open conversation's reply box.
    reply_box: Option<Element>,
    /// What the profile recognised of the page.
    health: Option<Health>,
    /// The open conversation, for the stale-draft line.
    conversation: Option<OpenReading>,
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
            state: RefCell::new(InboxState::default()),
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
            let Some(inbox) = weak.upgrade_running() else { return };
            if inbox.state.try_borrow().is_ok_and(|state| state.forget_changed(&records)) {
                inbox.schedule(PAGE_CHANGE_PAUSE_MS);
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
            state.forget_rows();
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
        let open_changed = state.note_open(scanned.open.as_ref().map(|(state, _)| *state));
        let missing = state.note_health(scanned.health.take(), js_sys::Date::now() as i64);
        let status = InboxStatus {
            rows: scanned.recognised,
            last_hour: scanned.last_hour,
            waiting: scanned.waiting_past_red,
            health: state.health_json(),
        };
        let report = state.note_status(&status);
        if let Ok(mut slot) = self.state.try_borrow_mut() {
            *slot = state;
        }
        if open_changed {
            (self.on_open_state_change)();
        }
        if let Some(missing) = missing {
            (self.on_missing_parts)(missing);
        }
        if let Some(open) = scanned.conversation.take() {
            (self.on_conversation)(open);
        }
        if status.rows > 0 {
            let shown = self.show_panel(scanned.awaiting);
            if let Err(error) = shown.and_then(|()| self.show_banner(scanned.open, scanned.reply_box)) {
                dom::warn(&error);
            }
        } else {
            // The layout is not recognised (any more): what the clock showed would go stale.
            self.hide_panel_and_banner();
        }
        if report {
            report::send(&crate::wasm::js_of(&status.message()), &self.ignore);
        }
    }

    /// Reads and marks every row, and reads the open conversation.
    fn scan_rows(&self, state: &mut InboxState) -> Scanned {
        let Some(root) = page::root(&self.document) else { return Scanned::default() };
        let clock = page_clock();
        let language = page_language(&self.document);
        let profile = self.profile.get();
        // Changes since the last scan make their rows read again.
        self.take_row_records(Some(state));
        let mut rows = reading::rows(&root, &profile, state, &clock, language);
        let url = self.document.url().unwrap_or_default();
        let open = reading::open_thread(&self.document, &profile, &url, &clock);
        if let Some(turns) = state.responses.observe(&root, &profile, (&url, &open), language, &clock) {
            report::send(&turns, &self.ignore);
        }
        // The badges speak Reply Coach's UI language (the catalogue's), not the page's.
        let shown_in = Language::from_code(crate::catalogue::ui_language().code()).unwrap_or(Language::En);
        let scan = state.threads.scan(&rows.inputs, &open, clock.now_ms, &state.clock, shown_in);
        let reply_box = profile.reply_box(&root, None);
        let health = reading::health(&root, &profile, &rows, &open, reply_box.is_some());
        let mut shown = Vec::with_capacity(rows.elements.len());
        let inputs = std::mem::take(&mut rows.inputs);
        let marked = rows.elements.iter().zip(&mut rows.seen).zip(inputs).zip(scan.rows);
        for (((row, (_, entry)), (reading, _)), status) in marked {
            let marks = RowMarks::of(&status, reading.customer.as_deref());
            report::write_row(&self.document, row, &marks, marks.changes(entry.marks.as_ref()));
            entry.marks = Some(marks);
            entry.reading = reading;
            shown.push((row.clone(), status.key));
        }
        // Rows of the last scan that are not rows any more: the page renamed what the
        // profile reads, or reused the element for something else. (A set, not a search of
        // the list: comparing elements is a call into the page, and lists run to thousands.)
        let current = js_sys::WeakSet::new();
        for row in &rows.elements {
            current.add(row);
        }
        for (element, _) in &state.rows {
            if !current.has(element) {
                report::clear(element);
                state.element_ids.delete(element);
            }
        }
        state.seen.keep(rows.seen);
        state.rows = shown;
        // The scan's own writes: not changes to read again.
        self.take_row_records(None);
        Scanned {
            recognised: rows.elements.len() as u32,
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

    /// Hands the rows observer's pending records to `state` to forget the rows they
    /// changed (`None`: they are the scan's own writes, dropped).
    fn take_row_records(&self, state: Option<&InboxState>) {
        let Ok(observers) = self.observers.try_borrow() else { return };
        if let Some((observer, _)) = observers.get(1) {
            let records = observer.take_records();
            if let Some(state) = state {
                // This scan reads the changed rows now: no other is needed for them.
                state.forget_changed(&records);
            }
        }
    }
}
