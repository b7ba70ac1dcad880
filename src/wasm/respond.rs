//! The response figures for the extension ([`crate::respond`]): the service worker merges
//! the turns a content script saw into the record it keeps in `chrome.storage.local`, and
//! the popup asks for the figures of today and the last 7 days. In the module loaded on
//! request only (the `repair` feature): the record's code would take a tenth of the
//! start-up module's size budget, and neither the inbox's start nor each scan needs it.
//!
//! Times are Unix milliseconds; the zone is the browser's offset from UTC in minutes east
//! (`-new Date().getTimezoneOffset()`), one for the whole record.

use wasm_bindgen::prelude::*;

use super::{js_of, json_of};
use crate::clock::{FixedOffset, LocalClock};
use crate::respond::{report, store, BusinessHours, ResponseStore};

/// The stored record read strictly: a damaged or newer one is an error naming every
/// problem, and the caller writes nothing over it.
fn read(stored: &JsValue) -> Result<ResponseStore, JsError> {
    ResponseStore::read(&json_of(stored)).map_err(|errors| JsError::new(&errors.join("; ")))
}

/// The record `stored` (`undefined` when none yet) with the `turns` (`[[startMs, replyMs
/// or null], …]`) of one thread, tagged `tag`, of the Page `page` added, kept within its
/// bounds on the local day of `now_ms`. Returns the record to store; throws when the
/// stored one cannot be read (nothing is to be written then) or the turns are malformed.
#[wasm_bindgen(js_name = recordResponses)]
pub fn record_responses(
    stored: JsValue,
    page: &str,
    tag: u16,
    turns: JsValue,
    now_ms: f64,
    utc_offset_minutes: i32,
) -> Result<JsValue, JsError> {
    let mut record = read(&stored)?;
    let turns = store::turns_from_json(&json_of(&turns)).map_err(|e| JsError::new(&e))?;
    let zone = FixedOffset(utc_offset_minutes);
    record.record(page, tag, &turns, &zone);
    record.prune(crate::respond::local_day(&zone, now_ms as i64));
    Ok(js_of(&record.to_json()))
}

/// The figures of Page `page` (every Page's for `""`) on the local day of `now_ms`:
/// `{today, week, days, slowestToday}` ([`crate::respond::Report::to_json`]), time outside
/// `hours` (the stored business hours, `null` for none) left out.
#[wasm_bindgen(js_name = responseReport)]
pub fn response_report(
    stored: JsValue,
    page: &str,
    now_ms: f64,
    utc_offset_minutes: i32,
    hours: JsValue,
) -> Result<JsValue, JsError> {
    let record = read(&stored)?;
    let hours = json_of(&hours);
    let hours = if hours.is_null() {
        None
    } else {
        Some(BusinessHours::from_json(&hours).map_err(|e| JsError::new(&e.to_string()))?)
    };
    let clock = LocalClock::new(now_ms as i64, utc_offset_minutes);
    Ok(js_of(&report(&record.turns_by_day(page), &clock, hours.as_ref()).to_json()))
}

/// The record as CSV ([`ResponseStore::to_csv`]), dates and times local at `utc_offset_minutes`.
#[wasm_bindgen(js_name = responsesCsv)]
pub fn responses_csv(stored: JsValue, utc_offset_minutes: i32) -> Result<String, JsError> {
    Ok(read(&stored)?.to_csv(&FixedOffset(utc_offset_minutes)))
}
