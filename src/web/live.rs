//! Live linting: follows the composer the agent types in, lints its draft as they type,
//! shows the findings (card and underlines), and applies a fix when asked; and the
//! template picker by the same composer ([`templates`]).
//!
//! Event listeners only schedule work (a debounce timer); the work runs from the timer,
//! never inside a listener, so our own DOM changes (a fix typing into the composer,
//! which fires input events synchronously) cannot re-enter it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, KeyboardEvent, ResizeObserver};

use crate::catalogue::{self, Locale};
use crate::context::{LintContext, StoredSettings};
use crate::finding::{apply_edits, caret_after, merge_edits, Edit, Finding};
use crate::ignore::Ignored;
use crate::page_profile::health::Part;
use crate::web::active::ActiveProfile;
use crate::web::card::{Card, Clicked, View};
use crate::web::composer::{Composer, Snapshot};
use crate::web::conversation;
use crate::web::dom::{self, message, Callback, Observer, RecordsObserver};
use crate::web::page;
use crate::web::picker::Picker;
use crate::web::underline;

/// Each update's cost on the page's performance timeline ([`dom::Timing`]).
const UPDATE_MEASURE: &str = "reply-coach:update";

/// Quiet time after a keystroke before linting: short enough to feel live, long enough
/// that a burst of typing costs one lint, not one per key.
const TYPING_PAUSE_MS: u32 = 120;
/// After the page changes on its own (a conversation opened, a composer re-created).
const PAGE_CHANGE_PAUSE_MS: u32 = 200;

mod composition;
mod stale;
mod templates;

pub use stale::OpenReading;

/// The tag of the card's and the picker's shadow host (upper case, as `tagName` gives it).
const UI_HOST: &str = "REPLY-COACH-ROOT";

/// The attribute on the linted composer with the number of findings (a test contract).
const FINDINGS_ATTRIBUTE: &str = "data-rc-findings";

pub struct Live {
    document: Document,
    profile: ActiveProfile,
    state: RefCell<State>,
    timer: RefCell<Option<Timeout>>,
    /// Listeners and observers: dropped (and removed) with the `Live`.
    hooks: RefCell<Vec<EventListener>>,
    /// The document's mutation observer, called with the records.
    page_observer: RefCell<Option<RecordsObserver>>,
    /// Watches the linted composer's size: the card follows it from the observer's
    /// callback, where the layout is fresh, instead of reading it on every keystroke.
    resize: RefCell<Option<Observer<ResizeObserver>>>,
    /// Reports a failed write to storage (the template counts).
    storage_error: Closure<dyn FnMut(JsValue)>,
    /// Takes a message the service worker could not answer (it may be restarting).
    ignore: Closure<dyn FnMut(JsValue)>,
    /// Counts the page's changes outside its text boxes: what the profile read of the page
    /// stays true until it moves, so typing does not read the conversation again.
    page_version: Cell<u64>,
    /// The last reading of the page for a composer ([`Live::page_reading`]).
    page_cache: RefCell<Option<PageReading>>,
    /// The last verdict on whether the focused element is the reply box: (page version,
    /// element, verdict).
    reply_box_cache: RefCell<Option<(u64, Element, bool)>>,
    /// The word an input method is composing, which nothing of ours may touch.
    composition: composition::Composition,
}

/// What the page showed a composer's draft, at a page version and minute.
struct PageReading {
    version: u64,
    minute: i64,
    composer: Element,
    context: LintContext,
    sent_by: Option<String>,
}

struct State {
    settings: StoredSettings,
    composer: Option<Composer>,
    card: Option<Card>,
    /// The template picker and its button, in the card's shadow root.
    picker: Option<Picker>,
    /// The UI language the card and picker were labelled in.
    card_language: Locale,
    templates: templates::Templates,
    /// What was last linted, so a fix applies only to the text it was made for.
    last: Option<Linted>,
    /// A one-off message for the card (a fix that failed), shown until the next lint.
    notice: Option<String>,
    /// A fix just handed to the editor: the text it should give, and where the caret
    /// goes then. Lexical applies changes in a microtask, so this is checked on the next
    /// update rather than at once.
    fix_in_flight: Option<(String, usize)>,
    agent: AgentName,
    /// The card's line naming the parts of the page the profile does not recognise.
    missing_parts: Option<String>,
    /// Whether the customer wrote again under the draft, unseen.
    stale: crate::stale::StaleWatch,
    /// The findings the agent ignored in this draft.
    ignored: Ignored,
}

