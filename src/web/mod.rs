//! The content script's DOM layer: the thin edge between the inbox page and the core.
//!
//! `content.js` loads the Wasm and creates one [`Coach`]; from then on everything here is
//! Rust over web-sys: [`live`] follows the composer and lints as the agent types,
//! [`composer`] reads and edits the composer's text, [`conversation`] reads the open
//! conversation through the data profile ([`crate::profile`]), [`card`] and
//! [`underline`] show the findings, and [`inbox`] puts the 24-hour clock on the
//! conversation list's rows. Nothing here decides what a finding is: that is
//! [`crate::lint`]'s job, natively tested.

mod active;
mod banner;
mod card;
mod composer;
mod conversation;
mod dom;
mod inbox;
mod live;
mod page;
mod panel;
mod picker;
mod teach;
mod underline;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use crate::context::StoredSettings;
use crate::profile::file::ProfileFile;
use crate::profile::health::Part;
use crate::profile::report::layout_report;
use crate::template::Library;
use crate::wasm::json_of;
use crate::web::active::ActiveProfile;
use crate::web::dom::Callback;

/// The layout report's bound: enough for the parts' surroundings, small enough to paste.
const REPORT_LIMIT_BYTES: usize = 64 * 1024;

/// Tells the lint and the clock that the profile in use was replaced.
fn profile_changed(live: &Weak<live::Live>, inbox: &Option<Weak<inbox::Inbox>>) {
    if let Some(live) = live.upgrade_running() {
        live.profile_changed();
    }
    if let Some(inbox) = inbox.as_ref().and_then(Callback::upgrade_running) {
        inbox.profile_changed();
    }
}

/// Reply Coach on one inbox page. Lives as long as the page: `content.js` keeps it.
#[wasm_bindgen]
pub struct Coach {
    document: web_sys::Document,
    live: Rc<live::Live>,
    /// The clock in the conversation list; `None` when it could not start (the linting
    /// goes on without it).
    inbox: Option<Rc<inbox::Inbox>>,
    /// The page profile both read the page with.
    profile: ActiveProfile,
    /// The teach flow, while it runs.
    teach: Rc<RefCell<Option<Rc<teach::Teach>>>>,
}

