//! The stored settings (with a voice profile, by name or as a document) and a voice
//! profile imported alone, from any bytes: reading never panics, what the settings reader
//! keeps always makes a context that validates (it skips what it cannot use), and an
//! imported profile lints its own examples.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use reply_coach::voice_examples::run_examples;
use reply_coach::{LintContext, StoredSettings, Voice};
use reply_coach_fuzz::json_value;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = json_value(data) else { return };
    let (stored, _notes) = StoredSettings::from_json(&value);
    let context = stored.apply_to(LintContext::default());
    assert_eq!(context.validate(), Ok(()), "settings read from {value}");
    reply_coach::lint("Hello, STOP SHOUTING!!", &context).expect("a valid context lints");
    if let Ok(voice) = Voice::from_json(&value) {
        run_examples(&Arc::new(voice));
    }
    let _ = Voice::parse(&String::from_utf8_lossy(data));
});
