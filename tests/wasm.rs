//! The Wasm API as the extension's JavaScript sees it, run in headless Chromium by
//! wasm-bindgen-test-runner (`./build.sh test`). A native build compiles this to nothing.
//!
//! The tests call the exports through wasm-bindgen's generated JavaScript glue, not
//! `reply_coach::wasm::lint` from Rust: the glue is where a JS string becomes UTF-8
//! (with `TextEncoder`, which replaces a lone surrogate by U+FFFD, one UTF-16 unit like
//! the surrogate it replaces, so offsets still line up) and where an `Err(JsError)`
//! becomes a thrown `Error`. Calling from Rust would skip both.
#![cfg(target_arch = "wasm32")]

use std::collections::HashSet;

use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The library's exports live in its rlib, and the linker only takes the objects a binary
// refers to: without this reference the test binary (and so its glue) would have no
// `lint` at all. The generated export shims sit beside these functions and come along.
#[used]
static KEEP_LINT: fn(&str, JsValue) -> Result<JsValue, JsError> = reply_coach::wasm::lint;
#[used]
static KEEP_RULE_IDS: fn() -> Vec<String> = reply_coach::wasm::rule_ids;
#[used]
static KEEP_VERSION: fn() -> String = reply_coach::wasm::version;
#[used]
static KEEP_LINT_WITH_SETTINGS: fn(&str, JsValue, JsValue) -> Result<JsValue, JsError> =
    reply_coach::wasm::lint_with_settings;

// wasm-bindgen-test-runner serves the glue of this test binary (which holds the
// library's exports) at `/wasm-bindgen-test`, the URL its page imports it from, so this
// import yields the same, already initialised, module instance.
#[wasm_bindgen(inline_js = r#"
import * as glue from "/wasm-bindgen-test";

function exported(name) {
  if (typeof glue[name] !== "function") {
    throw new Error(`the generated glue exports no function ${name}`);
  }
  return glue[name];
}

export function callLint(draft, context) { return exported("lint")(draft, context); }
export function callRuleIds() { return exported("ruleIds")(); }
export function callVersion() { return exported("version")(); }
export function callLintWithSettings(draft, context, stored) {
  return exported("lintWithSettings")(draft, context, stored);
}
"#)]
extern "C" {
    /// `lint(draft, context)` as JavaScript calls it; `Err` is what it threw.
    #[wasm_bindgen(js_name = callLint, catch)]
    fn js_lint(draft: &JsValue, context: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = callRuleIds, catch)]
    fn js_rule_ids() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = callVersion, catch)]
    fn js_version() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = callLintWithSettings, catch)]
    fn js_lint_with_settings(draft: &JsValue, context: &JsValue, stored: &JsValue) -> Result<JsValue, JsValue>;
}

// ---- helpers ----

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or_else(|_| panic!("cannot read .{key} of {}", show(object)))
}

fn get_str(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_else(|| panic!(".{key} of {} is not a string", show(object)))
}

fn get_index(object: &JsValue, key: &str) -> u32 {
    let value = get(object, key).as_f64().unwrap_or_else(|| panic!(".{key} of {} is not a number", show(object)));
    assert!(value >= 0.0 && value.fract() == 0.0, ".{key} of {} is not an index", show(object));
    value as u32
}

fn get_array(object: &JsValue, key: &str) -> Vec<JsValue> {
    let value = get(object, key);
    assert!(Array::is_array(&value), ".{key} of {} is not an array", show(object));
    value.unchecked_into::<Array>().iter().collect()
}

/// JSON for messages; falls back to `String()` for what JSON cannot show.
fn show(value: &JsValue) -> String {
    match JSON::stringify(value) {
        Ok(json) if !json.is_undefined() => json.into(),
        _ => format!("{value:?}"),
    }
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or_else(|e| panic!("bad JSON in the test {text}: {e:?}"))
}

/// What a thrown value says: "TypeError: …" for an `Error` (which JSON shows as `{}`).
fn describe_thrown(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.to_string()),
        None => show(thrown),
    }
}

