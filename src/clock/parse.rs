//! Reads an inbox timestamp into the range of instants it can mean.
//!
//! Two readings, tried in turn on the tokens:
//! - **relative**: one count and unit ("5m", "3 ore", "an hour ago", "acum 5 min.",
//!   "3 घंटे पहले") is the range of ages from that count up to the next, or "now" words
//!   alone ("Just now", "acum", "अभी") the last minute;
//! - **absolute**: a date (month name and day, with or without year, in any order; an
//!   all-numeric date, in the language's order or ISO year first, a two-digit year
//!   ("1/13/24") being the most recent such date up to today; "today"/"yesterday"; a
//!   weekday, meaning the most recent one before today) and/or a time ("14:32", "2:32 PM",
//!   "2 pm"). A time is its minute; a date without time its whole local day; a time
//!   without date today (yesterday when that would be in the future: a label rendered
//!   before midnight). A weekday with a time ("Sat 7:19 PM", as the open conversation's
//!   date separators write the last week) is that minute on the most recent such day
//!   before today: today is written as the time alone, so today's weekday means a week
//!   ago. A weekday next to a full date is redundant and not checked.
//!
//! Anything else, an unknown word, a date that does not exist or a time that is more than
//! a couple of minutes in the future, is `None`.

use super::calendar::{to_local, to_utc, Date, DAY_MS, HOUR_MS, MINUTE_MS};
use super::data::{ClockData, Meaning, NumericDate, Special};
use super::tokens::{tokens, Token};
use super::{LocalClock, TimeRange, TimeZone};
use crate::lang::Language;

/// How far in the future a stamp may lie and still be read (clock skew between Meta's
/// servers and the computer); it is then taken as "now".
const FUTURE_SLACK_MS: i64 = 2 * MINUTE_MS;

/// The latest `now` the calendar arithmetic is meant for (end of year 9999).
const MAX_NOW_MS: i64 = 253_402_300_799_999;

/// The earliest instant an epoch stamp may name, 2000-01-01 00:00 UTC: an inbox message is
/// not older, and a `0` or a small number is a placeholder, not a time.
const MIN_EPOCH_MS: i64 = 946_684_800_000;

/// Reads the exact time Business Suite's list row carries in `data-utime`: seconds since
/// 1970-01-01 UTC, with or without a fraction ("1774717339.408", "1774717339").
///
/// The range is the start of that minute to the instant: the page's other times name
/// their minute, so states change only at whole minutes, and the start of the minute is
/// never later than the truth. `None` for anything else: an empty or signed number, an
/// exponent, `NaN`, digits other than ASCII, more than 9 decimals, or a time before 2000
/// or after 9999 (milliseconds given as seconds land there). Surrounding spaces are
/// allowed. A time after now is the caller's to judge ([`super::list_row_time`]).
pub fn parse_epoch_seconds(text: &str) -> Option<TimeRange> {
    let _stage = crate::stage::enter("parser", "epoch seconds");
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |part: &str, most: usize| (1..=most).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole, 12) || !digits(fraction, 9) {
        return None;
    }
    let seconds: i64 = whole.parse().ok()?;
    // Milliseconds: the fraction's first three digits, padded ("4" is 400).
    let millis = fraction.bytes().chain(std::iter::repeat(b'0')).take(3).fold(0, |ms, b| ms * 10 + i64::from(b - b'0'));
    let instant = seconds.checked_mul(1000)?.checked_add(millis)?;
    if !(MIN_EPOCH_MS..=MAX_NOW_MS).contains(&instant) {
        return None;
    }
    Some(TimeRange { earliest_ms: instant - instant.rem_euclid(MINUTE_MS), latest_ms: instant })
}

/// Reads `text` in the page's UI `language`, falling back to the other languages (Meta
/// leaves some labels untranslated); with no language, tries all four.
pub fn parse_timestamp<Z: TimeZone>(
    text: &str,
    language: Option<Language>,
    clock: &LocalClock<Z>,
) -> Option<TimeRange> {
    let first = language.into_iter();
    let rest = Language::ALL.into_iter().filter(|&l| Some(l) != language);
    first.chain(rest).find_map(|l| parse_timestamp_in(text, l, clock))
}

/// Reads `text` in `language` only.
pub fn parse_timestamp_in<Z: TimeZone>(text: &str, language: Language, clock: &LocalClock<Z>) -> Option<TimeRange> {
    let _stage = crate::stage::enter("parser", "timestamp");
    if !(0..=MAX_NOW_MS).contains(&clock.now_ms) {
        return None;
    }
    let data = ClockData::get(language);
    let items = items(&tokens(text)?, data)?;
    relative(&items, clock.now_ms).or_else(|| absolute(&items, data, clock))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Num {
        value: u32,
        digits: u8,
    },
    Time {
        hour: u32,
        minute: u32,
        second: Option<u32>,
    },
    /// Three numbers joined by `/`, `.` or `-`, as written, with their digit counts.
    NumDate([u32; 3], [u8; 3]),
    Word(Meaning),
}

impl Item {
    fn special(&self) -> Option<Special> {
        match self {
            Item::Word(m) => m.special,
            _ => None,
        }
    }
}

