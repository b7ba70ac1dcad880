//! The repair tools, in their own Wasm module (the crate built with the `repair` feature,
//! `pkg/reply_coach_repair*`): "Teach this page" and the layout report, for when Meta
//! changed the page. The content script loads the module only when the agent asks for
//! one of them, so the inbox's start-up never pays for them. They talk to the running
//! [`super::Coach`] only through the content script, in the form any profile takes: a
//! profile file (`src/page_profile/file.rs`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::page_profile::file::ProfileFile;
use crate::page_profile::report::{layout_report, LIMIT_BYTES};
use crate::wasm::{js_of, json_of};
use crate::web::conversation::{page_clock, page_language};
use crate::web::dom::{self, Callback};
use crate::web::page;
use crate::web::teach::Teach;

/// The repair tools on one inbox page.
#[wasm_bindgen]
pub struct Repair {
    /// The teach flow, while it runs.
    teach: Rc<RefCell<Option<Rc<Teach>>>>,
}

#[wasm_bindgen]
impl Repair {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Repair {
        Repair { teach: Rc::new(RefCell::new(None)) }
    }

    /// Starts "Teach this page": a picker in the page until the agent saves or cancels.
    /// `preview` is called with the lesson as a profile file once every step is done (the
    /// page's coach uses it until it is saved or cancelled), and with `null` on cancel
    /// (back to the stored profile). Nothing when it already runs.
    pub fn teach(&self, preview: js_sys::Function) {
        if self.teach.try_borrow().map_or(true, |running| running.is_some()) {
            return;
        }
        let Some(document) = dom::document() else { return };
        let on_preview = Box::new(move |file: Option<&serde_json::Value>| {
            let file = file.map_or(JsValue::NULL, js_of);
            if let Err(error) = preview.call1(&JsValue::NULL, &file) {
                dom::warn(&format!("the lesson could not be previewed: {}", dom::describe(error)));
            }
        });
        let slot = Rc::downgrade(&self.teach);
        // Dropped from a timer: the session ends inside one of its own listeners.
        let on_end = Box::new(move || {
            let slot = slot.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(slot) = slot.upgrade_running() {
                    if let Ok(mut running) = slot.try_borrow_mut() {
                        running.take();
                    }
                }
            })
            .forget();
        });
        match Teach::start(document, on_preview, on_end) {
            Ok(session) => {
                if let Ok(mut running) = self.teach.try_borrow_mut() {
                    *running = Some(session);
                }
            }
            Err(error) => dom::warn(&format!("the teach flow could not start: {error}")),
        }
    }

    /// The layout report: the structure of the page around the parts the profile in use
    /// (`stored`: the override as stored, `undefined` for the built-in one) does not
    /// recognise, without any of its text, names or addresses ([`crate::page_profile::report`]).
    #[wasm_bindgen(js_name = layoutReport)]
    pub fn layout_report(&self, stored: JsValue) -> String {
        let Some(document) = dom::document() else { return String::new() };
        let Some(root) = page::root(&document) else { return String::new() };
        let taught = (!stored.is_undefined() && !stored.is_null())
            .then(|| ProfileFile::read(&json_of(&stored)).and_then(|file| file.profile()).ok())
            .flatten();
        let profile = taught.unwrap_or_else(|| crate::page_profile::shipped().clone());
        let url = document.url().unwrap_or_default();
        let health = profile.health(&root, &url, page_language(&document), &page_clock());
        layout_report(&profile, &root, &health, &url, LIMIT_BYTES)
    }
}

impl Default for Repair {
    fn default() -> Repair {
        Repair::new()
    }
}
