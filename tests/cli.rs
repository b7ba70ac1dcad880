//! The `reply-coach` binary as a user runs it: arguments, input, output formats and exit
//! status.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reply-coach"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A binary that stops on bad usage may exit before reading its input: a closed pipe then.
    match child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("the binary finishes")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

fn rules(result: &Value) -> Vec<&str> {
    result["findings"].as_array().expect("findings").iter().map(|f| f["rule"].as_str().expect("rule")).collect()
}

#[test]
fn json_output_has_the_documented_shape() {
    let output = run(
        &["lint", "--format", "json", "--customer", "Ana Popescu", "--agent", "Maria", "-"],
        "Hi Ana Popescu, it shipped!!\n– Maria",
    );
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let result = json(&output);
    assert_eq!(result["language"], "en");
    for finding in result["findings"].as_array().unwrap() {
        for key in ["rule", "severity", "message", "explanation"] {
            assert!(finding[key].is_string(), "{key} in {finding}");
        }
        assert!(finding["start"].as_u64().unwrap() <= finding["end"].as_u64().unwrap());
        for fix in finding["fixes"].as_array().unwrap() {
            assert!(fix["label"].is_string());
            for edit in fix["edits"].as_array().unwrap() {
                assert!(edit["start"].is_u64() && edit["end"].is_u64() && edit["text"].is_string(), "{edit}");
            }
        }
    }
    assert_eq!(rules(&result), ["name-last", "tone-shout"]);
    let name_last = &result["findings"][0];
    assert_eq!((name_last["start"].as_u64(), name_last["end"].as_u64()), (Some(3), Some(14)));
    assert_eq!(name_last["fixes"][0]["edits"][0]["text"], "Ana");
}

#[test]
fn offsets_are_utf16_code_units() {
    let result = json(&run(&["lint", "--format", "json"], "👍👍 STOP SHOUTING"));
    let shout = &result["findings"][0];
    assert_eq!(shout["rule"], "tone-shout");
    assert_eq!((shout["start"].as_u64(), shout["end"].as_u64()), (Some(5), Some(18)));
}

#[test]
fn every_context_flag_reaches_the_rules() {
    let args = [
        "lint",
        "--format=json",
        "--surface",
        "comment",
        "--customer-message",
        "Sunt foarte dezamăgită!",
        "--lang",
        "ro",
        "--hours-since-customer",
        "2",
    ];
    let result = json(&run(&args, "Trimiteți-ne numărul de telefon."));
    assert_eq!(result["language"], "ro");
    assert_eq!(rules(&result), ["private-info-public", "empathy-missing"]);
    let result = json(&run(
        &["lint", "--format", "json", "--max-words", "3", "--disable", "first-line-summary"],
        "one two three four",
    ));
    assert_eq!(rules(&result), ["brevity"]);
}

#[test]
fn an_error_finding_exits_1() {
    let output = run(&["lint", "--format", "json", "--hours-since-customer", "200"], "Hello again!");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(rules(&json(&output)), ["window-closed"]);
}

/// A thread the customer opened by replying to an ad: its window lasts 7 days from that
/// reply, so promotion 30 hours after their last message is allowed until then.
#[test]
fn an_ad_reply_keeps_the_window_open_for_seven_days() {
    let promo = "20% off this week at shop.example.com";
    let lint = |extra: &[&str]| {
        let args = [&["lint", "--format", "json", "--hours-since-customer", "30"][..], extra].concat();
        let output = run(&args, promo);
        (output.status.code(), rules(&json(&output)).into_iter().map(String::from).collect::<Vec<_>>())
    };
    let outside = (Some(1), vec!["promo-outside-window".to_string(); 2]);
    assert_eq!(lint(&[]), outside);
    assert_eq!(lint(&["--hours-since-ad-reply", "30"]), (Some(0), vec![]));
    assert_eq!(lint(&["--hours-since-ad-reply=167.9"]), (Some(0), vec![]));
    assert_eq!(lint(&["--hours-since-ad-reply", "168"]), outside);
    // `rules` explains the ad's window.
    let output = run(&["rules"], "");
    let listing = String::from_utf8(output.stdout).unwrap();
    assert!(listing.contains("Click-to-Messenger or Click-to-Direct ad"), "{listing}");
    // Seven days after the customer's last message, an ad thread is closed too.
    let output =
        run(&["lint", "--format", "json", "--hours-since-customer", "168", "--hours-since-ad-reply", "168"], "Hi");
    assert_eq!((output.status.code(), rules(&json(&output))), (Some(1), vec!["window-closed"]));
}

