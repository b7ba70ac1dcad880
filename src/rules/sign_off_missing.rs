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
                let separator = if text[span.clone()].ends_with(',') { "" } else { "," };
                hits.push(
                    Hit::new(span.clone(), message).with_fix(
                        format!("Sign with “{name}”"),
                        vec![insert(span.end, format!("{separator}\n{name}"))],
                    ),
                );
            }
            None => {
                let end = input.draft.content_end();
                let last_line = text[..end].rfind('\n').map_or(0, |i| i + 1);
                let last_line = last_line + (text[last_line..end].len() - text[last_line..end].trim_start().len());
                let sign_off = input.data.sign_off_text.replace("{name}", name);
                hits.push(
                    Hit::new(last_line..end, message)
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
        assert_eq!(case().agent("Maria").fixed(RULE, "Your refund was sent.  "), "Your refund was sent.\n– Maria  ");
        assert_eq!(case().agent("Mihai").fixed(RULE, "Comanda a plecat azi."), "Comanda a plecat azi.\n– Mihai");
        assert_eq!(case().agent("Անի").fixed(RULE, "Պատվերը ճանապարհին է։"), "Պատվերը ճանապարհին է։\n– Անի");
        assert_eq!(case().agent("प्रिया").fixed(RULE, "ऑर्डर भेज दिया गया है।"), "ऑर्डर भेज दिया गया है।\n– प्रिया");
    }

    #[test]
    fn completes_a_closing_without_a_name() {
        assert_eq!(case().agent("Maria").fixed(RULE, "Sent.\nBest regards,"), "Sent.\nBest regards,\nMaria");
        assert_eq!(case().agent("Mihai").fixed(RULE, "A plecat.\nCu drag"), "A plecat.\nCu drag,\nMihai");
    }

    #[test]
    fn any_sign_off_with_a_name_passes() {
        let en = case().agent("Maria");
        for draft in [
            "Sent.\n– Maria",
            "Sent. -Maria",
            "Sent.\nBest,\nMaria",
            "Sent.\nCheers, Maria",
            "Sent.\nmaria",
            "Sent.\nThe Support Team",
        ] {
            assert!(!en.fires(RULE, draft), "{draft}");
        }
        assert!(!case().agent("Mihai").fires(RULE, "A plecat.\nCu drag,\nMihai"));
        assert!(!case().agent("Անի").fires(RULE, "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"));
        assert!(!case().agent("प्रिया").fires(RULE, "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"));
    }

    #[test]
    fn silent_without_an_agent_name_or_a_draft() {
        assert!(!case().fires(RULE, "Your refund was sent."));
        assert!(!case().agent("Maria").fires(RULE, ""));
    }
}
