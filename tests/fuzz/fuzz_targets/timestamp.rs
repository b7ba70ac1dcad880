//! The reply clock's timestamp parser in each language, with any time now and any time
//! zone (one offset, or one that changes at an instant as daylight saving does): it never
//! panics, a range it reads is ordered and not after now (a stamp a little in the future
//! is now), and the window, wait and badge text of any range it reads are computed
//! without a panic too. The list row's epoch stamp (`data-utime`) from the same text: no
//! panic, a range from the start of its minute to the instant; the row's time from
//! data-utime, title and text ordered and not after now; a message between two
//! separators likewise; and the window of a thread opened from an ad, with either
//! range as the ad reply, computed and written without a panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reply_coach::clock::{
    awaiting, customer_last, format_time_left, list_row_time, parse_epoch_seconds, parse_timestamp, parse_timestamp_in,
    row_time, sent_under_separator, thread_window_status, window_status, ClockSettings, LocalClock, ThreadTimes,
    TimeRange,
};
use reply_coach::Language;
use reply_coach_fuzz::{pick, split};

/// 2026-11-23 15:00 UTC: the default `now`, so a seed reads as it would today.
const NOW_MS: i64 = 1_795_446_000_000;

fuzz_target!(|data: &[u8]| {
    let (text, mut u) = split(data);
    let Ok((now_delta, offset, later_offset, change_at, language)) =
        <(i64, i16, i16, i64, Option<u8>)>::arbitrary(&mut u)
    else {
        return;
    };
    // Mostly near today; sometimes any instant, which the parser must refuse or read.
    let now_ms = if now_delta % 8 == 7 { now_delta } else { NOW_MS.wrapping_add(now_delta % (400 * 86_400_000)) };
    let zone = move |utc_ms: i64| if utc_ms < change_at { i32::from(offset) } else { i32::from(later_offset) };
    let clock = LocalClock::with_zone(now_ms, zone);
    let language = language.map(|n| Language::ALL[usize::from(n) % Language::ALL.len()]);
    let settings = ClockSettings::default();
    let read = parse_timestamp(&text, language, &clock);
    for language in Language::ALL {
        if let Some(range) = parse_timestamp_in(&text, language, &clock) {
            assert!(
                range.earliest_ms <= range.latest_ms && range.latest_ms <= now_ms,
                "{text:?} in {language:?} at {now_ms}: {range:?}"
            );
        }
    }
    if let Some(range) = read {
        let status = window_status(Some(range), now_ms, &settings);
        for language in Language::ALL {
            format_time_left(&status, language);
        }
        awaiting(true, Some(range), now_ms, &settings);
    }
    let known =
        pick(&mut u, &[None, Some(TimeRange { earliest_ms: now_ms.saturating_sub(3_600_000), latest_ms: now_ms })])
            .map_or(None, |known| *known);
    let row = row_time(Some(&text), Some(&text), language, &clock);
    if let Some(last) = customer_last(known, row, false, read) {
        assert!(last.earliest_ms <= last.latest_ms, "{text:?}: {last:?}");
    }
    let epoch = parse_epoch_seconds(&text);
    if let Some(range) = epoch {
        assert!(
            range.earliest_ms.rem_euclid(60_000) == 0
                && range.earliest_ms <= range.latest_ms
                && range.latest_ms - range.earliest_ms < 60_000,
            "{text:?}: {range:?}"
        );
    }
    let listed = list_row_time(Some(&text), Some(&text), Some(&text), language, &clock);
    if let Some(range) = listed {
        assert!(range.earliest_ms <= range.latest_ms && range.latest_ms <= now_ms, "{text:?}: {range:?}");
    }
    if let Some(separator) = read {
        let sent = sent_under_separator(separator, epoch, now_ms);
        assert!(sent.earliest_ms <= sent.latest_ms && sent.latest_ms <= now_ms, "{text:?}: {sent:?}");
    }
    for times in [ThreadTimes { customer: read, ad_reply: listed }, ThreadTimes { customer: listed, ad_reply: read }] {
        let status = thread_window_status(&times, now_ms, &settings);
        for language in Language::ALL {
            format_time_left(&status, language);
        }
    }
});
