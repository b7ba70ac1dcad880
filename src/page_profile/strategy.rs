//! One strategy of the profile: where to look (a CSS selector, or a structural rule) and
//! what to read there (text, an attribute, a time, a structural text block). A part of
//! the page (a row's name, its time, the conversation's messages) is an ordered list of
//! them; the part's reader tries them in turn.
//!
//! Strategies are data (`inbox.json`, format in `README.md` beside it); their meaning is
//! here and in the readers, tested natively over HTML pages.

use serde_json::Value;

use super::page::{text_blocks, PageNode};

/// What a strategy reads from the elements it finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// The element's text, trimmed.
    Text,
    /// An attribute's value (`attr`).
    Attr,
    /// A time stamp: `attr`'s value, or the text without `attr`, read by the clock's
    /// timestamp parser.
    Stamp,
    /// A time in epoch seconds (`attr`; `data-utime="1774717339.408"`).
    EpochSeconds,
    /// Whether anything matches.
    Present,
    /// The `index`th block of text of the element being read (see [`text_blocks`]): a
    /// list row's first block is its title, the second its snippet.
    Block,
    /// Whether the row's name is drawn bold (an unread thread, where no label says so).
    BoldName,
    /// The time of the date separator before a message (the real inbox stamps groups of
    /// messages, not each one).
    Separator,
}

/// A strategy: `css` finds the elements (inside the element being read; none for the
/// structural reads), `read` says what to take from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub css: Option<String>,
    pub read: Read,
    pub attr: Option<String>,
    /// Which match or block: 0 the first (the default), 1 the second.
    pub index: usize,
}

impl Probe {
    /// Reads a strategy object: `{"css", "read", "attr", "index" | "pick"}`.
    pub fn from_json(value: &Value) -> Result<Probe, String> {
        let object = value.as_object().ok_or("a strategy must be an object")?;
        for key in object.keys() {
            if !["css", "read", "attr", "index", "pick"].contains(&key.as_str()) {
                return Err(format!("unknown key {key:?}"));
            }
        }
        let string = |key: &str| match object.get(key) {
            None => Ok(None),
            Some(Value::String(text)) if !text.is_empty() => Ok(Some(text.clone())),
            Some(_) => Err(format!("{key} must be a non-empty string")),
        };
        let read = match string("read")?.as_deref() {
            None | Some("text") => Read::Text,
            Some("attr") => Read::Attr,
            Some("stamp") => Read::Stamp,
            Some("epochSeconds") => Read::EpochSeconds,
            Some("present") => Read::Present,
            Some("block") => Read::Block,
            Some("boldName") => Read::BoldName,
            Some("separator") => Read::Separator,
            Some(other) => return Err(format!("unknown read {other:?}")),
        };
        let css = string("css")?;
        let attr = string("attr")?;
        let structural = matches!(read, Read::Block | Read::BoldName | Read::Separator);
        if css.is_none() != structural {
            return Err(if structural { "a structural read takes no css" } else { "css is missing" }.to_string());
        }
        if matches!(read, Read::Attr | Read::EpochSeconds) && attr.is_none() {
            return Err("attr is missing".to_string());
        }
        let index = match (object.get("index"), string("pick")?.as_deref()) {
            (Some(index), None) => {
                index.as_u64().and_then(|i| usize::try_from(i).ok()).ok_or("index must be a number")?
            }
            (None, None | Some("first")) => 0,
            (None, Some("second")) => 1,
            (None, Some(other)) => return Err(format!("unknown pick {other:?}")),
            (Some(_), Some(_)) => return Err("index and pick together".to_string()),
        };
        Ok(Probe { css, read, attr, index })
    }

    /// The values this strategy finds in `node`, each with the element it came from, in
    /// document order (a structural read gives at most one). `skip`: what text blocks
    /// leave out.
    pub fn values<N: PageNode>(&self, node: &N, skip: &str) -> Vec<(N, String)> {
        let Some(css) = &self.css else {
            return match self.read {
                Read::Block => text_blocks(node, skip).into_iter().nth(self.index).into_iter().collect(),
                _ => Vec::new(),
            };
        };
        let found = node.query_all(css).into_iter().skip(self.index);
        let value = |element: &N| match (&self.read, &self.attr) {
            (Read::Present, _) => Some(String::new()),
            (Read::Text, _) | (Read::Stamp, None) => {
                let text = element.text();
                let text = text.trim();
                (!text.is_empty()).then(|| text.to_string())
            }
            (_, Some(attr)) => element.attr(attr),
            (_, None) => None,
        };
        found.filter_map(|element| Some((element.clone(), value(&element)?))).collect()
    }

