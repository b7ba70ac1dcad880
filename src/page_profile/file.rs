//! PageProfile files: the parts of the page profile a team lead exports once the page is
//! taught, sends to the team, and each agent imports (the extension stores the same
//! document as its override). Versioned, and read all or nothing: a damaged file, or one
//! from a newer Reply Coach, is refused with every reason, and the working profile is kept.
//!
//! ```json
//! {"replyCoachProfile": 1, "name": "Lumen Bakery, March layout", "saved": "2026-03-02T14:05:00Z",
//!  "taughtOn": "/latest/inbox/all", "parts": {"rowTime": [{"css": "span[data-ts]", "read": "epochSeconds", "attr": "data-ts"}]}}
//! ```
//!
//! `parts` are parts of `inbox.json` under its keys, merged over the built-in profile by
//! [`super::overrides::merge`], so a file holds only what changed. Format in the
//! profile's README ("PageProfile files").

use serde_json::{json, Map, Value};

use super::{fault, PageProfile};
use crate::catalogue::{Fault, Message};

/// The format this Reply Coach reads and writes.
pub const FORMAT: u64 = 1;

/// The top-level keys of a profile file.
const KEYS: [&str; 5] = ["replyCoachProfile", "name", "saved", "taughtOn", "parts"];

/// A profile file, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileFile {
    /// Parts of `inbox.json`, by key, given over the built-in ones.
    pub parts: Map<String, Value>,
    /// What the team lead called it ("March layout").
    pub name: Option<String>,
    /// When it was saved, as an ISO 8601 time.
    pub saved: Option<String>,
    /// The path of the page it was taught on (never its query: that names a thread).
    pub taught_on: Option<String>,
}

impl ProfileFile {
    pub fn new(
        parts: Map<String, Value>,
        name: Option<String>,
        saved: Option<String>,
        taught_on: Option<String>,
    ) -> ProfileFile {
        ProfileFile { parts, name, saved, taught_on }
    }

    /// Reads a file's text (JSON).
    pub fn parse(text: &str) -> Result<ProfileFile, Vec<Fault>> {
        let json = crate::text::json::parse(text).ok_or_else(|| vec![fault("", "profile.file-not-json")])?;
        ProfileFile::read(&json)
    }

    /// Reads and checks a file: its format, its keys, and its parts merged over the
    /// built-in profile. Every error, each with the path of its key
    /// (`parts.rowTime[0].read`); a file from a newer Reply Coach gets that one reason only,
    /// as the rest of it is in a format this one does not know.
    pub fn read(json: &Value) -> Result<ProfileFile, Vec<Fault>> {
        let object = json.as_object().ok_or_else(|| vec![fault("", "profile.file-not-an-object")])?;
        let format = object.get("replyCoachProfile").ok_or_else(|| vec![fault("", "profile.file-no-format")])?;
        match format.as_u64() {
            Some(FORMAT) => {}
            Some(newer) if newer > FORMAT => {
                let message = Message::new("profile.file-newer").text("format", newer.to_string());
                return Err(vec![Fault::at("replyCoachProfile", message.text("known", FORMAT.to_string()))]);
            }
            _ => {
                let message = Message::new("profile.file-format").text("known", FORMAT.to_string());
                return Err(vec![Fault::at("replyCoachProfile", message.text("got", format.to_string()))]);
            }
        }
        let mut errors: Vec<Fault> = object
            .keys()
            .filter(|key| !KEYS.contains(&key.as_str()))
            .map(|key| Fault::at(key, Message::new("profile.file-unknown-key").text("keys", KEYS.join(", "))))
            .collect();
        let mut text = |key: &str| match object.get(key) {
            None => None,
            Some(Value::String(text)) => Some(text.clone()),
            Some(_) => {
                errors.push(fault(key, "library.must-be-text"));
                None
            }
        };
        let (name, saved, taught_on) = (text("name"), text("saved"), text("taughtOn"));
        if taught_on.as_deref().is_some_and(|path| !path.starts_with('/') || path.contains(['?', '#'])) {
            errors.push(fault("taughtOn", "profile.taught-on"));
        }
        let parts = match object.get("parts") {
            Some(Value::Object(parts)) => parts.clone(),
            Some(_) => {
                errors.push(fault("parts", "profile.parts"));
                Map::new()
            }
            None => {
                errors.push(fault("parts", "library.missing"));
                Map::new()
            }
        };
        let file = ProfileFile { parts, name, saved, taught_on };
        if let Err(part_errors) = file.profile() {
            errors.extend(part_errors);
        }
        if errors.is_empty() {
            Ok(file)
        } else {
            Err(errors)
        }
    }