/// The message of what `lint` threw, checking it is a real `Error`.
fn thrown_message(thrown: &JsValue) -> String {
    let error = thrown.dyn_ref::<js_sys::Error>().unwrap_or_else(|| panic!("threw a non-Error: {}", show(thrown)));
    String::from(error.message())
}

/// The phrase data and message catalogues the extension hands the Wasm at start
/// (extension/language-data.js), here from the sources, once per test binary.
fn install_language_data() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for name in reply_coach::wasm::language_data_files() {
            let text = match name.as_str() {
                "lang/en" => include_str!("../src/lang/data/en.txt"),
                "lang/ro" => include_str!("../src/lang/data/ro.txt"),
                "lang/hy" => include_str!("../src/lang/data/hy.txt"),
                "lang/hi" => include_str!("../src/lang/data/hi.txt"),
                "lang/common" => include_str!("../src/lang/data/common.txt"),
                "messages/en" => include_str!("../src/catalogue/data/en.txt"),
                "messages/ro" => include_str!("../src/catalogue/data/ro.txt"),
                "messages/hy" => include_str!("../src/catalogue/data/hy.txt"),
                "messages/hi" => include_str!("../src/catalogue/data/hi.txt"),
                other => panic!("no data file {other} in src/"),
            };
            reply_coach::wasm::install_language_data(&name, text)
                .unwrap_or_else(|e| panic!("{}", show(&JsValue::from(e))));
        }
    });
}

fn lint(draft: impl Into<JsValue>, context: &JsValue) -> JsValue {
    install_language_data();
    let draft = draft.into();
    js_lint(&draft, context)
        .unwrap_or_else(|e| panic!("lint({}, {}) threw {}", show(&draft), show(context), describe_thrown(&e)))
}

fn lint_error(draft: &str, context: &JsValue) -> String {
    install_language_data();
    match js_lint(&draft.into(), context) {
        Ok(result) => panic!("lint with context {} did not throw; it returned {}", show(context), show(&result)),
        Err(thrown) => thrown_message(&thrown),
    }
}

/// `(rule, start, end)` of each finding.
fn spans(result: &JsValue) -> Vec<(String, u32, u32)> {
    get_array(result, "findings")
        .iter()
        .map(|f| (get_str(f, "rule"), get_index(f, "start"), get_index(f, "end")))
        .collect()
}

fn rules(result: &JsValue) -> Vec<String> {
    spans(result).into_iter().map(|(rule, _, _)| rule).collect()
}

fn has_rule(result: &JsValue, rule: &str) -> bool {
    rules(result).iter().any(|r| r == rule)
}

fn is_plain_object(value: &JsValue) -> bool {
    let object_prototype = Object::get_prototype_of(&Object::new());
    value.is_object() && Object::get_prototype_of(value) == object_prototype
}

fn keys(value: &JsValue) -> Vec<String> {
    Object::keys(value.unchecked_ref::<Object>()).iter().map(|k| k.as_string().unwrap()).collect()
}

fn rule_ids() -> Vec<String> {
    let ids = js_rule_ids().unwrap_or_else(|e| panic!("ruleIds() threw {}", describe_thrown(&e)));
    assert!(Array::is_array(&ids), "ruleIds() returned {}", show(&ids));
    ids.unchecked_into::<Array>().iter().map(|id| id.as_string().expect("a rule id that is not a string")).collect()
}

/// Checks that `start..end` is a valid span of `text`: in bounds, not reversed, and not
/// between the two halves of a surrogate pair.
fn assert_span(text: &JsString, start: u32, end: u32, what: &str) {
    let len = text.length();
    assert!(start <= end && end <= len, "{what}: span {start}..{end} outside the draft's {len} units");
    for at in [start, end] {
        if at > 0 && at < len {
            let before = text.char_code_at(at - 1) as u32;
            let after = text.char_code_at(at) as u32;
            let splits = (0xD800..0xDC00).contains(&before) && (0xDC00..0xE000).contains(&after);
            assert!(!splits, "{what}: span {start}..{end} splits a surrogate pair at {at}");
        }
    }
}

