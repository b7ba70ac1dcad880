//! The stored record of turns: per Page (the inbox's `asset_id`) and local day, numbers
//! only. The extension keeps it in `chrome.storage.local` under one key:
//!
//! ```json
//! {"replyCoachResponses": 1,
//!  "pages": {"1047": {"20780": [[1795424400, 779, 4711], [1795431600, null, 12]]}}}
//! ```
//!
//! A turn is `[start, after, tag]`: when the customer's turn started (Unix seconds), the
//! seconds until a person of the Page answered (`null` while unanswered), and a 16-bit tag
//! of the thread ([`thread_tag`]), which tells apart two turns that started the same
//! second in different threads and cannot name one (65,536 threads share each tag). No
//! name, text or thread id: nothing a person could be found by.
//!
//! A turn seen again (the next scan, a reload) is the same turn by its start and tag;
//! merging keeps its earliest answer (an answer beats none; a narrower reading of the same
//! answer is earlier, as answers are judged by their latest moment), so merging twice
//! changes nothing. Bounded: 90 days, 400 turns per Page and day, 20,000 in all (the
//! oldest days go first); the worst case is about 540 kB (tested).
//!
//! Read all or nothing, as profile files are: a damaged record or one from a newer Reply
//! Coach is refused with every reason, and the caller writes nothing over it.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::turns::Turn;
use crate::clock::TimeZone;

/// The format this Reply Coach reads and writes.
pub const FORMAT: u64 = 1;
/// The days kept, today included.
pub const KEEP_DAYS: i64 = 90;
/// The most turns kept per Page and day (the earliest starts).
pub const MAX_TURNS_PER_DAY: usize = 400;
/// The most turns kept in all.
pub const MAX_TURNS: usize = 20_000;

/// The top-level keys.
const KEYS: [&str; 2] = ["replyCoachResponses", "pages"];
/// The longest Page id taken (Meta's ids have 15 to 17 digits).
const MAX_PAGE_ID: usize = 32;

/// One stored turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct StoredTurn {
    /// Unix seconds.
    pub start_s: i64,
    pub tag: u16,
    /// Seconds to the answer.
    pub after_s: Option<i64>,
}

impl StoredTurn {
    fn from_turn(turn: &Turn, tag: u16) -> StoredTurn {
        let start_s = turn.start_ms.div_euclid(1000);
        // Rounded up: a stored time is never faster than the one measured.
        let after_s = turn.reply_ms.map(|reply| ((reply + 999).div_euclid(1000) - start_s).max(0));
        StoredTurn { start_s, tag, after_s }
    }

    pub fn turn(&self) -> Turn {
        let start_ms = self.start_s * 1000;
        Turn { start_ms, reply_ms: self.after_s.map(|after| start_ms + after * 1000) }
    }

    fn to_json(self) -> Value {
        json!([self.start_s, self.after_s, self.tag])
    }

    fn from_json(value: &Value) -> Option<StoredTurn> {
        let [start, after, tag] = value.as_array()?.as_slice() else { return None };
        let after_s = match after {
            Value::Null => None,
            after => Some(after.as_i64().filter(|&s| s >= 0)?),
        };
        let tag = u16::try_from(tag.as_u64()?).ok()?;
        Some(StoredTurn { start_s: start.as_i64().filter(|&s| s >= 0)?, tag, after_s })
    }
}

/// A 16-bit tag of a thread's id (FNV-1a, folded): the same thread always gets the same
/// tag; the tag cannot be turned back into the id.
pub fn thread_tag(thread_id: &str) -> u16 {
    let hash = thread_id.bytes().fold(0x811c_9dc5_u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
    ((hash >> 16) ^ (hash & 0xffff)) as u16
}

/// The record: Page id → local day (days since 1970-01-01) → turns, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseStore {
    pub pages: BTreeMap<String, BTreeMap<i64, Vec<StoredTurn>>>,
}

