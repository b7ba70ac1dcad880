//! Templates: saved replies that fill in the customer's and the agent's names, ask for what
//! they cannot know (fill-in fields), and go into the composer with the caret in place.
//!
//! Pure Rust, tested natively and called from the Wasm (the picker, the options page) and
//! the CLI (`reply-coach templates`). The format is documented in `docs/TEMPLATES.md`:
//! [`body`] parses and renders one body, [`Library`] reads and writes the versioned library
//! document, [`search`] ranks templates for the picker, [`slash_query`] finds the `/shortcut` typed
//! to call it, [`check`] lints each template the
//! way it will be sent.

pub mod body;
pub mod check;
mod library;
mod model;
pub mod search;
mod slash;
mod values;

pub use body::{parse, Ask, Body, Rendered, Segment, TemplateError, Variable};
pub use library::{ImportError, ImportErrors, TemplateRef, FORMAT, MAX_DOCUMENT_BYTES, VERSIONS};
pub use model::{
    FieldError, Library, Template, MAX_BODY_CHARS, MAX_ID_CHARS, MAX_SHORTCUT_NAME_CHARS, MAX_TAGS, MAX_TAG_CHARS,
    MAX_TITLE_CHARS,
};
pub use search::{search, Match, SearchIndex, SearchPreferences};
pub use slash::{slash_query, SlashQuery, MAX_QUERY_CHARS};
pub use values::Values;

/// The default pack shipped with the extension: every situation in the guidelines, in
/// each language (data, checked by `tests/template_pack.rs`).
pub const DEFAULT_PACK: &str = include_str!("pack/default.json");
