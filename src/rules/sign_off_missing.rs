//! `sign-off-missing`: the agent's first name is known and the reply does not end with a
//! sign-off carrying a name.

use std::ops::Range;

use super::{insert, replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::{Draft, SignOff};
use crate::finding::Severity;
use crate::text::{fold, is_dash, words};

pub struct SignOffMissing;

impl Rule for SignOffMissing {
    fn id(&self) -> &'static str {
        "sign-off-missing"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> Message {
        Message::new("sign-off-missing.explanation")
    }

    /// A sign-off that names someone else is `sign-off-not-first-name`'s to report. A
    /// voice profile's format (`{agent_name} from {page_name}`) is the sign-off to end
    /// with, and its fix.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(agent) = &input.agent else { return };
        if input.is_blank() {
            return;
        }
        let name = &agent.first.text;
        let text = input.draft.text;
        let wanted = profile_signature(input);
        if wanted.as_deref().is_some_and(|signature| ends_with(input.draft, signature)) {
            return;
        }
        let sign_off = input.voice.and_then(|voice| voice.sign_off_for(name));
        let sign_off = sign_off.unwrap_or_else(|| input.data.sign_off_text.replace("{name}", name));
        let signature = wanted.as_deref().unwrap_or(name);
        let message = Message::new("sign-off-missing.missing").text("text", sign_off.clone());
        match &input.sign_off {
            // The first name where the profile wants more ("Maria" for "Maria from Acme").
            Some(SignOff { signature: Some(signed), .. }) => {
                let wants_more = fold(signature) != fold(name);
                if wants_more && fold(draft_name(input, signed)) == fold(name) {
                    hits.push(
                        Hit::new(signed.clone(), Message::new("sign-off-missing.team-way").text("text", signature))
                            .with_fix(
                                Message::new("fix.sign-as").text("text", signature),
                                vec![replace(signed.clone(), signature)],
                            ),
                    );
                }
            }
            // "Best regards," with no name after it.
            Some(SignOff { span, signature: None }) => {
                // "Best," + "\nMaria"; "Հարգանքով՝" + " Անի", on the same line.
                let separator = match text[span.clone()].chars().next_back() {
                    Some(',') => "\n",
                    Some('՝' | ':') => " ",
                    _ => ",\n",
                };
                hits.push(Hit::new(span.clone(), message).with_fix(
                    Message::new("fix.sign-with").text("text", signature),
                    vec![insert(span.end, format!("{separator}{signature}"))],
                ));
            }
            None => {
                // Underline where the sign-off belongs, the reply's last word, not the whole
                // last line (in a one-line reply, that is the whole reply).
                let end = input.draft.content_end();
                let last_word = input.draft.words.last().map_or(end, |w| w.span.start);
                hits.push(Hit::new(last_word..end, message).with_fix(
                    Message::new("fix.sign-with").text("text", sign_off.clone()),
                    vec![insert(end, format!("\n{sign_off}"))],
                ));
            }
        }
    }
}

/// The signature a voice profile asks for, without its dash: "Maria from Acme" for
/// `– {agent_name} from {page_name}`; `None` without a profile format or an agent.
pub(super) fn profile_signature(input: &Input) -> Option<String> {
    let agent = input.agent.as_ref()?;
    let sign_off = input.voice?.sign_off_for(&agent.first.text)?;
    Some(sign_off.trim_start_matches(is_dash).trim().to_string())
}

/// Whether the draft's last words are `signature`'s, compared folded.
pub(super) fn ends_with(draft: &Draft, signature: &str) -> bool {
    let wanted = words(signature);
    let Some(start) = draft.words.len().checked_sub(wanted.len()) else { return false };
    !wanted.is_empty()
        && draft.words[start..].iter().zip(&wanted).all(|(word, wanted)| word.folded == wanted.folded)
        && draft.text[draft.words[draft.words.len() - 1].span.end..].trim().chars().all(|c| c == '.')
}

