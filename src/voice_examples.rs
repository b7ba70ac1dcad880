//! Running a voice profile's `examples`: each draft is linted with the profile and must
//! give exactly the rule ids it expects, as LanguageTool's rule examples do. Used by
//! `reply-coach voice check`, the options page's profile editor (`checkVoice`) and the tests.
//!
//! Beside `voice` rather than in it: running an example calls [`crate::lint`], which reads
//! the voice profile, so keeping this above `lint` keeps the imports one-way.

use std::sync::Arc;

use serde_json::Value;

use crate::context::{LanguageChoice, LintContext};
use crate::lint;
use crate::voice::{Example, Voice};

/// What one example gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleOutcome {
    /// Its index in `examples`.
    pub index: usize,
    /// The rule ids expected, each once, in the example's order.
    pub expected: Vec<String>,
    /// The rule ids found, each once, in the findings' order; empty when the example could
    /// not run.
    pub found: Vec<String>,
    /// Why it could not run (a bad `context`).
    pub error: Option<String>,
}

impl ExampleOutcome {
    /// It ran and found the rule ids expected, no more, no fewer, in any order.
    pub fn passed(&self) -> bool {
        let same = self.found.len() == self.expected.len() && self.found.iter().all(|id| self.expected.contains(id));
        self.error.is_none() && same
    }
}

/// A failed example as `reply-coach voice check` prints it.
impl std::fmt::Display for ExampleOutcome {
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

/// Runs every example of `voice`, its `context` read by serde as `reply-coach lint` reads
/// one; returns the failures.
pub fn run_examples(voice: &Arc<Voice>) -> Vec<ExampleOutcome> {
    let outcomes =
        run_examples_with(voice, |context| serde_json::from_value(context.clone()).map_err(|e| e.to_string()));
    outcomes.into_iter().filter(|outcome| !outcome.passed()).collect()
}

/// Runs every example of `voice`, reading each `context` with `read_context` (the Wasm
/// reads it as it reads `lint`'s context, which keeps serde's derived reader out of the
/// download); returns every outcome, in the examples' order.
pub fn run_examples_with(
    voice: &Arc<Voice>,
    read_context: impl Fn(&Value) -> Result<LintContext, String>,
) -> Vec<ExampleOutcome> {
    voice.examples.iter().enumerate().map(|(index, example)| run(voice, index, example, &read_context)).collect()
}

fn run(
    voice: &Arc<Voice>,
    index: usize,
    example: &Example,
    read_context: &impl Fn(&Value) -> Result<LintContext, String>,
) -> ExampleOutcome {
    let expected = distinct(example.expect.iter().cloned());
    let outcome = |found: Vec<String>, error: Option<String>| ExampleOutcome { index, expected, found, error };
    let context = example.context.as_ref().map_or_else(|| Ok(LintContext::default()), read_context);
    let mut context = match context {
        Ok(context) => context,
        Err(e) => return outcome(Vec::new(), Some(format!("context: {e}"))),
    };
    if let Some(language) = example.language {
        context.language = LanguageChoice::from_code(language.code()).unwrap_or_default();
    }
    context.voice = Some(Arc::clone(voice));
    match lint(&example.draft, &context) {
        Ok(result) => outcome(distinct(result.findings.iter().map(|f| f.rule.to_string())), None),
        Err(e) => outcome(Vec::new(), Some(format!("context: {e}"))),
    }
}

/// `ids`, each once, in their order. Not sorted: a sort of strings would bring a sort of its
/// own into the Wasm (2 KB gzipped), and a handful of ids compare as sets as cheaply.
fn distinct(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut once: Vec<String> = Vec::new();
    for id in ids {
        if !once.contains(&id) {
            once.push(id);
        }
    }
    once
}
