//! Where a conversation stands in Meta's messaging windows (guidelines §1), from the
//! range of times the customer last wrote and, for a thread opened from a
//! Click-to-Messenger or Click-to-Direct ad, the range of times they replied to the ad:
//! always by the worst case, the earliest time of each.
//!
//! - The **standard window** ends 24 hours after the customer's last message, or 7 days
//!   after their reply to an ad when that is later (Meta's policy, updated 2026-09-28: an
//!   ad's window "may last up to 7 days"; any later message opens its usual 24 hours).
//! - `closing` and `last-hour` are time *left* in the standard window: 4 h and 1 h by
//!   default (`window_hours - closing_hours`, `window_hours - last_hour_hours`), so a
//!   7-day ad window turns amber 4 hours before it ends, as a 24-hour one does.
//! - After it, the **human-agent** tag allows non-promotional replies until 7 days after
//!   the customer's last message; then the thread is **closed**.
//!
//! Thresholds are [`ClockSettings`]: 20 h (closing), 23 h (last hour), 24 h (the standard
//! window), 168 h (an ad's window), 168 h (the human-agent tag's 7 days); 15 minutes (the
//! Very Responsive badge) and 60 minutes (what customers on social media expect) for a
//! message awaiting a reply.

use serde::{Deserialize, Serialize};

use super::calendar::{HOUR_MS, MINUTE_MS};
use super::TimeRange;
use crate::catalogue::Message;
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
    /// Hours after a person's reply to a Click-to-Messenger or Click-to-Direct ad during
    /// which any reply is allowed (7 days).
    pub ad_window_hours: f64,
    /// Hours during which a human agent may still reply (7 days).
    pub human_agent_hours: f64,
    /// Minutes within which a first reply counts toward the Very Responsive badge.
    pub badge_minutes: f64,
    /// Minutes within which customers on social media expect a reply.
    pub expected_reply_minutes: f64,
    /// Minutes of waiting after which a row's wait turns amber (the agent's setting).
    pub waiting_amber_minutes: f64,
    /// Minutes of waiting after which it turns red (the agent's setting; 15, the Very
    /// Responsive badge's mark, by default).
    pub waiting_red_minutes: f64,
}

impl Default for ClockSettings {
    fn default() -> Self {
        ClockSettings {
            closing_hours: 20.0,
            last_hour_hours: 23.0,
            window_hours: 24.0,
            ad_window_hours: 168.0,
            human_agent_hours: 168.0,
            badge_minutes: 15.0,
            expected_reply_minutes: 60.0,
            waiting_amber_minutes: 10.0,
            waiting_red_minutes: 15.0,
        }
    }
}

impl ClockSettings {
    /// Checks that the thresholds are positive and in order, naming the one to correct.
    pub fn validate(&self) -> Result<(), Message> {
        let hours = [
            ("closingHours", self.closing_hours),
            ("lastHourHours", self.last_hour_hours),
            ("windowHours", self.window_hours),
            ("adWindowHours", self.ad_window_hours),
            ("humanAgentHours", self.human_agent_hours),
        ];
        let minutes = [("badgeMinutes", self.badge_minutes), ("expectedReplyMinutes", self.expected_reply_minutes)];
        let waiting =
            [("waitingAmberMinutes", self.waiting_amber_minutes), ("waitingRedMinutes", self.waiting_red_minutes)];
        for list in [&hours[..], &minutes[..], &waiting[..]] {
            for (name, value) in list {
                if !(value.is_finite() && *value > 0.0) {
                    return Err(Message::new("clock.must-be-positive").text("name", *name).text("got", shown(*value)));
                }
            }
            for pair in list.windows(2) {
                if pair[0].1 > pair[1].1 {
                    let (low, high) = (pair[0], pair[1]);
                    return Err(Message::new("clock.out-of-order")
                        .text("low", low.0)
                        .text("low_value", shown(low.1))
                        .text("high", high.0)
                        .text("high_value", shown(high.1)));
                }
            }
        }
        Ok(())
    }
}

fn hours_ms(hours: f64) -> i64 {
    (hours * HOUR_MS as f64) as i64
}

pub(super) fn minutes_ms(minutes: f64) -> i64 {
    (minutes * MINUTE_MS as f64) as i64
}

