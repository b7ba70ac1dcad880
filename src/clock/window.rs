//! Where a conversation stands in Meta's messaging windows (guidelines §1), from the
//! range of times the customer last wrote: always by the worst case, the earliest time.
//!
//! Thresholds are [`ClockSettings`]: 20 h (closing), 23 h (last hour), 24 h (the standard
//! window), 168 h (the human-agent tag's 7 days); 15 minutes (the Very Responsive badge)
//! and 60 minutes (what customers on social media expect) for a message awaiting a reply.

use serde::{Deserialize, Serialize};

use super::calendar::{HOUR_MS, MINUTE_MS};
use super::TimeRange;
use crate::text::number::shown;

/// The reply clock's thresholds, camelCase as the extension stores them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ClockSettings {
    /// Hours after which a thread is `closing`.
    pub closing_hours: f64,
    /// Hours after which a thread is in its `last-hour`.
    pub last_hour_hours: f64,
    /// Hours during which any reply is allowed (the 24-hour window).
    pub window_hours: f64,
    /// Hours during which a human agent may still reply (7 days).
    pub human_agent_hours: f64,
    /// Minutes within which a first reply counts toward the Very Responsive badge.
    pub badge_minutes: f64,
    /// Minutes within which customers on social media expect a reply.
    pub expected_reply_minutes: f64,
}

impl Default for ClockSettings {
    fn default() -> Self {
        ClockSettings {
            closing_hours: 20.0,
            last_hour_hours: 23.0,
            window_hours: 24.0,
            human_agent_hours: 168.0,
            badge_minutes: 15.0,
            expected_reply_minutes: 60.0,
        }
    }
}

impl ClockSettings {
    /// Checks that the thresholds are positive and in order, naming the one to correct.
    pub fn validate(&self) -> Result<(), String> {
        let hours = [
            ("closingHours", self.closing_hours),
            ("lastHourHours", self.last_hour_hours),
            ("windowHours", self.window_hours),
            ("humanAgentHours", self.human_agent_hours),
        ];
        let minutes = [("badgeMinutes", self.badge_minutes), ("expectedReplyMinutes", self.expected_reply_minutes)];
        for list in [&hours[..], &minutes[..]] {
            for (name, value) in list {
                if !(value.is_finite() && *value > 0.0) {
                    return Err(format!("{name} must be a positive number (got {})", shown(*value)));
                }
            }
            for pair in list.windows(2) {
                if pair[0].1 > pair[1].1 {
                    let (low, high) = (pair[0], pair[1]);
                    return Err(format!("{} ({}) must not exceed {} ({})", low.0, shown(low.1), high.0, shown(high.1)));
                }
            }
        }
        Ok(())
    }
}

fn hours_ms(hours: f64) -> i64 {
    (hours * HOUR_MS as f64) as i64
}

fn minutes_ms(minutes: f64) -> i64 {
    (minutes * MINUTE_MS as f64) as i64
}

/// A thread's place in the messaging windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WindowState {
    /// Under 20 h since the customer's last message.
    Open,
    /// 20 to 23 h.
    Closing,
    /// 23 to 24 h.
    LastHour,
    /// 24 h to 7 days: a human agent may reply, without promotion.
    HumanAgent,
    /// 7 days or more: nothing can be sent.
    Closed,
    /// No usable time.
    Unknown,
}

/// A thread's state and time left, by the worst case.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowStatus {
    pub state: WindowState,
    /// Hours since the customer's last message, worst case (the linter's
    /// `hoursSinceCustomer`); `None` when unknown.
    pub hours_since_customer: Option<f64>,
    /// Milliseconds to the next boundary that changes what may be sent, worst case: the
    /// end of the 24-hour window (`open`, `closing`, `last-hour`) or of the 7 days
    /// (`human-agent`); `None` when `closed` or `unknown`.
    pub ms_left: Option<i64>,
    /// How wide the range of possible times is: 59 999 for a stamp to the minute, an hour
    /// for "3h", a day for "Yesterday".
    pub uncertainty_ms: i64,
    /// Whether the time is too coarse to state to the minute: say "about".
    pub approximate: bool,
}

/// The window state of a thread whose customer last wrote within `last_customer`.
pub fn window_status(last_customer: Option<TimeRange>, now_ms: i64, settings: &ClockSettings) -> WindowStatus {
    let Some(range) = last_customer else {
        return WindowStatus {
            state: WindowState::Unknown,
            hours_since_customer: None,
            ms_left: None,
            uncertainty_ms: 0,
            approximate: false,
        };
    };
    let age = now_ms.saturating_sub(range.earliest_ms).max(0);
    let window = hours_ms(settings.window_hours);
    let human_agent = hours_ms(settings.human_agent_hours);
    let (state, ms_left) = if age >= human_agent {
        (WindowState::Closed, None)
    } else if age >= window {
        (WindowState::HumanAgent, Some(human_agent.saturating_sub(age)))
    } else if age >= hours_ms(settings.last_hour_hours) {
        (WindowState::LastHour, Some(window.saturating_sub(age)))
    } else if age >= hours_ms(settings.closing_hours) {
        (WindowState::Closing, Some(window.saturating_sub(age)))
    } else {
        (WindowState::Open, Some(window.saturating_sub(age)))
    };
    WindowStatus {
        state,
        hours_since_customer: Some(age as f64 / HOUR_MS as f64),
        ms_left,
        uncertainty_ms: range.latest_ms.saturating_sub(range.earliest_ms).max(0),
        approximate: range.is_approximate(),
    }
}

