//! What the options page asks of the template core: the import size limit, the check of a
//! whole library (all or nothing, as import and every edit need it) and the live lint of
//! a body being edited.
//!
//! The library comes as the JS object `JSON.parse` gave (or storage holds), read by
//! [`super::json_of`]: serde_json's text parser stays out of the Wasm.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::lang::Language;
use crate::template::{check::check, ImportError, Library, Template, MAX_DOCUMENT_BYTES};

/// The largest library file import reads, in bytes: a bigger file is refused before it is
/// read (`File.size`), so a huge one never fills the page's memory.
#[wasm_bindgen(js_name = maxLibraryBytes)]
pub fn max_library_bytes() -> usize {
    MAX_DOCUMENT_BYTES
}

/// Every problem of the library `document` (a library object), in document order: `[]`
/// when it is valid. Each is `{template, field, message, text}`: the template's index
/// (`null` for the document itself), the field (or `null`), the problem, and the whole line
/// naming the template and the field (`templates[3] ("late.ro").shortcut: …`).
#[wasm_bindgen(js_name = checkLibrary)]
pub fn check_library(document: JsValue) -> Array {
    let Err(errors) = Library::from_value(&super::json_of(&document)) else { return Array::new() };
    errors.0.iter().map(problem).collect()
}

fn problem(error: &ImportError) -> JsValue {
    let object = Object::new();
    let index = error.template.as_ref().map_or(JsValue::NULL, |t| JsValue::from_f64(t.index as f64));
    let field = error.field.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let fields = [
        ("template", index),
        ("field", field),
        ("message", error.message.as_str().into()),
        ("text", error.to_string().into()),
    ];
    for (name, value) in fields {
        // Setting a new property on a fresh plain object cannot throw.
        let _ = Reflect::set(&object, &JsValue::from_str(name), &value);
    }
    object.into()
}

/// The body of a template in `language` (`en`, `ro`, `hy`, `hi`) with `tags` (separated by
/// commas, as the editor's field has them), rendered with that language's sample values and
/// linted in the context its tags imply, as `reply-coach templates check` does:
/// `{text, language, findings}` (offsets in UTF-16 code units of `text`). Throws when the
/// body does not parse, with the position and the problem.
#[wasm_bindgen(js_name = lintTemplate)]
pub fn lint_template(body: String, language: &str, tags: &str) -> Result<JsValue, JsError> {
    let language =
        Language::from_code(language).ok_or_else(|| JsError::new(&format!("unknown language {language:?}")))?;
    // Text rather than a list: wasm-bindgen's glue for a `Vec<String>` costs more of the Wasm.
    let tags = tags.split(',').map(str::trim).filter(|tag| !tag.is_empty()).map(str::to_string).collect();
    let template = Template { id: String::new(), title: String::new(), language, tags, shortcut: None, body };
    let checked = check(&template).map_err(|message| JsError::new(&message))?;
    let result = super::write::result(&checked.result);
    let _ = Reflect::set(&result, &JsValue::from_str("text"), &JsValue::from_str(&checked.rendered.text));
    Ok(result)
}
