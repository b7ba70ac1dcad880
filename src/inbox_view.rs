//! What the inbox shows of its threads, decided as text: the marks a row carries (its
//! `data-rc-*` attributes, its badge and its wait) and which of them changed since the last
//! scan, when a row's time must be parsed again, the "Expiring soonest" entries in their
//! order, the banner's line and the status told to the service worker. `web::inbox` only
//! moves these between the page and [`crate::threads`], which decides where each thread
//! stands.
//!
//! Pure: every input is text and numbers, so each decision is tested here, natively.

use serde_json::{json, Value};

use crate::clock::{AwaitingMark, TimeRange, WaitLevel, WindowState};
use crate::lang::Language;
use crate::threads::{Awaiting, PanelOrder, RowStatus};

/// The attributes of a recognised row (the test contract), in the order a scan writes
/// them; all removed when the row stops being one.
pub const ROW_ATTRIBUTES: [&str; 5] =
    ["data-rc-window", "data-rc-customer", "data-rc-hours-since-customer", "data-rc-awaiting", "data-rc-waiting"];

/// How many threads "Expiring soonest" lists at most: the ones to answer first.
pub const PANEL_SHOWN: usize = 10;

/// A window state's name in the page's marks (`data-rc-window`, the badge's `data-state`),
/// which `extension/content.css` and the panel's and banner's styles colour.
pub fn state_name(state: WindowState) -> &'static str {
    match state {
        WindowState::Open => "open",
        WindowState::Closing => "closing",
        WindowState::LastHour => "last-hour",
        WindowState::HumanAgent => "human-agent",
        WindowState::Closed => "closed",
        WindowState::Unknown => "unknown",
    }
}

/// A wait's place against the 15-minute and one-hour marks (`data-rc-awaiting`).
pub fn awaiting_name(mark: AwaitingMark) -> &'static str {
    match mark {
        AwaitingMark::WithinBadge => "within-badge",
        AwaitingMark::PastBadge => "past-badge",
        AwaitingMark::PastHour => "past-hour",
        AwaitingMark::Unknown => "unknown",
    }
}

/// A wait's level by the agent's amber and red marks (`data-rc-waiting`, the wait's
/// `data-level`): its colour.
pub fn level_name(level: WaitLevel) -> &'static str {
    match level {
        WaitLevel::Calm => "calm",
        WaitLevel::Amber => "amber",
        WaitLevel::Red => "red",
    }
}

/// What a row carries, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct RowMarks {
    /// The values of [`ROW_ATTRIBUTES`], in order; `None` for one the row must not have.
    pub attributes: [Option<String>; 5],
    /// The badge's state name and text.
    pub badge: (&'static str, String),
    /// The wait shown just before the badge (its level name and text), when the customer
    /// wrote last and when is known.
    pub wait: Option<(&'static str, String)>,
}

/// Which of a row's marks must be written: those whose value changed since the last scan
/// wrote them, so a scan of an unchanged page writes nothing (and so does not feed the
/// page's mutation observers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkChanges {
    /// One per [`ROW_ATTRIBUTES`].
    pub attributes: [bool; 5],
    pub badge: bool,
    /// The wait is written again whenever the badge is: it stands just before it.
    pub wait: bool,
}

impl RowMarks {
    /// The marks of a row whose thread stands at `status` and whose customer is `customer`
    /// (as the row names them).
    pub fn of(status: &RowStatus, customer: Option<&str>) -> RowMarks {
        let window = state_name(status.state);
        let level = status.waiting.as_ref().map(|wait| level_name(wait.level));
        RowMarks {
            attributes: [
                Some(window.to_string()),
                customer.map(str::to_string),
                status.hours_since_customer.map(|hours| crate::text::number::shown_to(hours, 3)),
                status.awaiting.map(|mark| awaiting_name(mark).to_string()),
                level.map(str::to_string),
            ],
            badge: (window, status.text.clone()),
            wait: level.zip(status.waiting.as_ref().map(|wait| wait.text.clone())),
        }
    }

    /// What must be written for these marks over `before`, what the last scan wrote to
    /// the row (`None`: nothing yet, so everything).
    pub fn changes(&self, before: Option<&RowMarks>) -> MarkChanges {
        let Some(before) = before else {
            return MarkChanges { attributes: [true; 5], badge: true, wait: true };
        };
        let badge = self.badge != before.badge;
        MarkChanges {
            attributes: std::array::from_fn(|i| self.attributes[i] != before.attributes[i]),
            badge,
            wait: badge || self.wait != before.wait,
        }
    }
}

/// A row's time as parsed at a minute of the page's clock in a language: those and the
/// row's texts decide it, so an unchanged row is not parsed again within the minute.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RowTime {
    parsed: Option<(i64, Option<Language>)>,
    pub range: Option<TimeRange>,
}

