use super::*;
use crate::catalogue::Message;
use crate::context::{LanguageChoice, LintContext};
use crate::lint;
use crate::voice_examples::{run_examples, run_examples_with, ExampleOutcome};

fn parse(document: Value) -> Result<Voice, String> {
    Voice::from_json(&document).map_err(|e| e.to_string())
}

fn error_of(document: Value) -> String {
    parse(document).expect_err("an invalid profile")
}

#[test]
fn a_full_profile_reads_every_field() {
    let voice = parse(serde_json::json!({
        "version": 1,
        "name": "Acme Bank",
        "description": "Formal, caring and responsible.",
        "register": {"ro": "formal", "hy": "formal", "hi": "formal", "en": "informal"},
        "avoid": [{"phrase": "no problem", "message": "Too casual.", "replacements": ["certainly"], "language": "en"}],
        "prefer": [{"phrase": "problem", "use": "issue"}],
        "sign_off": "{agent_name} from {page_name}",
        "page_name": "Acme Bank",
        "limits": {"preview_budget": 80, "max_words": 60, "max_sentence_words": 20, "max_exclamations": 1},
        "emoji": {"limit": 2},
        "rules": {"brevity": "off", "tone-shout": "error"},
        "examples": [{"draft": "Sent.", "expect": [], "language": "en", "context": {"agentName": "Maria"}}]
    }))
    .unwrap();
    assert_eq!(voice.name, "Acme Bank");
    assert_eq!(voice.register_for(Language::Ro), Some(Register::Formal));
    assert_eq!(voice.register_for(Language::En), Some(Register::Informal));
    assert_eq!(voice.avoid[0].replacements, ["certainly"]);
    assert_eq!(voice.avoid[0].language, Some(Language::En));
    assert_eq!(voice.prefer[0].replacements, ["issue"]);
    assert_eq!(voice.avoid_list(Language::En).len(), 1);
    assert_eq!(voice.avoid_list(Language::Ro).len(), 0);
    assert_eq!(voice.prefer_list(Language::Hy).len(), 1);
    assert_eq!(voice.sign_off_for("Maria").as_deref(), Some("Maria from Acme Bank"));
    assert_eq!(
        voice.limits,
        Limits {
            preview_budget: Some(80),
            max_words: Some(60),
            max_sentence_words: Some(20),
            max_exclamations: Some(1)
        }
    );
    assert_eq!(voice.emoji, EmojiPolicy::Limit(2));
    assert_eq!(voice.rule_setting("brevity"), Some(RuleSetting::Off));
    assert_eq!(voice.rule_setting("tone-shout"), Some(RuleSetting::Severity(Severity::Error)));
    assert_eq!(voice.rule_setting("name-last"), None);
    assert_eq!(voice.examples.len(), 1);
    // One register for every language.
    let every = parse(serde_json::json!({"version": 1, "register": "informal"})).unwrap();
    assert!(Language::ALL.iter().all(|&l| every.register_for(l) == Some(Register::Informal)));
}

