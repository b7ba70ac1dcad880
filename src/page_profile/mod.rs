//! The inbox page's profile: where things are in Meta Business Suite's inbox, as data, and
//! the strategies that read them.
//!
//! Meta's markup carries generated class names that change every week and differs between
//! people, so the page is read only by stable hooks (`data-pagelet`, `data-surface`, aria
//! labels), roles, structure and visible text. Each part the extension reads (the list,
//! a row and its name, time, channel, unread mark, "You:" snippet and ad marker, the
//! conversation pane, its customer, messages and their senders and times, the composer)
//! is an ordered list of strategies in `inbox.json` (format and how to add one:
//! `README.md`). When Meta changes its page, the fix is a data change.
//!
//! The strategies run on a [`PageNode`]: natively on parsed HTML in the tests and the CLI
//! (`html`), in the extension on the live DOM (`web::page`). [`list`] reads the conversation list,
//! [`conversation`] the open conversation, [`composer`] picks the reply box.
//!
//! The file is read as a `serde_json::Value` and its fields taken by hand rather than by
//! a derived `Deserialize`, which keeps its size in the download small.

pub mod composer;
pub mod conversation;
pub mod file;
pub mod health;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
mod list;
pub mod overrides;
pub mod page;
pub mod report;
mod strategy;
pub mod teach;

use serde_json::{Map, Value};

use crate::catalogue::{Fault, Message};
use crate::text::json::got;

pub use composer::ComposerProfile;
pub use conversation::{Conversation, Sender};
pub use list::{query_parameter, RowReading, Rows};
pub use page::PageNode;
pub use strategy::{Probe, Read};

/// The profile the extension ships, as text (without its indentation: `build.rs`).
pub const SHIPPED: &str = data_file!("page_profile/inbox.json");

/// The profile the extension ships, parsed once.
pub fn shipped() -> &'static PageProfile {
    static PROFILE: std::sync::OnceLock<PageProfile> = std::sync::OnceLock::new();
    PROFILE.get_or_init(|| {
        // The file is ours and checked by a test; a broken one must fail the build's tests,
        // not the agent's page, so an unreadable profile falls back to finding nothing.
        crate::text::json::parse(SHIPPED).and_then(|json| PageProfile::from_json(&json).ok()).unwrap_or_default()
    })
}

/// How a list's rows are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowFinder {
    /// The elements matching a selector.
    Css(String),
    /// Around each element matching `css` (a row's content), its nearest ancestor matching
    /// `closest` that holds no other match: the row, however deep the page wraps it.
    Around { css: String, closest: String },
    /// Structure: the largest set of sibling elements that each hold one element matching
    /// this selector (a time) and two blocks of text (a name and a snippet).
    Repeated(String),
}

/// How the open conversation's messages are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageFinder {
    /// The elements matching a selector, inside the message list.
    Css(String),
    /// Structure: the children of the element that holds the message list's items (the
    /// deepest one with more children than any of its own children have).
    Items,
}