/// Groups the tokens into numbers, times, numeric dates and known words; `None` on an
/// unknown word or a stray colon.
fn items(tokens: &[Token], data: &ClockData) -> Option<Vec<Item>> {
    let mut out = Vec::new();
    let mut i = 0;
    let number = |i: usize| match tokens.get(i) {
        Some(&Token::Number { value, digits }) => Some((value, digits)),
        _ => None,
    };
    while let Some(token) = tokens.get(i) {
        match token {
            &Token::Number { value, digits } => {
                let two_digits = |i: usize| number(i).filter(|&(_, d)| d == 2).map(|(v, _)| v);
                let sep = |i: usize| tokens.get(i).filter(|t| matches!(t, Token::Slash | Token::Dot | Token::Dash));
                if tokens.get(i + 1) == Some(&Token::Colon) {
                    let minute = two_digits(i + 2)?;
                    if digits > 2 {
                        return None;
                    }
                    let second = if tokens.get(i + 3) == Some(&Token::Colon) { Some(two_digits(i + 4)?) } else { None };
                    out.push(Item::Time { hour: value, minute, second });
                    i += if second.is_some() { 5 } else { 3 };
                    continue;
                }
                if let (Some(s1), Some((b, b_digits)), Some(s2), Some((c, c_digits))) =
                    (sep(i + 1), number(i + 2), sep(i + 3), number(i + 4))
                {
                    if s1 == s2 {
                        out.push(Item::NumDate([value, b, c], [digits, b_digits, c_digits]));
                        i += 5;
                        continue;
                    }
                }
                out.push(Item::Num { value, digits });
            }
            Token::Word(word) => out.push(Item::Word(data.meaning(word)?)),
            Token::Colon => return None,
            Token::Slash | Token::Dot | Token::Dash => {}
        }
        i += 1;
    }
    Some(out)
}

fn is_filler(item: &Item) -> bool {
    matches!(item, Item::Word(m) if m.special == Some(Special::Ignore) && m.unit.is_none())
}

/// "5m", "3 ore", "an hour ago", "acum 5 min.", "Just now".
fn relative(items: &[Item], now: i64) -> Option<TimeRange> {
    let mut found = None;
    let mut used = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        let Item::Word(Meaning { unit: Some(unit), .. }) = item else { continue };
        // The count before the unit, skipping fillers ("20 de minute").
        let Some(j) = items[..i].iter().rposition(|it| !is_filler(it)) else { continue };
        let count = match items[j] {
            Item::Num { value, digits } if digits <= 4 => value,
            Item::Word(Meaning { special: Some(Special::One), .. }) => 1,
            _ => continue,
        };
        if found.replace((count, *unit)).is_some() {
            return None;
        }
        used[i] = true;
        used[j] = true;
    }
    let rest_ok = items
        .iter()
        .zip(&used)
        .all(|(item, &used)| used || matches!(item.special(), Some(Special::Ignore | Special::Now)));
    if !rest_ok {
        return None;
    }
    match found {
        Some((count, unit)) => {
            let count = i64::from(count);
            Some(TimeRange { earliest_ms: now - (count + 1) * unit.ms() + 1, latest_ms: now - count * unit.ms() })
        }
        None if items.iter().any(|it| it.special() == Some(Special::Now)) => {
            Some(TimeRange { earliest_ms: now - MINUTE_MS + 1, latest_ms: now })
        }
        None => None,
    }
}

/// Fills `slot` once; a second value is a malformed stamp.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