impl ResponseStore {
    /// Reads the stored value; `null` (nothing stored yet) is an empty record.
    pub fn read(value: &Value) -> Result<ResponseStore, Vec<String>> {
        if value.is_null() {
            return Ok(ResponseStore::default());
        }
        let object = value
            .as_object()
            .ok_or_else(|| vec!["response record: must be a JSON object; kept as it is, not written".to_string()])?;
        match object.get("replyCoachResponses").map(|format| (format, format.as_u64())) {
            Some((_, Some(FORMAT))) => {}
            Some((_, Some(newer))) if newer > FORMAT => {
                return Err(vec![format!(
                    "response record: format {newer}, newer than this Reply Coach reads ({FORMAT}); kept as it is, \
                     not written: update Reply Coach"
                )])
            }
            Some((format, _)) => return Err(vec![format!("replyCoachResponses: must be {FORMAT}, not {format}")]),
            None => return Err(vec!["replyCoachResponses: is missing".to_string()]),
        }
        let mut errors: Vec<String> = object
            .keys()
            .filter(|key| !KEYS.contains(&key.as_str()))
            .map(|key| format!("{key}: not a key of the response record ({})", KEYS.join(", ")))
            .collect();
        let mut store = ResponseStore::default();
        match object.get("pages") {
            Some(Value::Object(pages)) => {
                for (page, days) in pages {
                    if !is_page_id(page) {
                        errors.push(format!("pages.{page}: not a Page id (digits only, at most {MAX_PAGE_ID})"));
                        continue;
                    }
                    let Some(days) = days.as_object() else {
                        errors.push(format!("pages.{page}: must be an object of days"));
                        continue;
                    };
                    let kept = store.pages.entry(page.clone()).or_default();
                    for (day, turns) in days {
                        let Some(day_number) = day.parse::<i64>().ok().filter(|d| d.to_string() == *day) else {
                            errors.push(format!("pages.{page}.{day}: not a day number"));
                            continue;
                        };
                        let Some(turns) = turns.as_array() else {
                            errors.push(format!("pages.{page}.{day}: must be a list of turns"));
                            continue;
                        };
                        let mut read = Vec::with_capacity(turns.len());
                        for (index, turn) in turns.iter().enumerate() {
                            match StoredTurn::from_json(turn) {
                                Some(turn) => read.push(turn),
                                None => errors.push(format!(
                                    "pages.{page}.{day}[{index}]: must be [start seconds, seconds to the answer or \
                                     null, tag 0 to 65535]"
                                )),
                            }
                        }
                        let mut day_turns = Vec::with_capacity(read.len());
                        merge_turns(&mut day_turns, &read);
                        kept.insert(day_number, day_turns);
                    }
                }
            }
            Some(_) => errors.push("pages: must be an object of Page ids".to_string()),
            None => errors.push("pages: is missing".to_string()),
        }
        if errors.is_empty() {
            Ok(store)
        } else {
            Err(errors)
        }
    }

    /// The stored form.
    pub fn to_json(&self) -> Value {
        let pages: Map<String, Value> = self
            .pages
            .iter()
            .map(|(page, days)| {
                let days: Map<String, Value> = days
                    .iter()
                    .map(|(day, turns)| (day.to_string(), turns.iter().map(|t| t.to_json()).collect()))
                    .collect();
                (page.clone(), Value::Object(days))
            })
            .collect();
        json!({"replyCoachResponses": FORMAT, "pages": pages})
    }

    /// Adds the `turns` of one thread (tagged `tag`) of `page`, each on the local day of
    /// its start in `zone`, merged with what is known ([`ResponseStore::merge`]'s rule).
    /// A `page` that is not an id is not recorded.
    pub fn record(&mut self, page: &str, tag: u16, turns: &[Turn], zone: &impl TimeZone) {
        if !is_page_id(page) {
            return;
        }
        let days = self.pages.entry(page.to_string()).or_default();
        for turn in turns {
            let day = super::figures::local_day(zone, turn.start_ms);
            merge_turns(days.entry(day).or_default(), &[StoredTurn::from_turn(turn, tag)]);
        }
    }

    /// Merges another record into this one: the union of turns, each turn (its start and
    /// tag) with its earliest answer. Idempotent, and the order of merges does not matter.
    pub fn merge(&mut self, other: &ResponseStore) {
        for (page, days) in &other.pages {
            let kept = self.pages.entry(page.clone()).or_default();
            for (day, turns) in days {
                merge_turns(kept.entry(*day).or_default(), turns);
            }
        }
    }

