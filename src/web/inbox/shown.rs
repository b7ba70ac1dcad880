//! "Expiring soonest" and the open conversation's banner, as each scan leaves them: created
//! once a list is recognised (again, if the page removed them), hidden when it is not, the
//! panel's buttons opening their thread as a click on its row does.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::catalogue::{self, Locale};
use crate::clock::WindowState;
use crate::inbox_view::banner_line;
use crate::page_profile::page::text_blocks;
use crate::threads::Awaiting;
use crate::web::banner::Banner;
use crate::web::dom::{message, Callback};
use crate::web::inbox::Inbox;
use crate::web::panel::Panel;

/// The panel and the banner, and the window's resize listener (a new layout, a new scan).
#[derive(Default)]
pub struct Shown {
    /// The panel, its click listener and its order's change listener.
    panel: Option<(Panel, [EventListener; 2])>,
    /// The UI language the panel was labelled in: in another, it is made anew.
    panel_language: Option<Locale>,
    banner: Option<Banner>,
    pub resize: Option<EventListener>,
}

impl Inbox {
    pub(super) fn hide_panel_and_banner(&self) {
        let Ok(mut shown) = self.shown.try_borrow_mut() else { return };
        if let Some((panel, _)) = shown.panel.as_mut() {
            let _ = panel.show(&self.document, Vec::new());
        }
        if let Some(banner) = &shown.banner {
            banner.hide();
        }
    }

    /// Shows the open thread's window above its reply box; hidden when there is none, or
    /// it answers a comment (no messaging window).
    pub(super) fn show_banner(
        &self,
        open: Option<(WindowState, String)>,
        composer: Option<Element>,
    ) -> Result<(), String> {
        let mut shown = self.shown.try_borrow_mut().map_err(|_| "banner busy")?;
        if !shown.banner.as_ref().is_some_and(Banner::is_connected) {
            shown.banner = Some(Banner::create(&self.document)?);
        }
        let Some(banner) = shown.banner.as_ref() else { return Ok(()) };
        let comment = composer.as_ref().map(|c| self.profile.get().is_comment_box(c));
        match (banner_line(open.as_ref(), comment), composer) {
            (Some((state, text)), Some(composer)) => {
                banner.show(state, &message("bannerWindow", Some(text)), &composer.get_bounding_client_rect());
            }
            _ => banner.hide(),
        }
        Ok(())
    }

    /// Shows the threads awaiting a reply in the panel, creating it (again, if the page
    /// removed it) first.
    pub(super) fn show_panel(self: &Rc<Self>, awaiting: Vec<Awaiting>) -> Result<(), String> {
        let mut shown = self.shown.try_borrow_mut().map_err(|_| "panel busy")?;
        let language = Some(catalogue::ui_language());
        if shown.panel_language != language
            || !shown.panel.as_ref().is_some_and(|(panel, _)| panel.host().is_connected())
        {
            shown.panel_language = language;
            if let Some((old, _)) = shown.panel.take() {
                old.host().remove();
            }
            let panel = Panel::create(&self.document)?;
            let root = panel.host().shadow_root().ok_or("no shadow root")?;
            let weak = Rc::downgrade(self);
            let listener = EventListener::new(&root, "click", move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
                let button = target.and_then(|t| t.closest("button[data-thread]").ok()?);
                let (Some(key), Some(inbox)) =
                    (button.and_then(|b| b.get_attribute("data-thread")), weak.upgrade_running())
                else {
                    return;
                };
                // Listeners only schedule: the page's own click handler runs from the timer.
                Timeout::new(0, move || inbox.open(&key)).forget();
            });
            // A new order: the next scan shows the list in it.
            let weak = Rc::downgrade(self);
            let reorder = EventListener::new(&root, "change", move |_| {
                if let Some(inbox) = weak.upgrade_running() {
                    inbox.schedule(0);
                }
            });
            shown.panel = Some((panel, [listener, reorder]));
        }
        match shown.panel.as_mut() {
            Some((panel, _)) => panel.show(&self.document, awaiting),
            None => Ok(()),
        }
    }

    /// Opens thread `key` as clicking its row does (on the row's name, so the click
    /// reaches the page's handler wherever in the row it listens); nothing when its row is
    /// not shown.
    fn open(&self, key: &str) {
        let row = self.state.try_borrow().ok().and_then(|state| state.row_of(key));
        let Some(row) = row else { return };
        let name = text_blocks(&row, &self.profile.get().row_skip).into_iter().next().map(|(element, _)| element);
        if let Ok(target) = name.unwrap_or(row).dyn_into::<HtmlElement>() {
            target.click();
        }
    }
}
