//! The 24-hour reply clock: how long ago the customer last wrote, and how long the Page
//! has left to answer.
//!
//! Pure and deterministic: the current time and the browser's time zone are parameters
//! ([`LocalClock`]), never read from the system, so every boundary is tested exactly and
//! the module runs unchanged in Wasm.
//!
//! - [`parse_timestamp`] reads the inbox's timestamps, exact ("Monday, November 23, 2026 at
//!   2:32 PM", "21 noiembrie 2026, 14:32") or relative ("3h", "ieri", "5 मिनट"), in the
//!   page's UI language, into a [`TimeRange`]: a relative label is a range ("3h" is at
//!   least 3 and under 4 hours ago), an exact stamp one minute; [`parse_epoch_seconds`]
//!   reads the list row's `data-utime` (seconds since 1970, to the millisecond).
//! - [`window_status`] turns the customer's last-message range into a [`WindowState`]
//!   (`open`, `closing`, `last-hour`, `human-agent`, `closed`, `unknown`) and the time left,
//!   always by the worst case; [`thread_window_status`] does the same for a thread opened
//!   from an ad ([`ThreadTimes`]: the customer's last message and their reply to the ad,
//!   whose standard window lasts 7 days); [`awaiting`] measures an unanswered message against the
//!   15-minute badge and the one-hour expectation (guidelines §1).
//! - [`format_time_left`] writes the badge text ("3 h 12 min left", "Human agent only ·
//!   5 days left", "Closed") in the four languages; [`format_waiting`] the wait beside it
//!   ("waiting 12 min · reply soon"), whose [`WaitLevel`] (amber from 10 minutes, red from
//!   15, the agent's settings) the words say as well as the colour.
//! - [`customer_last`] puts a thread's customer's last message together from the list
//!   row ([`list_row_time`]: `data-utime`, else the title, else the text), the open
//!   conversation (a message between two date separators: [`sent_under_separator`]) and
//!   earlier readings ([`TimeRange::then`]).
//!
//! Words (month and weekday names, units, "today", "yesterday", "now", fillers such as
//! "at", and the badge texts) live in `data/<code>.txt`, one file per language.

pub(crate) mod calendar;
mod data;
mod format;
mod parse;
mod thread;
mod tokens;
mod window;

use serde::{Deserialize, Serialize};

pub use format::{format_comment, format_time_left, format_waiting};
pub use parse::{parse_epoch_seconds, parse_timestamp, parse_timestamp_in};
pub use thread::{customer_last, list_row_time, row_time, sent_under_separator};
pub use window::{
    awaiting, ms_to_next_minute, thread_window_status, wait_level, window_status, Awaiting, AwaitingMark,
    ClockSettings, ThreadTimes, WaitLevel, WindowState, WindowStatus,
};

/// The browser's time zone: its offset from UTC, in minutes east (UTC+2 is `120`), at a
/// UTC instant.
///
/// [`FixedOffset`] uses one offset for every instant: a stamp from before a daylight-saving
/// change in the last days is then off by the change (usually an hour), which matters only
/// near a boundary. The Wasm layer can be exact with a closure over
/// `-new Date(utcMs).getTimezoneOffset()` (JavaScript counts minutes *west*, hence the
/// minus); any `Fn(i64) -> i32` is a `TimeZone`.
pub trait TimeZone {
    fn utc_offset_minutes(&self, utc_ms: i64) -> i32;
}

/// One offset from UTC for every instant, in minutes east.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FixedOffset(pub i32);

impl TimeZone for FixedOffset {
    fn utc_offset_minutes(&self, _utc_ms: i64) -> i32 {
        self.0
    }
}

impl<F: Fn(i64) -> i32> TimeZone for F {
    fn utc_offset_minutes(&self, utc_ms: i64) -> i32 {
        self(utc_ms)
    }
}

/// The current time and the time zone the page's stamps are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalClock<Z = FixedOffset> {
    /// Unix milliseconds, UTC.
    pub now_ms: i64,
    pub zone: Z,
}

