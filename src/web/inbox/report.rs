//! Writes what a scan decided: each row's marks ([`crate::inbox_view::RowMarks`], only
//! those that changed), its `<reply-coach-badge>` (its last child) and the
//! `<reply-coach-wait>` just before it, both filled with `textContent` only; takes the
//! marks off elements that stopped being rows; and sends messages to the service worker.
//! The page's own re-render of a row, which drops the badge, keeps it, or copies it into a
//! new row, is answered by the next scan re-attaching, reusing, or de-duplicating it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::inbox_view::{MarkChanges, RowMarks, ROW_ATTRIBUTES};
use crate::web::dom;

const BADGE_TAG: &str = "reply-coach-badge";
const BADGES: &str = ":scope > reply-coach-badge";
const WAIT_TAG: &str = "reply-coach-wait";
const WAITS: &str = ":scope > reply-coach-wait";

#[wasm_bindgen]
extern "C" {
    /// `chrome.runtime.sendMessage`: the service worker keeps the tab's status for the
    /// toolbar badge and the popup, and the agent's response figures.
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Sends `message` to the service worker; `ignore` swallows the rejection of a message
/// nobody received (the worker is restarting).
pub fn send(message: &JsValue, ignore: &Closure<dyn FnMut(JsValue)>) {
    if let Ok(promise) = send_message(message) {
        let _ = promise.catch(ignore);
    }
}

/// Writes the `changes` of a row's `marks`.
pub fn write_row(document: &Document, row: &Element, marks: &RowMarks, changes: MarkChanges) {
    for ((name, value), changed) in ROW_ATTRIBUTES.into_iter().zip(&marks.attributes).zip(changes.attributes) {
        if changed {
            set(row, name, value.as_deref());
        }
    }
    if changes.badge {
        let (state, text) = &marks.badge;
        if let Err(error) = badge(document, row, state, text) {
            dom::warn(&error);
        }
    }
    if changes.wait {
        let wait = marks.wait.as_ref().map(|(level, text)| (*level, text.as_str()));
        if let Err(error) = write_wait(document, row, wait) {
            dom::warn(&error);
        }
    }
}

/// Takes our marks off a row that no longer shows a thread.
pub fn clear(row: &Element) {
    if row.has_attribute(ROW_ATTRIBUTES[0]) {
        for name in ROW_ATTRIBUTES {
            set(row, name, None);
        }
    }
    if let Ok(found) = row.query_selector_all(&format!("{BADGES}, {WAITS}")) {
        for i in 0..found.length() {
            if let Some(badge) = found.item(i) {
                badge.unchecked_into::<Element>().remove();
            }
        }
    }
}

/// One badge per row, its last child: created when missing, extras removed, and its
/// state and text written only when they changed.
fn badge(document: &Document, row: &Element, state: &str, text: &str) -> Result<(), String> {
    let found = row.query_selector_all(BADGES).map_err(dom::describe)?;
    for i in 1..found.length() {
        if let Some(extra) = found.item(i) {
            extra.unchecked_into::<Element>().remove();
        }
    }
    let badge = match found.item(0).map(JsCast::unchecked_into::<Element>) {
        Some(badge) => badge,
        None => {
            let badge = document.create_element(BADGE_TAG).map_err(dom::describe)?;
            row.append_child(&badge).map_err(dom::describe)?;
            badge
        }
    };
    set(&badge, "data-state", Some(state));
    if badge.text_content().as_deref() != Some(text) {
        badge.set_text_content(Some(text));
    }
    Ok(())
}

/// The row's wait (`Some((level, text))`) just before its badge, or none: one element,
/// extras removed, written only where it changed.
fn write_wait(document: &Document, row: &Element, wait: Option<(&str, &str)>) -> Result<(), String> {
    let found = row.query_selector_all(WAITS).map_err(dom::describe)?;
    let keep = u32::from(wait.is_some());
    for i in keep..found.length() {
        if let Some(extra) = found.item(i) {
            extra.unchecked_into::<Element>().remove();
        }
    }
    let Some((level, text)) = wait else { return Ok(()) };
    let element = match found.item(0).map(JsCast::unchecked_into::<Element>) {
        Some(element) => element,
        None => document.create_element(WAIT_TAG).map_err(dom::describe)?,
    };
    let badge = row.query_selector(BADGES).map_err(dom::describe)?;
    if let Some(badge) = badge.filter(|badge| element.next_element_sibling().as_ref() != Some(badge)) {
        badge.before_with_node_1(&element).map_err(dom::describe)?;
    }
    set(&element, "data-level", Some(level));
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
    Ok(())
}

/// Sets (or with `None` removes) an attribute, only when that changes it.
fn set(element: &Element, name: &str, value: Option<&str>) {
    if element.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}
