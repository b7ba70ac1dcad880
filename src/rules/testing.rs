//! Test helpers shared by the rules' tests: a context builder and fix application.

use crate::context::{LanguageChoice, LintContext, Surface};
use crate::finding::{apply_edits, Finding};
use crate::lint;

/// Builds a context and lints drafts against it, keeping one rule's findings.
#[derive(Clone, Default)]
pub struct Case {
    pub context: LintContext,
}

pub fn case() -> Case {
    Case::default()
}

impl Case {
    pub fn customer(mut self, name: &str) -> Self {
        self.context.customer_name = Some(name.into());
        self
    }
    pub fn agent(mut self, name: &str) -> Self {
        self.context.agent_name = Some(name.into());
        self
    }
    pub fn hours(mut self, hours: f64) -> Self {
        self.context.hours_since_customer = Some(hours);
        self
    }
    /// The customer replied to the ad that opened the thread `hours` ago.
    pub fn ad_reply(mut self, hours: f64) -> Self {
        self.context.hours_since_ad_reply = Some(hours);
        self
    }
    pub fn comment(mut self) -> Self {
        self.context.surface = Surface::Comment;
        self
    }
    pub fn said(mut self, message: &str) -> Self {
        self.context.customer_message = Some(message.into());
        self
    }
    /// Lints with the voice profile `document` (JSON).
    pub fn voice(mut self, document: &str) -> Self {
        let voice = crate::voice::Voice::parse(document).unwrap_or_else(|e| panic!("{e}: {document}"));
        self.context.voice = Some(std::sync::Arc::new(voice));
        self
    }
    pub fn lang(mut self, code: &str) -> Self {
        self.context.language = LanguageChoice::from_code(code).expect("a language code");
        self
    }

    /// The findings of `rule` on `draft`.
    pub fn findings(&self, rule: &str, draft: &str) -> Vec<Finding> {
        let result = lint(draft, &self.context).expect("a valid context");
        result.findings.into_iter().filter(|f| f.rule == rule).collect()
    }

    pub fn fires(&self, rule: &str, draft: &str) -> bool {
        !self.findings(rule, draft).is_empty()
    }

    /// The text each finding of `rule` underlines.
    pub fn spans(&self, rule: &str, draft: &str) -> Vec<String> {
        let units: Vec<u16> = draft.encode_utf16().collect();
        self.findings(rule, draft)
            .iter()
            .map(|f| String::from_utf16(&units[f.start..f.end]).expect("span on char boundaries"))
            .collect()
    }

    /// The draft after applying the first fix of the first finding of `rule`.
    pub fn fixed(&self, rule: &str, draft: &str) -> String {
        let findings = self.findings(rule, draft);
        let finding = findings.first().unwrap_or_else(|| panic!("{rule} did not fire on {draft:?}"));
        let fix = finding.fixes.first().unwrap_or_else(|| panic!("{rule} offered no fix on {draft:?}"));
        apply_edits(draft, &fix.edits).expect("fix applies")
    }
}
