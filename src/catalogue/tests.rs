//! The shipped catalogues: complete, consistent, every id used, and rendering real text.

use std::collections::BTreeSet;
use std::path::Path;

use super::format::{parts, Catalogue, Part};
use super::*;

fn shipped(locale: Locale) -> Catalogue {
    Catalogue::parse(source(locale), locale).unwrap_or_else(|e| panic!("data/{}.txt: {e}", locale.code()))
}

fn argument_names(body: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let _ = parts(body, &mut |part| {
        if let Part::Argument(name) | Part::Plural(name, _) = part {
            names.insert(name);
        }
        Ok(())
    });
    names
}

#[test]
fn every_language_has_every_id_with_the_same_arguments() {
    // Parsing checks each count's plural forms against the language's categories.
    let english = shipped(Locale::En);
    for locale in [Locale::Ro, Locale::Hy, Locale::Hi] {
        let other = shipped(locale);
        let code = locale.code();
        let extra: Vec<&str> = other.entries().map(|(id, _)| id).filter(|id| english.get(id).is_none()).collect();
        assert!(extra.is_empty(), "{code}.txt has ids English lacks: {extra:?}");
        for (id, body) in english.entries() {
            let translated = other.get(id).unwrap_or_else(|| panic!("{code}.txt lacks {id}"));
            assert_eq!(argument_names(translated), argument_names(body), "{code}.txt: {id}");
        }
    }
}

/// The code names every message by a whole string literal (`Message::new("tone-shout.capitals")`,
/// or an id kept in a table such as the upset cues'), never by one built from parts: an
/// id is in use when the sources outside tests hold it in quotes. A catalogue id none of them names is
/// unused; an id `Message::new` names that English lacks would render as the id.
#[test]
fn the_catalogue_holds_exactly_the_ids_the_code_uses() {
    let mut code_text = String::new();
    let mut constructed = BTreeSet::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in rust_files(&src) {
        let text = std::fs::read_to_string(&file).expect("a readable source");
        // Tests sit at the end of a file, after `#[cfg(test)]`; the rules' shared test
        // helpers are a file of their own.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        if file.ends_with("rules/testing.rs") || file.ends_with("catalogue/tests.rs") {
            continue;
        }
        code_text.push_str(code);
        for call in code.split("Message::new(\"").skip(1) {
            constructed.insert(call.split('"').next().unwrap_or_default().to_string());
        }
    }
    let english = shipped(Locale::En);
    let unused: Vec<&str> =
        english.entries().map(|(id, _)| id).filter(|id| !code_text.contains(&format!("\"{id}\""))).collect();
    assert!(unused.is_empty(), "ids no code names: {unused:?}");
    let unknown: Vec<&String> = constructed.iter().filter(|id| english.get(id).is_none()).collect();
    assert!(unknown.is_empty(), "ids the catalogue lacks: {unknown:?}");
    assert!(constructed.contains("tone-shout.capitals"), "the scan sees the rules");
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn renders_arguments_plurals_and_numbers_in_each_language() {
    let too_long = |words| Message::new("brevity.long-sentence").count("words", words).count("max", 25);
    assert_eq!(render(&too_long(31), Locale::En), "This sentence has 31 words; keep sentences under 25.");
    assert_eq!(
        render(&too_long(31), Locale::Ro),
        "Această propoziție are 31 de cuvinte; păstrați propozițiile sub 25 de cuvinte."
    );
    assert_eq!(
        render(&too_long(1), Locale::Ro),
        "Această propoziție are 1 cuvânt; păstrați propozițiile sub 25 de cuvinte."
    );
    assert_eq!(
        render(&too_long(19), Locale::Ro),
        "Această propoziție are 19 cuvinte; păstrați propozițiile sub 25 de cuvinte."
    );
    let shout = Message::new("tone-shout.capitals").text("text", "WE ARE CLOSED");
    assert_eq!(render(&shout, Locale::En), "“WE ARE CLOSED” is in capitals: it reads as shouting.");
    assert_eq!(render(&shout, Locale::Ro), "„WE ARE CLOSED” este scris cu majuscule: se citește ca un strigăt.");
    assert!(render(&shout, Locale::Hy).starts_with("«WE ARE CLOSED»"), "{}", render(&shout, Locale::Hy));
    assert!(render(&shout, Locale::Hi).starts_with("“WE ARE CLOSED”"), "{}", render(&shout, Locale::Hi));
}

#[test]
fn nested_messages_render_in_the_same_language() {
    let cue = Message::new("empathy-missing.cue-words")
        .message("kind", Message::new("upset.leaving"))
        .text("words", "never again");
    let upset = Message::new("empathy-missing.upset").message("cue", cue);
    assert_eq!(
        render(&upset, Locale::En),
        "The customer is upset (a threat to leave: “never again”): acknowledge it before the answer."
    );
    assert!(render(&upset, Locale::Ro).contains("„never again”"), "{}", render(&upset, Locale::Ro));
}

#[test]
fn an_unknown_id_renders_as_itself() {
    assert_eq!(render(&Message::new("no-such.message"), Locale::Ro), "no-such.message");
}

/// Only the unknown code: the UI language is global, and the tests run in parallel.
#[test]
fn the_ui_language_is_english_until_set() {
    let fix = Message::new("tone-shout.fix.lower-case");
    assert_eq!(fix.to_string(), "Write it in lower case");
    assert!(set_ui_language("xx").is_err());
    assert_eq!(ui_language(), Locale::En);
}

#[test]
fn install_names_the_file_and_line() {
    assert_eq!(install("xx", ""), Err("no message catalogue named \"xx\"".into()));
    assert_eq!(
        install("ro", "a.b = {n|one:x|other:y}"),
        Err("data/messages/ro.txt: line 1: `n` has no `few` form, which ro needs".into())
    );
}
