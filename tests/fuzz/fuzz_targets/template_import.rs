//! A template library document of any bytes: reading it never panics, the text and the
//! parsed value readers agree, and a library that is accepted writes a document that
//! reads back to the same library.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reply_coach::template::Library;
use reply_coach_fuzz::json_value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let from_text = Library::from_json(&text);
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
        assert_eq!(Library::from_value(&value).ok(), from_text.clone().ok(), "the two readers differ on {text:?}");
    }
    let Ok(value) = json_value(data) else { return };
    for library in [from_text.ok(), Library::from_value(&value).ok()].into_iter().flatten() {
        let written = library.to_json();
        assert_eq!(Library::from_json(&written).as_ref().ok(), Some(&library), "written as {written}");
    }
});