#[test]
fn errors_name_the_field() {
    for (document, expected) in [
        (serde_json::json!({"version": 1, "tone": "warm"}), "unknown field tone; known fields: version, name"),
        (serde_json::json!({"version": 2}), "version: this Reply Coach reads version 1, not 2"),
        (serde_json::json!({"version": "1"}), "version: this Reply Coach reads version 1, not \"1\""),
        (serde_json::json!({"name": "x"}), "version: missing: write \"version\": 1"),
        (serde_json::json!([1]), "must be an object, not"),
        (
            serde_json::json!({"version": 1, "register": "polite"}),
            "register: must be one of formal, informal, not \"polite\"",
        ),
        (serde_json::json!({"version": 1, "register": {"fr": "formal"}}), "register: unknown field fr"),
        (
            serde_json::json!({"version": 1, "register": {"ro": "casual"}}),
            "register.ro: must be one of formal, informal",
        ),
        (
            serde_json::json!({"version": 1, "avoid": [{"phrase": "x", "replacement": "y"}]}),
            "avoid[0]: unknown field replacement",
        ),
        (serde_json::json!({"version": 1, "avoid": [{"message": "m"}]}), "avoid[0].phrase: missing"),
        (serde_json::json!({"version": 1, "avoid": [{"phrase": 3}]}), "avoid[0].phrase: must be text"),
        (serde_json::json!({"version": 1, "avoid": "cheap"}), "avoid: must be a list"),
        (
            serde_json::json!({"version": 1, "avoid": [{"phrase": "x", "language": "fr"}]}),
            "avoid[0].language: must be one of en, ro, hy, hi, not \"fr\"",
        ),
        (serde_json::json!({"version": 1, "prefer": [{"phrase": "problem"}]}), "prefer[0].use: missing"),
        (
            serde_json::json!({"version": 1, "limits": {"max_words": 0}}),
            "limits.max_words: must be a whole number from 5 to 1,000, not 0",
        ),
        (
            serde_json::json!({"version": 1, "limits": {"preview_budget": 100000}}),
            "limits.preview_budget: must be a whole number from 20 to 1,000",
        ),
        (
            serde_json::json!({"version": 1, "limits": {"max_sentence_words": 2.5}}),
            "limits.max_sentence_words: must be a whole number",
        ),
        (
            serde_json::json!({"version": 1, "limits": {"max_exclamations": -1}}),
            "limits.max_exclamations: must be a whole number from 0",
        ),
        (serde_json::json!({"version": 1, "limits": {"words": 3}}), "limits: unknown field words"),
        (
            serde_json::json!({"version": 1, "emoji": "some"}),
            "emoji: must be one of \"allowed\", \"not-allowed\", {\"limit\": N}, not \"some\"",
        ),
        (serde_json::json!({"version": 1, "emoji": {"limit": 99}}), "emoji.limit: must be a whole number from 0 to 50"),
        (serde_json::json!({"version": 1, "emoji": {"max": 2}}), "emoji: unknown field max"),
        (
            serde_json::json!({"version": 1, "rules": {"tone-shouting": "off"}}),
            "rules: unknown rule id tone-shouting; known ids: ",
        ),
        (
            serde_json::json!({"version": 1, "rules": {"brevity": "loud"}}),
            "rules.brevity: must be one of off, error, warning, info",
        ),
        (serde_json::json!({"version": 1, "sign_off": "– Maria"}), "sign_off: “– Maria” must contain {agent_name}"),
        (serde_json::json!({"version": 1, "sign_off": "{agent_name} from {page_name}"}), "set \"page_name\" too"),
        (serde_json::json!({"version": 1, "sign_off": "{agent_name} {team}"}), "only {agent_name} and {page_name}"),
        (
            serde_json::json!({"version": 1, "examples": [{"draft": "x", "expect": ["nope"]}]}),
            "examples[0].expect: unknown rule id nope",
        ),
        (serde_json::json!({"version": 1, "examples": [{"expect": []}]}), "examples[0].draft: must be text"),
        (
            serde_json::json!({"version": 1, "examples": [{"draft": "x", "expect": [], "context": 3}]}),
            "examples[0].context: must be an object such as {\"agentName\": \"Maria\"}",
        ),
    ] {
        let error = error_of(document.clone());
        assert!(error.contains(expected), "{document}: {error}");
    }
}

#[test]
fn a_pattern_that_can_never_match_is_refused() {
    for (phrase, why) in [
        ("", "voice.never.empty"),
        ("   ", "voice.never.empty"),
        ("thanks. bye", "voice.never.sentences"),
        ("ok!  fine", "voice.never.sentences"),
        ("line\nbreak", "voice.never.sentences"),
        ("Bine: mersi", "voice.never.sentences"),
        ("re*fund", "voice.never.star"),
        ("refund *", "voice.never.star"),
        ("cheap => affordable", "voice.never.arrow"),
    ] {
        let language = if phrase.contains(':') { "hy" } else { "en" };
        let document = serde_json::json!({"version": 1, "avoid": [{"phrase": phrase, "language": language}]});
        let error = Voice::from_json(&document).unwrap_err();
        assert_eq!(error.field(), Some("avoid[0].phrase"));
        let expected = Message::new("voice.never-matches").text("phrase", phrase).message("why", Message::new(why));
        assert_eq!(error.message, expected, "{phrase:?}");
    }
    // The same phrase twice: the second could never be reached.
    let error = error_of(serde_json::json!({"version": 1, "prefer": [
        {"phrase": "problem", "use": "issue"}, {"phrase": "Problem", "use": "matter", "language": "en"}
    ]}));
    assert!(error.starts_with("prefer[1].phrase: “Problem” repeats prefer[0]"), "{error}");
    // The same phrase for two languages is two entries.
    parse(serde_json::json!({"version": 1, "prefer": [
        {"phrase": "taxa", "use": "tariful", "language": "ro"}, {"phrase": "taxa", "use": "fee", "language": "en"}
    ]}))
    .unwrap();
    // What the phrase format matches: numbers with a dot, prefixes, literal symbols.
    for phrase in ["3.5 lei", "refund*", ":(", "!!!", "e.g. this", "% off", "Note: this"] {
        assert_eq!(never_matches(phrase, None), None, "{phrase}");
    }
}

