//! The clock's words per language, from `data/<code>.txt`, parsed once on first use.
//!
//! The files use the language data format (`crate::lang::DataFile`: `[section]` headers,
//! one entry a line, `#` comments) with these sections:
//! - `[months]`: twelve lines, January first; `[weekdays]`: seven, Monday first. Each line
//!   lists every form of that name, separated by spaces ("november nov").
//! - `[units]`: `second:`, `minute:`, `hour:`, `day:`, `week:`, `month:`, `year:` lines with
//!   the unit's forms ("hour: h hr hrs hour hours").
//! - `[words]`: `now:`, `today:`, `yesterday:`, `one:` (the word for 1 before a unit: "an
//!   hour ago"), `am:`, `pm:` and `ignore:` (words that carry nothing: "at", "ago").
//! - `[texts]`: `numeric_date` (`mdy` or `dmy`) and the badge texts (see `format`).
//!
//! Every form is one word, normalised as input is (case, diacritics, nukta, dots), so
//! "Nov." and "a.m." are fine entries. A form may be a month, a weekday and a unit at once
//! ("mar.": March and marți; "luni": Monday and months); the parser decides by position.
//! Any other clash, a missing line or a multi-word entry fails the tests.

use std::sync::OnceLock;

use super::tokens::single_word;
use crate::lang::{DataFile, DataFileError, Language};

/// A unit of a relative label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    const ALL: [(Unit, &'static str); 7] = [
        (Unit::Second, "second"),
        (Unit::Minute, "minute"),
        (Unit::Hour, "hour"),
        (Unit::Day, "day"),
        (Unit::Week, "week"),
        (Unit::Month, "month"),
        (Unit::Year, "year"),
    ];

    /// Its length; a month is counted as 30 days and a year as 365, which only matters far
    /// past the 7-day limit.
    pub fn ms(self) -> i64 {
        use super::calendar::{DAY_MS, HOUR_MS, MINUTE_MS};
        match self {
            Unit::Second => 1_000,
            Unit::Minute => MINUTE_MS,
            Unit::Hour => HOUR_MS,
            Unit::Day => DAY_MS,
            Unit::Week => 7 * DAY_MS,
            Unit::Month => 30 * DAY_MS,
            Unit::Year => 365 * DAY_MS,
        }
    }
}

/// A word with a fixed meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Now,
    Today,
    Yesterday,
    One,
    Am,
    Pm,
    Ignore,
}

impl Special {
    const ALL: [(Special, &'static str); 7] = [
        (Special::Now, "now"),
        (Special::Today, "today"),
        (Special::Yesterday, "yesterday"),
        (Special::One, "one"),
        (Special::Am, "am"),
        (Special::Pm, "pm"),
        (Special::Ignore, "ignore"),
    ];
}

/// Everything a word can mean; most words have one meaning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Meaning {
    /// 1 = January.
    pub month: Option<u32>,
    /// 1 = Monday.
    pub weekday: Option<u32>,
    pub unit: Option<Unit>,
    pub special: Option<Special>,
}

/// Order of the fields of an all-numeric date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NumericDate {
    #[default]
    DayMonthYear,
    MonthDayYear,
}

/// A badge text's key in `[texts]`; `{time}`, `{h}`, `{m}`, `{n}`, `{days}`, `{hours}`
/// are filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Left,
    LeftAbout,
    /// The standard window of a thread opened from an ad (7 days after the ad reply).
    AdLeft,
    AdLeftAbout,
    HumanAgent,
    HumanAgentAbout,
    Closed,
    Unknown,
    /// One hour and minutes, and one hour: the singular where a language has one.
    HourMinutes,
    Hour,
    HoursMinutes,
    Hours,
    Minutes,
    UnderMinute,
    Day,
    Days,
    /// Days and hours: `{days}` is `Day` or `Days`, `{hours}` is `Hour` or `Hours`.
    DaysHours,
    /// A public comment's badge: a Page may answer one publicly at any time.
    Comment,
    /// How long a customer's message has waited ("waiting 12 min"), and "about".
    Waiting,
    WaitingAbout,
    /// `{waiting}` past the amber mark, and past the red one (`{mark}`: its minutes): the
    /// words say what the colour says.
    WaitingAmber,
    WaitingRed,
}

