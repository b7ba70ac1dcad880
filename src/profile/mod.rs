//! The inbox page's profile: where things are in Meta Business Suite's inbox, as data.
//!
//! Meta's markup carries generated class names that change every week, so the page is
//! read only by roles, aria attributes, structure and visible text. The selectors and
//! texts live in `inbox.json`, not in code: when Meta changes its page, the fix is a data
//! change. Plain serde, no browser types, so the file is checked natively.

use serde::Deserialize;

/// The profile the extension ships, parsed once.
pub fn inbox() -> &'static Profile {
    static PROFILE: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
    PROFILE.get_or_init(|| {
        // The file is ours and checked by a test; a broken one must fail the build's tests,
        // not the agent's page, so an unreadable profile falls back to finding nothing.
        serde_json::from_str(include_str!("inbox.json")).unwrap_or_default()
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    /// What the file is, for the person editing it.
    #[serde(rename = "about")]
    _about: serde::de::IgnoredAny,
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
}

impl Profile {
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
        let profile: Profile = serde_json::from_str(include_str!("inbox.json")).expect("inbox.json");
        assert!(!profile.composer.is_empty() && !profile.conversation.is_empty());
        assert!(!profile.customer_name.is_empty() && !profile.message_time_attributes.is_empty());
        assert!(!profile.own_message_starts.is_empty());
        // No generated class names: they change weekly.
        let selectors = [&profile.composer, &profile.conversation, &profile.messages, &profile.message_text]
            .into_iter()
            .chain([&profile.message_time])
            .chain(&profile.customer_name);
        for selector in selectors {
            assert!(!selector.contains('.') && !selector.contains("class"), "{selector}: select by roles and attributes");
        }
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
