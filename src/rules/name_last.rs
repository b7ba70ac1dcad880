//! `name-last`: the customer's last name or full name is used.

use std::ops::Range;

use super::{replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::{is_name_like, occurrences, Draft, PersonName};
use crate::finding::Severity;

pub struct NameLast;

impl Rule for NameLast {
    fn id(&self) -> &'static str {
        "name-last"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("name-last.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(customer) = &input.customer else { return };
        let draft = input.draft;
        for full in full_names(customer, draft) {
            let span = draft.words[full.words.start].span.start..draft.words[full.words.end - 1].span.end;
            let written = &draft.text[span.clone()];
            let kept = &draft.text[span.start..draft.words[full.kept_end - 1].span.end];
            hits.push(
                Hit::new(span.clone(), Message::new("name-last.full-name").text("text", written))
                    .with_fix(Message::new("name-last.fix.keep").text("text", kept), vec![replace(span, kept)]),
            );
        }
        let first = &customer.first.text;
        for span in last_names_alone(input, customer) {
            let written = &draft.text[span.clone()];
            hits.push(
                Hit::new(span.clone(), Message::new("name-last.last-name").text("text", written).text("first", first))
                    .with_fix(
                        Message::new("name-last.fix.use").text("text", first),
                        vec![replace(span, first.clone())],
                    ),
            );
        }
    }
}

/// A full name in the draft, as word indices.
struct FullName {
    words: Range<usize>,
    /// The end of what the fix keeps: the first name and any middle names written with it.
    kept_end: usize,
}

/// Every place where the first name is followed by the last name, with or without the
/// middle names between ("Ana Popescu", "Ana Maria Popescu"), separated by spaces only:
/// "Ana! May I…" is not Ana May's full name. The first name with only a middle name
/// ("Ana Maria" of "Ana Maria Popescu") is not a full name: in Romanian it is usually a
/// double first name.
fn full_names(customer: &PersonName, draft: &Draft) -> Vec<FullName> {
    let Some((last, middle)) = customer.rest.split_last() else { return Vec::new() };
    let next_part = |part, end: usize| {
        let spaced = draft.words.get(end).is_some_and(|next| {
            draft.text[draft.words[end - 1].span.end..next.span.start].chars().all(char::is_whitespace)
        });
        occurrences(part, draft).find(|r| r.start == end).filter(|_| spaced)
    };
    let mut found = Vec::new();
    for first in customer.first_name_in(draft) {
        let mut end = first.end;
        for part in middle {
            if let Some(next) = next_part(part, end) {
                end = next.end;
            }
        }
        if let Some(last) = next_part(last, end) {
            found.push(FullName { words: first.start..last.end, kept_end: end });
        }
    }
    found
}

/// Byte spans where the last name stands alone, with a title before it if there is one
/// ("Popescu", "doamna Popescu", "शर्मा"), outside full names.
///
/// Only a last name written as a name counts, so a surname that is also a word ("Mare",
/// "Rose") does not fire on the word; and a capital at the start of a sentence proves
/// nothing ("May I have…", "Green tea is back" for Ms May or Mr Green).
pub(super) fn last_names_alone(input: &Input, customer: &PersonName) -> Vec<Range<usize>> {
    let Some(last) = customer.rest.last() else { return Vec::new() };
    let draft = input.draft;
    let full = full_names(customer, draft);
    occurrences(last, draft)
        .filter(|found| !full.iter().any(|f| f.words.start <= found.start && found.end <= f.words.end))
        .filter(|found| written_as_name(draft, found.start))
        .map(|found| with_honorific(input, found.start)..draft.words[found.end - 1].span.end)
        .collect()
}

/// Whether the word at `index` is written as a name; see [`last_names_alone`].
fn written_as_name(draft: &Draft, index: usize) -> bool {
    let word = &draft.words[index];
    let opens_sentence = draft.sentences[word.sentence].words.start == index;
    let tagged = draft.text[..word.span.start].ends_with('@');
    let cased = word.text.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    is_name_like(draft, index) && (!opens_sentence || tagged || !cased)
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
    fn full_names_are_cut_to_the_first_name_in_every_language() {
        for (lang, customer, draft, full, fixed) in [
            ("en", "Ana Popescu", "Hi Ana Popescu, it is sent.", "Ana Popescu", "Hi Ana, it is sent."),
            ("en", "Ana Popescu", "Hi ana popescu, sent.", "ana popescu", "Hi ana, sent."),
            ("en", "Al Green", "Hi Al Green, it also shipped.", "Al Green", "Hi Al, it also shipped."),
            // Facebook's @-tag inserts the full name.
            (
                "ro",
                "Ana Popescu",
                "@Ana Popescu comanda ta a plecat azi.",
                "Ana Popescu",
                "@Ana comanda ta a plecat azi.",
            ),
            (
                "ro",
                "Ștefan Ionescu",
                "Bună ziua, Stefan Ionescu! Comanda a plecat.",
                "Stefan Ionescu",
                "Bună ziua, Stefan! Comanda a plecat.",
            ),
            (
                "hy",
                "Անի Սարգսյան",
                "Բարև Ձեզ, Անի Սարգսյան։ Պատվերը ճանապարհին է։",
                "Անի Սարգսյան",
                "Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։",
            ),
            ("hy", "Անի Սարգսյան", "@Անի Սարգսյան պատվերը ճանապարհին է:", "Անի Սարգսյան", "@Անի պատվերը ճանապարհին է:"),
            (
                "hi",
                "प्रिया शर्मा",
                "नमस्ते प्रिया शर्मा जी, आपका ऑर्डर भेज दिया गया है।",
                "प्रिया शर्मा",
                "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।",
            ),
        ] {
            let c = case().lang(lang).customer(customer);
            assert_eq!(c.spans(RULE, draft), [full], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed);
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn a_middle_name_stays_with_the_first_name() {
        // "Ana Maria" is a double first name more often than a first and a middle name.
        let c = case().lang("ro").customer("Ana Maria Popescu");
        assert_eq!(c.fixed(RULE, "Bună, Ana Maria Popescu! Comanda a plecat."), "Bună, Ana Maria! Comanda a plecat.");
        assert_eq!(c.fixed(RULE, "@Ana Popescu comanda a plecat."), "@Ana comanda a plecat.");
        assert!(!c.fires(RULE, "Bună, Ana Maria! Comanda a plecat."));
        let c = case().lang("ro").customer("Ștefan Ion Pop");
        assert_eq!(c.spans(RULE, "Salut Stefan Ion Pop!"), ["Stefan Ion Pop"]);
    }

    #[test]
    fn last_names_alone_become_the_first_name() {
        for (lang, customer, draft, fixed) in [
            ("en", "Ana Popescu", "Dear Mrs Popescu, it is sent.", "Dear Ana, it is sent."),
            ("en", "Ana Popescu", "Thanks, @Popescu! It is sent.", "Thanks, @Ana! It is sent."),
            ("ro", "Ana Popescu", "Stimată doamnă Popescu, comanda a plecat.", "Stimată Ana, comanda a plecat."),
            ("ro", "Ana Popescu", "Buna ziua, dna Popescu, comanda a plecat.", "Buna ziua, Ana, comanda a plecat."),
            (
                "hy",
                "Անի Սարգսյան",
                "Հարգելի տիկին Սարգսյան, պատվերը ճանապարհին է։",
                "Հարգելի Անի, պատվերը ճանապարհին է։",
            ),
            (
                "hy",
                "Անի Սարգսյան",
                "Բարև Ձեզ, պրն Սարգսյան: Պատվերը ճանապարհին է:",
                "Բարև Ձեզ, Անի: Պատվերը ճանապարհին է:",
            ),
            ("hi", "प्रिया शर्मा", "नमस्ते शर्मा जी, ऑर्डर भेज दिया गया है।", "नमस्ते प्रिया जी, ऑर्डर भेज दिया गया है।"),
            // Without capitals in Devanagari, a surname opening the sentence is still one.
            ("hi", "प्रिया शर्मा", "श्रीमती शर्मा जी, आपका ऑर्डर भेज दिया गया है।", "प्रिया जी, आपका ऑर्डर भेज दिया गया है।"),
        ] {
            let c = case().lang(lang).customer(customer);
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn first_names_and_surnames_that_are_words_pass() {
        for (lang, customer, draft) in [
            ("en", "Ana Popescu", "Hi Ana, it is sent."),
            ("en", "Ana", "Hi Ana."),
            // "Mare" is the surname, "mare" a word.
            ("ro", "Ana Mare", "Bună Ana, avem o reducere mare."),
            // A capital opening a sentence proves nothing.
            ("en", "Ana May", "Hi Ana! May I have your order number?"),
            ("en", "Al Green", "Hi Al! Green tea is back in stock."),
            ("ro", "Ioana Vara", "Bună, Ioana!\nVara aceasta livrăm gratuit."),
            ("hy", "Անի Սարգսյան", "Բարև Ձեզ, Անի։"),
            ("hi", "प्रिया शर्मा", "नमस्ते प्रिया जी।"),
        ] {
            assert!(!case().lang(lang).customer(customer).fires(RULE, draft), "{draft}");
        }
    }
}