#[test]
fn an_oversized_profile_is_refused_before_parsing() {
    // A megabyte that is not even JSON: the size is the error, not the syntax.
    let huge = "x".repeat(1024 * 1024);
    let error = Voice::parse(&huge).unwrap_err();
    assert_eq!((error.field, error.message), (None, Message::new("voice.too-large").count("max", MAX_BYTES)));
    // Already parsed (the stored settings): its size is estimated.
    let entries: Vec<Value> = (0..20_000).map(|i| serde_json::json!({"phrase": format!("word{i}")})).collect();
    let error = error_of(serde_json::json!({"version": 1, "avoid": entries}));
    assert!(error.contains("larger than"), "{error}");
    assert!(Voice::parse("{\"version\": 1,").unwrap_err().to_string().starts_with("not JSON"));
}

#[test]
fn built_in_profiles_parse_and_their_examples_pass() {
    for (name, source) in BUILT_IN {
        let voice = Voice::parse(source).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(voice.name, name);
        assert!(voice.examples.len() >= 4, "{name} has too few examples");
        let voice = Voice::built_in(name).unwrap();
        let failures = run_examples(&voice);
        assert!(
            failures.is_empty(),
            "{name}: {}",
            failures.iter().map(|f| f.to_string()).collect::<Vec<_>>().join("\n")
        );
    }
    assert!(Voice::built_in("playful").is_none());
    let error = Voice::from_setting(&Value::String("playful".into())).unwrap_err();
    assert!(error.to_string().contains("formal, friendly, neutral"), "{error}");
}

#[test]
fn a_failing_example_says_what_it_found() {
    let voice = Arc::new(
        parse(serde_json::json!({"version": 1, "emoji": "not-allowed", "examples": [
            {"draft": "Sent 🙂", "expect": []},
            {"draft": "Sent 🙂", "expect": ["voice-emoji"]},
            {"draft": "Sent", "expect": [], "context": {"agentNme": "Maria"}}
        ]}))
        .unwrap(),
    );
    let failures: Vec<String> = run_examples(&voice).iter().map(|f| f.to_string()).collect();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert_eq!(failures[0], "examples[0]: expected [], found [voice-emoji]");
    assert!(failures[1].starts_with("examples[2]: context: unknown field `agentNme`"), "{failures:?}");
}

/// The rule ids, sorted, a built-in profile gives on `draft` (in `language`, for agent
/// Maria answering Ana Pop).
fn rules_with(profile: Option<&str>, language: &str, draft: &str) -> Vec<&'static str> {
    let context = LintContext {
        language: LanguageChoice::from_code(language).unwrap(),
        agent_name: Some("Maria".into()),
        customer_name: Some("Ana Pop".into()),
        voice: profile.map(|name| Voice::built_in(name).unwrap()),
        ..Default::default()
    };
    let mut rules: Vec<&str> = lint(draft, &context).unwrap().findings.iter().map(|f| f.rule).collect();
    rules.sort();
    rules.dedup();
    rules
}

#[test]
fn each_profile_changes_the_same_drafts_its_own_way() {
    let casual = "Hey Ana, no problem! Your cake is gonna be ready at 5 🎂🎉\n– Maria";
    assert_eq!(rules_with(None, "en", casual), Vec::<&str>::new());
    assert_eq!(rules_with(Some("neutral"), "en", casual), Vec::<&str>::new());
    assert_eq!(
        rules_with(Some("formal"), "en", casual),
        ["register-mismatch", "voice-avoid", "voice-emoji", "voice-exclamations"]
    );
    assert_eq!(rules_with(Some("friendly"), "en", casual), Vec::<&str>::new());

    let stiff = "Dear customer, we regret to inform you that your purchase is delayed.\n– Maria";
    assert_eq!(rules_with(Some("formal"), "en", stiff), ["name-missing"]);
    assert_eq!(rules_with(Some("friendly"), "en", stiff), ["name-missing", "voice-avoid", "voice-prefer"]);

    let ro_formal = "Bună ziua, Ana! Comanda dumneavoastră a plecat și va ajunge mâine.\n– Maria";
    let ro_informal = "Salut, Ana! Comanda ta a plecat și te anunțăm când ajunge.\n– Maria";
    assert_eq!(rules_with(Some("formal"), "ro", ro_formal), ["voice-exclamations"]);
    assert_eq!(rules_with(Some("formal"), "ro", ro_informal), ["register-mismatch", "voice-exclamations"]);
    assert_eq!(rules_with(Some("friendly"), "ro", ro_formal), ["register-mismatch"]);
    assert_eq!(rules_with(Some("friendly"), "ro", ro_informal), Vec::<&str>::new());

    let hy_informal = "Բարև, Անա։ Քո պատվերը պատրաստ է։\n– Maria";
    assert_eq!(rules_with(Some("formal"), "hy", hy_informal), ["register-mismatch"]);
    assert_eq!(rules_with(Some("friendly"), "hy", hy_informal), Vec::<&str>::new());

    let hi_mixed = "नमस्ते Ana जी, आपका ऑर्डर तैयार है, तुम्हें कल मिलेगा।\n– Maria";
    assert_eq!(rules_with(Some("formal"), "hi", hi_mixed), ["register-mismatch"]);
    assert_eq!(rules_with(Some("friendly"), "hi", hi_mixed), ["register-mixed"]);
    assert_eq!(rules_with(Some("neutral"), "hi", hi_mixed), Vec::<&str>::new());
}

