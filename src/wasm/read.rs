//! Reads the [`LintContext`] JavaScript passes, field by field, as strictly as serde reads
//! its JSON: an unknown field, a value of the wrong type or an unknown variant is an
//! error that names the field (`settings.maxWrods: unknown field ...`), in serde's words.
//!
//! By hand rather than through serde: serde_json with serde_path_to_error (to name the
//! field) cost 11 KB of the gzipped Wasm (docs/SIZE.md); serde-wasm-bindgen alone cannot
//! reject a misspelt field (RReverser/serde-wasm-bindgen#39). The native side (the CLI)
//! still reads the same fields with serde from JSON text; `tests/wasm.rs` checks both
//! agree on the error cases.
//!
//! As in JSON: a field that is `undefined` (or a function or symbol) counts as absent, and
//! `NaN` or `±Infinity` as `null`.

use wasm_bindgen::prelude::*;

use crate::context::{LanguageChoice, LintContext, Settings, Surface};

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`: own enumerable string-keyed properties, in JSON.stringify's order.
    /// Caught: a getter or a proxy may throw.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(value: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// A JS value as JSON sees it.
enum Json {
    /// `undefined`, a function or a symbol: dropped from an object by JSON.
    Absent,
    Null,
    Bool(bool),
    /// A whole number, which JSON writes without a fraction and serde reads as an integer.
    Integer(f64),
    Float(f64),
    Text(String),
    List(js_sys::Array),
    Object(JsValue),
    /// A BigInt, which JSON cannot write.
    BigInt(JsValue),
}

impl Json {
    fn of(value: JsValue) -> Json {
        if value.is_undefined() || value.is_function() || value.is_symbol() {
            Json::Absent
        } else if value.is_null() {
            Json::Null
        } else if let Some(b) = value.as_bool() {
            Json::Bool(b)
        } else if let Some(n) = value.as_f64() {
            match n {
                n if !n.is_finite() => Json::Null,
                n if n.fract() == 0.0 && n.abs() < 2f64.powi(64) => Json::Integer(n),
                n => Json::Float(n),
            }
        } else if let Some(text) = value.as_string() {
            Json::Text(text)
        } else if value.is_bigint() {
            Json::BigInt(value)
        } else if js_sys::Array::is_array(&value) {
            Json::List(value.into())
        } else {
            Json::Object(value)
        }
    }

    /// serde's `Unexpected`: how an error names the value it got.
    fn unexpected(&self) -> String {
        match self {
            Json::Absent | Json::Null => "null".to_string(),
            Json::Bool(b) => format!("boolean `{b}`"),
            // Integers as Rust writes them; fractions as JavaScript does (`String(n)`),
            // which keeps float formatting out of the Wasm.
            Json::Integer(n) if *n < 0.0 => format!("integer `{}`", *n as i64),
            Json::Integer(n) => format!("integer `{}`", *n as u64),
            Json::Float(n) => format!("floating point `{}`", super::js_string(&JsValue::from_f64(*n))),
            Json::BigInt(n) => format!("bigint `{}`", super::js_string(n)),
            Json::Text(text) => format!("string {text:?}"),
            Json::List(_) => "sequence".to_string(),
            Json::Object(_) => "map".to_string(),
        }
    }
}

/// An error and the path to the field it is about ("settings.disabledRules[0]").
struct Error {
    path: Vec<String>,
    message: String,
}

impl Error {
    fn new(message: String) -> Error {
        Error { path: Vec::new(), message }
    }

    fn invalid_type(got: &Json, expected: &str) -> Error {
        Error::new(format!("invalid type: {}, expected {expected}", got.unexpected()))
    }

    /// The same error, one level further out: under `key`.
    fn under(mut self, key: String) -> Error {
        self.path.insert(0, key);
        self
    }

    fn into_message(self) -> String {
        let mut path = String::new();
        for key in self.path {
            if !path.is_empty() && !key.starts_with('[') {
                path.push('.');
            }
            path.push_str(&key);
        }
        match path.as_str() {
            "" => self.message,
            path => format!("{path}: {}", self.message),
        }
    }
}

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// Calls `field` with each present field of the object `value` (`what`: serde's name for
/// the struct), rejecting the names not in `known`.
fn fields(
    value: Json,
    what: &str,
    known: &[&str],
    mut field: impl FnMut(&str, Json) -> Result<(), Error>,
) -> Result<(), Error> {
    let Json::Object(object) = value else { return Err(Error::invalid_type(&value, what)) };
    let entries =
        object_entries(&object).map_err(|e| Error::new(format!("cannot read it: {}", super::js_string(&e))))?;
    for entry in entries.iter() {
        let entry = js_sys::Array::from(&entry);
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = Json::of(entry.get(1));
        if matches!(value, Json::Absent) {
            continue;
        }
        if !known.contains(&key.as_str()) {
            return Err(Error::new(format!("unknown field `{key}`, expected {}", one_of(known))).under(key));
        }
        field(&key, value).map_err(|e| e.under(key))?;
    }
    Ok(())
}

fn optional<T>(value: Json, read: fn(Json) -> Result<T, Error>) -> Result<Option<T>, Error> {
    match value {
        Json::Null => Ok(None),
        value => read(value).map(Some),
    }
}

fn string(value: Json) -> Result<String, Error> {
    match value {
        Json::Text(text) => Ok(text),
        value => Err(Error::invalid_type(&value, "a string")),
    }
}

fn number(value: Json) -> Result<f64, Error> {
    match value {
        Json::Integer(n) | Json::Float(n) => Ok(n),
        value => Err(Error::invalid_type(&value, "f64")),
    }
}

fn count(value: Json) -> Result<usize, Error> {
    match value {
        Json::Integer(n) if n >= 0.0 && n <= usize::MAX as f64 => Ok(n as usize),
        Json::Integer(_) => Err(Error::new(format!("invalid value: {}, expected usize", value.unexpected()))),
        value => Err(Error::invalid_type(&value, "usize")),
    }
}

fn strings(value: Json) -> Result<Vec<String>, Error> {
    let Json::List(list) = value else { return Err(Error::invalid_type(&value, "a sequence")) };
    let items = list.iter().map(|item| match Json::of(item) {
        // JSON writes a hole, `undefined` or a function in a list as null.
        Json::Absent => Json::Null,
        item => item,
    });
    items.enumerate().map(|(i, item)| string(item).map_err(|e| e.under(format!("[{i}]")))).collect()
}

/// A unit variant of `enum_name`, by its name in `variants` (`(name, value)` pairs).
fn variant<T: Copy>(value: Json, enum_name: &str, variants: &[(&str, T)]) -> Result<T, Error> {
    let Json::Text(name) = value else { return Err(Error::invalid_type(&value, &format!("enum {enum_name}"))) };
    let found = variants.iter().find(|(known, _)| *known == name);
    found.map(|&(_, choice)| choice).ok_or_else(|| {
        let names: Vec<&str> = variants.iter().map(|&(known, _)| known).collect();
        Error::new(format!("unknown variant `{name}`, expected {}", one_of(&names)))
    })
}

fn settings(value: Json) -> Result<Settings, Error> {
    let mut settings = Settings::default();
    // In the struct's order, as serde lists them in its "expected one of" message.
    let known = [
        "previewBudget",
        "maxWords",
        "maxSentenceWords",
        "windowHours",
        "adWindowHours",
        "humanAgentHours",
        "disabledRules",
    ];
    fields(value, "struct Settings", &known, |key, value| {
        match key {
            "previewBudget" => settings.preview_budget = count(value)?,
            "maxWords" => settings.max_words = count(value)?,
            "maxSentenceWords" => settings.max_sentence_words = count(value)?,
            "windowHours" => settings.window_hours = number(value)?,
            "adWindowHours" => settings.ad_window_hours = number(value)?,
            "humanAgentHours" => settings.human_agent_hours = number(value)?,
            _ => settings.disabled_rules = strings(value)?,
        }
        Ok(())
    })?;
    Ok(settings)
}

/// Reads the context from a JS object (`value` is neither `undefined` nor `null`).
pub fn context(value: JsValue) -> Result<LintContext, String> {
    let mut context = LintContext::default();
    // In the struct's order, as serde lists them in its "expected one of" message.
    let known = [
        "customerName",
        "agentName",
        "hoursSinceCustomer",
        "hoursSinceAdReply",
        "surface",
        "customerMessage",
        "language",
        "settings",
    ];
    let read = fields(Json::of(value), "struct LintContext", &known, |key, value| {
        match key {
            "customerName" => context.customer_name = optional(value, string)?,
            "agentName" => context.agent_name = optional(value, string)?,
            "hoursSinceCustomer" => context.hours_since_customer = optional(value, number)?,
            "hoursSinceAdReply" => context.hours_since_ad_reply = optional(value, number)?,
            "surface" => {
                let surfaces = Surface::ALL.map(|surface| (surface.code(), surface));
                context.surface = variant(value, "Surface", &surfaces)?
            }
            "customerMessage" => context.customer_message = optional(value, string)?,
            "language" => {
                let choices = LanguageChoice::ALL.map(|choice| (choice.code(), choice));
                context.language = variant(value, "LanguageChoice", &choices)?
            }
            _ => context.settings = settings(value)?,
        }
        Ok(())
    });
    read.map(|()| context).map_err(Error::into_message)
}
