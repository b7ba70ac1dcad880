//! What the linter knows about the conversation a draft answers, and the agent's settings.
//!
//! Everything is optional: what the page could not tell stays `None`, and the rules that
//! need it stay silent. Field names are camelCase, as the extension sends them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Language;
use crate::rules;

/// Where the reply will appear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    /// A private conversation (Messenger, Instagram Direct): the 24-hour window applies.
    #[default]
    Message,
    /// A public reply to a comment: everyone can read it.
    Comment,
}

/// The draft's language, or `auto` to detect it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    #[default]
    Auto,
    En,
    Ro,
    Hy,
    Hi,
}

impl LanguageChoice {
    pub fn fixed(self) -> Option<Language> {
        match self {
            LanguageChoice::Auto => None,
            LanguageChoice::En => Some(Language::En),
            LanguageChoice::Ro => Some(Language::Ro),
            LanguageChoice::Hy => Some(Language::Hy),
            LanguageChoice::Hi => Some(Language::Hi),
        }
    }

    pub fn from_code(code: &str) -> Option<LanguageChoice> {
        match code {
            "auto" => Some(LanguageChoice::Auto),
            "en" => Some(LanguageChoice::En),
            "ro" => Some(LanguageChoice::Ro),
            "hy" => Some(LanguageChoice::Hy),
            "hi" => Some(LanguageChoice::Hi),
            _ => None,
        }
    }
}

/// Thresholds and switches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// Characters of a reply the inbox shows in its preview (guideline 000 §2).
    pub preview_budget: usize,
    /// Words a chat reply should stay under.
    pub max_words: usize,
    /// Words one sentence should stay under.
    pub max_sentence_words: usize,
    /// Hours after the customer's last message during which any reply is allowed.
    pub window_hours: f64,
    /// Hours after which not even a human agent may reply (7 days).
    pub human_agent_hours: f64,
    /// Rule ids switched off.
    pub disabled_rules: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            preview_budget: 90,
            max_words: 80,
            max_sentence_words: 30,
            window_hours: 24.0,
            human_agent_hours: 168.0,
            disabled_rules: Vec::new(),
        }
    }
}

/// The conversation a draft answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LintContext {
    /// The customer's display name as the inbox shows it ("Ana Popescu").
    pub customer_name: Option<String>,
    /// The agent's first name, for the sign-off.
    pub agent_name: Option<String>,
    /// Hours since the customer's last message.
    pub hours_since_customer: Option<f64>,
    pub surface: Surface,
    /// The customer's last message, to tell whether they are upset.
    pub customer_message: Option<String>,
    pub language: LanguageChoice,
    pub settings: Settings,
}

/// A context that cannot be linted against, with what to correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextError(pub String);

impl fmt::Display for ContextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ContextError {}

impl LintContext {
    /// Checks the numbers and rule ids, so a typo is reported instead of ignored.
    pub fn validate(&self) -> Result<(), ContextError> {
        let err = |message: String| Err(ContextError(message));
        if let Some(hours) = self.hours_since_customer {
            if !hours.is_finite() || hours < 0.0 {
                return err(format!("hoursSinceCustomer must be a number of hours, 0 or more (got {hours})"));
            }
        }
        let s = &self.settings;
        for (name, value) in
            [("previewBudget", s.preview_budget), ("maxWords", s.max_words), ("maxSentenceWords", s.max_sentence_words)]
        {
            if value == 0 {
                return err(format!("settings.{name} must be at least 1"));
            }
        }
        if !(s.window_hours.is_finite()
            && s.window_hours > 0.0
            && s.human_agent_hours.is_finite()
            && s.human_agent_hours >= s.window_hours)
        {
            return err(format!(
                "settings.windowHours ({}) must be positive and no more than settings.humanAgentHours ({})",
                s.window_hours, s.human_agent_hours
            ));
        }
        if let Some(unknown) = s.disabled_rules.iter().find(|id| !rules::ids().any(|known| known == id.as_str())) {
            let known: Vec<&str> = rules::ids().collect();
            return err(format!(
                "settings.disabledRules: unknown rule id {unknown:?}; known ids: {}",
                known.join(", ")
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(LintContext::default().validate(), Ok(()));
    }

    #[test]
    fn bad_values_are_named() {
        let mut ctx = LintContext { hours_since_customer: Some(-1.0), ..Default::default() };
        assert!(ctx.validate().unwrap_err().0.contains("hoursSinceCustomer"));
        ctx.hours_since_customer = Some(f64::NAN);
        assert!(ctx.validate().is_err());
        ctx.hours_since_customer = None;
        ctx.settings.disabled_rules = vec!["tone-shouting".into()];
        let message = ctx.validate().unwrap_err().0;
        assert!(message.contains("\"tone-shouting\"") && message.contains("tone-shout"), "{message}");
        ctx.settings = Settings { max_words: 0, ..Settings::default() };
        assert!(ctx.validate().unwrap_err().0.contains("maxWords"));
        ctx.settings = Settings { window_hours: 200.0, ..Settings::default() };
        assert!(ctx.validate().is_err());
    }
}
