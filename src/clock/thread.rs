//! A thread's customer's last message, put together from what the page shows now and
//! what it showed before: the list row's stamp or label (when the customer wrote last),
//! the open conversation's exact stamp (when the thread is open), and what was known of
//! the thread from earlier readings, kept by the thread's key.

use super::calendar::MINUTE_MS;
use super::{parse_epoch_seconds, parse_timestamp, LocalClock, TimeRange, TimeZone};
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

/// How far after now an epoch stamp may lie and still be taken, as now: the computer's
/// clock may be a little behind Meta's (the same allowance as for the labels).
const FUTURE_SLACK_MS: i64 = 2 * MINUTE_MS;

/// The time a row of Business Suite's conversation list shows, from the best source it
/// has: `<abbr class="timestamp" data-utime="1774717339.408" title="Sunday">Sun</abbr>`.
/// `utime` (`data-utime`, exact: [`parse_epoch_seconds`]) first, then `title` and then
/// `text` (coarse: "10:32 AM", "Yesterday", "Sunday", "Feb 28", read by
/// [`parse_timestamp`] in the page's `language`). A `data-utime` more than two minutes
/// after `clock`'s now is not believed (the title is read instead); one within them is now.
pub fn list_row_time<Z: TimeZone>(
    utime: Option<&str>,
    title: Option<&str>,
    text: Option<&str>,
    language: Option<Language>,
    clock: &LocalClock<Z>,
) -> Option<TimeRange> {
    let exact =
        utime.and_then(parse_epoch_seconds).filter(|r| r.earliest_ms <= clock.now_ms.saturating_add(FUTURE_SLACK_MS));
    let exact = exact.map(|r| {
        let latest_ms = r.latest_ms.min(clock.now_ms);
        TimeRange { earliest_ms: r.earliest_ms.min(latest_ms), latest_ms }
    });
    exact.or_else(|| row_time(title, text, language, clock))
}

