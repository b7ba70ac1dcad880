//! The core exported to JavaScript with wasm-bindgen: plain objects in, plain objects out.
//!
//! Nothing here may panic: a panic traps the Wasm instance and ends the extension for
//! the tab. Bad input becomes a thrown `Error` with a message that names the field.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::context::LintContext;

/// Lints `draft` (a JS string; offsets in the result are UTF-16 code units of it) against
/// `context` (an object like `{customerName, agentName, hoursSinceCustomer, surface,
/// customerMessage, language, settings}`; `undefined` or `null` for none). Returns
/// `{language, findings}`.
#[wasm_bindgen]
pub fn lint(draft: &str, context: JsValue) -> Result<JsValue, JsError> {
    let context: LintContext = if context.is_undefined() || context.is_null() {
        LintContext::default()
    } else {
        serde_wasm_bindgen::from_value(context).map_err(|e| JsError::new(&format!("invalid lint context: {e}")))?
    };
    let result = crate::lint(draft, &context).map_err(|e| JsError::new(&format!("invalid lint context: {e}")))?;
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

/// The ids of every rule, in reporting order.
#[wasm_bindgen(js_name = ruleIds)]
pub fn rule_ids() -> Vec<String> {
    crate::rules::ids().map(str::to_string).collect()
}

/// The core's version, from Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
