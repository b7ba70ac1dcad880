//! What the clock keeps between scans, in one struct: what is known of the threads, what
//! each row element last read and showed (so an unchanged row is neither read nor written
//! again), the rows of the last scan, the agent's thresholds, and what was last told (the
//! open conversation's window state, the page's health, the status, the response turns),
//! so that only changes are passed on.

use wasm_bindgen::JsCast;
use web_sys::{Element, MutationRecord};

use crate::clock::{ClockSettings, WindowState};
use crate::inbox_view::{InboxStatus, RowMarks, RowMemory, RowTime};
use crate::page_profile::health::{Health, HealthWatch, Part};
use crate::page_profile::RowReading;
use crate::threads::Threads;
use crate::web::page;
use crate::web::responses::ResponseWatch;

/// What every recognised row carries; a mutation inside one makes it read again.
const MARKED: &str = "[data-rc-window]";

/// What a scan read from a row element and wrote to it. While the element does not
/// change, the next scans use it instead of reading the row again.
pub struct Seen {
    pub reading: RowReading,
    pub time: RowTime,
    /// What was written to the row; `None` before the first write.
    pub marks: Option<RowMarks>,
}

#[derive(Default)]
pub struct InboxState {
    pub threads: Threads,
    /// Each row element read by an earlier scan and unchanged since → its id in
    /// [`InboxState::seen`]. Changes the rows observer reports are forgotten
    /// ([`InboxState::forget_changed`]); a new profile forgets them all.
    pub element_ids: js_sys::WeakMap,
    pub seen: RowMemory<Seen>,
    /// The rows of the last scan, with their keys: to clear those that stop being rows,
    /// and to open a thread from the panel.
    pub rows: Vec<(Element, String)>,
    /// What the profile recognised of the page, scan after scan.
    health: HealthWatch,
    /// The status last told to the service worker.
    reported: Option<InboxStatus>,
    /// The thresholds, from the agent's settings.
    pub clock: ClockSettings,
    /// The open conversation's window state at the last scan.
    open_state: Option<WindowState>,
    /// The open conversation's response turns last told to the service worker.
    pub responses: ResponseWatch,
}

impl InboxState {
    /// Forgets what was read from the rows these mutation records changed (not our own
    /// `data-rc-*` attributes), and from rows added (a row may have changed while out of
    /// the document, where it is not observed). A row is found by the mark every
    /// recognised row carries. Whether an attribute in a recognised row changed: the
    /// document's observer, which leaves attributes out, schedules no scan for that.
    pub fn forget_changed(&self, records: &js_sys::Array) -> bool {
        let mut row_attributes_changed = false;
        for record in records.iter() {
            let Some(mutation) = record.dyn_ref::<MutationRecord>() else { continue };
            if mutation.attribute_name().is_some_and(|name| name.starts_with("data-rc-")) {
                continue;
            }
            if let Some(element) = page::target_element(&record) {
                self.element_ids.delete(&element);
                if let Some(row) = element.closest(MARKED).ok().flatten() {
                    self.element_ids.delete(&row);
                    row_attributes_changed |= mutation.attribute_name().is_some();
                }
            }
            let added = mutation.added_nodes();
            for node in (0..added.length()).filter_map(|i| added.item(i)?.dyn_into::<Element>().ok()) {
                self.element_ids.delete(&node);
                let Ok(inner) = node.query_selector_all(MARKED) else { continue };
                for row in (0..inner.length()).filter_map(|i| inner.item(i)) {
                    self.element_ids.delete(row.unchecked_ref());
                }
            }
        }
        row_attributes_changed
    }

    /// The profile was replaced: every row is read again.
    pub fn forget_rows(&mut self) {
        self.seen.clear();
    }

    /// Takes the open conversation's window state; whether it changed.
    pub fn note_open(&mut self, state: Option<WindowState>) -> bool {
        std::mem::replace(&mut self.open_state, state) != state
    }

    /// Feeds a scan's health at `now_ms`; the parts missing now, when they changed.
    pub fn note_health(&mut self, health: Option<Health>, now_ms: i64) -> Option<Vec<Part>> {
        let before = self.health.health().map(Health::missing);
        if let Some(health) = health {
            self.health.feed(health, now_ms);
        }
        let missing = self.health.health().map(Health::missing);
        (missing != before).then(|| missing.unwrap_or_default())
    }

    /// The page's health as the status tells it.
    pub fn health_json(&self) -> serde_json::Value {
        self.health.to_json()
    }

    /// Takes a scan's status; whether it differs from the one last told.
    pub fn note_status(&mut self, status: &InboxStatus) -> bool {
        if self.reported.as_ref() == Some(status) {
            return false;
        }
        self.reported = Some(status.clone());
        true
    }

    /// The row element showing thread `key` at the last scan.
    pub fn row_of(&self, key: &str) -> Option<Element> {
        self.rows.iter().find(|(_, k)| k == key).map(|(row, _)| row.clone())
    }
}