/// Checks every span and fix edit of `result` against the JS string it was linted from.
fn assert_spans_in(text: &JsString, result: &JsValue, known_rules: &HashSet<String>) {
    let language = get_str(result, "language");
    assert!(["en", "ro", "hy", "hi"].contains(&language.as_str()), "unknown language {language:?}");
    for finding in get_array(result, "findings") {
        let rule = get_str(&finding, "rule");
        assert!(known_rules.contains(&rule), "a finding from an unknown rule {rule:?}");
        let what = format!("{rule} in {:?}", String::from(text.clone()));
        assert_span(text, get_index(&finding, "start"), get_index(&finding, "end"), &what);
        for fix in get_array(&finding, "fixes") {
            for edit in get_array(&fix, "edits") {
                assert_span(text, get_index(&edit, "start"), get_index(&edit, "end"), &format!("{what}, fix edit"));
                get_str(&edit, "text");
            }
        }
    }
}

/// `String.fromCharCode(unit)`: how a page can end up with a lone surrogate.
fn unit(code: u16) -> JsString {
    JsString::from_char_code1(code.into())
}

fn concat(parts: &[JsString]) -> JsString {
    parts.iter().fold(JsString::from(""), |text, part| text.concat(part))
}

// ---- tests ----

/// The texts render in the UI language `setUiLanguage` picks, whatever the draft's.
#[wasm_bindgen_test]
fn findings_speak_the_ui_language() {
    let shout = |result: &JsValue| {
        let findings = get_array(result, "findings");
        let shout = findings.into_iter().find(|f| get_str(f, "rule") == "tone-shout").expect("tone-shout fires");
        (get_str(&shout, "message"), get_str(&get_array(&shout, "fixes")[0], "label"))
    };
    let draft = "WE ARE CLOSED today.";
    let english = shout(&lint(draft, &JsValue::UNDEFINED));
    assert!(reply_coach::web::set_ui_language("ro"));
    let romanian = shout(&lint(draft, &JsValue::UNDEFINED));
    // Back to English before asserting, for the tests after this one.
    assert!(reply_coach::web::set_ui_language("en"));
    assert_eq!(english.0, "“WE ARE CLOSED” is in capitals: it reads as shouting.");
    assert_eq!(english.1, "Write it in lower case");
    assert_eq!(romanian.0, "„WE ARE CLOSED” este scris cu majuscule: se citește ca un strigăt.");
    assert_eq!(romanian.1, "Scrieți cu litere mici");
    assert!(!reply_coach::web::set_ui_language("fr"));
}

