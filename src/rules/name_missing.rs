//! `name-missing`: the customer's first name is known and not used.

use std::ops::Range;

use super::{insert, name_last, placeholder_unfilled, replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::{is_name_like, Greeting};
use crate::finding::{Edit, Severity};

pub struct NameMissing;

impl Rule for NameMissing {
    fn id(&self) -> &'static str {
        "name-missing"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> Message {
        Message::new("name-missing.explanation")
    }

    /// Silent when another rule's fix puts the first name in: a name placeholder
    /// (`placeholder-unfilled`) or the last name in its place (`name-last`).
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(customer) = &input.customer else { return };
        if input.is_blank()
            || !customer.first_name_in(input.draft).is_empty()
            || placeholder_unfilled::has_customer_placeholder(input)
            || !name_last::last_names_alone(input, customer).is_empty()
        {
            return;
        }
        let name = &customer.first.text;
        let message = Message::new("name-missing.missing").text("name", name);
        let Some(greeting) = &input.greeting else {
            let start = input.content_start();
            let first_word = &input.draft.words[input.draft.word_at_or_after(start)];
            let greeting = input.data.greeting_text.replace("{name}", name);
            hits.push(
                Hit::new(first_word.span.clone(), message).with_fix(
                    Message::new("fix.start-with").text("text", greeting.trim()),
                    vec![insert(start, greeting)],
                ),
            );
            return;
        };
        if let Some((label, edit)) = greeting_fix(input, greeting, name) {
            hits.push(Hit::new(greeting.span.clone(), message).with_fix(label, vec![edit]));
        }
    }
}

/// The fix that puts the name in the greeting: inserted after the greeting phrase ("Hi,"
/// becomes "Hi Ana,"), or replacing whom the greeting already addresses ("Hi Maria,",
/// "Dear customer,", "नमस्ते जी,"). `None`, and no finding, when that is a name in another
/// script than the customer's: "नमस्ते प्रिया जी" to a customer listed as "Priya" is most
/// likely right.
fn greeting_fix(input: &Input, greeting: &Greeting, name: &str) -> Option<(Message, Edit)> {
    let (separator, suffix) = name_in_greeting(&input.data.greeting_text);
    let Some(addressee) = addressee(input, greeting) else {
        // Words kept after the name are set off by a comma: "Hey Ana, it shipped!".
        let after = &input.draft.text[greeting.phrase_end..greeting.span.end];
        let comma =
            if after.starts_with(char::is_whitespace) && after.chars().any(char::is_alphanumeric) { "," } else { "" };
        let edit = insert(greeting.phrase_end, format!("{separator}{name}{suffix}{comma}"));
        return Some((Message::new("name-missing.fix.add").text("name", name), edit));
    };
    let addressed = input.draft.slice(&addressee);
    if !same_script(name, addressed) {
        return None;
    }
    let label = Message::new("name-missing.fix.greet").text("name", name).text("text", addressed);
    Some((label, replace(addressee, format!("{name}{suffix}"))))
}

/// Whom the greeting addresses after its phrase, before its punctuation: one word ("Maria"
/// in "Bună ziua, Maria!", "there", "जी"), or two with a name among them ("Valued
/// Customer", "नेहा जी"). `None` otherwise: "Hey it shipped!" keeps its words.
fn addressee(input: &Input, greeting: &Greeting) -> Option<Range<usize>> {
    let draft = input.draft;
    let words = draft.word_at_or_after(greeting.phrase_end)..draft.word_at_or_after(greeting.span.end);
    let addresses = match words.len() {
        1 => true,
        2 => words.clone().any(|i| is_name_like(draft, i)),
        _ => false,
    };
    addresses.then(|| draft.words[words.start].span.start..draft.words[words.end - 1].span.end)
}

