//! Turns the fuzzer's bytes into Reply Coach's inputs, and the checks every target shares.
//!
//! An input is `text` `0xFF` `parameters`: the text (a draft, a timestamp, a template body)
//! comes first, read as UTF-8 with invalid bytes replaced, and the bytes after the first
//! 0xFF (which UTF-8 never contains) choose the rest through [`arbitrary`]. So a corpus
//! seed is a plain text file, run with default parameters, and the fuzzer mutates both.

use std::sync::Arc;

use arbitrary::{Arbitrary, Result, Unstructured};
use reply_coach::{LanguageChoice, LintContext, Settings, Surface, Voice};
use serde_json::{json, Value};

/// The byte that ends the text part of an input.
pub const SEPARATOR: u8 = 0xFF;

/// Splits an input into its text and the parameters' bytes.
pub fn split(data: &[u8]) -> (String, Unstructured<'_>) {
    let (text, parameters) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    (String::from_utf8_lossy(text).into_owned(), Unstructured::new(parameters))
}

/// One of `items` (not empty), chosen by a byte (the first when the bytes have run out).
pub fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> Result<&'a T> {
    Ok(&items[usize::from(u8::arbitrary(u)?) % items.len()])
}

/// Any finite or non-finite number, mostly in the range the field means.
fn hours(u: &mut Unstructured) -> Result<f64> {
    Ok(match u8::arbitrary(u)? % 4 {
        0 => f64::arbitrary(u)?,
        _ => f64::from(u16::arbitrary(u)?) / 8.0,
    })
}

/// A limit from one byte: 0 (all a seed without parameters gives) is the default, so a
/// plain seed is linted with the default settings; 255 is the invalid 0.
fn limit(u: &mut Unstructured, default: usize) -> Result<usize> {
    Ok(match u8::arbitrary(u)? {
        0 => default,
        255 => 0,
        n => usize::from(n),
    })
}

/// A lint context of any shape: names, hours (since the customer and the ad reply), surface, customer message, language,
/// settings (limits, window, disabled rules) and, sometimes, a voice profile. Contexts
/// that do not validate are part of it: `lint` must refuse them with an error.
pub fn lint_context(u: &mut Unstructured) -> Result<LintContext> {
    let rule_ids: Vec<&'static str> = reply_coach::rule_id::ALL.to_vec();
    let mut disabled_rules = Vec::new();
    for _ in 0..u8::arbitrary(u)? % 4 {
        disabled_rules.push(pick(u, &rule_ids)?.to_string());
    }
    let defaults = Settings::default();
    let settings = Settings {
        preview_budget: limit(u, defaults.preview_budget)?,
        max_words: limit(u, defaults.max_words)?,
        max_sentence_words: limit(u, defaults.max_sentence_words)?,
        window_hours: if bool::arbitrary(u)? { hours(u)? } else { defaults.window_hours },
        ad_window_hours: if bool::arbitrary(u)? { hours(u)? } else { defaults.ad_window_hours },
        human_agent_hours: if bool::arbitrary(u)? { hours(u)? } else { defaults.human_agent_hours },
        disabled_rules,
    };
    Ok(LintContext {
        customer_name: Option::arbitrary(u)?,
        agent_name: Option::arbitrary(u)?,
        hours_since_customer: if bool::arbitrary(u)? { Some(hours(u)?) } else { None },
        hours_since_ad_reply: if bool::arbitrary(u)? { Some(hours(u)?) } else { None },
        surface: *pick(u, &[Surface::Message, Surface::Comment])?,
        customer_message: Option::arbitrary(u)?,
        language: *pick(u, &LanguageChoice::ALL)?,
        settings,
        voice: voice(u)?,
    })
}

/// No profile, a built-in one, or one made of random phrases, sign-off and limits (left
/// out when it does not validate: import is fuzzed on its own).
fn voice(u: &mut Unstructured) -> Result<Option<Arc<Voice>>> {
    Ok(match u8::arbitrary(u)? % 4 {
        0 => None,
        1 => Voice::built_in(pick(u, &["formal", "friendly", "neutral"])?),
        _ => Voice::from_json(&voice_document(u)?).ok().map(Arc::new),
    })
}