    /// Keeps the record within its bounds on local day `today`: the last 90 days (and no
    /// day after tomorrow, which only a wrong clock writes), 400 turns per Page and day,
    /// 20,000 in all, dropping the oldest days first.
    pub fn prune(&mut self, today: i64) {
        for days in self.pages.values_mut() {
            days.retain(|day, turns| (today - KEEP_DAYS < *day && *day <= today + 1) && !turns.is_empty());
            for turns in days.values_mut() {
                turns.truncate(MAX_TURNS_PER_DAY);
            }
        }
        let mut by_age: Vec<(i64, String, usize)> = self
            .pages
            .iter()
            .flat_map(|(page, days)| days.iter().map(move |(day, turns)| (*day, page.clone(), turns.len())))
            .collect();
        // Oldest day first; within a day the pages stay in the map's order (the sort is stable).
        crate::sort::sort_by_key(&mut by_age, |(day, _, _)| (crate::sort::signed(*day), 0));
        let mut total: usize = by_age.iter().map(|(_, _, count)| count).sum();
        for (day, page, count) in by_age {
            if total <= MAX_TURNS {
                break;
            }
            if let Some(days) = self.pages.get_mut(&page) {
                days.remove(&day);
            }
            total -= count;
        }
        self.pages.retain(|_, days| !days.is_empty());
    }

    /// The record as CSV for the agent's own records (the settings page's export): one
    /// line per turn, `page,date,start,seconds_to_answer`, the date and the start's time
    /// (to the minute) local in `zone`, the seconds empty while unanswered.
    pub fn to_csv(&self, zone: &impl TimeZone) -> String {
        use crate::clock::calendar::{to_local, Date, DAY_MS, MINUTE_MS};
        let mut csv = String::from("page,date,start,seconds_to_answer\n");
        for (page, days) in &self.pages {
            for (day, turns) in days {
                let date = Date::from_days(*day);
                for turn in turns {
                    let minute = to_local(zone, turn.start_s * 1000).rem_euclid(DAY_MS) / MINUTE_MS;
                    let after = turn.after_s.map(|s| s.to_string()).unwrap_or_default();
                    csv.push_str(&format!(
                        "{page},{:04}-{:02}-{:02},{:02}:{:02},{after}\n",
                        date.year,
                        date.month,
                        date.day,
                        minute / 60,
                        minute % 60
                    ));
                }
            }
        }
        csv
    }

    /// A Page's turns by local day, for [`super::figures::report`]; every Page's for
    /// `page` `""`.
    pub fn turns_by_day(&self, page: &str) -> BTreeMap<i64, Vec<Turn>> {
        let mut by_day: BTreeMap<i64, Vec<Turn>> = BTreeMap::new();
        let pages = self.pages.iter().filter(|(id, _)| page.is_empty() || id.as_str() == page);
        for (day, turns) in pages.flat_map(|(_, days)| days) {
            by_day.entry(*day).or_default().extend(turns.iter().map(StoredTurn::turn));
        }
        by_day
    }
}

/// The turns the content script sends, `[[startMs, replyMs or null], …]`, as
/// [`super::turns::turns`] found them; the error says what is wrong.
pub fn turns_from_json(value: &Value) -> Result<Vec<Turn>, String> {
    let read = |turn: &Value| {
        let [start, reply] = turn.as_array()?.as_slice() else { return None };
        let reply_ms = if reply.is_null() { None } else { Some(reply.as_i64()?) };
        Some(Turn { start_ms: start.as_i64().filter(|&ms| ms >= 0)?, reply_ms })
    };
    value
        .as_array()
        .and_then(|turns| turns.iter().map(read).collect())
        .ok_or_else(|| "turns: must be a list of [start ms, reply ms or null]".to_string())
}

fn is_page_id(page: &str) -> bool {
    !page.is_empty() && page.len() <= MAX_PAGE_ID && page.bytes().all(|b| b.is_ascii_digit())
}

