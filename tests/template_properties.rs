//! Properties of templates for any input: parsing and importing never panic, an error
//! points inside the body, rendering is deterministic and puts the caret on a character
//! boundary of the text, a body is filled only once nothing it asks for is missing (and
//! then leaves no placeholder), a valid library round-trips, and search takes any query.

use proptest::prelude::*;
use reply_coach::template::{parse, search, Library, SearchPreferences, Values};

/// Pieces that stress the body syntax: every placeholder form, broken ones, escapes and
/// the four languages' scripts.
const FRAGMENTS: &[&str] = &[
    "{first_name}",
    "{agent_name}",
    "{page_name}",
    "{first_name|there}",
    "{first_name|}",
    "{field:Order number}",
    "{field:Numărul comenzii}",
    "{field:}",
    "{field:a|b}",
    "{cursor}",
    "{cursor|x}",
    "{order}",
    "{}",
    "{",
    "}",
    "{{",
    "}}",
    "|",
    ":",
    "field:",
    "\n",
    " ",
    "Bună, ",
    "Բարև ",
    "नमस्ते ",
    "👩‍👩‍👧‍👦",
    "e\u{301}",
    "<script>",
];

fn body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

fn values() -> impl Strategy<Value = Values> {
    let text = || proptest::option::of(body());
    (text(), text(), text(), proptest::collection::vec((body(), body()), 0..3))
        .prop_map(|(first_name, agent_name, page_name, fields)| Values { first_name, agent_name, page_name, fields })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_and_errors_point_inside(text in body()) {
        if let Err(error) = parse(&text) {
            prop_assert!(error.position < text.chars().count(), "{error:?} in {text:?}");
        }
    }

    #[test]
    fn render_is_deterministic_with_the_cursor_on_a_boundary(text in body(), values in values()) {
        if let Ok(parsed) = parse(&text) {
            let rendered = parsed.render(&values);
            prop_assert!(rendered.cursor <= rendered.text.len());
            prop_assert!(rendered.text.is_char_boundary(rendered.cursor), "{rendered:?}");
            prop_assert_eq!(parsed.render(&values), rendered);
        }
    }

    #[test]
    fn fill_refuses_what_is_asked_and_leaves_no_placeholder_once_answered(text in body(), values in values()) {
        if let Ok(parsed) = parse(&text) {
            let asks = parsed.asks(&values);
            match parsed.fill(&values) {
                Ok(filled) => {
                    prop_assert!(asks.is_empty());
                    prop_assert_eq!(filled, parsed.render(&values));
                }
                Err(missing) => prop_assert_eq!(missing, asks.clone()),
            }
            let mut answered = values.clone();
            for ask in &asks {
                answered.answer(ask, "x");
            }
            prop_assert!(parsed.asks(&answered).is_empty(), "{:?}", parsed.asks(&answered));
            let filled = parsed.fill(&answered);
            prop_assert!(filled.is_ok());
            let filled = filled.unwrap_or_else(|_| unreachable!());
            // With no brace written as text or given as a value, none is left in the text.
            let given = [&answered.first_name, &answered.agent_name, &answered.page_name];
            let literal_braces = text.contains("{{")
                || text.contains("}}")
                || given.iter().any(|v| v.as_deref().is_some_and(|v| v.contains(['{', '}'])))
                || answered.fields.iter().any(|(_, v)| v.contains(['{', '}']));
            if !literal_braces {
                prop_assert!(!filled.text.contains('{'), "{:?} from {:?}", filled.text, text);
            }
        }
    }

    #[test]
    fn import_never_panics_and_valid_libraries_round_trip(
        title in "[^\u{0}]{1,20}",
        bodies in proptest::collection::vec(body(), 1..4),
        junk in any::<String>(),
    ) {
        let from_junk = Library::from_json(&junk);
        prop_assert!(from_junk.is_err() || junk.contains("reply-coach-templates"), "{:?}", from_junk);
        let templates: Vec<serde_json::Value> = bodies.iter().enumerate().map(|(n, body)| serde_json::json!({
            "id": format!("t{n}"), "title": title, "language": "ro", "body": body,
        })).collect();
        let document = serde_json::json!({"format": "reply-coach-templates", "version": 1, "templates": templates});
        if let Ok(library) = Library::from_json(&document.to_string()) {
            prop_assert_eq!(Library::from_json(&library.to_json()).ok(), Some(library));
        }
    }

    #[test]
    fn search_takes_any_query(query in body()) {
        let pack = Library::from_json(reply_coach::template::DEFAULT_PACK).expect("the pack is valid");
        let matches = search(&pack, &query, &SearchPreferences::default());
        prop_assert!(matches.iter().all(|m| m.index < pack.templates.len()));
        prop_assert_eq!(search(&pack, &query, &SearchPreferences::default()), matches);
    }
}