#[derive(Debug, Clone, Default)]
pub struct PageProfile {
    /// The conversation list's container: rows are looked for inside the first found, or
    /// in the whole page when none is.
    pub list: Vec<String>,
    /// The list's rows.
    pub rows: Vec<RowFinder>,
    /// What a row's text blocks leave out (times, hidden labels, action buttons, chips).
    pub row_skip: String,
    pub row_name: Vec<Probe>,
    /// The last message's snippet ("You: …" when the Page wrote it).
    pub row_snippet: Vec<Probe>,
    /// The last message's time: exact ones first, then coarse labels.
    pub row_time: Vec<Probe>,
    /// Labels naming the channel (in [`PageProfile::channels`]).
    pub row_channel: Vec<Probe>,
    /// Labels in [`PageProfile::unread_labels`], or the name drawn bold.
    pub row_unread: Vec<Probe>,
    /// The thread came from an ad (Click-to-Messenger, Click-to-Direct).
    pub row_ad: Vec<Probe>,
    /// The customer's picture's address: with the name and the channel, what tells a
    /// thread apart where the row names no thread.
    pub row_avatar: Vec<Probe>,
    /// A link naming the thread, in the query parameter [`PageProfile::thread_key_parameter`].
    pub row_thread: Vec<Probe>,
    /// The open thread's id in the page's address (and in row links, where they exist).
    pub thread_key_parameter: String,
    /// The open conversation's pane.
    pub pane: Vec<String>,
    /// The customer's name in the pane's header; the first that matches, never one of
    /// [`PageProfile::not_names`] (a page heading such as "Inbox").
    pub customer_name: Vec<String>,
    pub not_names: Vec<String>,
    /// The pane's message list.
    pub message_list: Vec<String>,
    /// Its messages (or comments), oldest first, with date separators and system lines
    /// among them for the structural finder.
    pub messages: Vec<MessageFinder>,
    /// Within a message: its text.
    pub message_text: Vec<String>,
    /// Within a message: its exact stamp, else the separator before it.
    pub message_time: Vec<Probe>,
    /// The customer's picture beside their messages (its `alt` is their name).
    pub customer_avatar: String,
    /// The line naming the person who sent a Page message, `{name}` standing for them
    /// ("Sent by {name}", "{name} द्वारा भेजा गया").
    pub sent_by: Vec<String>,
    /// System lines saying the customer replied to an ad ("replied to an ad").
    pub ad_replies: Vec<String>,
    /// How the Page's messages' labels begin (their `aria-label`, else their text: "You
    /// sent", "Post by"), in each interface language.
    pub own_message_starts: Vec<String>,
    /// How the customer's messages' labels begin, `{name}` standing for their name.
    pub customer_message_starts: Vec<String>,
    pub composer: ComposerProfile,
    /// Composer labels that mean a public reply to a comment, `{page}` standing for the
    /// Page's name ("Reply as {page}").
    pub comment_composer_labels: Vec<String>,
    /// Labels naming a channel, each with the channel: `label=channel`.
    pub channels: Vec<String>,
    /// Labels meaning the thread is unread.
    pub unread_labels: Vec<String>,
    /// How a row's snippet starts when the Page wrote the last message ("You: ").
    pub own_snippet_starts: Vec<String>,
}

/// Every key of `inbox.json`; "about" says what the file is, for the person editing it.
const KEYS: [&str; 30] = [
    "about",
    "list",
    "rows",
    "rowSkip",
    "rowName",
    "rowSnippet",
    "rowTime",
    "rowChannel",
    "rowUnread",
    "rowAd",
    "rowAvatar",
    "rowThread",
    "threadKeyParameter",
    "pane",
    "customerName",
    "notNames",
    "messageList",
    "messages",
    "messageText",
    "messageTime",
    "customerAvatar",
    "sentBy",
    "adReplies",
    "ownMessageStarts",
    "customerMessageStarts",
    "composer",
    "commentComposerLabels",
    "channels",
    "unreadLabels",
    "ownSnippetStarts",
];

/// Takes the profile's fields from its object, remembering every one that is missing or
/// wrong: whoever fixes a profile file sees all its problems at once.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    errors: Vec<Fault>,
}

impl Fields<'_> {
    fn take<T: Default>(&mut self, key: &str, read: impl FnOnce(&Value) -> Result<T, Fault>) -> T {
        let read = match self.object.get(key) {
            Some(value) => read(value),
            None => Err(fault("", "library.missing")),
        };
        read.unwrap_or_else(|fault| {
            self.refuse(key, fault);
            T::default()
        })
    }

    /// One copy, for every field's type, of remembering a fault.
    #[inline(never)]
    fn refuse(&mut self, key: &str, fault: Fault) {
        self.errors.push(fault.under(key));
    }

    fn string(&mut self, key: &str) -> String {
        self.take(key, string)
    }

    fn strings(&mut self, key: &str) -> Vec<String> {
        self.take(key, strings)
    }

    fn probes(&mut self, key: &str) -> Vec<Probe> {
        self.take(key, strategy::probes)
    }
}

