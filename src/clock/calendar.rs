//! Civil-calendar arithmetic on days since 1970-01-01 (proleptic Gregorian), and the
//! conversion between local wall-clock time and UTC through a [`TimeZone`].
//!
//! No dependency: the day ↔ date conversions are Howard Hinnant's `days_from_civil` and
//! `civil_from_days`, exact for every year the parser accepts.

use super::TimeZone;

pub const MINUTE_MS: i64 = 60_000;
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists ("February 30" does not).
    pub fn new(year: i64, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }
}

/// ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32 + 1
}

/// Local wall-clock milliseconds at a UTC instant.
pub fn to_local(zone: &impl TimeZone, utc_ms: i64) -> i64 {
    utc_ms + i64::from(zone.utc_offset_minutes(utc_ms)) * MINUTE_MS
}

/// The UTC instant of a local wall-clock time. The offset is looked up twice so a zone
/// whose offset changes (DST) lands on the offset in force at that local time; a time
/// skipped or repeated by a change resolves to one of its neighbours.
pub fn to_utc(zone: &impl TimeZone, local_ms: i64) -> i64 {
    let guess = local_ms - i64::from(zone.utc_offset_minutes(local_ms)) * MINUTE_MS;
    local_ms - i64::from(zone.utc_offset_minutes(guess)) * MINUTE_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2026, 11, 21).unwrap().days(), 20_778);
        assert_eq!(weekday(Date::new(2026, 11, 23).unwrap().days()), 1, "23 Nov 2026 is a Monday");
        for days in (-800_000..800_000).step_by(997) {
            let date = Date::from_days(days);
            assert_eq!(Date::new(date.year, date.month, date.day).map(Date::days), Some(days));
        }
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(Date::new(2026, 2, 29).is_none());
        assert!(Date::new(2028, 2, 29).is_some());
        assert!(Date::new(2100, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
    }
}
