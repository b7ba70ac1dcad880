//! JS values as `serde_json::Value`, walked by hand: the stored settings, the template
//! library and the page profile are read from a `Value` (as natively), and this walk costs
//! far less of the Wasm than serde-wasm-bindgen's deserializer and the error formatting it
//! brings along (docs/SIZE.md). [`js_of`] is the way back, for what the core reads from JS
//! objects itself.

use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// How deep the walk goes: storage holds plain data a few levels deep, and a limit keeps a
/// strange value from exhausting the stack.
const MAX_DEPTH: usize = 32;

/// `value` as JSON data: booleans, numbers (whole ones as integers), strings, arrays and
/// plain objects; anything else (`undefined`, functions, deeper than [`MAX_DEPTH`]) is null.
pub fn json_of(value: &JsValue) -> Value {
    walk(value, 0)
}

fn walk(value: &JsValue, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(flag) = value.as_bool() {
        return Value::Bool(flag);
    }
    if let Some(number) = value.as_f64() {
        return number_of(number).map_or(Value::Null, Value::Number);
    }
    if let Some(text) = value.as_string() {
        return Value::String(text);
    }
    if Array::is_array(value) {
        return Value::Array(Array::from(value).iter().map(|item| walk(&item, depth + 1)).collect());
    }
    if value.is_object() && !value.is_function() {
        let mut map = Map::new();
        for entry in Object::entries(value.unchecked_ref()).iter() {
            let entry = Array::from(&entry);
            if let Some(key) = entry.get(0).as_string() {
                map.insert(key, walk(&entry.get(1), depth + 1));
            }
        }
        return Value::Object(map);
    }
    Value::Null
}

/// The way back: `value` as the JS value `JSON.parse` gives for its JSON (a voice profile
/// example's context, read again as `lint` reads one).
pub fn js_of(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(flag) => JsValue::from_bool(*flag),
        Value::Number(number) => number.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(text) => JsValue::from_str(text),
        Value::Array(items) => items.iter().map(js_of).collect::<Array>().into(),
        Value::Object(map) => {
            let object = Object::new();
            for (key, item) in map {
                // Setting a new property on a fresh plain object cannot throw.
                let _ = Reflect::set(&object, &JsValue::from_str(key), &js_of(item));
            }
            object.into()
        }
    }
}

/// A whole number as an integer (so `as_u64` reads a count), any other finite one as a float.
fn number_of(number: f64) -> Option<Number> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: past it, not every integer is a double.
    if number.fract() == 0.0 && number.abs() <= EXACT {
        Some(Number::from(number as i64))
    } else {
        Number::from_f64(number)
    }
}
