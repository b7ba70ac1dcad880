//! What the core is doing at this moment, for the report of a panic.
//!
//! The core must never panic (every input has an answer), but should a bug make it, the
//! Wasm traps, and the panic's message alone ("index out of bounds") does not say which of
//! twenty rules or several parsers to look at. Each entry into such a unit names it here,
//! and the panic hook (`wasm::panic`) puts the name in its report. One thread-local cell:
//! entering costs two stores, so it is done for every rule on every keystroke.

use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Option<(&'static str, &'static str)>> = const { Cell::new(None) };
}

/// Marks the core as running `name` of `kind` (`enter("rule", "name-last")`,
/// `enter("parser", "timestamp")`) until the guard is dropped, when the stage it
/// interrupted comes back.
#[must_use = "the stage ends when the guard is dropped"]
pub fn enter(kind: &'static str, name: &'static str) -> Stage {
    Stage { interrupted: CURRENT.replace(Some((kind, name))) }
}

/// The innermost stage entered and not yet left, as "rule name-last".
pub fn current() -> Option<String> {
    CURRENT.get().map(|(kind, name)| format!("{kind} {name}"))
}

/// The guard of [`enter`].
pub struct Stage {
    interrupted: Option<(&'static str, &'static str)>,
}

impl Drop for Stage {
    fn drop(&mut self) {
        CURRENT.set(self.interrupted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_nest_and_end_with_their_guard() {
        assert_eq!(current(), None);
        let rule = enter("rule", "name-last");
        {
            let _parser = enter("parser", "timestamp");
            assert_eq!(current().as_deref(), Some("parser timestamp"));
        }
        assert_eq!(current().as_deref(), Some("rule name-last"));
        drop(rule);
        assert_eq!(current(), None);
    }

    #[test]
    fn a_panic_names_its_stage_and_leaves_it() {
        let caught = std::panic::catch_unwind(|| {
            let _stage = enter("rule", "tone-shout");
            let seen = current();
            panic!("{}", seen.unwrap_or_default());
        });
        let message = caught.err().and_then(|payload| payload.downcast::<String>().ok());
        assert_eq!(message.as_deref().map(String::as_str), Some("rule tone-shout"));
        assert_eq!(current(), None, "unwinding drops the guard");
    }
}