fn language_code(u: &mut Unstructured) -> Result<&'static str> {
    pick(u, &["en", "ro", "hy", "hi"]).copied()
}

/// A voice profile document (docs/VOICE.md) with arbitrary phrases and values.
pub fn voice_document(u: &mut Unstructured) -> Result<Value> {
    let mut avoid = Vec::new();
    for _ in 0..u8::arbitrary(u)? % 4 {
        let replacements: Vec<String> = Vec::arbitrary(u)?;
        avoid.push(
            json!({"phrase": String::arbitrary(u)?, "replacements": replacements, "language": language_code(u)?}),
        );
    }
    let mut prefer = Vec::new();
    for _ in 0..u8::arbitrary(u)? % 4 {
        prefer.push(
            json!({"phrase": String::arbitrary(u)?, "use": String::arbitrary(u)?, "language": language_code(u)?}),
        );
    }
    let mut document = json!({
        "version": 1,
        "register": { (language_code(u)?): pick(u, &["formal", "informal"])? },
        "avoid": avoid,
        "prefer": prefer,
        "limits": {
            "preview_budget": 1 + u32::from(u8::arbitrary(u)?),
            "max_words": 1 + u32::from(u8::arbitrary(u)?),
            "max_sentence_words": 1 + u32::from(u8::arbitrary(u)?),
            "max_exclamations": u8::arbitrary(u)? % 4,
        },
        "emoji": if bool::arbitrary(u)? { json!("not-allowed") } else { json!({"limit": u8::arbitrary(u)? % 4}) },
    });
    if bool::arbitrary(u)? {
        document["sign_off"] = json!(format!("{} {{agent_name}} {}", String::arbitrary(u)?, String::arbitrary(u)?));
        document["page_name"] = json!(String::arbitrary(u)?);
    }
    Ok(document)
}

/// Whether `offset` (UTF-16 units) lies within `units` and not inside a surrogate pair.
pub fn on_character_boundary(units: &[u16], offset: usize) -> bool {
    match units.get(offset) {
        Some(unit) => !(0xDC00..0xE000).contains(unit),
        None => offset == units.len(),
    }
}

/// Asserts that `start..end` is an ordered span of `units` on character boundaries.
pub fn assert_span(units: &[u16], start: usize, end: usize, what: &dyn std::fmt::Debug) {
    assert!(start <= end && end <= units.len(), "span {start}..{end} outside 0..{}: {what:?}", units.len());
    assert!(
        on_character_boundary(units, start) && on_character_boundary(units, end),
        "span {start}..{end} splits a surrogate pair: {what:?}"
    );
}

/// A JSON value for the import targets: the input parsed as JSON when it is, otherwise a
/// value made from its bytes, so both the readers' paths and their refusals are reached.
pub fn json_value(data: &[u8]) -> Result<Value> {
    if let Ok(value) = serde_json::from_slice(data) {
        return Ok(value);
    }
    arbitrary_json(&mut Unstructured::new(data), 0)
}

fn arbitrary_json(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let leaf = depth >= 4;
    Ok(match u8::arbitrary(u)? % if leaf { 4 } else { 6 } {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => json!(f64::arbitrary(u)?),
        3 => Value::String(String::arbitrary(u)?),
        4 => {
            let mut array = Vec::new();
            for _ in 0..u8::arbitrary(u)? % 8 {
                array.push(arbitrary_json(u, depth + 1)?);
            }
            Value::Array(array)
        }
        _ => {
            let mut object = serde_json::Map::new();
            for _ in 0..u8::arbitrary(u)? % 8 {
                object.insert(String::arbitrary(u)?, arbitrary_json(u, depth + 1)?);
            }
            Value::Object(object)
        }
    })
}
