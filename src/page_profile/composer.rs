//! Which text box is the reply: only the open conversation's composer is linted, gets the
//! card and the template picker. The page has other text boxes (the contact's Notes in the
//! sidebar, search fields), some inside the same detail view, so a box is the reply only
//! on evidence: a reply label ("Reply in Messenger…", "Message"), a Send control beside it
//! (the nearest controls around it include one), its place under the message list, or
//! Meta's own editor inside the conversation; and never when it is labelled or marked as
//! something else (search, a note).

use serde_json::Value;

use super::page::PageNode;
use super::{fault, PageProfile};
use crate::catalogue::Fault;
use crate::text::case::to_lower;
use crate::text::json::{got, object};

/// The composer's part of the profile (`inbox.json`, key `composer`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComposerProfile {
    /// Elements that can be a reply box (the taught one first, when there is one).
    pub candidates: String,
    /// The reply box an agent showed on a page whose markup the built-in evidence misses
    /// (the teach flow): matching it is evidence enough.
    pub taught: Option<String>,
    /// Elements that never are (search boxes, autocompleting fields).
    pub decoys: String,
    /// Starts of the labels of boxes that are not replies ("Search", "Add a note"),
    /// ignoring case.
    pub decoy_labels: Vec<String>,
    /// Starts of reply boxes' labels, ignoring case.
    pub reply_labels: Vec<String>,
    /// The Send control.
    pub send: String,
    /// How many levels up from a box its controls are looked for.
    pub send_depth: usize,
}

/// The keys of the composer part.
const KEYS: [&str; 7] = ["candidates", "taught", "decoys", "decoyLabels", "replyLabels", "send", "sendDepth"];

/// Controls: what a box's nearest controls are found among.
const CONTROLS: &str = "button, [role='button']";
/// Meta's rich text editor (Lexical), as facebook.com's Messenger composer is one.
pub(crate) const RICH_EDITOR: &str = "[data-lexical-editor='true']";

impl ComposerProfile {
    /// Reads the composer part; the fault's path is the key at fault.
    pub fn from_json(value: &Value) -> Result<ComposerProfile, Fault> {
        let object = object(value, "", &KEYS)?;
        let string = |key: &'static str| match object.get(key) {
            Some(Value::String(text)) if !text.is_empty() => Ok(text.clone()),
            Some(other) => Err(Fault::at(key, got("profile.non-empty-text", other))),
            None => Err(fault(key, "library.missing")),
        };
        let strings = |key: &'static str| {
            let list = object.get(key).and_then(Value::as_array);
            let lower = list.and_then(|list| list.iter().map(|v| v.as_str().map(to_lower)).collect::<Option<_>>());
            lower.ok_or_else(|| fault(key, "library.tags"))
        };
        let depth = match object.get("sendDepth") {
            None => Err(fault("sendDepth", "library.missing")),
            Some(found) => found
                .as_u64()
                .filter(|d| (1..=12).contains(d))
                .ok_or_else(|| Fault::at("sendDepth", got("voice.count", found).count("low", 1).count("high", 12))),
        };
        let taught = object.contains_key("taught").then(|| string("taught")).transpose()?;
        let candidates = string("candidates")?;
        Ok(ComposerProfile {
            candidates: match &taught {
                Some(taught) => format!("{taught}, {candidates}"),
                None => candidates,
            },
            taught,
            decoys: string("decoys")?,
            decoy_labels: strings("decoyLabels")?,
            reply_labels: strings("replyLabels")?,
            send: string("send")?,
            send_depth: depth? as usize,
        })
    }
}

/// Where a text box says what it is for.
const LABELS: [&str; 3] = ["aria-label", "aria-placeholder", "placeholder"];

/// A text box's label: `aria-label`, else `aria-placeholder`, else `placeholder`.
pub fn label_of<N: PageNode>(element: &N) -> Option<String> {
    LABELS.into_iter().find_map(|name| element.attr(name))
}

impl PageProfile {
    /// Whether the reply box `element` writes a public reply to a comment: any of its
    /// labels says so (Meta's editor is labelled "Message" and placeholds "Reply as …").
    pub fn is_comment_box<N: PageNode>(&self, element: &N) -> bool {
        LABELS.into_iter().filter_map(|name| element.attr(name)).any(|label| self.is_comment_composer(&label))
    }

