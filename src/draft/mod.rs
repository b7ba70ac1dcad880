//! The analysed draft: its words and sentences, and the parts of a reply several rules
//! look at (the greeting, the sign-off, people's names in it).
//!
//! A draft is analysed once per lint; rules only read it.

mod greeting;
mod names;
mod sign_off;

use std::cell::OnceCell;
use std::ops::Range;

pub use greeting::Greeting;
pub use names::{is_name_like, occurrences, PersonName};
pub use sign_off::{names_team, SignOff};

use crate::lang::{detect_fallback, detect_words, CommonData, Language};
use crate::text::letters::script;
use crate::text::translit::name_skeleton;
use crate::text::{fold, is_sentence_terminator, words, PhraseList, PhraseMatch, Word};

/// A sentence: its trimmed byte span and the words in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub words: Range<usize>,
}

/// A draft reply split into words and sentences.
#[derive(Debug)]
pub struct Draft<'a> {
    pub text: &'a str,
    pub language: Language,
    pub words: Vec<Word<'a>>,
    pub sentences: Vec<Sentence>,
    /// Each word's script and its sound in Latin letters, for names written in another
    /// script (`names`): worked out on first use, once per lint, where every rule that
    /// looks for a person's name would ask them of every word again.
    name_forms: OnceCell<Vec<NameForm>>,
}

/// What a word sounds like as a name: its script, and its skeleton
/// (`translit::name_skeleton`), worked out when first asked: only a name in another script
/// than the word's needs it, and a Hindi draft greeting a Hindi name (most of them) never
/// does. Working out every Devanagari word's skeleton was a sixth of a Hindi lint.
#[derive(Debug)]
struct NameForm {
    script: &'static str,
    skeleton: OnceCell<String>,
}

impl<'a> Draft<'a> {
    pub fn new(text: &'a str, language: Language) -> Self {
        Draft::with_words(text, language, words(text))
    }

    /// Analyses `text` in the language detected from it; when it says too little, the
    /// `fallback` text (the customer's message) decides, and English is the last resort.
    /// The words are segmented once, for detection and analysis alike.
    pub fn detected(text: &'a str, fallback: Option<&str>) -> Self {
        let words = words(text);
        let language = detect_words(text, &words).or_else(|| detect_fallback(fallback)).unwrap_or(Language::En);
        Draft::with_words(text, language, words)
    }

    fn with_words(text: &'a str, language: Language, mut words: Vec<Word<'a>>) -> Self {
        let spans = sentence_spans(text, language);
        let mut sentences = Vec::with_capacity(spans.len());
        let mut next_word = 0;
        for (index, span) in spans.into_iter().enumerate() {
            let first = next_word;
            while next_word < words.len() && words[next_word].span.start < span.end {
                words[next_word].sentence = index;
                next_word += 1;
            }
            sentences.push(Sentence { span, words: first..next_word });
        }
        Draft { text, language, words, sentences, name_forms: OnceCell::new() }
    }

    /// The text with trailing whitespace removed: where appended text goes.
    pub fn content_end(&self) -> usize {
        self.text.trim_end().len()
    }

    /// The sentence containing byte offset `at`, or the first one after it.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        self.sentences.iter().find(|s| s.span.end > at)
    }

    /// The index of the first word starting at or after byte offset `at`.
    pub fn word_at_or_after(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    /// Matches of `list` inside `span` (a sentence, a signature). Word indices in the
    /// matches count from the first word of `span`.
    pub fn find_in<'l>(
        &'l self,
        list: &'l PhraseList,
        span: Range<usize>,
    ) -> impl Iterator<Item = PhraseMatch<'l>> + 'l {
        let words = self.word_at_or_after(span.start)..self.word_at_or_after(span.end);
        list.find_all(self.text, &self.words[words])
            .filter(move |m| span.start <= m.span.start && m.span.end <= span.end)
    }

    /// `inserted` (a sentence a fix adds) with the full stop this draft uses: where the
    /// writer types `:` for `։` or `|` for `।`, a sentence with the other sign stands out.
    pub fn with_typed_full_stops(&self, inserted: &str) -> String {
        match self.language.typed_full_stop() {
            Some((typed, proper)) if self.text.contains(typed) && !self.text.contains(proper) => {
                inserted.replace(proper, &typed.to_string())
            }
            _ => inserted.to_string(),
        }
    }

    fn name_form(&self, index: usize) -> &NameForm {
        let forms = self.name_forms.get_or_init(|| {
            self.words.iter().map(|w| NameForm { script: script(w.text), skeleton: OnceCell::new() }).collect()
        });
        &forms[index]
    }

    /// The script of word `index` (`letters::script`).
    fn word_script(&self, index: usize) -> &'static str {
        self.name_form(index).script
    }

    /// The name skeleton of word `index` (`translit::name_skeleton` of its folded form).
    fn word_skeleton(&self, index: usize) -> &str {
        self.name_form(index).skeleton.get_or_init(|| name_skeleton(&self.words[index].folded))
    }

    /// The text of a span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        self.text.get(span.clone()).unwrap_or_default()
    }
}

