//! What the options page asks of the template core: the import size limit, and the check of
//! a whole library (all or nothing, as import and every edit need it) with, for the live
//! lint of a body being edited, one template rendered with sample values.
//!
//! The library comes as the JS object `JSON.parse` gave (or storage holds), read by
//! [`super::json_of`]: serde_json's text parser stays out of the Wasm. One export does both
//! checks: each export's glue costs the Wasm budget.

use wasm_bindgen::prelude::*;

use super::write::object;
use crate::context::LintContext;
use crate::template::{check::sample, ImportError, Library, Rendered, MAX_DOCUMENT_BYTES};

/// The largest library file import reads, in bytes: a bigger file is refused before it is
/// read (`File.size`), so a huge one never fills the page's memory.
#[wasm_bindgen(js_name = maxLibraryBytes)]
pub fn max_library_bytes() -> usize {
    MAX_DOCUMENT_BYTES
}

/// Checks the library `document` (a library object): `{problems, sample}`.
///
/// `problems` lists every problem in document order (`[]` when it is valid), each as
/// `{template, field, message, text}`: the template's index (`null` for the document
/// itself), the field (or `null`), the problem, and the whole line naming the template and
/// the field (`templates[3] ("late.ro").shortcut: …`).
///
/// `sample`, when the library is valid and `sample_index` names one of its templates: that
/// template rendered with the sample values of its language and the lint context its tags
/// imply, `{text, context}`, for [`lint`](super::lint)`(text, {...context, language})` with
/// the template's language, which judges it as `reply-coach templates check` does (linting
/// here as well would put a second copy of the lint result's handling in the Wasm).
#[wasm_bindgen(js_name = checkLibrary)]
pub fn check_library(document: JsValue, sample_index: Option<usize>) -> JsValue {
    let (problems, sampled) = match Library::from_value(&super::json_of(&document)) {
        Ok(library) => {
            let template = sample_index.and_then(|index| library.templates.get(index));
            (js_sys::Array::new(), template.and_then(|template| sample(template).ok()))
        }
        Err(errors) => (errors.0.iter().map(problem).collect(), None),
    };
    object(&[("problems", problems.into()), ("sample", sampled.map_or(JsValue::UNDEFINED, sample_object))])
}

fn problem(error: &ImportError) -> JsValue {
    let index = error.template.as_ref().map_or(JsValue::NULL, |t| JsValue::from_f64(t.index as f64));
    let field = error.field.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    object(&[
        ("template", index),
        ("field", field),
        ("message", error.message.to_string().into()),
        ("text", error.to_string().into()),
    ])
}

/// `{text, context}`, the context as [`lint`](super::lint) reads it, less the language (the
/// caller has it: the template's).
fn sample_object((rendered, context): (Rendered, LintContext)) -> JsValue {
    // The sample context always has both names and the hours.
    let name = |text: Option<String>| JsValue::from_str(&text.unwrap_or_default());
    let hours = JsValue::from_f64(context.hours_since_customer.unwrap_or_default());
    let context = object(&[
        ("customerName", name(context.customer_name)),
        ("agentName", name(context.agent_name)),
        ("hoursSinceCustomer", hours),
        ("surface", context.surface.code().into()),
    ]);
    object(&[("text", rendered.text.into()), ("context", context)])
}