/// The fault `id`, a text without arguments, of the field at `path` (empty for the value
/// as a whole); one copy of the code for the many sites that give one.
#[inline(never)]
fn fault(path: &str, id: &'static str) -> Fault {
    Fault::at(path, Message::new(id))
}

/// The field `key` holds `value`, which is none of `codes`.
fn one_of(key: &str, codes: &[&str], value: &Value) -> Fault {
    Fault::at(key, got("voice.one-of", value).text("codes", codes.join(", ")))
}

fn string(value: &Value) -> Result<String, Fault> {
    value.as_str().map(str::to_string).ok_or_else(|| fault("", "library.must-be-text"))
}

fn strings(value: &Value) -> Result<Vec<String>, Fault> {
    let not_texts = || fault("", "library.tags");
    let list = value.as_array().ok_or_else(not_texts)?;
    list.iter().map(|v| v.as_str().map(str::to_string).ok_or_else(not_texts)).collect()
}

/// The items of the list `value`, each read by `read`; a fault names the item's index
/// (`[1].read`). A loop rather than a `collect` into a `Result`: smaller in the Wasm.
fn list_of<T>(value: &Value, read: impl Fn(&Value) -> Result<T, Fault>) -> Result<Vec<T>, Fault> {
    let list = value.as_array().ok_or_else(|| Fault::whole(got("voice.not-a-list", value)))?;
    let mut items = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        items.push(read(item).map_err(|fault| fault.in_item(i))?);
    }
    Ok(items)
}

/// A list of strategies, each an object of one of the `forms` (`{"css"}`) that `read`
/// takes.
fn finders<T>(value: &Value, forms: &str, read: impl Fn(&Map<String, Value>) -> Option<T>) -> Result<Vec<T>, Fault> {
    list_of(value, |item| {
        item.as_object()
            .and_then(&read)
            .ok_or_else(|| Fault::whole(Message::new("profile.finder").text("forms", forms)))
    })
}

/// The non-empty text at `key` of a strategy object.
fn text_at(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key)?.as_str().filter(|t| !t.is_empty()).map(str::to_string)
}

impl PageProfile {
    /// Reads the profile from its JSON; the errors name every missing or mistyped key, not
    /// only the first, each by its path (`rowTime[0].read`). Keys it does not know are
    /// left to [`unknown_keys`], which the tests run on the shipped file: a typo there
    /// cannot silently switch a part off.
    pub fn from_json(json: &Value) -> Result<PageProfile, Vec<Fault>> {
        let object = json.as_object().ok_or_else(|| vec![Fault::whole(got("voice.not-an-object", json))])?;
        let mut fields = Fields { object, errors: Vec::new() };
        let rows = fields.take("rows", |v| {
            finders(v, r#"{"css"}, {"css", "closest"}, {"repeated"}"#, |object| match object.len() {
                1 => text_at(object, "css")
                    .map(RowFinder::Css)
                    .or_else(|| text_at(object, "repeated").map(RowFinder::Repeated)),
                2 => Some(RowFinder::Around { css: text_at(object, "css")?, closest: text_at(object, "closest")? }),
                _ => None,
            })
        });
        let messages = fields.take("messages", |v| {
            finders(v, r#"{"css"}, {"items": true}"#, |object| match object.len() {
                1 => text_at(object, "css")
                    .map(MessageFinder::Css)
                    .or_else(|| (object.get("items") == Some(&Value::Bool(true))).then_some(MessageFinder::Items)),
                _ => None,
            })
        });
        let profile = PageProfile {
            list: fields.strings("list"),
            rows,
            row_skip: fields.string("rowSkip"),
            row_name: fields.probes("rowName"),
            row_snippet: fields.probes("rowSnippet"),
            row_time: fields.probes("rowTime"),
            row_channel: fields.probes("rowChannel"),
            row_unread: fields.probes("rowUnread"),
            row_ad: fields.probes("rowAd"),
            row_avatar: fields.probes("rowAvatar"),
            row_thread: fields.probes("rowThread"),
            thread_key_parameter: fields.string("threadKeyParameter"),
            pane: fields.strings("pane"),
            customer_name: fields.strings("customerName"),
            not_names: fields.strings("notNames"),
            message_list: fields.strings("messageList"),
            messages,
            message_text: fields.strings("messageText"),
            message_time: fields.probes("messageTime"),
            customer_avatar: fields.string("customerAvatar"),
            sent_by: fields.strings("sentBy"),
            ad_replies: fields.strings("adReplies"),
            own_message_starts: fields.strings("ownMessageStarts"),
            customer_message_starts: fields.strings("customerMessageStarts"),
            composer: fields.take("composer", ComposerProfile::from_json),
            comment_composer_labels: fields.strings("commentComposerLabels"),
            channels: fields.strings("channels"),
            unread_labels: fields.strings("unreadLabels"),
            own_snippet_starts: fields.strings("ownSnippetStarts"),
        };
        if fields.errors.is_empty() {
            Ok(profile)
        } else {
            Err(fields.errors)
        }
    }

    /// Whether a composer labelled `label` writes a public reply to a comment.
    pub fn is_comment_composer(&self, label: &str) -> bool {
        self.comment_composer_labels.iter().any(|pattern| capture(label, pattern).is_some())
    }

    /// The first of `selectors` that matches inside `root`.
    pub fn first_match<N: PageNode>(root: &N, selectors: &[String]) -> Option<N> {
        selectors.iter().find_map(|selector| root.query(selector))
    }
}

