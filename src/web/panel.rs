//! The "Expiring soonest" panel: the threads awaiting a reply (the customer wrote last),
//! the least time left first (the first ten), each a button that opens its conversation.
//!
//! Like the card, it lives in an open shadow root (under `<reply-coach-panel>`), so the
//! page's styles do not reach it, and every text is set with `textContent`. Rebuilt only
//! when what it lists changed.

use web_sys::{Document, Element, HtmlElement};

use crate::web::dom::{self, element, message, mount};

const STYLE: &str = ":host{all:initial}section{position:fixed;left:12px;bottom:12px;z-index:2147483645;\
width:300px;max-height:35vh;overflow:auto;box-sizing:border-box;padding:6px 8px;border:1px solid #c9ccd1;\
border-radius:8px;background:#fff;color:#1c1e21;box-shadow:0 4px 16px rgba(0,0,0,.15);\
font:13px/1.4 system-ui,sans-serif}[hidden]{display:none!important}h2{margin:0 0 4px;font-size:13px}\
ol{margin:0;padding:0;list-style:none}li{display:flex;gap:8px;justify-content:space-between;padding:2px 0}\
button{all:unset;cursor:pointer;color:#0b57d0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\
button:hover,button:focus-visible{text-decoration:underline}.left{white-space:nowrap;color:#65676b}\
[data-rc-window=last-hour] .left{color:#c5221f;font-weight:600}[data-rc-window=closing] .left{color:#9a5b00}";

/// How many threads the panel lists at most: the ones to answer first.
const SHOWN: usize = 10;

/// One thread awaiting a reply.
pub struct Entry {
    pub key: String,
    pub customer: String,
    /// The state's name (`data-rc-window`).
    pub state: &'static str,
    /// The badge text.
    pub left: String,
    pub ms_left: i64,
}

pub struct Panel {
    host: Element,
    section: HtmlElement,
    list: HtmlElement,
    /// What the list shows, to rebuild it only when that changes.
    shown: String,
}

impl Panel {
    pub fn create(document: &Document) -> Result<Panel, String> {
        let title = message("panelTitle", None);
        let section = element(document, "section", "")?;
        section.set_attribute("aria-label", &title).map_err(dom::describe)?;
        section.set_hidden(true);
        let heading = element(document, "h2", "")?;
        heading.set_text_content(Some(&title));
        let list = element(document, "ol", "")?;
        section.append_child(&heading).map_err(dom::describe)?;
        section.append_child(&list).map_err(dom::describe)?;
        let host = mount(document, "reply-coach-panel", STYLE, &[&section])?;
        Ok(Panel { host, section, list, shown: String::new() })
    }

    pub fn host(&self) -> &Element {
        &self.host
    }

    /// Shows `entries`, the least time left first; hidden when there are none.
    pub fn show(&mut self, document: &Document, unsorted: Vec<Entry>) -> Result<(), String> {
        // Insertion by binary search: a handful of entries, and none of the slice sorts'
        // kilobytes of code in the Wasm.
        let mut entries: Vec<Entry> = Vec::with_capacity(unsorted.len());
        for entry in unsorted {
            let at = entries.partition_point(|e| (e.ms_left, &e.key) <= (entry.ms_left, &entry.key));
            entries.insert(at, entry);
        }
        entries.truncate(SHOWN);
        let mut shown = String::new();
        for entry in &entries {
            for part in [&entry.key, &entry.customer, entry.state, &entry.left] {
                shown.push_str(part);
                shown.push('\n');
            }
        }
        if shown == self.shown {
            return Ok(());
        }
        self.list.set_text_content(None);
        for entry in &entries {
            let item = element(document, "li", "")?;
            item.set_attribute("data-rc-window", entry.state).map_err(dom::describe)?;
            let open = element(document, "button", "")?;
            open.set_attribute("type", "button").map_err(dom::describe)?;
            open.set_attribute("data-thread", &entry.key).map_err(dom::describe)?;
            open.set_text_content(Some(&entry.customer));
            let left = element(document, "span", "left")?;
            left.set_text_content(Some(&entry.left));
            item.append_child(&open).map_err(dom::describe)?;
            item.append_child(&left).map_err(dom::describe)?;
            self.list.append_child(&item).map_err(dom::describe)?;
        }
        self.section.set_hidden(entries.is_empty());
        self.shown = shown;
        Ok(())
    }
}
