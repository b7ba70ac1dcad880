//! The library document: the import/export file and the value kept in storage.
//!
//! Read by hand from a `serde_json::Value` rather than with derived `Deserialize`, which
//! is large in the Wasm. Import is all-or-nothing: every problem is reported, and a
//! library with any problem is not returned.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use super::model::{Library, Template};
use crate::catalogue::Message;
use crate::lang::Language;
use crate::text::json;

/// The `format` every library document carries.
pub const FORMAT: &str = "reply-coach-templates";
/// The document versions this build reads.
pub const VERSIONS: [u64; 1] = [1];
/// Largest document read, checked before parsing: a team library is well under this.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Which template a problem is in: its 0-based index in `templates` and its id, when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRef {
    pub index: usize,
    pub id: Option<String>,
}

/// One problem in a library document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// `None` for a problem with the document itself.
    pub template: Option<TemplateRef>,
    /// The field at fault (`body`, `shortcut`, … or a top-level field).
    pub field: Option<String>,
    pub message: Message,
}

/// Every problem found in a library document, in document order; each on a line, in the
/// UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportErrors(pub Vec<ImportError>);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(template) = &self.template {
            write!(f, "templates[{}]", template.index)?;
            if let Some(id) = &template.id {
                write!(f, " ({id:?})")?;
            }
            f.write_str(if self.field.is_some() { "." } else { ": " })?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        self.message.fmt(f)
    }
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ImportError::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for ImportErrors {}

/// Collects the problems of one document.
#[derive(Default)]
struct Problems(Vec<ImportError>);

impl Problems {
    fn document(&mut self, field: Option<&str>, message: Message) {
        self.0.push(ImportError { template: None, field: field.map(str::to_string), message });
    }

    fn template(&mut self, index: usize, id: Option<&str>, field: Option<&str>, message: Message) {
        let template = Some(TemplateRef { index, id: id.map(str::to_string) });
        self.0.push(ImportError { template, field: field.map(str::to_string), message });
    }
}

impl Library {
    /// Reads and validates a library document. Nothing is returned unless all of it is
    /// valid; the errors name the template (index and id) and the field.
    pub fn from_json(text: &str) -> Result<Library, ImportErrors> {
        let mut problems = Problems::default();
        if text.len() > MAX_DOCUMENT_BYTES {
            let megabytes = format!("{:.1}", text.len() as f64 / (1024.0 * 1024.0));
            let too_large = Message::new("library.too-large")
                .text("size", megabytes)
                .count("max", MAX_DOCUMENT_BYTES / (1024 * 1024));
            problems.document(None, too_large);
            return Err(ImportErrors(problems.0));
        }
        match serde_json::from_str::<Value>(text) {
            Ok(document) => Library::from_value(&document),
            Err(error) => {
                problems.document(None, Message::new("library.not-json").text("error", error.to_string()));
                Err(ImportErrors(problems.0))
            }
        }
    }

    /// Reads and validates a library document already parsed (the extension's storage
    /// gives a JS object: reading it as a `Value` keeps serde_json's text parser out of
    /// the Wasm). All or nothing, as [`Library::from_json`].
    pub fn from_value(document: &Value) -> Result<Library, ImportErrors> {
        let _stage = crate::stage::enter("reader", "template library");
        let mut problems = Problems::default();
        let templates = match document {
            Value::Object(document) => read_document(document, &mut problems),
            _ => {
                problems.document(None, Message::new("library.not-an-object"));
                Vec::new()
            }
        };
        check_unique(&templates, &mut problems);
        if problems.0.is_empty() {
            Ok(Library { templates: templates.into_iter().map(|(_, template)| template).collect() })
        } else {
            Err(ImportErrors(problems.0))
        }
    }

    /// The library as a pretty-printed document that [`Library::from_json`] reads back.
    pub fn to_json(&self) -> String {
        let quote = |text: &str| Value::String(text.to_string()).to_string();
        let templates: Vec<String> = self
            .templates
            .iter()
            .map(|t| {
                let mut fields = vec![
                    format!("\"id\": {}", quote(&t.id)),
                    format!("\"title\": {}", quote(&t.title)),
                    format!("\"language\": {}", quote(t.language.code())),
                    format!("\"tags\": [{}]", t.tags.iter().map(|tag| quote(tag)).collect::<Vec<_>>().join(", ")),
                ];
                if let Some(shortcut) = &t.shortcut {
                    fields.push(format!("\"shortcut\": {}", quote(shortcut)));
                }
                fields.push(format!("\"body\": {}", quote(&t.body)));
                format!("    {{\n      {}\n    }}", fields.join(",\n      "))
            })
            .collect();
        let list = if templates.is_empty() { "[]".to_string() } else { format!("[\n{}\n  ]", templates.join(",\n")) };
        format!("{{\n  \"format\": \"{FORMAT}\",\n  \"version\": 1,\n  \"templates\": {list}\n}}\n")
    }
}

