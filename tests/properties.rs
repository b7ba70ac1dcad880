//! Properties that hold for any input: the linter never panics, every span lies inside
//! the draft on character boundaries, every fix applies to a valid string, and the same
//! input gives the same result; the list row's epoch stamp (`data-utime`) is read back to
//! the millisecond, its range never starts after the time it names, and no text panics it.

use proptest::prelude::*;
use reply_coach::{apply_edits, lint, LanguageChoice, LintContext, LintResult, Settings, Surface, Voice};

/// Pieces that stress segmentation and matching: emoji with joiners and skin tones,
/// combining marks, right-to-left scripts, the four languages, capitals, placeholders,
/// links, sign-off dashes and line breaks.
const FRAGMENTS: &[&str] = &[
    "👩‍👩‍👧‍👦",
    "👍🏽",
    "🏳️‍🌈",
    "e\u{301}",
    "a\u{308}\u{304}",
    "\u{200D}",
    "\u{200C}",
    "\u{FE0F}",
    "שלום",
    "مرحبا",
    "\u{202E}",
    "\u{2066}",
    "Ștefan",
    "mulțumim",
    "ne-ați",
    "Բարև Ձեզ",
    "կարո՞ղ",
    "։",
    ":",
    "नमस्ते",
    "क़",
    "\u{094D}",
    "।",
    "॥",
    "WE ARE",
    "DHL",
    "!!",
    "?!",
    "{first_name}",
    "{{name}}",
    "[NUME]",
    "<name>",
    "XXXX",
    "{",
    "}",
    "[",
    "<",
    "https://x.ro/a",
    "m.me/p",
    "3.5",
    "– ",
    "-",
    "\n",
    "\n\n",
    " ",
    ",",
    ".",
    "Best,",
    "Cu drag,",
    "Hi",
    "Ana",
    "Al",
    "Popescu",
    "sorry",
    "sale",
    "phone number",
    "as I already told you",
    "we apologize for any inconvenience",
    "thank you for reaching out",
    "\u{0}",
    "\u{FFFD}",
    "\r\n",
    "\t",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// A voice profile with what the built-in ones do not use: a sign-off with the page's
/// name, literal and prefix phrases, removals, an emoji limit, an open register.
const EVERY_FIELD: &str = r#"{"version": 1, "sign_off": "– {agent_name} from {page_name}", "page_name": "Acme Ștefan & Co",
    "avoid": [{"phrase": ":(", "replacements": [""]}, {"phrase": "reducer*", "replacements": ["ofertă", ""]},
              {"phrase": "आप", "replacements": ["तुम"]}, {"phrase": "!!!"}],
    "prefer": [{"phrase": "Ձեր", "use": ""}, {"phrase": "a", "use": "the"}],
    "limits": {"preview_budget": 20, "max_words": 5, "max_sentence_words": 3, "max_exclamations": 1},
    "emoji": {"limit": 1}, "rules": {"brevity": "error", "tone-shout": "off"}}"#;

fn context() -> impl Strategy<Value = LintContext> {
    let language = proptest::sample::select(&LanguageChoice::ALL[..]);
    let surface = proptest::sample::select(&[Surface::Message, Surface::Comment][..]);
    // No profile, one of the built-in voice profiles (whose rules see every draft too), or
    // one with every field the built-in ones leave out.
    let voice =
        proptest::sample::select(&[None, Some("formal"), Some("friendly"), Some("neutral"), Some("every-field")][..]);
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        (proptest::option::of(0.0..1000.0f64), proptest::option::of(0.0..1000.0f64)),
        surface,
        proptest::option::of(text()),
        language,
        (1usize..200, 1usize..100, 1usize..40),
        voice,
    )
        .prop_map(
            |(
                customer,
                agent,
                (hours, ad_hours),
                surface,
                message,
                language,
                (budget, words, sentence_words),
                voice,
            )| {
                LintContext {
                    customer_name: customer,
                    agent_name: agent,
                    hours_since_customer: hours,
                    hours_since_ad_reply: ad_hours,
                    surface,
                    customer_message: message,
                    language,
                    settings: Settings {
                        preview_budget: budget,
                        max_words: words,
                        max_sentence_words: sentence_words,
                        ..Settings::default()
                    },
                    voice: voice.and_then(|name| match name {
                        "every-field" => Some(std::sync::Arc::new(Voice::parse(EVERY_FIELD).expect("a valid profile"))),
                        name => Voice::built_in(name),
                    }),
                }
            },
        )
}

