//! "Teach this page": a guided element picker for a page whose markup the profile no
//! longer reads. The agent clicks, in turn, a conversation row, the time in it, the
//! customer's name, one of their messages and the reply box; the core derives strategies
//! from each click and checks them on the page ([`crate::page_profile::teach`]). After the last
//! step the lesson is previewed: the page's coach takes it as the profile in use (through
//! the content script: this runs in the repair module, [`super::repair`]), so the rows get
//! their badges and the draft its context, and a summary says what it reads. Save stores
//! it as the profile override (`chrome.storage.local`, key `profileOverride`, a profile
//! file), which every inbox tab then takes; Cancel (or Escape) puts back the stored one.
//!
//! It never changes the page: while the agent picks, presses, clicks and keys aimed at the
//! page are stopped in the capture phase, before the page's handlers see them (a click on
//! a row would open the conversation, one in the reply box would focus it), and its own UI
//! lives in a shadow root. The preview gives the page back, so a draft can be tried. Keyboard: the arrow keys move the highlight (up to the parent, down to
//! the first child, left and right to the siblings), Enter picks the highlighted element,
//! Escape cancels, Tab reaches the panel's buttons (Skip, Cancel, Save).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent};

use crate::lang::Language;
use crate::page_profile::file::ProfileFile;
use crate::page_profile::teach::{Learnt, Lesson, Step};
use crate::page_profile::{PageNode, PageProfile};
use crate::wasm::js_of;
use crate::web::conversation::{page_clock, page_language};
use crate::web::dom::{self, element, message, message_with, mount, px, Callback};
use crate::web::page;

const HOST_TAG: &str = "reply-coach-teach";
/// The host's tag as `tagName` gives it, to tell our own elements in an event's path.
const HOST_NAME: &str = "REPLY-COACH-TEACH";

const STYLE: &str = ":host{all:initial}section{position:fixed;right:16px;top:16px;z-index:2147483647;\
width:340px;box-sizing:border-box;padding:10px 12px;border:1px solid #c9ccd1;border-radius:8px;\
background:#fff;color:#1c1e21;box-shadow:0 4px 16px rgba(0,0,0,.2);font:13px/1.4 system-ui,sans-serif}\
section:focus{outline:2px solid #0b57d0}h2{margin:0 0 6px;font-size:14px}p{margin:0 0 6px}\
.result{min-height:1.4em;color:#1e6b2e}.result[data-kind=error]{color:#c5221f}.summary{white-space:pre-line}\
.buttons{display:flex;gap:8px;justify-content:flex-end}button{font:inherit;padding:3px 10px;cursor:pointer}\
[hidden]{display:none!important}.mark{position:fixed;z-index:2147483646;pointer-events:none;\
box-sizing:border-box;border:2px solid #0b57d0;background:rgba(11,87,208,.12);border-radius:3px}";

/// Events that would reach the page's handlers from a press or a click: stopped while
/// teaching, so picking an element does nothing to the page.
const PRESSES: [&str; 8] =
    ["pointerdown", "pointerup", "mousedown", "mouseup", "click", "dblclick", "auxclick", "contextmenu"];

/// Takes the lesson as a profile file's JSON for the preview, or `None` when it ends
/// unsaved.
pub type Preview = Box<dyn Fn(Option<&serde_json::Value>)>;

/// A teaching session on one page.
pub struct Teach {
    document: Document,
    /// Hands the lesson, as a profile file, to the page's coach for the preview; `None`
    /// puts the stored profile back.
    on_preview: Preview,
    /// Called once the session is over, to drop it.
    on_end: Box<dyn Fn()>,
    ui: Ui,
    state: RefCell<State>,
    listeners: RefCell<Vec<EventListener>>,
    /// Reports a failed write to storage.
    storage_error: Closure<dyn FnMut(JsValue)>,
}

struct Ui {
    host: Element,
    section: HtmlElement,
    step: HtmlElement,
    result: HtmlElement,
    summary: HtmlElement,
    skip: HtmlElement,
    save: HtmlElement,
    cancel: HtmlElement,
    mark: HtmlElement,
}

#[derive(Default)]
struct State {
    /// The step the agent is on; `Step::ALL.len()` once every step is done.
    step: usize,
    lesson: Lesson,
    /// What a step learnt, for the summary.
    learnt: Vec<Learnt>,
    /// The element the highlight is on.
    highlighted: Option<Element>,
    ended: bool,
}

impl Teach {
    /// Shows the panel and starts picking at the first step.
    pub fn start(document: Document, on_preview: Preview, on_end: Box<dyn Fn()>) -> Result<Rc<Teach>, String> {
        let ui = Ui::create(&document)?;
        let teach = Rc::new(Teach {
            document,
            on_preview,
            on_end,
            ui,
            state: RefCell::new(State::default()),
            listeners: RefCell::new(Vec::new()),
            storage_error: Closure::new(|error| {
                dom::warn(&format!("the taught profile was not saved: {}", dom::describe(error)))
            }),
        });
        teach.listen()?;
        teach.show_step();
        let _ = teach.ui.section.focus();
        Ok(teach)
    }

