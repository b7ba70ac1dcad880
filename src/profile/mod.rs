//! The inbox page's profile: where things are in Meta Business Suite's inbox, as data.
//!
//! Meta's markup carries generated class names that change every week, so the page is
//! read only by roles, aria attributes, structure and visible text. The selectors and
//! texts live in `inbox.json`, not in code: when Meta changes its page, the fix is a data
//! change. No browser types, so the file is checked natively.
//!
//! The file is read as a `serde_json::Value` and its fields taken by hand rather than by
//! a derived `Deserialize`: in the Wasm, `JSON.parse` and the `Value` conversion the
//! settings already use do the parsing, which keeps the profile's size in the download
//! to a few hundred bytes however many fields it gains.

mod list;

use serde_json::Value;

pub use list::{query_parameter, Row, RowTexts};

/// The profile the extension ships, parsed once.
pub fn inbox() -> &'static Profile {
    static PROFILE: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
    PROFILE.get_or_init(|| {
        // The file is ours and checked by a test; a broken one must fail the build's tests,
        // not the agent's page, so an unreadable profile falls back to finding nothing.
        parse_json(include_str!("inbox.json")).and_then(|json| Profile::from_json(&json).ok()).unwrap_or_default()
    })
}

/// Parses JSON text: in the Wasm with the browser's `JSON.parse`, which keeps serde_json's
/// parser out of the download.
#[cfg(target_arch = "wasm32")]
pub(crate) fn parse_json(text: &str) -> Option<Value> {
    Some(crate::wasm::json_of(&js_sys::JSON::parse(text).ok()?))
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parse_json(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

/// The keys of `json` the profile does not know.
pub fn unknown_keys(json: &Value) -> Vec<&str> {
    let keys = json.as_object().into_iter().flat_map(|object| object.keys());
    keys.map(String::as_str).filter(|key| !KEYS.contains(key)).collect()
}

/// Every key of `inbox.json`; "about" says what the file is, for the person editing it.
const KEYS: [&str; 19] = [
    "about",
    "composer",
    "conversation",
    "customerName",
    "commentComposerLabels",
    "messages",
    "messageText",
    "ownMessageStarts",
    "messageTime",
    "messageTimeAttributes",
    "rows",
    "rowLink",
    "threadKeyParameter",
    "rowTexts",
    "rowTime",
    "rowImages",
    "channels",
    "unreadLabels",
    "ownSnippetStarts",
];

#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Elements the agent writes a reply in.
    pub composer: String,
    /// The open conversation's pane: the context of a composer inside it.
    pub conversation: String,
    /// The customer's display name in the conversation header; the first that matches.
    pub customer_name: Vec<String>,
    /// Starts of a composer's label that mean a public reply to a comment.
    pub comment_composer_labels: Vec<String>,
    /// The messages (or comments) of the open conversation, oldest first.
    pub messages: String,
    /// Within a message: its text.
    pub message_text: String,
    /// How the Page's own messages' labels begin (their `aria-label`, else their text:
    /// "You sent", "Post by"), in each interface language. Of the others, the customer's
    /// are those whose label names the customer.
    pub own_message_starts: Vec<String>,
    /// Within a message: the element holding its exact time stamp...
    pub message_time: String,
    /// ...in the first of these attributes it has.
    pub message_time_attributes: Vec<String>,
    /// The conversation list's candidate rows; only those holding a [`Profile::row_link`]
    /// are threads.
    pub rows: String,
    /// Within a row: the link to its conversation, whose address names the thread...
    pub row_link: String,
    /// ...in this query parameter.
    pub thread_key_parameter: String,
    /// Within a row: text elements, the customer's name first and the snippet last.
    pub row_texts: String,
    /// Within a row: the element with the last message's time (the exact stamp in one of
    /// [`Profile::message_time_attributes`], the relative label as its text).
    pub row_time: String,
    /// Within a row: labelled images (the channel, the unread mark).
    pub row_images: String,
    /// Image labels naming a channel, each with the channel: `label=channel`.
    pub channels: Vec<String>,
    /// Image labels meaning the thread is unread.
    pub unread_labels: Vec<String>,
    /// How a row's snippet starts when the Page wrote the last message ("You: ").
    pub own_snippet_starts: Vec<String>,
}

impl Profile {
    /// Reads the profile from its JSON; the error names the first missing or mistyped
    /// key. Keys it does not know are left to [`unknown_keys`], which the tests run on the
    /// shipped file: a typo there cannot silently switch a part off.
    pub fn from_json(json: &Value) -> Result<Profile, String> {
        let object = json.as_object().ok_or("the profile must be an object")?;
        // The first key that is missing or of the wrong type, and whether a list was due.
        let wrong = std::cell::Cell::new(None);
        let string = |key: &'static str| match object.get(key).and_then(Value::as_str) {
            Some(text) => text.to_string(),
            None => {
                wrong.set(wrong.get().or(Some((key, false))));
                String::new()
            }
        };
        let strings = |key: &'static str| {
            let list = object.get(key).and_then(Value::as_array);
            match list.and_then(|list| list.iter().map(|v| v.as_str().map(str::to_string)).collect()) {
                Some(list) => list,
                None => {
                    wrong.set(wrong.get().or(Some((key, true))));
                    Vec::new()
                }
            }
        };
        let profile = Profile {
            composer: string("composer"),
            conversation: string("conversation"),
            customer_name: strings("customerName"),
            comment_composer_labels: strings("commentComposerLabels"),
            messages: string("messages"),
            message_text: string("messageText"),
            own_message_starts: strings("ownMessageStarts"),
            message_time: string("messageTime"),
            message_time_attributes: strings("messageTimeAttributes"),
            rows: string("rows"),
            row_link: string("rowLink"),
            thread_key_parameter: string("threadKeyParameter"),
            row_texts: string("rowTexts"),
            row_time: string("rowTime"),
            row_images: string("rowImages"),
            channels: strings("channels"),
            unread_labels: strings("unreadLabels"),
            own_snippet_starts: strings("ownSnippetStarts"),
        };
        match wrong.get() {
            None => Ok(profile),
            Some((key, false)) => Err(format!("{key} must be a string")),
            Some((key, true)) => Err(format!("{key} must be a list of strings")),
        }
    }

    /// Whether a composer labelled `label` writes a public reply to a comment.
    pub fn is_comment_composer(&self, label: &str) -> bool {
        starts_with_any(label, &self.comment_composer_labels)
    }

    /// Whether a message labelled `label` is the customer's (`customer`: their display
    /// name, when the page showed it).
    pub fn is_customer_message(&self, label: &str, customer: Option<&str>) -> bool {
        !starts_with_any(label, &self.own_message_starts) && customer.is_none_or(|name| label.contains(name))
    }
}