/// `neutral` is the default: on the benchmark corpus it finds exactly what no profile
/// finds.
#[test]
fn neutral_is_todays_behaviour() {
    let corpus: Value = serde_json::from_str(include_str!("../../benches/corpus.json")).unwrap();
    let neutral = Voice::built_in("neutral");
    let mut drafts = 0;
    for class in corpus["classes"].as_array().unwrap() {
        for draft in class["drafts"].as_array().unwrap() {
            let context: LintContext = serde_json::from_value(draft["context"].clone()).unwrap_or_default();
            let text = draft["text"].as_str().unwrap();
            let with = LintContext { voice: neutral.clone(), ..context.clone() };
            assert_eq!(lint(text, &with).unwrap(), lint(text, &context).unwrap(), "{text}");
            drafts += 1;
        }
    }
    assert!(drafts >= 10, "{drafts}");
}

#[test]
fn profile_limits_replace_the_settings() {
    let voice =
        Arc::new(parse(serde_json::json!({"version": 1, "limits": {"max_words": 5, "preview_budget": 20}})).unwrap());
    let context = LintContext { voice: Some(voice), ..Default::default() };
    let draft = "Your order was sent today and it will arrive on Friday morning.";
    let rules: Vec<&str> = lint(draft, &context).unwrap().findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["first-line-summary", "brevity"]);
    assert_eq!(lint(draft, &LintContext::default()).unwrap().findings, []);
}

#[test]
fn an_error_gives_its_field_apart() {
    let field = |document: Value| Voice::from_json(&document).unwrap_err().field().map(str::to_string);
    let avoid = serde_json::json!({"version": 1, "avoid": [{"phrase": "ok"}, {"phrase": "a\nb"}]});
    assert_eq!(field(avoid).as_deref(), Some("avoid[1].phrase"));
    let rules = serde_json::json!({"version": 1, "rules": {"tone-shout": "loud"}});
    assert_eq!(field(rules).as_deref(), Some("rules.tone-shout"));
    assert_eq!(
        field(serde_json::json!({"version": 1, "limits": {"max_words": 0}})).as_deref(),
        Some("limits.max_words")
    );
    assert_eq!(field(serde_json::json!({"name": "x"})).as_deref(), Some("version"));
    assert_eq!(field(serde_json::json!({"version": 1, "sign_off": "Maria"})).as_deref(), Some("sign_off"));
    // The document as a whole: a field it does not know is named in the message only.
    assert_eq!(field(serde_json::json!({"version": 1, "tone": "warm"})), None);
    assert_eq!(field(serde_json::json!([1])), None);
    assert_eq!(Voice::parse("{").unwrap_err().field(), None);
}

#[test]
fn an_error_is_a_message_rendered_in_the_ui_language() {
    use crate::catalogue::{render, Locale};
    let error = Voice::from_json(&serde_json::json!({"version": 1, "limits": {"max_words": 0}})).unwrap_err();
    assert_eq!(error.field(), Some("limits.max_words"));
    assert_eq!(render(&error.message, Locale::Ro), "trebuie să fie un număr întreg de la 5 la 1.000, nu 0");
}

#[test]
fn every_example_outcome_is_given_in_order() {
    let voice = Arc::new(
        parse(serde_json::json!({"version": 1, "emoji": "not-allowed", "examples": [
            {"draft": "Sent 🙂", "expect": ["voice-emoji"]},
            {"draft": "Sent 🙂", "expect": []},
            {"draft": "Sent", "expect": [], "context": {"agentName": "Maria"}}
        ]}))
        .unwrap(),
    );
    let refuse = |_: &Value| Err("read elsewhere".to_string());
    let outcomes = run_examples_with(&voice, refuse);
    let passed: Vec<bool> = outcomes.iter().map(ExampleOutcome::passed).collect();
    assert_eq!(passed, [true, false, false]);
    assert_eq!(outcomes[1].found, ["voice-emoji"]);
    assert_eq!(outcomes[2].error.as_deref(), Some("context: read elsewhere"));
    // Rule ids compare as sets: each once, in any order.
    let ids = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect::<Vec<_>>();
    let outcome =
        |found: &[&str]| ExampleOutcome { index: 0, expected: ids(&["a", "b"]), found: ids(found), error: None };
    assert!(outcome(&["b", "a"]).passed());
    assert!(!outcome(&["a"]).passed());
    assert!(!outcome(&["a", "b", "c"]).passed());
}