    /// The reply box: `focused` (the page's focused element) when it is one, else the first
    /// box in the page that is.
    pub fn reply_box<N: PageNode>(&self, root: &N, focused: Option<&N>) -> Option<N> {
        let pane = self.pane(root);
        let list = Self::first_match(pane.as_ref().unwrap_or(root), &self.message_list);
        let is_reply = |element: &N| self.is_reply_box_in(element, pane.as_ref(), list.as_ref());
        let focused = focused.and_then(|element| element.closest(&self.composer.candidates));
        focused.filter(is_reply).or_else(|| root.query_all(&self.composer.candidates).into_iter().find(is_reply))
    }

    /// Whether `element` is the open conversation's reply box.
    pub fn is_reply_box<N: PageNode>(&self, element: &N, root: &N) -> bool {
        let pane = self.pane(root);
        let list = Self::first_match(pane.as_ref().unwrap_or(root), &self.message_list);
        self.is_reply_box_in(element, pane.as_ref(), list.as_ref())
    }

    fn is_reply_box_in<N: PageNode>(&self, element: &N, pane: Option<&N>, list: Option<&N>) -> bool {
        let profile = &self.composer;
        if profile.taught.as_ref().is_some_and(|taught| element.matches(taught)) {
            return true;
        }
        if !element.matches(&profile.candidates) || element.matches(&profile.decoys) {
            return false;
        }
        let label = label_of(element).map(|l| to_lower(l.trim())).unwrap_or_default();
        let starts = |starts: &[String]| !label.is_empty() && starts.iter().any(|s| label.starts_with(s.as_str()));
        if starts(&profile.decoy_labels) || pane.is_some_and(|pane| !pane.contains(element)) {
            return false;
        }
        starts(&profile.reply_labels)
            || self.has_send_beside(element)
            || list.is_some_and(|list| under(element, list))
            || (pane.is_some() && element.matches(RICH_EDITOR))
    }

    /// Whether the nearest controls around `element` include a Send control: climbing
    /// from it, the first ancestor holding any control must hold a Send one (a Notes box's
    /// nearest control is its Save button, though the conversation's Send is further up).
    fn has_send_beside<N: PageNode>(&self, element: &N) -> bool {
        let ancestors = std::iter::successors(element.parent(), PageNode::parent).take(self.composer.send_depth);
        for ancestor in ancestors {
            if ancestor.query(CONTROLS).is_some() || ancestor.query(&self.composer.send).is_some() {
                return ancestor.query(&self.composer.send).is_some();
            }
        }
        false
    }

    /// A selector for the reply box without reading the page (the reduced mode's content
    /// script has no Wasm): Meta's editor, and boxes with a reply label.
    pub fn reduced_mode_selector(&self) -> String {
        let mut selectors = vec![RICH_EDITOR.to_string()];
        for label in &self.composer.reply_labels {
            for (tag, attribute) in [("textarea", "placeholder"), ("[contenteditable='true']", "aria-label")] {
                selectors.push(format!("{tag}[{attribute}^=\"{}\" i]", label.replace('"', "\\\"")));
            }
        }
        selectors.join(", ")
    }
}

