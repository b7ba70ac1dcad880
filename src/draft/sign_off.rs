//! The sign-off that closes a reply: "– Maria", "-Maria", "Best,\nMaria",
//! "Cheers, Maria", "Cu drag,\nMihai", "Հարգանքով՝ Անի", "सादर,\nप्रिया".

use std::ops::Range;

use super::{names::occurrences, Draft, PersonName};
use crate::lang::LanguageData;
use crate::text::{is_dash, is_sentence_terminator};

/// Most words a signature has: "Maria from the Rollo team".
const MAX_SIGNATURE_WORDS: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    /// The whole sign-off, closing words included.
    pub span: Range<usize>,
    /// The name or team signed with; `None` for a closing with no name ("Best,").
    pub signature: Option<Range<usize>>,
}

impl SignOff {
    /// Finds the sign-off at the end of the draft. A bare last line counts as a signature
    /// only when it names the agent or a team, so "Have a nice day" is not taken for one.
    pub fn find(draft: &Draft, agent: Option<&PersonName>) -> Option<SignOff> {
        let found = SignOff::find_any(draft, agent)?;
        // "Ana from Support": signed with the first name; the team is said, not signed.
        let signature =
            found.signature.map(|signature| name_with_team(draft, agent, signature.clone()).unwrap_or(signature));
        Some(SignOff { signature, ..found })
    }

    fn find_any(draft: &Draft, agent: Option<&PersonName>) -> Option<SignOff> {
        let text = draft.text;
        let end = draft.content_end();
        let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line_start = line_start + (text[line_start..end].len() - text[line_start..end].trim_start().len());
        let line = &text[line_start..end];
        if line.is_empty() {
            return None;
        }

        // "– Maria" on its own line; "– Ioana, echipa Modaro" too: the comma a team
        // follows is no sentence punctuation.
        if line.starts_with(is_dash) {
            let name_start = line_start + (line.len() - line.trim_start_matches(is_dash).trim_start().len());
            let signed = is_signature(text, name_start..end) || name_with_team(draft, agent, name_start..end).is_some();
            return signed.then_some(SignOff { span: line_start..end, signature: Some(name_start..end) });
        }
        // "Thanks! – Maria" at the end of a line.
        if let Some(found) = trailing_dash_signature(text, line_start..end) {
            return Some(found);
        }
        // "Cheers, Maria" or a closing alone: "Best regards,"; also after the last
        // sentence on the same line: "Your refund is sent. Thanks, Maria".
        if let Some(found) = closing_line(draft, line_start..end) {
            return Some(found);
        }
        // A closing alone after a sentence ("Sent. Thanks.") is a sentence, not a sign-off.
        let last_sentence = draft.sentences.last().map_or(line_start, |s| s.span.start);
        if last_sentence > line_start {
            if let Some(found) = closing_line(draft, last_sentence..end).filter(|s| s.signature.is_some()) {
                return Some(found);
            }
        }
        // "Neha, support team se": the agent's name, a comma, the team.
        if let Some(name) = name_with_team(draft, agent, line_start..end) {
            return Some(SignOff { span: line_start..end, signature: Some(name) });
        }
        if !is_signature(text, line_start..end) || line_start == 0 {
            return None;
        }
        // "Best,\nMaria": a closing line, then the signature.
        let previous_end = text[..line_start].trim_end().len();
        let previous_start = text[..previous_end].rfind('\n').map_or(0, |i| i + 1);
        let previous_start = previous_start
            + (text[previous_start..previous_end].len() - text[previous_start..previous_end].trim_start().len());
        if let Some(SignOff { signature: None, .. }) = closing_line(draft, previous_start..previous_end) {
            return Some(SignOff { span: previous_start..end, signature: Some(line_start..end) });
        }
        // "…today.\nMaria" or "…\nThe Support Team": a bare last line naming the agent or a team.
        let first_word = draft.word_at_or_after(line_start);
        let names_agent = agent.is_some_and(|agent| occurrences(&agent.first, draft).any(|r| r.start >= first_word));
        let names_team = names_team(draft, line_start..end);
        (names_agent || names_team).then_some(SignOff { span: line_start..end, signature: Some(line_start..end) })
    }
}

