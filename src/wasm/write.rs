//! The lint result as a plain JS object: written as JSON text here, and parsed by the
//! engine in one call. Setting each field across the boundary (`Reflect::set`, a JS
//! string decoded per key and value) took a fifth of a short draft's lint in Chromium,
//! and serde's derived serializer would cost a kilobyte of the gzipped Wasm.
//!
//! The shape is what `#[derive(Serialize)]` gives natively (the CLI's `--format json`):
//! `{language, findings: [{rule, severity, start, end, message, explanation,
//! fixes: [{label, edits: [{start, end, text}]}]}]}`, the texts rendered in the UI
//! language (`crate::catalogue`).

use std::fmt::Write;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::finding::{Edit, Finding, Fix};
use crate::text::json::push_quoted;
use crate::LintResult;

pub fn result(result: &LintResult) -> JsValue {
    let mut json = String::with_capacity(512 + 512 * result.findings.len());
    json.push_str("{\"language\":");
    push_quoted(&mut json, result.language.code());
    json.push_str(",\"findings\":");
    array(&mut json, &result.findings, finding);
    json.push('}');
    // The text is JSON by construction, so the parse cannot fail.
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

fn finding(json: &mut String, finding: &Finding) {
    json.push_str("{\"rule\":");
    push_quoted(json, finding.rule);
    json.push_str(",\"severity\":");
    push_quoted(json, finding.severity.name());
    let _ = write!(json, ",\"start\":{},\"end\":{},\"message\":", finding.start, finding.end);
    push_quoted(json, &finding.message.to_string());
    json.push_str(",\"explanation\":");
    push_quoted(json, &finding.explanation.to_string());
    json.push_str(",\"fixes\":");
    array(json, &finding.fixes, fix);
    json.push('}');
}

fn fix(json: &mut String, fix: &Fix) {
    json.push_str("{\"label\":");
    push_quoted(json, &fix.label.to_string());
    json.push_str(",\"edits\":");
    array(json, &fix.edits, edit);
    json.push('}');
}

fn edit(json: &mut String, edit: &Edit) {
    let _ = write!(json, "{{\"start\":{},\"end\":{},\"text\":", edit.start, edit.end);
    push_quoted(json, &edit.text);
    json.push('}');
}

fn array<T>(json: &mut String, items: &[T], write_item: fn(&mut String, &T)) {
    json.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            json.push(',');
        }
        write_item(json, item);
    }
    json.push(']');
}

pub(super) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        // Setting a new property on a fresh plain object cannot throw.
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}