    fn listen(self: &Rc<Self>) -> Result<(), String> {
        let window = dom::window().ok_or("no window")?;
        let stop = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
        let watch = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
        let mut listeners = self.listeners.borrow_mut();
        for kind in PRESSES {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new_with_options(&window, kind, stop, move |event| {
                let Some(teach) = weak.upgrade_running() else { return };
                if is_ours(event) || teach.previewing() {
                    return;
                }
                event.prevent_default();
                event.stop_immediate_propagation();
                if event.type_() == "click" {
                    if let Some(target) = page_target(event) {
                        // Listeners only schedule: the work runs from a timer.
                        Timeout::new(0, move || teach.pick(&target)).forget();
                    }
                }
            }));
        }
        let weak = Rc::downgrade(self);
        listeners.push(EventListener::new_with_options(&window, "pointermove", watch, move |event| {
            if let (Some(teach), Some(target)) = (weak.upgrade_running(), page_target(event)) {
                if !is_ours(event) && !teach.previewing() {
                    teach.highlight(Some(target));
                }
            }
        }));
        let weak = Rc::downgrade(self);
        listeners.push(EventListener::new_with_options(&window, "scroll", watch, move |_| {
            if let Some(teach) = weak.upgrade_running() {
                teach.place_mark();
            }
        }));
        let weak = Rc::downgrade(self);
        listeners.push(EventListener::new_with_options(&window, "keydown", stop, move |event| {
            if let Some(teach) = weak.upgrade_running() {
                teach.key(event);
            }
        }));
        let buttons = [(&self.ui.skip, Action::Skip), (&self.ui.save, Action::Save), (&self.ui.cancel, Action::Cancel)];
        for (button, action) in buttons {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new(button, "click", move |_| {
                if let Some(teach) = weak.upgrade_running() {
                    Timeout::new(0, move || teach.act(action)).forget();
                }
            }));
        }
        Ok(())
    }

    /// The keyboard: keys aimed at the page never reach it; the arrows, Enter and Escape
    /// drive the picker, and the panel's buttons keep their own keys.
    fn key(self: &Rc<Self>, event: &Event) {
        let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else { return };
        // The preview gives the page back: the agent may try a draft in the reply box.
        if self.previewing() && !is_ours(event) {
            return;
        }
        let on_button = is_ours(event) && self.focused_button();
        let moves = match key.as_str() {
            "Escape" => Some(Move::Cancel),
            "ArrowUp" => Some(Move::Parent),
            "ArrowDown" => Some(Move::Child),
            "ArrowLeft" => Some(Move::Previous),
            "ArrowRight" => Some(Move::Next),
            "Enter" if !on_button => Some(Move::Pick),
            _ => None,
        };
        match moves {
            Some(step) => {
                event.prevent_default();
                event.stop_immediate_propagation();
                let teach = Rc::clone(self);
                Timeout::new(0, move || teach.keyboard(step)).forget();
            }
            // Tab and the buttons' own keys work as usual; anything else would type into the page.
            None if key == "Tab" || is_ours(event) => {}
            None => {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        }
    }

    /// Whether every step is done: the lesson is previewed, and the page is the agent's
    /// again until they save or cancel.
    fn previewing(&self) -> bool {
        self.state.try_borrow().is_ok_and(|state| state.step >= Step::ALL.len())
    }

    fn focused_button(&self) -> bool {
        let active = self.ui.host.shadow_root().and_then(|root| root.active_element());
        active.is_some_and(|element| element.tag_name() == "BUTTON")
    }

    fn keyboard(self: &Rc<Self>, step: Move) {
        let current = self.state.try_borrow().ok().and_then(|state| state.highlighted.clone());
        let Some(current) = current.or_else(|| self.centre_element()) else { return };
        let next = match step {
            Move::Cancel => return self.act(Action::Cancel),
            Move::Pick => return self.pick(&current),
            Move::Parent => current.parent_element().filter(|p| p.tag_name() != "HTML"),
            Move::Child => current.first_element_child(),
            Move::Previous => current.previous_element_sibling(),
            Move::Next => current.next_element_sibling(),
        };
        self.highlight(Some(next.unwrap_or(current)));
    }

    /// Where keyboard picking starts: the element in the middle of the window.
    fn centre_element(&self) -> Option<Element> {
        let window = dom::window()?;
        let width = window.inner_width().ok()?.as_f64()?;
        let height = window.inner_height().ok()?.as_f64()?;
        let found = self.document.element_from_point((width / 2.0) as f32, (height / 2.0) as f32)?;
        (found.tag_name() != HOST_NAME).then_some(found)
    }

    fn highlight(&self, element: Option<Element>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.highlighted = element;
        }
        self.place_mark();
    }

    /// Draws the highlight over the highlighted element.
    fn place_mark(&self) {
        let highlighted = self.state.try_borrow().ok().and_then(|state| state.highlighted.clone());
        let mark = &self.ui.mark;
        let Some(element) = highlighted else {
            mark.set_hidden(true);
            return;
        };
        let rect = element.get_bounding_client_rect();
        let style = mark.style();
        for (name, value) in
            [("left", rect.left()), ("top", rect.top()), ("width", rect.width()), ("height", rect.height())]
        {
            let _ = style.set_property(name, &px(value));
        }
        mark.set_hidden(false);
    }

    /// Learns the current step from `clicked`.
    fn pick(self: &Rc<Self>, clicked: &Element) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        let Some(&step) = Step::ALL.get(state.step) else { return };
        let Some(root) = page::root(&self.document) else { return };
        let clock = page_clock();
        let language = page_language(&self.document);
        match state.lesson.learn(step, clicked, &root, language, &clock) {
            Ok(learnt) => {
                self.show_result(&learnt_text(&learnt), false);
                state.learnt.push(learnt);
                state.step += 1;
            }
            Err(error) => {
                self.show_result(&message(&format!("teachError_{}", error.code().replace('-', "_")), None), true);
                return;
            }
        }
        drop(state);
        self.show_step();
    }

    fn act(self: &Rc<Self>, action: Action) {
        match action {
            Action::Skip => {
                if let Ok(mut state) = self.state.try_borrow_mut() {
                    state.step += 1;
                }
                self.show_result("", false);
                self.show_step();
            }
            Action::Save => self.save(),
            Action::Cancel => {
                if self.previewing() {
                    (self.on_preview)(None);
                }
                self.end();
            }
        }
    }

    /// Shows the current step, or the preview once every step is done.
    fn show_step(self: &Rc<Self>) {
        let step = self.state.try_borrow().map(|state| state.step).unwrap_or(0);
        let total = Step::ALL.len();
        match Step::ALL.get(step) {
            Some(current) => {
                let count = format!("{}", step + 1);
                let of = format!("{total}");
                let text = message_with(step_message(*current), &[&count, &of]);
                self.ui.step.set_text_content(Some(&text));
            }
            None => self.preview(),
        }
    }

    /// Makes the lesson the profile in use and says what it reads now.
    fn preview(self: &Rc<Self>) {
        self.highlight(None);
        self.ui.skip.set_hidden(true);
        let Ok(state) = self.state.try_borrow() else { return };
        if state.learnt.is_empty() {
            drop(state);
            return self.act(Action::Cancel);
        }
        let profile = match state.lesson.profile() {
            Ok(profile) => profile,
            Err(errors) => {
                let reasons = crate::catalogue::Fault::texts(&errors).join("\n");
                dom::warn(&format!("the lesson cannot be used:\n{reasons}"));
                self.show_result(&message("teachError_unusable", None), true);
                return;
            }
        };
        let file = self.file(&state.lesson);
        drop(state);
        let language = page_language(&self.document);
        let summary = page::root(&self.document).map(|root| summary(&profile, &root, language)).unwrap_or_default();
        (self.on_preview)(Some(&file.to_json()));
        self.ui.step.set_text_content(Some(&message("teachPreview", None)));
        self.ui.summary.set_text_content(Some(&summary));
        self.ui.summary.set_hidden(false);
        self.ui.save.set_hidden(false);
        let _ = self.ui.save.focus();
    }

    /// Stores the lesson as the profile override; the content script hands it to every
    /// inbox tab (this one already uses it).
    fn save(self: &Rc<Self>) {
        let Ok(file) = self.state.try_borrow().map(|state| self.file(&state.lesson)) else { return };
        let items = js_sys::Object::new();
        let written = js_sys::Reflect::set(&items, &"profileOverride".into(), &js_of(&file.to_json()));
        let written = written.map_err(dom::describe);
        if let Err(error) = written.and_then(|_| dom::store_locally(&items, &self.storage_error)) {
            dom::warn(&format!("the taught profile was not saved: {error}"));
        }
        self.end();
    }

    /// The lesson as a profile file, saved now on this page's path.
    fn file(&self, lesson: &Lesson) -> ProfileFile {
        let path = self.document.location().and_then(|l| l.pathname().ok());
        let saved = js_sys::Date::new_0().to_iso_string().as_string();
        ProfileFile::new(lesson.parts.clone(), None, saved, path)
    }

    fn show_result(&self, text: &str, error: bool) {
        self.ui.result.set_text_content(Some(text));
        let kind = if error { "error" } else { "ok" };
        let _ = self.ui.result.set_attribute("data-kind", kind);
        let _ = self.ui.result.set_attribute("role", if error { "alert" } else { "status" });
    }

    fn end(&self) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        if std::mem::replace(&mut state.ended, true) {
            return;
        }
        drop(state);
        self.ui.host.remove();
        if let Ok(mut listeners) = self.listeners.try_borrow_mut() {
            listeners.clear();
        }
        (self.on_end)();
    }
}

