//! Every text the core shows people, by id, in each UI language: the rules return
//! [`Message`]s (an id and named arguments) and [`render`] turns them into text, the one
//! place that does.
//!
//! The texts are data files, one per language (`data/<code>.txt`, format in
//! `data/README.md`). Natively they are compiled in; the Wasm leaves them out (the
//! English explanations alone were kilobytes of it) and the extension ships them beside
//! it as `data/messages/<code>.txt`, handed over by [`install`] like the phrase data.
//! The UI language is independent of a draft's: [`set_ui_language`] picks it, English
//! until then.

mod fault;
mod format;
mod plural;

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use serde::{Serialize, Serializer};

pub use fault::Fault;
use format::{form, parts, Catalogue, Part};
use plural::Category;

/// A language the texts are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Ro,
    Hy,
    Hi,
}

impl Locale {
    /// In the order of the data files (`language_files!`).
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Ro, Locale::Hy, Locale::Hi];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ro => "ro",
            Locale::Hy => "hy",
            Locale::Hi => "hi",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text to show, by id, with its arguments; rendered in the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// `tone-shout.capitals`: the rule's id, then what the text is about.
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value for a `{name}` of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: words of the draft, a name.
    Text(String),
    /// Written with the locale's digit grouping, and choosing plural forms.
    Count(u64),
    /// Another message, rendered in the same language.
    Message(Message),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message { id, args: Vec::new() }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn count(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, Arg::Count(value as u64)));
        self
    }

    pub fn message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(value)));
        self
    }

    fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, arg)| arg)
    }
}

/// The message in the UI language.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(self, ui_language()))
    }
}

/// As its text in the UI language: the lint result's shape stays text for its readers.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

static CATALOGUES: [OnceLock<Catalogue>; 4] = [const { OnceLock::new() }; 4];
static UI_LANGUAGE: AtomicU8 = AtomicU8::new(Locale::En as u8);

/// The language messages are rendered in.
pub fn ui_language() -> Locale {
    Locale::ALL.get(UI_LANGUAGE.load(Ordering::Relaxed) as usize).copied().unwrap_or(Locale::En)
}

/// Renders messages in the language of `code` from now on; an unknown code is an error
/// and changes nothing.
pub fn set_ui_language(code: &str) -> Result<(), String> {
    let locale = Locale::from_code(code).ok_or_else(|| format!("no UI language {code:?}"))?;
    UI_LANGUAGE.store(locale as u8, Ordering::Relaxed);
    Ok(())
}

/// Takes the catalogue of the language `code`; one given twice keeps the first. The error
/// names the file, the line and what is wrong (the text is checked in debug builds only:
/// `Catalogue::parse`).
pub fn install(code: &str, text: &str) -> Result<(), String> {
    let locale = Locale::from_code(code).ok_or_else(|| format!("no message catalogue named {code:?}"))?;
    let catalogue = Catalogue::parse(text, locale).map_err(|e| format!("data/messages/{code}.txt: {e}"))?;
    let _ = CATALOGUES[locale as usize].set(catalogue);
    Ok(())
}

/// The first catalogue not installed yet, in the Wasm (natively none is ever missing).
pub fn missing() -> Option<&'static str> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    Locale::ALL.into_iter().find(|l| CATALOGUES[*l as usize].get().is_none()).map(Locale::code)
}

#[cfg(not(target_arch = "wasm32"))]
fn source(locale: Locale) -> &'static str {
    const FILES: [&str; 4] = language_files!("catalogue/data");
    FILES[locale as usize]
}

/// The catalogue of `locale`: natively the file compiled in, in the Wasm what
/// [`install`] was given (empty before).
fn catalogue(locale: Locale) -> &'static Catalogue {
    CATALOGUES[locale as usize].get_or_init(|| {
        // The shipped files are checked by the tests; should one still fail, its texts
        // fall back to English rather than panic inside the extension.
        #[cfg(not(target_arch = "wasm32"))]
        return Catalogue::parse(source(locale), locale).unwrap_or_default();
        #[cfg(target_arch = "wasm32")]
        Catalogue::default()
    })
}

/// `message` in `locale`; in English when the locale's catalogue lacks its id, and as the
/// id itself when English lacks it too.
pub fn render(message: &Message, locale: Locale) -> String {
    let found = [locale, Locale::En]
        .into_iter()
        .find_map(|locale| catalogue(locale).get(message.id).map(|body| (locale, body)));
    let Some((locale, body)) = found else { return message.id.to_string() };
    let mut out = String::new();
    // The shipped texts are checked by the tests, so the walk meets no error.
    let _ = parts(body, &mut |part| {
        match part {
            Part::Literal(text) => out.push_str(text),
            Part::Argument(name) => match message.arg(name) {
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Count(n)) => out.push_str(&locale.number(*n)),
                Some(Arg::Message(inner)) => out.push_str(&render(inner, locale)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Plural(name, forms) => {
                let category = match message.arg(name) {
                    Some(Arg::Count(n)) => locale.category(*n),
                    _ => Category::Other,
                };
                out.push_str(form(forms, category));
            }
        }
        Ok(())
    });
    out
}

#[cfg(test)]
mod tests;
