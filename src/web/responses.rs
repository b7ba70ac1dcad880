//! The response turns of the open conversation, told to the service worker, which keeps
//! the agent's response figures ([`crate::respond`]). Each scan reads the newest messages
//! ([`crate::page_profile::PageProfile::read_messages`]), finds their turns
//! ([`crate::respond::turns`]) and, when they differ from what was last told, sends
//! `{type: "responses", page, tag, turns: [[startMs, replyMs or null], …]}`: the Page's
//! id (the inbox address's `asset_id`), the thread's 16-bit tag and numbers, never a name,
//! a text or the thread's id.
//!
//! A reply the agent sends in this tab is seen by the scan the page change schedules, so
//! its time is when it appeared (within a scan); one sent earlier is timed by the page's
//! stamps, by their worst case.

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::clock::{LocalClock, TimeZone};
use crate::lang::Language;
use crate::page_profile::{query_parameter, PageProfile};
use crate::respond::{narrowest, thread_tag, turns, Turn};
use crate::threads::OpenThread;

/// The query parameter of the inbox's address that names the Page.
const PAGE_PARAMETER: &str = "asset_id";
/// The newest messages read per scan: each costs calls into the page, and turns older
/// than these were told by earlier scans.
const NEWEST_MESSAGES: usize = 40;

/// What was last told, so an unchanged conversation sends nothing.
#[derive(Default)]
pub struct ResponseWatch {
    told: Option<(String, u16, Vec<Turn>)>,
}

impl ResponseWatch {
    /// The message for the service worker when the open conversation's turns changed.
    pub fn observe<Z: TimeZone>(
        &mut self,
        root: &Element,
        profile: &PageProfile,
        (url, open): (&str, &OpenThread),
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Option<JsValue> {
        let page = query_parameter(url, PAGE_PARAMETER)?.to_string();
        let tag = thread_tag(open.id.as_deref()?);
        let customer = open.conversation.customer.as_deref();
        let found = turns(&profile.read_messages(root, customer, language, clock, NEWEST_MESSAGES));
        if found.is_empty() {
            return None;
        }
        // A reply under the newest date separator is "by now" at every scan: what the first
        // scan that saw it said is kept, so the minute ticks send nothing new.
        let found = match &self.told {
            Some((p, t, known)) if *p == page && *t == tag => narrowest(known, &found),
            _ => found,
        };
        let now = (page, tag, found);
        if self.told.as_ref() == Some(&now) {
            return None;
        }
        let (page, tag, found) = self.told.insert(now);
        let numbers = found.iter().map(|turn| serde_json::json!([turn.start_ms, turn.reply_ms])).collect();
        let message = serde_json::json!({"type": "responses", "page": page, "tag": tag, "turns": serde_json::Value::Array(numbers)});
        Some(crate::wasm::js_of(&message))
    }
}
