//! `placeholder-unfilled`: a template placeholder left in the draft: `{first_name}`,
//! `{{name}}`, `[ORDER NUMBER]`, `<name>`, `XXXX`.

use std::ops::Range;

use super::{replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;

pub struct PlaceholderUnfilled;

/// Longest placeholder name considered; a longer bracket is prose.
const MAX_NAME: usize = 40;

impl Rule for PlaceholderUnfilled {
    fn id(&self) -> &'static str {
        "placeholder-unfilled"
    }

    fn severity(&self) -> Severity {
        Severity::Error
    }

    fn explanation(&self) -> Message {
        Message::new("placeholder-unfilled.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let text = input.draft.text;
        for placeholder in placeholders(input) {
            let shown = &text[placeholder.span.clone()];
            let hit =
                Hit::new(placeholder.span.clone(), Message::new("placeholder-unfilled.unfilled").text("text", shown));
            hits.push(match fill(input, &placeholder.name) {
                Some(value) if value.is_empty() => {
                    hit.with_fix(Message::new("placeholder-unfilled.fix.remove"), vec![replace(placeholder.span, "")])
                }
                Some(value) => hit.with_fix(
                    Message::new("placeholder-unfilled.fix.fill").text("text", value.clone()),
                    vec![replace(placeholder.span, value)],
                ),
                None => hit,
            });
        }
    }
}

struct Placeholder {
    span: Range<usize>,
    /// The name inside the brackets, e.g. `first_name|there`.
    name: String,
}

impl Placeholder {
    /// The name without its `|fallback`.
    fn key(&self) -> &str {
        self.name.split_once('|').map_or(self.name.as_str(), |(key, _)| key.trim())
    }
}

/// Whether the draft has a placeholder for the customer's name ("Hi {first_name}"):
/// filling it in is this rule's fix, so `name-missing` need not add the name as well.
pub(super) fn has_customer_placeholder(input: &Input) -> bool {
    placeholders(input).iter().any(|p| role(input, p.key()) == Some(Role::Customer))
}

/// Whether a placeholder lies inside `span` (a signature such as "{agent_name}"), which
/// this rule reports.
pub(super) fn has_placeholder_in(input: &Input, span: &Range<usize>) -> bool {
    placeholders(input).iter().any(|p| span.start <= p.span.start && p.span.end <= span.end)
}

fn placeholders(input: &Input) -> Vec<Placeholder> {
    let text = input.draft.text;
    let mut found = Vec::new();
    let mut at = 0;
    // By bytes: the brackets are ASCII, which never occurs inside a multi-byte character,
    // and a char-pattern search decodes every character (a seventh of a lint, profiled).
    let is_open = |byte: &u8| matches!(byte, b'{' | b'[' | b'<');
    while let Some(offset) = text.as_bytes()[at..].iter().position(is_open) {
        let start = at + offset;
        let (open, close) = match text.as_bytes()[start] {
            b'{' if text[start..].starts_with("{{") => ("{{", "}}"),
            b'{' => ("{", "}"),
            b'[' => ("[", "]"),
            _ => ("<", ">"),
        };
        let inner_start = start + open.len();
        let candidate = text[inner_start..]
            .find(close)
            .map(|len| &text[inner_start..inner_start + len])
            .filter(|inner| inner.len() <= MAX_NAME && !inner.contains(['\n', '{', '[', '<']));
        match candidate.filter(|inner| is_placeholder(input, open, inner.trim())) {
            Some(inner) => {
                let end = inner_start + inner.len() + close.len();
                found.push(Placeholder { span: start..end, name: inner.trim().to_string() });
                at = end;
            }
            None => at = start + 1,
        }
    }
    let draft = input.draft;
    for word in &draft.words {
        if word.text.len() >= 3 && word.text.chars().all(|c| c == 'X') {
            found.push(Placeholder { span: word.span.clone(), name: String::new() });
        }
    }
    crate::sort::sort_by_key(&mut found, |p| (p.span.start as u64, 0));
    found
}

/// `{…}` and `<…>` hold a name (letters first, no sentence punctuation); `[…]` is a
/// placeholder when written in capitals ("[ORDER NUMBER]"), a known name ("[name]"), or
/// what is to be filled in ("[add date here]", "[तारीख डालें]").
fn is_placeholder(input: &Input, open: &str, inner: &str) -> bool {
    let Some(first) = inner.chars().next() else { return false };
    let name_chars =
        inner.chars().all(|c| c.is_alphanumeric() || is_mark(c) || matches!(c, ' ' | '_' | '-' | ':' | '|' | '.'));
    match open {
        "[" => {
            let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
            let capitals =
                letters >= 2 && inner.chars().any(char::is_uppercase) && !inner.chars().any(char::is_lowercase);
            let blank = || input.common.bracket_blanks.occurs_in(inner, &crate::text::words(inner));
            name_chars && (capitals || role(input, inner).is_some() || blank())
        }
        _ => name_chars && first.is_alphabetic(),
    }
}

/// Combining marks that are not alphabetic but belong inside words: the Devanagari virama
/// and nukta ("{ऑर्डर_नंबर}", "[ग्राहक का नाम]"), Latin combining accents, zero-width joiners.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{093C}' | '\u{094D}' | '\u{200C}' | '\u{200D}')
}

