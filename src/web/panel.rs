//! The "Expiring soonest" panel: the threads awaiting a reply (the customer wrote last),
//! the least time left first or, as the agent chooses in it, the longest wait first (the
//! first ten), each a button that opens its conversation.
//!
//! Like the card, it lives in an open shadow root (under `<reply-coach-panel>`), so the
//! page's styles do not reach it, and every text is set with `textContent`. What it lists,
//! in which order, is [`crate::inbox_view::panel_entries`]'s to decide; rebuilt only when
//! that changed. The order is a `<select>` (keyboard usable as the browser
//! makes it), read at each showing; its change schedules a scan (`web::inbox`).

use web_sys::{Document, Element, HtmlElement};

use crate::inbox_view::{panel_entries, PanelEntry};
use crate::threads::{Awaiting, PanelOrder};
use crate::web::dom::{self, element, message, mount};

const STYLE: &str = ":host{all:initial}section{position:fixed;left:12px;bottom:12px;z-index:2147483645;\
width:300px;max-height:35vh;overflow:auto;box-sizing:border-box;padding:6px 8px;border:1px solid #c9ccd1;\
border-radius:8px;background:#fff;color:#1c1e21;box-shadow:0 4px 16px rgba(0,0,0,.15);\
font:13px/1.4 system-ui,sans-serif}[hidden]{display:none!important}h2{margin:0 0 4px;font-size:13px}\
label{display:block;margin:0 0 4px;color:#65676b;font-size:12px}select{font:inherit;margin-left:4px}\
ol{margin:0;padding:0;list-style:none}li{display:flex;gap:8px;justify-content:space-between;padding:2px 0}\
button{all:unset;cursor:pointer;color:#0b57d0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\
button:hover,button:focus-visible{text-decoration:underline}.left,.wait{white-space:nowrap;color:#65676b}\
[data-rc-window=last-hour] .left{color:#c5221f;font-weight:600}[data-rc-window=closing] .left{color:#9a5b00}\
[data-rc-waiting=amber] .wait{color:#9a5b00;font-weight:600}[data-rc-waiting=red] .wait{color:#c5221f;font-weight:600}";

/// The `<select>`'s values.
const BY_LEFT: &str = "left";
const BY_WAITING: &str = "waiting";

pub struct Panel {
    host: Element,
    section: HtmlElement,
    /// The order's `<select>`.
    order: HtmlElement,
    list: HtmlElement,
    /// What the list shows, to rebuild it only when that changes.
    shown: Option<(PanelOrder, Vec<PanelEntry>)>,
}

impl Panel {
    pub fn create(document: &Document) -> Result<Panel, String> {
        let title = message("panelTitle", None);
        let section = element(document, "section", "")?;
        section.set_attribute("aria-label", &title).map_err(dom::describe)?;
        section.set_hidden(true);
        let heading = element(document, "h2", "")?;
        heading.set_text_content(Some(&title));
        let label = element(document, "label", "")?;
        label.set_text_content(Some(&message("panelOrder", None)));
        let order = element(document, "select", "")?;
        for (value, name) in [(BY_LEFT, "panelOrderLeft"), (BY_WAITING, "panelOrderWaiting")] {
            let option = element(document, "option", "")?;
            option.set_attribute("value", value).map_err(dom::describe)?;
            option.set_text_content(Some(&message(name, None)));
            order.append_child(&option).map_err(dom::describe)?;
        }
        label.append_child(&order).map_err(dom::describe)?;
        let list = element(document, "ol", "")?;
        dom::append(&section, &[&heading, &label, &list])?;
        let host = mount(document, "reply-coach-panel", STYLE, &[&section])?;
        Ok(Panel { host, section, order, list, shown: None })
    }

    pub fn host(&self) -> &Element {
        &self.host
    }

    /// The order the agent chose (the select's `value`, read without web-sys's
    /// `HtmlSelectElement` for one property).
    fn order(&self) -> PanelOrder {
        let value = js_sys::Reflect::get(&self.order, &"value".into()).ok().and_then(|v| v.as_string());
        if value.as_deref() == Some(BY_WAITING) {
            PanelOrder::Waiting
        } else {
            PanelOrder::TimeLeft
        }
    }

    /// Shows the threads awaiting a reply in the chosen order; hidden when there are none.
    pub fn show(&mut self, document: &Document, awaiting: Vec<Awaiting>) -> Result<(), String> {
        let order = self.order();
        let entries = panel_entries(awaiting, order);
        if self.shown.as_ref().is_some_and(|(o, e)| *o == order && *e == entries) {
            return Ok(());
        }
        self.list.set_text_content(None);
        let class = if order == PanelOrder::Waiting { "wait" } else { "left" };
        for entry in &entries {
            let item = element(document, "li", "")?;
            item.set_attribute("data-rc-window", entry.state).map_err(dom::describe)?;
            if let Some(level) = entry.waiting {
                item.set_attribute("data-rc-waiting", level).map_err(dom::describe)?;
            }
            let open = element(document, "button", "")?;
            open.set_attribute("type", "button").map_err(dom::describe)?;
            open.set_attribute("data-thread", &entry.key).map_err(dom::describe)?;
            open.set_text_content(Some(&entry.customer));
            let left = element(document, "span", class)?;
            left.set_text_content(Some(&entry.text));
            dom::append(&item, &[&open, &left])?;
            self.list.append_child(&item).map_err(dom::describe)?;
        }
        self.section.set_hidden(entries.is_empty());
        self.shown = Some((order, entries));
        Ok(())
    }
}