#[wasm_bindgen]
impl Coach {
    /// Starts watching the page for composers and the conversation list.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Coach, JsError> {
        let document = dom::document().ok_or_else(|| JsError::new("no document"))?;
        let profile = ActiveProfile::new(crate::profile::shipped().clone());
        let live = live::Live::start(document.clone(), profile.clone()).map_err(|e| JsError::new(&e))?;
        let weak = Rc::downgrade(&live);
        let relint = Box::new(move || {
            if let Some(live) = weak.upgrade_running() {
                live.context_changed();
            }
        });
        let weak = Rc::downgrade(&live);
        let missing = Box::new(move |parts: Vec<Part>| {
            if let Some(live) = weak.upgrade_running() {
                live.set_missing_parts(&parts);
            }
        });
        let inbox =
            inbox::Inbox::start(document.clone(), profile.clone(), relint, missing).map_err(|e| dom::warn(&e)).ok();
        Ok(Coach { document, live, inbox, profile, teach: Rc::new(RefCell::new(None)) })
    }

    /// Takes the page profile's override as stored (`chrome.storage.local`, key
    /// `profileOverride`: a profile file, `src/profile/README.md`), `undefined` for none.
    /// A file that cannot be used is refused as a whole: the built-in profile is used, and
    /// the reasons are returned, one per key (`[]` when it is in use).
    #[wasm_bindgen(js_name = setProfile)]
    pub fn set_profile(&self, stored: JsValue) -> Vec<String> {
        let read = if stored.is_undefined() || stored.is_null() {
            Ok(crate::profile::shipped().clone())
        } else {
            ProfileFile::read(&json_of(&stored)).and_then(|file| file.profile())
        };
        let (profile, errors) = match read {
            Ok(profile) => (profile, Vec::new()),
            Err(errors) => (crate::profile::shipped().clone(), errors),
        };
        self.profile.replace(profile);
        profile_changed(&Rc::downgrade(&self.live), &self.inbox.as_ref().map(Rc::downgrade));
        errors
    }

    /// Starts "Teach this page" (the popup's button): a picker in the page, until saved
    /// or cancelled. Nothing when it already runs.
    pub fn teach(&self) {
        if self.teach.try_borrow().map_or(true, |running| running.is_some()) {
            return;
        }
        let (live, inbox) = (Rc::downgrade(&self.live), self.inbox.as_ref().map(Rc::downgrade));
        let on_profile = Box::new(move || profile_changed(&live, &inbox));
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
        match teach::Teach::start(self.document.clone(), self.profile.clone(), on_profile, on_end) {
            Ok(session) => {
                if let Ok(mut running) = self.teach.try_borrow_mut() {
                    *running = Some(session);
                }
            }
            Err(error) => dom::warn(&format!("the teach flow could not start: {error}")),
        }
    }

    /// The layout report (the popup's button): the structure of the page around the parts
    /// the profile does not recognise, without any of its text, names or addresses
    /// ([`crate::profile::report`]).
    #[wasm_bindgen(js_name = layoutReport)]
    pub fn layout_report(&self) -> String {
        let Some(root) = page::root(&self.document) else { return String::new() };
        let profile = self.profile.get();
        let url = self.document.url().unwrap_or_default();
        let language = conversation::page_language(&self.document);
        let health = profile.health(&root, &url, language, &conversation::page_clock());
        let path = self.document.location().and_then(|l| l.pathname().ok()).unwrap_or_default();
        layout_report(&profile, &root, &health, &path, REPORT_LIMIT_BYTES)
    }

    /// Takes the agent's settings as stored (`chrome.storage.sync`, key `settings`);
    /// values this version cannot use are skipped with a console warning.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&self, stored: JsValue) {
        let json = json_of(&stored);
        let (settings, notes) = StoredSettings::from_json(&json);
        for note in notes {
            dom::warn(&note);
        }
        if let Some(inbox) = &self.inbox {
            inbox.set_clock(settings.clock.clone());
        }
        self.live.set_settings(settings);
    }

    /// Takes the agent's template library (the document kept in `chrome.storage.local`,
    /// or the default pack) and how often each template was used (`{id: count}`). An
    /// invalid library (damaged, or from a newer version) is refused as a whole: the
    /// picker keeps the templates it has, or takes `fallback` (the default pack, when it
    /// has none yet), says so in a line of its own, and the console has the reasons.
    #[wasm_bindgen(js_name = setTemplates)]
    pub fn set_templates(&self, library: JsValue, usage: JsValue, fallback: JsValue) {
        let (library, notice) = match Library::from_value(&json_of(&library)) {
            Ok(library) => (Some(library), None),
            Err(errors) => {
                dom::warn(&format!("the stored template library cannot be read, so it is not used:\n{errors}"));
                (Library::from_value(&json_of(&fallback)).ok(), Some(dom::message("storageTemplatesUnreadable", None)))
            }
        };
        let usage = json_of(&usage)
            .as_object()
            .map(|counts| {
                counts
                    .iter()
                    .filter_map(|(id, count)| Some((id.clone(), u32::try_from(count.as_u64()?).ok()?)))
                    .collect()
            })
            .unwrap_or_default();
        self.live.set_templates(library, usage, notice);
    }

    /// First names the agent dismissed when the card offered them, in this browser session
    /// (`chrome.storage.session`, from background.js): not offered again. The card offers
    /// no name before this is called (with `[]` when the list could not be had).
    #[wasm_bindgen(js_name = setDismissedNames)]
    pub fn set_dismissed_names(&self, names: JsValue) {
        let names = json_of(&names)
            .as_array()
            .map(|names| names.iter().filter_map(|name| name.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        self.live.set_dismissed_names(names);
    }

    /// Opens the template picker for the composer (the keyboard shortcut).
    #[wasm_bindgen(js_name = openTemplates)]
    pub fn open_templates(&self) {
        self.live.open_picker();
    }
}