/// Adds `new` to the sorted `kept` turns of one day: a turn already there (its start and
/// tag) keeps the earlier answer.
fn merge_turns(kept: &mut Vec<StoredTurn>, new: &[StoredTurn]) {
    for turn in new {
        let found = kept.binary_search_by_key(&(turn.start_s, turn.tag), |t| (t.start_s, t.tag));
        match found {
            Ok(index) => {
                let answers = [kept[index].after_s, turn.after_s];
                kept[index].after_s = answers.into_iter().flatten().min();
            }
            Err(index) => kept.insert(index, *turn),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::calendar::MINUTE_MS;
    use crate::clock::FixedOffset;

    /// Monday 2026-11-23 09:00 UTC (11:00 in Bucharest, UTC+2): local day 20780.
    const T0: i64 = 1_795_424_400_000;
    const ZONE: FixedOffset = FixedOffset(120);
    const TODAY: i64 = 20_780;

    fn turn(start_min: i64, after_min: Option<i64>) -> Turn {
        let start_ms = T0 + start_min * MINUTE_MS;
        Turn { start_ms, reply_ms: after_min.map(|m| start_ms + m * MINUTE_MS) }
    }

    #[test]
    fn turns_are_kept_as_numbers_by_page_and_local_day() {
        let mut store = ResponseStore::default();
        store.record("1047", thread_tag("100052384037366"), &[turn(0, Some(12)), turn(60, None)], &ZONE);
        let json = store.to_json();
        let tag = thread_tag("100052384037366");
        assert_eq!(
            json,
            json!({"replyCoachResponses": 1, "pages": {"1047": {"20780": [[1_795_424_400, 720, tag], [1_795_428_000, null, tag]]}}})
        );
        assert_eq!(ResponseStore::read(&json), Ok(store.clone()));
        assert_eq!(store.turns_by_day("1047")[&TODAY], [turn(0, Some(12)), turn(60, None)]);
        // No name, text or thread id: only digits, brackets and the format's keys.
        let text = json.to_string();
        assert!(!text.contains("100052384037366"));
        assert!(text
            .replace("replyCoachResponses", "")
            .replace("pages", "")
            .replace("null", "")
            .chars()
            .all(|c| !c.is_alphabetic()));
        // A Page that is not an id is not recorded.
        store.record("Lumen Bakery", 1, &[turn(0, None)], &ZONE);
        assert_eq!(store.pages.len(), 1);
    }

    #[test]
    fn stored_answers_are_never_faster_than_measured() {
        let start_ms = T0 + 400;
        let measured = 12 * MINUTE_MS + 1;
        let stored = StoredTurn::from_turn(&Turn { start_ms, reply_ms: Some(start_ms + measured) }, 0);
        assert!(stored.turn().response_ms().unwrap() >= measured);
    }

    #[test]
    fn merging_is_idempotent_keeps_the_earliest_answer_and_tells_threads_apart() {
        let mut first = ResponseStore::default();
        first.record("1047", 7, &[turn(0, None), turn(30, Some(20))], &ZONE);
        let mut second = ResponseStore::default();
        // The next scan: the first turn answered, the second read more narrowly, and a
        // turn in another thread starting the same minute.
        second.record("1047", 7, &[turn(0, Some(9)), turn(30, Some(14))], &ZONE);
        second.record("1047", 8, &[turn(0, None)], &ZONE);
        let mut merged = first.clone();
        merged.merge(&second);
        let expected = [
            StoredTurn { start_s: T0 / 1000, tag: 7, after_s: Some(540) },
            StoredTurn { start_s: T0 / 1000, tag: 8, after_s: None },
            StoredTurn { start_s: T0 / 1000 + 1800, tag: 7, after_s: Some(840) },
        ];
        assert_eq!(merged.pages["1047"][&TODAY], expected);
        let again = {
            let mut again = merged.clone();
            again.merge(&second);
            again.merge(&first);
            again.merge(&merged);
            again
        };
        assert_eq!(again, merged);
        let mut other_order = second.clone();
        other_order.merge(&first);
        assert_eq!(other_order, merged);
        // A record read back and merged again is the same.
        let mut reread = ResponseStore::read(&merged.to_json()).unwrap();
        reread.merge(&merged);
        assert_eq!(reread, merged);
    }

    #[test]
    fn pruning_keeps_90_days_and_the_caps() {
        let mut store = ResponseStore::default();
        for day in [TODAY - 90, TODAY - 89, TODAY, TODAY + 5] {
            store
                .pages
                .entry("1".into())
                .or_default()
                .insert(day, vec![StoredTurn { start_s: 0, tag: 0, after_s: None }]);
        }
        store.prune(TODAY);
        assert_eq!(store.pages["1"].keys().copied().collect::<Vec<_>>(), [TODAY - 89, TODAY]);
        let many: Vec<StoredTurn> = (0..500).map(|i| StoredTurn { start_s: i, tag: 0, after_s: None }).collect();
        store.pages.get_mut("1").unwrap().insert(TODAY, many);
        store.prune(TODAY);
        assert_eq!(store.pages["1"][&TODAY].len(), MAX_TURNS_PER_DAY);
        assert_eq!(store.pages["1"][&TODAY][0].start_s, 0, "the earliest starts are kept");
    }

    #[test]
    fn the_worst_case_is_well_under_a_megabyte() {
        // Many Pages, every day of 90 full, every number as long as it gets.
        let mut store = ResponseStore::default();
        for page in 0..10 {
            let page = format!("{:032}", page);
            for day in TODAY - 89..=TODAY {
                let turns = (0..MAX_TURNS_PER_DAY as i64)
                    .map(|i| StoredTurn { start_s: 9_999_999_000 + i, tag: 65_535, after_s: Some(7_776_000) })
                    .collect();
                store.pages.entry(page.clone()).or_default().insert(day, turns);
            }
        }
        store.prune(TODAY);
        let count: usize = store.pages.values().flat_map(|days| days.values()).map(Vec::len).sum();
        assert_eq!(count, MAX_TURNS);
        let size = store.to_json().to_string().len();
        println!("response record, worst case: {count} turns, {size} bytes");
        assert!(size < 700_000, "{size} bytes");
        // The oldest days went first.
        let oldest = store.pages.values().flat_map(|days| days.keys()).min().copied();
        assert!(oldest > Some(TODAY - 89));
    }

    #[test]
    fn damaged_and_newer_records_are_refused_with_every_reason() {
        assert_eq!(ResponseStore::read(&Value::Null), Ok(ResponseStore::default()));
        let newer = ResponseStore::read(&json!({"replyCoachResponses": 2, "pages": {}, "more": 1})).unwrap_err();
        assert_eq!(
            newer,
            ["response record: format 2, newer than this Reply Coach reads (1); kept as it is, not written: update Reply Coach"]
        );
        assert_eq!(ResponseStore::read(&json!({"pages": {}})).unwrap_err(), ["replyCoachResponses: is missing"]);
        assert_eq!(
            ResponseStore::read(&json!("x")).unwrap_err()[0],
            "response record: must be a JSON object; kept as it is, not written"
        );
        let damaged = json!({"replyCoachResponses": 1, "names": ["Ana"], "pages": {
            "Lumen": {}, "1047": {"20780": [[1, 2, 3], [1, "2", 3], [1, 2, 70000]], "x": [], "20781": {}}
        }});
        assert_eq!(
            ResponseStore::read(&damaged).unwrap_err(),
            [
                "names: not a key of the response record (replyCoachResponses, pages)",
                "pages.1047.20780[1]: must be [start seconds, seconds to the answer or null, tag 0 to 65535]",
                "pages.1047.20780[2]: must be [start seconds, seconds to the answer or null, tag 0 to 65535]",
                "pages.1047.20781: must be a list of turns",
                "pages.1047.x: not a day number",
                "pages.Lumen: not a Page id (digits only, at most 32)",
            ]
        );
    }

    #[test]
    fn the_content_scripts_turns_are_read_strictly_and_pages_can_be_put_together() {
        let turns = turns_from_json(&json!([[T0, T0 + 60_000], [T0 + 1, null]])).unwrap();
        assert_eq!(
            turns,
            [Turn { start_ms: T0, reply_ms: Some(T0 + 60_000) }, Turn { start_ms: T0 + 1, reply_ms: None }]
        );
        for bad in [json!({}), json!([[T0]]), json!([["1", null]]), json!([[-1, null]])] {
            assert_eq!(turns_from_json(&bad).unwrap_err(), "turns: must be a list of [start ms, reply ms or null]");
        }
        let mut store = ResponseStore::default();
        store.record("1", 0, &[turn(0, Some(1))], &ZONE);
        store.record("2", 0, &[turn(5, None)], &ZONE);
        assert_eq!(store.turns_by_day("")[&TODAY].len(), 2);
        assert_eq!(store.turns_by_day("2")[&TODAY], [turn(5, None)]);
        assert!(store.turns_by_day("3").is_empty());
    }

    #[test]
    fn the_csv_has_a_line_per_turn_in_local_time() {
        let mut store = ResponseStore::default();
        store.record("1047", 3, &[turn(0, Some(12)), turn(75, None)], &ZONE);
        assert_eq!(
            store.to_csv(&ZONE),
            "page,date,start,seconds_to_answer\n1047,2026-11-23,11:00,720\n1047,2026-11-23,12:15,\n"
        );
    }

    #[test]
    fn tags_are_stable_and_spread() {
        assert_eq!(thread_tag("100052384037366"), thread_tag("100052384037366"));
        let tags: std::collections::BTreeSet<u16> =
            (0..1000).map(|i| thread_tag(&format!("10005238403{i:04}"))).collect();
        assert!(tags.len() > 980, "{} distinct tags of 1000", tags.len());
    }
}