/// Whom a placeholder name stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Customer,
    Agent,
    Cursor,
}

fn role(input: &Input, name: &str) -> Option<Role> {
    let key = name.replace(['_', '-'], " ");
    let key = key.trim();
    if key.eq_ignore_ascii_case("cursor") {
        Some(Role::Cursor)
    } else if input.common.customer_placeholders.contains_phrase(key) {
        Some(Role::Customer)
    } else if input.common.agent_placeholders.contains_phrase(key) {
        Some(Role::Agent)
    } else {
        None
    }
}

/// What a placeholder can be filled with: the known name, else its `|fallback`; a
/// leftover `{cursor}` marker is removed.
fn fill(input: &Input, name: &str) -> Option<String> {
    let (key, fallback) = match name.split_once('|') {
        Some((key, fallback)) => (key.trim(), Some(fallback.trim())),
        None => (name, None),
    };
    let known = match role(input, key)? {
        Role::Cursor => return Some(String::new()),
        Role::Customer => input.customer.as_ref().map(|c| c.first.text.clone()),
        Role::Agent => input.agent.as_ref().map(|a| a.first.text.clone()),
    };
    known.or_else(|| fallback.filter(|f| !f.is_empty()).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "placeholder-unfilled";

    #[test]
    fn every_placeholder_form_fires() {
        let draft = "Hi {first_name}, {{name}} [ORDER NUMBER] <name> #XXXX {field:Order number}";
        assert_eq!(
            case().spans(RULE, draft),
            ["{first_name}", "{{name}}", "[ORDER NUMBER]", "<name>", "XXXX", "{field:Order number}"]
        );
    }

    #[test]
    fn placeholders_fire_in_every_language() {
        for (lang, draft, placeholders) in [
            (
                "en",
                "Hi {{first_name}}, your order [ORDER NUMBER] ships on <date>.\n– {agent_name}",
                &["{{first_name}}", "[ORDER NUMBER]", "<date>", "{agent_name}"][..],
            ),
            (
                "ro",
                "Bună, {prenume}! Comanda {numar_comanda} a plecat, AWB XXXXXXXX.",
                &["{prenume}", "{numar_comanda}", "XXXXXXXX"],
            ),
            ("ro", "Buna ziua, [Nume client]! Coletul ajunge pe [DATA].", &["[Nume client]", "[DATA]"]),
            (
                "en",
                "Your new date is [add date here], tracking [paste tracking].",
                &["[add date here]", "[paste tracking]"],
            ),
            ("ro", "Livrarea va fi pe [data livrării], între 9 și 17.", &["[data livrării]"]),
            ("hy", "Առաքումը կլինի [ավելացնել ամսաթիվը]։", &["[ավելացնել ամսաթիվը]"]),
            ("hi", "डिलीवरी [तारीख डालें] को होगी।", &["[तारीख डालें]"]),
            ("hy", "Բարև Ձեզ, [ԱՆՈՒՆ]: Ձեր պատվերը՝ [ՊԱՏՎԵՐԻ ՀԱՄԱՐ], ճանապարհին է:", &["[ԱՆՈՒՆ]", "[ՊԱՏՎԵՐԻ ՀԱՄԱՐ]"]),
            // Devanagari names with a virama ("ग्रा", "र्ड") are names too.
            (
                "hi",
                "नमस्ते [ग्राहक का नाम] जी, आपका ऑर्डर {ऑर्डर_नंबर} भेज दिया गया है। ट्रैकिंग नंबर XXXXXX है।",
                &["[ग्राहक का नाम]", "{ऑर्डर_नंबर}", "XXXXXX"],
            ),
        ] {
            assert_eq!(case().lang(lang).spans(RULE, draft), placeholders, "{draft}");
        }
    }

    #[test]
    fn known_names_and_fallbacks_fill_in_every_language() {
        let c = case().customer("Ana Popescu").agent("Maria");
        for (lang, draft, fixed) in [
            ("en", "Hi {first_name}, sent. – {agent_name}", "Hi Ana, sent. – {agent_name}"),
            ("en", "Sent. – {agent_name}", "Sent. – Maria"),
            ("en", "Sent.{cursor}", "Sent."),
            ("ro", "Bună, [NUME]! Comanda a plecat.", "Bună, Ana! Comanda a plecat."),
            ("ro", "Buna ziua, [Nume client]! Comanda a plecat.", "Buna ziua, Ana! Comanda a plecat."),
            ("ro", "Comanda a plecat.\nCu drag,\n{nume agent}", "Comanda a plecat.\nCu drag,\nMaria"),
            ("hy", "Բարև Ձեզ, {անուն}։", "Բարև Ձեզ, Ana։"),
            ("hy", "Պատվերը ճանապարհին է։\nՀարգանքով՝ [Ձեր անունը]", "Պատվերը ճանապարհին է։\nՀարգանքով՝ Maria"),
            ("hi", "नमस्ते {नाम} जी।", "नमस्ते Ana जी।"),
            ("hi", "नमस्ते [ग्राहक का नाम] जी, ऑर्डर भेज दिया गया है।", "नमस्ते Ana जी, ऑर्डर भेज दिया गया है।"),
            ("hi", "ऑर्डर भेज दिया गया है।\nसादर,\n[आपका नाम]", "ऑर्डर भेज दिया गया है।\nसादर,\nMaria"),
        ] {
            assert_eq!(c.clone().lang(lang).fixed(RULE, draft), fixed, "{draft}");
        }
        assert_eq!(case().fixed(RULE, "Hi {first_name|there}!"), "Hi there!");
        assert_eq!(case().lang("hi").customer("प्रिया शर्मा").fixed(RULE, "नमस्ते {{नाम}} जी।"), "नमस्ते प्रिया जी।");
    }

    #[test]
    fn unknown_values_have_no_fix() {
        for (lang, draft) in [
            ("en", "Your order [ORDER NUMBER] left."),
            ("en", "Hi {first_name}, sent."),
            ("ro", "Comanda {numar_comanda} a plecat."),
            ("hy", "Ձեր պատվերը՝ [ՊԱՏՎԵՐԻ ՀԱՄԱՐ], ճանապարհին է:"),
            ("hi", "आपका ऑर्डर {ऑर्डर_नंबर} भेज दिया गया है।"),
        ] {
            let findings = case().lang(lang).findings(RULE, draft);
            assert_eq!(findings.len(), 1, "{draft}");
            assert!(findings[0].fixes.is_empty(), "{draft}");
        }
    }

    #[test]
    fn ordinary_brackets_and_sizes_pass_in_every_language() {
        for (lang, draft) in [
            ("en", "I <3 this, 2 < 3 > 1, see [1] and (note) [sic]."),
            ("en", "Price: {not a name!} is fine, X marks it, sizes XL and XXL."),
            ("ro", "Comanda (nr. 123) a plecat [azi]. Mărimea XXL e pe stoc."),
            ("hy", "Պատվերը [այսօր] ճանապարհին է։"),
            ("hi", "ऑर्डर [आज] भेज दिया गया है।"),
        ] {
            assert!(!case().lang(lang).fires(RULE, draft), "{draft}");
        }
    }
}
