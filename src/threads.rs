//! What is known of each thread in the inbox, scan after scan, and where each one stands.
//!
//! A scan hands over what the page shows now: every rendered row's reading and time, and
//! the open conversation with the thread id the page's address names. A row is known by
//! its key ([`RowReading::key`]: its id where the row names it, else what it shows); the
//! open conversation belongs to the row whose customer it names, and binds that key to
//! the thread's id. What was learnt (the customer's last message, read from their
//! conversation when the row shows the Page's reply; the ad they replied to) is kept by
//! key, so a recycled row element never carries another thread's state, and a thread
//! scrolled out of a virtualised list keeps its place in "Expiring soonest".
//!
//! Pure: the clock's `now`, the settings and the language are parameters.

use crate::clock::{
    awaiting, customer_last, format_comment, format_time_left, format_waiting, thread_window_status, AwaitingMark,
    ClockSettings, ThreadTimes, TimeRange, WaitLevel, WindowState,
};
use crate::lang::Language;
use crate::page_profile::{Conversation, RowReading, Sender};

/// The open conversation, as a scan sees it.
#[derive(Debug, Clone, Default)]
pub struct OpenThread {
    /// The thread's id in the page's address (`selected_item_id`).
    pub id: Option<String>,
    pub conversation: Conversation,
}

/// Where a row's thread stands.
#[derive(Debug, Clone, PartialEq)]
pub struct RowStatus {
    pub key: String,
    pub state: WindowState,
    /// Hours since the customer last wrote, worst case.
    pub hours_since_customer: Option<f64>,
    /// The wait against the 15-minute and one-hour marks, when the customer wrote last.
    pub awaiting: Option<AwaitingMark>,
    /// The badge's text.
    pub text: String,
    /// The wait shown beside the badge, when the customer wrote last and when is known.
    pub waiting: Option<Wait>,
}

/// How long a customer's message has waited, as shown: its level (the colour) and text
/// ("waiting 12 min · reply soon").
#[derive(Debug, Clone, PartialEq)]
pub struct Wait {
    pub level: WaitLevel,
    pub text: String,
    /// Milliseconds waited, worst case.
    pub ms: i64,
}

/// A thread awaiting a reply, for "Expiring soonest".
#[derive(Debug, Clone, PartialEq)]
pub struct Awaiting {
    pub key: String,
    pub customer: String,
    pub state: WindowState,
    pub text: String,
    pub ms_left: i64,
    /// How long it has waited, when known.
    pub waiting: Option<Wait>,
}

/// How "Expiring soonest" orders the threads awaiting a reply: the agent's choice in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PanelOrder {
    /// The least time left in the window first.
    #[default]
    TimeLeft,
    /// The longest wait first (a wait not known, last): the order the Very Responsive
    /// badge asks for, which differs for a thread past its 24 hours or from an ad.
    Waiting,
}

impl Awaiting {
    /// Its place in `order`, the lowest first.
    pub fn rank(&self, order: PanelOrder) -> i64 {
        match order {
            PanelOrder::TimeLeft => self.ms_left,
            PanelOrder::Waiting => self.waiting.as_ref().map_or(i64::MAX, |w| -w.ms),
        }
    }
}

/// What a scan found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    /// One per row handed in, in the same order.
    pub rows: Vec<RowStatus>,
    /// The open thread's state and time left (for the banner), when it is known.
    pub open: Option<(WindowState, String)>,
    /// Every known thread awaiting a reply that can still get one.
    pub awaiting: Vec<Awaiting>,
    /// How many of the rows are in their last hour.
    pub last_hour: u32,
    /// How many of the threads awaiting a reply have waited past the red mark (15 minutes
    /// by default): the toolbar's other count.
    pub waiting_past_red: u32,
}

/// What is known of one thread.
#[derive(Debug, Clone, Default)]
struct Known {
    customer_name: Option<String>,
    /// The customer's last message, as far as anything told.
    customer: Option<TimeRange>,
    /// When the customer replied to the ad the thread came from, as its conversation
    /// dated it: that reply's standard window lasts 7 days. Unknown (a row's ad marker
    /// alone does not date the reply), the thread is judged by its 24 hours.
    ad_reply: Option<TimeRange>,
    /// The Page wrote last, at the last reading.
    page_wrote_last: bool,
    comment: bool,
}

/// What is known of the threads, by key.
#[derive(Debug, Default)]
pub struct Threads {
    /// Sorted by key.
    known: Vec<(String, Known)>,
    /// Thread ids bound to the key of the row that showed them: (id, key), sorted by id.
    bound: Vec<(String, String)>,
}

