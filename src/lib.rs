//! Reply Coach's core: lints one draft reply to a customer against the service
//! guidelines (`../shared/GUIDELINES.md`), in English, Romanian, Armenian and Hindi.
//!
//! Pure Rust with no browser dependency, so it is tested natively and compiled unchanged
//! to WebAssembly. [`lint`] is the one entry point; `wasm` exposes it to JavaScript and
//! `src/bin/reply-coach` to the command line.
//! [`clock`] is the 24-hour reply clock beside it: inbox timestamps in, window states out.
//! [`template`] holds saved replies: parsing, rendering, the library document and search.
//! [`voice`] holds a team's voice profile (register, words, sign-off, limits), which the
//! context carries to the rules.

// Tests sort as they like: the size rules of clippy.toml are for what ships, which
// `cargo clippy --all-targets` still checks as the library without `cfg(test)`.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

/// A data file of `src/` (`"lang/data/en.txt"`) as `build.rs` leaves it: without its `#`
/// comment lines, which are for the people who edit it, not for the Wasm.
macro_rules! data_file {
    ($($path:literal),+) => {
        include_str!(concat!(env!("OUT_DIR"), "/src/", $($path),+))
    };
}

/// The data file of each language in `$folder` (`"clock/data"`: `clock/data/en.txt`, …), in
/// the order of [`Language::ALL`]. With `Language` itself, the one place that lists the
/// languages' codes: a language added there and not here is a compile error (the array's
/// length is `Language::COUNT` where it is used), and a missing file is one too.
macro_rules! language_files {
    ($folder:literal) => {
        [
            data_file!($folder, "/en.txt"),
            data_file!($folder, "/ro.txt"),
            data_file!($folder, "/hy.txt"),
            data_file!($folder, "/hi.txt"),
        ]
    };
}

pub mod catalogue;
pub mod clock;
pub mod context;
pub mod draft;
pub mod finding;
pub mod ignore;
pub mod inbox_view;
pub mod lang;
mod lint;
pub mod page_profile;
pub mod respond;
pub mod rule_id;
pub mod rules;
mod sort;
pub mod stage;
pub mod stale;
pub mod template;
pub mod text;
pub mod threads;
pub mod voice;
pub mod voice_examples;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use context::{ContextError, LanguageChoice, LintContext, Settings, StoredSettings, Surface};
pub use finding::{apply_edits, caret_after, merge_edits, Edit, EditError, Finding, Fix, Severity};
pub use lang::Language;
pub use lint::{lint, LintResult};
pub use voice::{Voice, VoiceError};