    /// The first value this strategy finds in `node`.
    pub fn first<N: PageNode>(&self, node: &N, skip: &str) -> Option<(N, String)> {
        self.values(node, skip).into_iter().next()
    }
}

/// Reads a list of strategies.
pub fn probes(value: &Value) -> Result<Vec<Probe>, String> {
    let list = value.as_array().ok_or("must be a list of strategies")?;
    list.iter()
        .enumerate()
        .map(|(i, item)| Probe::from_json(item).map_err(|e| format!("strategy {}: {e}", i + 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_profile::html::HtmlPage;
    use serde_json::json;

    #[test]
    fn strategies_are_read_strictly() {
        let probe = Probe::from_json(&json!({"css": "abbr", "read": "epochSeconds", "attr": "data-utime"})).unwrap();
        assert_eq!(probe.read, Read::EpochSeconds);
        assert_eq!(Probe::from_json(&json!({"read": "block", "index": 1})).unwrap().index, 1);
        assert_eq!(Probe::from_json(&json!({"css": "b", "pick": "second"})).unwrap().index, 1);
        for (bad, why) in [
            (json!({"css": "a", "red": "text"}), "unknown key \"red\""),
            (json!({"css": "a", "read": "colour"}), "unknown read \"colour\""),
            (json!({"read": "text"}), "css is missing"),
            (json!({"css": "a", "read": "block"}), "a structural read takes no css"),
            (json!({"css": "a", "read": "attr"}), "attr is missing"),
            (json!({"css": ""}), "css must be a non-empty string"),
            (json!({"css": "a", "pick": "third"}), "unknown pick \"third\""),
            (json!("a"), "a strategy must be an object"),
        ] {
            assert_eq!(Probe::from_json(&bad).unwrap_err(), why, "{bad}");
        }
        assert_eq!(
            probes(&json!([{"css": "a"}, {"css": 1}])).unwrap_err(),
            "strategy 2: css must be a non-empty string"
        );
    }

    #[test]
    fn each_read_takes_its_value() {
        let page = HtmlPage::parse(
            r#"<div id=row><b dir=auto> Ana </b><span dir=auto>You: hi</span>
               <abbr data-utime="1774717339.408" title="Sunday">Sun</abbr><svg></svg></div>"#,
        );
        let row = page.root().query("#row").unwrap();
        let read = |strategy: Value| {
            Probe::from_json(&strategy).unwrap().values(&row, "abbr").into_iter().map(|(_, v)| v).collect::<Vec<_>>()
        };
        assert_eq!(read(json!({"css": "[dir=auto]"})), ["Ana", "You: hi"]);
        assert_eq!(read(json!({"css": "[dir=auto]", "pick": "second"})), ["You: hi"]);
        assert_eq!(read(json!({"css": "abbr", "read": "attr", "attr": "title"})), ["Sunday"]);
        assert_eq!(read(json!({"css": "abbr", "read": "stamp"})), ["Sun"]);
        assert_eq!(read(json!({"css": "svg", "read": "present"})), [""]);
        assert_eq!(read(json!({"css": "img", "read": "present"})), Vec::<String>::new());
        assert_eq!(read(json!({"read": "block", "index": 1})), ["You: hi"]);
        assert_eq!(read(json!({"read": "block", "index": 2})), Vec::<String>::new(), "the time is skipped");
        let first = |strategy: Value| Probe::from_json(&strategy).unwrap().first(&row, "abbr").map(|(_, v)| v);
        assert_eq!(
            first(json!({"css": "abbr", "read": "epochSeconds", "attr": "data-utime"})).unwrap(),
            "1774717339.408"
        );
        assert_eq!(first(json!({"css": "abbr, b", "read": "attr", "attr": "title"})).unwrap(), "Sunday");
        assert_eq!(first(json!({"css": "b", "read": "attr", "attr": "title"})), None);
    }
}
