//! The lint result as plain JS objects, built with `Reflect::set`: serde-wasm-bindgen's
//! serializer cost about 2 KB of the gzipped Wasm for these four shapes.
//!
//! The shape is what `#[derive(Serialize)]` gives natively (the CLI's `--format json`):
//! `{language, findings: [{rule, severity, start, end, message, explanation,
//! fixes: [{label, edits: [{start, end, text}]}]}]}`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::finding::{Edit, Finding, Fix};
use crate::LintResult;

pub fn result(result: &LintResult) -> JsValue {
    object(&[("language", result.language.code().into()), ("findings", array(&result.findings, finding))])
}

fn finding(finding: &Finding) -> JsValue {
    object(&[
        ("rule", finding.rule.into()),
        ("severity", finding.severity.name().into()),
        ("start", offset(finding.start)),
        ("end", offset(finding.end)),
        ("message", finding.message.as_str().into()),
        ("explanation", finding.explanation.into()),
        ("fixes", array(&finding.fixes, fix)),
    ])
}

fn fix(fix: &Fix) -> JsValue {
    object(&[("label", fix.label.as_str().into()), ("edits", array(&fix.edits, edit))])
}

fn edit(edit: &Edit) -> JsValue {
    object(&[("start", offset(edit.start)), ("end", offset(edit.end)), ("text", edit.text.as_str().into())])
}

/// A UTF-16 offset: a JS number (exact, as offsets are far below 2^53).
fn offset(units: usize) -> JsValue {
    JsValue::from_f64(units as f64)
}

fn array<T>(items: &[T], to_js: fn(&T) -> JsValue) -> JsValue {
    items.iter().map(to_js).collect::<Array>().into()
}

pub(super) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        // Setting a new property on a fresh plain object cannot throw.
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}
