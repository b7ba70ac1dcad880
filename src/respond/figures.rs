//! The agent's figures as Meta computes them for the Very Responsive badge
//! (`../shared/GUIDELINES.md` §1; 003, 004): the response rate is the answered turns over
//! the turns that needed an answer; the response time is the average of the fastest 90%
//! of response times, so an occasional slow answer does not count against the Page. Per
//! day in the browser's local time, for today and the last 7 days, against 90% and 15
//! minutes.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::hours::BusinessHours;
use super::turns::Turn;
use crate::clock::calendar::{to_local, DAY_MS, MINUTE_MS};
use crate::clock::{LocalClock, TimeZone};

/// The badge's response rate, as a share in tenths: 9 of 10.
const RATE_TARGET: (u32, u32) = (9, 10);
/// The badge's response time.
pub const TIME_TARGET_MS: i64 = 15 * MINUTE_MS;
/// The days of the recent figure: today and the 6 before it (003).
pub const WEEK_DAYS: i64 = 7;
/// How many of today's slowest turns the view lists.
const SLOWEST: usize = 5;

/// The average of the fastest 90% of `times` (milliseconds), rounded to the nearest
/// millisecond (half up); `None` for none. The 90% cut is rounded up, so a slow answer is
/// left out only once there are 10: 1 to 9 times all count, 10 keep the fastest 9, 11 keep
/// 10 (9.9 rounded up), 20 keep 18 (n - floor(n / 10)).
pub fn fastest_share_average(times: &[i64]) -> Option<i64> {
    if times.is_empty() {
        return None;
    }
    let mut sorted = times.to_vec();
    crate::sort::sort_by_key(&mut sorted, |&time| (crate::sort::signed(time), 0));
    let kept = (sorted.len() * 9).div_ceil(10);
    // No overflow: 20,000 turns (the record's bound) of a year each sum to under 2^60.
    let sum = sorted[..kept].iter().fold(0_i64, |sum, &t| sum.saturating_add(t));
    let kept = kept as i64;
    Some(sum.saturating_mul(2).saturating_add(kept) / (2 * kept))
}

/// One span's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    /// Turns that needed an answer.
    pub needed: u32,
    /// Those a person of the Page answered.
    pub answered: u32,
    /// The response time: the average of the fastest 90%, in milliseconds, time outside
    /// business hours left out; `None` with no answer.
    pub time_ms: Option<i64>,
    /// The rate reaches 90% (`false` with no turn: nothing to judge).
    pub rate_met: bool,
    /// The time is 15 minutes or less.
    pub time_met: bool,
}

impl Figures {
    /// The figures of `turns`, their response times counted inside `hours` (all time
    /// without) in `zone`'s local time.
    pub fn of<'a>(
        turns: impl IntoIterator<Item = &'a Turn>,
        hours: Option<&BusinessHours>,
        zone: &impl TimeZone,
    ) -> Figures {
        let mut figures = Figures::default();
        let mut times = Vec::new();
        for turn in turns {
            figures.needed += 1;
            let Some(reply_ms) = turn.reply_ms else { continue };
            figures.answered += 1;
            times.push(match hours {
                Some(hours) => hours.counted_ms(turn.start_ms, reply_ms, zone),
                None => turn.response_ms().unwrap_or(0),
            });
        }
        figures.time_ms = fastest_share_average(&times);
        figures.rate_met = figures.needed > 0 && figures.answered * RATE_TARGET.1 >= figures.needed * RATE_TARGET.0;
        figures.time_met = figures.time_ms.is_some_and(|t| t <= TIME_TARGET_MS);
        figures
    }
}

impl Figures {
    /// `{needed, answered, timeMs, rateMet, timeMet}` for the extension's pages.
    pub fn to_json(&self) -> Value {
        json!({"needed": self.needed, "answered": self.answered, "timeMs": self.time_ms,
               "rateMet": self.rate_met, "timeMet": self.time_met})
    }
}

/// One local day's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// Days since 1970-01-01, local.
    pub day: i64,
    pub figures: Figures,
}

/// What the view shows: today, the last 7 days together, each of those days (oldest
/// first) and today's slowest answered turns (slowest first, with their counted time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub today: Figures,
    pub week: Figures,
    pub days: Vec<Day>,
    pub slowest_today: Vec<Slow>,
}

/// An answered turn, as the view lists it: when it started and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slow {
    pub start_ms: i64,
    pub time_ms: i64,
}

