//! The content script's DOM layer: the thin edge between the inbox page and the core.
//!
//! `content.js` loads the Wasm and creates one [`Coach`]; from then on everything here is
//! Rust over web-sys: [`live`] follows the composer and lints as the agent types,
//! [`composer`] reads and edits the composer's text, [`conversation`] reads the open
//! conversation through the data profile ([`crate::page_profile`]), [`card`] and
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
#[cfg(feature = "repair")]
mod repair;
mod responses;
#[cfg(feature = "repair")]
mod teach;
mod underline;

use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use crate::context::StoredSettings;
use crate::page_profile::file::ProfileFile;
use crate::page_profile::health::Part;
use crate::template::Library;
use crate::wasm::json_of;
use crate::web::active::ActiveProfile;
use crate::web::dom::Callback;

/// Tells the lint and the clock that the profile in use was replaced.
fn profile_changed(live: &Weak<live::Live>, inbox: &Option<Weak<inbox::Inbox>>) {
    if let Some(live) = live.upgrade_running() {
        live.profile_changed();
    }
    if let Some(inbox) = inbox.as_ref().and_then(Callback::upgrade_running) {
        inbox.profile_changed();
    }
}

/// Speaks UI language `code` (en, ro, hy or hi: `extension/i18n.js`'s choice, the
/// settings' `uiLanguage` or the browser's) from now on, whatever the draft's language: the
/// core's texts (findings' messages, explanations, fix labels; the clock's badges) and the
/// DOM layer's, whose kept texts are read again. English until called. False, changing
/// nothing, for another code (a `bool`, not a thrown error: half a kilobyte less of the
/// Wasm).
#[wasm_bindgen(js_name = setUiLanguage)]
pub fn set_ui_language(code: &str) -> bool {
    let known = crate::catalogue::set_ui_language(code).is_ok();
    if known {
        dom::forget_messages();
    }
    known
}

/// Reply Coach on one inbox page. Lives as long as the page: `content.js` keeps it.
#[wasm_bindgen]
pub struct Coach {
    live: Rc<live::Live>,
    /// The clock in the conversation list; `None` when it could not start (the linting
    /// goes on without it).
    inbox: Option<Rc<inbox::Inbox>>,
    /// The page profile both read the page with.
    profile: ActiveProfile,
}

#[wasm_bindgen]
impl Coach {
    /// Starts watching the page for composers and the conversation list; the language data
    /// must be installed first (`installLanguageData`).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Coach, JsError> {
        crate::wasm::data_installed()?;
        let document = dom::document().ok_or_else(|| JsError::new("no document"))?;
        let profile = ActiveProfile::new(crate::page_profile::shipped().clone());
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
        let weak = Rc::downgrade(&live);
        let conversation = Box::new(move |open: live::OpenReading| {
            if let Some(live) = weak.upgrade_running() {
                live.conversation_read(open);
            }
        });
        let inbox = inbox::Inbox::start(document.clone(), profile.clone(), relint, missing, conversation)
            .map_err(|e| dom::warn(&e))
            .ok();
        Ok(Coach { live, inbox, profile })
    }

    /// Takes the page profile's override as stored (`chrome.storage.local`, key
    /// `profileOverride`: a profile file, `src/page_profile/README.md`), `undefined` for none.
    /// A file that cannot be used is refused as a whole: the built-in profile is used, and
    /// the reasons are returned, one per key (`[]` when it is in use).
    #[wasm_bindgen(js_name = setProfile)]
    pub fn set_profile(&self, stored: JsValue) -> Vec<String> {
        let read = if stored.is_undefined() || stored.is_null() {
            Ok(crate::page_profile::shipped().clone())
        } else {
            ProfileFile::read(&json_of(&stored)).and_then(|file| file.profile())
        };
        let (profile, errors) = match read {
            Ok(profile) => (profile, Vec::new()),
            Err(errors) => (crate::page_profile::shipped().clone(), errors),
        };
        self.profile.replace(profile);
        profile_changed(&Rc::downgrade(&self.live), &self.inbox.as_ref().map(Rc::downgrade));
        crate::catalogue::Fault::texts(&errors)
    }

    /// Takes the agent's settings as stored (`chrome.storage.sync`, key `settings`);
    /// values this version cannot use are skipped with a console warning.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&self, stored: JsValue) {
        let json = json_of(&stored);
        let (settings, notes) = StoredSettings::from_json(&json);
        for note in notes {
            dom::warn(&note.to_string());
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