impl Threads {
    /// Folds what the page shows now into what is known, and tells where each row's
    /// thread stands. `rows`: each rendered row's reading and time.
    pub fn scan(
        &mut self,
        rows: &[(RowReading, Option<TimeRange>)],
        open: &OpenThread,
        now_ms: i64,
        settings: &ClockSettings,
        language: Language,
    ) -> Scan {
        let open_row = self.open_row(rows, open);
        let mut scan = Scan::default();
        for (index, (reading, time)) in rows.iter().enumerate() {
            let key = reading.key();
            let conversation = (open_row == Some(index)).then_some(&open.conversation);
            let known = self.known_mut(&key);
            let customer = customer_last(
                known.customer,
                *time,
                reading.page_wrote_last,
                conversation.and_then(|c| c.last_customer),
            );
            *known = Known {
                customer_name: reading.customer.clone().or(known.customer_name.take()),
                customer,
                ad_reply: conversation.and_then(|c| c.ad_reply).or(known.ad_reply),
                page_wrote_last: reading.page_wrote_last,
                comment: reading.is_comment(),
            };
            let status = status_of(known, now_ms, settings, language);
            scan.last_hour += u32::from(status.state == WindowState::LastHour);
            let wait = awaiting(!reading.page_wrote_last, customer, now_ms, settings);
            scan.rows.push(RowStatus {
                key,
                state: status.state,
                hours_since_customer: status.hours,
                awaiting: wait.map(|w| w.mark),
                text: status.text,
                waiting: wait_of(known, now_ms, settings, language),
            });
        }
        // The open thread: its row's, or (its row scrolled out of the list) the
        // conversation's own reading folded into what its bound key knew.
        let open_key = match open_row {
            Some(index) => Some(rows[index].0.key()),
            None => open.id.as_ref().and_then(|id| self.key_of(id).map(str::to_string)),
        };
        if let (None, Some(key)) = (open_row, &open_key) {
            let known = self.known_mut(key);
            known.customer = customer_last(known.customer, None, true, open.conversation.last_customer);
            known.ad_reply = open.conversation.ad_reply.or(known.ad_reply);
            if let Some(sender) = open.conversation.last_sender {
                known.page_wrote_last = sender == Sender::Page;
            }
        }
        let open_known = match &open_key {
            Some(key) => self.known(key).cloned(),
            None if open.conversation.has_messages => {
                Some(Known { customer: open.conversation.last_customer, ..Known::default() })
            }
            None => None,
        };
        scan.open = open_known.map(|known| {
            let status = status_of(&known, now_ms, settings, language);
            (status.state, status.text)
        });
        for (key, known) in &self.known {
            let status = status_of(known, now_ms, settings, language);
            if known.page_wrote_last || known.comment {
                continue;
            }
            if let Some(ms_left) = status.ms_left {
                let waiting = wait_of(known, now_ms, settings, language);
                scan.waiting_past_red += u32::from(waiting.as_ref().is_some_and(|w| w.level == WaitLevel::Red));
                scan.awaiting.push(Awaiting {
                    key: key.clone(),
                    customer: known.customer_name.clone().unwrap_or_else(|| key.clone()),
                    state: status.state,
                    text: status.text,
                    ms_left,
                    waiting,
                });
            }
        }
        scan
    }

    /// The key of the row `id` was bound to, or `id` itself where rows name their thread.
    pub fn key_of<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        match self.bound.binary_search_by(|(bound, _)| bound.as_str().cmp(id)) {
            Ok(i) => Some(self.bound[i].1.as_str()),
            Err(_) => self.known(id).map(|_| id),
        }
    }

    /// Which row shows the open conversation: the one naming its id, else the one row
    /// naming its customer (the address changes before the pane does, so the pane's name
    /// must agree; two rows with that name are no answer). Binds the id, when the page's
    /// address names one (some inbox addresses do not), to the row's key.
    fn open_row(&mut self, rows: &[(RowReading, Option<TimeRange>)], open: &OpenThread) -> Option<usize> {
        let customer = open.conversation.customer.as_deref()?;
        let named = |reading: &RowReading| reading.customer.as_deref() == Some(customer);
        let by_id = rows.iter().position(|(reading, _)| reading.thread_id.is_some() && reading.thread_id == open.id);
        let index = match by_id {
            Some(index) => named(&rows[index].0).then_some(index)?,
            None => {
                let mut matching = rows.iter().enumerate().filter(|(_, (reading, _))| named(reading));
                match (matching.next(), matching.next()) {
                    (Some((index, _)), None) => index,
                    _ => return None,
                }
            }
        };
        let key = rows[index].0.key();
        if let Some(id) = open.id.as_ref().filter(|id| **id != key) {
            match self.bound.binary_search_by(|(bound, _)| bound.as_str().cmp(id)) {
                Ok(i) => self.bound[i].1 = key,
                Err(i) => self.bound.insert(i, (id.clone(), key)),
            }
        }
        Some(index)
    }

    fn known(&self, key: &str) -> Option<&Known> {
        self.known.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok().map(|i| &self.known[i].1)
    }

    fn known_mut(&mut self, key: &str) -> &mut Known {
        let i = match self.known.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(i) => i,
            Err(i) => {
                self.known.insert(i, (key.to_string(), Known::default()));
                i
            }
        };
        &mut self.known[i].1
    }
}

