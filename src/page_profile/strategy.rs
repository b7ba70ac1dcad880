//! One strategy of the profile: where to look (a CSS selector, or a structural rule) and
//! what to read there (text, an attribute, a time, a structural text block). A part of
//! the page (a row's name, its time, the conversation's messages) is an ordered list of
//! them; the part's reader tries them in turn.
//!
//! Strategies are data (`inbox.json`, format in `README.md` beside it); their meaning is
//! here and in the readers, tested natively over HTML pages.

use serde_json::Value;

use super::page::{text_blocks, PageNode};
use super::{fault, list_of, one_of};
use crate::catalogue::{Fault, Message};
use crate::text::json::{got, object, shown};

/// What a strategy reads from the elements it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The reads by their names in the profile.
const READS: [(&str, Read); 8] = [
    ("text", Read::Text),
    ("attr", Read::Attr),
    ("stamp", Read::Stamp),
    ("epochSeconds", Read::EpochSeconds),
    ("present", Read::Present),
    ("block", Read::Block),
    ("boldName", Read::BoldName),
    ("separator", Read::Separator),
];

/// The keys of a strategy object.
const KEYS: [&str; 5] = ["css", "read", "attr", "index", "pick"];

impl Probe {
    /// Reads a strategy object: `{"css", "read", "attr", "index" | "pick"}`. The fault's
    /// path is the key at fault, none for the object as a whole.
    pub fn from_json(value: &Value) -> Result<Probe, Fault> {
        let object = object(value, "", &KEYS)?;
        let string = |key: &'static str| match object.get(key) {
            None => Ok(None),
            Some(Value::String(text)) if !text.is_empty() => Ok(Some(text.as_str())),
            Some(other) => Err(Fault::at(key, got("profile.non-empty-text", other))),
        };
        let read = match string("read")? {
            None => Read::Text,
            Some(name) => match READS.iter().find(|(known, _)| *known == name) {
                Some((_, read)) => *read,
                None => return Err(one_of("read", &READS.map(|(name, _)| name), &object["read"])),
            },
        };
        let css = string("css")?.map(str::to_string);
        let attr = string("attr")?.map(str::to_string);
        if matches!(read, Read::Block | Read::BoldName | Read::Separator) {
            if css.is_some() {
                return Err(Fault::at(
                    "css",
                    Message::new("profile.not-with").text("with", format!("\"read\": {}", shown(&object["read"]))),
                ));
            }
        } else if css.is_none() {
            return Err(fault("css", "library.missing"));
        }
        if matches!(read, Read::Attr | Read::EpochSeconds) && attr.is_none() {
            return Err(fault("attr", "library.missing"));
        }
        let index = match (object.get("index"), string("pick")?) {
            (Some(index), None) => index
                .as_u64()
                .and_then(|i| usize::try_from(i).ok())
                .ok_or_else(|| Fault::at("index", got("profile.index", index)))?,
            (None, None | Some("first")) => 0,
            (None, Some("second")) => 1,
            (None, Some(_)) => return Err(one_of("pick", &["first", "second"], &object["pick"])),
            (Some(_), Some(_)) => {
                return Err(Fault::at("pick", Message::new("profile.not-with").text("with", "\"index\"")))
            }
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

/// Reads a list of strategies; a fault's path starts at the strategy's index (`[1].read`).
pub fn probes(value: &Value) -> Result<Vec<Probe>, Fault> {
    list_of(value, Probe::from_json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{render, Locale};
    use crate::page_profile::html::HtmlPage;
    use serde_json::json;

    #[test]
    fn strategies_are_read_strictly() {
        let probe = Probe::from_json(&json!({"css": "abbr", "read": "epochSeconds", "attr": "data-utime"})).unwrap();
        assert_eq!(probe.read, Read::EpochSeconds);
        assert_eq!(Probe::from_json(&json!({"read": "block", "index": 1})).unwrap().index, 1);
        assert_eq!(Probe::from_json(&json!({"css": "b", "pick": "second"})).unwrap().index, 1);
        let reads = "text, attr, stamp, epochSeconds, present, block, boldName, separator";
        for (bad, why) in [
            (
                json!({"css": "a", "red": "text"}),
                "unknown field red; known fields: css, read, attr, index, pick".to_string(),
            ),
            (json!({"css": "a", "read": "colour"}), format!("read: must be one of {reads}, not \"colour\"")),
            (json!({"read": "text"}), "css: missing".into()),
            (json!({"css": "a", "read": "block"}), "css: not allowed together with \"read\": \"block\"".into()),
            (json!({"css": "a", "read": "attr"}), "attr: missing".into()),
            (json!({"css": ""}), "css: must be non-empty text, not \"\"".into()),
            (json!({"css": "a", "pick": "third"}), "pick: must be one of first, second, not \"third\"".into()),
            (json!({"css": "a", "index": 1, "pick": "first"}), "pick: not allowed together with \"index\"".into()),
            (json!({"css": "a", "index": -1}), "index: must be a whole number, 0 or more, not -1".into()),
            (json!("a"), "must be an object, not \"a\"".into()),
        ] {
            assert_eq!(Probe::from_json(&bad).unwrap_err().to_string(), why, "{bad}");
        }
        assert_eq!(
            probes(&json!([{"css": "a"}, {"css": 1}])).unwrap_err().to_string(),
            "[1].css: must be non-empty text, not 1"
        );
        assert_eq!(probes(&json!({"css": "a"})).unwrap_err().to_string(), "must be a list, not {\"css\":\"a\"}");
    }

    /// A strategy's fault is a message of the catalogue with the path of the key at fault:
    /// the path stays as the file writes it, the text is the UI language's.
    #[test]
    fn a_strategys_fault_is_the_catalogues_text_with_its_path() {
        let faults = crate::page_profile::file::ProfileFile::read(&json!({"replyCoachProfile": 1,
            "parts": {"rowTime": [{"css": "b", "read": "when"}], "rowName": [{"css": "b", "pick": "third"}]}}))
        .unwrap_err();
        let fields: Vec<_> = faults.iter().map(|fault| fault.field().unwrap_or_default()).collect();
        assert_eq!(fields, ["parts.rowName[0].pick", "parts.rowTime[0].read"]);
        let texts = |locale| faults.iter().map(|fault| render(&fault.message, locale)).collect::<Vec<_>>();
        assert_eq!(
            texts(Locale::En),
            [
                "must be one of first, second, not \"third\"",
                "must be one of text, attr, stamp, epochSeconds, present, block, boldName, separator, not \"when\""
            ]
        );
        assert_eq!(
            texts(Locale::Ro),
            [
                "trebuie să fie una dintre valorile first, second, nu \"third\"",
                "trebuie să fie una dintre valorile text, attr, stamp, epochSeconds, present, block, boldName, separator, nu \"when\""
            ]
        );
        let not_with = Probe::from_json(&json!({"css": "a", "read": "separator"})).unwrap_err();
        assert_eq!(render(&not_with.message, Locale::Hy), "չի թույլատրվում, երբ նշված է նաև \"read\": \"separator\"");
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