/// The lists a draft is read with: its language's, and for English or Romanian also the
/// Latin-letter Hindi and Armenian ones ("Hargankov, Nare"; `Language::readings`).
fn readings(draft: &Draft) -> impl Iterator<Item = &'static LanguageData> {
    draft.language.readings().iter().map(|language| language.data())
}

/// Whether `span` names a team or company ("Support", "ajakcutyan timic").
pub fn names_team(draft: &Draft, span: Range<usize>) -> bool {
    readings(draft).any(|data| draft.find_in(&data.team_words, span.clone()).next().is_some())
}

/// The agent's first name at the start of `span` when the rest of it names a team: "Ana
/// from Support", "Ioana de la Suport", "नेहा, सपोर्ट टीम से".
fn name_with_team(draft: &Draft, agent: Option<&PersonName>, span: Range<usize>) -> Option<Range<usize>> {
    let first_word = draft.word_at_or_after(span.start);
    let name = occurrences(&agent?.first, draft).find(|r| r.start == first_word)?;
    let name_end = draft.words[name.end - 1].span.end;
    let words = draft.text[name_end..span.end].split_whitespace().count();
    names_team(draft, name_end..span.end).then_some(())?;
    (words <= MAX_SIGNATURE_WORDS).then_some(draft.words[first_word].span.start..name_end)
}

/// A line that starts with a closing phrase: with a signature after its punctuation, or
/// alone ("Best,", "Best regards").
fn closing_line(draft: &Draft, line: Range<usize>) -> Option<SignOff> {
    let first_word = draft.word_at_or_after(line.start);
    let closing = readings(draft).find_map(|data| data.sign_offs.match_at(&draft.words, first_word))?;
    if closing.span.start != line.start || closing.span.end > line.end {
        return None;
    }
    let after = &draft.text[closing.span.end..line.end];
    let trimmed = after.trim();
    if matches!(trimmed, "" | "," | "՝") {
        return Some(SignOff { span: line, signature: None });
    }
    let separator = after.trim_start().chars().next()?;
    if !matches!(separator, ',' | '՝' | ':' | '!' | '-' | '–' | '—') {
        return None;
    }
    let name = after.trim_start()[separator.len_utf8()..].trim_start();
    let name_start = line.end - name.len();
    is_signature(draft.text, name_start..line.end)
        .then(|| SignOff { span: line.clone(), signature: Some(name_start..line.end) })
}

/// "… today! – Maria": a dash after a sentence's end, then a signature.
fn trailing_dash_signature(text: &str, line: Range<usize>) -> Option<SignOff> {
    let (dash_at, dash) = text[line.clone()].char_indices().rev().find(|&(_, c)| is_dash(c))?;
    let dash_at = line.start + dash_at;
    let before = text[line.start..dash_at].trim_end();
    // "Monday - Friday" is a range, not a signature: the dash must follow a sentence's
    // end, an emoji or a bracket, with a space before it.
    let ends_sentence = before.chars().next_back().is_some_and(|c| !c.is_alphanumeric() && c != ',');
    if before.is_empty() || !ends_sentence || !text[..dash_at].ends_with(char::is_whitespace) {
        return None;
    }
    let name_start = dash_at + dash.len_utf8();
    let name_start = name_start + (text[name_start..line.end].len() - text[name_start..line.end].trim_start().len());
    is_signature(text, name_start..line.end)
        .then_some(SignOff { span: dash_at..line.end, signature: Some(name_start..line.end) })
}

