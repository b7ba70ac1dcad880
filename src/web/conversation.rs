//! Reads what the open conversation tells about the draft in a composer: the customer's
//! name, whether the reply is public, the customer's last message. What the page does not
//! show stays unknown, and the rules that need it stay silent.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use crate::clock::{parse_timestamp, LocalClock, TimeRange, TimeZone};
use crate::context::{LintContext, Surface};
use crate::lang::Language;
use crate::profile::Profile;

/// The page's part of the lint context for a draft typed in `composer`.
pub fn read(document: &Document, profile: &Profile, composer: &HtmlElement) -> LintContext {
    let pane: Option<Element> = composer.closest(&profile.conversation).ok().flatten();
    // Within the composer's conversation when it has one: a comment reply box can sit
    // outside the pane, in the post's thread.
    let scope = |selector: &str| -> Option<Element> {
        match &pane {
            Some(pane) => pane.query_selector(selector).ok().flatten(),
            None => document.query_selector(selector).ok().flatten(),
        }
    };
    let customer_name = profile.customer_name.iter().find_map(|selector| text_of(&scope(selector)?));
    let label = composer.get_attribute("aria-label").or_else(|| composer.get_attribute("placeholder"));
    let is_comment = label.is_some_and(|label| profile.is_comment_composer(&label));
    let last_customer = last_customer_message(document, profile, customer_name.as_deref());
    LintContext {
        customer_name,
        hours_since_customer: last_customer.as_ref().and_then(|m| hours_since(document, profile, m)),
        surface: if is_comment { Surface::Comment } else { Surface::Message },
        customer_message: last_customer.as_ref().and_then(|m| text_of(&m.query_selector(&profile.message_text).ok()??)),
        ..LintContext::default()
    }
}

/// Hours since `message` was sent, from its exact stamp, in the worst case (the
/// earliest time the stamp allows): the window rules must not call a closed window open.
fn hours_since(document: &Document, profile: &Profile, message: &Element) -> Option<f64> {
    let clock = page_clock();
    let sent = sent_at(document, profile, message, &clock)?;
    // From the start of the current minute: stamps name their minute, so nothing can
    // change within one, and a context that stays equal lets a page change that leaves the
    // draft alone skip the lint and the repaint (`Live::update_state`). The clock relints
    // at each whole minute.
    let now_ms = clock.now_ms - clock.now_ms.rem_euclid(60_000);
    Some((now_ms - sent.earliest_ms).max(0) as f64 / 3_600_000.0)
}

/// What the open conversation shows of its customer: their display name (the header)
/// and when their newest message was sent (its exact stamp).
pub struct OpenThread {
    pub customer: Option<String>,
    pub last_customer: Option<TimeRange>,
}

pub fn open_thread(document: &Document, profile: &Profile, clock: &LocalClock<impl TimeZone>) -> OpenThread {
    let customer = profile.customer_name.iter().find_map(|selector| text_of(&document.query_selector(selector).ok()??));
    let message = last_customer_message(document, profile, customer.as_deref());
    OpenThread { last_customer: message.and_then(|m| sent_at(document, profile, &m, clock)), customer }
}

/// When `message` was sent, from its exact stamp.
fn sent_at(
    document: &Document,
    profile: &Profile,
    message: &Element,
    clock: &LocalClock<impl TimeZone>,
) -> Option<TimeRange> {
    let stamped = message.query_selector(&profile.message_time).ok()??;
    let stamp = profile.message_time_attributes.iter().find_map(|name| stamped.get_attribute(name))?;
    parse_timestamp(&stamp, page_language(document), clock)
}

/// The page's UI language, from `<html lang>`, when it is one of ours.
pub fn page_language(document: &Document) -> Option<Language> {
    Language::from_code(document.document_element()?.get_attribute("lang")?.get(..2)?)
}

/// Now, in the browser's time zone: the page writes stamps in local time, and JavaScript
/// knows its offset at any instant (minutes west of UTC, hence the sign), daylight saving
/// included.
pub fn page_clock() -> LocalClock<impl TimeZone> {
    let zone = |utc_ms: i64| -(js_sys::Date::new(&JsValue::from_f64(utc_ms as f64)).get_timezone_offset() as i32);
    LocalClock::with_zone(js_sys::Date::now() as i64, zone)
}

/// The customer's newest message or comment.
fn last_customer_message(document: &Document, profile: &Profile, customer: Option<&str>) -> Option<Element> {
    let messages = document.query_selector_all(&profile.messages).ok()?;
    (0..messages.length()).rev().filter_map(|i| messages.item(i)?.dyn_into::<Element>().ok()).find(|message| {
        let label = message.get_attribute("aria-label").or_else(|| message.text_content()).unwrap_or_default();
        profile.is_customer_message(&label, customer)
    })
}

/// An element's visible text, trimmed; `None` when there is none.
fn text_of(element: &Element) -> Option<String> {
    let text = element.text_content()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}