/// Splits `text` into trimmed sentence spans: a sentence ends at a line break, or at a
/// terminator (`.`, `!`, `?`, `…`, `։`, `।`, `॥`; `:` in Armenian and `|` in Hindi, as
/// typed for `։` and `।`) followed by space, a closing quote or bracket, or the end.
/// "3.5" and "example.com" stay whole, and so does the full stop of an abbreviation
/// ("nr. 48213", "Mr. Pop", "էլ. փոստ").
fn sentence_spans(text: &str, language: Language) -> Vec<Range<usize>> {
    let typed = language.typed_full_stop().map(|(typed, _)| typed);
    let is_end = |c: char| is_sentence_terminator(c) || typed == Some(c);
    let abbreviations = &CommonData::get().abbreviations;
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = if c == '\n' {
            Some(at)
        } else if c == '.' && ends_abbreviation(&text[..at], abbreviations) {
            None
        } else if is_end(c) {
            // Take the whole run of terminators and closing marks: "?!", "…)", ".\"".
            let mut end = at + c.len_utf8();
            while let Some(&(next_at, next)) = chars.peek() {
                if is_end(next) || matches!(next, '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                    end = next_at + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            match chars.peek() {
                None => Some(end),
                Some(&(_, next)) if next.is_whitespace() => Some(end),
                _ => None,
            }
        } else {
            None
        };
        if let Some(end) = end {
            push_trimmed(text, start..end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

/// Whether `before` ends with an abbreviation that takes a full stop ("nr", "dvs", "e.g").
fn ends_abbreviation(before: &str, abbreviations: &[String]) -> bool {
    let word_start = before
        .rfind(|c: char| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let folded = fold(word);
    abbreviations.iter().any(|a| a.as_str() == folded)
}

fn push_trimmed(text: &str, span: Range<usize>, spans: &mut Vec<Range<usize>>) {
    let piece = &text[span.clone()];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = span.start + trimmed_start;
        spans.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str, language: Language) -> Vec<&str> {
        Draft::new(text, language).sentences.iter().map(|s| &text[s.span.clone()]).collect()
    }

    #[test]
    fn splits_at_terminators_and_line_breaks() {
        assert_eq!(
            sentences("Hi Ana,\nYour refund of 3.5 lei is on example.com now! Really?! Yes…", Language::En),
            ["Hi Ana,", "Your refund of 3.5 lei is on example.com now!", "Really?!", "Yes…"]
        );
    }

    #[test]
    fn armenian_and_hindi_full_stops() {
        assert_eq!(sentences("Բարև Ձեզ։ Պատվերը ճանապարհին է։", Language::Hy), ["Բարև Ձեզ։", "Պատվերը ճանապարհին է։"]);
        // Armenian writers often type ':' for '։'.
        assert_eq!(sentences("Բարև Ձեզ: Պատվերը ճանապարհին է:", Language::Hy), ["Բարև Ձեզ:", "Պատվերը ճանապարհին է:"]);
        assert_eq!(sentences("Note: this is one sentence.", Language::En), ["Note: this is one sentence."]);
        assert_eq!(
            sentences("आपका ऑर्डर भेज दिया गया है। धन्यवाद।", Language::Hi),
            ["आपका ऑर्डर भेज दिया गया है।", "धन्यवाद।"]
        );
        // Hindi writers often type '|' for '।'.
        assert_eq!(sentences("ऑर्डर भेज दिया गया है | धन्यवाद |", Language::Hi), ["ऑर्डर भेज दिया गया है |", "धन्यवाद |"]);
        assert_eq!(sentences("a | b", Language::En), ["a | b"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Comanda nr. 48213 a plecat. Care este adresa dvs. de livrare?", Language::Ro),
            ["Comanda nr. 48213 a plecat.", "Care este adresa dvs. de livrare?"]
        );
        assert_eq!(sentences("Dear Mr. Pop, e.g. this. Done.", Language::En), ["Dear Mr. Pop, e.g. this.", "Done."]);
        assert_eq!(sentences("Գրեք Ձեր էլ. փոստը։", Language::Hy), ["Գրեք Ձեր էլ. փոստը։"]);
        // A word that merely ends in an abbreviation's letters still ends its sentence.
        assert_eq!(sentences("It is in the tunnr. Next.", Language::En), ["It is in the tunnr.", "Next."]);
    }

    #[test]
    fn words_know_their_sentence() {
        let draft = Draft::new("One two. Three", Language::En);
        let sentence_of: Vec<usize> = draft.words.iter().map(|w| w.sentence).collect();
        assert_eq!(sentence_of, [0, 0, 1]);
        assert_eq!(draft.sentences[1].words, 2..3);
    }
}
