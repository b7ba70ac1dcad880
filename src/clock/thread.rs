//! A thread's customer's last message, put together from what the page shows now and
//! what it showed before: the list row's stamp or label (when the customer wrote last),
//! the open conversation's exact stamp (when the thread is open), and what was known of
//! the thread from earlier readings, kept by the thread's key.

use super::{parse_timestamp, LocalClock, TimeRange, TimeZone};
use crate::lang::Language;

impl TimeRange {
    /// What is known of the customer's last message after a new `reading` of it. A reading
    /// entirely after what was known is a newer message, which restarts the window; one
    /// entirely before is an older message, and the newer one stays. Readings that overlap
    /// are of the same message, and the narrower one holds its time (an exact stamp within
    /// a coarse label is the stamp). Not their overlap: a relative label is reckoned from
    /// when it is read, but the page wrote it earlier ("19h" may have been true a minute
    /// ago), so cutting a stamp or a narrower label with it could make the worst case
    /// younger than the message.
    pub fn then(self, reading: TimeRange) -> TimeRange {
        let width = |range: &TimeRange| range.latest_ms.saturating_sub(range.earliest_ms);
        if reading.earliest_ms > self.latest_ms {
            reading
        } else if reading.latest_ms < self.earliest_ms || width(&self) < width(&reading) {
            self
        } else {
            reading
        }
    }
}

/// The time a list row shows: its exact `stamp` (a tooltip or aria-label) and its
/// relative `label` ("3h"), each read when it can be; `None` when neither can.
pub fn row_time<Z: TimeZone>(
    stamp: Option<&str>,
    label: Option<&str>,
    language: Option<Language>,
    clock: &LocalClock<Z>,
) -> Option<TimeRange> {
    // The stamp, when it can be read, is the time; the label is at best as good, and may
    // be stale (see [`TimeRange::then`]).
    let read = |text: Option<&str>| parse_timestamp(text?, language, clock);
    read(stamp).or_else(|| read(label))
}