/// How long a known thread's customer has waited, when they wrote last and when is known.
fn wait_of(known: &Known, now_ms: i64, settings: &ClockSettings, language: Language) -> Option<Wait> {
    let wait = awaiting(!known.page_wrote_last, known.customer, now_ms, settings)?;
    Some(Wait { level: wait.level?, text: format_waiting(&wait, settings, language)?, ms: wait.age_ms? })
}

struct Status {
    state: WindowState,
    hours: Option<f64>,
    ms_left: Option<i64>,
    text: String,
}

/// Where a known thread stands. A public comment may be answered publicly at any time:
/// `open`, nothing counted down (a private reply's 7 days are not shown).
fn status_of(known: &Known, now_ms: i64, settings: &ClockSettings, language: Language) -> Status {
    let times = ThreadTimes { customer: known.customer, ad_reply: known.ad_reply };
    let status = thread_window_status(&times, now_ms, settings);
    if known.comment {
        return Status {
            state: WindowState::Open,
            hours: status.hours_since_customer,
            ms_left: None,
            text: format_comment(language),
        };
    }
    Status {
        state: status.state,
        hours: status.hours_since_customer,
        ms_left: status.ms_left,
        text: format_time_left(&status, language),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_profile::Read;

    /// Monday 2026-11-23 15:00 UTC.
    const NOW: i64 = 1_795_446_000_000;
    const HOUR: i64 = 3_600_000;

    fn at(ago: i64) -> Option<TimeRange> {
        let start = (NOW - ago) / 60_000 * 60_000;
        Some(TimeRange { earliest_ms: start, latest_ms: start + 59_999 })
    }

    fn row(customer: &str, page_wrote_last: bool) -> RowReading {
        RowReading {
            customer: Some(customer.to_string()),
            channel: Some("messenger".to_string()),
            page_wrote_last,
            avatar: Some(format!("/{customer}.jpg")),
            times: vec![(Read::EpochSeconds, String::new())],
            ..RowReading::default()
        }
    }

    fn open(id: &str, customer: &str, last_customer: Option<TimeRange>) -> OpenThread {
        OpenThread {
            id: Some(id.to_string()),
            conversation: Conversation {
                customer: Some(customer.to_string()),
                last_customer,
                last_sender: Some(Sender::Page),
                has_messages: true,
                ..Conversation::default()
            },
        }
    }

    fn scan(threads: &mut Threads, rows: &[(RowReading, Option<TimeRange>)], open: &OpenThread) -> Scan {
        threads.scan(rows, open, NOW, &ClockSettings::default(), Language::En)
    }

    #[test]
    fn a_row_showing_the_pages_reply_waits_for_its_conversation_and_keeps_what_it_told() {
        let mut threads = Threads::default();
        let rows =
            [(row("Ana Popescu", true), at(5 * 60_000)), (row("Mihai Ionescu", false), at(23 * HOUR + 1_800_000))];
        let first = scan(&mut threads, &rows, &OpenThread::default());
        assert_eq!(first.rows[0].state, WindowState::Unknown);
        assert_eq!(first.rows[1].state, WindowState::LastHour);
        assert_eq!(first.last_hour, 1);
        // Ana's conversation opens: it says she wrote two hours ago, and binds her thread.
        let opened = scan(&mut threads, &rows, &open("100052384037366", "Ana Popescu", at(2 * HOUR)));
        assert_eq!(opened.rows[0].state, WindowState::Open);
        assert_eq!(opened.rows[0].hours_since_customer, Some(2.0));
        assert_eq!(opened.open.as_ref().map(|(state, _)| *state), Some(WindowState::Open));
        assert_eq!(threads.key_of("100052384037366"), Some(rows[0].0.key().as_str()));
        // Another conversation opens; what Ana's told is kept.
        let after = scan(&mut threads, &rows, &open("100089273645128", "Mihai Ionescu", at(23 * HOUR + 1_800_000)));
        assert_eq!(after.rows[0].state, WindowState::Open);
    }

    #[test]
    fn a_recycled_row_takes_the_state_of_the_thread_it_shows() {
        let mut threads = Threads::default();
        let ana = (row("Ana Popescu", false), at(2 * HOUR));
        let priya = (row("Priya Sharma", false), at(9 * 24 * HOUR));
        let before = scan(&mut threads, &[ana.clone(), priya.clone()], &OpenThread::default());
        assert_eq!(before.rows.iter().map(|r| r.state).collect::<Vec<_>>(), [WindowState::Open, WindowState::Closed]);
        // The same two elements now show the other thread each: the states follow the threads.
        let after = scan(&mut threads, &[priya, ana], &OpenThread::default());
        assert_eq!(after.rows.iter().map(|r| r.state).collect::<Vec<_>>(), [WindowState::Closed, WindowState::Open]);
    }

    #[test]
    fn the_open_conversation_counts_only_for_the_row_naming_its_customer() {
        let mut threads = Threads::default();
        let rows = [(row("Ana Popescu", true), at(5 * 60_000))];
        // The address already names the next thread, the pane still shows another customer.
        let stale = scan(&mut threads, &rows, &open("1", "Elena Dumitru", at(2 * HOUR)));
        assert_eq!(stale.rows[0].state, WindowState::Unknown);
        assert_eq!(threads.key_of("1"), None);
        // Two rows with the customer's name: no row is the open one.
        let twins = [(row("Ana Popescu", true), None), (RowReading { avatar: None, ..row("Ana Popescu", true) }, None)];
        let ambiguous = scan(&mut threads, &twins, &open("2", "Ana Popescu", at(2 * HOUR)));
        assert!(ambiguous.rows.iter().all(|r| r.state == WindowState::Unknown));
    }

    #[test]
    fn a_thread_scrolled_out_of_the_list_keeps_its_place_awaiting() {
        let mut threads = Threads::default();
        let mihai = (row("Mihai Ionescu", false), at(23 * HOUR + 1_800_000));
        scan(&mut threads, &[mihai], &OpenThread::default());
        let later = scan(&mut threads, &[(row("Ana Popescu", false), at(HOUR))], &OpenThread::default());
        let names: Vec<_> = later.awaiting.iter().map(|a| a.customer.as_str()).collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"Mihai Ionescu"));
        assert_eq!(later.last_hour, 0, "the count is of the rows shown");
    }

    #[test]
    fn the_open_thread_whose_row_is_not_shown_is_known_by_its_binding() {
        let mut threads = Threads::default();
        let rows = [(row("Ana Popescu", true), at(5 * 60_000))];
        scan(&mut threads, &rows, &open("7", "Ana Popescu", at(2 * HOUR)));
        let scrolled = scan(&mut threads, &[], &open("7", "Ana Popescu", at(2 * HOUR)));
        assert_eq!(scrolled.open.map(|(state, _)| state), Some(WindowState::Open));
        // A thread never seen in the list: the conversation alone.
        let alone = scan(&mut Threads::default(), &[], &open("8", "Aram Petrosyan", at(3 * 24 * HOUR)));
        assert_eq!(alone.open.map(|(state, _)| state), Some(WindowState::HumanAgent));
    }

    #[test]
    fn an_address_without_a_thread_id_still_opens_the_row_naming_the_customer() {
        let mut threads = Threads::default();
        let rows = [(row("Ana Popescu", true), at(5 * 60_000))];
        let open = OpenThread { id: None, ..open("", "Ana Popescu", at(2 * HOUR)) };
        let scan = scan(&mut threads, &rows, &open);
        assert_eq!(scan.rows[0].state, WindowState::Open);
        assert_eq!(scan.open.map(|(state, _)| state), Some(WindowState::Open));
    }

    #[test]
    fn a_thread_from_an_ad_has_seven_days_once_its_conversation_dates_the_reply() {
        let mut threads = Threads::default();
        // Lucia replied to an ad 30 hours ago; the Page's automated greeting is the row's.
        let lucia = RowReading { from_ad: true, ..row("Lucia Marin", true) };
        let rows = [(lucia, at(30 * HOUR - 5_000))];
        assert_eq!(scan(&mut threads, &rows, &OpenThread::default()).rows[0].state, WindowState::Unknown);
        let mut open = open("9", "Lucia Marin", at(30 * HOUR));
        open.conversation.from_ad = true;
        open.conversation.ad_reply = at(30 * HOUR);
        let opened = scan(&mut threads, &rows, &open);
        assert_eq!(opened.rows[0].state, WindowState::Open);
        assert_eq!(opened.rows[0].text, "Ad reply · 5 days 18 h left");
        assert_eq!(opened.open.map(|(state, _)| state), Some(WindowState::Open));
        // Kept after another conversation opens.
        let later = scan(&mut threads, &rows, &OpenThread::default());
        assert_eq!(later.rows[0].state, WindowState::Open);
        // Without the ad, 30 hours is past the standard window.
        let plain = [(row("Lucia Marin", false), at(30 * HOUR))];
        assert_eq!(
            scan(&mut Threads::default(), &plain, &OpenThread::default()).rows[0].state,
            WindowState::HumanAgent
        );
    }

    #[test]
    fn comments_are_open_and_not_awaiting() {
        let mut threads = Threads::default();
        let comment = RowReading { channel: Some("facebook-comment".into()), ..row("Elena Dumitru", false) };
        let scan = scan(&mut threads, &[(comment, at(26 * HOUR))], &OpenThread::default());
        assert_eq!(scan.rows[0].state, WindowState::Open);
        assert_eq!(scan.rows[0].text, "Public comment · no time limit");
        assert_eq!(scan.rows[0].awaiting, Some(AwaitingMark::PastHour));
        assert!(scan.awaiting.is_empty());
    }

    #[test]
    fn a_wait_is_shown_and_counted_past_the_red_mark() {
        let mut threads = Threads::default();
        let rows = [
            (row("Nine Minutes", false), at(9 * 60_000)),
            (row("Ten Minutes", false), at(10 * 60_000)),
            (row("Fifteen Minutes", false), at(15 * 60_000)),
            (row("Sixteen Minutes", false), at(16 * 60_000)),
            (row("Answered", true), at(20 * 60_000)),
        ];
        let scan = scan(&mut threads, &rows, &OpenThread::default());
        let shown: Vec<_> = scan.rows.iter().map(|r| r.waiting.as_ref().map(|w| (w.level, w.text.as_str()))).collect();
        assert_eq!(
            shown,
            [
                Some((WaitLevel::Calm, "waiting 9 min")),
                Some((WaitLevel::Amber, "waiting 10 min · reply soon")),
                Some((WaitLevel::Red, "waiting 15 min · over 15 min")),
                Some((WaitLevel::Red, "waiting 16 min · over 15 min")),
                None,
            ]
        );
        assert_eq!(scan.waiting_past_red, 2);
        let waited: Vec<_> =
            scan.awaiting.iter().map(|a| (a.customer.as_str(), a.waiting.as_ref().map(|w| w.ms))).collect();
        assert!(waited.contains(&("Sixteen Minutes", Some(16 * 60_000))), "{waited:?}");
        // A comment waits too, but is not in the panel nor in the count.
        let comment = RowReading { channel: Some("facebook-comment".into()), ..row("Elena Dumitru", false) };
        let scan = self::scan(&mut Threads::default(), &[(comment, at(HOUR))], &OpenThread::default());
        assert_eq!(scan.rows[0].waiting.as_ref().map(|w| w.level), Some(WaitLevel::Red));
        assert_eq!(scan.waiting_past_red, 0);
    }

    #[test]
    fn the_panel_ranks_by_time_left_or_by_the_longest_wait() {
        let mut threads = Threads::default();
        // Aram waits 3 days (4 days left for a human agent); Ana 20 minutes (23 h 40 left).
        let rows = [(row("Aram Petrosyan", false), at(3 * 24 * HOUR)), (row("Ana Popescu", false), at(20 * 60_000))];
        let scan = scan(&mut threads, &rows, &OpenThread::default());
        let first = |order| {
            let best = scan.awaiting.iter().min_by_key(|a| a.rank(order)).unwrap();
            best.customer.as_str()
        };
        assert_eq!(first(PanelOrder::TimeLeft), "Ana Popescu");
        assert_eq!(first(PanelOrder::Waiting), "Aram Petrosyan");
        let unknown = Awaiting { waiting: None, ..scan.awaiting[0].clone() };
        assert_eq!(unknown.rank(PanelOrder::Waiting), i64::MAX);
    }
}
