//! The core exported to JavaScript with wasm-bindgen: plain objects in, plain objects out.
//!
//! Nothing here may panic: a panic traps the Wasm instance and ends the extension for
//! the tab. Bad input becomes a thrown `Error` with a message that names the field.

use wasm_bindgen::prelude::*;

use crate::catalogue::{Locale, Message};
use crate::context::LintContext;

mod json;
pub mod panic;
mod read;
#[cfg(feature = "repair")]
mod respond;
mod templates;
mod voice;
mod write;

pub use json::{js_of, json_of};

/// Runs when the module is instantiated: the core's JSON text goes through the browser's
/// `JSON.parse` ([`crate::text::json::parse`]).
#[wasm_bindgen(start)]
pub fn start() {
    crate::text::json::install_parser(|text| Some(json_of(&js_sys::JSON::parse(text).ok()?)));
}

/// Lints `draft` (a JS string; offsets in the result are UTF-16 code units of it) against
/// `context` (an object like `{customerName, agentName, hoursSinceCustomer, surface,
/// customerMessage, language, settings}`; `undefined` or `null` for none). Returns
/// `{language, findings}`.
#[wasm_bindgen]
pub fn lint(draft: &str, context: JsValue) -> Result<JsValue, JsError> {
    data_installed()?;
    let context = parse_context(&context).map_err(|why| invalid_context(&why))?;
    Ok(write::result(&crate::lint(draft, &context).map_err(|why| invalid_context(&why))?))
}

/// The error a lint throws for a context it cannot use, framed in the UI language; one
/// copy for the four places that throw it.
#[inline(never)]
fn invalid_context(why: &dyn std::fmt::Display) -> JsError {
    JsError::new(&Message::new("context.invalid").text("why", why.to_string()).to_string())
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.stringify`; throws on a BigInt or a cycle, gives `undefined` for a function.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `String(value)`: "TypeError: …" for an `Error`.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

/// Reads the context field by field ([`read`]), strictly: serde-wasm-bindgen would ignore
/// a misspelt field (RReverser/serde-wasm-bindgen#39). What is not an object is shown as
/// JSON in the error.
fn parse_context(context: &JsValue) -> Result<LintContext, String> {
    if context.is_undefined() || context.is_null() {
        return Ok(LintContext::default());
    }
    if context.is_object() && !js_sys::Array::is_array(context) {
        return read::context(context.clone());
    }
    let json = json_stringify(context)
        .map_err(|e| format!("cannot read it as JSON: {}", js_string(&e)))?
        .as_string()
        .unwrap_or_default();
    let shown = if json.is_empty() { "a function or symbol".to_string() } else { json };
    Err(format!("it must be an object such as {{customerName, hoursSinceCustomer}}, not {shown}"))
}

/// Like [`lint`], with the agent's settings as stored (`chrome.storage.sync`, key
/// `settings`) applied over `context`. Unusable stored values are skipped, as in the
/// content script, so a bad setting never stops the linting.
#[wasm_bindgen(js_name = lintWithSettings)]
pub fn lint_with_settings(draft: &str, context: JsValue, stored: JsValue) -> Result<JsValue, JsError> {
    data_installed()?;
    let page = parse_context(&context).map_err(|why| invalid_context(&why))?;
    let stored = json::json_of(&stored);
    let context = crate::context::StoredSettings::from_json(&stored).0.apply_to(page);
    let result = crate::lint(draft, &context).map_err(|why| invalid_context(&why))?;
    Ok(write::result(&result))
}

/// What is wrong with the settings as stored (`chrome.storage.sync`, key `settings`): one
/// line per value the content script skips (and uses the default for), and one when they
/// come from a newer version, in the UI language; `[]` when all of them apply. For the
/// options page, which says so rather than overwriting them unasked.
#[wasm_bindgen(js_name = checkSettings)]
pub fn check_settings(stored: JsValue) -> Vec<String> {
    crate::context::StoredSettings::from_json(&json::json_of(&stored)).1.iter().map(ToString::to_string).collect()
}

/// What the settings page edits (`StoredSettings::schema_json`): `{version, defaults,
/// limits, thresholds, languages, ruleIds}`, so the page declares none of it again.
#[wasm_bindgen(js_name = settingsSchema)]
pub fn settings_schema() -> JsValue {
    // JSON by construction, so the parse cannot fail.
    js_sys::JSON::parse(&crate::context::StoredSettings::schema_json()).unwrap_or(JsValue::NULL)
}

/// The CSS selector of the inbox's composers, from the page profile (for the reduced
/// mode, whose content script has no Wasm to read the profile with).
#[wasm_bindgen(js_name = composerSelector)]
pub fn composer_selector() -> String {
    crate::page_profile::shipped().reduced_mode_selector()
}

/// Checks a page profile file's text, all or nothing (the settings page's import, and
/// what it says of the stored override): `{errors, name, saved, taughtOn, parts}`, with
/// `errors` each naming its key (none when the file can be used) and `parts` the keys it
/// gives over the built-in profile.
#[wasm_bindgen(js_name = checkProfileFile)]
pub fn check_profile_file(text: &str) -> JsValue {
    let checked = crate::page_profile::file::ProfileFile::parse(text).and_then(|file| file.profile().map(|_| file));
    let value = match checked {
        Ok(file) => serde_json::json!({
            "errors": [],
            "name": file.name,
            "saved": file.saved,
            "taughtOn": file.taught_on,
            "parts": file.part_keys(),
        }),
        Err(errors) => {
            serde_json::json!({"errors": crate::catalogue::Fault::texts(&errors), "parts": []})
        }
    };
    js_of(&value)
}

/// The data files the extension ships beside the Wasm, as `data/<name>.txt`: the phrase
/// data (`lang/<name>`) and the message catalogues (`messages/<code>`), to hand over with
/// [`install_language_data`] before the first lint.
#[wasm_bindgen(js_name = languageDataFiles)]
pub fn language_data_files() -> Vec<String> {
    let phrases = crate::lang::data_file_names().map(|name| format!("lang/{name}"));
    let messages = Locale::ALL.into_iter().map(|locale| format!("messages/{}", locale.code()));
    phrases.chain(messages).collect()
}

/// Takes one data file's text (`name` as [`language_data_files`] gives it); throws naming
/// the file, and the line, when it cannot be read (a message catalogue is only checked in
/// debug builds: `catalogue::format::Catalogue::parse`).
#[wasm_bindgen(js_name = installLanguageData)]
pub fn install_language_data(name: &str, text: &str) -> Result<(), JsError> {
    let installed = match name.split_once('/') {
        Some(("lang", name)) => crate::lang::install(name, text),
        Some(("messages", code)) => crate::catalogue::install(code, text),
        _ => Err(format!("no data file named {name:?}")),
    };
    installed.map_err(|e| JsError::new(&e))
}

/// A lint without the language data would quietly miss most findings, and one without the
/// catalogues would show ids: refused instead.
pub(crate) fn data_installed() -> Result<(), JsError> {
    let phrases = crate::lang::missing_data().map(|name| format!("lang/{name}"));
    match phrases.or_else(|| crate::catalogue::missing().map(|code| format!("messages/{code}"))) {
        Some(name) => Err(JsError::new(&format!("the language data were not installed (data/{name}.txt)"))),
        None => Ok(()),
    }
}

/// The ids of every rule, in reporting order.
#[wasm_bindgen(js_name = ruleIds)]
pub fn rule_ids() -> Vec<String> {
    crate::rule_id::ALL.iter().map(|id| id.to_string()).collect()
}

/// The core's version, from Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
