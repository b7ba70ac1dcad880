//! Running a profile's `examples`: each draft is linted with the profile and must give
//! exactly the rule ids it expects, as LanguageTool's rule examples do. Used by
//! `reply-coach voice check` and the tests, never by the extension.

use std::sync::Arc;

use super::{Example, Voice};
use crate::context::{LanguageChoice, LintContext};
use crate::lint;

/// An example that did not give what it expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// Its index in `examples`.
    pub index: usize,
    pub expected: Vec<String>,
    /// The rule ids found, sorted; empty when the example could not run.
    pub found: Vec<String>,
    /// Why it could not run (a bad `context`).
    pub error: Option<String>,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.error {
            Some(error) => write!(f, "examples[{}]: {error}", self.index),
            None => write!(
                f,
                "examples[{}]: expected [{}], found [{}]",
                self.index,
                self.expected.join(", "),
                self.found.join(", ")
            ),
        }
    }
}

/// Runs every example of `voice`; returns the failures.
pub fn run_examples(voice: &Arc<Voice>) -> Vec<ExampleFailure> {
    voice.examples.iter().enumerate().filter_map(|(index, example)| run(voice, index, example).err()).collect()
}

fn run(voice: &Arc<Voice>, index: usize, example: &Example) -> Result<(), ExampleFailure> {
    let mut expected = example.expect.clone();
    expected.sort();
    expected.dedup();
    let failure =
        |found: Vec<String>, error: Option<String>| ExampleFailure { index, expected: expected.clone(), found, error };
    let mut context: LintContext = match &example.context {
        Some(context) => {
            serde_json::from_value(context.clone()).map_err(|e| failure(Vec::new(), Some(format!("context: {e}"))))?
        }
        None => LintContext::default(),
    };
    if let Some(language) = example.language {
        context.language = LanguageChoice::from_code(language.code()).unwrap_or_default();
    }
    context.voice = Some(Arc::clone(voice));
    let result = lint(&example.draft, &context).map_err(|e| failure(Vec::new(), Some(format!("context: {e}"))))?;
    let mut found: Vec<String> = result.findings.iter().map(|f| f.rule.to_string()).collect();
    found.sort();
    found.dedup();
    if found == expected {
        Ok(())
    } else {
        Err(failure(found, None))
    }
}