fn starts_with_any(text: &str, starts: &[String]) -> bool {
    let text = text.trim_start();
    starts.iter().any(|start| text.starts_with(start.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_profile_parses_and_names_everything() {
        let json: Value = serde_json::from_str(include_str!("inbox.json")).expect("inbox.json is JSON");
        let profile = Profile::from_json(&json).expect("inbox.json");
        assert!(json["about"].is_string());
        assert!(!profile.composer.is_empty() && !profile.conversation.is_empty());
        assert!(!profile.customer_name.is_empty() && !profile.message_time_attributes.is_empty());
        assert!(!profile.own_message_starts.is_empty());
        assert!(!profile.thread_key_parameter.is_empty() && profile.row_link.contains(&profile.thread_key_parameter));
        assert!(profile
            .channels
            .iter()
            .all(|pair| pair.split_once('=').is_some_and(|(l, c)| !l.is_empty() && !c.is_empty())));
        assert!(!profile.unread_labels.is_empty() && !profile.own_snippet_starts.is_empty());
        // No generated class names: they change weekly.
        let selectors = [&profile.composer, &profile.conversation, &profile.messages, &profile.message_text]
            .into_iter()
            .chain([&profile.message_time])
            .chain([&profile.rows, &profile.row_link, &profile.row_texts, &profile.row_time, &profile.row_images])
            .chain(&profile.customer_name);
        for selector in selectors {
            assert!(
                !selector.contains('.') && !selector.contains("class"),
                "{selector}: select by roles and attributes"
            );
        }
    }

    #[test]
    fn a_profile_with_an_unknown_missing_or_mistyped_key_is_refused() {
        let mut json: Value = serde_json::from_str(include_str!("inbox.json")).unwrap();
        assert_eq!(unknown_keys(&json), Vec::<&str>::new());
        json["rowLinks"] = "a".into();
        assert_eq!(unknown_keys(&json), ["rowLinks"]);
        let mut json: Value = serde_json::from_str(include_str!("inbox.json")).unwrap();
        json.as_object_mut().unwrap().remove("rowTime");
        assert_eq!(Profile::from_json(&json).unwrap_err(), "rowTime must be a string");
        json["rowTime"] = "abbr".into();
        json["channels"] = serde_json::json!(["Messenger=messenger", 3]);
        assert_eq!(Profile::from_json(&json).unwrap_err(), "channels must be a list of strings");
        assert!(Profile::from_json(&Value::Null).is_err());
    }

    #[test]
    fn comment_composers_are_told_by_their_label() {
        let profile = inbox();
        assert!(profile.is_comment_composer("Reply as Lumen Bakery…"));
        assert!(!profile.is_comment_composer("Reply in Messenger…"));
    }

    #[test]
    fn the_customers_messages_are_told_by_their_label() {
        let profile = inbox();
        let ana = Some("Ana Popescu");
        assert!(profile.is_customer_message("Ana Popescu sentHello", ana));
        assert!(profile.is_customer_message("Comment by Ana Popescu", ana));
        assert!(!profile.is_customer_message(" You sentHi Ana", ana));
        assert!(!profile.is_customer_message("Ați trimisBună", None));
        assert!(!profile.is_customer_message("Reply by Lumen Bakery", ana));
        assert!(profile.is_customer_message("Reply by Lumen Bakery", None));
    }
}