/// Milliseconds from `now_ms` to the next whole minute (1 to 60 000): stamps name their
/// minute, so a state or a time left "to the minute" changes only there, and a clock that
/// redraws then is never a minute behind the page's own.
pub fn ms_to_next_minute(now_ms: i64) -> i64 {
    MINUTE_MS - now_ms.rem_euclid(MINUTE_MS)
}

/// How long a customer's message has waited, against the badge and expectation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AwaitingMark {
    /// Under 15 minutes: a reply now still counts toward the Very Responsive badge.
    WithinBadge,
    /// 15 to 60 minutes: too late for the badge, still within the hour customers expect.
    PastBadge,
    /// An hour or more.
    PastHour,
    /// No usable time.
    Unknown,
}

/// A thread whose last message is the customer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Awaiting {
    pub mark: AwaitingMark,
    /// Milliseconds the message has waited, worst case; `None` when unknown.
    pub age_ms: Option<i64>,
    /// Milliseconds until the next mark (15 or 60 minutes), worst case; `None` past the
    /// hour or when unknown.
    pub ms_to_next_mark: Option<i64>,
    pub approximate: bool,
}

/// The wait of a thread whose last message is the customer's (`customer_wrote_last`);
/// `None` when the Page wrote last.
pub fn awaiting(
    customer_wrote_last: bool,
    last_customer: Option<TimeRange>,
    now_ms: i64,
    settings: &ClockSettings,
) -> Option<Awaiting> {
    if !customer_wrote_last {
        return None;
    }
    let Some(range) = last_customer else {
        return Some(Awaiting { mark: AwaitingMark::Unknown, age_ms: None, ms_to_next_mark: None, approximate: false });
    };
    let age = now_ms.saturating_sub(range.earliest_ms).max(0);
    let badge = minutes_ms(settings.badge_minutes);
    let expected = minutes_ms(settings.expected_reply_minutes);
    let (mark, next) = if age >= expected {
        (AwaitingMark::PastHour, None)
    } else if age >= badge {
        (AwaitingMark::PastBadge, Some(expected.saturating_sub(age)))
    } else {
        (AwaitingMark::WithinBadge, Some(badge.saturating_sub(age)))
    };
    Some(Awaiting { mark, age_ms: Some(age), ms_to_next_mark: next, approximate: range.is_approximate() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::calendar::DAY_MS;

    const NOW: i64 = 1_795_000_000_000;

    /// A stamp to the minute, `ago` before now.
    fn exact(ago: i64) -> Option<TimeRange> {
        Some(TimeRange { earliest_ms: NOW - ago, latest_ms: NOW - ago + 59_999 })
    }

    fn state(ago: i64) -> WindowState {
        window_status(exact(ago), NOW, &ClockSettings::default()).state
    }

    #[test]
    fn the_next_minute_is_never_now_and_never_more_than_a_minute_away() {
        let minute = 29_916_666 * MINUTE_MS;
        assert_eq!(ms_to_next_minute(minute), MINUTE_MS);
        assert_eq!(ms_to_next_minute(minute + 1), MINUTE_MS - 1);
        assert_eq!(ms_to_next_minute(minute - 1), 1);
        assert_eq!(ms_to_next_minute(-1), 1);
    }

    #[test]
    fn states_change_exactly_at_the_boundaries() {
        let h = HOUR_MS;
        let m = MINUTE_MS;
        assert_eq!(state(0), WindowState::Open);
        assert_eq!(state(19 * h + 59 * m), WindowState::Open);
        assert_eq!(state(20 * h - 1), WindowState::Open);
        assert_eq!(state(20 * h), WindowState::Closing);
        assert_eq!(state(23 * h - 1), WindowState::Closing);
        assert_eq!(state(23 * h), WindowState::LastHour);
        assert_eq!(state(24 * h - 1), WindowState::LastHour);
        assert_eq!(state(24 * h), WindowState::HumanAgent);
        assert_eq!(state(7 * DAY_MS - 1), WindowState::HumanAgent);
        assert_eq!(state(7 * DAY_MS), WindowState::Closed);
        assert_eq!(state(400 * DAY_MS), WindowState::Closed);
    }

    #[test]
    fn time_left_runs_to_the_window_then_to_seven_days() {
        let s = ClockSettings::default();
        let at = |ago| window_status(exact(ago), NOW, &s);
        assert_eq!(at(20 * HOUR_MS).ms_left, Some(4 * HOUR_MS));
        assert_eq!(at(23 * HOUR_MS + 30 * MINUTE_MS).ms_left, Some(30 * MINUTE_MS));
        assert_eq!(at(24 * HOUR_MS).ms_left, Some(6 * DAY_MS));
        assert_eq!(at(7 * DAY_MS).ms_left, None);
        assert_eq!(at(3 * HOUR_MS).hours_since_customer, Some(3.0));
        assert!(!at(0).approximate);
    }

    #[test]
    fn a_coarse_range_is_judged_by_its_earliest_time() {
        // "23h": at least 23 and under 24 hours ago: still the last hour, about.
        let range = TimeRange { earliest_ms: NOW - 24 * HOUR_MS + 1, latest_ms: NOW - 23 * HOUR_MS };
        let status = window_status(Some(range), NOW, &ClockSettings::default());
        assert_eq!(status.state, WindowState::LastHour);
        assert_eq!(status.ms_left, Some(1));
        assert!(status.approximate);
        assert_eq!(status.uncertainty_ms, HOUR_MS - 1);
    }

    #[test]
    fn no_time_is_unknown_and_a_future_time_is_now() {
        let s = ClockSettings::default();
        assert_eq!(window_status(None, NOW, &s).state, WindowState::Unknown);
        assert_eq!(window_status(None, NOW, &s).ms_left, None);
        let future = TimeRange { earliest_ms: NOW + 1000, latest_ms: NOW + 1000 };
        assert_eq!(window_status(Some(future), NOW, &s).ms_left, Some(24 * HOUR_MS));
    }

    #[test]
    fn thresholds_are_settings() {
        let s = ClockSettings { closing_hours: 2.0, last_hour_hours: 3.0, window_hours: 4.0, ..Default::default() };
        assert_eq!(window_status(exact(2 * HOUR_MS), NOW, &s).state, WindowState::Closing);
        assert_eq!(window_status(exact(4 * HOUR_MS), NOW, &s).state, WindowState::HumanAgent);
        assert!(s.validate().is_ok());
        let bad = ClockSettings { last_hour_hours: 25.0, ..Default::default() };
        assert_eq!(bad.validate().unwrap_err(), "lastHourHours (25) must not exceed windowHours (24)");
        let nan = ClockSettings { badge_minutes: f64::NAN, ..Default::default() };
        assert!(nan.validate().unwrap_err().starts_with("badgeMinutes"));
        // Invalid settings never panic.
        assert_eq!(window_status(exact(0), NOW, &nan).state, WindowState::Open);
        assert!(awaiting(true, exact(0), NOW, &nan).is_some());
    }

    #[test]
    fn awaiting_marks_at_fifteen_minutes_and_an_hour() {
        let s = ClockSettings::default();
        let mark = |ago| awaiting(true, exact(ago), NOW, &s).unwrap().mark;
        assert_eq!(mark(0), AwaitingMark::WithinBadge);
        assert_eq!(mark(15 * MINUTE_MS - 1), AwaitingMark::WithinBadge);
        assert_eq!(mark(15 * MINUTE_MS), AwaitingMark::PastBadge);
        assert_eq!(mark(HOUR_MS - 1), AwaitingMark::PastBadge);
        assert_eq!(mark(HOUR_MS), AwaitingMark::PastHour);
        assert_eq!(awaiting(true, exact(5 * MINUTE_MS), NOW, &s).unwrap().ms_to_next_mark, Some(10 * MINUTE_MS));
        assert_eq!(awaiting(false, exact(0), NOW, &s), None);
        assert_eq!(awaiting(true, None, NOW, &s).unwrap().mark, AwaitingMark::Unknown);
    }

    #[test]
    fn serialises_for_javascript() {
        let status = window_status(exact(23 * HOUR_MS), NOW, &ClockSettings::default());
        let json = serde_json::to_value(status).unwrap();
        assert_eq!(json["state"], "last-hour");
        assert_eq!(json["msLeft"], HOUR_MS);
        assert_eq!(json["hoursSinceCustomer"], 23.0);
        assert_eq!(serde_json::to_value(WindowState::HumanAgent).unwrap(), "human-agent");
        let wait = awaiting(true, exact(20 * MINUTE_MS), NOW, &ClockSettings::default()).unwrap();
        let json = serde_json::to_value(wait).unwrap();
        assert_eq!((json["mark"].as_str(), json["ageMs"].as_i64()), (Some("past-badge"), Some(20 * MINUTE_MS)));
        let settings: ClockSettings = serde_json::from_str(r#"{"closingHours": 18}"#).unwrap();
        assert_eq!((settings.closing_hours, settings.window_hours), (18.0, 24.0));
        assert!(serde_json::from_str::<ClockSettings>(r#"{"closingHour": 18}"#).is_err());
    }
}
