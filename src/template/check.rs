//! How a template reads when it is sent: rendered with sample values for its language
//! and linted in the context its tags imply. `reply-coach templates check` and the
//! default-pack test both use it, so they judge templates the same way.
//!
//! Tags that set the context: `comment` (a public reply to a comment), `human-agent`
//! (sent 24 hours to 7 days after the customer's last message, linted at 30 hours) and
//! `window-closing` (the last hour of the 24-hour window, linted at 23.5 hours); any other
//! template is a private message one hour after the customer's.

use super::{Rendered, Template, TemplateError, Values};
use crate::context::{LanguageChoice, LintContext, Surface};
use crate::lang::Language;
use crate::lint::{lint, LintResult};

/// The Page name in samples.
pub const SAMPLE_PAGE: &str = "Northwind";
/// The value every fill-in field gets in samples.
pub const SAMPLE_FIELD_VALUE: &str = "A-1042";

/// A customer's display name and an agent's name typical of `language`.
pub fn sample_people(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::En => ("John Smith", "Sam"),
        Language::Ro => ("Ana Popescu", "Mihai"),
        Language::Hy => ("Անի Պետրոսյան", "Արամ"),
        Language::Hi => ("प्रिया शर्मा", "राहुल"),
    }
}

/// The lint context `template` will be sent in, judging by its tags, with the sample people.
pub fn lint_context(template: &Template) -> LintContext {
    let has = |tag: &str| template.tags.iter().any(|t| t == tag);
    let (customer, agent) = sample_people(template.language);
    let hours = if has("human-agent") {
        30.0
    } else if has("window-closing") {
        23.5
    } else {
        1.0
    };
    LintContext {
        customer_name: Some(customer.into()),
        agent_name: Some(agent.into()),
        hours_since_customer: Some(hours),
        surface: if has("comment") { Surface::Comment } else { Surface::Message },
        language: LanguageChoice::from_code(template.language.code()).unwrap_or_default(),
        ..LintContext::default()
    }
}

/// One template rendered with sample values and its lint result.
#[derive(Debug, Clone)]
pub struct Checked {
    pub rendered: Rendered,
    pub result: LintResult,
}

/// `template` rendered with the sample values of its language (every fill-in field filled),
/// and the context it is linted in. Fails when the body does not parse.
pub fn sample(template: &Template) -> Result<(Rendered, LintContext), TemplateError> {
    let body = template.parse_body()?;
    let context = lint_context(template);
    let mut values =
        Values::for_conversation(context.customer_name.as_deref(), context.agent_name.as_deref(), Some(SAMPLE_PAGE));
    values.fields =
        body.fields().into_iter().map(|label| (label.to_string(), SAMPLE_FIELD_VALUE.to_string())).collect();
    Ok((body.render(&values), context))
}

/// Renders `template` with the sample values of its language ([`sample`]) and lints it.
/// Fails with a message when the body does not parse.
pub fn check(template: &Template) -> Result<Checked, String> {
    let (rendered, context) = sample(template).map_err(|e| format!("body: {e}"))?;
    let result = lint(&rendered.text, &context).map_err(|e| e.to_string())?;
    Ok(Checked { rendered, result })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn template(tags: &[&str], body: &str) -> Template {
        Template {
            id: "t".into(),
            title: "T".into(),
            language: Language::Ro,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            shortcut: None,
            body: body.into(),
        }
    }

    #[test]
    fn tags_set_the_context() {
        let context = |tags: &[&str]| lint_context(&template(tags, "x"));
        assert_eq!(context(&[]).hours_since_customer, Some(1.0));
        assert_eq!(context(&[]).surface, Surface::Message);
        assert_eq!(context(&["comment"]).surface, Surface::Comment);
        assert_eq!(context(&["human-agent"]).hours_since_customer, Some(30.0));
        assert_eq!(context(&["window-closing"]).hours_since_customer, Some(23.5));
        assert_eq!(context(&[]).language, LanguageChoice::Fixed(crate::Language::Ro));
        assert_eq!(context(&[]).customer_name.as_deref(), Some("Ana Popescu"));
    }

    #[test]
    fn renders_with_samples_and_lints() {
        let checked =
            check(&template(&[], "Bună, {first_name}! Comanda {field:Număr} e pe drum.\n– {agent_name}")).unwrap();
        assert_eq!(checked.rendered.text, "Bună, Ana! Comanda A-1042 e pe drum.\n– Mihai");
        let unfilled = check(&template(&[], "Bună, {page_name}{cursor} {{first_name}}")).unwrap();
        assert!(unfilled
            .result
            .findings
            .iter()
            .any(|f| f.rule == "placeholder-unfilled" && f.severity == Severity::Error));
        assert!(check(&template(&[], "{oops}")).unwrap_err().starts_with("body: at character 0"));
    }
}
