//! The stale draft: the customer wrote again while the agent's draft was open, so the
//! draft may answer an older message (issue 18). Decided here from successive readings of
//! the open conversation; the card only shows the line ("Ana wrote again 1 min ago") and
//! tells when the agent has seen it (the composer's focus left and came back, or they
//! dismissed it). The draft itself is never touched.
//!
//! A new customer message is told by the customer's run, the messages after the Page's
//! last one: it grows by one when they write again, drops to 0 when the Page answers, and
//! stays when the page loads older history above. Nothing of the message is kept; the
//! customer's first name lives in memory only, for the line.

use crate::draft::PersonName;

/// One reading of the open conversation, with the draft's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading<'a> {
    /// The open thread (its id in the page's address, else its customer's name).
    pub thread: Option<&'a str>,
    /// The customer's display name, as the conversation shows it.
    pub customer: Option<&'a str>,
    /// Messages after the Page's last one, all the customer's.
    pub customer_run: usize,
    /// Whether the composer holds a draft (anything but blank).
    pub draft_open: bool,
    pub now_ms: i64,
}

/// What the card says: `first_name` wrote again `minutes` ago (0: just now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub first_name: String,
    pub minutes: i64,
}

/// The open thread as last read, and a new message the agent has not seen yet.
#[derive(Debug, Default)]
pub struct StaleWatch {
    thread: Option<String>,
    run: usize,
    /// The customer's first name and when the newest unseen message was noticed.
    unseen: Option<(String, i64)>,
}

impl StaleWatch {
    /// Folds in a reading; whether the line may have changed.
    pub fn read(&mut self, reading: &Reading) -> bool {
        let before = self.unseen.clone();
        if reading.thread != self.thread.as_deref() {
            // Another conversation: its history is no news.
            self.thread = reading.thread.map(str::to_string);
            self.unseen = None;
        } else if !reading.draft_open || reading.customer_run < self.run {
            // No draft to go stale, or the Page answered.
            self.unseen = None;
        } else if reading.customer_run > self.run {
            self.unseen = reading.customer.and_then(first_name).map(|name| (name, reading.now_ms));
        }
        self.run = reading.customer_run;
        before != self.unseen
    }

    /// The agent has seen the new message (focus came back to the composer, or they
    /// dismissed the line); whether there was a line.
    pub fn seen(&mut self) -> bool {
        self.unseen.take().is_some()
    }

    /// The line to show at `now_ms`, if any: whole minutes since the message was noticed.
    pub fn line(&self, now_ms: i64) -> Option<Line> {
        let (first_name, since) = self.unseen.as_ref()?;
        Some(Line { first_name: first_name.clone(), minutes: (now_ms - since).max(0) / 60_000 })
    }
}

/// The customer's first name ("Ana" of "Ana Popescu"); a handle or a single word as shown.
fn first_name(display: &str) -> Option<String> {
    let shown = display.trim();
    let first = PersonName::parse(shown).map_or_else(|| shown.to_string(), |name| name.first.text);
    (!first.is_empty()).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_446_000_000;

    fn reading(thread: &str, customer_run: usize, draft_open: bool, now_ms: i64) -> Reading<'_> {
        Reading { thread: Some(thread), customer: Some("Ana Popescu"), customer_run, draft_open, now_ms }
    }

    #[test]
    fn a_message_under_a_draft_shows_until_seen() {
        let mut watch = StaleWatch::default();
        assert!(!watch.read(&reading("1", 1, true, NOW)), "the conversation as opened is no news");
        assert_eq!(watch.line(NOW), None);
        assert!(watch.read(&reading("1", 2, true, NOW)));
        assert_eq!(watch.line(NOW + 59_999), Some(Line { first_name: "Ana".into(), minutes: 0 }));
        assert_eq!(watch.line(NOW + 60_000).map(|l| l.minutes), Some(1));
        // Readings that change nothing keep it; seeing it clears it.
        assert!(!watch.read(&reading("1", 2, true, NOW + 30_000)));
        assert!(watch.seen());
        assert_eq!(watch.line(NOW), None);
        assert!(!watch.seen());
        // Another message after that: a new line, from its own time.
        watch.read(&reading("1", 3, true, NOW + 120_000));
        assert_eq!(watch.line(NOW + 180_000).map(|l| l.minutes), Some(1));
    }

    #[test]
    fn no_line_without_a_draft_after_an_answer_or_in_another_conversation() {
        let mut watch = StaleWatch::default();
        watch.read(&reading("1", 0, false, NOW));
        watch.read(&reading("1", 1, false, NOW));
        assert_eq!(watch.line(NOW), None, "no draft: nothing to go stale");
        watch.read(&reading("1", 2, true, NOW));
        assert!(watch.line(NOW).is_some());
        // The draft is sent: the Page's message ends the run.
        watch.read(&reading("1", 0, true, NOW));
        assert_eq!(watch.line(NOW), None);
        watch.read(&reading("1", 1, true, NOW));
        assert!(watch.line(NOW).is_some());
        // The draft is emptied.
        watch.read(&reading("1", 1, false, NOW));
        assert_eq!(watch.line(NOW), None);
        // Another conversation opens with messages waiting: no news.
        watch.read(&reading("2", 4, true, NOW));
        assert_eq!(watch.line(NOW), None);
    }

    #[test]
    fn only_the_first_name_is_said() {
        let line = |customer| {
            let mut watch = StaleWatch::default();
            let first = Reading { customer: Some(customer), ..reading("1", 0, true, NOW) };
            watch.read(&first);
            watch.read(&Reading { customer_run: 1, ..first });
            watch.line(NOW).map(|l| l.first_name)
        };
        assert_eq!(line("Ana Popescu").as_deref(), Some("Ana"));
        assert_eq!(line("Արամ Պետրոսյան").as_deref(), Some("Արամ"));
        assert_eq!(line("ana.popescu92").as_deref(), Some("ana.popescu92"));
        assert_eq!(line("  "), None);
    }
}
