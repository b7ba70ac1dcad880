//! JSON text written by hand: strings quoted for JSON, and values shown compactly in
//! error messages ("got {\"limit\": -1}"). serde_json's serializer, which `Value`'s
//! `Display` brings in twice (compact and pretty), cost about 2 KB of the gzipped Wasm
//! for a few messages; the lint export writes its result with the same quoting
//! (`wasm::write`). And JSON text read ([`parse`]) by whichever parser the build has;
//! and what the readers of stored documents (a voice profile, a page profile) say of a
//! value they cannot use ([`got`], [`object`]).

use std::fmt;

use serde_json::{Map, Value};

use crate::catalogue::{Fault, Message};

/// Appends `text` to `out` as a JSON string: quotes, backslashes and control characters
/// escaped as serde_json escapes them, the rest (any Unicode) copied in runs, as JSON allows. The escaped bytes are
/// ASCII, so each one is a character boundary to cut at.
pub fn push_quoted(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut copied = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if byte == b'"' || byte == b'\\' || byte < b' ' {
            out.push_str(&text[copied..at]);
            out.push('\\');
            match byte {
                b'"' | b'\\' => out.push(byte as char),
                b'\n' => out.push('n'),
                b'\r' => out.push('r'),
                b'\t' => out.push('t'),
                0x08 => out.push('b'),
                0x0c => out.push('f'),
                _ => {
                    out.push_str("u00");
                    out.push(HEX[usize::from(byte >> 4)] as char);
                    out.push(HEX[usize::from(byte & 15)] as char);
                }
            }
            copied = at + 1;
        }
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// Parses JSON text; `None` when it is not JSON. Natively with serde_json; in the Wasm with
/// the parser the edge installs at start ([`install_parser`]: the browser's `JSON.parse`),
/// which keeps serde_json's parser out of the download. The core names no edge: the edge
/// hands it the function.
pub fn parse(text: &str) -> Option<Value> {
    #[cfg(not(target_arch = "wasm32"))]
    return serde_json::from_str(text).ok();
    #[cfg(target_arch = "wasm32")]
    return PARSER.get().and_then(|parse| parse(text));
}

#[cfg(target_arch = "wasm32")]
static PARSER: std::sync::OnceLock<fn(&str) -> Option<Value>> = std::sync::OnceLock::new();

/// Gives [`parse`] its parser in the Wasm (the first one given stays).
#[cfg(target_arch = "wasm32")]
pub fn install_parser(parser: fn(&str) -> Option<Value>) {
    let _ = PARSER.set(parser);
}

/// Message `id` about the value found, shown as `{got}`.
pub fn got(id: &'static str, value: &Value) -> Message {
    Message::new(id).text("got", shown(value).to_string())
}

/// `value` as an object with no keys but `known`; else the fault of the field at `path`
/// (empty for the document), naming the key it does not know.
pub fn object<'v>(value: &'v Value, path: &str, known: &[&str]) -> Result<&'v Map<String, Value>, Fault> {
    let fault = |message| Err(Fault::at(path, message));
    let Some(object) = value.as_object() else { return fault(got("voice.not-an-object", value)) };
    if let Some(unknown) = object.keys().find(|key| !known.contains(&key.as_str())) {
        return fault(Message::new("voice.unknown-field").text("name", unknown).text("known", known.join(", ")));
    }
    Ok(object)
}

/// `value` as compact JSON for a message; fractions to two decimals ([`super::number`]).
pub fn shown(value: &Value) -> Shown<'_> {
    Shown(value)
}

/// See [`shown`].
pub struct Shown<'a>(&'a Value);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        push_value(&mut out, self.0);
        f.write_str(&out)
    }
}

fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => match (number.as_i64(), number.as_u64()) {
            (Some(whole), _) => out.push_str(&whole.to_string()),
            (None, Some(whole)) => out.push_str(&whole.to_string()),
            _ => out.push_str(&super::number::shown(number.as_f64().unwrap_or(f64::NAN))),
        },
        Value::String(text) => push_quoted(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                push_value(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (index, (key, item)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                push_quoted(out, key);
                out.push(':');
                push_value(out, item);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_serde_writes_them() {
        for value in [
            json!(null),
            json!(true),
            json!(-3),
            json!(18446744073709551615u64),
            json!("many \"quoted\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f} ă 👍"),
            json!([1, "a", [], {}]),
            json!({"limit": -1, "words": ["x", {"y": false}]}),
        ] {
            assert_eq!(shown(&value).to_string(), value.to_string(), "{value}");
        }
        assert_eq!(shown(&json!(1.5)).to_string(), "1.5");
        assert_eq!(shown(&json!(0.1234)).to_string(), "0.12", "two decimals, as every number in a message");
    }
}
