//! The entry point: one draft and its context in, the language and findings out.

use serde::Serialize;

use crate::context::{ContextError, LintContext};
use crate::draft::Draft;
use crate::finding::{Edit, Finding, Fix};
use crate::lang::Language;
use crate::rules::{self, Hit, Input};
use crate::text::Utf16Map;
use crate::voice::RuleSetting;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LintResult {
    /// The language the draft was linted in (detected when the context says `auto`).
    pub language: Language,
    /// Sorted by start, then by severity (errors first).
    pub findings: Vec<Finding>,
}

/// Lints `draft` against the guidelines, given what is known of its conversation.
///
/// Fails only on a context with impossible values (negative hours, unknown rule ids);
/// any text, however malformed, gives a result.
pub fn lint(draft: &str, context: &LintContext) -> Result<LintResult, ContextError> {
    context.validate()?;
    let analysing = crate::stage::enter("parser", "draft");
    let analysed = match context.language.fixed() {
        Some(language) => Draft::new(draft, language),
        None => Draft::detected(draft, context.customer_message.as_deref()),
    };
    let language = analysed.language;
    let input = Input::new(&analysed, context);
    let utf16 = Utf16Map::new(draft);
    drop(analysing);
    let disabled = &context.settings.disabled_rules;

    let mut findings = Vec::new();
    let mut hits = Vec::new();
    for rule in rules::all().iter().filter(|rule| !disabled.iter().any(|id| id == rule.id())) {
        // The voice profile may switch a rule off or change its severity.
        let severity = match context.voice.as_deref().and_then(|voice| voice.rule_setting(rule.id())) {
            Some(RuleSetting::Off) => continue,
            Some(RuleSetting::Severity(severity)) => severity,
            None => rule.severity(),
        };
        hits.clear();
        let _stage = crate::stage::enter("rule", rule.id());
        rule.check(&input, &mut hits);
        findings.extend(hits.drain(..).map(|hit: Hit| Finding {
            rule: rule.id(),
            severity,
            start: utf16.offset(hit.span.start),
            end: utf16.offset(hit.span.end),
            message: hit.message,
            explanation: rule.explanation(),
            fixes: hit.fixes.into_iter().map(|fix| to_utf16(fix, &utf16)).collect(),
        }));
    }
    // By position, the most severe first where they start together.
    crate::sort::sort_by_key(&mut findings, |f| (f.start as u64, !(f.severity as u64)));
    Ok(LintResult { language, findings })
}

fn to_utf16(fix: Fix, utf16: &Utf16Map) -> Fix {
    let edits = fix
        .edits
        .into_iter()
        .map(|edit| Edit { start: utf16.offset(edit.start), end: utf16.offset(edit.end), text: edit.text })
        .collect();
    Fix { label: fix.label, edits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::LanguageChoice;

    #[test]
    fn reports_the_language_and_sorted_findings() {
        let context = LintContext { hours_since_customer: Some(200.0), ..Default::default() };
        let result = lint("WE ARE CLOSED!! Visit shop.example.com", &context).unwrap();
        assert_eq!(result.language, Language::En);
        let starts: Vec<usize> = result.findings.iter().map(|f| f.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        assert_eq!(result.findings[0].rule, "window-closed");
    }

    #[test]
    fn disabled_rules_stay_silent() {
        let mut context = LintContext::default();
        assert!(lint("STOP SHOUTING", &context).unwrap().findings.iter().any(|f| f.rule == "tone-shout"));
        context.settings.disabled_rules = vec!["tone-shout".into()];
        assert!(lint("STOP SHOUTING", &context).unwrap().findings.iter().all(|f| f.rule != "tone-shout"));
    }

    #[test]
    fn a_voice_profile_switches_rules_and_sets_severities() {
        let voice = crate::voice::Voice::parse(
            r#"{"version": 1, "rules": {"tone-shout": "error", "first-line-summary": "off"}}"#,
        )
        .unwrap();
        let context = LintContext { voice: Some(std::sync::Arc::new(voice)), ..Default::default() };
        let draft = "Thank you for reaching out. STOP SHOUTING";
        let findings = lint(draft, &context).unwrap().findings;
        assert!(findings.iter().all(|f| f.rule != "first-line-summary"), "{findings:?}");
        let shout = findings.iter().find(|f| f.rule == "tone-shout").unwrap();
        assert_eq!(shout.severity, crate::Severity::Error);
        let without = lint(draft, &LintContext::default()).unwrap().findings;
        assert!(without.iter().any(|f| f.rule == "first-line-summary"), "{without:?}");
    }

    #[test]
    fn fixed_language_skips_detection() {
        let context = LintContext { language: LanguageChoice::Fixed(crate::Language::Ro), ..Default::default() };
        assert_eq!(lint("Hello there", &context).unwrap().language, Language::Ro);
    }

    #[test]
    fn spans_are_utf16() {
        let result = lint("👍👍 STOP SHOUTING", &LintContext::default()).unwrap();
        let shout = result.findings.iter().find(|f| f.rule == "tone-shout").unwrap();
        // Each 👍 is two UTF-16 units, plus the space.
        assert_eq!((shout.start, shout.end), (5, 18));
    }
}