/// Whether `span` can be a signature: one to four words, no sentence punctuation.
fn is_signature(text: &str, span: Range<usize>) -> bool {
    let candidate = text[span].trim().trim_end_matches('.');
    let words = candidate.split_whitespace().count();
    (1..=MAX_SIGNATURE_WORDS).contains(&words)
        && candidate.chars().any(char::is_alphabetic)
        && !candidate.chars().any(|c| is_sentence_terminator(c) || matches!(c, ',' | ':' | '"'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn sign_off(text: &str, language: Language, agent: Option<&str>) -> Option<(String, Option<String>)> {
        let draft = Draft::new(text, language);
        let agent = agent.and_then(PersonName::parse);
        SignOff::find(&draft, agent.as_ref())
            .map(|s| (text[s.span].to_string(), s.signature.map(|r| text[r].to_string())))
    }

    fn signature(text: &str, language: Language) -> Option<String> {
        sign_off(text, language, Some("Maria")).and_then(|(_, s)| s)
    }

    #[test]
    fn finds_each_sign_off_form() {
        assert_eq!(signature("Sent today.\n– Maria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Sent today.\n-Maria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Sent today! – Maria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Sent today.\n\nBest,\nMaria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Sent today. \nCheers, Maria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Your refund is sent. Thanks, Maria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Comanda a plecat azi. Cu drag, Mihai", Language::Ro).as_deref(), Some("Mihai"));
        assert_eq!(signature("आपका ऑर्डर भेज दिया गया है। धन्यवाद, प्रिया", Language::Hi).as_deref(), Some("प्रिया"));
        assert_eq!(signature("Sent today.\nMaria", Language::En).as_deref(), Some("Maria"));
        assert_eq!(signature("Sent today.\nThe Support Team", Language::En).as_deref(), Some("The Support Team"));
        assert_eq!(signature("Comanda a plecat.\nCu drag,\nMihai", Language::Ro).as_deref(), Some("Mihai"));
        assert_eq!(signature("Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի", Language::Hy).as_deref(), Some("Անի"));
        assert_eq!(signature("ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया", Language::Hi).as_deref(), Some("प्रिया"));
    }

    #[test]
    fn a_first_name_with_the_team_is_signed_with_the_first_name() {
        let signed = |text: &str, language, agent| sign_off(text, language, Some(agent)).and_then(|(_, s)| s);
        assert_eq!(signed("Sent today.\n\nAna from Support", Language::En, "Ana").as_deref(), Some("Ana"));
        assert_eq!(signed("Sent.\nCheers, Maria from the Rollo team", Language::En, "Maria").as_deref(), Some("Maria"));
        assert_eq!(signed("Sent.\n\nNeha, support team se", Language::En, "Neha").as_deref(), Some("Neha"));
        assert_eq!(signed("Sent.\n– Ana, customer care", Language::En, "Ana").as_deref(), Some("Ana"));
        assert_eq!(signed("Trimis.\n– Ioana, echipa Modaro", Language::Ro, "Ioana").as_deref(), Some("Ioana"));
        assert_eq!(signed("Trimis.\n\nIoana de la Suport", Language::Ro, "Ioana").as_deref(), Some("Ioana"));
        assert_eq!(signed("Ուղարկված է։\n\nՆարե, աջակցության թիմից", Language::Hy, "Նարե").as_deref(), Some("Նարե"));
        // Armenian in Latin letters is read as English, with Armenian's Latin-letter lists.
        assert_eq!(signed("Uxarkvac e.\n\nNare, ajakcutyan timic", Language::En, "Nare").as_deref(), Some("Nare"));
        assert_eq!(signed("Uxarkvac e.\n\nHargankov, Nare", Language::En, "Nare").as_deref(), Some("Nare"));
        // Someone else's name with the team stays what it is, for sign-off-not-first-name.
        assert_eq!(signed("Sent.\n\nIoana from Support", Language::En, "Ana").as_deref(), Some("Ioana from Support"));
    }

    #[test]
    fn a_closing_without_a_name_has_no_signature() {
        assert_eq!(sign_off("Sent today.\nBest regards,", Language::En, None), Some(("Best regards,".into(), None)));
        assert_eq!(sign_off("Ճանապարհին է։\nՀարգանքով՝", Language::Hy, None), Some(("Հարգանքով՝".into(), None)));
    }

    #[test]
    fn ordinary_endings_are_not_sign_offs() {
        assert_eq!(sign_off("We are open Monday - Friday", Language::En, Some("Maria")), None);
        assert_eq!(sign_off("Sent today.\nHave a nice day", Language::En, Some("Maria")), None);
        assert_eq!(sign_off("Thanks for waiting", Language::En, Some("Maria")), None);
        assert_eq!(sign_off("Thanks!", Language::En, Some("Maria")), None);
        assert_eq!(sign_off("", Language::En, Some("Maria")), None);
    }
}