impl RowTime {
    pub fn parsed(minute: i64, language: Option<Language>, range: Option<TimeRange>) -> RowTime {
        RowTime { parsed: Some((minute, language)), range }
    }

    /// Whether it still holds at `minute` in `language` (a relative stamp, "5 min", means
    /// another time a minute later).
    pub fn holds(&self, minute: i64, language: Option<Language>) -> bool {
        self.parsed == Some((minute, language))
    }
}

/// What the scans keep of each row element, by an id the page layer ties to the element
/// while it does not change: each scan takes what the last one kept, and keeps what it
/// read and wrote for the next.
#[derive(Debug)]
pub struct RowMemory<T> {
    /// Sorted by id; an entry taken leaves `None` (taking stays a search, not a move, in
    /// lists of thousands of rows).
    kept: Vec<(u32, Option<T>)>,
    next_id: u32,
}

impl<T> Default for RowMemory<T> {
    fn default() -> Self {
        RowMemory { kept: Vec::new(), next_id: 0 }
    }
}

impl<T> RowMemory<T> {
    /// What the last scan kept under `id`, once: an element shown twice is read twice.
    pub fn take(&mut self, id: u32) -> Option<T> {
        let at = self.kept.binary_search_by_key(&id, |(kept, _)| *kept).ok()?;
        self.kept[at].1.take()
    }

    /// An id no kept entry has.
    pub fn new_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = id.wrapping_add(1);
        id
    }

    /// Keeps this scan's entries for the next, forgetting the rest.
    pub fn keep(&mut self, entries: Vec<(u32, T)>) {
        let mut kept: Vec<(u32, Option<T>)> = entries.into_iter().map(|(id, entry)| (id, Some(entry))).collect();
        crate::sort::sort_by_key(&mut kept, |(id, _)| (u64::from(*id), 0));
        self.kept = kept;
    }

    /// Forgets every entry (the profile that read them was replaced).
    pub fn clear(&mut self) {
        self.kept.clear();
    }
}

/// One thread in "Expiring soonest", as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelEntry {
    /// The thread's key: its button opens it.
    pub key: String,
    pub customer: String,
    /// The state's name (`data-rc-window`).
    pub state: &'static str,
    /// The wait's level name (`data-rc-waiting`), when known.
    pub waiting: Option<&'static str>,
    /// The time left or, in the order by the longest wait, the wait when known.
    pub text: String,
}

/// The threads awaiting a reply as "Expiring soonest" lists them in `order`: the first
/// [`PANEL_SHOWN`], ties by key, so the list does not shuffle between scans.
pub fn panel_entries(awaiting: Vec<Awaiting>, order: PanelOrder) -> Vec<PanelEntry> {
    // Insertion by binary search: a handful of entries, and none of the slice sorts'
    // kilobytes of code in the Wasm.
    let mut ranked: Vec<Awaiting> = Vec::with_capacity(awaiting.len());
    for thread in awaiting {
        let rank = |a: &Awaiting| (a.rank(order), a.key.clone());
        let at = ranked.partition_point(|a| rank(a) <= rank(&thread));
        ranked.insert(at, thread);
    }
    ranked.truncate(PANEL_SHOWN);
    let by_waiting = order == PanelOrder::Waiting;
    ranked
        .into_iter()
        .map(|thread| {
            let waiting = thread.waiting.as_ref().map(|wait| level_name(wait.level));
            let text = match thread.waiting {
                Some(wait) if by_waiting => wait.text,
                _ => thread.text,
            };
            PanelEntry { key: thread.key, customer: thread.customer, state: state_name(thread.state), waiting, text }
        })
        .collect()
}

/// The banner's state name and time left: the open thread's, when the conversation has a
/// reply box that is not a public comment's (a comment has no messaging window); `None`
/// hides it. `reply_box_is_comment`: `None` when there is no reply box.
pub fn banner_line(
    open: Option<&(WindowState, String)>,
    reply_box_is_comment: Option<bool>,
) -> Option<(&'static str, &str)> {
    match (open, reply_box_is_comment) {
        (Some((state, text)), Some(false)) => Some((state_name(*state), text.as_str())),
        _ => None,
    }
}

/// What the service worker is told after a scan, for the toolbar badge and the popup.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxStatus {
    /// Rows recognised (none: the popup says the layout is not recognised).
    pub rows: u32,
    /// Threads in their last hour.
    pub last_hour: u32,
    /// Threads waiting past the red mark.
    pub waiting: u32,
    /// What the profile recognises of the page: counts and yes/no, never a name.
    pub health: Value,
}