/// A thread's place in the messaging windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WindowState {
    /// More than 4 h left in the standard window (under 20 h since the customer's last
    /// message, when it is the 24-hour one).
    Open,
    /// 4 h to 1 h left (20 to 23 h).
    Closing,
    /// The last hour (23 to 24 h).
    LastHour,
    /// From the end of the standard window to 7 days after the customer's last message: a
    /// human agent may reply, without promotion.
    HumanAgent,
    /// 7 days or more since the customer's last message, and the standard window over:
    /// nothing can be sent.
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
    /// `hoursSinceCustomer`); `None` when unknown. A reply to an ad is a customer's
    /// message too: the last one is never before it.
    pub hours_since_customer: Option<f64>,
    /// Hours since the person replied to the ad that opened the thread, worst case (the
    /// linter's `hoursSinceAdReply`); `None` when the thread did not come from an ad, or
    /// it is not known.
    pub hours_since_ad_reply: Option<f64>,
    /// Whether the standard window still open is an ad's (`open`, `closing` and
    /// `last-hour` only): the 7 days after the reply to the ad outlast the 24 hours after
    /// the customer's last message. The badge says so ("Ad reply · 5 days 3 h left").
    pub ad_window: bool,
    /// Milliseconds to the next boundary that changes what may be sent, worst case: the
    /// end of the standard window (`open`, `closing`, `last-hour`) or of the human agent's
    /// 7 days (`human-agent`); `None` when `closed` or `unknown`.
    pub ms_left: Option<i64>,
    /// How wide the range of possible times behind that boundary is: 59 999 for a stamp to
    /// the minute, an hour for "3h", a day for "Yesterday".
    pub uncertainty_ms: i64,
    /// Whether that time is too coarse to state to the minute: say "about".
    pub approximate: bool,
}

/// What decides a thread's messaging windows: when the customer last wrote and, for a
/// thread opened from a Click-to-Messenger or Click-to-Direct ad, when they replied to
/// the ad (the first message, which opens a 7-day window). Each is a range of possible
/// times, judged by its earliest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThreadTimes {
    /// The customer's last message.
    pub customer: Option<TimeRange>,
    /// The person's reply to the ad, when the thread came from one.
    pub ad_reply: Option<TimeRange>,
}

/// The window state of a thread whose customer last wrote within `last_customer` (not
/// from an ad, or not known to be): [`thread_window_status`] without an ad reply.
pub fn window_status(last_customer: Option<TimeRange>, now_ms: i64, settings: &ClockSettings) -> WindowStatus {
    thread_window_status(&ThreadTimes { customer: last_customer, ad_reply: None }, now_ms, settings)
}