/// Dates and times: "Monday, November 23, 2026 at 2:32 PM", "21 noiembrie 2026, 14:32",
/// "Yesterday at 9:05 AM", "Mon", "Nov 21", "14:32".
fn absolute<Z: TimeZone>(items: &[Item], data: &ClockData, clock: &LocalClock<Z>) -> Option<TimeRange> {
    let mut weekday = None;
    let mut month = None;
    let mut numbers = Vec::new();
    let mut time = None;
    let mut pm = None;
    let mut days_back = None;
    let mut numeric = None;
    let near_day_number = |i: usize| {
        let is_day = |j: Option<usize>| matches!(j.and_then(|j| items.get(j)), Some(Item::Num { digits: 1 | 2, .. }));
        is_day(i.checked_sub(1)) || is_day(Some(i + 1))
    };
    for (i, item) in items.iter().enumerate() {
        match *item {
            Item::Num { value, digits } => {
                let before_period = matches!(items.get(i + 1).and_then(Item::special), Some(Special::Am | Special::Pm));
                if before_period && digits <= 2 {
                    set(&mut time, (value, 0, None))?;
                } else {
                    numbers.push((value, digits));
                }
            }
            Item::Time { hour, minute, second } => set(&mut time, (hour, minute, second))?,
            Item::NumDate(fields, digits) => set(&mut numeric, (fields, digits))?,
            Item::Word(meaning) => match meaning.special {
                Some(Special::Ignore) => {}
                Some(Special::Am | Special::Pm) => {
                    let after_time = i > 0 && matches!(items[i - 1], Item::Time { .. } | Item::Num { .. });
                    if !after_time {
                        return None;
                    }
                    set(&mut pm, meaning.special == Some(Special::Pm))?;
                }
                Some(Special::Today) => set(&mut days_back, 0)?,
                Some(Special::Yesterday) => set(&mut days_back, 1)?,
                Some(Special::Now | Special::One) => return None,
                None => match (meaning.month, meaning.weekday) {
                    (Some(m), Some(_)) if near_day_number(i) => set(&mut month, m)?,
                    (_, Some(w)) => set(&mut weekday, w)?,
                    (Some(m), None) => set(&mut month, m)?,
                    (None, None) => return None,
                },
            },
        }
    }

    let local_now = to_local(&clock.zone, clock.now_ms);
    let today = local_now.div_euclid(DAY_MS);
    let sources = usize::from(month.is_some()) + usize::from(numeric.is_some()) + usize::from(days_back.is_some());
    if sources > 1 || (weekday.is_some() && days_back.is_some()) {
        return None;
    }
    let mut explicit_date = true;
    let day = if let Some(month) = month {
        let (mut day, mut year) = (None, None);
        for &(value, digits) in &numbers {
            match digits {
                1 | 2 => set(&mut day, value)?,
                4 => set(&mut year, i64::from(value))?,
                _ => return None,
            }
        }
        let day = day?;
        match year {
            Some(year) => Date::new(year, month, day)?.days(),
            // The most recent such date up to today (a leap day may be years back).
            None => {
                let this_year = Date::from_days(today).year;
                (this_year - 8..=this_year)
                    .rev()
                    .filter_map(|y| Date::new(y, month, day))
                    .map(Date::days)
                    .find(|&d| d <= today)?
            }
        }
    } else {
        if !numbers.is_empty() {
            return None;
        }
        if let Some(([a, b, c], digits)) = numeric {
            let (year, month, day) = match (digits, data.numeric_date) {
                // ISO 8601, in every language: "2026-11-21".
                ([4, 1 | 2, 1 | 2], _) => (a, b, c),
                ([1 | 2, 1 | 2, 2 | 4], NumericDate::DayMonthYear) => (c, b, a),
                ([1 | 2, 1 | 2, 2 | 4], NumericDate::MonthDayYear) => (c, a, b),
                _ => return None,
            };
            if digits[2] == 2 && digits[0] != 4 {
                // A two-digit year ("1/13/24"): the most recent such date up to today,
                // in this century or the last.
                let this_year = Date::from_days(today).year;
                let year = this_year - this_year.rem_euclid(100) + i64::from(year);
                [year, year - 100]
                    .into_iter()
                    .filter_map(|y| Date::new(y, month, day))
                    .map(Date::days)
                    .find(|&d| d <= today)?
            } else {
                Date::new(i64::from(year), month, day)?.days()
            }
        } else if let Some(back) = days_back {
            today - back
        } else if let Some(weekday) = weekday {
            (1..=7).map(|k| today - k).find(|&d| super::calendar::weekday(d) == weekday)?
        } else if time.is_some() {
            explicit_date = false;
            today
        } else {
            return None;
        }
    };

    let (start, length) = match time {
        Some((hour, minute, second)) => {
            let hour = match pm {
                Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
                Some(_) => return None,
                None if hour <= 23 => hour,
                None => return None,
            };
            if minute > 59 || second.is_some_and(|s| s > 59) {
                return None;
            }
            let offset =
                i64::from(hour) * HOUR_MS + i64::from(minute) * MINUTE_MS + i64::from(second.unwrap_or(0)) * 1000;
            (offset, if second.is_some() { 1000 } else { MINUTE_MS })
        }
        None if pm.is_some() => return None,
        None => (0, DAY_MS),
    };
    let range = |day: i64| {
        let earliest = to_utc(&clock.zone, day * DAY_MS + start);
        let latest = if time.is_some() { earliest + length - 1 } else { to_utc(&clock.zone, (day + 1) * DAY_MS) - 1 };
        (earliest, latest)
    };
    let (mut earliest, mut latest) = range(day);
    if earliest > clock.now_ms + FUTURE_SLACK_MS {
        if explicit_date {
            return None;
        }
        (earliest, latest) = range(day - 1);
    }
    latest = latest.min(clock.now_ms);
    earliest = earliest.min(latest);
    Some(TimeRange { earliest_ms: earliest, latest_ms: latest })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedOffset;

    /// Bucharest in winter, UTC+2.
    const OFFSET: i32 = 120;

    /// 2026-11-23 (a Monday) 15:00 local.
    fn clock() -> LocalClock {
        LocalClock::new(local(2026, 11, 23, 15, 0), OFFSET)
    }

    fn now() -> i64 {
        clock().now_ms
    }

    /// The UTC instant of a local time in the test zone.
    fn local(year: i64, month: u32, day: u32, hour: i64, minute: i64) -> i64 {
        Date::new(year, month, day).unwrap().days() * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS
            - i64::from(OFFSET) * MINUTE_MS
    }

    fn parse(text: &str, language: Language) -> Option<TimeRange> {
        parse_timestamp_in(text, language, &clock())
    }

    /// The minute `local(…)` starts.
    fn minute(start: i64) -> Option<TimeRange> {
        Some(TimeRange { earliest_ms: start, latest_ms: start + MINUTE_MS - 1 })
    }

    /// The whole local day.
    fn whole_day(year: i64, month: u32, day: u32) -> Option<TimeRange> {
        let start = local(year, month, day, 0, 0);
        Some(TimeRange { earliest_ms: start, latest_ms: (start + DAY_MS - 1).min(now()) })
    }

    /// "n units ago": at least n and under n + 1.
    fn ago(count: i64, unit: i64) -> Option<TimeRange> {
        Some(TimeRange { earliest_ms: now() - (count + 1) * unit + 1, latest_ms: now() - count * unit })
    }

    fn just_now() -> Option<TimeRange> {
        Some(TimeRange { earliest_ms: now() - MINUTE_MS + 1, latest_ms: now() })
    }

    fn check(language: Language, cases: &[(&str, Option<TimeRange>)]) {
        for (text, expected) in cases {
            assert_eq!(parse(text, language), *expected, "{language:?}: {text:?}");
        }
    }

    const W: i64 = 7 * DAY_MS;

    #[test]
    fn english_exact_stamps() {
        let stamp = minute(local(2026, 11, 21, 14, 32));
        check(
            Language::En,
            &[
                ("Saturday, November 21, 2026 at 2:32 PM", stamp),
                // The weekday beside a full date is redundant and not checked.
                ("Monday, November 21, 2026 at 2:32 PM", stamp),
                ("November 21, 2026 at 2:32 PM", stamp),
                ("Nov 21, 2026, 2:32 PM", stamp),
                ("Nov 21, 2026, 2:32\u{202F}PM", stamp),
                ("nov. 21,\u{00A0}2026,  2:32 p.m.", stamp),
                ("Nov 21, 2026, 2:32PM", stamp),
                ("\u{200E}Nov 21, 2026, 2:32 PM\u{200E}", stamp),
                ("21 November 2026 at 14:32", stamp),
                ("11/21/2026, 2:32 PM", stamp),
                ("11/21/26 14:32", stamp),
                ("2026-11-21 14:32", stamp),
                ("November 21st, 2026 at 2:32 PM", stamp),
                ("Nov 21 at 2:32 PM", stamp),
                ("Monday, November 23, 2026 at 12:05 AM", minute(local(2026, 11, 23, 0, 5))),
                ("Nov 23, 2026, 12:30 PM", minute(local(2026, 11, 23, 12, 30))),
                ("Today at 2:32 PM", minute(local(2026, 11, 23, 14, 32))),
                ("Yesterday at 9:05 AM", minute(local(2026, 11, 22, 9, 5))),
                ("2:32 PM", minute(local(2026, 11, 23, 14, 32))),
                ("14:32", minute(local(2026, 11, 23, 14, 32))),
                // A time later than now was rendered before midnight.
                ("11:58 PM", minute(local(2026, 11, 22, 23, 58))),
                ("Mon 2:32 PM", minute(local(2026, 11, 16, 14, 32))),
                ("Sun 9 AM", minute(local(2026, 11, 22, 9, 0))),
                (
                    "Nov 21, 2026, 2:32:10 PM",
                    Some(TimeRange {
                        earliest_ms: local(2026, 11, 21, 14, 32) + 10_000,
                        latest_ms: local(2026, 11, 21, 14, 32) + 10_999,
                    }),
                ),
            ],
        );
    }

    #[test]
    fn english_relative_labels() {
        check(
            Language::En,
            &[
                ("now", just_now()),
                ("Just now", just_now()),
                ("5m", ago(5, MINUTE_MS)),
                ("5 min", ago(5, MINUTE_MS)),
                ("5 mins ago", ago(5, MINUTE_MS)),
                ("5 minutes ago", ago(5, MINUTE_MS)),
                ("3h", ago(3, HOUR_MS)),
                ("23 h", ago(23, HOUR_MS)),
                ("an hour ago", ago(1, HOUR_MS)),
                ("1d", ago(1, DAY_MS)),
                ("2w", ago(2, W)),
                ("30s", ago(30, 1000)),
                ("1y", ago(1, 365 * DAY_MS)),
                ("Yesterday", whole_day(2026, 11, 22)),
                ("Today", whole_day(2026, 11, 23)),
                // A weekday is the most recent one before today, so Monday is a week ago.
                ("Mon", whole_day(2026, 11, 16)),
                ("Sun", whole_day(2026, 11, 22)),
                ("Saturday", whole_day(2026, 11, 21)),
                ("Nov 21", whole_day(2026, 11, 21)),
                ("21 Nov", whole_day(2026, 11, 21)),
                ("November 23", whole_day(2026, 11, 23)),
                // Without a year, the most recent such date.
                ("Dec 25", whole_day(2025, 12, 25)),
                ("Feb 29", whole_day(2024, 2, 29)),
                ("Nov 21, 2026", whole_day(2026, 11, 21)),
            ],
        );
    }

    #[test]
    fn malformed_stamps_are_unknown() {
        for text in [
            "",
            "   ",
            "Feb 30, 2026",
            "February 29, 2026",
            "25:61",
            "14:61",
            "24:00",
            "13:00 PM",
            "0:30 AM",
            "2:5 PM",
            "123:45",
            "hello",
            "5",
            "m",
            "5 parsecs",
            "3h 5m",
            "Nov",
            "Nov 32",
            "Nov 0",
            "Nov 21 22",
            "Nov 21, 20266",
            "Nov Dec 21",
            "December 1, 2026",
            "Tomorrow",
            "PM",
            "PM 2:32",
            "2026",
            ":",
            "14:",
            "Today Yesterday",
            "Today Mon",
            "now 14:32",
            "a",
            "13/21/2026",
            "Nov 21 11/21/2026",
            "2026-11-21-3",
            "21/11/226",
            "2026/21/11",
            "11.21/2026",
            "5m\u{0}",
            "१२३४५६७८९",
        ] {
            for language in Language::ALL {
                assert_eq!(parse(text, language), None, "{language:?}: {text:?}");
            }
        }
    }

    #[test]
    fn romanian() {
        let stamp = minute(local(2026, 11, 21, 14, 32));
        check(
            Language::Ro,
            &[
                ("21 noiembrie 2026, 14:32", stamp),
                ("sâmbătă, 21 noiembrie 2026 la 14:32", stamp),
                ("Sâmbătă, 21 Noiembrie 2026 la 14:32", stamp),
                ("sambata, 21 noiembrie 2026 la 14:32", stamp),
                ("luni, 21 noiembrie 2026 la 14:32", stamp),
                ("21 nov. 2026, 14:32", stamp),
                ("21.11.2026, 14:32", stamp),
                ("21 noiembrie 2026, ora 14:32", stamp),
                ("azi la 14:32", minute(local(2026, 11, 23, 14, 32))),
                ("astăzi, 14:32", minute(local(2026, 11, 23, 14, 32))),
                ("ieri la 9:05", minute(local(2026, 11, 22, 9, 5))),
                ("ieri la 09:05", minute(local(2026, 11, 22, 9, 5))),
                ("acum", just_now()),
                ("chiar acum", just_now()),
                ("acum 5 min.", ago(5, MINUTE_MS)),
                ("5 min", ago(5, MINUTE_MS)),
                ("acum 20 de minute", ago(20, MINUTE_MS)),
                ("în urmă cu 5 minute", ago(5, MINUTE_MS)),
                ("3 ore", ago(3, HOUR_MS)),
                ("acum 3 h", ago(3, HOUR_MS)),
                ("acum o oră", ago(1, HOUR_MS)),
                ("1 zi", ago(1, DAY_MS)),
                ("acum 2 zile", ago(2, DAY_MS)),
                ("2 săpt.", ago(2, W)),
                ("2 SĂPT.", ago(2, W)),
                ("2 sapt", ago(2, W)),
                // "luni" is Monday alone and months after a number.
                ("3 luni", ago(3, 30 * DAY_MS)),
                ("luni", whole_day(2026, 11, 16)),
                ("ieri", whole_day(2026, 11, 22)),
                ("azi", whole_day(2026, 11, 23)),
                // "mar." is Tuesday alone and March next to a day number.
                ("mar.", whole_day(2026, 11, 17)),
                ("marţi", whole_day(2026, 11, 17)),
                ("marți", whole_day(2026, 11, 17)),
                ("21 mar.", whole_day(2026, 3, 21)),
                ("21 noi.", None),
                ("sâm.", whole_day(2026, 11, 21)),
                ("sîmbătă", whole_day(2026, 11, 21)),
                ("21 nov.", whole_day(2026, 11, 21)),
                ("30 februarie 2026", None),
                ("ieri la 25:61", None),
            ],
        );
    }

    #[test]
    fn armenian() {
        let stamp = minute(local(2026, 11, 21, 14, 32));
        check(
            Language::Hy,
            &[
                ("21 նոյեմբերի 2026 թ., 14:32", stamp),
                ("շաբաթ, 21 նոյեմբերի 2026 թ., 14:32", stamp),
                ("2026 թ. նոյեմբերի 21, շաբաթ, 14:32", stamp),
                ("2026 թ. նոյեմբերի 21, ժամը 14:32", stamp),
                ("21 նոյ, 2026 թ., 14:32", stamp),
                ("21.11.2026, 14:32", stamp),
                ("21 նոյեմբերի 2026 թ., 14:32-ին", stamp),
                ("21 ՆՈՅԵՄԲԵՐԻ 2026 Թ., 14:32", stamp),
                ("2026 թ. նոյեմբերի 21, շաբաթ", whole_day(2026, 11, 21)),
                ("նոյեմբերի 21", whole_day(2026, 11, 21)),
                ("21 նոյ", whole_day(2026, 11, 21)),
                ("այսօր, 14:32", minute(local(2026, 11, 23, 14, 32))),
                ("այսօր ժամը 14:32", minute(local(2026, 11, 23, 14, 32))),
                ("երեկ, 09:05", minute(local(2026, 11, 22, 9, 5))),
                ("երեկ", whole_day(2026, 11, 22)),
                ("այսօր", whole_day(2026, 11, 23)),
                ("հիմա", just_now()),
                ("հենց հիմա", just_now()),
                ("5 ր", ago(5, MINUTE_MS)),
                ("5 ր առաջ", ago(5, MINUTE_MS)),
                ("5 րոպե առաջ", ago(5, MINUTE_MS)),
                ("3 ժ", ago(3, HOUR_MS)),
                ("3 ժամ առաջ", ago(3, HOUR_MS)),
                ("մեկ ժամ առաջ", ago(1, HOUR_MS)),
                ("2 օր", ago(2, DAY_MS)),
                ("2 շաբ", ago(2, W)),
                // "շաբաթ" is weeks after a number and Saturday alone.
                ("2 շաբաթ առաջ", ago(2, W)),
                ("շաբաթ", whole_day(2026, 11, 21)),
                ("երկ", whole_day(2026, 11, 16)),
                ("կիրակի", whole_day(2026, 11, 22)),
                ("30 փետրվարի 2026 թ.", None),
                ("երեկ, 25:61", None),
            ],
        );
    }

    #[test]
    fn hindi() {
        let stamp = minute(local(2026, 11, 21, 14, 32));
        check(
            Language::Hi,
            &[
                ("21 नवंबर 2026, 2:32 pm", stamp),
                ("21 नवम्बर 2026, 2:32 PM", stamp),
                ("शनिवार, 21 नवंबर 2026 को 2:32 pm", stamp),
                ("सोमवार, 21 नवंबर 2026 को 2:32 pm", stamp),
                ("२१ नवंबर २०२६, २:३२ pm", stamp),
                ("21 नव॰ 2026, 2:32 pm", stamp),
                ("21 नवंबर 2026, 14:32", stamp),
                ("21 नवंबर 2026, 2:32 अपराह्न", stamp),
                ("21/11/2026, 2:32 pm", stamp),
                ("आज 2:32 pm", minute(local(2026, 11, 23, 14, 32))),
                ("आज, २:३२ pm", minute(local(2026, 11, 23, 14, 32))),
                ("कल 9:05 am", minute(local(2026, 11, 22, 9, 5))),
                ("कल", whole_day(2026, 11, 22)),
                ("आज", whole_day(2026, 11, 23)),
                ("अभी", just_now()),
                ("अभी-अभी", just_now()),
                ("5 मिनट", ago(5, MINUTE_MS)),
                ("5 मिनट पहले", ago(5, MINUTE_MS)),
                ("५ मि॰ पहले", ago(5, MINUTE_MS)),
                ("3 घंटे", ago(3, HOUR_MS)),
                ("3 घं॰ पहले", ago(3, HOUR_MS)),
                ("एक घंटा पहले", ago(1, HOUR_MS)),
                ("1 दिन पहले", ago(1, DAY_MS)),
                ("2 सप्ताह पहले", ago(2, W)),
                ("2 हफ़्ते पहले", ago(2, W)),
                ("2 हफ्ते", ago(2, W)),
                ("सोम", whole_day(2026, 11, 16)),
                ("रविवार", whole_day(2026, 11, 22)),
                ("21 नवंबर", whole_day(2026, 11, 21)),
                ("फ़रवरी 29", whole_day(2024, 2, 29)),
                ("30 फ़रवरी 2026", None),
                ("कल 25:61", None),
            ],
        );
    }

    #[test]
    fn any_language_when_unknown_and_the_ui_language_first() {
        let clock = clock();
        assert_eq!(parse_timestamp("3 ore", None, &clock), ago(3, HOUR_MS));
        assert_eq!(parse_timestamp("3 घंटे", None, &clock), ago(3, HOUR_MS));
        // Labels Meta leaves in English still read in another UI language.
        assert_eq!(parse_timestamp("Yesterday", Some(Language::Hi), &clock), whole_day(2026, 11, 22));
        // "mar" is Tuesday in Romanian and March in English; the UI language decides.
        assert_eq!(parse_timestamp("mar.", Some(Language::Ro), &clock), whole_day(2026, 11, 17));
        assert_eq!(parse_timestamp("gibberish", None, &clock), None);
    }

    #[test]
    fn near_future_is_now_and_far_future_unknown() {
        // Clock skew: a stamp a minute ahead reads as now.
        let ahead = minute(local(2026, 11, 23, 15, 1)).map(|_| TimeRange { earliest_ms: now(), latest_ms: now() });
        assert_eq!(parse("Today at 3:01 PM", Language::En), ahead);
        assert_eq!(parse("Today at 3:30 PM", Language::En), None);
        assert_eq!(
            parse("Nov 23, 2026, 3:00 PM", Language::En),
            minute(now()).map(|r| TimeRange { latest_ms: now(), ..r })
        );
    }

    #[test]
    fn time_zone_and_daylight_saving() {
        // The same wall-clock time is a different instant in another zone.
        let tokyo = LocalClock::new(clock().now_ms, 540);
        let range = parse_timestamp_in("Nov 21, 2026, 2:32 PM", Language::En, &tokyo).unwrap();
        assert_eq!(range.earliest_ms, local(2026, 11, 21, 14, 32) - 7 * HOUR_MS);
        // A zone that was UTC+3 before 25 October 2026 01:00 UTC (summer time) and UTC+2 after.
        let change = Date::new(2026, 10, 25).unwrap().days() * DAY_MS + HOUR_MS;
        let bucharest = |utc_ms: i64| if utc_ms < change { 180 } else { 120 };
        let clock = LocalClock::with_zone(local(2026, 10, 26, 12, 0), bucharest);
        let summer = parse_timestamp_in("Oct 24, 2026, 2:32 PM", Language::En, &clock).unwrap();
        assert_eq!(summer.earliest_ms, local(2026, 10, 24, 14, 32) - HOUR_MS);
        let winter = parse_timestamp_in("Oct 25, 2026, 2:32 PM", Language::En, &clock).unwrap();
        assert_eq!(winter.earliest_ms, local(2026, 10, 25, 14, 32));
        // Local days follow the zone: "Yesterday" in UTC+14 and UTC-12.
        for offset in [840, -720, 0] {
            let clock = LocalClock { now_ms: now(), zone: FixedOffset(offset) };
            let range = parse_timestamp_in("Yesterday", Language::En, &clock).unwrap();
            assert_eq!(range.latest_ms - range.earliest_ms, DAY_MS - 1, "{offset}");
            assert!(range.latest_ms < now());
        }
    }

    /// The labels Business Suite's real inbox shows (shared/REAL-INBOX.md): in the list
    /// row's title and text, a clock time today, "Yesterday", a weekday within the week, a
    /// date beyond; in the open conversation's date separators, a numeric date with a
    /// two-digit year and a time, a weekday and a time within the week, a time today.
    /// Each language by CLDR's patterns (yMd, EEE + time, MMMd).
    #[test]
    fn the_real_inboxs_labels_in_every_language() {
        let today = |h, m| minute(local(2026, 11, 23, h, m));
        let yesterday = |h, m| minute(local(2026, 11, 22, h, m));
        let saturday = minute(local(2026, 11, 21, 19, 19));
        let separator = minute(local(2024, 1, 13, 8, 22));
        // Monday's weekday on a Monday: a week ago, even at a time still to come today.
        let last_monday = minute(local(2026, 11, 16, 16, 0));
        let sunday = whole_day(2026, 11, 22);
        let (feb_28, feb_28_2025) = (whole_day(2026, 2, 28), whole_day(2025, 2, 28));
        check(
            Language::En,
            &[
                ("10:32 AM", today(10, 32)),
                ("1:00 PM", today(13, 0)),
                ("Today at 1:00 PM", today(13, 0)),
                ("Yesterday", whole_day(2026, 11, 22)),
                ("Yesterday 3:10 PM", yesterday(15, 10)),
                ("Yesterday at 3:10 PM", yesterday(15, 10)),
                ("Sunday", sunday),
                ("Sun", sunday),
                ("Feb 28", feb_28),
                ("Feb 28, 2025", feb_28_2025),
                ("1/13/24, 8:22 AM", separator),
                ("01/13/24, 8:22\u{202F}AM", separator),
                ("1/13/2024, 8:22 AM", separator),
                ("Sat 7:19 PM", saturday),
                ("Sat, 7:19 PM", saturday),
                ("Saturday 7:19 PM", saturday),
                ("Mon 4:00 PM", last_monday),
            ],
        );
        check(
            Language::Ro,
            &[
                ("10:32", today(10, 32)),
                ("13:00", today(13, 0)),
                ("astăzi, 13:00", today(13, 0)),
                ("ieri", whole_day(2026, 11, 22)),
                ("Ieri", whole_day(2026, 11, 22)),
                ("ieri, 15:10", yesterday(15, 10)),
                ("ieri la 15:10", yesterday(15, 10)),
                ("duminică", sunday),
                ("Duminică", sunday),
                ("dum.", sunday),
                ("28 feb.", feb_28),
                ("28 feb. 2025", feb_28_2025),
                ("13.01.2024, 08:22", separator),
                ("13.01.24, 08:22", separator),
                ("sâm. 19:19", saturday),
                ("sâm., 19:19", saturday),
                ("sâmbătă 19:19", saturday),
                ("luni 16:00", last_monday),
            ],
        );
        check(
            Language::Hy,
            &[
                ("10:32", today(10, 32)),
                ("13:00", today(13, 0)),
                ("երեկ", whole_day(2026, 11, 22)),
                ("Երեկ, 15:10", yesterday(15, 10)),
                ("կիրակի", sunday),
                ("կիր", sunday),
                ("28 փտվ", feb_28),
                ("28 փտվ, 2025 թ.", feb_28_2025),
                ("13.01.24, 08:22", separator),
                ("13.01.2024, 08:22", separator),
                ("13 հնվ, 2024 թ., 08:22", separator),
                ("շբթ 19:19", saturday),
                ("շբթ, 19:19", saturday),
                ("շաբաթ 19:19", saturday),
                ("երկ 16:00", last_monday),
            ],
        );
        check(
            Language::Hi,
            &[
                ("10:32 am", today(10, 32)),
                ("1:00 pm", today(13, 0)),
                ("आज 1:00 pm", today(13, 0)),
                ("कल", whole_day(2026, 11, 22)),
                ("कल 3:10 pm", yesterday(15, 10)),
                ("रविवार", sunday),
                ("रवि", sunday),
                ("28 फ़र॰", feb_28),
                ("28 फ़र॰ 2025", feb_28_2025),
                ("13/1/24, 8:22 am", separator),
                ("१३/१/२४, ८:२२ am", separator),
                ("13/01/2024, 8:22 am", separator),
                ("13 जन॰ 2024, 8:22 am", separator),
                ("शनि 7:19 pm", saturday),
                ("शनि, 7:19 pm", saturday),
                ("शनिवार 7:19 pm", saturday),
                ("सोम 4:00 pm", last_monday),
            ],
        );
    }

    #[test]
    fn two_digit_years_are_the_most_recent_such_date() {
        check(
            Language::En,
            &[
                ("11/21/26, 2:32 PM", minute(local(2026, 11, 21, 14, 32))),
                ("11/23/26", whole_day(2026, 11, 23)),
                ("12/31/99, 11:59 PM", minute(local(1999, 12, 31, 23, 59))),
                ("1/1/00, 12:00 AM", minute(local(2000, 1, 1, 0, 0))),
                // Tomorrow is not a message's date: a century ago, as "Dec 25" is last year's.
                ("11/24/26, 9:00 AM", minute(local(1926, 11, 24, 9, 0))),
                // A leap day that exists in one century only.
                ("2/29/00", whole_day(2000, 2, 29)),
                ("2/29/27", None),
            ],
        );
        check(Language::Ro, &[("24.11.26", whole_day(1926, 11, 24)), ("21.11.26", whole_day(2026, 11, 21))]);
        // Four digits are as written: a date after today is no message's.
        assert_eq!(parse("11/24/2026, 9:00 AM", Language::En), None);
    }

    #[test]
    fn labels_at_midnight() {
        // Tuesday 2026-11-24, 30 s after midnight.
        let now = local(2026, 11, 24, 0, 0) + 30_000;
        let clock = LocalClock::new(now, OFFSET);
        let read = |text: &str, language| parse_timestamp_in(text, language, &clock);
        let day = |d: u32| {
            let start = local(2026, 11, d, 0, 0);
            Some(TimeRange { earliest_ms: start, latest_ms: (start + DAY_MS - 1).min(now) })
        };
        let at = |d: u32, h: i64, m: i64| minute(local(2026, 11, d, h, m));
        assert_eq!(read("Yesterday", Language::En), day(23));
        assert_eq!(read("Today", Language::En), day(24));
        assert_eq!(read("11:59 PM", Language::En), at(23, 23, 59));
        assert_eq!(read("23:59", Language::Ro), at(23, 23, 59));
        let midnight = Some(TimeRange { earliest_ms: local(2026, 11, 24, 0, 0), latest_ms: now });
        assert_eq!(read("12:00 AM", Language::En), midnight);
        assert_eq!(read("00:00", Language::Hy), midnight);
        // Monday is yesterday now; Tuesday, today's weekday, a week ago.
        assert_eq!(read("Mon", Language::En), day(23));
        assert_eq!(read("Mon 11:59 PM", Language::En), at(23, 23, 59));
        assert_eq!(read("mar. 00:00", Language::Ro), at(17, 0, 0));
        assert_eq!(read("Tue 12:00 AM", Language::En), at(17, 0, 0));
        assert_eq!(read("11/24/26, 12:00 AM", Language::En), midnight);
        // A minute before midnight, "11:59 PM" is now and "Mon" a week ago.
        let clock = LocalClock::new(local(2026, 11, 23, 23, 59) + 59_999, OFFSET);
        assert_eq!(parse_timestamp_in("11:59 PM", Language::En, &clock), at(23, 23, 59));
        assert_eq!(parse_timestamp_in("Mon", Language::En, &clock), whole_day(2026, 11, 16));
    }

    #[test]
    fn labels_across_the_new_year() {
        // Sunday 2027-01-10 10:00.
        let clock = LocalClock::new(local(2027, 1, 10, 10, 0), OFFSET);
        let read = |text: &str, language| parse_timestamp_in(text, language, &clock);
        let day = |y: i64, m: u32, d: u32| {
            let start = local(y, m, d, 0, 0);
            Some(TimeRange { earliest_ms: start, latest_ms: (start + DAY_MS - 1).min(clock.now_ms) })
        };
        assert_eq!(read("Feb 28", Language::En), day(2026, 2, 28));
        assert_eq!(read("28 feb.", Language::Ro), day(2026, 2, 28));
        assert_eq!(read("28 փտվ", Language::Hy), day(2026, 2, 28));
        assert_eq!(read("28 फ़र॰", Language::Hi), day(2026, 2, 28));
        assert_eq!(read("Dec 31", Language::En), day(2026, 12, 31));
        assert_eq!(read("Jan 10", Language::En), day(2027, 1, 10));
        assert_eq!(read("Jan 11", Language::En), day(2026, 1, 11));
        assert_eq!(read("12/31/26, 11:59 PM", Language::En), minute(local(2026, 12, 31, 23, 59)));
        assert_eq!(read("1/10/27, 9:00 AM", Language::En), minute(local(2027, 1, 10, 9, 0)));
        assert_eq!(read("31.12.26, 23:59", Language::Ro), minute(local(2026, 12, 31, 23, 59)));
        assert_eq!(read("Sat 7:19 PM", Language::En), minute(local(2027, 1, 9, 19, 19)));
        assert_eq!(read("Thu 7:19 PM", Language::En), minute(local(2027, 1, 7, 19, 19)));
        assert_eq!(read("Sun 7:19 PM", Language::En), minute(local(2027, 1, 3, 19, 19)));
        assert_eq!(read("Yesterday", Language::En), day(2027, 1, 9));
        // New Year's Day, a Friday: the week's weekdays and "yesterday" are last year's.
        let clock = LocalClock::new(local(2027, 1, 1, 10, 0), OFFSET);
        let read = |text: &str, language| parse_timestamp_in(text, language, &clock);
        let whole_day = |m: u32, d: u32| {
            let start = local(2026, m, d, 0, 0);
            Some(TimeRange { earliest_ms: start, latest_ms: start + DAY_MS - 1 })
        };
        assert_eq!(read("Thu 7:19 PM", Language::En), minute(local(2026, 12, 31, 19, 19)));
        assert_eq!(read("joi 19:19", Language::Ro), minute(local(2026, 12, 31, 19, 19)));
        assert_eq!(read("Sat", Language::En), whole_day(12, 26));
        assert_eq!(read("Fri 9:00 AM", Language::En), minute(local(2026, 12, 25, 9, 0)));
        assert_eq!(read("कल", Language::Hi), whole_day(12, 31));
        assert_eq!(read("Dec 31", Language::En), whole_day(12, 31));
        assert_eq!(read("12:30 AM", Language::En), minute(local(2027, 1, 1, 0, 30)));
        assert_eq!(read("11:30 PM", Language::En), minute(local(2026, 12, 31, 23, 30)));
    }

    #[test]
    fn epoch_seconds_from_the_start_of_their_minute_to_the_instant() {
        // 2026-03-28 17:02:19.408 UTC, a real row's data-utime.
        let minute = 1_774_717_320_000;
        let read = |text: &str| parse_epoch_seconds(text);
        assert_eq!(read("1774717339.408"), Some(TimeRange { earliest_ms: minute, latest_ms: minute + 19_408 }));
        assert_eq!(read("1774717339"), Some(TimeRange { earliest_ms: minute, latest_ms: minute + 19_000 }));
        assert_eq!(read(" 1774717339.4\n").map(|r| r.latest_ms), Some(minute + 19_400));
        assert_eq!(read("1774717339.123456789").map(|r| r.latest_ms), Some(minute + 19_123));
        assert_eq!(read("1774717339.000").map(|r| r.latest_ms), Some(minute + 19_000));
        // On a whole minute the range is the instant.
        assert_eq!(read("1774717320"), Some(TimeRange { earliest_ms: minute, latest_ms: minute }));
        assert_eq!(read("1774717379.999"), Some(TimeRange { earliest_ms: minute, latest_ms: minute + 59_999 }));
        // The bounds: 2000-01-01 and the end of 9999.
        assert_eq!(read("946684800").map(|r| r.earliest_ms), Some(MIN_EPOCH_MS));
        assert_eq!(read("253402300799.999").map(|r| r.latest_ms), Some(MAX_NOW_MS));
        for text in [
            "",
            " ",
            ".",
            ".408",
            "1774717339.",
            "1774717339..4",
            "1774717339.408.1",
            "1774717339,408",
            "-1774717339",
            "+1774717339",
            "1.774717339e9",
            "1774717339e0",
            "NaN",
            "Infinity",
            "-0",
            "0",
            "946684799.999",
            "1774717339408",
            "253402300800",
            "999999999999999999999",
            "1774717339.1234567890",
            "17747 17339",
            "0x69C80A1B",
            "١٧٧٤٧١٧٣٣٩",
            "१७७४७१७३३९",
            "Sunday",
            "1774717339.40a",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    #[test]
    fn an_absurd_clock_is_unknown() {
        for now_ms in [i64::MIN, -1, i64::MAX] {
            let clock = LocalClock::new(now_ms, i32::MAX);
            assert_eq!(parse_timestamp("5m", None, &clock), None);
        }
        let clock = LocalClock::new(now(), i32::MIN);
        let _ = parse_timestamp("Yesterday at 9:05 AM", None, &clock);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    const NOW: i64 = 1_795_000_000_000;

    /// Pieces of real stamps, so generated text often comes close to parsing.
    const FRAGMENTS: &[&str] = &[
        "Nov",
        "21",
        "2026",
        "2:32",
        "14:32",
        "PM",
        "am",
        "at",
        "Yesterday",
        "Today",
        "now",
        "5m",
        "3h",
        "ago",
        "luni",
        "mar.",
        "noiembrie",
        "acum",
        "ieri",
        "ore",
        "նոյեմբերի",
        "թ.",
        "շաբաթ",
        "ժ",
        "երեկ",
        "नवंबर",
        "को",
        "कल",
        "अभी",
        "घंटे",
        "२१",
        "॰",
        ":",
        "/",
        ".",
        "-",
        ",",
        " ",
        "\u{202F}",
        "\u{00A0}",
        "99999999",
        "0",
        "00",
        "60",
        "29",
        "Feb",
    ];

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..14).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_never_panics_and_never_lies_in_the_future(
            text in text(),
            offset in -900i32..900,
            language in proptest::option::of(proptest::sample::select(&Language::ALL[..])),
        ) {
            let clock = LocalClock::new(NOW, offset);
            if let Some(range) = parse_timestamp(&text, language, &clock) {
                prop_assert!(range.earliest_ms <= range.latest_ms, "{text:?}: {range:?}");
                prop_assert!(range.latest_ms <= NOW, "{text:?}: {range:?}");
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(
            chars in proptest::collection::vec(any::<char>(), 0..200),
            now_ms in any::<i64>(),
            offset in any::<i32>(),
        ) {
            let text: String = chars.into_iter().collect();
            let _ = parse_timestamp(&text, None, &LocalClock::new(now_ms, offset));
        }
    }
}
