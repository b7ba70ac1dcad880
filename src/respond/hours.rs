//! Business hours: when the Page is open, per weekday in the browser's local time. Time
//! outside them is not counted toward a response time, as Meta leaves out the time a Page
//! is set to away (004, `../shared/GUIDELINES.md` §1).
//!
//! Stored as seven entries, Monday first, each `null` (closed all day) or `[open, close]`
//! in minutes after local midnight: `[[540, 1020], …]` is 09:00 to 17:00. A close before
//! the open runs overnight into the next day (`[1320, 360]`: 22:00 to 06:00); `1440` is
//! midnight at the end of the day.

use serde_json::Value;

use crate::catalogue::Message;
use crate::clock::calendar::{to_local, to_utc, weekday, DAY_MS, MINUTE_MS};
use crate::clock::TimeZone;

/// One day's opening, in minutes after local midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    pub open_min: u16,
    pub close_min: u16,
}

/// The week's openings, Monday first; `None` is closed all day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BusinessHours(pub [Option<Opening>; 7]);

/// The most days a span is walked through: a response slower than this is counted up to
/// it (no answer takes a year; a damaged value must not loop for long).
const MAX_DAYS: i64 = 400;

impl BusinessHours {
    /// Reads the stored form; the error names the entry and says what it must be. At least
    /// one day is open.
    pub fn from_json(value: &Value) -> Result<BusinessHours, Message> {
        let days = value
            .as_array()
            .filter(|days| days.len() == 7)
            .ok_or_else(|| Message::new("business-hours.not-seven-days"))?;
        let mut hours = BusinessHours::default();
        for (index, (slot, day)) in hours.0.iter_mut().zip(days).enumerate() {
            if day.is_null() {
                continue;
            }
            let minutes: Option<Vec<u16>> = day
                .as_array()
                .filter(|pair| pair.len() == 2)
                .and_then(|pair| pair.iter().map(|m| m.as_u64().filter(|&m| m <= 1440).map(|m| m as u16)).collect());
            match minutes.as_deref() {
                Some(&[open_min, close_min]) if open_min != close_min && open_min < 1440 => {
                    *slot = Some(Opening { open_min, close_min });
                }
                _ => return Err(Message::new("business-hours.bad-day").count("day", index + 1)),
            }
        }
        if hours.0.iter().all(Option::is_none) {
            // Every response would count as instant: no hours is written `null`.
            return Err(Message::new("business-hours.none-open"));
        }
        Ok(hours)
    }

