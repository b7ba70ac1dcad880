//! The banner above the open conversation's composer: its reply window's state and time
//! left, from the same reading of the conversation the linter's context comes from (so
//! what the banner says and what `promo-outside-window` and `window-closed` decide agree).
//!
//! An open shadow root under `<reply-coach-banner>`, text set with `textContent`, placed
//! by numbers we computed from the composer's position.

use web_sys::{Document, DomRect, Element, HtmlElement};

use crate::web::dom::{self, element, mount};

const STYLE: &str = ":host{all:initial}p{position:fixed;z-index:2147483645;margin:0;padding:1px 8px;\
border-radius:9px;font:600 12px/18px system-ui,sans-serif;white-space:nowrap;color:#0b5d1e;background:#dff3e4}\
[hidden]{display:none!important}[data-rc-window=closing]{color:#7a4a00;background:#fff0c2}\
[data-rc-window=last-hour]{color:#fff;background:#c5221f}[data-rc-window=human-agent]{color:#4a2a8a;background:#ece4fb}\
[data-rc-window=closed]{color:#fff;background:#65676b}[data-rc-window=unknown]{color:#65676b;background:#f0f2f5}";

pub struct Banner {
    host: Element,
    line: HtmlElement,
}

impl Banner {
    pub fn create(document: &Document) -> Result<Banner, String> {
        let line = element(document, "p", "")?;
        line.set_attribute("role", "status").map_err(dom::describe)?;
        line.set_hidden(true);
        let host = mount(document, "reply-coach-banner", STYLE, &[&line])?;
        Ok(Banner { host, line })
    }

    pub fn is_connected(&self) -> bool {
        self.host.is_connected()
    }

    /// Shows `text` for `state` just above the composer's left edge.
    pub fn show(&self, state: &str, text: &str, composer: &DomRect) {
        if self.line.get_attribute("data-rc-window").as_deref() != Some(state) {
            let _ = self.line.set_attribute("data-rc-window", state);
        }
        if self.line.text_content().as_deref() != Some(text) {
            self.line.set_text_content(Some(text));
        }
        let style = self.line.style();
        let _ = style.set_property("top", &dom::px((composer.top() - 22.0).max(0.0)));
        let _ = style.set_property("left", &dom::px(composer.left().max(0.0)));
        self.line.set_hidden(false);
    }

    pub fn hide(&self) {
        self.line.set_hidden(true);
    }
}
