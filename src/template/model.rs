//! The template model and the limits every template keeps, whatever its source
//! (the default pack, an import, the options page).

use super::body::{parse, Body, TemplateError};
use crate::catalogue::Message;
use crate::lang::Language;

/// One saved reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Unique in the library: lowercase ASCII letters, digits, `-` and `.`, 1–64 characters.
    pub id: String,
    pub title: String,
    pub language: Language,
    pub tags: Vec<String>,
    /// `/` then 1–31 of `a-z`, `0-9`, `-`; unique within one language.
    pub shortcut: Option<String>,
    /// The body source, parsed by [`parse`](super::parse).
    pub body: String,
}

/// An ordered list of templates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    pub templates: Vec<Template>,
}

pub const MAX_ID_CHARS: usize = 64;
pub const MAX_TITLE_CHARS: usize = 80;
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG_CHARS: usize = 32;
pub const MAX_SHORTCUT_NAME_CHARS: usize = 31;
pub const MAX_BODY_CHARS: usize = 5_000;

/// A field of one template that breaks a limit, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: Message,
}

impl Template {
    /// The parsed body.
    pub fn parse_body(&self) -> Result<Body, TemplateError> {
        parse(&self.body)
    }

    /// Every limit this template breaks on its own (uniqueness is the library's check).
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        let mut problem = |field, message: Message| problems.push(FieldError { field, message });
        let id_ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.');
        if !(1..=MAX_ID_CHARS).contains(&self.id.chars().count()) || !self.id.chars().all(id_ok) {
            let got = format!("{:?}", self.id);
            problem("id", Message::new("template.id").count("max", MAX_ID_CHARS).text("got", got));
        }
        if let Some(why) = text_limit(&self.title, MAX_TITLE_CHARS) {
            problem("title", why);
        }
        if self.tags.len() > MAX_TAGS {
            problem(
                "tags",
                Message::new("template.too-many-tags").count("max", MAX_TAGS).count("count", self.tags.len()),
            );
        }
        for tag in &self.tags {
            if let Some(why) = text_limit(tag, MAX_TAG_CHARS) {
                problem("tags", Message::new("template.tag").text("tag", format!("{tag:?}")).message("why", why));
            }
        }
        if let Some(shortcut) = &self.shortcut {
            let name = shortcut.strip_prefix('/').unwrap_or("");
            let name_ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            if !(1..=MAX_SHORTCUT_NAME_CHARS).contains(&name.chars().count()) || !name.chars().all(name_ok) {
                let shortcut = Message::new("template.shortcut")
                    .count("max", MAX_SHORTCUT_NAME_CHARS)
                    .text("got", format!("{shortcut:?}"));
                problem("shortcut", shortcut);
            }
        }
        match text_limit(&self.body, MAX_BODY_CHARS) {
            Some(why) => problem("body", why),
            None => {
                if let Err(error) = self.parse_body() {
                    problem("body", error.to_message());
                }
            }
        }
        problems
    }
}

/// Why `text` is not 1 to `max` characters with something besides spaces.
fn text_limit(text: &str, max: usize) -> Option<Message> {
    let chars = text.chars().count();
    if text.trim().is_empty() {
        Some(Message::new("template.empty"))
    } else if chars > max {
        Some(Message::new("template.too-long").count("max", max).count("chars", chars))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(id: &str) -> Template {
        Template {
            id: id.into(),
            title: "Refund sent".into(),
            language: Language::En,
            tags: vec!["refund".into()],
            shortcut: Some("/refund".into()),
            body: "Hi {first_name|there}, your refund is on its way.{cursor}".into(),
        }
    }

    fn fields(template: &Template) -> Vec<&'static str> {
        template.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_good_template_has_no_problems() {
        assert_eq!(template("refund-sent.en").problems(), []);
        let ro = Template { title: "Rambursare trimisă".into(), tags: vec!["rambursare".into()], ..template("a.ro") };
        assert_eq!(ro.problems(), []);
    }

    #[test]
    fn every_limit_is_checked() {
        for id in ["", "Refund", "refund sent", "ré", &"a".repeat(65)] {
            assert_eq!(fields(&template(id)), ["id"], "{id:?}");
        }
        assert_eq!(fields(&Template { title: " ".into(), ..template("a") }), ["title"]);
        assert_eq!(fields(&Template { title: "ă".repeat(81), ..template("a") }), ["title"]);
        assert_eq!(fields(&Template { title: "ă".repeat(80), ..template("a") }), Vec::<&str>::new());
        assert_eq!(fields(&Template { tags: vec!["t".into(); 13], ..template("a") }), ["tags"]);
        assert_eq!(fields(&Template { tags: vec!["".into(), "x".repeat(33)], ..template("a") }), ["tags", "tags"]);
        for shortcut in ["refund", "/", "/Refund", "/re fund", &format!("/{}", "a".repeat(32))] {
            assert_eq!(fields(&Template { shortcut: Some(shortcut.into()), ..template("a") }), ["shortcut"]);
        }
        assert_eq!(fields(&Template { body: "".into(), ..template("a") }), ["body"]);
        assert_eq!(fields(&Template { body: "x".repeat(5_001), ..template("a") }), ["body"]);
        let bad_body = Template { body: "Hi {order}".into(), ..template("a") };
        assert!(bad_body.problems()[0].message.to_string().starts_with("at character 3: unknown variable"));
    }
}