/// The keys of [`Text`]'s variants, in their order.
const TEXT_KEYS: [&str; 22] = [
    "left",
    "left_about",
    "ad_left",
    "ad_left_about",
    "human_agent",
    "human_agent_about",
    "closed",
    "unknown",
    "hour_minutes",
    "hour",
    "hours_minutes",
    "hours",
    "minutes",
    "under_minute",
    "day",
    "days",
    "days_hours",
    "comment",
    "waiting",
    "waiting_about",
    "waiting_amber",
    "waiting_red",
];

/// The badge texts of a language, by [`Text`]: a list rather than a field each, which
/// keeps the parsing one loop in the Wasm.
#[derive(Debug, Clone, Default)]
pub struct Texts(Vec<String>);

impl Texts {
    pub fn get(&self, text: Text) -> &str {
        self.0.get(text as usize).map_or("", String::as_str)
    }
}

/// One language's clock words.
#[derive(Debug, Default)]
pub struct ClockData {
    /// Folded words and their meanings, sorted by word (a binary search needs no hasher
    /// in the Wasm).
    words: Vec<(String, Meaning)>,
    pub numeric_date: NumericDate,
    pub texts: Texts,
}

fn malformed(line: &str) -> DataFileError {
    DataFileError::MalformedText { line: line.to_string() }
}

impl ClockData {
    /// The meaning of a folded word.
    pub fn meaning(&self, word: &str) -> Option<Meaning> {
        let found = self.words.binary_search_by(|(w, _)| w.as_str().cmp(word));
        found.ok().map(|i| self.words[i].1)
    }

    /// The data of `language`, parsed on first use. A broken file (caught by the tests)
    /// leaves the language without words, so its stamps read as unknown, rather than panic.
    pub fn get(language: Language) -> &'static ClockData {
        static CACHE: [OnceLock<ClockData>; Language::COUNT] = [const { OnceLock::new() }; Language::COUNT];
        CACHE[language as usize].get_or_init(|| ClockData::parse(source(language)).unwrap_or_default())
    }

    pub fn parse(source: &str) -> Result<ClockData, DataFileError> {
        let mut file = DataFile::parse(source)?;
        let mut data = ClockData::default();
        for (section, count) in [("months", 12), ("weekdays", 7)] {
            let lines: Vec<&str> = file.lines(section)?.collect();
            if lines.len() != count {
                return Err(malformed(&format!("[{section}] needs {count} lines, has {}", lines.len())));
            }
            for (index, line) in lines.into_iter().enumerate() {
                let value = index as u32 + 1;
                for form in line.split_whitespace() {
                    let meaning = data.entry(form)?;
                    let slot = if section == "months" { &mut meaning.month } else { &mut meaning.weekday };
                    if slot.replace(value).is_some_and(|old| old != value) {
                        return Err(malformed(&format!("{form:?} is two {section}")));
                    }
                }
            }
        }
        let units = keyed(file.lines("units")?)?;
        for (unit, key) in Unit::ALL {
            for form in forms(&units, key)? {
                let meaning = data.entry(form)?;
                if meaning.unit.replace(unit).is_some_and(|old| old != unit) {
                    return Err(malformed(&format!("{form:?} is two units")));
                }
            }
        }
        let words = keyed(file.lines("words")?)?;
        for (special, key) in Special::ALL {
            for form in forms(&words, key)? {
                let meaning = data.entry(form)?;
                if meaning.special.replace(special).is_some_and(|old| old != special) {
                    return Err(malformed(&format!("{form:?} has two meanings in [words]")));
                }
            }
        }
        data.numeric_date = match file.text("numeric_date")?.as_str() {
            "dmy" => NumericDate::DayMonthYear,
            "mdy" => NumericDate::MonthDayYear,
            other => return Err(malformed(&format!("numeric_date: {other} (dmy or mdy)"))),
        };
        // A loop rather than `collect` into a `Result`: smaller in the Wasm (docs/SIZE.md).
        for key in TEXT_KEYS {
            data.texts.0.push(file.text(key)?);
        }
        file.finish()?;
        Ok(data)
    }

    fn entry(&mut self, form: &str) -> Result<&mut Meaning, DataFileError> {
        let word = single_word(form).ok_or_else(|| malformed(&format!("{form:?} is not one word")))?;
        let i = match self.words.binary_search_by(|(w, _)| w.as_str().cmp(&word)) {
            Ok(i) => i,
            Err(i) => {
                self.words.insert(i, (word, Meaning::default()));
                i
            }
        };
        Ok(&mut self.words[i].1)
    }
}