/// The window state of a thread from its customer's last message and its reply to an ad,
/// each by its earliest time (a time after `now_ms` counts as now):
/// - the standard window ends at the later of the customer's message + `window_hours`
///   and the ad reply + `ad_window_hours`;
/// - `closing` and `last-hour` start when `window_hours - closing_hours` and
///   `window_hours - last_hour_hours` are left of it (4 h and 1 h by default);
/// - after it a human agent may reply until the customer's message + `human_agent_hours`;
/// - then the thread is closed.
///
/// The ad reply is a message from the customer, so their last message is taken as no
/// earlier than it (and as it, when only the ad reply is known).
pub fn thread_window_status(times: &ThreadTimes, now_ms: i64, settings: &ClockSettings) -> WindowStatus {
    // The customer's last message: the later of the two earliest times, as the ad reply
    // is one of their messages.
    let customer = match (times.customer, times.ad_reply) {
        (Some(c), Some(a)) if a.earliest_ms > c.earliest_ms => Some(a),
        (Some(c), _) => Some(c),
        (None, a) => a,
    };
    let Some(customer) = customer else {
        return WindowStatus {
            state: WindowState::Unknown,
            hours_since_customer: None,
            hours_since_ad_reply: None,
            ad_window: false,
            ms_left: None,
            uncertainty_ms: 0,
            approximate: false,
        };
    };
    let age = |range: &TimeRange| now_ms.saturating_sub(range.earliest_ms).max(0);
    let hours = |ms: i64| ms as f64 / HOUR_MS as f64;
    let customer_age = age(&customer);
    let ad = times.ad_reply.map(|range| (range, age(&range)));
    let window = hours_ms(settings.window_hours);
    // Time left in the standard window (negative once over), and the range it comes from.
    let mut left = window.saturating_sub(customer_age);
    let mut deciding = customer;
    let mut ad_window = false;
    if let Some((range, ad_age)) = ad {
        let ad_left = hours_ms(settings.ad_window_hours).saturating_sub(ad_age);
        if ad_left > left {
            (left, deciding, ad_window) = (ad_left, range, true);
        }
    }
    let agent_left = hours_ms(settings.human_agent_hours).saturating_sub(customer_age);
    let (state, ms_left) = if left > 0 {
        let state = if left <= window.saturating_sub(hours_ms(settings.last_hour_hours)) {
            WindowState::LastHour
        } else if left <= window.saturating_sub(hours_ms(settings.closing_hours)) {
            WindowState::Closing
        } else {
            WindowState::Open
        };
        (state, Some(left))
    } else if agent_left > 0 {
        (deciding, ad_window) = (customer, false);
        (WindowState::HumanAgent, Some(agent_left))
    } else {
        (deciding, ad_window) = (customer, false);
        (WindowState::Closed, None)
    };
    WindowStatus {
        state,
        hours_since_customer: Some(hours(customer_age)),
        hours_since_ad_reply: ad.map(|(_, ad_age)| hours(ad_age)),
        ad_window,
        ms_left,
        uncertainty_ms: deciding.latest_ms.saturating_sub(deciding.earliest_ms).max(0),
        approximate: deciding.is_approximate(),
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

/// How a wait is shown: its colour, and the words that say the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaitLevel {
    /// Under the amber mark (10 minutes by default).
    Calm,
    /// From the amber mark to the red one: answer soon.
    Amber,
    /// From the red mark (15 minutes, the Very Responsive badge's, by default).
    Red,
}

/// The level of a wait of `age_ms`, by the agent's marks (each reached at its minute).
pub fn wait_level(age_ms: i64, settings: &ClockSettings) -> WaitLevel {
    if age_ms >= minutes_ms(settings.waiting_red_minutes) {
        WaitLevel::Red
    } else if age_ms >= minutes_ms(settings.waiting_amber_minutes) {
        WaitLevel::Amber
    } else {
        WaitLevel::Calm
    }
}

/// A thread whose last message is the customer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Awaiting {
    pub mark: AwaitingMark,
    /// Milliseconds the message has waited, worst case; `None` when unknown.
    pub age_ms: Option<i64>,
    /// The wait's level by the agent's amber and red marks; `None` when unknown.
    pub level: Option<WaitLevel>,
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
        return Some(Awaiting {
            mark: AwaitingMark::Unknown,
            age_ms: None,
            level: None,
            ms_to_next_mark: None,
            approximate: false,
        });
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
    Some(Awaiting {
        mark,
        age_ms: Some(age),
        level: Some(wait_level(age, settings)),
        ms_to_next_mark: next,
        approximate: range.is_approximate(),
    })
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
        assert_eq!(bad.validate().unwrap_err().to_string(), "lastHourHours (25) must not exceed windowHours (24)");
        let nan = ClockSettings { badge_minutes: f64::NAN, ..Default::default() };
        assert!(nan.validate().unwrap_err().to_string().starts_with("badgeMinutes"));
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

    /// A thread whose customer replied to an ad `ad_ago` before now and last wrote
    /// `customer_ago` before now, each to the minute.
    #[test]
    fn waits_turn_amber_at_ten_minutes_and_red_at_fifteen_by_default() {
        let s = ClockSettings::default();
        let level = |ago| awaiting(true, exact(ago), NOW, &s).unwrap().level;
        assert_eq!(level(9 * MINUTE_MS + 59_999), Some(WaitLevel::Calm));
        assert_eq!(level(10 * MINUTE_MS), Some(WaitLevel::Amber));
        assert_eq!(level(15 * MINUTE_MS - 1), Some(WaitLevel::Amber));
        assert_eq!(level(15 * MINUTE_MS), Some(WaitLevel::Red));
        assert_eq!(level(16 * MINUTE_MS), Some(WaitLevel::Red));
        assert_eq!(awaiting(true, None, NOW, &s).unwrap().level, None);
        // The agent's own marks; equal marks leave no amber stage.
        let own = ClockSettings { waiting_amber_minutes: 5.0, waiting_red_minutes: 5.0, ..s };
        assert_eq!(wait_level(5 * MINUTE_MS - 1, &own), WaitLevel::Calm);
        assert_eq!(wait_level(5 * MINUTE_MS, &own), WaitLevel::Red);
        let reversed = ClockSettings { waiting_amber_minutes: 20.0, ..ClockSettings::default() };
        assert_eq!(
            reversed.validate().unwrap_err().to_string(),
            "waitingAmberMinutes (20) must not exceed waitingRedMinutes (15)"
        );
        let zero = ClockSettings { waiting_amber_minutes: 0.0, ..ClockSettings::default() };
        assert!(zero.validate().unwrap_err().to_string().starts_with("waitingAmberMinutes must be a positive number"));
    }

    fn ad_thread(customer_ago: Option<i64>, ad_ago: i64) -> WindowStatus {
        let times = ThreadTimes { customer: customer_ago.and_then(exact), ad_reply: exact(ad_ago) };
        thread_window_status(&times, NOW, &ClockSettings::default())
    }

    #[test]
    fn an_ad_reply_opens_seven_days_that_close_like_the_24_hours() {
        let h = HOUR_MS;
        let state = |ad_ago| ad_thread(None, ad_ago).state;
        assert_eq!(state(0), WindowState::Open);
        assert_eq!(state(24 * h), WindowState::Open);
        // Amber with 4 hours left, red with one, as the 24-hour window.
        assert_eq!(state(7 * DAY_MS - 4 * h - 1), WindowState::Open);
        assert_eq!(state(7 * DAY_MS - 4 * h), WindowState::Closing);
        assert_eq!(state(7 * DAY_MS - h - 1), WindowState::Closing);
        assert_eq!(state(7 * DAY_MS - h), WindowState::LastHour);
        assert_eq!(state(7 * DAY_MS - 1), WindowState::LastHour);
        // The ad reply was the last message: its 7 days are also the human agent's.
        assert_eq!(state(7 * DAY_MS), WindowState::Closed);
        let open = ad_thread(None, 30 * h);
        assert!(open.ad_window);
        assert_eq!(open.ms_left, Some(7 * DAY_MS - 30 * h));
        assert_eq!((open.hours_since_customer, open.hours_since_ad_reply), (Some(30.0), Some(30.0)));
        assert_eq!(ad_thread(None, 7 * DAY_MS - h).ms_left, Some(h));
        assert_eq!(ad_thread(None, 7 * DAY_MS).ms_left, None);
    }

    #[test]
    fn a_later_message_keeps_the_ad_window_until_its_own_24_hours_outlast_it() {
        let h = HOUR_MS;
        // Replied to the ad 3 days ago, wrote again 2 hours ago: the ad's 4 days left.
        let status = ad_thread(Some(2 * h), 3 * DAY_MS);
        assert_eq!((status.state, status.ad_window), (WindowState::Open, true));
        assert_eq!(status.ms_left, Some(4 * DAY_MS));
        assert_eq!((status.hours_since_customer, status.hours_since_ad_reply), (Some(2.0), Some(72.0)));
        // Ad 6 days 22 h ago, last message 3 h ago: its 21 hours outlast the ad's 2.
        let status = ad_thread(Some(3 * h), 7 * DAY_MS - 2 * h);
        assert_eq!((status.state, status.ad_window, status.ms_left), (WindowState::Open, false, Some(21 * h)));
        // Equal ends: the standard 24 hours, not the ad's.
        let status = ad_thread(Some(4 * h), 7 * DAY_MS - 20 * h);
        assert_eq!((status.ad_window, status.ms_left), (false, Some(20 * h)));
        // Ad 6 days 23 h ago, last message 23 h 30 min ago: the ad's last hour.
        let status = ad_thread(Some(23 * h + 30 * MINUTE_MS), 7 * DAY_MS - h);
        assert_eq!((status.state, status.ad_window, status.ms_left), (WindowState::LastHour, true, Some(h)));
        // After the ad's 7 days and the message's 24 hours: a human agent until 7 days
        // after the last message.
        let status = ad_thread(Some(2 * DAY_MS), 7 * DAY_MS);
        assert_eq!((status.state, status.ad_window), (WindowState::HumanAgent, false));
        assert_eq!(status.ms_left, Some(5 * DAY_MS));
        let status = ad_thread(Some(3 * DAY_MS), 8 * DAY_MS);
        assert_eq!((status.state, status.ms_left), (WindowState::HumanAgent, Some(4 * DAY_MS)));
        assert_eq!(ad_thread(Some(7 * DAY_MS - 1), 9 * DAY_MS).state, WindowState::HumanAgent);
        assert_eq!(ad_thread(Some(7 * DAY_MS), 9 * DAY_MS).state, WindowState::Closed);
    }

    #[test]
    fn an_ad_reply_is_a_customer_message_and_each_range_is_judged_by_its_earliest() {
        let s = ClockSettings::default();
        // A customer time older than the ad reply is an older reading: the ad reply is
        // a message of theirs, so their last is no earlier.
        let status = ad_thread(Some(9 * DAY_MS), 2 * DAY_MS);
        assert_eq!((status.state, status.hours_since_customer), (WindowState::Open, Some(48.0)));
        // Coarse ranges: "Sun" for the ad reply is judged from the day's start.
        let start = NOW - 6 * DAY_MS - 19 * HOUR_MS;
        let day = TimeRange { earliest_ms: start, latest_ms: start + DAY_MS - 1 };
        let times = ThreadTimes { customer: exact(21 * HOUR_MS), ad_reply: Some(day) };
        let status = thread_window_status(&times, NOW, &s);
        assert_eq!((status.state, status.ad_window), (WindowState::Open, true));
        assert_eq!(status.ms_left, Some(5 * HOUR_MS));
        assert!(status.approximate);
        assert_eq!(status.uncertainty_ms, DAY_MS - 1);
        // Once the ad window is over, what counts is the customer's minute.
        let times = ThreadTimes {
            customer: exact(30 * HOUR_MS),
            ad_reply: Some(TimeRange { earliest_ms: NOW - 8 * DAY_MS, latest_ms: NOW - 7 * DAY_MS }),
        };
        let status = thread_window_status(&times, NOW, &s);
        assert_eq!((status.state, status.approximate, status.uncertainty_ms), (WindowState::HumanAgent, false, 59_999));
        // Without an ad reply it is the plain window; with neither, unknown.
        for ago in [0, 20 * HOUR_MS, 23 * HOUR_MS, 24 * HOUR_MS, 7 * DAY_MS] {
            let plain = thread_window_status(&ThreadTimes { customer: exact(ago), ad_reply: None }, NOW, &s);
            assert_eq!(plain, window_status(exact(ago), NOW, &s));
            assert!(!plain.ad_window && plain.hours_since_ad_reply.is_none());
        }
        let unknown = thread_window_status(&ThreadTimes::default(), NOW, &s);
        assert_eq!((unknown.state, unknown.ms_left, unknown.ad_window), (WindowState::Unknown, None, false));
        // An ad reply after now (clock skew) is now.
        let future = ThreadTimes {
            customer: None,
            ad_reply: Some(TimeRange { earliest_ms: NOW + 5000, latest_ms: NOW + 5000 }),
        };
        assert_eq!(thread_window_status(&future, NOW, &s).ms_left, Some(7 * DAY_MS));
    }

    #[test]
    fn the_ad_window_is_a_setting() {
        let s = ClockSettings { ad_window_hours: 48.0, ..Default::default() };
        let times = ThreadTimes { customer: None, ad_reply: exact(47 * HOUR_MS) };
        assert_eq!(thread_window_status(&times, NOW, &s).state, WindowState::LastHour);
        let times = ThreadTimes { customer: None, ad_reply: exact(48 * HOUR_MS) };
        assert_eq!(thread_window_status(&times, NOW, &s).state, WindowState::HumanAgent);
        let short = ClockSettings { ad_window_hours: 12.0, ..Default::default() };
        assert_eq!(short.validate().unwrap_err().to_string(), "windowHours (24) must not exceed adWindowHours (12)");
        let long = ClockSettings { ad_window_hours: 200.0, ..Default::default() };
        assert_eq!(
            long.validate().unwrap_err().to_string(),
            "adWindowHours (200) must not exceed humanAgentHours (168)"
        );
        // Invalid settings never panic.
        let nan = ClockSettings { ad_window_hours: f64::NAN, ..Default::default() };
        assert_eq!(thread_window_status(&times, NOW, &nan).state, WindowState::HumanAgent);
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
        let json = serde_json::to_value(ad_thread(None, 30 * HOUR_MS)).unwrap();
        assert_eq!((json["adWindow"].as_bool(), json["hoursSinceAdReply"].as_f64()), (Some(true), Some(30.0)));
    }
}