/// A signature's text without the full stop some agents end it with.
fn draft_name<'a>(input: &Input<'a>, signed: &Range<usize>) -> &'a str {
    input.draft.slice(signed).trim().trim_end_matches('.')
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "sign-off-missing";

    #[test]
    fn appends_a_sign_off_in_every_language() {
        for (lang, agent, draft, fixed) in [
            ("en", "Maria", "Your refund was sent.  ", "Your refund was sent.\n– Maria  "),
            (
                "en",
                "Maria Ionescu",
                "Your refund was sent. Have a great day!",
                "Your refund was sent. Have a great day!\n– Maria",
            ),
            ("ro", "Mihai", "Comanda a plecat azi. O zi frumoasă!", "Comanda a plecat azi. O zi frumoasă!\n– Mihai"),
            ("ro", "Mihai", "Comanda a plecat azi.\nMultumim!", "Comanda a plecat azi.\nMultumim!\n– Mihai"),
            ("hy", "Անի", "Պատվերը ճանապարհին է։", "Պատվերը ճանապարհին է։\n– Անի"),
            ("hy", "Անի", "Պատվերը ճանապարհին է: Շնորհակալություն:", "Պատվերը ճանապարհին է: Շնորհակալություն:\n– Անի"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।", "ऑर्डर भेज दिया गया है।\n– प्रिया"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nधन्यवाद।", "ऑर्डर भेज दिया गया है।\nधन्यवाद।\n– प्रिया"),
        ] {
            let c = case().lang(lang).agent(agent);
            // The underline sits on the last word, with its punctuation: where the sign-off goes.
            let last_word = draft.trim_end().rsplit([' ', '\n']).next().unwrap();
            assert_eq!(c.spans(RULE, draft), [last_word], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed);
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn completes_a_closing_without_a_name() {
        for (lang, agent, draft, fixed) in [
            ("en", "Maria", "Sent.\nBest regards,", "Sent.\nBest regards,\nMaria"),
            ("ro", "Mihai", "A plecat.\nCu drag", "A plecat.\nCu drag,\nMihai"),
            ("ro", "Mihai", "A plecat.\nCu stima", "A plecat.\nCu stima,\nMihai"),
            ("hy", "Անի", "Պատվերը ճանապարհին է:\nՇնորհակալություն", "Պատվերը ճանապարհին է:\nՇնորհակալություն,\nԱնի"),
            ("hy", "Անի", "Պատվերը ճանապարհին է։\nՀարգանքով՝", "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nसादर,", "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nधन्यवाद", "ऑर्डर भेज दिया गया है।\nधन्यवाद,\nप्रिया"),
        ] {
            let c = case().lang(lang).agent(agent);
            assert_eq!(c.spans(RULE, draft), [draft.rsplit('\n').next().unwrap()], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed);
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn every_sign_off_form_with_a_name_passes() {
        for (lang, agent, draft) in [
            ("en", "Maria", "Sent.\n– Maria"),
            ("en", "Maria", "Sent.\n-Maria"),
            ("en", "Maria", "Sent. -Maria"),
            ("en", "Maria", "Sent 🙂 – Maria"),
            ("en", "Maria", "Sent.\n\nBest,\nMaria"),
            ("en", "Maria", "Sent.\nCheers, Maria"),
            ("en", "Maria", "Sent.\nmaria"),
            ("en", "Maria", "Your refund is sent. Thanks, Maria"),
            ("ro", "Mihai", "Comanda a plecat azi. Cu drag, Mihai"),
            ("hi", "प्रिया", "आपका ऑर्डर भेज दिया गया है। धन्यवाद, प्रिया"),
            ("ro", "Mihai", "A plecat.\nCu drag,\nMihai"),
            ("ro", "Mihai", "A plecat.\nCu drag, Mihai"),
            ("ro", "Ștefan", "A plecat.\nCu stima,\nStefan"),
            ("hy", "Անի", "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"),
            ("hy", "Անի", "Պատվերը ճանապարհին է:\nՀարգանքով՝\nԱնի"),
            ("hy", "Անի", "Պատվերը ճանապարհին է:\nԱնի"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nसादर, प्रिया"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\n- प्रिया"),
        ] {
            assert!(!case().lang(lang).agent(agent).fires(RULE, draft), "{draft}");
        }
    }

    /// A team or a full name is signed: `sign-off-not-first-name` reports it, once.
    #[test]
    fn other_signatures_are_left_to_sign_off_not_first_name() {
        for (lang, agent, draft) in [
            ("en", "Maria", "Sent.\nThe Support Team"),
            ("ro", "Mihai", "A plecat.\nCu stimă,\nEchipa Acme"),
            ("hy", "Անի", "Պատվերը ճանապարհին է։\nAcme թիմ"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nसादर,\nटीम Acme"),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\n– प्रिया शर्मा"),
        ] {
            let c = case().lang(lang).agent(agent);
            assert!(!c.fires(RULE, draft), "{draft}");
            assert!(c.fires("sign-off-not-first-name", draft), "{draft}");
        }
    }

    const PAGE: &str = r#"{"version": 1, "sign_off": "{agent_name} from {page_name}", "page_name": "Acme Bank"}"#;

    #[test]
    fn a_profile_format_is_the_sign_off_to_end_with() {
        let c = case().lang("en").agent("Maria Ionescu").voice(PAGE);
        assert_eq!(c.fixed(RULE, "Your card is ready."), "Your card is ready.\nMaria from Acme Bank");
        assert_eq!(
            c.fixed(RULE, "Your card is ready.\nBest regards,"),
            "Your card is ready.\nBest regards,\nMaria from Acme Bank"
        );
        // The first name alone is not the team's sign-off.
        assert_eq!(c.fixed(RULE, "Your card is ready.\n– Maria"), "Your card is ready.\n– Maria from Acme Bank");
        for signed in [
            "Your card is ready.\nMaria from Acme Bank",
            "Your card is ready.\n– Maria from Acme Bank.",
            "Your card is ready.\nKind regards,\nMaria from ACME bank",
        ] {
            assert!(!c.fires(RULE, signed), "{signed}");
            assert!(!c.fires("sign-off-not-first-name", signed), "{signed}");
        }
        // In every language, with the format's own words.
        let ro = case().lang("ro").agent("Mihai").voice(r#"{"version": 1, "sign_off": "Cu stimă, {agent_name}"}"#);
        assert_eq!(ro.fixed(RULE, "Comanda a plecat."), "Comanda a plecat.\nCu stimă, Mihai");
        assert!(!ro.fires(RULE, "Comanda a plecat.\nCu stima, Mihai"));
        let hy = case()
            .lang("hy")
            .agent("Անի")
            .voice(r#"{"version": 1, "sign_off": "– {agent_name}, {page_name}", "page_name": "Acme"}"#);
        assert_eq!(hy.fixed(RULE, "Պատվերը ճանապարհին է։"), "Պատվերը ճանապարհին է։\n– Անի, Acme");
        let hi = case().lang("hi").agent("प्रिया").voice(r#"{"version": 1, "sign_off": "सादर, {agent_name}"}"#);
        assert_eq!(hi.fixed(RULE, "ऑर्डर भेज दिया गया है।"), "ऑर्डर भेज दिया गया है।\nसादर, प्रिया");
    }

    #[test]
    fn a_profile_without_a_format_keeps_the_default() {
        let c = case().lang("en").agent("Maria").voice(r#"{"version": 1}"#);
        assert_eq!(c.fixed(RULE, "Sent."), "Sent.\n– Maria");
        assert!(!c.fires(RULE, "Sent.\nCheers, Maria"));
    }

    #[test]
    fn silent_without_an_agent_name_or_a_draft() {
        assert!(!case().fires(RULE, "Your refund was sent."));
        assert!(!case().agent("Maria").fires(RULE, ""));
        assert!(!case().agent("Maria").fires(RULE, " \n "));
    }
}