#[test]
fn reads_a_file() {
    let path = std::env::temp_dir().join(format!("reply-coach-cli-{}.txt", std::process::id()));
    std::fs::write(&path, "Your call is important to us.\n").unwrap();
    let output = run(&["lint", "--format", "json", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(rules(&json(&output)), ["stock-phrase"]);
}

#[test]
fn text_output_shows_the_line_and_carets() {
    let output = run(&["lint", "--format", "text", "--explain"], "Hi Ana,\nWE ARE CLOSED today.");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("warning[tone-shout]: “WE ARE CLOSED” is in capitals"), "{text}");
    assert!(text.contains("  --> <stdin>:2:1\n"), "{text}");
    assert!(text.contains("2 | WE ARE CLOSED today.\n  | ^^^^^^^^^^^^^\n"), "{text}");
    assert!(text.contains("= fix: Write it in lower case"), "{text}");
    assert!(text.contains("= why: Capitals"), "{text}");
    assert!(text.ends_with("0 error(s), 1 warning(s), 0 info; language: en\n"), "{text}");
}

#[test]
fn bad_usage_exits_2_with_a_clear_message() {
    for (args, message) in [
        (
            &["lint", "--surface", "wall"][..],
            "invalid value 'wall' for '--surface <SURFACE>'\n  [possible values: message, comment]",
        ),
        (&["lint", "--lang", "fr"][..], "[possible values: auto, en, ro, hy, hi]"),
        (&["lint", "--frobnicate"][..], "unexpected argument '--frobnicate' found"),
        (&["lint", "--hours-since-customer", "soon"][..], "'--hours-since-customer <HOURS>': not a number of hours"),
        (&["lint", "--hours-since-ad-reply", "soon"][..], "'--hours-since-ad-reply <HOURS>': not a number of hours"),
        (&["lint", "--hours-since-ad-reply", "-1"][..], "hoursSinceAdReply must be a number of hours, 0 or more"),
        (&["lint", "--max-words", "0"][..], "settings.maxWords must be at least 1"),
        (&["lint", "--hours-since-ad-reply"][..], "a value is required for '--hours-since-ad-reply <HOURS>'"),
        (&["lint", "--disable", "no-such-rule"][..], "invalid value 'no-such-rule' for '--disable <RULE>'"),
        (&["lint", "draft.txt", "another.txt"][..], "unexpected argument 'another.txt' found"),
        (&["lint", "/no/such/draft.txt"][..], "cannot read /no/such/draft.txt"),
        (&["frobnicate"][..], "unrecognized subcommand 'frobnicate'"),
        (&[][..], "Usage: reply-coach [OPTIONS] <COMMAND>"),
    ] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

/// Every command and subcommand answers `--help` on standard output with its usage, and
/// exits 0; `help COMMAND` says the same.
#[test]
fn every_command_has_help() {
    for command in [
        &[][..],
        &["lint"],
        &["rules"],
        &["templates"],
        &["templates", "check"],
        &["templates", "render"],
        &["voice"],
        &["voice", "check"],
        &["profile"],
        &["profile", "check"],
    ] {
        let output = run(&[command, &["--help"]].concat(), "");
        let help = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "{command:?}: {}", stderr(&output));
        assert!(output.stderr.is_empty(), "{command:?}: {}", stderr(&output));
        let usage: String = command.iter().map(|word| format!(" {word}")).collect();
        let usage = format!("Usage: reply-coach{usage}");
        assert!(help.contains(&usage), "{command:?}: {help}");
        assert_eq!(stdout(&run(&[&["help"], command].concat(), "")), help, "help {command:?}");
    }
    // The documented flags, each with its help.
    let lint = stdout(&run(&["lint", "--help"], ""));
    for flag in [
        "--customer <NAME>",
        "--agent <NAME>",
        "--hours-since-customer <HOURS>",
        "--hours-since-ad-reply <HOURS>",
        "--surface <SURFACE>",
        "--customer-message <TEXT>",
        "--lang <LANG>",
        "--format <FORMAT>",
        "--preview-budget <N>",
        "--max-words <N>",
        "--max-sentence-words <N>",
        "--disable <RULE>",
        "--voice <formal|friendly|neutral|FILE>",
        "--explain",
        "[FILE|-]",
        "[default: auto] [possible values: auto, en, ro, hy, hi]",
        "[default: 80]",
    ] {
        assert!(lint.contains(flag), "{flag}: {lint}");
    }
    let render = stdout(&run(&["templates", "render", "--help"], ""));
    assert!(render.contains("--field <LABEL=VALUE>"), "{render}");
    let profile = stdout(&run(&["profile", "check", "--help"], ""));
    assert!(profile.contains("<FILE|builtin>") && profile.contains("--page <PAGE.html>"), "{profile}");
}

#[test]
fn version_prints_the_crates() {
    let output = run(&["--version"], "");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), format!("reply-coach {}\n", env!("CARGO_PKG_VERSION")));
}