/// The valid templates of the document, each with its index.
fn read_document(document: &Map<String, Value>, problems: &mut Problems) -> Vec<(usize, Template)> {
    for name in document.keys().filter(|name| !["format", "version", "templates"].contains(&name.as_str())) {
        problems.document(Some(name), Message::new("library.unknown-field"));
    }
    if document.get("format").and_then(Value::as_str) != Some(FORMAT) {
        problems.document(Some("format"), Message::new("library.format").text("format", format!("{FORMAT:?}")));
    }
    // Version 1 is the first: there is no older shape to convert yet. The version that
    // changes the shape converts the older documents here, before they are read.
    let newest = VERSIONS[VERSIONS.len() - 1];
    match document.get("version") {
        Some(version) if version.as_u64().is_some_and(|v| VERSIONS.contains(&v)) => {}
        // Refused rather than read in part: saving a part back would lose the rest.
        Some(version) => {
            let id = if version.as_u64().is_some_and(|v| v > newest) {
                "library.newer-version"
            } else {
                "library.unknown-version"
            };
            let problem = Message::new(id).text("version", json::shown(version).to_string());
            problems.document(Some("version"), problem.text("newest", newest.to_string()));
        }
        None => {
            problems.document(Some("version"), Message::new("library.no-version").text("newest", newest.to_string()))
        }
    }
    let Some(list) = document.get("templates").and_then(Value::as_array) else {
        problems.document(Some("templates"), Message::new("library.no-templates"));
        return Vec::new();
    };
    list.iter().enumerate().filter_map(|(index, value)| Some((index, read_template(index, value, problems)?))).collect()
}

const TEMPLATE_FIELDS: [&str; 6] = ["id", "title", "language", "tags", "shortcut", "body"];

fn read_template(index: usize, value: &Value, problems: &mut Problems) -> Option<Template> {
    let id = value.get("id").and_then(Value::as_str);
    let Some(object) = value.as_object() else {
        problems.template(index, None, None, Message::new("library.template-not-an-object"));
        return None;
    };
    let mut ok = true;
    let mut problem = |field: &str, message: Message| {
        problems.template(index, id, Some(field), message);
        ok = false;
    };
    for name in object.keys().filter(|name| !TEMPLATE_FIELDS.contains(&name.as_str())) {
        problem(name, Message::new("library.unknown-template-field").text("fields", TEMPLATE_FIELDS.join(", ")));
    }
    let mut text = |field: &str| match object.get(field) {
        Some(Value::String(text)) => Some(text.clone()),
        Some(_) => {
            problem(field, Message::new("library.must-be-text"));
            None
        }
        None => {
            problem(field, Message::new("library.missing"));
            None
        }
    };
    let (id_text, title, language_code, body) = (text("id"), text("title"), text("language"), text("body"));
    let language = language_code.as_deref().and_then(Language::from_code);
    if let (Some(code), None) = (&language_code, language) {
        let codes = Language::ALL.map(Language::code).join(", ");
        problem("language", Message::new("library.language").text("codes", codes).text("got", format!("{code:?}")));
    }
    let tags = match object.get("tags") {
        None => Vec::new(),
        Some(Value::Array(tags)) if tags.iter().all(Value::is_string) => {
            tags.iter().filter_map(Value::as_str).map(str::to_string).collect()
        }
        Some(_) => {
            problem("tags", Message::new("library.tags"));
            Vec::new()
        }
    };
    let shortcut = match object.get("shortcut") {
        None | Some(Value::Null) => None,
        Some(Value::String(shortcut)) => Some(shortcut.clone()),
        Some(_) => {
            problem("shortcut", Message::new("library.shortcut"));
            None
        }
    };
    let (Some(id_text), Some(title), Some(language), Some(body), true) = (id_text, title, language, body, ok) else {
        return None;
    };
    let template = Template { id: id_text, title, language, tags, shortcut, body };
    let limits = template.problems();
    for limit in &limits {
        problems.template(index, id, Some(limit.field), limit.message.clone());
    }
    limits.is_empty().then_some(template)
}

