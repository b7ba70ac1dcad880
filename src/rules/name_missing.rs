//! `name-missing`: the customer's first name is known and not used.

use super::{insert, Hit, Input, Rule};
use crate::finding::Severity;

pub struct NameMissing;

impl Rule for NameMissing {
    fn id(&self) -> &'static str {
        "name-missing"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> &'static str {
        "Use the customer's first name: it is the word a person likes to hear most, and it shows a person is answering, not a machine (guidelines §2, \"Use the customer's first name\", from 003 §4). In comments, @-tag them so they are notified."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(customer) = &input.customer else { return };
        if input.is_blank() || !customer.first_name_in(input.draft).is_empty() {
            return;
        }
        let name = &customer.first.text;
        let message = format!("The customer's first name, {name}, is not used.");
        let hit = match &input.greeting {
            // "Hi," becomes "Hi Ana,".
            Some(greeting) => Hit::new(greeting.span.clone(), message).with_fix(
                format!("Add “{name}” to the greeting"),
                vec![insert(greeting.phrase_end, format!(" {name}"))],
            ),
            None => {
                let start = input.content_start();
                let first_word = &input.draft.words[input.draft.word_at_or_after(start)];
                let greeting = input.data.greeting_text.replace("{name}", name);
                Hit::new(first_word.span.clone(), message)
                    .with_fix(format!("Start with “{}”", greeting.trim()), vec![insert(start, greeting)])
            }
        };
        hits.push(hit);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "name-missing";

    #[test]
    fn fires_when_the_first_name_is_absent() {
        let c = case().customer("Ana Popescu");
        assert_eq!(c.fixed(RULE, "Your refund was sent today."), "Hi Ana! Your refund was sent today.");
        assert_eq!(c.fixed(RULE, "Hello, your refund was sent today."), "Hello Ana, your refund was sent today.");
        let c = case().customer("Ionuț Pop");
        assert_eq!(c.fixed(RULE, "Comanda ta a plecat azi."), "Bună, Ionuț! Comanda ta a plecat azi.");
        let c = case().customer("Անի Սարգսյան");
        assert_eq!(c.fixed(RULE, "Պատվերը ճանապարհին է։"), "Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։");
        let c = case().customer("प्रिया शर्मा");
        assert_eq!(c.fixed(RULE, "आपका ऑर्डर भेज दिया गया है।"), "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।");
    }

    #[test]
    fn any_case_diacritics_or_tag_count_as_used() {
        let c = case().customer("Ștefan Pop");
        for draft in ["Hi Ștefan, sent.", "hi stefan, sent.", "@Ştefan sent!", "STEFAN, sent."] {
            assert!(!c.fires(RULE, draft), "{draft}");
        }
        assert!(!case().customer("Անի Սարգսյան").fires(RULE, "Բարև, ԱՆԻ։ Պատվերը ճանապարհին է։"));
        assert!(!case().customer("प्रिया शर्मा").fires(RULE, "नमस्ते प्रिया जी, ऑर्डर भेज दिया गया है।"));
        assert!(!case().customer("Ionuț Pop").fires(RULE, "Salut Ionut, comanda a plecat."));
    }

    #[test]
    fn short_names_are_not_found_inside_other_words() {
        let c = case().customer("Al Green");
        assert!(c.fires(RULE, "It also shipped already."));
        assert!(c.fires(RULE, "Acesta e al tău."));
        assert!(!c.fires(RULE, "Hi Al, it shipped."));
    }

    #[test]
    fn silent_without_a_name_or_a_draft() {
        assert!(!case().fires(RULE, "Your refund was sent."));
        assert!(!case().customer("ana.popescu92").fires(RULE, "Your refund was sent."));
        assert!(!case().customer("Ana Popescu").fires(RULE, "  "));
    }
}
