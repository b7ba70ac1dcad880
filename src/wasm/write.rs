//! The lint result as a plain JS object: written as JSON text here, and parsed by the
//! engine in one call. Setting each field across the boundary (`Reflect::set`, a JS
//! string decoded per key and value) took a fifth of a short draft's lint in Chromium,
//! and serde's derived serializer would cost a kilobyte of the gzipped Wasm.
//!
//! The shape is what `#[derive(Serialize)]` gives natively (the CLI's `--format json`):
//! `{language, findings: [{rule, severity, start, end, message, explanation,
//! fixes: [{label, edits: [{start, end, text}]}]}]}`.

use std::fmt::Write;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::finding::{Edit, Finding, Fix};
use crate::LintResult;

pub fn result(result: &LintResult) -> JsValue {
    let mut json = String::with_capacity(512 + 512 * result.findings.len());
    json.push_str("{\"language\":");
    string(&mut json, result.language.code());
    json.push_str(",\"findings\":");
    array(&mut json, &result.findings, finding);
    json.push('}');
    // The text is JSON by construction, so the parse cannot fail.
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

fn finding(json: &mut String, finding: &Finding) {
    json.push_str("{\"rule\":");
    string(json, finding.rule);
    json.push_str(",\"severity\":");
    string(json, finding.severity.name());
    let _ = write!(json, ",\"start\":{},\"end\":{},\"message\":", finding.start, finding.end);
    string(json, &finding.message);
    json.push_str(",\"explanation\":");
    string(json, finding.explanation);
    json.push_str(",\"fixes\":");
    array(json, &finding.fixes, fix);
    json.push('}');
}

fn fix(json: &mut String, fix: &Fix) {
    json.push_str("{\"label\":");
    string(json, &fix.label);
    json.push_str(",\"edits\":");
    array(json, &fix.edits, edit);
    json.push('}');
}

fn edit(json: &mut String, edit: &Edit) {
    let _ = write!(json, "{{\"start\":{},\"end\":{},\"text\":", edit.start, edit.end);
    string(json, &edit.text);
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

/// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
/// (any Unicode) copied in runs, as JSON allows. The escaped bytes are ASCII, so each one
/// is a character boundary to cut at.
fn string(json: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    json.push('"');
    let mut copied = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if byte == b'"' || byte == b'\\' || byte < b' ' {
            json.push_str(&text[copied..at]);
            json.push('\\');
            match byte {
                b'"' | b'\\' => json.push(byte as char),
                _ => {
                    json.push_str("u00");
                    json.push(HEX[usize::from(byte >> 4)] as char);
                    json.push(HEX[usize::from(byte & 15)] as char);
                }
            }
            copied = at + 1;
        }
    }
    json.push_str(&text[copied..]);
    json.push('"');
}

pub(super) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        // Setting a new property on a fresh plain object cannot throw.
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}