impl LocalClock<FixedOffset> {
    /// A clock with one UTC offset (minutes east; in JavaScript
    /// `-new Date().getTimezoneOffset()`).
    pub fn new(now_ms: i64, utc_offset_minutes: i32) -> Self {
        LocalClock { now_ms, zone: FixedOffset(utc_offset_minutes) }
    }
}

impl<Z: TimeZone> LocalClock<Z> {
    /// A clock with a zone whose offset may change (daylight saving).
    pub fn with_zone(now_ms: i64, zone: Z) -> Self {
        LocalClock { now_ms, zone }
    }
}

/// When something happened, as the page can tell: at the earliest `earliest_ms` and at the
/// latest `latest_ms` (inclusive, Unix milliseconds UTC). An exact stamp spans its minute;
/// "3h" spans an hour; "Yesterday" a whole local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeRange {
    pub earliest_ms: i64,
    pub latest_ms: i64,
}

impl TimeRange {
    /// Whether the range is too wide to state as a time to the minute: show "about".
    pub fn is_approximate(&self) -> bool {
        self.latest_ms.saturating_sub(self.earliest_ms) > calendar::MINUTE_MS
    }

    /// The narrower of two readings of the same moment: the open conversation's exact
    /// stamp over the list's coarse label.
    pub fn narrower(self, other: TimeRange) -> TimeRange {
        let width = |r: &TimeRange| r.latest_ms.saturating_sub(r.earliest_ms);
        if width(&other) < width(&self) {
            other
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn ranges_say_when_they_are_approximate() {
        let minute = TimeRange { earliest_ms: 0, latest_ms: 59_999 };
        let hour = TimeRange { earliest_ms: 0, latest_ms: 3_599_999 };
        assert!(!minute.is_approximate());
        assert!(hour.is_approximate());
        assert_eq!(hour.narrower(minute), minute);
        assert_eq!(minute.narrower(hour), minute);
    }

    #[test]
    fn from_label_to_badge() {
        // 2026-11-23 15:00 in Bucharest (UTC+2).
        let clock = LocalClock::new(1_795_438_800_000, 120);
        let settings = ClockSettings::default();
        let badge = |label: &str, language: Language| {
            let range = parse_timestamp(label, Some(language), &clock);
            let status = window_status(range, clock.now_ms, &settings);
            (status.state, format_time_left(&status, language))
        };
        assert_eq!(badge("3h", Language::En), (WindowState::Open, "about 20 h left".to_string()));
        assert_eq!(badge("Today at 2:32 PM", Language::En), (WindowState::Open, "23 h 32 min left".to_string()));
        assert_eq!(badge("23 h", Language::En), (WindowState::LastHour, "under 1 min left".to_string()));
        assert_eq!(
            badge("ieri la 14:32", Language::Ro),
            (WindowState::HumanAgent, "Doar agent uman · mai sunt 5 zile".to_string())
        );
        assert_eq!(badge("3 ժ", Language::Hy), (WindowState::Open, "Մնաց մոտ 20 ժ".to_string()));
        assert_eq!(badge("2 सप्ताह पहले", Language::Hi), (WindowState::Closed, "बंद".to_string()));
        assert_eq!(badge("??", Language::En), (WindowState::Unknown, "Time unknown".to_string()));
        // The open conversation's exact stamp beats the list's coarse label.
        let coarse = parse_timestamp("1d", Some(Language::En), &clock).unwrap();
        let exact = parse_timestamp("Yesterday at 3:30 PM", Some(Language::En), &clock).unwrap();
        let status = window_status(Some(coarse.narrower(exact)), clock.now_ms, &settings);
        assert_eq!((status.state, status.approximate), (WindowState::LastHour, false));
        assert_eq!(format_time_left(&status, Language::En), "30 min left");
        let wait = awaiting(true, Some(exact), clock.now_ms, &settings).unwrap();
        assert_eq!(wait.mark, AwaitingMark::PastHour);
    }

    #[test]
    fn closures_are_time_zones() {
        let zone = |utc_ms: i64| if utc_ms < 1_000 { 120 } else { 180 };
        let clock = LocalClock::with_zone(5_000, zone);
        assert_eq!(clock.zone.utc_offset_minutes(0), 120);
        assert_eq!(clock.zone.utc_offset_minutes(clock.now_ms), 180);
    }
}