/// When a message of the open conversation was sent, from the date separators around it
/// ("1/13/24, 8:22 AM", "Sat 7:19 PM", "1:00 PM": the conversation has no stamp per
/// message): no earlier than the `separator` before it (its earliest instant) and no later
/// than the `next` separator after it (its latest) or, with none, `now_ms`. Judged, as
/// every range, by its earliest: the separator's time.
pub fn sent_under_separator(separator: TimeRange, next: Option<TimeRange>, now_ms: i64) -> TimeRange {
    let latest_ms = next.map_or(now_ms, |next| next.latest_ms.min(now_ms)).max(separator.latest_ms.min(now_ms));
    TimeRange { earliest_ms: separator.earliest_ms.min(latest_ms), latest_ms }
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

    /// `NOW` as data-utime would write it, `ago` before, with milliseconds.
    fn utime(ago: i64) -> String {
        let ms = NOW - ago;
        format!("{}.{:03}", ms / 1000, ms % 1000)
    }

    #[test]
    fn a_list_row_reads_data_utime_then_its_title_then_its_text() {
        let clock = clock();
        let en = Some(Language::En);
        // 2026-11-23 11:40:12.408 UTC, the page in UTC: the exact time wins over "11:40 AM".
        let exact_time = NOW - 3 * HOUR_MS - 19 * MINUTE_MS - 47_592;
        let read = list_row_time(Some(&utime(NOW - exact_time)), Some("11:40 AM"), Some("11:40 AM"), en, &clock);
        let minute = exact_time - exact_time % MINUTE_MS;
        assert_eq!(read, Some(TimeRange { earliest_ms: minute, latest_ms: exact_time }));
        assert!(!read.unwrap().is_approximate());
        // A row from last week: the exact time, not the whole of "Sunday".
        let sunday = list_row_time(Some(&utime(30 * HOUR_MS)), Some("Sunday"), Some("Sun"), en, &clock).unwrap();
        assert_eq!(sunday.latest_ms, NOW - 30 * HOUR_MS);
        assert_eq!(state(Some(sunday)), WindowState::HumanAgent);
        // Without a usable data-utime: the title, then the text.
        let day = |d: i64| TimeRange {
            earliest_ms: (NOW / DAY_MS - d) * DAY_MS,
            latest_ms: (NOW / DAY_MS - d + 1) * DAY_MS - 1,
        };
        assert_eq!(list_row_time(None, Some("Sunday"), Some("Sun"), en, &clock), Some(day(1)));
        assert_eq!(list_row_time(Some("garbage"), Some("Sunday"), None, en, &clock), Some(day(1)));
        assert_eq!(list_row_time(Some(""), None, Some("Sun"), en, &clock), Some(day(1)));
        assert_eq!(list_row_time(None, Some("??"), Some("Yesterday"), en, &clock), Some(day(1)));
        assert_eq!(list_row_time(None, Some("Feb 28"), None, en, &clock).map(|r| r.earliest_ms), Some(20_512 * DAY_MS));
        let ten = list_row_time(None, Some("10:32 AM"), Some("10:32 AM"), en, &clock).unwrap();
        assert_eq!(ten.earliest_ms, NOW - 4 * HOUR_MS - 28 * MINUTE_MS);
        assert_eq!(list_row_time(None, None, None, en, &clock), None);
        assert_eq!(
            list_row_time(Some("1774717339.408"), None, None, None, &LocalClock::new(1_774_717_339_408, 0))
                .map(|r| r.latest_ms),
            Some(1_774_717_339_408)
        );
    }

    #[test]
    fn a_data_utime_after_now_is_now_within_two_minutes_and_else_not_believed() {
        let clock = clock();
        let en = Some(Language::En);
        let ahead = list_row_time(Some(&utime(-90_000)), Some("3:01 PM"), None, en, &clock).unwrap();
        assert_eq!(ahead, TimeRange { earliest_ms: NOW, latest_ms: NOW });
        assert_eq!(list_row_time(Some(&utime(-2 * MINUTE_MS - 60_000)), None, None, en, &clock), None);
        // A year ahead: the title tells instead.
        let wrong = list_row_time(Some(&utime(-365 * DAY_MS)), Some("Yesterday"), None, en, &clock).unwrap();
        assert_eq!(wrong.latest_ms - wrong.earliest_ms, DAY_MS - 1);
    }

    #[test]
    fn a_message_under_a_separator_is_sent_between_it_and_the_next_or_now() {
        let clock = clock();
        let read = |text: &str| parse_timestamp(text, Some(Language::En), &clock).unwrap();
        // "Sat 7:19 PM", then the customer's bubbles, then "1:00 PM" today.
        let saturday = read("Sat 7:19 PM");
        let today = read("1:00 PM");
        let sent = sent_under_separator(saturday, Some(today), NOW);
        assert_eq!(sent, TimeRange { earliest_ms: saturday.earliest_ms, latest_ms: today.latest_ms });
        // Saturday 19:19 to Monday 15:00.
        assert_eq!(NOW - sent.earliest_ms, 43 * HOUR_MS + 41 * MINUTE_MS);
        assert!(sent.is_approximate());
        // The last separator: up to now. Judged by the separator's minute.
        let last = sent_under_separator(today, None, NOW);
        assert_eq!(last, TimeRange { earliest_ms: today.earliest_ms, latest_ms: NOW });
        let status = window_status(Some(last), NOW, &ClockSettings::default());
        assert_eq!((status.state, status.ms_left), (WindowState::Open, Some(22 * HOUR_MS)));
        // The list row's exact time of the same message narrows it.
        let row = exact(HOUR_MS);
        assert_eq!(last.then(row), row);
        // Out of order or in the future: never a range that ends before it starts or after now.
        let odd = sent_under_separator(today, Some(saturday), NOW);
        assert_eq!(odd, today);
        let future = TimeRange { earliest_ms: NOW + MINUTE_MS, latest_ms: NOW + 2 * MINUTE_MS };
        assert_eq!(sent_under_separator(future, None, NOW), TimeRange { earliest_ms: NOW, latest_ms: NOW });
    }

    #[test]
    fn an_ad_thread_from_its_conversation() {
        // "Ana replied to an ad." under "Sat 7:19 PM"; her last bubble under "1:00 PM".
        let clock = clock();
        let read = |text: &str| parse_timestamp(text, Some(Language::En), &clock).unwrap();
        let ad_reply = sent_under_separator(read("Sat 7:19 PM"), Some(read("1:00 PM")), NOW);
        let customer = sent_under_separator(read("1:00 PM"), None, NOW);
        let times = crate::clock::ThreadTimes { customer: Some(customer), ad_reply: Some(ad_reply) };
        let status = crate::clock::thread_window_status(&times, NOW, &ClockSettings::default());
        // Saturday 19:19 UTC + 7 days is next Saturday 19:19: 5 days 4 h 19 min from Monday 15:00.
        assert_eq!((status.state, status.ad_window), (WindowState::Open, true));
        assert_eq!(status.ms_left, Some(5 * DAY_MS + 4 * HOUR_MS + 19 * MINUTE_MS));
        // The ad reply may be any time up to today's separator: more than a day wide,
        // so whole days.
        assert_eq!(crate::clock::format_time_left(&status, Language::En), "Ad reply · about 5 days left");
    }
}
