//! `placeholder-unfilled`: a template placeholder left in the draft: `{first_name}`,
//! `{{name}}`, `[ORDER NUMBER]`, `<name>`, `XXXX`.

use std::ops::Range;

use super::{replace, Hit, Input, Rule};
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

    fn explanation(&self) -> &'static str {
        "A placeholder left in a reply (\"Hi {first_name}\") tells the customer they got a form letter, which is worse than no template at all. Templates are a start, but personalise them (guidelines §2 and §3, from 003 §2 and §7)."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let text = input.draft.text;
        for placeholder in placeholders(input) {
            let shown = &text[placeholder.span.clone()];
            let hit = Hit::new(placeholder.span.clone(), format!("The placeholder “{shown}” is not filled in."));
            hits.push(match fill(input, &placeholder.name) {
                Some(value) if value.is_empty() => hit.with_fix("Remove it", vec![replace(placeholder.span, "")]),
                Some(value) => hit.with_fix(format!("Fill in “{value}”"), vec![replace(placeholder.span, value)]),
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

fn placeholders(input: &Input) -> Vec<Placeholder> {
    let text = input.draft.text;
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find(['{', '[', '<']) {
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
    found.sort_by_key(|p| p.span.start);
    found
}

/// `{…}` and `<…>` hold a name (letters first, no sentence punctuation); `[…]` is a
/// placeholder when written in capitals ("[ORDER NUMBER]") or a known name ("[name]").
fn is_placeholder(input: &Input, open: &str, inner: &str) -> bool {
    let Some(first) = inner.chars().next() else { return false };
    let name_chars = inner.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | ':' | '|' | '.'));
    match open {
        "[" => {
            let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
            let capitals =
                letters >= 2 && inner.chars().any(char::is_uppercase) && !inner.chars().any(char::is_lowercase);
            name_chars && (capitals || role(input, inner).is_some())
        }
        _ => name_chars && first.is_alphabetic(),
    }
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
    fn known_names_and_fallbacks_fill_in_every_language() {
        let c = case().customer("Ana Popescu").agent("Maria");
        assert_eq!(c.fixed(RULE, "Hi {first_name}, sent. – {agent_name}"), "Hi Ana, sent. – {agent_name}");
        assert_eq!(c.fixed(RULE, "Sent. – {agent_name}"), "Sent. – Maria");
        assert_eq!(case().fixed(RULE, "Hi {first_name|there}!"), "Hi there!");
        assert_eq!(c.fixed(RULE, "Bună, [NUME]! Comanda a plecat."), "Bună, Ana! Comanda a plecat.");
        assert_eq!(c.fixed(RULE, "Բարև Ձեզ, {անուն}։"), "Բարև Ձեզ, Ana։");
        assert_eq!(c.fixed(RULE, "नमस्ते {नाम} जी।"), "नमस्ते Ana जी।");
        assert_eq!(c.fixed(RULE, "Sent.{cursor}"), "Sent.");
    }

    #[test]
    fn unknown_values_have_no_fix() {
        let findings = case().findings(RULE, "Your order [ORDER NUMBER] left.");
        assert!(findings[0].fixes.is_empty());
    }

    #[test]
    fn ordinary_brackets_pass_in_every_language() {
        for draft in [
            "I <3 this, 2 < 3 > 1, see [1] and (note) [sic].",
            "Price: {not a name!} is fine, X marks it, XL size.",
            "Comanda (nr. 123) a plecat [azi].",
            "Պատվերը [այսօր] ճանապարհին է։",
            "ऑर्डर [आज] भेज दिया गया है।",
        ] {
            assert!(!case().fires(RULE, draft), "{draft}");
        }
    }
}