/// The agent's first name as the page suggests it, while the settings have none.
#[derive(Default)]
struct AgentName {
    /// What the card offers now.
    offered: Option<Offer>,
    /// First names the agent dismissed in this browser session (also kept by background.js).
    dismissed: Vec<String>,
    /// Whether content.js has passed those on: nothing is offered before, so a name
    /// dismissed in another tab does not flash up while the page starts.
    known: bool,
    /// The "Sent by" name last reported to the service worker (for the settings page).
    reported: Option<String>,
}

/// A first name seen as "Sent by <full name>" in the open conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Offer {
    pub(super) sent_by: String,
    pub(super) first: String,
}

impl State {
    /// The first name to offer for the "Sent by" name `sent_by`: none once the settings
    /// have a name ([`StoredSettings::suggested_agent_name`]) or the agent dismissed it.
    pub(super) fn offer(&self, sent_by: Option<&str>) -> Option<Offer> {
        if !self.agent.known {
            return None;
        }
        let first = self.settings.suggested_agent_name(sent_by)?;
        let sent_by = sent_by?.trim().to_string();
        (!self.agent.dismissed.contains(&first)).then_some(Offer { sent_by, first })
    }
}

struct Linted {
    text: String,
    context: LintContext,
    findings: Vec<Finding>,
}

impl Live {
    pub fn start(document: Document, profile: ActiveProfile) -> Result<Rc<Live>, String> {
        let live = Rc::new(Live {
            document,
            profile,
            state: RefCell::new(State {
                settings: StoredSettings::default(),
                composer: None,
                card: None,
                picker: None,
                card_language: catalogue::ui_language(),
                templates: Default::default(),
                last: None,
                notice: None,
                fix_in_flight: None,
                agent: AgentName::default(),
                missing_parts: None,
                stale: Default::default(),
                ignored: Ignored::default(),
            }),
            timer: RefCell::new(None),
            hooks: RefCell::new(Vec::new()),
            page_observer: RefCell::new(None),
            resize: RefCell::new(None),
            storage_error: Closure::new(|error| {
                dom::warn(&format!("the template use counts were not saved: {}", dom::describe(error)))
            }),
            ignore: Closure::new(|_| {}),
            page_version: Cell::new(0),
            page_cache: RefCell::new(None),
            reply_box_cache: RefCell::new(None),
            composition: Default::default(),
        });
        live.listen()?;
        live.schedule(0, false);
        Ok(live)
    }

