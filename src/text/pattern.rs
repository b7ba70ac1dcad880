//! The pattern syntax of phrase lists (src/lang/data/README.md): parsing an entry into its
//! places, and compiling it at build time.
//!
//! Parsing an entry as written segments its words (UAX #29) and folds them, which was most
//! of the first lint's cost when every list was parsed in the browser. So `build.rs`
//! compiles the phrase lists of the shipped data files with this very module (included
//! there by path: it uses only `std`, `fold` and unicode-segmentation): each entry is
//! followed by [`SEPARATOR`] and its places printed with the words already segmented and
//! folded, in the same syntax except that a run of several words in an alternative is
//! joined by `+` (`v-am|am` → `v+am|am`). The reader of that form ([`Form::Compiled`])
//! only splits. Lists made at run time (a voice profile's words) are parsed as written.

use unicode_segmentation::UnicodeSegmentation;

use super::fold;

/// Ends the entry as written in a compiled entry: a control character, which no data
/// file holds, and not whitespace, so trimming a line keeps it.
pub const SEPARATOR: char = '\u{1F}';

/// One word of a pattern, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPattern {
    Exact(String),
    Prefix(String),
}

/// One place of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// One word that must be there: most places of most entries, kept apart from
    /// `Choice` so parsing and matching them allocate and loop less.
    Word(WordPattern),
    /// One of the alternatives, each a run of words; with `optional`, also nothing.
    Choice { alternatives: Vec<Vec<WordPattern>>, optional: bool },
    /// Up to this many words of any kind.
    Gap(usize),
}

/// How the words of a pattern are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// As in the data files: segmented and folded when parsed.
    Written,
    /// As [`compile`] prints them: folded, a run's words joined by `+`.
    Compiled,
}

/// Parses a pattern into its places. Gaps at either end mean nothing and are dropped; an
/// entry with no place that must match gives no places (and is matched literally).
pub fn parse(text: &str, form: Form) -> Vec<Element> {
    let mut elements = Vec::new();
    match form {
        Form::Written => text.split_whitespace().for_each(|token| parse_token(token, form, &mut elements)),
        // Printed with single spaces: split without decoding characters.
        Form::Compiled => text.split(' ').for_each(|token| parse_token(token, form, &mut elements)),
    }
    while matches!(elements.last(), Some(Element::Gap(_))) {
        elements.pop();
    }
    let leading_gaps = elements.iter().take_while(|e| matches!(e, Element::Gap(_))).count();
    elements.drain(..leading_gaps);
    let required = elements.iter().any(|e| matches!(e, Element::Word(_) | Element::Choice { optional: false, .. }));
    if required {
        elements
    } else {
        Vec::new()
    }
}

/// One whitespace-separated token, added to `elements`: a gap (`~2`), or words with
/// alternatives and an optional mark. A plain token of several words ("v-am", "that's")
/// gives one place per word.
fn parse_token(token: &str, form: Form, elements: &mut Vec<Element>) {
    if let Some(max) = token.strip_prefix('~') {
        elements.extend(max.parse().ok().map(Element::Gap));
        return;
    }
    let (inner, optional) = match token.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (inner, true),
        None => (token, false),
    };
    if token.is_empty() {
        return;
    }
    // By byte: a search for either of two characters decodes every character, and was a
    // third of reading the compiled lists at the first lint.
    if !optional && form == Form::Compiled && !inner.bytes().any(|byte| byte == b'|' || byte == b'+') {
        // One compiled word, most places of most entries: no list of words to make.
        elements.push(Element::Word(compiled_word(inner)));
        return;
    }
    if !optional && !inner.contains('|') {
        let mut words = Vec::new();
        pattern_words(inner, form, &mut words);
        elements.extend(words.into_iter().map(Element::Word));
        return;
    }
    let mut alternatives = Vec::new();
    for run in inner.split('|') {
        let mut words = Vec::new();
        pattern_words(run, form, &mut words);
        if !words.is_empty() {
            alternatives.push(words);
        }
    }
    if !alternatives.is_empty() {
        elements.push(Element::Choice { alternatives, optional });
    }
}

