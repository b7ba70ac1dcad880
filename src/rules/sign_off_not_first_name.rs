//! `sign-off-not-first-name`: a sign-off with a full name, a team or a company, or with a
//! name that is not the agent's.

use super::{replace, Hit, Input, Rule};
use crate::draft::{occurrences, SignOff};
use crate::finding::Severity;

pub struct SignOffNotFirstName;

impl Rule for SignOffNotFirstName {
    fn id(&self) -> &'static str {
        "sign-off-not-first-name"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "Sign with your own first name, not a full name, a team or the company: people relate to people, not to a logo (guidelines §2, \"Sign off with the agent's own first name\", from 003 §5). \"The Support Team\" tells the customer nobody in particular is responsible."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(SignOff { signature: Some(signature), .. }) = &input.sign_off else { return };
        let draft = input.draft;
        let text = draft.text;
        let signed = text[signature.clone()].trim_end_matches('.');
        let span = signature.start..signature.start + signed.len();
        let words = draft.word_at_or_after(span.start)..draft.word_at_or_after(span.end);
        let agent = input.agent.as_ref();
        let agent_fix = |hit: Hit| match agent {
            Some(agent) => hit.with_fix(
                format!("Sign as “{}”", agent.first.text),
                vec![replace(span.clone(), agent.first.text.clone())],
            ),
            None => hit,
        };

        if draft.find_in(&input.data.team_words, span.clone()).next().is_some() {
            hits.push(agent_fix(Hit::new(
                span.clone(),
                format!("“{signed}” is a team or company: sign with your own first name."),
            )));
            return;
        }
        let starts_with_agent = agent.is_some_and(|a| occurrences(&a.first, draft).any(|r| r.start == words.start));
        let parts: Vec<&str> = signed.split_whitespace().collect();
        match (parts.len(), agent) {
            (1, None) => {}
            (_, Some(_)) if parts.len() == 1 && starts_with_agent => {}
            (_, Some(agent)) if !starts_with_agent => hits.push(agent_fix(Hit::new(
                span.clone(),
                format!("Signed “{signed}”, but your first name is {}.", agent.first.text),
            ))),
            _ => {
                let first = parts[0];
                hits.push(
                    Hit::new(span.clone(), format!("“{signed}” is a full name: sign with your first name only."))
                        .with_fix(format!("Sign as “{first}”"), vec![replace(span.clone(), first)]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "sign-off-not-first-name";

    #[test]
    fn team_and_company_sign_offs_fire() {
        assert_eq!(case().agent("Maria").fixed(RULE, "Sent.\n– The Support Team"), "Sent.\n– Maria");
        assert_eq!(
            case().agent("Maria").fixed(RULE, "Sent.\nBest regards,\nAcme Customer Care"),
            "Sent.\nBest regards,\nMaria"
        );
        assert!(case().fires(RULE, "Sent.\n– The Support Team"));
        assert_eq!(case().agent("Mihai").fixed(RULE, "A plecat.\nCu drag,\nEchipa Acme"), "A plecat.\nCu drag,\nMihai");
        assert_eq!(
            case().agent("Անի").fixed(RULE, "Պատվերը ճանապարհին է։\nՀարգանքով՝ Acme թիմը"),
            "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"
        );
        assert_eq!(
            case().agent("प्रिया").fixed(RULE, "ऑर्डर भेज दिया गया है।\nसादर,\nAcme सपोर्ट टीम"),
            "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"
        );
    }

    #[test]
    fn full_names_keep_the_first_name() {
        assert_eq!(case().agent("Maria").fixed(RULE, "Sent.\n– Maria Ionescu"), "Sent.\n– Maria");
        assert_eq!(case().fixed(RULE, "Sent.\nCheers, Maria Ionescu"), "Sent.\nCheers, Maria");
    }

    #[test]
    fn another_name_becomes_the_agents() {
        assert_eq!(case().agent("Maria").fixed(RULE, "Sent.\n– John"), "Sent.\n– Maria");
    }

    #[test]
    fn the_agents_first_name_passes_in_every_language() {
        assert!(!case().agent("Maria").fires(RULE, "Sent.\n– Maria"));
        assert!(!case().agent("Maria").fires(RULE, "Sent. -maria."));
        assert!(!case().fires(RULE, "Sent.\n– Maria"));
        assert!(!case().agent("Mihai").fires(RULE, "A plecat.\nCu drag,\nMihai"));
        assert!(!case().agent("Անի").fires(RULE, "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"));
        assert!(!case().agent("प्रिया").fires(RULE, "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"));
        assert!(!case().agent("Maria").fires(RULE, "We are open Monday - Friday"));
    }
}
