//! What the options page's voice profile editor asks of the core: a built-in profile's text
//! to start from, the size limit an imported file is checked against before it is read, and
//! the check of a document as `reply-coach voice check` makes it (validation, then the
//! examples), so the page stores only what the content script will accept.
//!
//! The document comes as the JS object `JSON.parse` gave, read by [`super::json_of`]:
//! serde_json's text parser stays out of the Wasm, and JSON syntax errors are the page's.

use std::sync::Arc;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use super::write::object;
use crate::voice::{Voice, VoiceError, BUILT_IN, MAX_BYTES};
use crate::voice_examples::{run_examples_with, ExampleOutcome};

/// The largest profile, in bytes: an imported file over it is refused unread (`File.size`).
#[wasm_bindgen(js_name = maxVoiceBytes)]
pub fn max_voice_bytes() -> usize {
    MAX_BYTES
}

/// The JSON text of the built-in profile `name` (`formal`, `friendly`, `neutral`), to start
/// a team's own from; `undefined` for another name.
#[wasm_bindgen(js_name = builtInVoice)]
pub fn built_in_voice(name: &str) -> Option<String> {
    BUILT_IN.iter().find(|(known, _)| *known == name).map(|(_, text)| text.to_string())
}

/// Checks the profile `document`: `{problems, examples}`.
///
/// `problems` is `[]` for a valid profile, else the first problem the core finds, as
/// `[{field, message}]`: the field at fault (`avoid[2].phrase`; `null` for the document as
/// a whole) and the message in the UI language, which names it too. `examples` (for a
/// valid profile only) holds each self-test's outcome in order: `{draft, expected, found,
/// passed, error}`, each list of rule ids without repeats, `error` (or `null`) why the
/// example could not run.
#[wasm_bindgen(js_name = checkVoice)]
pub fn check_voice(document: JsValue) -> JsValue {
    let (problems, examples) = match Voice::from_json(&super::json_of(&document)) {
        Ok(voice) => {
            let voice = Arc::new(voice);
            // An example's context is read as `lint` reads one, from the JS object.
            let outcomes = run_examples_with(&voice, |context| super::read::context(super::json::js_of(context)));
            let examples = outcomes.iter().map(|outcome| example(&voice, outcome)).collect::<Array>();
            (Array::new(), examples)
        }
        Err(error) => (std::iter::once(problem(&error)).collect(), Array::new()),
    };
    object(&[("problems", problems.into()), ("examples", examples.into())])
}

fn problem(error: &VoiceError) -> JsValue {
    let field = error.field().map_or(JsValue::NULL, JsValue::from_str);
    object(&[("field", field), ("message", error.to_string().into())])
}

fn example(voice: &Voice, outcome: &ExampleOutcome) -> JsValue {
    let draft = voice.examples.get(outcome.index).map_or("", |example| example.draft.as_str());
    let ids = |ids: &[String]| ids.iter().map(|id| JsValue::from_str(id)).collect::<Array>().into();
    object(&[
        ("draft", draft.into()),
        ("expected", ids(&outcome.expected)),
        ("found", ids(&outcome.found)),
        ("passed", outcome.passed().into()),
        ("error", outcome.error.as_deref().map_or(JsValue::NULL, JsValue::from_str)),
    ])
}