impl InboxStatus {
    /// The message: `{type: "inbox", rows, lastHour, waiting, health}`.
    pub fn message(&self) -> Value {
        json!({
            "type": "inbox",
            "rows": self.rows,
            "lastHour": self.last_hour,
            "waiting": self.waiting,
            "health": self.health,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threads::Wait;

    fn status(state: WindowState, text: &str) -> RowStatus {
        RowStatus {
            key: "~Ana Popescu|messenger|/a.jpg".into(),
            state,
            hours_since_customer: None,
            awaiting: None,
            text: text.into(),
            waiting: None,
        }
    }

    fn wait(level: WaitLevel, text: &str, minutes: i64) -> Wait {
        Wait { level, text: text.into(), ms: minutes * 60_000 }
    }

    fn awaiting(customer: &str, ms_left: i64, waiting: Option<Wait>) -> Awaiting {
        Awaiting {
            key: format!("~{customer}"),
            customer: customer.into(),
            state: WindowState::Open,
            text: format!("{} h left", ms_left / 3_600_000),
            ms_left,
            waiting,
        }
    }

    #[test]
    fn the_names_are_those_the_settings_and_styles_use() {
        // The serde names (what the Wasm's JSON says) and the marks' names agree.
        let states = [
            WindowState::Open,
            WindowState::Closing,
            WindowState::LastHour,
            WindowState::HumanAgent,
            WindowState::Closed,
            WindowState::Unknown,
        ];
        for state in states {
            assert_eq!(serde_json::to_value(state).unwrap(), state_name(state));
        }
        let marks = [AwaitingMark::WithinBadge, AwaitingMark::PastBadge, AwaitingMark::PastHour, AwaitingMark::Unknown];
        for mark in marks {
            assert_eq!(serde_json::to_value(mark).unwrap(), awaiting_name(mark));
        }
        for level in [WaitLevel::Calm, WaitLevel::Amber, WaitLevel::Red] {
            assert_eq!(serde_json::to_value(level).unwrap(), level_name(level));
        }
    }

    #[test]
    fn a_row_awaiting_a_reply_carries_its_state_wait_and_hours() {
        let row = RowStatus {
            hours_since_customer: Some(0.2),
            awaiting: Some(AwaitingMark::WithinBadge),
            waiting: Some(wait(WaitLevel::Amber, "waiting 12 min · reply soon", 12)),
            ..status(WindowState::Open, "23 h 48 min left")
        };
        let marks = RowMarks::of(&row, Some("Ana Popescu"));
        let attributes = marks.attributes.each_ref().map(Option::as_deref);
        assert_eq!(attributes, [Some("open"), Some("Ana Popescu"), Some("0.2"), Some("within-badge"), Some("amber")]);
        assert_eq!(marks.badge, ("open", "23 h 48 min left".to_string()));
        assert_eq!(marks.wait, Some(("amber", "waiting 12 min · reply soon".to_string())));
    }

    #[test]
    fn a_row_the_page_answered_has_no_wait_and_unknowns_are_left_off() {
        let marks = RowMarks::of(&status(WindowState::Unknown, "Time unknown"), None);
        let attributes = marks.attributes.each_ref().map(Option::as_deref);
        assert_eq!(attributes, [Some("unknown"), None, None, None, None]);
        assert_eq!(marks.wait, None);
    }

    #[test]
    fn hours_are_written_to_three_decimals_as_javascript_writes_numbers() {
        let row = RowStatus { hours_since_customer: Some(23.456_78), ..status(WindowState::LastHour, "32 min left") };
        assert_eq!(RowMarks::of(&row, None).attributes[2].as_deref(), Some("23.457"));
        let row = RowStatus { hours_since_customer: Some(2.0), ..status(WindowState::Open, "22 h left") };
        assert_eq!(RowMarks::of(&row, None).attributes[2].as_deref(), Some("2"));
    }

    #[test]
    fn a_new_row_is_written_whole_and_an_unchanged_one_not_at_all() {
        let marks = RowMarks::of(&status(WindowState::Open, "5 h left"), Some("Ana Popescu"));
        assert_eq!(marks.changes(None), MarkChanges { attributes: [true; 5], badge: true, wait: true });
        assert_eq!(marks.changes(Some(&marks)), MarkChanges { attributes: [false; 5], badge: false, wait: false });
    }

    #[test]
    fn only_the_marks_that_moved_are_written_and_the_wait_follows_its_badge() {
        let before = RowMarks::of(&status(WindowState::Open, "5 h left"), Some("Ana Popescu"));
        // The clock ran on: the badge's text, then the wait before it.
        let later = RowMarks::of(&status(WindowState::Open, "4 h 59 min left"), Some("Ana Popescu"));
        assert_eq!(later.changes(Some(&before)), MarkChanges { attributes: [false; 5], badge: true, wait: true });
        // The customer wrote: the wait appears, the badge stays.
        let row = RowStatus {
            awaiting: Some(AwaitingMark::WithinBadge),
            waiting: Some(wait(WaitLevel::Calm, "waiting 1 min", 1)),
            ..status(WindowState::Open, "5 h left")
        };
        let wrote = RowMarks::of(&row, Some("Ana Popescu"));
        let changes = wrote.changes(Some(&before));
        assert_eq!(changes.attributes, [false, false, false, true, true]);
        assert!(!changes.badge && changes.wait);
    }

    #[test]
    fn a_rows_time_holds_for_its_minute_and_language() {
        let time = RowTime::parsed(100, Some(Language::Ro), None);
        assert!(time.holds(100, Some(Language::Ro)));
        assert!(!time.holds(101, Some(Language::Ro)));
        assert!(!time.holds(100, None));
        assert!(!RowTime::default().holds(100, None), "never parsed");
    }

    #[test]
    fn the_row_memory_gives_each_entry_back_once_and_keeps_only_the_last_scans() {
        let mut memory = RowMemory::default();
        let (a, b, c) = (memory.new_id(), memory.new_id(), memory.new_id());
        assert!(a != b && b != c && a != c);
        memory.keep(vec![(c, "c"), (a, "a"), (b, "b")]);
        assert_eq!(memory.take(b), Some("b"));
        assert_eq!(memory.take(b), None, "an element shown twice is read twice");
        // The next scan saw only `c`: `a` is forgotten.
        memory.keep(vec![(c, "c")]);
        assert_eq!(memory.take(a), None);
        assert_eq!(memory.take(c), Some("c"));
        memory.keep(vec![(a, "a")]);
        memory.clear();
        assert_eq!(memory.take(a), None);
    }

    #[test]
    fn the_panel_lists_the_least_time_left_first_ten_at_most() {
        let threads = (0..12).rev().map(|i| awaiting(&format!("Customer {i:02}"), (i + 1) * 3_600_000, None));
        let entries = panel_entries(threads.collect(), PanelOrder::TimeLeft);
        assert_eq!(entries.len(), PANEL_SHOWN);
        assert_eq!(entries[0].customer, "Customer 00");
        assert_eq!(entries[0].text, "1 h left");
        assert_eq!(entries[9].customer, "Customer 09");
    }

    #[test]
    fn the_panel_by_the_longest_wait_shows_the_wait_and_puts_unknown_waits_last() {
        let threads = vec![
            awaiting("Unknown Wait", 3_600_000, None),
            awaiting("Ana Popescu", 20 * 3_600_000, Some(wait(WaitLevel::Amber, "waiting 12 min · reply soon", 12))),
            awaiting(
                "Aram Petrosyan",
                90 * 3_600_000,
                Some(wait(WaitLevel::Red, "waiting 3 days · over 15 min", 4320)),
            ),
        ];
        let entries = panel_entries(threads, PanelOrder::Waiting);
        let shown: Vec<_> = entries.iter().map(|e| (e.customer.as_str(), e.waiting, e.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                ("Aram Petrosyan", Some("red"), "waiting 3 days · over 15 min"),
                ("Ana Popescu", Some("amber"), "waiting 12 min · reply soon"),
                ("Unknown Wait", None, "1 h left"),
            ]
        );
    }

    #[test]
    fn the_panels_ties_keep_one_order_whatever_the_order_handed_in() {
        let (ana, mihai) = (awaiting("Ana", 3_600_000, None), awaiting("Mihai", 3_600_000, None));
        let one = panel_entries(vec![mihai.clone(), ana.clone()], PanelOrder::TimeLeft);
        let other = panel_entries(vec![ana, mihai], PanelOrder::TimeLeft);
        assert_eq!(one, other);
        assert_eq!(one[0].customer, "Ana");
    }

    #[test]
    fn the_banner_shows_the_open_threads_window_above_a_message_reply_box_only() {
        let open = (WindowState::LastHour, "32 min left".to_string());
        assert_eq!(banner_line(Some(&open), Some(false)), Some(("last-hour", "32 min left")));
        assert_eq!(banner_line(Some(&open), Some(true)), None, "a comment has no window");
        assert_eq!(banner_line(Some(&open), None), None, "no reply box");
        assert_eq!(banner_line(None, Some(false)), None, "no thread known");
    }

    #[test]
    fn the_status_message_has_the_workers_shape() {
        let status = InboxStatus { rows: 7, last_hour: 1, waiting: 2, health: json!({"rows": "ok"}) };
        assert_eq!(
            status.message(),
            json!({"type": "inbox", "rows": 7, "lastHour": 1, "waiting": 2, "health": {"rows": "ok"}})
        );
    }
}