impl Report {
    /// `{today, week, days: [{day, figures}], slowestToday: [{startMs, timeMs}]}`, each
    /// figure as [`Figures::to_json`] writes it.
    pub fn to_json(&self) -> Value {
        let days: Vec<Value> =
            self.days.iter().map(|d| json!({"day": d.day, "figures": d.figures.to_json()})).collect();
        let slowest: Vec<Value> =
            self.slowest_today.iter().map(|s| json!({"startMs": s.start_ms, "timeMs": s.time_ms})).collect();
        json!({"today": self.today.to_json(), "week": self.week.to_json(), "days": days, "slowestToday": slowest})
    }
}

/// The local day (days since 1970-01-01) of an instant.
pub fn local_day(zone: &impl TimeZone, utc_ms: i64) -> i64 {
    to_local(zone, utc_ms).div_euclid(DAY_MS)
}

/// The report of the turns kept by local day (`by_day`), on `clock`'s today.
pub fn report<Z: TimeZone>(
    by_day: &BTreeMap<i64, Vec<Turn>>,
    clock: &LocalClock<Z>,
    hours: Option<&BusinessHours>,
) -> Report {
    let today = local_day(&clock.zone, clock.now_ms);
    let week = (today - WEEK_DAYS + 1)..=today;
    let turns_of = |day: i64| by_day.get(&day).map(Vec::as_slice).unwrap_or_default();
    let days = week.clone().map(|day| Day { day, figures: Figures::of(turns_of(day), hours, &clock.zone) }).collect();
    let mut slowest_today: Vec<Slow> = turns_of(today)
        .iter()
        .filter_map(|turn| {
            let reply_ms = turn.reply_ms?;
            let time_ms =
                hours.map_or(reply_ms - turn.start_ms, |h| h.counted_ms(turn.start_ms, reply_ms, &clock.zone));
            Some(Slow { start_ms: turn.start_ms, time_ms })
        })
        .collect();
    // Slowest first; equal times by when the turn started.
    crate::sort::sort_by_key(&mut slowest_today, |slow| {
        (!crate::sort::signed(slow.time_ms), crate::sort::signed(slow.start_ms))
    });
    slowest_today.truncate(SLOWEST);
    Report {
        today: Figures::of(turns_of(today), hours, &clock.zone),
        week: Figures::of(week.flat_map(turns_of), hours, &clock.zone),
        days,
        slowest_today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::calendar::HOUR_MS;
    use crate::clock::FixedOffset;
    use crate::respond::hours::Opening;

    /// Monday 2026-11-23 09:00 UTC, 11:00 in Bucharest (UTC+2).
    const T0: i64 = 1_795_424_400_000;
    const ZONE: FixedOffset = FixedOffset(120);

    fn answered(start_min: i64, after_min: i64) -> Turn {
        let start_ms = T0 + start_min * MINUTE_MS;
        Turn { start_ms, reply_ms: Some(start_ms + after_min * MINUTE_MS) }
    }

    fn unanswered(start_min: i64) -> Turn {
        Turn { start_ms: T0 + start_min * MINUTE_MS, reply_ms: None }
    }

    #[test]
    fn the_fastest_90_percent_are_averaged() {
        assert_eq!(fastest_share_average(&[]), None);
        assert_eq!(fastest_share_average(&[7]), Some(7));
        // 9 times: all count. (1 + ... + 8 + 100) / 9 = 136 / 9 = 15.11 -> 15.
        assert_eq!(fastest_share_average(&[100, 1, 2, 3, 4, 5, 6, 7, 8]), Some(15));
        // 10 times: the slowest (1000) is left out; (1 + ... + 9) / 9 = 5.
        assert_eq!(fastest_share_average(&[1000, 9, 8, 7, 6, 5, 4, 3, 2, 1]), Some(5));
        // 11 times: 9.9 rounded up to 10 kept; (1 + ... + 10) / 10 = 5.5 -> 6 (half up).
        assert_eq!(fastest_share_average(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000]), Some(6));
        // 20 times: the two slowest are left out.
        let twenty: Vec<i64> = (1..=18).chain([500, 600]).collect();
        assert_eq!(fastest_share_average(&twenty), Some(10)); // 171 / 18 = 9.5 -> 10
    }

    #[test]
    fn rate_and_time_against_the_badge() {
        // 10 turns, 9 answered: 90% meets the rate. Times 1..=9 minutes: the fastest 90%
        // of 9 is all 9 (8 kept would be wrong): 45 / 9 = 5 minutes.
        let mut turns: Vec<Turn> = (1..=9).map(|m| answered(m * 30, m)).collect();
        turns.push(unanswered(400));
        let figures = Figures::of(&turns, None, &ZONE);
        assert_eq!(
            figures,
            Figures { needed: 10, answered: 9, time_ms: Some(5 * MINUTE_MS), rate_met: true, time_met: true }
        );
        // One more unanswered: 9 of 11 is under 90%.
        turns.push(unanswered(500));
        assert!(!Figures::of(&turns, None, &ZONE).rate_met);
        // 15 minutes exactly meets the time; a millisecond more does not.
        let at_mark = [Turn { start_ms: T0, reply_ms: Some(T0 + TIME_TARGET_MS) }];
        assert!(Figures::of(&at_mark, None, &ZONE).time_met);
        let past = [Turn { start_ms: T0, reply_ms: Some(T0 + TIME_TARGET_MS + 1) }];
        assert!(!Figures::of(&past, None, &ZONE).time_met);
        // Nothing to judge: neither met, no time.
        assert_eq!(Figures::of(&[], None, &ZONE), Figures::default());
    }

    #[test]
    fn time_outside_business_hours_is_left_out() {
        // Open 09:00 to 17:00 local every day. A turn from 16:50 local answered at 09:05
        // the next morning counts 15 minutes, not 16 h 15 min.
        let hours = BusinessHours([Some(Opening { open_min: 540, close_min: 1020 }); 7]);
        let start_ms = T0 + 5 * HOUR_MS + 50 * MINUTE_MS; // 16:50 local
        let turn = Turn { start_ms, reply_ms: Some(start_ms + 16 * HOUR_MS + 15 * MINUTE_MS) };
        let figures = Figures::of(&[turn], Some(&hours), &ZONE);
        assert_eq!(figures.time_ms, Some(15 * MINUTE_MS));
        assert!(figures.time_met);
        assert_eq!(Figures::of(&[turn], None, &ZONE).time_ms, Some(16 * HOUR_MS + 15 * MINUTE_MS));
    }

    #[test]
    fn the_report_has_today_the_week_each_day_and_todays_slowest() {
        let clock = LocalClock::new(T0 + 3 * HOUR_MS, 120); // Monday 14:00 local
        let today = local_day(&ZONE, clock.now_ms);
        let mut by_day = BTreeMap::new();
        by_day.insert(today, vec![answered(0, 4), answered(10, 40), unanswered(60), answered(70, 2)]);
        by_day.insert(today - 6, vec![answered(-6 * 24 * 60, 10)]);
        // Outside the week: not counted.
        by_day.insert(today - 7, vec![unanswered(-7 * 24 * 60)]);
        let report = report(&by_day, &clock, None);
        assert_eq!((report.today.needed, report.today.answered), (4, 3));
        // Today: 4, 40, 2 minutes: all three kept, 46 / 3 = 15.33 min.
        assert_eq!(report.today.time_ms, Some(920_000));
        assert!(!report.today.rate_met && !report.today.time_met);
        assert_eq!((report.week.needed, report.week.answered), (5, 4));
        assert_eq!(report.week.time_ms, Some(14 * MINUTE_MS)); // (4 + 40 + 2 + 10) / 4
        assert_eq!(report.days.len(), 7);
        assert_eq!(report.days[0].day, today - 6);
        assert_eq!(report.days[0].figures.answered, 1);
        assert_eq!(report.days[6].figures, report.today);
        assert_eq!(report.days[3].figures, Figures::default());
        let slowest: Vec<i64> = report.slowest_today.iter().map(|s| s.time_ms / MINUTE_MS).collect();
        assert_eq!(slowest, [40, 4, 2]);
        assert_eq!(report.slowest_today[0].start_ms, T0 + 10 * MINUTE_MS);
        let json = report.to_json();
        assert_eq!(
            json["today"],
            json!({"needed": 4, "answered": 3, "timeMs": 920_000, "rateMet": false, "timeMet": false})
        );
        assert_eq!(json["days"][0]["day"], today - 6);
        assert_eq!(json["slowestToday"][0], json!({"startMs": T0 + 10 * MINUTE_MS, "timeMs": 40 * MINUTE_MS}));
    }

    #[test]
    fn days_are_local() {
        // 23:30 UTC on Monday is already Tuesday 01:30 in Bucharest.
        let late = T0 + 14 * HOUR_MS + 30 * MINUTE_MS;
        assert_eq!(local_day(&ZONE, late), local_day(&ZONE, T0) + 1);
        assert_eq!(local_day(&FixedOffset(0), late), local_day(&FixedOffset(0), T0));
    }
}
