//! Input-method compositions in the composer. An agent typing Hindi or Armenian through
//! an input method composes a word over several key presses; until `compositionend` that
//! word belongs to the input method, and an editor whose text or caret is moved under it
//! (Lexical included) duplicates or loses text. So while a composition is in progress
//! Reply Coach neither lints nor edits nor takes keys; `compositionend` lints once.

use std::cell::RefCell;

use web_sys::{Document, Element, KeyboardEvent};

/// The key code browsers give every key an input method takes (the Enter that commits a
/// word included); Safari sends it after `compositionend`, with `isComposing` false.
const IME_KEY_CODE: u32 = 229;

/// The element a composition is in progress in, if any.
#[derive(Default)]
pub(super) struct Composition {
    target: RefCell<Option<Element>>,
}

impl Composition {
    pub(super) fn start(&self, target: Element) {
        if let Ok(mut composing) = self.target.try_borrow_mut() {
            *composing = Some(target);
        }
    }

    pub(super) fn end(&self) {
        if let Ok(mut composing) = self.target.try_borrow_mut() {
            *composing = None;
        }
    }

    /// Whether a word is being composed now. A composition whose element left the page or
    /// lost the focus without a `compositionend` (a page that re-renders its composer
    /// mid-word) is over: Reply Coach must not stay silent for the rest of the session.
    pub(super) fn in_progress(&self, document: &Document) -> bool {
        let Ok(composing) = self.target.try_borrow() else { return true };
        let Some(target) = composing.as_ref() else { return false };
        target.is_connected() && document.active_element().is_some_and(|active| target.contains(Some(&active)))
    }
}

/// Whether `event` is a key the input method takes (part of a composition, or the key that
/// ended one): never the picker's.
pub(super) fn is_composing_key(event: &KeyboardEvent) -> bool {
    event.is_composing() || event.key_code() == IME_KEY_CODE
}
