//! Reads what the open conversation tells about the draft in a composer: the customer's
//! name, whether the reply is public, the customer's last message and its time, through
//! the profile's strategies ([`crate::page_profile::conversation`]). What the page does not
//! show stays unknown, and the rules that need it stay silent.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::clock::{LocalClock, TimeZone};
use crate::context::{LintContext, Surface};
use crate::lang::Language;
use crate::page_profile::{Conversation, PageProfile};
use crate::web::page;

/// The page's part of the lint context for a draft typed in `composer`, and the newest
/// "Sent by <name>" of the open conversation (a person of the Page's team: the agent, or a
/// colleague), which is not part of the lint context.
pub fn read_with_sender(
    document: &Document,
    profile: &PageProfile,
    composer: &Element,
) -> (LintContext, Option<String>) {
    let clock = page_clock();
    let conversation = open_conversation(document, profile, &clock);
    let is_comment = profile.is_comment_box(composer);
    let context = LintContext {
        hours_since_customer: conversation.hours_since_customer(clock.now_ms),
        hours_since_ad_reply: conversation.hours_since_ad_reply(clock.now_ms),
        customer_name: conversation.customer,
        surface: if is_comment { Surface::Comment } else { Surface::Message },
        customer_message: conversation.last_customer_text,
        ..LintContext::default()
    };
    (context, conversation.sent_by)
}

/// The open conversation, as the page shows it now.
pub fn open_conversation(
    document: &Document,
    profile: &PageProfile,
    clock: &LocalClock<impl TimeZone>,
) -> Conversation {
    match page::root(document) {
        Some(root) => profile.read_conversation(&root, page_language(document), clock),
        None => Conversation::default(),
    }
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
