//! `panic-test`: a rule that panics, compiled only with the `panic-test` feature, for the
//! end-to-end test of the panic hook (tests/e2e/panic.test.mjs). The test types the
//! trigger into the composer of an extension built with the feature (`./build.sh test`
//! builds it beside the real one) to prove that a panic inside a rule is reported with
//! the rule's name and that the next lint works. Never in a shipped build.

use super::{Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;

/// A private-use character: no real draft contains it, and the test can type it.
pub const TRIGGER: char = '\u{E000}';

pub struct PanicTest;

impl Rule for PanicTest {
    fn id(&self) -> &'static str {
        "panic-test"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> Message {
        Message::new("panic-test.explanation")
    }

    fn check(&self, input: &Input, _hits: &mut Vec<Hit>) {
        if input.draft.text.contains(TRIGGER) {
            panic!("the test trigger U+E000 is in the draft");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::LintContext;

    #[test]
    fn panics_on_the_trigger_only() {
        let context = LintContext::default();
        assert!(crate::lint("Hi Ana, it is sent.", &context).is_ok());
        let caught = std::panic::catch_unwind(|| crate::lint(&format!("Hi Ana{TRIGGER}"), &context));
        assert!(caught.is_err());
    }
}
