//! The greeting that opens a reply ("Hi Ana,", "Bună ziua!", "नमस्ते प्रिया जी,").

use std::ops::Range;

use super::Draft;
use crate::lang::LanguageData;
use crate::text::letters::is_alphanumeric;

/// Words a greeting may carry after its phrase before its punctuation: a name, "there",
/// "जी". More than this is a sentence that happens to start with "Hi".
const MAX_WORDS_AFTER_GREETING: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Greeting {
    /// The greeting through its punctuation: "Hi Ana,".
    pub span: Range<usize>,
    /// The end of the greeting phrase itself ("Hi"): where a missing name goes.
    pub phrase_end: usize,
    /// Where the message proper starts.
    pub content_start: usize,
}

impl Greeting {
    pub fn find(draft: &Draft, data: &LanguageData) -> Option<Greeting> {
        let phrase = data.greetings.match_at(&draft.words, 0)?;
        if !draft.text[..phrase.span.start].trim().is_empty() {
            return None;
        }
        let mut end = match clause_after(draft.text, phrase.span.end) {
            Some(clause) => clause.end,
            None => phrase.span.end,
        };
        // "Bună ziua, Ana!": a name standing alone after the greeting's comma belongs to it.
        if draft.text[..end].ends_with(',') {
            if let Some(clause) = clause_after(draft.text, end).filter(|c| c.words > 0 && c.all_capitalised) {
                end = clause.end;
            }
        }
        // Keep a run of closing marks with the greeting: "Hi Ana!!".
        let tail = &draft.text[end..];
        end += tail.len() - tail.trim_start_matches(['!', ',', '.']).len();
        let content_start = end + (draft.text[end..].len() - draft.text[end..].trim_start().len());
        Some(Greeting { span: phrase.span.start..end, phrase_end: phrase.span.end, content_start })
    }
}

/// A short clause from `from` to its punctuation.
struct Clause {
    /// After the punctuation (before a line break).
    end: usize,
    words: usize,
    all_capitalised: bool,
}

/// The clause starting at `from` if it ends, within a few words, at a comma, a sentence
/// end or a line break (or the end of the text).
fn clause_after(text: &str, from: usize) -> Option<Clause> {
    let rest = &text[from..];
    let mut words = 0;
    let mut all_capitalised = true;
    let mut in_word = false;
    for (at, c) in rest.char_indices() {
        if matches!(c, ',' | '!' | '.' | '։' | '।' | ':' | '՝' | '?' | '\n') {
            let end = from + at + if c == '\n' { 0 } else { c.len_utf8() };
            return Some(Clause { end, words, all_capitalised });
        }
        let word_char = is_alphanumeric(c) || (in_word && !c.is_whitespace());
        if word_char && !in_word {
            words += 1;
            if words > MAX_WORDS_AFTER_GREETING {
                return None;
            }
            all_capitalised &= !c.is_lowercase();
        }
        in_word = word_char && c != '@';
    }
    Some(Clause { end: text.len(), words, all_capitalised })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn greeting(text: &str, language: Language) -> Option<(String, String)> {
        let draft = Draft::new(text, language);
        Greeting::find(&draft, language.data()).map(|g| (text[g.span].to_string(), text[g.content_start..].to_string()))
    }

    #[test]
    fn finds_greetings_with_and_without_names() {
        assert_eq!(
            greeting("Hi Ana, your refund is sent.", Language::En),
            Some(("Hi Ana,".into(), "your refund is sent.".into()))
        );
        assert_eq!(greeting("Hello!\nIt is sent.", Language::En), Some(("Hello!".into(), "It is sent.".into())));
        assert_eq!(
            greeting("Bună ziua, Ana! Comanda a plecat.", Language::Ro),
            Some(("Bună ziua, Ana!".into(), "Comanda a plecat.".into()))
        );
        assert_eq!(
            greeting("Hi, your order left today.", Language::En),
            Some(("Hi,".into(), "your order left today.".into()))
        );
        assert_eq!(greeting("Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։", Language::Hy).unwrap().0, "Բարև Ձեզ, Անի։");
        assert_eq!(greeting("नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।", Language::Hi).unwrap().0, "नमस्ते प्रिया जी,");
    }

    #[test]
    fn a_reply_not_opening_with_a_greeting_has_none() {
        assert_eq!(greeting("Your refund is sent. Hi again!", Language::En), None);
        assert_eq!(greeting("", Language::En), None);
    }
}