/// `key: forms` lines.
fn keyed<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Vec<(&'a str, &'a str)>, DataFileError> {
    lines.map(|line| line.split_once(':').map(|(k, v)| (k.trim(), v)).ok_or_else(|| malformed(line))).collect()
}

fn forms<'a>(lines: &[(&str, &'a str)], key: &str) -> Result<std::str::SplitWhitespace<'a>, DataFileError> {
    let mut found = lines.iter().filter(|(k, _)| *k == key);
    match (found.next(), found.next()) {
        (Some((_, v)), None) => Ok(v.split_whitespace()),
        (None, _) => Err(DataFileError::MissingText { key: key.to_string() }),
        (Some(_), Some(_)) => Err(malformed(&format!("{key}: appears twice"))),
    }
}

pub fn source(language: Language) -> &'static str {
    const FILES: [&str; Language::COUNT] = language_files!("clock/data");
    FILES[language as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_files_parse_completely() {
        for language in Language::ALL {
            let data = ClockData::parse(source(language)).unwrap_or_else(|e| panic!("{}: {e}", language.code()));
            for key in [Special::Now, Special::Today, Special::Yesterday, Special::Am, Special::Pm] {
                assert!(
                    data.words.iter().map(|(_, m)| m).any(|m| m.special == Some(key)),
                    "{}: no {key:?}",
                    language.code()
                );
            }
            for value in 1..=12 {
                assert!(
                    data.words.iter().map(|(_, m)| m).any(|m| m.month == Some(value)),
                    "{}: month {value}",
                    language.code()
                );
            }
            let text = |key| data.texts.get(key);
            let with_time = [Text::Left, Text::LeftAbout, Text::AdLeft, Text::AdLeftAbout];
            for key in with_time.into_iter().chain([Text::HumanAgent, Text::HumanAgentAbout]) {
                assert!(text(key).contains("{time}"), "{}: {key:?}", language.code());
            }
            for (key, fields) in [
                (Text::HourMinutes, &["{h}", "{m}"][..]),
                (Text::HoursMinutes, &["{h}", "{m}"]),
                (Text::Hour, &["{h}"]),
                (Text::Hours, &["{h}"]),
                (Text::Minutes, &["{m}"]),
                (Text::Day, &["{n}"]),
                (Text::Days, &["{n}"]),
                (Text::DaysHours, &["{days}", "{hours}"]),
            ] {
                assert!(fields.iter().all(|f| text(key).contains(f)), "{}: {key:?}", language.code());
            }
            for key in [Text::Closed, Text::Unknown, Text::UnderMinute, Text::Comment] {
                assert!(!text(key).is_empty() && !text(key).contains('{'), "{}: {key:?}", language.code());
            }
        }
    }

    #[test]
    fn words_are_folded_and_may_mean_several_things() {
        let ro = ClockData::get(Language::Ro);
        let mar = ro.meaning("mar").unwrap();
        assert_eq!((mar.month, mar.weekday), (Some(3), Some(2)));
        assert_eq!(ro.meaning("saptamani").unwrap().unit, Some(Unit::Week));
        let luni = ro.meaning("luni").unwrap();
        assert_eq!((luni.weekday, luni.unit), (Some(1), Some(Unit::Month)));
        assert_eq!(ClockData::get(Language::Hi).meaning("फरवरी").unwrap().month, Some(2));
        assert_eq!(ClockData::get(Language::En).meaning("am").unwrap().special, Some(Special::Am));
    }

    #[test]
    fn reports_mistakes_in_a_file() {
        let good = source(Language::En);
        let err = |text: &str| ClockData::parse(text).unwrap_err().to_string();
        assert!(err(&good.replace("may\n", "")).contains("12 lines"));
        assert!(err(&good.replace("ignore: at", "ignore: today at")).contains("two meanings"));
        assert!(err(&good.replace("hour: h", "hour: m")).contains("two units"));
        assert!(err(&good.replace("ignore: at", "ignore: at-all")).contains("not one word"));
        assert!(err(&good.replace("[words]", "[words]\nnonsense")).contains("nonsense"));
        assert!(err(&good.replace("monday mon", "monday mon sun")).contains("two weekdays"));
        assert!(err(&good.replace("numeric_date: mdy", "numeric_date: ymd")).contains("dmy or mdy"));
        assert!(err(&good.replace("closed: Closed\n", "")).contains("closed"));
    }
}
