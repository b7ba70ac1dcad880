//! `sign-off-not-first-name`: a sign-off with a full name, a team or a company, or with a
//! name that is not the agent's.

use super::name_missing::same_script;
use super::{placeholder_unfilled, replace, sign_off_missing, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::{names_team, occurrences, SignOff};
use crate::finding::Severity;
use crate::text::is_capitalised;

pub struct SignOffNotFirstName;

impl Rule for SignOffNotFirstName {
    fn id(&self) -> &'static str {
        "sign-off-not-first-name"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("sign-off-not-first-name.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(SignOff { signature: Some(signature), .. }) = &input.sign_off else { return };
        // "{agent_name}" is placeholder-unfilled's to fill in.
        if placeholder_unfilled::has_placeholder_in(input, signature) {
            return;
        }
        let draft = input.draft;
        // The voice profile's own sign-off ("Maria from Acme Bank") is the one to use.
        let wanted = sign_off_missing::profile_signature(input);
        if wanted.as_deref().is_some_and(|wanted| sign_off_missing::ends_with(draft, wanted)) {
            return;
        }
        let signed = draft.slice(signature).trim_end_matches('.');
        let span = signature.start..signature.start + signed.len();
        // Fixes replace the dots too: "Maria I." becomes "Maria", not "Maria.".
        let sign_as = |hit: Hit, name: &str| {
            let name = wanted.as_deref().unwrap_or(name);
            hit.with_fix(
                Message::new("fix.sign-as").text("text", name),
                vec![replace(signature.clone(), name.to_string())],
            )
        };
        let agent = input.agent.as_ref();
        let agent_fix = |hit: Hit| match agent {
            Some(agent) => sign_as(hit, &agent.first.text),
            None => hit,
        };

        if names_team(draft, span.clone()) {
            hits.push(agent_fix(Hit::new(
                span.clone(),
                Message::new("sign-off-not-first-name.team").text("text", signed),
            )));
            return;
        }
        // Words, not emoji: "Maria 🙂" is signed with the first name alone.
        let parts: Vec<&str> = signed.split_whitespace().filter(|p| p.chars().any(char::is_alphanumeric)).collect();
        let Some((&first, rest)) = parts.split_first() else { return };
        let first_word = draft.word_at_or_after(span.start);
        // A name in another script than the agent's ("प्रिया" for "Priya") cannot be
        // compared, so it is taken for theirs.
        let signed_by_other = agent.filter(|agent| {
            same_script(&agent.first.text, first) && !occurrences(&agent.first, draft).any(|r| r.start == first_word)
        });
        if let Some(agent) = signed_by_other {
            hits.push(agent_fix(Hit::new(
                span.clone(),
                Message::new("sign-off-not-first-name.other-name").text("text", signed).text("name", &agent.first.text),
            )));
        } else if !rest.is_empty() {
            // "Maria Ionescu" is a full name; "Maria from Acme" is just more than a name.
            let surname = rest.iter().all(|p| is_capitalised(p) || !p.chars().any(char::is_lowercase));
            let message = if surname {
                Message::new("sign-off-not-first-name.full-name").text("text", signed)
            } else {
                Message::new("sign-off-not-first-name.more").text("text", signed).text("first", first)
            };
            hits.push(sign_as(Hit::new(span, message), first));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "sign-off-not-first-name";

    #[test]
    fn team_and_company_sign_offs_become_the_agents_name() {
        for (lang, agent, draft, team, fixed) in [
            ("en", "Maria", "Sent.\n– The Support Team", "The Support Team", "Sent.\n– Maria"),
            (
                "en",
                "Maria",
                "Sent.\nBest regards,\nAcme Customer Care",
                "Acme Customer Care",
                "Sent.\nBest regards,\nMaria",
            ),
            ("en", "Maria", "Sent! – The Acme Team", "The Acme Team", "Sent! – Maria"),
            ("ro", "Mihai", "A plecat.\nCu drag,\nEchipa Acme", "Echipa Acme", "A plecat.\nCu drag,\nMihai"),
            ("ro", "Mihai", "A plecat.\n– Echipa de suport", "Echipa de suport", "A plecat.\n– Mihai"),
            ("ro", "Mihai", "A plecat.\nCu respect,\nSRL Acme", "SRL Acme", "A plecat.\nCu respect,\nMihai"),
            (
                "hy",
                "Անի",
                "Պատվերը ճանապարհին է։\nՀարգանքով՝ Acme թիմը",
                "Acme թիմը",
                "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի",
            ),
            ("hy", "Անի", "Պատվերը ճանապարհին է:\nAcme-ի թիմ", "Acme-ի թիմ", "Պատվերը ճանապարհին է:\nԱնի"),
            (
                "hi",
                "प्रिया",
                "ऑर्डर भेज दिया गया है।\nसादर,\nAcme सपोर्ट टीम",
                "Acme सपोर्ट टीम",
                "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया",
            ),
            ("hi", "प्रिया", "ऑर्डर भेज दिया गया है।\nग्राहक सेवा विभाग", "ग्राहक सेवा विभाग", "ऑर्डर भेज दिया गया है।\nप्रिया"),
        ] {
            let c = case().lang(lang).agent(agent);
            assert_eq!(c.spans(RULE, draft), [team], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed);
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn a_team_without_a_known_agent_fires_without_a_fix() {
        let findings = case().lang("ro").findings(RULE, "A plecat.\nEchipa Acme");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].fixes.is_empty());
    }

    #[test]
    fn full_names_keep_the_first_name() {
        for (lang, agent, draft, fixed) in [
            ("en", Some("Maria"), "Sent.\n– Maria Ionescu", "Sent.\n– Maria"),
            ("en", None, "Sent.\nCheers, Maria Ionescu", "Sent.\nCheers, Maria"),
            ("en", Some("Maria"), "Sent.\nBest,\nMaria I.", "Sent.\nBest,\nMaria"),
            ("en", Some("Maria"), "Sent.\n– Maria Ionescu 🙂", "Sent.\n– Maria"),
            ("ro", Some("Mihai"), "A plecat.\nCu stima,\nMihai Popescu", "A plecat.\nCu stima,\nMihai"),
            ("ro", Some("Ștefan"), "A plecat.\nCu drag,\nȘtefan Ionescu", "A plecat.\nCu drag,\nȘtefan"),
            (
                "hy",
                Some("Անի"),
                "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի Սարգսյան",
                "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի",
            ),
            ("hi", Some("प्रिया"), "ऑर्डर भेज दिया गया है।\n– प्रिया शर्मा", "ऑर्डर भेज दिया गया है।\n– प्रिया"),
        ] {
            let c = case().lang(lang);
            let c = match agent {
                Some(agent) => c.agent(agent),
                None => c,
            };
            let findings = c.findings(RULE, draft);
            assert_eq!(findings[0].message.id, "sign-off-not-first-name.full-name", "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed);
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn more_than_a_name_is_not_called_a_full_name() {
        let c = case().lang("ro").agent("Mihai");
        let draft = "A plecat.\nCu drag,\nMihai de la Acme";
        let findings = c.findings(RULE, draft);
        let more = Message::new("sign-off-not-first-name.more").text("text", "Mihai de la Acme").text("first", "Mihai");
        assert_eq!(findings[0].message, more);
        assert_eq!(c.fixed(RULE, draft), "A plecat.\nCu drag,\nMihai");
    }

    #[test]
    fn another_name_becomes_the_agents() {
        assert_eq!(case().agent("Maria").fixed(RULE, "Sent.\n– John"), "Sent.\n– Maria");
        assert_eq!(
            case().lang("ro").agent("Mihai").fixed(RULE, "A plecat.\nCu drag,\nAndrei"),
            "A plecat.\nCu drag,\nMihai"
        );
        assert_eq!(
            case().lang("hy").agent("Անի").fixed(RULE, "Պատվերը ճանապարհին է։\nՀարգանքով՝ Մարիամ"),
            "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"
        );
        assert_eq!(
            case().lang("hi").agent("प्रिया").fixed(RULE, "ऑर्डर भेज दिया गया है।\nसादर,\nराहुल"),
            "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"
        );
    }

    #[test]
    fn the_agents_first_name_passes_in_every_form_and_language() {
        for (lang, agent, draft) in [
            ("en", Some("Maria"), "Sent.\n– Maria"),
            ("en", Some("Maria"), "Sent. -maria."),
            ("en", Some("Maria"), "Sent.\nBest,\nMaria"),
            ("en", Some("Maria"), "Sent.\nCheers, Maria 🙂"),
            ("en", None, "Sent.\n– Maria"),
            ("en", Some("Maria"), "We are open Monday - Friday"),
            ("ro", Some("Mihai"), "A plecat.\nCu drag,\nMihai"),
            ("ro", Some("Ștefan"), "A plecat.\nCu stima, Stefan"),
            ("hy", Some("Անի"), "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"),
            ("hy", Some("Անի"), "Պատվերը ճանապարհին է:\nՀարգանքով՝\nԱնի"),
            ("hi", Some("प्रिया"), "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"),
            ("hi", Some("प्रिया"), "ऑर्डर भेज दिया गया है।\n- प्रिया"),
            // A name in another script than the one in the settings cannot be compared.
            ("hi", Some("Priya"), "ऑर्डर भेज दिया गया है।\nसादर,\nप्रिया"),
            ("hy", Some("Ani"), "Պատվերը ճանապարհին է։\nՀարգանքով՝ Անի"),
        ] {
            let c = case().lang(lang);
            let c = match agent {
                Some(agent) => c.agent(agent),
                None => c,
            };
            assert!(!c.fires(RULE, draft), "{draft}");
        }
    }

    /// `placeholder-unfilled` fills "{agent_name}" in; one finding is enough.
    #[test]
    fn a_placeholder_signature_is_left_to_placeholder_unfilled() {
        for (lang, draft) in [
            ("en", "Sent.\nBest,\n{agent_name}"),
            ("ro", "A plecat.\nCu drag,\n[NUME AGENT]"),
            ("hy", "Պատվերը ճանապարհին է։\nՀարգանքով՝ {իմ անունը}"),
            ("hi", "ऑर्डर भेज दिया गया है।\nसादर,\n[मेरा नाम]"),
        ] {
            for c in [case().lang(lang), case().lang(lang).agent("Maria")] {
                assert!(!c.fires(RULE, draft), "{draft}");
                assert!(c.fires("placeholder-unfilled", draft), "{draft}");
            }
        }
    }
}