/// The word patterns of `text`, added to `words`; `word*` is a stem.
fn pattern_words(text: &str, form: Form, words: &mut Vec<WordPattern>) {
    match form {
        Form::Compiled => words.extend(text.split('+').filter(|word| !word.is_empty()).map(compiled_word)),
        Form::Written => {
            for (at, word) in text.unicode_word_indices() {
                let folded = fold(word).into_owned();
                words.push(match text[at + word.len()..].starts_with('*') {
                    true => WordPattern::Prefix(folded),
                    false => WordPattern::Exact(folded),
                });
            }
        }
    }
}

/// A compiled word: folded, with `*` after a stem.
fn compiled_word(word: &str) -> WordPattern {
    match word.strip_suffix('*') {
        Some(stem) => WordPattern::Prefix(stem.to_string()),
        None => WordPattern::Exact(word.to_string()),
    }
}

/// Whether an entry's text is matched word by word (else literally, in the raw text): it
/// starts with a word or an optional place (`:(`, `😡`, `% off` do not).
pub fn starts_with_word(text: &str) -> bool {
    text.starts_with(|c: char| c.is_alphanumeric() || c == '(')
}

/// The compiled form of a data-file entry (`phrase` or `phrase => replacement`): the entry
/// as written, [`SEPARATOR`], its places printed (none for a literal entry). Used by
/// `build.rs` and the tests; the Wasm only reads what it prints.
pub fn compile(entry: &str) -> String {
    let entry = entry.trim();
    let text = entry.split_once("=>").map_or(entry, |(text, _)| text).trim();
    let elements = if starts_with_word(text) { parse(text, Form::Written) } else { Vec::new() };
    let word = |pattern: &WordPattern| match pattern {
        WordPattern::Exact(word) => word.clone(),
        WordPattern::Prefix(stem) => format!("{stem}*"),
    };
    let places: Vec<String> = elements
        .iter()
        .map(|element| match element {
            Element::Word(pattern) => word(pattern),
            Element::Choice { alternatives, optional } => {
                let runs: Vec<String> =
                    alternatives.iter().map(|run| run.iter().map(word).collect::<Vec<_>>().join("+")).collect();
                // A lone alternative keeps its `|`, so it reads back as a choice.
                let lone = if runs.len() == 1 && !optional { "|" } else { "" };
                let runs = runs.join("|");
                if *optional {
                    format!("({runs})")
                } else {
                    format!("{runs}{lone}")
                }
            }
            Element::Gap(max) => format!("~{max}"),
        })
        .collect();
    format!("{entry}{SEPARATOR}{}", places.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places_of(entry: &str) -> String {
        compile(entry).split_once(SEPARATOR).expect("a separator").1.to_string()
    }

    #[test]
    fn words_are_segmented_and_folded() {
        assert_eq!(places_of("That’S NOT true"), "that's not true");
        assert_eq!(places_of("v-am spus"), "v am spus");
        assert_eq!(places_of("mulţumim"), "multumim");
    }

    #[test]
    fn every_construct_compiles_and_reads_back_as_parsed() {
        for (entry, places) in [
            ("reducer*", "reducer*"),
            ("v-am|am|ti-am spus*|zis*", "v+am|am|ti+am spus*|zis*"),
            ("that's (really|truly) not correct", "that's (really|truly) not correct"),
            ("(v-am) spus", "(v+am) spus"),
            ("as i ~2 said", "as i ~2 said"),
            ("as i said ~1", "as i said"),
            ("v-am| spus", "v+am| spus"),
        ] {
            assert_eq!(places_of(entry), places, "{entry}");
            assert_eq!(parse(places, Form::Compiled), parse(entry, Form::Written), "{entry}");
        }
    }

    #[test]
    fn literal_entries_have_no_places() {
        assert_eq!(places_of(":("), "");
        assert_eq!(places_of("% off"), "");
        // Nothing must be there: matched literally.
        assert_eq!(places_of("(asap)"), "");
    }

    #[test]
    fn the_entry_as_written_and_its_replacement_are_kept() {
        assert_eq!(compile("  problem => issue "), format!("problem => issue{SEPARATOR}problem"));
        assert_eq!(compile("obviously =>"), format!("obviously =>{SEPARATOR}obviously"));
    }
}