/// What surrounds the name in the language's greeting text: the separator before it and
/// the words after it, so an inserted name reads like the language's own greeting
/// ("Bună ziua, Ana!", "Բարև Ձեզ, Անի։", "नमस्ते प्रिया जी,").
fn name_in_greeting(greeting_text: &str) -> (&str, &str) {
    let (before, after) = greeting_text.split_once("{name}").unwrap_or((greeting_text, ""));
    let separator = &before[before.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
    let suffix = after.trim_end_matches(|c: char| !c.is_alphanumeric());
    (if separator.is_empty() { " " } else { separator }, suffix)
}

/// Whether two texts are written in the same script, by their first letters. A name in
/// another script (a Latin profile name in a Hindi or Armenian reply) cannot be told
/// apart from a different name.
pub(super) fn same_script(a: &str, b: &str) -> bool {
    fn script(text: &str) -> Option<u8> {
        let c = text.chars().find(|c| c.is_alphabetic())?;
        Some(match c {
            '\u{0530}'..='\u{058F}' | '\u{FB13}'..='\u{FB17}' => 1,
            '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => 2,
            _ if c < '\u{0250}' => 0,
            _ => 3,
        })
    }
    script(a) == script(b)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "name-missing";

    #[test]
    fn a_reply_without_greeting_starts_with_one() {
        for (lang, customer, draft, fixed) in [
            ("en", "Ana Popescu", "Your refund was sent today.", "Hi Ana! Your refund was sent today."),
            ("ro", "Ionuț Pop", "Comanda ta a plecat azi.", "Bună, Ionuț! Comanda ta a plecat azi."),
            ("hy", "Անի Սարգսյան", "Պատվերը ճանապարհին է։", "Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։"),
            ("hi", "प्रिया शर्मा", "आपका ऑर्डर भेज दिया गया है।", "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।"),
        ] {
            let c = case().lang(lang).customer(customer);
            assert_eq!(c.spans(RULE, draft), [draft.split(' ').next().unwrap()], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed);
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn a_greeting_gets_the_name_the_way_the_language_writes_it() {
        for (lang, customer, draft, fixed) in [
            ("en", "Ana Popescu", "Hello, your refund was sent today.", "Hello Ana, your refund was sent today."),
            ("en", "Ana Popescu", "Hi!! Your refund was sent today.", "Hi Ana!! Your refund was sent today."),
            ("en", "Ana Popescu", "Hello again! It shipped.", "Hello again Ana! It shipped."),
            // Two words without a name are not whom the greeting addresses: they stay.
            ("en", "Ana Popescu", "Hey it shipped!", "Hey Ana, it shipped!"),
            ("ro", "Ștefan Ionescu", "Bună ziua! Comanda a plecat azi.", "Bună ziua, Ștefan! Comanda a plecat azi."),
            ("ro", "Ionuț Pop", "Buna ziua, comanda a plecat azi.", "Buna ziua, Ionuț, comanda a plecat azi."),
            ("hy", "Անի Սարգսյան", "Բարև Ձեզ։ Պատվերը ճանապարհին է։", "Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։"),
            ("hy", "Անի Սարգսյան", "Բարև Ձեզ: Պատվերը ճանապարհին է:", "Բարև Ձեզ, Անի: Պատվերը ճանապարհին է:"),
            ("hi", "प्रिया शर्मा", "नमस्ते, आपका ऑर्डर भेज दिया गया है।", "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।"),
        ] {
            let c = case().lang(lang).customer(customer);
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn whom_the_greeting_addresses_is_replaced_by_the_name() {
        for (lang, customer, draft, fixed) in [
            ("en", "Ana Popescu", "Hi Maria, your refund was sent.", "Hi Ana, your refund was sent."),
            ("en", "Ana Popescu", "Hi there, your refund was sent.", "Hi Ana, your refund was sent."),
            ("en", "Ana Popescu", "Dear Customer,\nYour refund was sent.", "Dear Ana,\nYour refund was sent."),
            ("en", "Ana Popescu", "Dear Valued Customer,\nYour refund was sent.", "Dear Ana,\nYour refund was sent."),
            ("ro", "Ionuț Pop", "Stimate client, comanda a plecat azi.", "Stimate Ionuț, comanda a plecat azi."),
            ("hy", "Անի Սարգսյան", "Հարգելի հաճախորդ, պատվերը ճանապարհին է։", "Հարգելի Անի, պատվերը ճանապարհին է։"),
            ("hi", "प्रिया शर्मा", "नमस्ते जी, आपका ऑर्डर भेज दिया गया है।", "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।"),
            ("hi", "प्रिया शर्मा", "नमस्ते नेहा जी, आपका ऑर्डर भेज दिया गया है।", "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।"),
            // A short name written in lower case is not taken for the name; the fix
            // capitalises it.
            ("en", "Al Green", "hi al, it shipped.", "hi Al, it shipped."),
        ] {
            let c = case().lang(lang).customer(customer);
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn any_case_diacritics_tag_or_honorific_count_as_used() {
        for (lang, customer, draft) in [
            ("ro", "Ștefan Pop", "Bună, Ștefan! Comanda a plecat."),
            ("ro", "Ștefan Pop", "Buna stefan, comanda a plecat."),
            ("ro", "Ștefan Pop", "Bună, Ştefan! Comanda a plecat."),
            ("ro", "Ştefan Pop", "@Ștefan comanda a plecat!"),
            ("en", "Ștefan Pop", "STEFAN, it shipped."),
            ("ro", "Ionuț Pop", "Salut Ionut, comanda a plecat."),
            ("ro", "Ionut Pop", "Salut, Ionuț! Comanda a plecat."),
            ("hy", "Անի Սարգսյան", "Բարև, ԱՆԻ։ Պատվերը ճանապարհին է։"),
            ("hy", "Անի Սարգսյան", "Բարև Անի ջան, պատվերը ճանապարհին է:"),
            ("hy", "Անի Սարգսյան", "Շնորհակալություն, Անի՛, պատվերը ճանապարհին է։"),
            ("hi", "प्रिया शर्मा", "नमस्ते प्रिया जी, ऑर्डर भेज दिया गया है।"),
            ("hi", "प्रिया शर्मा", "प्रिया जी, आपका ऑर्डर कल पहुंच जाएगा।"),
            ("hi", "प्रिया शर्मा", "@प्रिया आपका ऑर्डर भेज दिया गया है।"),
        ] {
            assert!(!case().lang(lang).customer(customer).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn short_names_are_not_found_inside_other_words() {
        let en = case().lang("en").customer("Al Green");
        assert_eq!(en.fixed(RULE, "It also shipped already."), "Hi Al! It also shipped already.");
        assert!(!en.fires(RULE, "Hi Al, it also shipped."));
        assert!(!en.fires(RULE, "@Al it shipped."));
        let ro = case().lang("ro").customer("Al Green");
        // "al" is a Romanian word ("al doilea", "al tău").
        assert_eq!(
            ro.fixed(RULE, "Bună! Coletul al doilea a plecat azi."),
            "Bună, Al! Coletul al doilea a plecat azi."
        );
        assert!(!ro.fires(RULE, "Bună, Al! Coletul al doilea a plecat azi."));
    }

    #[test]
    fn silent_where_another_rule_puts_the_name_in() {
        for (lang, customer, draft) in [
            // placeholder-unfilled fills these in.
            ("en", "Ana Popescu", "Hi {first_name}, your refund was sent."),
            ("ro", "Ana Popescu", "Bună, [NUME]! Comanda a plecat."),
            ("hy", "Անի Սարգսյան", "Բարև Ձեզ, {անուն}։ Պատվերը ճանապարհին է։"),
            ("hi", "प्रिया शर्मा", "नमस्ते {{नाम}} जी, आपका ऑर्डर भेज दिया गया है।"),
            // name-last puts the first name for the last.
            ("en", "Ana Popescu", "Dear Mrs Popescu, your refund was sent."),
            ("ro", "Ștefan Ionescu", "Bună ziua, domnule Ionescu! Comanda a plecat."),
            ("hy", "Անի Սարգսյան", "Հարգելի տիկին Սարգսյան, պատվերը ճանապարհին է։"),
            ("hi", "प्रिया शर्मा", "श्रीमती शर्मा जी, आपका ऑर्डर भेज दिया गया है।"),
        ] {
            let c = case().lang(lang).customer(customer);
            assert!(!c.fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn a_name_in_another_script_is_not_second_guessed() {
        // Profile names are often in Latin letters while the reply is not.
        let hi = case().lang("hi").customer("Priya Sharma");
        assert!(!hi.fires(RULE, "नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।"));
        assert_eq!(hi.fixed(RULE, "नमस्ते, आपका ऑर्डर भेज दिया गया है।"), "नमस्ते Priya जी, आपका ऑर्डर भेज दिया गया है।");
        assert!(!case().lang("hy").customer("Ani Sargsyan").fires(RULE, "Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։"));
    }

    #[test]
    fn silent_without_a_name_or_a_draft() {
        assert!(!case().fires(RULE, "Your refund was sent."));
        assert!(!case().customer("ana.popescu92").fires(RULE, "Your refund was sent."));
        assert!(!case().customer("Ana Popescu").fires(RULE, "  "));
    }
}