/// Ids are unique in the library, shortcuts within one language. `templates` are the
/// valid templates with their index in the document.
fn check_unique(templates: &[(usize, Template)], problems: &mut Problems) {
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut shortcuts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (index, template) in templates {
        if let Some(first) = ids.insert(&template.id, *index) {
            let duplicate = Message::new("library.duplicate-id").text("first", first.to_string());
            problems.template(*index, Some(&template.id), Some("id"), duplicate);
            ids.insert(&template.id, first);
        }
        let Some(shortcut) = &template.shortcut else { continue };
        if let Some(first) = shortcuts.insert((shortcut, template.language.code()), *index) {
            let language = template.language.code();
            let message = Message::new("library.duplicate-shortcut")
                .text("shortcut", shortcut.as_str())
                .text("first", first.to_string())
                .text("language", language);
            problems.template(*index, Some(&template.id), Some("shortcut"), message);
            shortcuts.insert((shortcut, template.language.code()), first);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn template(id: &str, language: &str, shortcut: &str) -> Value {
        json!({"id": id, "title": "Refund sent", "language": language, "tags": ["refund"], "shortcut": shortcut,
               "body": "Hi {first_name|there}, order {field:Order number} is refunded.{cursor}"})
    }

    fn document(templates: Vec<Value>) -> String {
        json!({"format": FORMAT, "version": 1, "templates": templates}).to_string()
    }

    fn errors(text: &str) -> Vec<String> {
        Library::from_json(text).expect_err("invalid").0.iter().map(ImportError::to_string).collect()
    }

    #[test]
    fn reads_a_valid_library_in_every_language() {
        let text = document(vec![
            template("refund.en", "en", "/refund"),
            json!({"id": "refund.ro", "title": "Rambursare trimisă", "language": "ro", "tags": ["rambursare"],
                   "shortcut": "/refund", "body": "Bună ziua, {first_name|stimate client}! Comanda {field:Numărul comenzii}."}),
            json!({"id": "refund.hy", "title": "Գումարը վերադարձվել է", "language": "hy",
                   "body": "Բարև, {first_name}։ Պատվեր {field:Պատվերի համար}։"}),
            json!({"id": "refund.hi", "title": "रिफ़ंड भेजा गया", "language": "hi", "tags": ["रिफ़ंड"], "shortcut": null,
                   "body": "नमस्ते {first_name}। ऑर्डर {field:ऑर्डर नंबर}।"}),
        ]);
        let library = Library::from_json(&text).unwrap();
        assert_eq!(library.templates.len(), 4);
        let hy = &library.templates[2];
        assert_eq!((hy.language, hy.tags.len(), hy.shortcut.as_deref()), (Language::Hy, 0, None));
        assert_eq!(hy.parse_body().unwrap().fields(), ["Պատվերի համար"]);
        assert_eq!(library.templates[3].shortcut, None);
    }

    #[test]
    fn round_trips_through_pretty_json() {
        let mut templates = vec![template("a", "en", "/a"), template("b", "ro", "/a")];
        templates[1]["body"] = json!("<script>alert(\"x\")</script>\n\t\"quoted\" \\ {{literal}} ✓ ");
        let library = Library::from_json(&document(templates)).unwrap();
        let exported = library.to_json();
        assert!(exported.starts_with("{\n  \"format\": \"reply-coach-templates\",\n  \"version\": 1,"), "{exported}");
        assert!(exported.contains("\n      \"id\": \"a\",\n"), "{exported}");
        assert_eq!(Library::from_json(&exported).unwrap(), library);
        assert_eq!(Library::from_json(&Library::default().to_json()).unwrap(), Library::default());
    }

    #[test]
    fn html_and_script_bodies_are_kept_as_text() {
        let mut html = template("a", "en", "/a");
        html["body"] = json!("<img src=x onerror=alert(1)><script>document.cookie</script>");
        let library = Library::from_json(&document(vec![html])).unwrap();
        assert_eq!(library.templates[0].body, "<img src=x onerror=alert(1)><script>document.cookie</script>");
    }

    #[test]
    fn a_large_file_is_refused_before_parsing() {
        // Ten megabytes that are not even JSON: the size is the only complaint.
        let huge = "x".repeat(10 * 1024 * 1024);
        assert_eq!(errors(&huge), ["the file is 10.0 MB; a template library may be at most 2 MB"]);
    }

    #[test]
    fn document_problems_are_named() {
        assert_eq!(errors("{"), ["not valid JSON: EOF while parsing an object at line 1 column 1"]);
        assert_eq!(errors("[]"), ["a template library is a JSON object"]);
        let text = json!({"format": "other", "version": 2, "templates": {}, "extra": 1}).to_string();
        assert_eq!(
            errors(&text),
            [
                "extra: unknown field (expected format, version and templates)",
                "format: must be \"reply-coach-templates\"",
                "version: version 2 comes from a newer Reply Coach; this one reads version 1: update Reply Coach \
                 to use this library",
                "templates: must be a list of templates",
            ]
        );
        assert!(errors(&json!({"format": FORMAT, "templates": []}).to_string())[0].starts_with("version: missing"));
        for odd in [json!(0), json!("1"), json!(1.5)] {
            let text = json!({"format": FORMAT, "version": odd, "templates": []}).to_string();
            assert_eq!(
                errors(&text),
                [format!("version: version {odd} is not a version of this format; this Reply Coach reads version 1")]
            );
        }
    }

    #[test]
    fn template_problems_name_the_template_and_the_field() {
        let mut typo = template("b", "en", "/b");
        typo["tittle"] = json!("x");
        let mut bad_body = template("c", "en", "/c");
        bad_body["body"] = json!("Hi {order}");
        let mut wrong_types = template("d", "fr", "/d");
        wrong_types["tags"] = json!("refund");
        wrong_types["shortcut"] = json!(3);
        let mut empty_language = template("e", "", "/e");
        empty_language["title"] = json!(["not text"]);
        let text =
            document(vec![template("a", "en", "/a"), typo, bad_body, wrong_types, json!(7), json!({}), empty_language]);
        assert_eq!(
            errors(&text),
            [
                "templates[1] (\"b\").tittle: unknown field (expected id, title, language, tags, shortcut, body)",
                "templates[2] (\"c\").body: at character 3: unknown variable `{order}`: use first_name, agent_name, page_name, field:LABEL or cursor",
                "templates[3] (\"d\").language: must be one of en, ro, hy, hi, not \"fr\"",
                "templates[3] (\"d\").tags: must be a list of text",
                "templates[3] (\"d\").shortcut: must be text such as \"/refund\"",
                "templates[4]: a template is a JSON object",
                "templates[5].id: missing",
                "templates[5].title: missing",
                "templates[5].language: missing",
                "templates[5].body: missing",
                "templates[6] (\"e\").title: must be text",
                "templates[6] (\"e\").language: must be one of en, ro, hy, hi, not \"\"",
            ]
        );
    }

    #[test]
    fn ids_and_shortcuts_per_language_are_unique() {
        let text = document(vec![
            template("a", "en", "/refund"),
            template("b", "ro", "/refund"),
            template("a", "hy", "/other"),
            template("c", "en", "/refund"),
        ]);
        assert_eq!(
            errors(&text),
            [
                "templates[2] (\"a\").id: duplicate of templates[0]",
                "templates[3] (\"c\").shortcut: /refund is already the shortcut of templates[0] in en",
            ]
        );
    }

    #[test]
    fn problems_are_messages_rendered_in_the_ui_language() {
        assert_eq!(Library::from_json("[]").unwrap_err().0[0].message, Message::new("library.not-an-object"));
        let text = document(vec![template("a", "en", "/refund"), template("c", "en", "/refund")]);
        let error = &Library::from_json(&text).unwrap_err().0[0];
        assert_eq!(error.field.as_deref(), Some("shortcut"));
        assert_eq!(
            crate::catalogue::render(&error.message, crate::catalogue::Locale::Ro),
            "/refund este deja scurtătura pentru templates[0] în en"
        );
    }

    #[test]
    fn the_default_pack_is_valid() {
        let pack = Library::from_json(super::super::DEFAULT_PACK).unwrap_or_else(|e| panic!("{e}"));
        assert!(!pack.templates.is_empty());
    }
}