/// Every command refuses a flag it does not know, in clap's words, before doing anything.
#[test]
fn an_unknown_flag_exits_2() {
    for args in [
        &["rules", "--all"][..],
        &["lint", "--customer", "Ana", "--lang=en", "--colour"],
        &["templates", "check", "--strict"],
        &["templates", "render", "lib.json", "greeting", "--lang", "ro"],
        &["voice", "check", "formal", "--strict"],
        &["profile", "check", "builtin", "--lang", "en"],
    ] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let flag = args.iter().rfind(|a| a.starts_with("--")).unwrap().split('=').next().unwrap();
        let stderr = stderr(&output);
        assert!(stderr.starts_with(&format!("error: unexpected argument '{flag}' found")), "{args:?}: {stderr}");
        assert!(stderr.contains("Usage: reply-coach "), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn invalid_utf8_input_is_refused() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reply-coach"))
        .args(["lint"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"caf\xe9").unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not UTF-8 text"));
}

#[test]
fn rules_lists_every_rule_id() {
    let output = run(&["rules"], "");
    let text = String::from_utf8(output.stdout).unwrap();
    for &id in reply_coach::rule_id::ALL {
        assert!(text.contains(id), "{id}");
    }
}

/// A JSON file (a template library, a voice profile) in the temporary directory, removed
/// when dropped.
struct LibraryFile(std::path::PathBuf);

impl LibraryFile {
    fn new(name: &str, contents: &str) -> LibraryFile {
        let path = std::env::temp_dir().join(format!("reply-coach-cli-{}-{name}.json", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        LibraryFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for LibraryFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

fn library(templates: Value) -> String {
    serde_json::json!({"format": "reply-coach-templates", "version": 1, "templates": templates}).to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn templates_check_passes_the_default_pack() {
    let output = run(&["templates", "check"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("<default pack>: "), "{}", stdout(&output));
    assert!(stdout(&output).contains(" 0 error(s)"), "{}", stdout(&output));
}

#[test]
fn templates_check_exits_1_on_an_error_finding_and_lints_by_tag() {
    let file = LibraryFile::new(
        "findings",
        &library(serde_json::json!([
            {"id": "left-in", "title": "Left in", "language": "en", "body": "Hi {{first_name}}, it shipped.\n– {agent_name}"},
            {"id": "late", "title": "Late", "language": "en", "tags": ["human-agent"],
             "body": "Hi {first_name}, order {field:Order} shipped today. 50% off your next order!\n– {agent_name}"},
        ])),
    );
    let output = run(&["templates", "check", file.path()], "");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(": left-in: error[placeholder-unfilled]: "), "{text}");
    // Tagged human-agent: linted 30 hours after the customer, where promotion is out.
    assert!(text.contains(": late: error[promo-outside-window]: "), "{text}");
    assert!(text.contains(": 2 template(s), "), "{text}");
}

#[test]
fn templates_check_names_the_template_and_field_of_an_invalid_file() {
    let file = LibraryFile::new(
        "invalid",
        &library(serde_json::json!([
            {"id": "a", "title": "A", "language": "en", "body": "Hi {order}"},
            {"id": "a", "title": "B", "language": "en", "body": "Hi"},
        ])),
    );
    let output = run(&["templates", "check", file.path()], "");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error: templates[0] (\"a\").body: at character 3: unknown variable `{order}`"), "{text}");
    assert!(text.contains("invalid, 1 error(s); nothing was checked"), "{text}");
    let huge = LibraryFile::new("huge", &" ".repeat(10 * 1024 * 1024));
    let output = run(&["templates", "check", huge.path()], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("the file is 10.0 MB; a template library may be at most 2 MB"));
}

#[test]
fn templates_render_fills_names_and_fields() {
    let file = LibraryFile::new(
        "render",
        &library(serde_json::json!([
            {"id": "refund.ro", "title": "Rambursare", "language": "ro",
             "body": "Bună, {first_name|acolo}! Comanda {field:Numărul comenzii} ({field:Data}) de la {page_name}.{cursor}\n– {agent_name}"},
        ])),
    );
    let args = [
        "templates",
        "render",
        file.path(),
        "refund.ro",
        "--customer",
        "Ana Popescu",
        "--agent",
        "Mihai",
        "--page",
        "Northwind",
        "--field",
        "Numărul comenzii=A-1042",
    ];
    let output = run(&args, "");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "Bună, Ana! Comanda A-1042 ({field:Data}) de la Northwind.\n– Mihai\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("fill-in fields not given (--field LABEL=VALUE): Data"), "{stderr}");
    let output = run(&["templates", "render", file.path(), "nope"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no template \"nope\""));
}

#[test]
fn templates_bad_usage_exits_2() {
    for args in
        [&["templates"][..], &["templates", "render", "only-a-file"][..], &["templates", "check", "/no/such.json"][..]]
    {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn voice_check_passes_the_built_in_profiles() {
    for name in ["formal", "friendly", "neutral"] {
        let output = run(&["voice", "check", name], "");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}{}",
            stdout(&output),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            stdout(&output).contains("is valid;") && stdout(&output).contains("example(s) pass"),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn voice_check_reports_failed_examples_and_exits_1() {
    let file = LibraryFile::new(
        "voice-failing",
        r#"{"version": 1, "name": "ours", "emoji": "not-allowed", "examples": [
            {"draft": "Sent 🙂", "expect": ["voice-emoji"]},
            {"draft": "Sent 🙂", "expect": []}
        ]}"#,
    );
    let output = run(&["voice", "check", file.path()], "");
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("examples[1]: expected [], found [voice-emoji]"), "{out}");
    assert!(out.contains("voice profile \"ours\": 1 of 2 example(s) failed"), "{out}");
}

#[test]
fn voice_check_names_the_field_of_an_invalid_profile() {
    for (name, profile, expected) in [
        ("voice-unknown", r#"{"version": 1, "tone": "warm"}"#, "unknown field tone"),
        ("voice-version", r#"{"version": 3}"#, "version: this Reply Coach reads version 1, not 3"),
        (
            "voice-never",
            r#"{"version": 1, "avoid": [{"phrase": "thanks. bye"}]}"#,
            "avoid[0].phrase: “thanks. bye” can never match",
        ),
        ("voice-limits", r#"{"version": 1, "limits": {"max_words": 0}}"#, "limits.max_words: must be a whole number"),
    ] {
        let file = LibraryFile::new(name, profile);
        let output = run(&["voice", "check", file.path()], "");
        assert_eq!(output.status.code(), Some(1), "{name}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains(file.path()) && error.contains(expected), "{name}: {error}");
    }
    // A megabyte is refused by its size, unread.
    let file =
        LibraryFile::new("voice-huge", &format!("{{\"version\": 1, \"name\": \"{}\"}}", "x".repeat(1024 * 1024)));
    let output = run(&["voice", "check", file.path()], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("larger than 65,536 bytes"));
    assert_eq!(run(&["voice", "check"], "").status.code(), Some(2));
    assert_eq!(run(&["voice", "lint"], "").status.code(), Some(2));
}

#[test]
fn lint_takes_a_voice_by_name_or_file() {
    let draft = "Hey, your card is gonna arrive on Friday!";
    assert_eq!(rules(&json(&run(&["lint", "--format", "json", "--lang", "en"], draft))), Vec::<&str>::new());
    let formal = json(&run(&["lint", "--format", "json", "--lang", "en", "--voice", "formal"], draft));
    assert_eq!(rules(&formal), ["register-mismatch", "register-mismatch", "voice-exclamations"]);
    let file = LibraryFile::new(
        "voice-ours",
        r#"{"version": 1, "avoid": [{"phrase": "card", "message": "Say “bank card”."}]}"#,
    );
    let ours = json(&run(&["lint", "--format", "json", "--voice", file.path()], draft));
    assert_eq!(rules(&ours), ["voice-avoid"]);
    assert_eq!(ours["findings"][0]["message"], "“card”: Say “bank card”.");
    // Refused before standard input is read: nothing to write to it.
    let output = run(&["lint", "--voice", "playful"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("\"playful\" is neither a built-in profile (formal, friendly, neutral) nor a file"));
}

const BUSINESS_PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/page_profile/fixtures/business.html");
const MESSENGER_PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/page_profile/fixtures/messenger.html");
const OPEN_THREAD: &str =
    "https://business.facebook.com/latest/inbox/all?asset_id=1047&selected_item_id=100052384037366";

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn profile_check_finds_every_part_of_both_layouts_with_the_built_in_profile() {
    for page in [BUSINESS_PAGE, MESSENGER_PAGE] {
        let output = run(&["profile", "check", "builtin", "--page", page, "--url", OPEN_THREAD], "");
        let out = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "{out}{}", stderr(&output));
        for part in ["✓ list", "✓ times", "✓ channel", "✓ conversation", "✓ composer", "0 of 5 part(s) missing"]
        {
            assert!(out.contains(part), "{part}: {out}");
        }
        for name in ["Ana", "Popescu", "Maria", "Cluj"] {
            assert!(!out.contains(name), "{name}: {out}");
        }
    }
    let output = run(&["profile", "check", "builtin", "--page", BUSINESS_PAGE], "");
    assert!(stdout(&output).contains("rows: 3 (strategy 1)\n"), "{}", stdout(&output));
    assert!(stdout(&output).contains("rowTime: 3 of 3 parse\n"), "{}", stdout(&output));
}

#[test]
fn profile_check_says_what_a_changed_page_misses_and_a_team_file_fixes_it() {
    let changed = std::fs::read_to_string(BUSINESS_PAGE)
        .unwrap()
        .replace("<abbr class=\"timestamp\"", "<span data-when")
        .replace("</abbr>", "</span>")
        .replace("data-utime=", "data-ts=");
    let page = LibraryFile::new("changed-page", &changed);
    let output = run(&["profile", "check", "builtin", "--page", page.path(), "--url", OPEN_THREAD], "");
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("✗ times        rowTime: 0 of 3 parse\n    looked for rowTime: [data-utime]"), "{out}");
    assert!(out.contains("✓ list") && out.contains("1 of 5 part(s) missing"), "{out}");
    let team = serde_json::json!({"replyCoachProfile": 1, "name": "March layout", "taughtOn": "/latest/inbox/all",
        "parts": {"rowTime": [{"css": "[data-ts]", "read": "epochSeconds", "attr": "data-ts"},
                              {"css": "[data-when]", "read": "stamp", "attr": "title"}]}});
    let file = LibraryFile::new("team-profile", &team.to_string());
    let output = run(&["profile", "check", file.path()], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).ends_with("profile file \"March layout\" is valid; it overrides rowTime\n"));
    let output = run(&["profile", "check", file.path(), "--page", page.path(), "--url", OPEN_THREAD], "");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("✓ times        rowTime: 3 of 3 parse"), "{}", stdout(&output));
}

#[test]
fn profile_check_names_every_error_of_an_invalid_file() {
    let file = LibraryFile::new(
        "bad-profile",
        r#"{"replyCoachProfile": 1, "colour": "red", "parts": {"rowTime": [{"css": "b", "read": "when"}], "pane": "main"}}"#,
    );
    let output = run(&["profile", "check", file.path()], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let errors = stderr(&output);
    let path = file.path();
    assert_eq!(
        errors,
        format!(
            "{path}: colour: not a key of a profile file (replyCoachProfile, name, saved, taughtOn, parts)\n\
             {path}: parts.pane: must be a list, as the built-in one is\n\
             {path}: invalid, 2 error(s); nothing was checked\n"
        )
    );
    let newer = LibraryFile::new("newer-profile", r#"{"replyCoachProfile": 2, "parts": {}}"#);
    let output = run(&["profile", "check", newer.path()], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("this file is format 2, newer than this Reply Coach reads (1): update Reply Coach")
    );
    // In the UI language, the paths and values as written.
    let output = run(&["profile", "check", newer.path(), "--ui-lang", "ro"], "");
    let error = stderr(&output);
    assert!(
        error.contains("replyCoachProfile: acest fișier are formatul 2, mai nou decât cel pe care îl citește acest Reply Coach (1): actualizați Reply Coach"),
        "{error}"
    );
}

#[test]
fn profile_bad_usage_exits_2() {
    for args in [&["profile"][..], &["profile", "check"][..], &["profile", "check", "builtin", "--page"][..]] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    let output = run(&["profile", "check", "/no/such.json"], "");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn ui_lang_words_findings_in_the_chosen_language_whatever_the_draft_s() {
    let output = run(&["lint", "--format", "json", "--ui-lang", "ro"], "STOP SHOUTING please");
    let result = json(&output);
    let finding = &result["findings"][0];
    assert_eq!(finding["rule"], "tone-shout");
    assert_eq!(result["language"], "en", "the draft is English");
    assert_eq!(finding["message"], "„STOP SHOUTING” este scris cu majuscule: se citește ca un strigăt.");
    assert_eq!(finding["fixes"][0]["label"], "Scrieți cu litere mici");

    let unknown = run(&["lint", "--ui-lang", "fr"], "");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("possible values: en, ro, hy, hi"));
}
