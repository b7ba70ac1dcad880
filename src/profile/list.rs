//! What a conversation list row's texts mean, by the profile's list fields: pure, so the
//! reading is tested natively; `web::inbox` only collects the texts from the DOM.

use super::Profile;

/// What the DOM layer collects from one row, as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowTexts {
    /// The thread link's `href`.
    pub href: String,
    /// The texts of [`Profile::row_texts`], in document order, trimmed.
    pub texts: Vec<String>,
    /// The labels of [`Profile::row_images`].
    pub image_labels: Vec<String>,
}

/// What a row says about its thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The thread's id from the link: the key to keep state by, as rows are recycled.
    pub key: String,
    pub customer: Option<String>,
    /// `messenger`, `instagram`, `facebook-comment`, `instagram-comment`, when shown.
    pub channel: Option<String>,
    /// The Page wrote the last message (its snippet starts "You: "): the row's time is
    /// then the Page's, not the customer's.
    pub page_wrote_last: bool,
    pub unread: bool,
}

impl Profile {
    /// Reads a row's texts; `None` when its link names no thread.
    pub fn read_row(&self, texts: &RowTexts) -> Option<Row> {
        let _stage = crate::stage::enter("reader", "conversation row");
        let key = query_parameter(&texts.href, &self.thread_key_parameter)?.to_string();
        let label_is = |labels: &[String]| texts.image_labels.iter().any(|l| labels.iter().any(|x| x == l.trim()));
        let channel = texts
            .image_labels
            .iter()
            .find_map(|label| {
                self.channels.iter().find_map(|pair| pair.split_once('=').filter(|(name, _)| *name == label.trim()))
            })
            .map(|(_, id)| id.to_string());
        // A row showing one text has a name and no snippet.
        let snippet = texts.texts.get(1..).and_then(<[String]>::last);
        Some(Row {
            key,
            customer: texts.texts.first().filter(|name| !name.is_empty()).cloned(),
            channel,
            page_wrote_last: snippet
                .is_some_and(|s| self.own_snippet_starts.iter().any(|start| s.starts_with(start.as_str()))),
            unread: label_is(&self.unread_labels),
        })
    }
}

/// The value of `name` in a URL's query (`?a=1&selected_item_id=42#x` gives `42` for
/// `selected_item_id`); `None` when absent or empty. Thread ids are digits, so no
/// percent-decoding is needed; a value that would need it is taken as written.
pub fn query_parameter<'a>(href: &'a str, name: &str) -> Option<&'a str> {
    let query = href.split('#').next()?.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v))
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::inbox;

    fn row(href: &str, texts: &[&str], images: &[&str]) -> Option<Row> {
        let texts = RowTexts {
            href: href.into(),
            texts: texts.iter().map(|t| t.to_string()).collect(),
            image_labels: images.iter().map(|t| t.to_string()).collect(),
        };
        inbox().read_row(&texts)
    }

    const HREF: &str = "/latest/inbox/all?asset_id=1047&selected_item_id=100052384037366&thread_type=FB_MESSAGE";

    #[test]
    fn a_row_names_its_thread_customer_channel_and_last_writer() {
        let ana = row(HREF, &["Ana Popescu", "You: Hi Ana, I'm checking"], &["Messenger"]).unwrap();
        assert_eq!(ana.key, "100052384037366");
        assert_eq!(ana.customer.as_deref(), Some("Ana Popescu"));
        assert_eq!(ana.channel.as_deref(), Some("messenger"));
        assert!(ana.page_wrote_last && !ana.unread);

        let elena = row(HREF, &["Elena Dumitru", "Cât costă o pâine?"], &["Facebook comment", "Unread"]).unwrap();
        assert_eq!(elena.channel.as_deref(), Some("facebook-comment"));
        assert!(!elena.page_wrote_last && elena.unread);
    }

    #[test]
    fn the_page_wrote_last_in_every_ui_language() {
        for (snippet, channel, unread) in [
            ("Dvs.: Bună, Ana", "Comentariu Instagram", "Necitit"),
            ("Դուք՝ Բարև", "Instagram մեկնաբանություն", "Չկարդացված"),
            ("आप: नमस्ते", "Facebook टिप्पणी", "अपठित"),
        ] {
            let read = row(HREF, &["Ana", snippet], &[channel, unread]).unwrap();
            assert!(read.page_wrote_last && read.unread, "{snippet}");
            assert!(read.channel.is_some_and(|c| c.ends_with("-comment")), "{channel}");
        }
        // "You" inside the customer's text, or the customer's name alone, is not the Page.
        assert!(!row(HREF, &["Ana", "Thank you: it arrived"], &[]).unwrap().page_wrote_last);
        assert!(!row(HREF, &["You: the band"], &[]).unwrap().page_wrote_last);
    }

    #[test]
    fn rows_without_a_thread_are_not_recognised() {
        assert_eq!(row("/latest/inbox/all?asset_id=1", &["Ana"], &[]), None);
        assert_eq!(row("/latest/inbox/all?selected_item_id=", &["Ana"], &[]), None);
        assert_eq!(row("", &[], &[]), None);
        let bare = row("?selected_item_id=7", &[], &["Sparkles"]).unwrap();
        assert_eq!((bare.key.as_str(), bare.customer, bare.channel), ("7", None, None));
    }

    #[test]
    fn query_parameters() {
        assert_eq!(query_parameter("/x?a=1&b=2#b=3", "b"), Some("2"));
        assert_eq!(query_parameter("/x?ab=1&b=2", "b"), Some("2"));
        assert_eq!(query_parameter("/x#?b=2", "b"), None);
        assert_eq!(query_parameter("/x?b", "b"), None);
        assert_eq!(
            query_parameter("https://business.facebook.com/latest/inbox?selected_item_id=9", "selected_item_id"),
            Some("9")
        );
    }
}
