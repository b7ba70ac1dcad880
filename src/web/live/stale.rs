//! The stale-draft line's behaviour (the decision is `crate::stale`): each inbox scan hands
//! over the open conversation's reading, folded with whether a draft is open; focus coming
//! back to the reply box, or the card's Seen button, marks the news seen. The draft is
//! never touched.

use std::rc::Rc;

use super::{Live, State};
use crate::stale::Reading;
use crate::web::dom::message_with;

/// The open conversation as a scan read it.
pub struct OpenReading {
    /// The thread's id in the page's address, else its customer's name.
    pub thread: Option<String>,
    pub customer: Option<String>,
    /// The customer's messages after the Page's last one.
    pub customer_run: usize,
}

impl Live {
    /// A scan read the open conversation: the line follows (and its minutes with the
    /// scan at each whole minute).
    pub fn conversation_read(self: &Rc<Self>, open: OpenReading) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        let draft_open = state.last.as_ref().is_some_and(|last| !last.text.trim().is_empty());
        let reading = Reading {
            thread: open.thread.as_deref(),
            customer: open.customer.as_deref(),
            customer_run: open.customer_run,
            draft_open,
            now_ms: js_sys::Date::now() as i64,
        };
        state.stale.read(&reading);
        show_stale(&state);
    }

    /// The agent saw the news: the Seen button, or (`only_in_reply_box`) focus coming
    /// back to the reply box.
    pub(super) fn stale_seen(&self, only_in_reply_box: bool) {
        if only_in_reply_box && self.focused_reply_box().is_none() {
            return;
        }
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        if state.stale.seen() {
            show_stale(&state);
        }
    }
}

/// Shows the line on the card, or hides it.
pub(super) fn show_stale(state: &State) {
    let Some(card) = &state.card else { return };
    let line = state.stale.line(js_sys::Date::now() as i64).map(|line| match line.minutes {
        0 => message_with("staleDraftNow", &[&line.first_name]),
        minutes => message_with("staleDraftAgo", &[&line.first_name, &minutes.to_string()]),
    });
    card.set_stale(line.as_deref());
}