/// The customer's last message in a thread: what was `known` before, then the list
/// row's time when the customer wrote last (when the Page did, the row's time is the
/// Page's message and says nothing of the customer's), then the open conversation's
/// stamp when the thread is open. `None` when nothing tells it.
pub fn customer_last(
    known: Option<TimeRange>,
    row: Option<TimeRange>,
    page_wrote_last: bool,
    conversation: Option<TimeRange>,
) -> Option<TimeRange> {
    let row = if page_wrote_last { None } else { row };
    [row, conversation]
        .into_iter()
        .flatten()
        .fold(known, |known, reading| Some(known.map_or(reading, |k| k.then(reading))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::calendar::{DAY_MS, HOUR_MS, MINUTE_MS};
    use crate::clock::{window_status, ClockSettings, WindowState};

    // 2026-11-23 15:00 UTC, the page in UTC.
    const NOW: i64 = 1_795_446_000_000;

    fn clock() -> LocalClock {
        LocalClock::new(NOW, 0)
    }

    fn exact(ago: i64) -> TimeRange {
        let start = (NOW - ago) / MINUTE_MS * MINUTE_MS;
        TimeRange { earliest_ms: start, latest_ms: start + MINUTE_MS - 1 }
    }

    fn hours(ago: i64) -> TimeRange {
        TimeRange { earliest_ms: NOW - ago - HOUR_MS + 1, latest_ms: NOW - ago }
    }

    fn state(range: Option<TimeRange>) -> WindowState {
        window_status(range, NOW, &ClockSettings::default()).state
    }

    #[test]
    fn an_exact_stamp_narrows_a_label_of_the_same_message() {
        let stamp = exact(3 * HOUR_MS + 20 * MINUTE_MS);
        assert_eq!(hours(3 * HOUR_MS).then(stamp), stamp);
        assert_eq!(stamp.then(hours(3 * HOUR_MS)), stamp);
        // Partly overlapping readings: the narrower holds, the wider does not cut it; of two
        // as wide, the newer reading.
        let a = TimeRange { earliest_ms: 0, latest_ms: 100 };
        let b = TimeRange { earliest_ms: 50, latest_ms: 200 };
        assert_eq!(a.then(b), a);
        assert_eq!(b.then(a), a);
        let c = TimeRange { earliest_ms: 60, latest_ms: 160 };
        assert_eq!(a.then(c), c);
    }

    #[test]
    fn a_newer_message_restarts_the_window_and_an_older_one_does_not() {
        let old = exact(23 * HOUR_MS + 30 * MINUTE_MS);
        let new = exact(0);
        assert_eq!(old.then(new), new);
        assert_eq!(new.then(old), new);
        assert_eq!(state(Some(old)), WindowState::LastHour);
        assert_eq!(state(Some(old.then(new))), WindowState::Open);
    }

    #[test]
    fn the_row_time_is_the_customers_only_when_they_wrote_last() {
        // Ana: the Page answered 5 min ago, she wrote 2 h ago (the open conversation says).
        let page_reply = exact(5 * MINUTE_MS);
        let hers = exact(2 * HOUR_MS);
        assert_eq!(customer_last(None, Some(page_reply), true, None), None);
        assert_eq!(customer_last(None, Some(page_reply), true, Some(hers)), Some(hers));
        // Once the agent moves to another thread, what was read is kept.
        assert_eq!(customer_last(Some(hers), Some(page_reply), true, None), Some(hers));
        // Elena wrote last: her row's time is hers.
        let elena = exact(4 * HOUR_MS);
        assert_eq!(customer_last(None, Some(elena), false, None), Some(elena));
        // Mihai: last hour until he writes again; the row then shows his new message.
        let mihai = exact(23 * HOUR_MS + 30 * MINUTE_MS);
        assert_eq!(state(customer_last(Some(mihai), Some(exact(23 * HOUR_MS)), true, None)), WindowState::LastHour);
        assert_eq!(state(customer_last(Some(mihai), Some(exact(0)), false, Some(exact(0)))), WindowState::Open);
        // Nothing known and nothing shown.
        assert_eq!(customer_last(None, None, false, None), None);
    }

    #[test]
    fn row_times_from_stamps_and_labels() {
        let clock = clock();
        let stamp = "Monday, November 23, 2026 at 11:40 AM";
        let both = row_time(Some(stamp), Some("3h"), Some(Language::En), &clock).unwrap();
        assert!(!both.is_approximate());
        assert_eq!(both, exact(3 * HOUR_MS + 20 * MINUTE_MS));
        // A label the page has not redrawn since the stamp's minute turned ("19h" at 20 h
        // since the stamp) does not make the message younger than its stamp.
        let stale = row_time(Some(stamp), Some("2h"), Some(Language::En), &clock).unwrap();
        assert_eq!(stale, exact(3 * HOUR_MS + 20 * MINUTE_MS));
        // Only a label: a range, judged by its worst case.
        let label = row_time(None, Some("3h"), Some(Language::En), &clock).unwrap();
        assert!(label.is_approximate());
        assert_eq!(label, hours(3 * HOUR_MS));
        assert_eq!(
            row_time(Some("garbage"), Some("1d"), Some(Language::En), &clock).map(|r| state(Some(r))),
            Some(WindowState::HumanAgent)
        );
        assert_eq!(row_time(None, Some("2w"), None, &clock).map(|r| state(Some(r))), Some(WindowState::Closed));
        assert_eq!(row_time(Some(""), Some("?"), Some(Language::En), &clock), None);
        assert_eq!(row_time(None, None, None, &clock), None);
        // Romanian, Armenian and Hindi list labels.
        for (text, language) in [("3 ore", Language::Ro), ("3 ժ", Language::Hy), ("3 घंटे", Language::Hi)] {
            let range = row_time(None, Some(text), Some(language), &clock).unwrap();
            assert_eq!(state(Some(range)), WindowState::Open, "{text}");
        }
        assert!(
            row_time(None, Some("7d"), Some(Language::En), &clock).is_some_and(|r| NOW - r.earliest_ms >= 7 * DAY_MS)
        );
    }
}
