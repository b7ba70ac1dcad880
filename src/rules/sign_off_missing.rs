//! `sign-off-missing`: the agent's first name is known and the reply does not end with a
//! sign-off carrying a name.

use super::{insert, Hit, Input, Rule};
use crate::draft::SignOff;
use crate::finding::Severity;

pub struct SignOffMissing;

impl Rule for SignOffMissing {
    fn id(&self) -> &'static str {
        "sign-off-missing"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> &'static str {
        "Sign off with your own first name: people relate to people, not to a logo or a company name, and a name shows the customer who is taking care of them (guidelines §2, \"Sign off with the agent's own first name\", from 003 §5)."
    }

    /// A sign-off that names someone else is `sign-off-not-first-name`'s to report.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(agent) = &input.agent else { return };
        if input.is_blank() {
            return;
        }
        let name = &agent.first.text;
        let text = input.draft.text;
        let message =
            format!("No sign-off with your name: end with “{}”.", input.data.sign_off_text.replace("{name}", name));
        match &input.sign_off {
            Some(SignOff { signature: Some(_), .. }) => {}
            // "Best regards," with no name after it.
            Some(SignOff { span, signature: None }) => {
                // "Best," + "\nMaria"; "Հարգանքով՝" + " Անի", on the same line.
                let separator = match text[span.clone()].chars().next_back() {
                    Some(',') => "\n",
                    Some('՝' | ':') => " ",
                    _ => ",\n",
                };
                hits.push(
                    Hit::new(span.clone(), message)
                        .with_fix(format!("Sign with “{name}”"), vec![insert(span.end, format!("{separator}{name}"))]),
                );
            }
            None => {
                // Underline where the sign-off belongs, the reply's last word, not the whole
                // last line (in a one-line reply, that is the whole reply).
                let end = input.draft.content_end();
                let last_word = input.draft.words.last().map_or(end, |w| w.span.start);
                let sign_off = input.data.sign_off_text.replace("{name}", name);
                hits.push(
                    Hit::new(last_word..end, message)
                        .with_fix(format!("Sign with “{sign_off}”"), vec![insert(end, format!("\n{sign_off}"))]),
                );
            }
        }
    }
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

    #[test]
    fn silent_without_an_agent_name_or_a_draft() {
        assert!(!case().fires(RULE, "Your refund was sent."));
        assert!(!case().agent("Maria").fires(RULE, ""));
        assert!(!case().agent("Maria").fires(RULE, " \n "));
    }
}