    /// The profile in use with this file: its parts over the built-in profile. Errors
    /// name the part as `parts.<key>`.
    pub fn profile(&self) -> Result<PageProfile, Vec<Fault>> {
        PageProfile::shipped_with(&self.parts)
            .map_err(|errors| errors.into_iter().map(|fault| fault.under("parts")).collect())
    }

    /// The file's keys of `inbox.json` it overrides, in its order.
    pub fn part_keys(&self) -> Vec<&str> {
        self.parts.keys().map(String::as_str).collect()
    }

    /// The file as written: the format first, the optional keys only when set.
    pub fn to_json(&self) -> Value {
        let mut file = json!({"replyCoachProfile": FORMAT});
        for (key, value) in [("name", &self.name), ("saved", &self.saved), ("taughtOn", &self.taught_on)] {
            if let Some(value) = value {
                file[key] = value.clone().into();
            }
        }
        file["parts"] = Value::Object(self.parts.clone());
        file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(file: Value) -> Vec<String> {
        Fault::texts(&ProfileFile::read(&file).unwrap_err())
    }

    #[test]
    fn a_file_round_trips_and_gives_its_parts_first() {
        let parts =
            json!({"pane": ["[data-pagelet='Taught']"], "composer": {"taught": "[data-pagelet='Reply'] textarea"}});
        let file = ProfileFile::new(
            parts.as_object().cloned().unwrap(),
            Some("March layout".into()),
            Some("2026-03-02T14:05:00Z".into()),
            Some("/latest/inbox/all".into()),
        );
        let json = file.to_json();
        assert_eq!(json["replyCoachProfile"], 1);
        assert_eq!(json["taughtOn"], "/latest/inbox/all");
        let read = ProfileFile::read(&json).unwrap();
        assert_eq!(read, file);
        assert_eq!(read.part_keys(), ["composer", "pane"]);
        let profile = read.profile().unwrap();
        assert_eq!(profile.pane[0], "[data-pagelet='Taught']");
        assert_eq!(profile.composer.taught.as_deref(), Some("[data-pagelet='Reply'] textarea"));
        // Only the format and the parts are needed.
        let bare = ProfileFile::parse(r#"{"replyCoachProfile": 1, "parts": {}}"#).unwrap();
        assert_eq!(bare.to_json(), json!({"replyCoachProfile": 1, "parts": {}}));
    }

    #[test]
    fn every_error_is_named_at_once() {
        let file = json!({
            "replyCoachProfile": 1, "name": 3, "taughtOn": "https://business.facebook.com/latest/inbox/all?selected_item_id=1",
            "colour": "red",
            "parts": {"rowTime": [{"css": "b", "read": "when"}], "rowz": [], "composer": {"tuaght": "textarea"}}
        });
        let mut all = errors(file);
        all.sort();
        assert_eq!(
            all,
            [
                "colour: not a key of a profile file (replyCoachProfile, name, saved, taughtOn, parts)",
                "name: must be text",
                "parts.rowz: not a part of the profile",
                "taughtOn: must be the page's path, from its first /, without a query",
            ]
        );
        // Once the keys are right, what their values say.
        let errors = errors(json!({"replyCoachProfile": 1,
            "parts": {"rowTime": [{"css": "b", "read": "when"}], "composer": {"tuaght": "textarea"}}}));
        assert_eq!(
            errors,
            [
                "parts.rowTime[0].read: must be one of text, attr, stamp, epochSeconds, present, block, boldName, separator, not \"when\"",
                "parts.composer: unknown field tuaght; known fields: candidates, taught, decoys, decoyLabels, replyLabels, send, sendDepth"
            ]
        );
    }

    #[test]
    fn other_files_and_newer_formats_are_refused_with_one_clear_reason() {
        assert_eq!(errors(json!({"parts": {}})), ["not a Reply Coach profile file: replyCoachProfile is missing"]);
        assert_eq!(errors(json!([1])), ["not a Reply Coach profile file: it is not a JSON object"]);
        assert_eq!(
            errors(json!({"replyCoachProfile": 2, "parts": {"new": true}})),
            ["replyCoachProfile: this file is format 2, newer than this Reply Coach reads (1): update Reply Coach"]
        );
        assert_eq!(
            errors(json!({"replyCoachProfile": "1"})),
            ["replyCoachProfile: must be the file's format, 1, not \"1\""]
        );
        assert_eq!(
            Fault::texts(&ProfileFile::parse("{").unwrap_err()),
            ["not a Reply Coach profile file: it is not JSON"]
        );
        assert_eq!(errors(json!({"replyCoachProfile": 1})), ["parts: missing"]);
    }
}