#[wasm_bindgen_test]
fn lint_returns_plain_objects() {
    let result = lint("Hi {name}, WE ARE CLOSED!! Visit shop.example.com", &JsValue::UNDEFINED);
    assert!(is_plain_object(&result), "not a plain object: {result:?}");
    assert_eq!(keys(&result), ["language", "findings"]);
    assert_eq!(get_str(&result, "language"), "en");

    let findings = get_array(&result, "findings");
    assert!(!findings.is_empty());
    for finding in &findings {
        assert!(is_plain_object(finding), "a finding is not a plain object: {finding:?}");
        assert_eq!(keys(finding), ["rule", "severity", "start", "end", "message", "explanation", "fixes"]);
        let severity = get_str(finding, "severity");
        assert!(["info", "warning", "error"].contains(&severity.as_str()), "severity {severity:?}");
        assert!(!get_str(finding, "message").is_empty() && !get_str(finding, "explanation").is_empty());
        for fix in get_array(finding, "fixes") {
            assert!(is_plain_object(&fix));
            assert!(!get_str(&fix, "label").is_empty());
            for edit in get_array(&fix, "edits") {
                assert_eq!(keys(&edit), ["start", "end", "text"]);
            }
        }
    }
    let found = rules(&result);
    assert!(found.iter().any(|r| r == "placeholder-unfilled"), "{found:?}");
    assert!(found.iter().any(|r| r == "tone-shout"), "{found:?}");

    // Nothing is lost in JSON (no Map, no undefined, no BigInt): it survives a round trip.
    let text = JSON::stringify(&result).unwrap();
    let again = JSON::stringify(&JSON::parse(&String::from(text.clone())).unwrap()).unwrap();
    assert_eq!(text, again);
    assert!(String::from(text).contains(r#""rule":"tone-shout","severity":"warning""#));
}

/// The export writes its result as JSON text by hand (src/wasm/write.rs): it must be what
/// serde gives natively, character for character, including the escapes of quotes,
/// backslashes and control characters that fixes and messages copy from the draft.
#[wasm_bindgen_test]
fn the_result_is_what_serde_writes_natively() {
    let context = json(r#"{"customerName": "Ana Popescu", "agentName": "Maria", "hoursSinceCustomer": 30}"#);
    let native_context: reply_coach::LintContext =
        serde_json::from_str(r#"{"customerName": "Ana Popescu", "agentName": "Maria", "hoursSinceCustomer": 30}"#)
            .unwrap();
    for draft in [
        "Hi {name}, WE ARE \"CLOSED\"!! Visit shop.example.com",
        "Hello Ana Popescu,\tSORRY \\ BUT NO.\u{1}\u{1f}\n\nBest,\nMaria Ionescu",
        "Bună ziua, Ana! Ne PARE RĂU!! 20% reducere azi 👍🏽 \u{2028}",
        "",
    ] {
        let exported = String::from(JSON::stringify(&lint(draft, &context)).unwrap());
        let native = serde_json::to_string(&reply_coach::lint(draft, &native_context).unwrap()).unwrap();
        assert_eq!(exported, native, "{draft:?}");
    }
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    let draft = "👍👍 STOP SHOUTING";
    let result = lint(draft, &JsValue::UNDEFINED);
    let shout = spans(&result).into_iter().find(|(rule, _, _)| rule == "tone-shout").expect("no tone-shout finding");
    // Each 👍 is two UTF-16 units, plus the space: the capitals start at 5.
    assert_eq!((shout.1, shout.2), (5, 18));
    assert_eq!(String::from(JsString::from(draft).slice(shout.1, shout.2)), "STOP SHOUTING");
}

#[wasm_bindgen_test]
fn full_camel_case_context_is_read() {
    let context = json(
        r#"{
            "customerName": "Ana Popescu",
            "agentName": "Mihai",
            "hoursSinceCustomer": 200,
            "hoursSinceAdReply": 200,
            "surface": "message",
            "customerMessage": "Unde este comanda mea?",
            "language": "ro",
            "settings": {
                "previewBudget": 90,
                "maxWords": 80,
                "maxSentenceWords": 30,
                "windowHours": 24,
                "adWindowHours": 168,
                "humanAgentHours": 168,
                "disabledRules": ["tone-shout"]
            }
        }"#,
    );
    let result = lint("Bună Ana, COMANDA A PLECAT AZI. – Mihai", &context);
    // `language` fixes the language; `disabledRules` silences the capitals; 200 hours is
    // past the 168-hour `humanAgentHours`.
    assert_eq!(get_str(&result, "language"), "ro");
    let found = rules(&result);
    assert!(!found.iter().any(|r| r == "tone-shout"), "{found:?}");
    assert!(found.iter().any(|r| r == "window-closed"), "{found:?}");
}

#[wasm_bindgen_test]
fn each_context_field_changes_the_findings() {
    // The names filled in, plus `extra` fields.
    let context = |extra: &str| json(&format!(r#"{{"customerName": "Ana Popescu", "agentName": "Mihai"{extra}}}"#));
    let reply = "Hi Ana, your parcel left today. – Mihai";
    let promo = "Hi Ana, visit shop.example.com – Mihai";

    let plain = lint(reply, &context(""));
    assert!(!has_rule(&plain, "window-closed") && !has_rule(&plain, "brevity"), "{}", show(&plain));
    // hoursSinceCustomer past humanAgentHours closes a conversation, but not a public comment.
    assert!(has_rule(&lint(reply, &context(r#", "hoursSinceCustomer": 200"#)), "window-closed"));
    let comment = context(r#", "hoursSinceCustomer": 200, "surface": "comment""#);
    assert!(!has_rule(&lint(reply, &comment), "window-closed"));
    assert!(has_rule(&lint(reply, &context(r#", "settings": {"maxWords": 3}"#)), "brevity"));
    // 30 hours is outside the default 24-hour window, inside a 48-hour one.
    assert!(has_rule(&lint(promo, &context(r#", "hoursSinceCustomer": 30"#)), "promo-outside-window"));
    let wide = context(r#", "hoursSinceCustomer": 30, "settings": {"windowHours": 48}"#);
    assert!(!has_rule(&lint(promo, &wide), "promo-outside-window"));
    // hoursSinceAdReply: an ad's 7-day window keeps it open, adWindowHours sets how long.
    let ad = context(r#", "hoursSinceCustomer": 30, "hoursSinceAdReply": 30"#);
    assert!(!has_rule(&lint(promo, &ad), "promo-outside-window"));
    let short_ad = context(r#", "hoursSinceCustomer": 30, "hoursSinceAdReply": 30, "settings": {"adWindowHours": 24}"#);
    assert!(has_rule(&lint(promo, &short_ad), "promo-outside-window"));
    // customerName: the last name where the first belongs.
    assert!(has_rule(&lint("Hi Popescu, your parcel left today. – Mihai", &context("")), "name-last"));
    // agentName: the sign-off a missing one should be.
    let unsigned = lint("Hi Ana, your parcel left today.", &context(""));
    let sign_off = get_array(&unsigned, "findings")
        .into_iter()
        .find(|f| get_str(f, "rule") == "sign-off-missing")
        .expect("no sign-off-missing finding");
    assert!(get_str(&sign_off, "message").contains("Mihai"), "{}", show(&sign_off));
}

#[wasm_bindgen_test]
fn undefined_null_and_empty_context_mean_defaults() {
    let draft = "Hi {name}, WE ARE CLOSED!!";
    let expected = show(&lint(draft, &json("{}")));
    assert_eq!(show(&lint(draft, &JsValue::UNDEFINED)), expected);
    assert_eq!(show(&lint(draft, &JsValue::NULL)), expected);
    assert!(expected.contains("tone-shout"), "{expected}");
}

#[wasm_bindgen_test]
fn bad_context_throws_an_error_that_names_the_problem() {
    let cases: &[(&str, &[&str])] = &[
        (r#"{"customerNmae": "Ana"}"#, &["unknown field", "customerNmae", "customerName"]),
        (r#"{"settings": {"maxWrods": 5}}"#, &["settings.maxWrods", "unknown field", "maxWords"]),
        (r#"{"hoursSinceCustomer": -1}"#, &["hoursSinceCustomer", "-1"]),
        (r#"{"hoursSinceCustomer": "two"}"#, &["hoursSinceCustomer", "invalid type", "two"]),
        (r#"{"hoursSinceAdReply": -1}"#, &["hoursSinceAdReply", "-1"]),
        (r#"{"settings": {"adWindowHours": 0}}"#, &["settings.adWindowHours", "positive"]),
        (r#"{"customerName": 42}"#, &["customerName", "invalid type", "42"]),
        (r#"{"surface": "email"}"#, &["surface", "unknown variant", "email", "comment"]),
        (r#"{"language": "fr"}"#, &["language", "unknown variant", "fr"]),
        (r#"{"settings": {"maxWords": 0}}"#, &["settings.maxWords", "at least 1"]),
        (r#"{"settings": {"disabledRules": "tone-shout"}}"#, &["settings.disabledRules", "invalid type"]),
        (r#"{"settings": {"disabledRules": ["tone-shouting"]}}"#, &["unknown rule id", "tone-shouting", "tone-shout"]),
        (r#"{"settings": {"windowHours": 200}}"#, &["windowHours", "humanAgentHours"]),
        (r#""a string""#, &["must be an object", "a string"]),
        ("[]", &["must be an object", "[]"]),
    ];
    for (context, expected) in cases {
        let message = lint_error("Hi Ana", &json(context));
        assert!(message.starts_with("invalid lint context: "), "context {context}: {message}");
        for part in *expected {
            assert!(message.contains(part), "context {context}: {message:?} does not mention {part:?}");
        }
    }
    // Errors are thrown, not traps: the instance still works afterwards.
    assert!(has_rule(&lint("STOP SHOUTING", &JsValue::UNDEFINED), "tone-shout"));
}

/// The Wasm reads the context by hand (src/wasm/read.rs), the CLI with serde from JSON:
/// both must refuse the same contexts with the same words, the Wasm naming the field.
/// (Not for an enum given a number or null: serde_json then says only "expected value",
/// the Wasm what it got.)
#[wasm_bindgen_test]
fn the_wasm_refuses_contexts_as_serde_does() {
    let cases: &[(&str, &str)] = &[
        (r#"{"customerNmae": "Ana"}"#, "customerNmae"),
        (r#"{"settings": {"maxWrods": 5}}"#, "settings.maxWrods"),
        (r#"{"hoursSinceCustomer": "two"}"#, "hoursSinceCustomer"),
        (r#"{"hoursSinceCustomer": true}"#, "hoursSinceCustomer"),
        (r#"{"hoursSinceAdReply": "two"}"#, "hoursSinceAdReply"),
        (r#"{"hoursSinceAdReply": [1]}"#, "hoursSinceAdReply"),
        (r#"{"hoursSinceAdRepy": 3}"#, "hoursSinceAdRepy"),
        (r#"{"customerName": 42}"#, "customerName"),
        (r#"{"agentName": -3}"#, "agentName"),
        (r#"{"customerMessage": ["Hi"]}"#, "customerMessage"),
        (r#"{"surface": "email"}"#, "surface"),
        (r#"{"language": "fr"}"#, "language"),
        (r#"{"settings": 5}"#, "settings"),
        (r#"{"settings": {"maxWords": -1}}"#, "settings.maxWords"),
        (r#"{"settings": {"maxWords": 1.5}}"#, "settings.maxWords"),
        (r#"{"settings": {"maxWords": "5"}}"#, "settings.maxWords"),
        (r#"{"settings": {"windowHours": {}}}"#, "settings.windowHours"),
        (r#"{"settings": {"adWindowHours": "a week"}}"#, "settings.adWindowHours"),
        (r#"{"settings": {"adWindowHour": 168}}"#, "settings.adWindowHour"),
        (r#"{"settings": {"disabledRules": "tone-shout"}}"#, "settings.disabledRules"),
        (r#"{"settings": {"disabledRules": ["brevity", 7]}}"#, "settings.disabledRules[1]"),
    ];
    for (context, path) in cases {
        let serde = serde_json::from_str::<reply_coach::LintContext>(context).expect_err(context).to_string();
        let serde = serde.rsplit_once(" at line ").map_or(serde.as_str(), |(message, _)| message);
        let expected = format!("invalid lint context: {path}: {serde}");
        assert_eq!(lint_error("Hi Ana", &json(context)), expected, "context {context}");
    }
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_count_as_absent() {
    // The extension may compute hours from a date the page did not show: NaN means unknown.
    let context = Object::new();
    Reflect::set(&context, &"hoursSinceCustomer".into(), &f64::NAN.into()).unwrap();
    Reflect::set(&context, &"hoursSinceAdReply".into(), &f64::INFINITY.into()).unwrap();
    Reflect::set(&context, &"customerName".into(), &JsValue::UNDEFINED).unwrap();
    let result = lint("Hi Ana, your parcel left today.", &context);
    assert!(!has_rule(&result, "window-closed"), "{}", show(&result));
    // A function is no context at all.
    let message = lint_error("Hi Ana", &js_sys::Function::new_no_args("return 1"));
    assert!(message.contains("must be an object"), "{message}");
}

#[wasm_bindgen_test]
fn lone_surrogates_cross_the_boundary_without_panicking() {
    let known: HashSet<String> = rule_ids().into_iter().collect();
    let shouting = JsString::from(" STOP SHOUTING ");
    let drafts = [
        concat(&[unit(0xD800)]),
        concat(&[unit(0xDFFF)]),
        concat(&["Hi ".into(), unit(0xD83D), shouting.clone(), unit(0xDC4D), "!!".into()]),
        // A low surrogate before a high one is two lone surrogates, not a pair.
        concat(&[unit(0xDC4D), unit(0xD83D), shouting.clone(), "👍".into(), unit(0xD83D)]),
        concat(&["{name}".into(), unit(0xDBFF), unit(0xDBFF), shouting.clone()]),
    ];
    for (index, draft) in drafts.iter().enumerate() {
        // Really a JS string with lone surrogates, not something Rust already repaired.
        assert!(!draft.is_valid_utf16(), "{draft:?}");
        let result = lint(draft.clone(), &JsValue::UNDEFINED);
        assert_spans_in(draft, &result, &known);
        // Each lone surrogate became one U+FFFD, a unit for a unit, so the capitals are
        // found exactly where they are in the JS string.
        if index >= 2 {
            let shouts: Vec<String> = spans(&result)
                .into_iter()
                .filter(|(rule, _, _)| rule == "tone-shout")
                .map(|(_, start, end)| String::from(draft.slice(start, end)))
                .collect();
            assert!(shouts.iter().any(|text| text == "STOP SHOUTING"), "{draft:?}: tone-shout at {shouts:?}");
        }
    }
}

#[wasm_bindgen_test]
fn rule_ids_and_version() {
    let ids = rule_ids();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate rule ids: {ids:?}");
    for id in ["tone-shout", "window-closed", "placeholder-unfilled", "brevity"] {
        assert!(ids.iter().any(|known| known == id), "{id} missing from {ids:?}");
    }
    assert!(ids.iter().all(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')), "{ids:?}");
    assert_eq!(js_version().unwrap().as_string().as_deref(), Some(env!("CARGO_PKG_VERSION")));
}

/// The stored settings' `voice` (a built-in name or a profile document, as JSON.parse and
/// chrome.storage give it) reaches the rules; a bad one is skipped, not thrown.
#[wasm_bindgen_test]
fn stored_settings_carry_a_voice_profile() {
    install_language_data();
    // What the glue's init() runs (wasm-bindgen-test does not): built-in voices are JSON,
    // read with the browser's parser once it is installed.
    reply_coach::wasm::start();
    let lint_stored = |draft: &str, stored: &str| {
        js_lint_with_settings(&draft.into(), &JsValue::UNDEFINED, &json(stored))
            .unwrap_or_else(|e| panic!("{stored}: threw {}", describe_thrown(&e)))
    };
    let draft = "Te rog să aștepți puțin 🙂";
    assert_eq!(rules(&lint_stored(draft, r#"{"language": "ro"}"#)), Vec::<String>::new());
    let formal = lint_stored(draft, r#"{"language": "ro", "voice": "formal"}"#);
    assert_eq!(rules(&formal), ["register-mismatch", "register-mismatch", "voice-emoji"]);
    let document =
        r#"{"language": "ro", "voice": {"version": 1, "avoid": [{"phrase": "puțin", "replacements": ["un moment"]}]}}"#;
    assert_eq!(rules(&lint_stored(draft, document)), ["voice-avoid"]);
    for bad in [r#"{"voice": "playful"}"#, r#"{"voice": {"version": 2}}"#, r#"{"voice": 7}"#] {
        assert_eq!(rules(&lint_stored(draft, bad)), Vec::<String>::new(), "{bad}");
    }
}

/// xorshift64*: deterministic, so a failure names a draft that can be reproduced.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of text that have broken linters, mixed at random into drafts.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    // Grapheme clusters of many code points: ZWJ sequences, flags, skin tones, VS16.
    "👩‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "❤️",
    // Combining marks, and Romanian letters with and without them.
    "e\u{301}", "Z\u{324}\u{354}\u{367}\u{311}\u{313}", "ă ș ț Î", "Ș", "s\u{326}",
    // Armenian (with capitals) and Devanagari (without; vowel signs, conjuncts, ZWJ).
    "Բարև ձեզ", "Շնորհակալություն", "ԲԱՐԵՎ", "नमस्ते", "धन्यवाद", "क्षमा करें", "क्\u{200D}ष",
    // Right-to-left text and invisible direction and format marks.
    "שלום", "مرحبا بك", "\u{200F}", "\u{202E}", "\u{FEFF}",
    // What the rules look for: shouting, placeholders, names, links, offers, contacts.
    "STOP", "WE ARE CLOSED", "OK", "DHL", "!!", "!!!", "?!", "{name}", "{{order}}", "{", "}", "[name]",
    "Hi Ana,", "Hello", "Bună", "– Mihai", "Popescu", "sorry", "shop.example.com", "20% off",
    "0722 123 456", "ana@example.com",
    // Whitespace and punctuation.
    "\n", "\n\n", " ", "  ", "\t", ".", ",", "?", "…", "-", "x", "123",
];

#[wasm_bindgen_test]
fn random_drafts_never_throw_and_keep_spans_in_bounds() {
    install_language_data();
    let known: HashSet<String> = rule_ids().into_iter().collect();
    let contexts = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        json(r#"{"customerName": "Ana Popescu", "agentName": "Mihai"}"#),
        json(r#"{"hoursSinceCustomer": 30, "surface": "comment", "customerMessage": "WHERE IS MY ORDER??"}"#),
        json(r#"{"hoursSinceCustomer": 500, "language": "hy", "settings": {"maxWords": 5, "previewBudget": 10}}"#),
        json(r#"{"language": "hi", "customerName": "अनीता शर्मा", "agentName": "राज"}"#),
        json(r#"{"language": "ro", "customerName": "Ștefan Ionescu", "settings": {"maxSentenceWords": 2}}"#),
    ];
    let lone = [unit(0xD800), unit(0xDBFF), unit(0xDC00), unit(0xDFFF)];
    let mut random = Random(0x5EED_2024_C0FF_EE00);
    let mut findings = 0;
    let mut fired = HashSet::new();
    for _ in 0..3000 {
        let mut parts = Vec::new();
        for _ in 0..=random.below(12) {
            // One piece in 40 is a lone surrogate, which only a JS string can hold.
            parts.push(if random.below(40) == 0 {
                random.pick(&lone).clone()
            } else {
                (*random.pick(FRAGMENTS)).into()
            });
        }
        let draft = concat(&parts);
        let context = random.pick(&contexts);
        let result = js_lint(&draft, context).unwrap_or_else(|e| {
            panic!("lint({:?}, {}) threw {}", String::from(draft.clone()), show(context), describe_thrown(&e))
        });
        assert_spans_in(&draft, &result, &known);
        for (rule, _, _) in spans(&result) {
            findings += 1;
            fired.insert(rule);
        }
    }
    // The drafts really exercise the rules, rather than all coming back clean.
    assert!(findings > 1000, "only {findings} findings");
    for rule in ["tone-shout", "placeholder-unfilled", "window-closed", "brevity"] {
        assert!(fired.contains(rule), "{rule} never fired; fired: {fired:?}");
    }
}