/// The keys of `json` the profile does not know.
pub fn unknown_keys(json: &Value) -> Vec<&str> {
    let keys = json.as_object().into_iter().flat_map(|object| object.keys());
    keys.map(String::as_str).filter(|key| !KEYS.contains(key)).collect()
}

/// What `{…}` stands for in `text` when the whole of `text` reads as `pattern` ("Sent by
/// {name}" in "Sent by Maria Popa" gives "Maria Popa"; "{name} द्वारा भेजा गया" puts the
/// name first, as Hindi does), ignoring the spaces, middle dots and final ellipsis or full
/// stop around it; a pattern without braces must start the text and gives "".
pub fn capture<'a>(text: &'a str, pattern: &str) -> Option<&'a str> {
    let around = |c: char| c.is_whitespace() || matches!(c, '·' | '…' | '.' | '։' | '।');
    let text = text.trim_matches(around);
    let Some((prefix, rest)) = pattern.split_once('{') else {
        return text.starts_with(pattern.trim_matches(around)).then_some("");
    };
    let suffix = rest.split_once('}')?.1;
    let inner = text.strip_prefix(prefix.trim_start())?.strip_suffix(suffix.trim_end_matches(around))?;
    let inner = inner.trim_matches(around);
    (!inner.is_empty()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped_json() -> Value {
        serde_json::from_str(SHIPPED).expect("inbox.json is JSON")
    }

    #[test]
    fn the_shipped_profile_parses_and_names_everything() {
        let json = shipped_json();
        let profile = PageProfile::from_json(&json).expect("inbox.json");
        assert_eq!(unknown_keys(&json), Vec::<&str>::new());
        let source: Value = serde_json::from_str(include_str!("inbox.json")).expect("inbox.json is JSON");
        assert!(source["about"].is_string(), "the file says what it is (left out of the Wasm)");
        assert!(!profile.rows.is_empty() && !profile.pane.is_empty() && !profile.messages.is_empty());
        assert!(profile
            .row_thread
            .iter()
            .all(|p| p.css.as_ref().is_some_and(|c| c.contains(&profile.thread_key_parameter))));
        assert!(profile
            .channels
            .iter()
            .all(|pair| pair.split_once('=').is_some_and(|(l, c)| !l.is_empty() && !c.is_empty())));
        assert!(
            !profile.unread_labels.is_empty() && !profile.own_snippet_starts.is_empty() && !profile.sent_by.is_empty()
        );
        assert!(profile.customer_message_starts.iter().all(|start| start.contains("{name}")));
    }

    /// Generated class names change weekly: no selector may use one. The inbox's own
    /// semantic markers are attributes, roles and tags.
    #[test]
    fn no_selector_uses_a_class() {
        let json = shipped_json();
        fn walk<'a>(value: &'a Value, key: &str, found: &mut Vec<(String, &'a str)>) {
            match value {
                Value::String(text) if key != "about" => found.push((key.to_string(), text)),
                Value::Array(items) => items.iter().for_each(|item| walk(item, key, found)),
                Value::Object(fields) => fields.iter().for_each(|(k, v)| walk(v, k, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        walk(&json, "", &mut found);
        for (key, text) in found {
            let selector_keys = ["css", "repeated", "list", "pane", "customerName", "messageList", "messageText"];
            if selector_keys.contains(&key.as_str()) || key.ends_with("Skip") || key == "customerAvatar" {
                assert!(!text.contains(" .") && !text.starts_with('.') && !text.contains("class"), "{key}: {text}");
            }
        }
    }

    #[test]
    fn a_profile_with_an_unknown_missing_or_mistyped_key_is_refused() {
        const READS: &str = "text, attr, stamp, epochSeconds, present, block, boldName, separator";
        let mut json = shipped_json();
        json["rowLinks"] = "a".into();
        assert_eq!(unknown_keys(&json), ["rowLinks"]);
        let mut json = shipped_json();
        json.as_object_mut().unwrap().remove("rowTime");
        let errors = |json: &Value| Fault::texts(&PageProfile::from_json(json).unwrap_err());
        assert_eq!(errors(&json), ["rowTime: missing"]);
        json["rowTime"] = serde_json::json!([{"css": "abbr", "read": "when"}]);
        assert_eq!(errors(&json)[0], format!("rowTime[0].read: must be one of {READS}, not \"when\""));
        let mut json = shipped_json();
        json["channels"] = serde_json::json!(["Messenger=messenger", 3]);
        assert_eq!(errors(&json), ["channels: must be a list of text"]);
        json["channels"] = serde_json::json!([]);
        json["rows"] = serde_json::json!([{"css": "a"}, {"css": "a", "xpath": "b"}]);
        let rows = r#"rows[1]: must be an object in one of these forms: {"css"}, {"css", "closest"}, {"repeated"}"#;
        assert_eq!(errors(&json), [rows]);
        json["messages"] = serde_json::json!([{"items": false}]);
        let messages = r#"messages[0]: must be an object in one of these forms: {"css"}, {"items": true}"#;
        assert_eq!(errors(&json), [rows, messages]);
        json["messages"] = serde_json::json!([{"items": true}]);
        // Every problem at once, not the first.
        json.as_object_mut().unwrap().remove("pane");
        json["composer"] = serde_json::json!("textarea");
        assert_eq!(errors(&json), [rows, "pane: missing", "composer: must be an object, not \"textarea\""]);
        assert!(PageProfile::from_json(&Value::Null).is_err());
    }

    #[test]
    fn comment_composers_are_told_by_their_label() {
        let profile = shipped();
        assert!(profile.is_comment_composer("Reply as Lumen Bakery…"));
        assert!(profile.is_comment_composer("Răspunde ca lumenbakery…"));
        assert!(profile.is_comment_composer("Lumen Bakery के रूप में जवाब दें…"));
        assert!(!profile.is_comment_composer("Reply in Messenger…"));
        assert!(!profile.is_comment_composer("Messenger में जवाब दें…"));
    }

    #[test]
    fn patterns_capture_what_their_braces_stand_for() {
        assert_eq!(capture("Sent by Maria Popa", "Sent by {name}"), Some("Maria Popa"));
        assert_eq!(capture(" · Sent by Maria Popa ", "Sent by {name}"), Some("Maria Popa"));
        assert_eq!(capture("Maria Popa द्वारा भेजा गया", "{name} द्वारा भेजा गया"), Some("Maria Popa"));
        assert_eq!(capture("Hi! Sent by Maria", "Sent by {name}"), None, "the line, not a message mentioning it");
        assert_eq!(capture("Sent by ", "Sent by {name}"), None);
        assert_eq!(capture("Reply to everyone", "Reply to "), Some(""));
        assert_eq!(capture("Please reply", "Reply to "), None);
    }
}