    pub fn set_settings(self: &Rc<Self>, settings: StoredSettings) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            // The card and picker were labelled in the UI language they were made in: in
            // another, they are made anew at this lint (`ensure_card`).
            if state.card_language != catalogue::ui_language() {
                state.card_language = catalogue::ui_language();
                if let Some(card) = state.card.take() {
                    card.host().remove();
                }
            }
            state.settings = settings;
            state.last = None;
        }
        self.schedule(0, true);
    }

    /// First names the agent dismissed in this browser session (from background.js): not
    /// offered again. No name is offered before this is called.
    pub fn set_dismissed_names(self: &Rc<Self>, names: Vec<String>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            for name in names {
                if !state.agent.dismissed.contains(&name) {
                    state.agent.dismissed.push(name);
                }
            }
            state.agent.known = true;
            state.last = None;
        }
        self.schedule(0, true);
    }

    /// Something the draft's context is read from changed without a page change (the
    /// open conversation's window moved on as time passed): lint again.
    pub fn context_changed(self: &Rc<Self>) {
        self.schedule(0, false);
    }

    /// The parts of the page the profile does not recognise (from the clock's scan): the
    /// card names them, those the draft's context needs most of all.
    pub fn set_missing_parts(self: &Rc<Self>, parts: &[Part]) {
        let names: Vec<String> = parts
            .iter()
            .filter(|part| **part != Part::Composer)
            .map(|part| message(&format!("healthPart_{}", part.name()), None))
            .collect();
        let line = (!names.is_empty()).then(|| message("cardHealth", Some(&names.join(", "))));
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        if state.missing_parts != line {
            state.missing_parts = line;
            // The card shows it at the next update, even if the draft did not change.
            state.last = None;
            drop(state);
            self.schedule(0, false);
        }
    }

    /// The profile in use was replaced: what it read of the page and which box it took
    /// for the reply are forgotten, and the draft is linted again.
    pub fn profile_changed(self: &Rc<Self>) {
        self.page_version.set(self.page_version.get().wrapping_add(1));
        self.schedule(0, false);
    }

    fn listen(self: &Rc<Self>) -> Result<(), String> {
        let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
        let mut hooks = self.hooks.borrow_mut();
        // Capture: the page may stop these events from bubbling.
        for (event, typing) in [("input", true), ("focusin", false)] {
            let live = Rc::downgrade(self);
            hooks.push(EventListener::new_with_options(&self.document, event, capture, move |event| {
                let Some(live) = live.upgrade_running() else { return };
                // A word being composed is linted once, when it is committed (below).
                let composing = event.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing());
                if composing || live.composition.in_progress(&live.document) {
                    return;
                }
                live.schedule(if typing { TYPING_PAUSE_MS } else { 0 }, true);
                if typing {
                    live.check_slash_soon();
                } else {
                    // Focus back in the reply box: the agent has seen a new message.
                    let live = live.clone();
                    Timeout::new(0, move || live.stale_seen(true)).forget();
                }
            }));
        }
        for (event, starts) in [("compositionstart", true), ("compositionend", false)] {
            let live = Rc::downgrade(self);
            hooks.push(EventListener::new_with_options(&self.document, event, capture, move |event| {
                let Some(live) = live.upgrade_running() else { return };
                // A word composed in the picker's search box is the picker's own business.
                let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
                let Some(target) = target.filter(|t| t.tag_name() != UI_HOST) else { return };
                if starts {
                    live.composition.start(target);
                } else {
                    live.composition.end();
                    live.composition_ended();
                }
            }));
        }
        let live = Rc::downgrade(self);
        hooks.push(EventListener::new_with_options(&self.document, "mousedown", capture, move |event| {
            let ours =
                event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| t.tag_name() == UI_HOST);
            if let (Some(live), false) = (live.upgrade_running(), ours) {
                live.pressed_outside();
            }
        }));
        // Keys for the slash picker, before the page's editor sees them (Enter sends).
        let live = Rc::downgrade(self);
        let active = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
        hooks.push(EventListener::new_with_options(&self.document, "keydown", active, move |event| {
            let (Some(live), Some(key)) = (live.upgrade_running(), event.dyn_ref::<KeyboardEvent>()) else { return };
            // Keys in the picker itself reach this listener retargeted to its host: the
            // shadow root's own listener takes them.
            let from_ui =
                event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|t| t.tag_name() == UI_HOST);
            if !from_ui && live.picker_key(key, None) {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        }));
        let window = dom::window().ok_or("no window")?;
        for event in ["scroll", "resize"] {
            let live = Rc::downgrade(self);
            hooks.push(EventListener::new_with_options(&window, event, capture, move |_| {
                if let Some(live) = live.upgrade_running() {
                    live.reposition();
                }
            }));
        }
        drop(hooks);
        let live = Rc::downgrade(self);
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            if let Some(live) = live.upgrade_running() {
                live.reposition();
            }
        });
        let resize = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).map_err(dom::describe)?;
        *self.resize.borrow_mut() = Some((resize, on_resize));
        // The page re-renders: conversations open, composers are replaced, and Lexical
        // changes its DOM without input events for the changes it makes itself.
        let live = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            if let Some(live) = live.upgrade_running() {
                if !page::only_in_text_boxes(&records, &live.profile.get().composer.candidates) {
                    live.page_version.set(live.page_version.get().wrapping_add(1));
                } else if !live.composition.in_progress(&live.document) {
                    // Typing in Lexical: a key it inserts itself (the first on a line, as a
                    // "/" is) or a deletion fires no input event, only this change.
                    live.check_slash_soon();
                }
                live.schedule(PAGE_CHANGE_PAUSE_MS, false);
            }
        });
        let observer = dom::observe_document(&self.document, callback.as_ref().unchecked_ref())?;
        self.page_observer.borrow_mut().replace((observer, callback));
        Ok(())
    }

    /// The page's part of the lint context for `composer`'s draft, and the conversation's
    /// newest "Sent by" name: read again only when the page changed outside its text boxes
    /// or a minute turned (the hours since the customer wrote count whole minutes).
    fn page_reading(&self, composer: &Element) -> (LintContext, Option<String>) {
        let minute = (js_sys::Date::now() as i64).div_euclid(60_000);
        let version = self.page_version.get();
        let fresh = |c: &&PageReading| c.version == version && c.minute == minute && &c.composer == composer;
        if let Some(cached) = self.page_cache.try_borrow().ok().as_ref().and_then(|c| c.as_ref().filter(fresh)) {
            return (cached.context.clone(), cached.sent_by.clone());
        }
        self.page_reading_now(composer)
    }

    /// The page's reading for `composer`, read now: for what acts on the draft (a fix, an
    /// insertion), which must see a change the page made in this very task, before the
    /// observer has told of it (a page rewriting the conversation as the agent presses).
    fn page_reading_now(&self, composer: &Element) -> (LintContext, Option<String>) {
        let minute = (js_sys::Date::now() as i64).div_euclid(60_000);
        let version = self.page_version.get();
        let (context, sent_by) = conversation::read_with_sender(&self.document, &self.profile.get(), composer);
        if let Ok(mut cache) = self.page_cache.try_borrow_mut() {
            *cache = Some(PageReading {
                version,
                minute,
                composer: composer.clone(),
                context: context.clone(),
                sent_by: sent_by.clone(),
            });
        }
        (context, sent_by)
    }

    /// Looks for a `/query` once the editor has finished with the input (a microtask:
    /// before the next key, which the picker may have to take).
    fn check_slash_soon(self: &Rc<Self>) {
        let live = Rc::downgrade(self);
        let check = Closure::once_into_js(move || {
            if let Some(live) = live.upgrade_running() {
                live.check_slash();
            }
        });
        if let Some(window) = dom::window() {
            window.queue_microtask(check.unchecked_ref());
        }
    }

    /// Runs [`Live::update`] after `delay_ms`, in place of a pending run when `replace`
    /// (typing postpones it; a fix or a focus change wants it now). A page change does
    /// not replace one: Lexical's own DOM change after each key must not turn the typing
    /// pause into the longer page pause, and a page that never stops changing is still
    /// linted.
    fn schedule(self: &Rc<Self>, delay_ms: u32, replace: bool) {
        let Ok(mut timer) = self.timer.try_borrow_mut() else { return };
        if timer.is_some() && !replace {
            return;
        }
        let live = Rc::downgrade(self);
        *timer = Some(Timeout::new(delay_ms, move || {
            if let Some(live) = live.upgrade_running() {
                live.timer.borrow_mut().take();
                live.update();
            }
        }));
    }

    /// The input method committed (or cancelled) a word: one lint of the draft now (also
    /// when the text came back the same, so a refusal said during the composition gives
    /// way), and the slash picker follows what was typed.
    fn composition_ended(self: &Rc<Self>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.last = None;
        }
        self.schedule(0, true);
        self.check_slash_soon();
    }

    /// What refuses an edit the agent asked for (a fix, a template) while a word is being
    /// composed, if one is. Refused, not deferred: an edit made when the word is committed
    /// would change the draft at a moment the agent did not choose, in a text that moved
    /// on since the click, right where their next word starts; and an edit now would move
    /// the text under the input method, which duplicates or loses the word. One more click
    /// once the word is in is predictable, and the agent stays in charge of their text.
    fn refusal_while_composing(&self) -> Option<String> {
        self.composition.in_progress(&self.document).then(|| message("composingWait", None))
    }

    /// Finds the composer, lints its draft if it changed, and shows the result; nothing
    /// while a word is being composed (its end lints).
    fn update(self: &Rc<Self>) {
        if self.composition.in_progress(&self.document) {
            return;
        }
        let Ok(mut state) = self.state.try_borrow_mut() else {
            self.schedule(PAGE_CHANGE_PAUSE_MS, false);
            return;
        };
        let timing = dom::Timing::start(UPDATE_MEASURE);
        if let Err(error) = self.update_state(&mut state) {
            dom::warn(&error);
        }
        timing.finish();
    }

    fn update_state(self: &Rc<Self>, state: &mut State) -> Result<(), String> {
        self.ensure_card(state)?;
        let composer = self.current_composer(state);
        let Some(composer) = composer else {
            state.last = None;
            if let Some(card) = &state.card {
                underline::clear(&card.marks);
                card.hide();
            }
            if let Some(picker) = &state.picker {
                picker.place_button(None, 0.0);
            }
            return Ok(());
        };
        settle_fix(state);
        let snapshot = composer.snapshot();
        let (page, sent_by) = self.page_reading(&composer.element);
        let context = state.settings.apply_to(page);
        let offer = state.offer(sent_by.as_deref());
        self.report_seen(state, offer.as_ref());
        let offer_changed = state.agent.offered != offer;
        state.agent.offered = offer;
        let unchanged = !offer_changed
            && state.last.as_ref().is_some_and(|last| last.text == snapshot.text && last.context == context);
        if unchanged && state.notice.is_none() {
            // The page changed around the draft (Meta's page never stops): only follow it.
            self.follow_layout(state);
            return Ok(());
        }
        let result = crate::lint(&snapshot.text, &context).map_err(|e| e.to_string())?;
        let card = state.card.as_ref().ok_or("no card")?;
        if snapshot.text.trim().is_empty() {
            // Sent, or cleared: the next words are another draft.
            state.ignored.clear();
        }
        state.ignored.follow(&snapshot.text);
        let ignored = &state.ignored;
        let findings: Vec<(usize, &Finding)> =
            result.findings.iter().enumerate().filter(|(_, finding)| !ignored.hides(finding)).collect();
        let _ = composer.element.set_attribute(FINDINGS_ATTRIBUTE, &findings.len().to_string());
        if snapshot.text.trim().is_empty() {
            underline::clear(&card.marks);
            card.hide();
        } else {
            let status = state.notice.take().or_else(|| {
                let signs = !context.settings.disabled_rules.iter().any(|id| id.starts_with("sign-off"));
                (signs && context.agent_name.is_none()).then(|| message("setYourName", None))
            });
            let status = status.or_else(|| state.missing_parts.clone());
            let offer = state.agent.offered.as_ref().map(|offer| offer.first.as_str());
            let visible: Vec<&Finding> = findings.iter().map(|(_, finding)| *finding).collect();
            let undo_ignore = ignored.can_undo(&result.findings);
            card.show(&self.document, &View { findings, status, offer, undo_ignore })?;
            stale::show_stale(state);
            underline::paint(&self.document, &composer, &snapshot, &visible, &card.marks)?;
        }
        state.last = Some(Linted { text: snapshot.text, context, findings: result.findings });
        Ok(())
    }

    /// The composer to lint: the focused one when it is the reply box, else the last one
    /// while the page keeps it as the reply box, else the one the page put in its place (a
    /// re-render, another conversation). Other text boxes (Notes, search) are never one.
    fn current_composer(&self, state: &mut State) -> Option<Composer> {
        let chosen = self.focused_reply_box().or_else(|| {
            let root = page::root(&self.document)?;
            let profile = self.profile.get();
            let kept =
                state.composer.clone().filter(|c| c.is_connected() && profile.is_reply_box(c.element.as_ref(), &root));
            kept.or_else(|| Composer::at(&profile.reply_box(&root, None)?, &profile.composer.candidates))
        });
        let previous = state.composer.as_ref().map(|c| &c.element);
        if previous != chosen.as_ref().map(|c| &c.element) {
            if let Some(previous) = previous {
                let _ = previous.remove_attribute(FINDINGS_ATTRIBUTE);
            }
            state.last = None;
            state.ignored.clear();
            if state.templates.is_open() {
                templates::close(state);
            }
            if let Some((resize, _)) = self.resize.borrow().as_ref() {
                resize.disconnect();
                // Observing calls back once at the next layout: the card moves to it.
                if let Some(chosen) = &chosen {
                    resize.observe(&chosen.element);
                }
            }
        }
        state.composer = chosen.clone();
        chosen
    }

    /// The focused element's text box, when it is the open conversation's reply box (the
    /// verdict kept while the page does not change: it is asked on every keystroke).
    fn focused_reply_box(&self) -> Option<Composer> {
        let profile = self.profile.get();
        let candidates = &profile.composer.candidates;
        let focused = self.document.active_element()?.closest(candidates).ok()??;
        let version = self.page_version.get();
        let known = self.reply_box_cache.try_borrow().ok().and_then(|cache| {
            cache
                .as_ref()
                .filter(|(v, element, _)| *v == version && *element == focused)
                .map(|(_, _, verdict)| *verdict)
        });
        let verdict = known.unwrap_or_else(|| {
            let verdict = page::root(&self.document).is_some_and(|root| profile.is_reply_box(&focused, &root));
            if let Ok(mut cache) = self.reply_box_cache.try_borrow_mut() {
                *cache = Some((version, focused.clone(), verdict));
            }
            verdict
        });
        verdict.then(|| Composer::at(&focused, candidates)).flatten()
    }

    /// Creates the card, or again after the page removed it.
    fn ensure_card(self: &Rc<Self>, state: &mut State) -> Result<(), String> {
        if state.card.as_ref().is_some_and(Card::is_connected) {
            return Ok(());
        }
        if let Some(old) = state.card.take() {
            old.host().remove();
        }
        let card = Card::create(&self.document)?;
        let root = card.host().shadow_root().ok_or("no shadow root")?;
        state.picker = Some(Picker::create(&self.document, &root)?);
        let target_of = |event: &web_sys::Event| event.target().and_then(|t| t.dyn_into::<Element>().ok());
        // Pressing a button or a listed template must not take the focus (and the caret)
        // from the composer.
        let options = EventListenerOptions::enable_prevent_default();
        self.hooks.borrow_mut().push(EventListener::new_with_options(&root, "mousedown", options, move |event| {
            if target_of(event).and_then(|t| t.closest("button, [role=option]").ok()?).is_some() {
                event.prevent_default();
            }
        }));
        let live = Rc::downgrade(self);
        self.hooks.borrow_mut().push(EventListener::new(&root, "click", move |event| {
            let (Some(live), Some(target)) = (live.upgrade_running(), target_of(event)) else { return };
            let pressed = live.state.try_borrow().ok().and_then(|state| state.picker.as_ref()?.on_click(&target));
            if let Some(pressed) = pressed {
                live.picker_pressed(pressed);
                return;
            }
            let clicked = live.state.try_borrow().ok().and_then(|state| state.card.as_ref()?.on_click(&target));
            match clicked {
                Some(Clicked::Fix(finding, fix)) => live.apply_fix(finding, fix),
                Some(Clicked::UseName(name)) => live.use_agent_name(&name),
                Some(Clicked::DismissName(name)) => live.dismiss_agent_name(name),
                Some(Clicked::StaleSeen) => live.stale_seen(false),
                Some(Clicked::Ignore(finding)) => live.ignore_finding(finding),
                Some(Clicked::UndoIgnore) => live.undo_ignore(),
                None => {}
            }
        }));
        let live = Rc::downgrade(self);
        self.hooks.borrow_mut().push(EventListener::new_with_options(&root, "keydown", options, move |event| {
            let (Some(live), Some(key), Some(target)) =
                (live.upgrade_running(), event.dyn_ref::<KeyboardEvent>(), target_of(event))
            else {
                return;
            };
            if live.picker_key(key, Some(&target)) {
                event.prevent_default();
                // The document's listener would see it again, retargeted to the host.
                event.stop_propagation();
            }
        }));
        let live = Rc::downgrade(self);
        self.hooks.borrow_mut().push(EventListener::new(&root, "input", move |event| {
            let searching = live.upgrade_running().zip(target_of(event)).filter(|(live, target)| {
                live.state.try_borrow().ok().and_then(|s| s.picker.as_ref().map(|p| p.is_search(target))) == Some(true)
            });
            if let Some((live, _)) = searching {
                live.refresh_picker();
            }
        }));
        state.card = Some(card);
        self.follow_layout(state);
        Ok(())
    }

    /// Applies fix `fix` of finding `finding` from the last lint, if the draft is still
    /// the text it was made for, in the composer and conversation it was made for;
    /// otherwise says so and lints again. (The page may swap the conversation, or the
    /// composer, between the last lint and the press: the editing commands would then
    /// write the fix into whatever has the focus.)
    fn apply_fix(self: &Rc<Self>, finding: usize, fix: usize) {
        if let Some(refusal) = self.refusal_while_composing() {
            // Said at once, in the card only: the lint that would show a notice waits for
            // the word, and the card is outside the editor.
            if let Some(card) = self.state.try_borrow().ok().as_ref().and_then(|state| state.card.as_ref()) {
                card.set_status(Some(&refusal));
            }
            return;
        }
        let outcome = {
            let Ok(state) = self.state.try_borrow() else { return };
            match (&state.composer, &state.last) {
                (Some(composer), Some(last))
                    if composer.is_connected()
                        && same_conversation(&self.page_reading_now(&composer.element).0, &last.context) =>
                {
                    let snapshot = composer.snapshot();
                    edits_for(last, &snapshot.text, finding, fix).map(|edits| (composer.clone(), snapshot, edits))
                }
                _ => Err(message("draftChanged", None)),
            }
        };
        // The state is released: applying the fix fires the page's input events.
        match outcome.and_then(|(composer, snapshot, edits)| apply(&composer, &snapshot, &edits)) {
            Ok(in_flight) => self.after_edit(message("fixApplied", None), Some(in_flight)),
            Err(error) => self.after_edit(error, None),
        }
    }

    /// Hides finding `finding` of the last lint in this draft, and shows the card again.
    /// Only the card changes, so a word being composed does not refuse it; the card shows
    /// it with the lint after the word.
    fn ignore_finding(self: &Rc<Self>, finding: usize) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            let state = &mut *state;
            if let Some((last, finding)) = state.last.as_ref().and_then(|l| Some((l, l.findings.get(finding)?))) {
                state.ignored.ignore(&last.text, finding);
            }
            state.last = None;
        }
        self.schedule(0, true);
    }

    /// Shows the finding last ignored again.
    fn undo_ignore(self: &Rc<Self>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.ignored.undo();
            state.last = None;
        }
        self.schedule(0, true);
    }

    /// Tells the service worker the "Sent by" name of the offer, once per name, for the
    /// settings page (`agentSeen`; only a name of the Page's team, never a customer's).
    fn report_seen(&self, state: &mut State, offer: Option<&Offer>) {
        let Some(offer) = offer else { return };
        if state.agent.reported.as_ref() == Some(&offer.sent_by) {
            return;
        }
        state.agent.reported = Some(offer.sent_by.clone());
        let fields = [("sentBy", offer.sent_by.as_str()), ("firstName", offer.first.as_str())];
        match dom::send_message("agentSeen", &fields) {
            Ok(promise) => drop(promise.catch(&self.ignore)),
            Err(error) => dom::warn(&format!("the name seen was not reported: {error}")),
        }
    }

    /// Saves `name` as the agent's first name (`useAgentName`: background.js merges it
    /// into the stored settings). The settings' change comes back through content.js, and
    /// the card follows it; a refusal is said on the card.
    fn use_agent_name(self: &Rc<Self>, name: &str) {
        let live = Rc::downgrade(self);
        let answered = Closure::once(move |answer: JsValue| {
            let error = js_sys::Reflect::get(&answer, &"error".into()).ok().and_then(|e| e.as_string());
            if let (Some(live), Some(error)) = (live.upgrade_running(), error) {
                live.notify(message("agentNameNotSaved", Some(&error)));
            }
        });
        let live = Rc::downgrade(self);
        let failed = Closure::once(move |error: JsValue| {
            if let Some(live) = live.upgrade_running() {
                live.notify(message("agentNameNotSaved", Some(&dom::describe(error))));
            }
        });
        match dom::send_message("useAgentName", &[("firstName", name)]) {
            Ok(promise) => {
                drop(promise.then2(&answered, &failed));
                // One of the two is called, some time later, so neither can be dropped here:
                // both are leaked (two small closures per press of a button that is pressed
                // about once per install, and then no longer shown).
                answered.forget();
                failed.forget();
            }
            Err(error) => self.notify(message("agentNameNotSaved", Some(&error))),
        }
    }

    /// Shows `notice` on the card with the next lint, which runs now.
    fn notify(self: &Rc<Self>, notice: String) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.notice = Some(notice);
            state.last = None;
        }
        self.schedule(0, true);
    }

    /// The agent does not want `name` offered: not again in this browser session (the
    /// service worker keeps it for the other tabs and the settings page).
    fn dismiss_agent_name(self: &Rc<Self>, name: String) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            match dom::send_message("dismissAgentName", &[("firstName", &name)]) {
                Ok(promise) => drop(promise.catch(&self.ignore)),
                Err(error) => dom::warn(&format!("the dismissal was not kept: {error}")),
            }
            if !state.agent.dismissed.contains(&name) {
                state.agent.dismissed.push(name);
            }
            state.last = None;
        }
        self.schedule(0, true);
    }

    /// After an edit was handed to the editor (`in_flight`: the text it should make and
    /// the caret), or refused: the card says `notice`, the caret goes back, and the draft
    /// is linted again.
    fn after_edit(self: &Rc<Self>, notice: String, in_flight: Option<(String, usize)>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.notice = Some(notice);
            state.fix_in_flight = in_flight;
            state.last = None;
        }
        // Lexical applies the change in a microtask; the caret goes back in the next one,
        // before any key the agent presses next (a key is a task, after all microtasks).
        let live = Rc::downgrade(self);
        let settle = Closure::once_into_js(move || {
            if let Some(state) =
                live.upgrade_running().as_ref().and_then(|live| live.state.try_borrow_mut().ok()).as_mut()
            {
                settle_fix(state);
            }
        });
        if let Some(window) = dom::window() {
            window.queue_microtask(settle.unchecked_ref());
        }
        self.schedule(0, true);
    }

    fn reposition(&self) {
        if let Ok(state) = self.state.try_borrow() {
            self.follow_layout(&state);
        }
    }

    /// Moves the card and the underline boxes after the composer moved (a scroll, a
    /// resize, the page's own changes). Highlights move with the text by themselves.
    fn follow_layout(&self, state: &State) {
        let (Some(card), Some(composer)) = (&state.card, &state.composer) else { return };
        let Some(window) = dom::window() else { return };
        let size = |value: Result<JsValue, JsValue>| value.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let viewport = (size(window.inner_width()), size(window.inner_height()));
        let rect = composer.element.get_bounding_client_rect();
        card.place_by(&rect, viewport);
        if let Some(picker) = &state.picker {
            picker.place_button(Some(&rect), viewport.0);
        }
        let Some(last) = &state.last else { return };
        if !last.text.trim().is_empty() && underline::drawn_as_boxes(composer) {
            let snapshot = composer.snapshot();
            if snapshot.text == last.text {
                let visible: Vec<&Finding> = last.findings.iter().filter(|f| !state.ignored.hides(f)).collect();
                let _ = underline::paint(&self.document, composer, &snapshot, &visible, &card.marks);
            }
        }
    }
}