#[derive(Clone, Copy)]
enum Action {
    Skip,
    Save,
    Cancel,
}

#[derive(Clone, Copy)]
enum Move {
    Cancel,
    Pick,
    Parent,
    Child,
    Previous,
    Next,
}

impl Ui {
    fn create(document: &Document) -> Result<Ui, String> {
        let text = |tag: &str, class: &str, key: &str| -> Result<HtmlElement, String> {
            let made = element(document, tag, class)?;
            if !key.is_empty() {
                made.set_text_content(Some(&message(key, None)));
            }
            Ok(made)
        };
        let section = text("section", "", "")?;
        let title = message("teachTitle", None);
        for (name, value) in [("role", "dialog"), ("aria-label", title.as_str()), ("tabindex", "-1")] {
            section.set_attribute(name, value).map_err(dom::describe)?;
        }
        let heading = text("h2", "", "teachTitle")?;
        let step = text("p", "step", "")?;
        step.set_attribute("aria-live", "polite").map_err(dom::describe)?;
        let keys = text("p", "keys", "teachKeys")?;
        let result = text("p", "result", "")?;
        result.set_attribute("role", "status").map_err(dom::describe)?;
        let summary = text("p", "summary", "")?;
        summary.set_hidden(true);
        let buttons = text("div", "buttons", "")?;
        let skip = text("button", "skip", "teachSkip")?;
        let cancel = text("button", "cancel", "teachCancel")?;
        let save = text("button", "save", "teachSave")?;
        save.set_hidden(true);
        for button in [&skip, &cancel, &save] {
            button.set_attribute("type", "button").map_err(dom::describe)?;
        }
        dom::append(&buttons, &[&skip, &cancel, &save])?;
        dom::append(&section, &[&heading, &step, &keys, &result, &summary, &buttons])?;
        let mark = text("div", "mark", "")?;
        mark.set_hidden(true);
        let host = mount(document, HOST_TAG, STYLE, &[&section, &mark])?;
        Ok(Ui { host, section, step, result, summary, skip, save, cancel, mark })
    }
}