/// Whether `element` sits under the message list: across the same horizontal span, and
/// not inside it.
fn under<N: PageNode>(element: &N, list: &N) -> bool {
    let (Some((left, right)), Some((list_left, list_right))) = (element.box_extent(), list.box_extent()) else {
        return false;
    };
    let centre = (left + right) / 2.0;
    !list.contains(element) && (list_left..=list_right).contains(&centre)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_profile::html::{HtmlNode, HtmlPage};
    use crate::page_profile::shipped;

    fn reply_box(html: &str, focused: Option<&str>) -> Option<String> {
        let page = HtmlPage::parse(html);
        let root = page.root();
        let focused: Option<HtmlNode> = focused.and_then(|css| root.query(css));
        let found = shipped().reply_box(&root, focused.as_ref())?;
        Some(found.attr("id").or_else(|| label_of(&found)).unwrap_or_else(|| found.tag()))
    }

    #[test]
    fn the_reply_box_not_the_notes_or_the_search() {
        let html = include_str!("fixtures/business.html");
        assert_eq!(reply_box(html, None).as_deref(), Some("Reply in Messenger…"));
        // Focus in the Notes box (labelled, or not) or the search field changes nothing.
        for focused in ["textarea[placeholder^='Add a note']", "#unlabelled-note", "input[type=search]"] {
            assert_eq!(reply_box(html, Some(focused)).as_deref(), Some("Reply in Messenger…"), "{focused}");
        }
        let page = HtmlPage::parse(html);
        let root = page.root();
        for notes in ["textarea[placeholder^='Add a note']", "#unlabelled-note"] {
            assert!(!shipped().is_reply_box(&root.query(notes).unwrap(), &root), "{notes}");
        }
    }

    #[test]
    fn messenger_style_composer_is_the_lexical_editor() {
        let html = include_str!("fixtures/messenger.html");
        assert_eq!(reply_box(html, None).as_deref(), Some("Reply in Messenger…"));
    }

    #[test]
    fn evidence_one_piece_at_a_time() {
        let page = |inner: &str| {
            format!(r#"<div data-pagelet="BizP13NInboxMessengerDetailView"><div id=x>{inner}</div></div>"#)
        };
        // A label alone.
        assert!(reply_box(&page(r#"<textarea placeholder="Reply on Instagram…"></textarea>"#), None).is_some());
        assert!(reply_box(&page(r#"<textarea placeholder="Răspunde pe Instagram…"></textarea>"#), None).is_some());
        // A Send control alone (its label localised).
        assert!(reply_box(
            &page(r#"<div><textarea></textarea></div><div role=button aria-label="Trimite"></div>"#),
            None
        )
        .is_some());
        // Meta's editor in the conversation, before the Send button appears.
        assert!(reply_box(&page(r#"<div contenteditable="true" data-lexical-editor="true"></div>"#), None).is_some());
        // No evidence: a bare box, or one whose nearest control is Save.
        assert_eq!(reply_box(&page("<textarea></textarea>"), None), None);
        assert_eq!(
            reply_box(
                &page(
                    r#"<div><textarea></textarea><div role=button>Save</div></div><div role=button aria-label=Send></div>"#
                ),
                None
            ),
            None
        );
        // A decoy, whatever else it has.
        assert_eq!(reply_box(&page(r#"<textarea placeholder="Search messages"></textarea>"#), None), None);
        assert_eq!(
            reply_box(&page(r#"<div role=combobox contenteditable=true aria-label="Message"></div>"#), None),
            None
        );
        // Outside the open conversation.
        assert_eq!(
            reply_box(
                r#"<div data-pagelet="BizP13NInboxMessengerDetailView"></div><textarea placeholder="Reply"></textarea>"#,
                None
            ),
            None
        );
    }

    #[test]
    fn a_taught_reply_box_needs_no_other_evidence() {
        let html = r#"<main><div data-pagelet="ReplyArea"><div contenteditable="" id=box></div></div>
                      <textarea placeholder="Search messages"></textarea></main>"#;
        assert_eq!(reply_box(html, None), None, "the built-in profile sees no reply box");
        let parts = serde_json::json!({"composer": {"taught": "[data-pagelet='ReplyArea'] [contenteditable]"}});
        let profile = PageProfile::from_json(&{
            let base: Value = serde_json::from_str(crate::page_profile::SHIPPED).unwrap();
            crate::page_profile::overrides::merge(&base, parts.as_object().unwrap()).unwrap()
        })
        .unwrap();
        let page = HtmlPage::parse(html);
        let root = page.root();
        assert_eq!(profile.reply_box(&root, None).and_then(|b| b.attr("id")).as_deref(), Some("box"));
        let search = root.query("textarea").unwrap();
        assert_eq!(profile.reply_box(&root, Some(&search)).and_then(|b| b.attr("id")).as_deref(), Some("box"));
    }

    #[test]
    fn a_comment_reply_box_is_told_by_any_of_its_labels() {
        let page = HtmlPage::parse(
            r#"<div contenteditable=true aria-label="Message" aria-placeholder="Reply as Lumen Bakery…"></div>
               <textarea placeholder="Reply in Messenger…"></textarea>"#,
        );
        let root = page.root();
        assert!(shipped().is_comment_box(&root.query("[contenteditable]").unwrap()));
        assert!(!shipped().is_comment_box(&root.query("textarea").unwrap()));
    }

    #[test]
    fn the_reduced_mode_selector_is_built_from_the_labels() {
        let selector = shipped().reduced_mode_selector();
        assert!(selector.starts_with("[data-lexical-editor='true'], textarea[placeholder^=\"reply\" i]"), "{selector}");
        let page = HtmlPage::parse(include_str!("fixtures/business.html"));
        let found: Vec<_> = page.root().query_all(&selector).iter().filter_map(label_of).collect();
        assert_eq!(found, ["Reply in Messenger…"]);
    }
}
