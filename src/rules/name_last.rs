//! `name-last`: the customer's last name or full name is used.

use std::ops::Range;

use super::{replace, Hit, Input, Rule};
use crate::draft::{is_name_like, occurrences};
use crate::finding::Severity;

pub struct NameLast;

impl Rule for NameLast {
    fn id(&self) -> &'static str {
        "name-last"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "Address the customer by first name only: a full name or a surname sounds like a form letter (guidelines §2, \"Use the customer's first name\", from 003 §4). When you @-tag someone, Facebook inserts the full name: press backspace once to keep only the first name."
    }

    /// A full name fires wherever it is. A last name alone fires only where it is written
    /// as a name (capitalised or tagged), so a surname that is also a word ("Mare", "Rose")
    /// does not fire on the word.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(customer) = &input.customer else { return };
        if customer.rest.is_empty() {
            return;
        }
        let draft = input.draft;
        let first = &customer.first.text;
        let mut full_names: Vec<Range<usize>> = Vec::new();
        for start in customer.first_name_in(draft).into_iter().map(|r| r.start) {
            let mut end = draft.word_at_or_after(draft.words[start].span.end);
            let mut parts = 0;
            for part in &customer.rest {
                match occurrences(part, draft).find(|r| r.start == end) {
                    Some(found) => {
                        end = found.end;
                        parts += 1;
                    }
                    None => break,
                }
            }
            if parts > 0 {
                full_names.push(start..end);
            }
        }
        for words in &full_names {
            let span = draft.words[words.start].span.start..draft.words[words.end - 1].span.end;
            let written = &draft.text[span.clone()];
            let kept = &draft.text[draft.words[words.start].span.clone()];
            hits.push(
                Hit::new(span.clone(), format!("“{written}” is the full name: use the first name only."))
                    .with_fix(format!("Keep “{kept}”"), vec![replace(span, kept)]),
            );
        }
        for part in &customer.rest {
            for found in occurrences(part, draft) {
                if full_names.iter().any(|f| f.start <= found.start && found.end <= f.end)
                    || !is_name_like(draft, found.start)
                {
                    continue;
                }
                let span = with_honorific(input, found.start)..draft.words[found.end - 1].span.end;
                let written = &draft.text[span.clone()];
                hits.push(
                    Hit::new(span.clone(), format!("“{written}” is the customer's last name: use “{first}”."))
                        .with_fix(format!("Use “{first}”"), vec![replace(span, first.clone())]),
                );
            }
        }
    }
}

/// The start of the last name at word `index`, moved back over a title just before it
/// ("Mrs Popescu", "doamna Popescu", "պարոն Սարգսյան").
fn with_honorific(input: &Input, index: usize) -> usize {
    let draft = input.draft;
    let title = index
        .checked_sub(1)
        .filter(|&before| input.data.honorifics.match_at(&draft.words, before).is_some_and(|m| m.words.end == index));
    draft.words[title.unwrap_or(index)].span.start
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "name-last";

    #[test]
    fn full_names_are_cut_to_the_first_name() {
        let c = case().customer("Ana Popescu");
        assert_eq!(c.fixed(RULE, "Hi Ana Popescu, it is sent."), "Hi Ana, it is sent.");
        assert_eq!(c.fixed(RULE, "@Ana Popescu it is sent."), "@Ana it is sent.");
        assert_eq!(c.fixed(RULE, "Hi ana popescu, sent."), "Hi ana, sent.");
        let c = case().customer("Ștefan Ion Pop");
        assert_eq!(c.spans(RULE, "Salut Stefan Ion Pop!"), ["Stefan Ion Pop"]);
    }

    #[test]
    fn last_names_alone_become_the_first_name() {
        let c = case().customer("Ana Popescu");
        assert_eq!(c.fixed(RULE, "Dear Mrs Popescu, it is sent."), "Dear Ana, it is sent.");
        assert_eq!(
            case().customer("Ana Popescu").fixed(RULE, "Stimată doamnă Popescu, comanda a plecat."),
            "Stimată Ana, comanda a plecat."
        );
        assert_eq!(
            case().customer("Անի Սարգսյան").fixed(RULE, "Հարգելի տիկին Սարգսյան, պատվերը ճանապարհին է։"),
            "Հարգելի Անի, պատվերը ճանապարհին է։"
        );
        assert_eq!(
            case().customer("प्रिया शर्मा").fixed(RULE, "नमस्ते शर्मा जी, ऑर्डर भेज दिया गया है।"),
            "नमस्ते प्रिया जी, ऑर्डर भेज दिया गया है।"
        );
    }

    #[test]
    fn first_names_and_ordinary_words_pass() {
        assert!(!case().customer("Ana Popescu").fires(RULE, "Hi Ana, it is sent."));
        // "Mare" is the surname, "mare" a word.
        assert!(!case().customer("Ana Mare").fires(RULE, "Bună Ana, avem o reducere mare."));
        assert!(!case().customer("Ana").fires(RULE, "Hi Ana."));
        assert!(!case().customer("Անի Սարգսյան").fires(RULE, "Բարև Ձեզ, Անի։"));
        assert!(!case().customer("प्रिया शर्मा").fires(RULE, "नमस्ते प्रिया जी।"));
    }
}