    /// The stored form.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.0
                .iter()
                .map(|day| day.map_or(Value::Null, |o| serde_json::json!([o.open_min, o.close_min])))
                .collect(),
        )
    }

    /// Milliseconds of `[start_ms, end_ms)` inside the hours, in `zone`'s local time.
    pub fn counted_ms(&self, start_ms: i64, end_ms: i64, zone: &impl TimeZone) -> i64 {
        if end_ms <= start_ms {
            return 0;
        }
        // From the day before (its overnight opening may reach into the start's day).
        let first = to_local(zone, start_ms).div_euclid(DAY_MS) - 1;
        let last = to_local(zone, end_ms).div_euclid(DAY_MS).min(first + MAX_DAYS);
        let mut spans: Vec<(i64, i64)> = (first..=last)
            .filter_map(|day| {
                let opening = self.0[weekday(day) as usize - 1]?;
                let midnight = day * DAY_MS;
                let close_day = if opening.close_min < opening.open_min { midnight + DAY_MS } else { midnight };
                let open = to_utc(zone, midnight + i64::from(opening.open_min) * MINUTE_MS);
                let close = to_utc(zone, close_day + i64::from(opening.close_min) * MINUTE_MS);
                let (from, to) = (open.max(start_ms), close.min(end_ms));
                (from < to).then_some((from, to))
            })
            .collect();
        // Openings may overlap (Monday's overnight into an early Tuesday): count each
        // moment once.
        crate::sort::sort_by_key(&mut spans, |&(from, to)| (crate::sort::signed(from), crate::sort::signed(to)));
        let mut counted = 0;
        let mut reached = i64::MIN;
        for (from, to) in spans {
            let from = from.max(reached);
            if to > from {
                counted += to - from;
                reached = to;
            }
        }
        counted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::calendar::HOUR_MS;
    use crate::clock::FixedOffset;
    use serde_json::json;

    /// Monday 2026-11-23 00:00 in Bucharest (UTC+2): 2026-11-22 22:00 UTC.
    const MONDAY: i64 = 1_795_384_800_000;
    const ZONE: FixedOffset = FixedOffset(120);

    fn at(day: i64, hour: i64, minute: i64) -> i64 {
        MONDAY + day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS
    }

    fn weekdays_nine_to_five() -> BusinessHours {
        let mut hours = [Some(Opening { open_min: 540, close_min: 1020 }); 7];
        hours[5] = None;
        hours[6] = None;
        BusinessHours(hours)
    }

    #[test]
    fn time_inside_the_hours_counts_in_full() {
        let hours = weekdays_nine_to_five();
        assert_eq!(hours.counted_ms(at(0, 10, 0), at(0, 10, 12), &ZONE), 12 * MINUTE_MS);
    }

    #[test]
    fn a_turn_across_the_closing_time_counts_until_closing_and_again_from_opening() {
        let hours = weekdays_nine_to_five();
        // Monday 16:50 to Tuesday 09:07: 10 min before closing, 7 after opening.
        assert_eq!(hours.counted_ms(at(0, 16, 50), at(1, 9, 7), &ZONE), 17 * MINUTE_MS);
        // Friday 16:55 to Monday 09:05: the weekend is closed.
        assert_eq!(hours.counted_ms(at(4, 16, 55), at(7, 9, 5), &ZONE), 10 * MINUTE_MS);
        // Written at night, answered before opening: nothing counted.
        assert_eq!(hours.counted_ms(at(0, 22, 0), at(1, 8, 0), &ZONE), 0);
    }

    #[test]
    fn overnight_hours_run_into_the_next_day() {
        // Every night 22:00 to 06:00.
        let hours = BusinessHours([Some(Opening { open_min: 1320, close_min: 360 }); 7]);
        // Tuesday 05:50 (inside Monday's night) to Tuesday 22:10: 10 + 10 minutes.
        assert_eq!(hours.counted_ms(at(1, 5, 50), at(1, 22, 10), &ZONE), 20 * MINUTE_MS);
        // Only Monday night open: Tuesday 01:00 to 03:00 is inside it.
        let mut monday_night = [None; 7];
        monday_night[0] = Some(Opening { open_min: 1320, close_min: 360 });
        assert_eq!(BusinessHours(monday_night).counted_ms(at(1, 1, 0), at(1, 3, 0), &ZONE), 2 * HOUR_MS);
    }

    #[test]
    fn overlapping_openings_count_once_and_midnight_is_1440() {
        let mut hours = [None; 7];
        hours[0] = Some(Opening { open_min: 1200, close_min: 120 }); // Monday 20:00 to Tuesday 02:00
        hours[1] = Some(Opening { open_min: 0, close_min: 1440 }); // all Tuesday
        let hours = BusinessHours(hours);
        assert_eq!(hours.counted_ms(at(0, 23, 0), at(1, 3, 0), &ZONE), 4 * HOUR_MS);
    }

    #[test]
    fn the_local_day_decides_not_utc() {
        // Monday 00:30 local is Sunday 22:30 UTC: Monday's hours (from 00:00) apply.
        let mut hours = [None; 7];
        hours[0] = Some(Opening { open_min: 0, close_min: 60 });
        assert_eq!(BusinessHours(hours).counted_ms(at(0, 0, 30), at(0, 2, 0), &ZONE), 30 * MINUTE_MS);
    }

    #[test]
    fn the_stored_form_round_trips_and_is_read_strictly() {
        let hours = weekdays_nine_to_five();
        let json = hours.to_json();
        assert_eq!(json[0], json!([540, 1020]));
        assert_eq!(BusinessHours::from_json(&json), Ok(hours));
        assert!(BusinessHours::from_json(&json!([null])).unwrap_err().to_string().contains("7 days"));
        let bad = json!([null, [540, 540], null, null, null, null, null]);
        assert_eq!(BusinessHours::from_json(&bad).unwrap_err(), Message::new("business-hours.bad-day").count("day", 2));
        assert_eq!(
            BusinessHours::from_json(&bad).unwrap_err().to_string(),
            "day 2 must be null or [open, close], two different minutes from 0 to 1440"
        );
        assert!(BusinessHours::from_json(&json!([null, null, null, null, null, null, null]))
            .unwrap_err()
            .to_string()
            .contains("one day"));
        assert!(BusinessHours::from_json(&json!([null, [1440, 60], null, null, null, null, null])).is_err());
    }
}