/// Checks every span and fix of `result` against the draft's UTF-16 units.
fn check_result(units: &[u16], result: &LintResult) -> Result<(), TestCaseError> {
    let on_boundary = |at: usize| at == units.len() || !(0xDC00..0xE000).contains(&units[at]);
    let draft = String::from_utf16(units).expect("a valid draft");
    for finding in &result.findings {
        prop_assert!(finding.start <= finding.end && finding.end <= units.len(), "{finding:?}");
        prop_assert!(on_boundary(finding.start) && on_boundary(finding.end), "{finding:?}");
        for fix in &finding.fixes {
            for edit in &fix.edits {
                prop_assert!(on_boundary(edit.start) && on_boundary(edit.end), "{fix:?}");
            }
            prop_assert!(apply_edits(&draft, &fix.edits).is_ok(), "{fix:?} on {draft:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn any_draft_and_context_give_spans_in_bounds(draft in text(), context in context()) {
        let result = lint(&draft, &context).expect("generated contexts are valid");
        let units: Vec<u16> = draft.encode_utf16().collect();
        check_result(&units, &result)?;
        prop_assert_eq!(lint(&draft, &context).unwrap(), result, "same input, same result");
    }

    /// A JS string may hold lone surrogates; crossing into Wasm, wasm-bindgen's
    /// TextEncoder replaces each with U+FFFD, which is also one UTF-16 unit, so offsets
    /// computed on the replaced text are offsets in the original JS string.
    #[test]
    fn lone_surrogates_keep_offsets_aligned(units in proptest::collection::vec(
        prop_oneof![Just(0xD800u16), Just(0xDFFFu16), Just(0x0041u16), Just(0x0020u16), Just(0x0021u16), 0u16..0xFFFF],
        0..60,
    )) {
        let replaced = String::from_utf16_lossy(&units);
        let replaced_units: Vec<u16> = replaced.encode_utf16().collect();
        prop_assert_eq!(replaced_units.len(), units.len());
        let result = lint(&replaced, &LintContext::default()).unwrap();
        check_result(&replaced_units, &result)?;
    }
}

/// What an epoch stamp may be made of: digits, the dot, signs, exponents, spaces and the
/// words JavaScript writes for odd numbers.
fn epoch_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(
            &["1774717339", ".", "408", "0", "9", "-", "+", "e", "E", "NaN", "Infinity", " ", "\n", "١", "०"][..]
        )
        .prop_map(str::to_string),
        "[0-9]{1,14}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any text: no panic, and a range read starts at a whole minute, no more than a
    /// minute before the instant it ends at, between 2000 and the end of 9999.
    #[test]
    fn epoch_seconds_never_panic_and_start_at_their_minute(text in epoch_text()) {
        if let Some(range) = reply_coach::clock::parse_epoch_seconds(&text) {
            prop_assert_eq!(range.earliest_ms.rem_euclid(60_000), 0, "{:?}: {:?}", text, range);
            prop_assert!(range.earliest_ms <= range.latest_ms && range.latest_ms - range.earliest_ms < 60_000, "{:?}: {:?}", text, range);
            prop_assert!((946_684_800_000..=253_402_300_799_999).contains(&range.latest_ms), "{:?}: {:?}", text, range);
        }
    }

    /// Any instant from 2000 on, written as data-utime is (seconds, a dot, milliseconds,
    /// or seconds alone), reads back as that instant, from the start of its minute.
    #[test]
    fn epoch_seconds_read_back_to_the_millisecond(ms in 946_684_800_000i64..=253_402_300_799_999, whole in any::<bool>()) {
        let ms = if whole { ms - ms % 1000 } else { ms };
        let text = if whole { format!("{}", ms / 1000) } else { format!("{}.{:03}", ms / 1000, ms % 1000) };
        let range = reply_coach::clock::parse_epoch_seconds(&text);
        prop_assert_eq!(range, Some(reply_coach::clock::TimeRange { earliest_ms: ms - ms % 60_000, latest_ms: ms }), "{}", text);
    }
}