/// Whether the event comes from the picker's own panel.
fn is_ours(event: &Event) -> bool {
    event
        .composed_path()
        .iter()
        .any(|target| target.dyn_ref::<Element>().is_some_and(|element| element.tag_name() == HOST_NAME))
}

/// The page element an event is aimed at (not our panel's host).
fn page_target(event: &Event) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    (target.tag_name() != HOST_NAME).then_some(target)
}

fn step_message(step: Step) -> &'static str {
    match step {
        Step::Row => "teachStepRow",
        Step::RowTime => "teachStepTime",
        Step::CustomerName => "teachStepName",
        Step::CustomerMessage => "teachStepMessage",
        Step::ReplyBox => "teachStepReplyBox",
    }
}

fn learnt_text(learnt: &Learnt) -> String {
    match learnt {
        Learnt::Rows { rows } => message("teachLearntRows", Some(&rows.to_string())),
        Learnt::Times { parsed, rows } => message_with("teachLearntTimes", &[&parsed.to_string(), &rows.to_string()]),
        Learnt::Name => message("teachLearntName", None),
        Learnt::Message => message("teachLearntMessage", None),
        Learnt::ReplyBox => message("teachLearntReplyBox", None),
    }
}

/// What the profile reads on the page now, one line a part (counts only).
fn summary<N: PageNode>(profile: &PageProfile, root: &N, language: Option<Language>) -> String {
    let clock = page_clock();
    let rows = profile.rows(root).elements;
    let timed = rows.iter().filter(|row| profile.read_row(*row).time(language, &clock).is_some()).count();
    let conversation = profile.read_conversation(root, language, &clock);
    let yes_no = |found: bool| if found { "✓" } else { "✗" };
    let lines = [
        message_with("teachSummaryRows", &[&rows.len().to_string(), &timed.to_string()]),
        message_with("teachSummaryName", &[yes_no(conversation.customer.is_some())]),
        message_with("teachSummaryMessage", &[yes_no(conversation.last_customer.is_some())]),
        message_with("teachSummaryReplyBox", &[yes_no(profile.reply_box(root, None).is_some())]),
    ];
    lines.join("\n")
}