/// The edits of fix `fix` of finding `finding` of the last lint, for the draft as it is
/// now (`text`). When the agent typed since that lint, the draft is linted again and the
/// same fix (same rule, same label) is taken from it, so a click right after typing
/// still works; when it is gone, nothing is changed.
fn edits_for(last: &Linted, text: &str, finding: usize, fix: usize) -> Result<Vec<Edit>, String> {
    let changed = || message("draftChanged", None);
    let finding = last.findings.get(finding).ok_or_else(changed)?;
    let chosen = finding.fixes.get(fix).ok_or_else(changed)?;
    if text == last.text {
        return Ok(chosen.edits.clone());
    }
    let now = crate::lint(text, &last.context).map_err(|e| e.to_string())?;
    now.findings
        .iter()
        .filter(|f| f.rule == finding.rule)
        .find_map(|f| f.fixes.iter().find(|candidate| candidate.label == chosen.label))
        .map(|same| same.edits.clone())
        .ok_or_else(changed)
}

/// Whether two readings of the page are of the same conversation (the time since the
/// customer wrote moves on between them).
fn same_conversation(now: &LintContext, then: &LintContext) -> bool {
    now.customer_name == then.customer_name
        && now.customer_message == then.customer_message
        && now.surface == then.surface
}

/// Finishes a fix handed to the editor: puts the caret back where the agent was, or
/// says that the editor did not take it.
fn settle_fix(state: &mut State) {
    let (Some(composer), Some((expected, caret))) = (&state.composer, state.fix_in_flight.take()) else { return };
    let snapshot = composer.snapshot();
    if snapshot.text == expected {
        composer.place_caret(&snapshot, caret);
    } else {
        state.notice = Some(message("fixRefused", None));
        dom::warn(&format!("the editor made {:?} of the fix, not {expected:?}", snapshot.text));
    }
}

/// Hands a fix's edits to the composer as one edit; returns the text it should make and
/// where the agent's caret belongs in it.
fn apply(composer: &Composer, snapshot: &Snapshot, edits: &[Edit]) -> Result<(String, usize), String> {
    let edit = merge_edits(&snapshot.text, edits).map_err(|e| e.to_string())?;
    let caret = caret_after(composer.caret(snapshot).unwrap_or(snapshot.len), &edit);
    apply_edit(composer, snapshot, &edit, caret)
}

/// Hands one edit to the composer; returns the text it should make and `caret`, where
/// the caret goes in it.
fn apply_edit(composer: &Composer, snapshot: &Snapshot, edit: &Edit, caret: usize) -> Result<(String, usize), String> {
    let expected = apply_edits(&snapshot.text, std::slice::from_ref(edit)).map_err(|e| e.to_string())?;
    composer.replace(snapshot, edit)?;
    Ok((expected, caret))
}
