//! The template picker's behaviour: opened from its button, the keyboard shortcut (the
//! `commands` API, through `content.js`) or a `/` at the start of an empty line; searches
//! as the agent types; previews the highlighted template rendered for this conversation,
//! with the linter's verdict; asks for what the template needs and the conversation does
//! not supply (its fill-in fields, and a name without a value or a fallback: the core's
//! [`Body::asks`]), the agent's first name pre-filled with the one the page suggests; and
//! inserts at the caret (or over the selection, or over the `/query` typed) as one
//! undoable edit, with the caret at `{cursor}`. While an asked value is blank the
//! insertion is refused and the form stays open, so no placeholder reaches the draft.
//!
//! An insertion is handed to the editor once, through the same path as a fix, and its
//! result checked on the next microtask: never retried (retries have inserted text two
//! and three times in other extensions). It is refused, with a message, when the draft
//! changed since the picker took its place.

use std::collections::BTreeMap;
use std::rc::Rc;

use web_sys::{Element, KeyboardEvent};

use super::{apply_edit, composition, Live, State};
use crate::context::LintContext;
use crate::finding::{Edit, Severity};
use crate::lang::{detect, Language};
use crate::template::{slash_query, Ask, Body, Library, SearchIndex, SearchPreferences, Values, Variable};
use crate::web::composer::{Composer, Snapshot};
use crate::web::conversation;
use crate::web::dom::{self, message};
use crate::web::picker::{Asked, Item, Pressed};

/// How many templates the list shows: the best matches; typing narrows.
const LISTED: usize = 8;

/// The agent's templates and how often each was used.
#[derive(Default)]
pub(super) struct Templates {
    library: Library,
    index: SearchIndex,
    usage: BTreeMap<String, u32>,
    /// Why the stored library is not the one offered (it could not be read).
    notice: Option<String>,
    /// The open picker's target, `None` when it is closed.
    session: Option<Session>,
}

/// Where the picker's template goes, and what it lists.
struct Session {
    composer: Composer,
    /// The draft when the target was taken: an insertion into any other text is refused.
    text: String,
    /// What the template replaces (UTF-16 offsets): the selection, or the `/query`.
    span: (usize, usize),
    /// Opened by a `/` typed in the composer: the query is read from the draft, and the
    /// composer keeps the focus.
    slash: bool,
    /// The listed templates, by library index, best first.
    results: Vec<usize>,
    active: usize,
    /// What the form asks for, in its order (empty while it is not shown).
    asks: Vec<Ask>,
}

/// Why a template was not inserted.
enum Refused {
    /// Values still blank: the form stays open and says so.
    Missing(Vec<Ask>),
    /// Anything else (the draft changed): the picker closes and the card says why.
    Error(String),
}

impl Templates {
    pub(super) fn is_open(&self) -> bool {
        self.session.is_some()
    }
}

impl Live {
    /// Takes the agent's library (from `chrome.storage.local`, or the default pack; `None`
    /// keeps the one it has), the usage counts, and the picker's notice.
    pub fn set_templates(
        self: &Rc<Self>,
        library: Option<Library>,
        usage: BTreeMap<String, u32>,
        notice: Option<String>,
    ) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            if let Some(library) = library {
                state.templates.index = SearchIndex::new(&library);
                state.templates.library = library;
            }
            state.templates.usage = usage;
            state.templates.notice = notice;
        }
        self.refresh_picker();
    }

    /// Opens the picker for the composer, its search box focused (the button, the shortcut).
    pub fn open_picker(self: &Rc<Self>) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        let Some(composer) = self.current_composer(&mut state) else { return };
        let snapshot = composer.snapshot();
        let span = composer.selection(&snapshot).unwrap_or((snapshot.len, snapshot.len));
        self.start_session(&mut state, composer, snapshot.text, span, false);
        drop(state);
        self.refresh_picker();
    }

    /// After an input in the composer: opens, follows or closes the slash picker.
    pub(super) fn check_slash(self: &Rc<Self>) {
        if self.composition.in_progress(&self.document) {
            return;
        }
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        let Some(composer) = self.focused_reply_box() else { return };
        let snapshot = composer.snapshot();
        let found = composer.caret(&snapshot).and_then(|caret| {
            let caret = byte_offset(&snapshot.text, caret)?;
            let query = slash_query(&snapshot.text, caret)?;
            Some((utf16_offset(&snapshot.text, query.start), query.query.to_string(), caret))
        });
        let open_slash = state.templates.session.as_ref().is_some_and(|s| s.slash);
        match found {
            Some((start, query, caret)) => {
                let end = utf16_offset(&snapshot.text, caret);
                if let (true, Some(session)) = (open_slash, state.templates.session.as_mut()) {
                    session.text = snapshot.text;
                    session.span = (start, end);
                } else {
                    self.start_session(&mut state, composer, snapshot.text, (start, end), true);
                }
                if let Some(picker) = &state.picker {
                    picker.set_query(&query);
                }
            }
            None if open_slash => {
                close(&mut state);
                return;
            }
            None => return,
        }
        drop(state);
        self.refresh_picker();
    }

    fn start_session(&self, state: &mut State, composer: Composer, text: String, span: (usize, usize), slash: bool) {
        let Some(picker) = &state.picker else { return };
        let Some(window) = dom::window() else { return };
        let size = |value: Result<wasm_bindgen::JsValue, _>| value.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let viewport = (size(window.inner_width()), size(window.inner_height()));
        picker.set_query("");
        picker.open(&composer.element.get_bounding_client_rect(), viewport, !slash);
        state.templates.session =
            Some(Session { composer, text, span, slash, results: Vec::new(), active: 0, asks: Vec::new() });
    }

    /// A key pressed in the composer (`target` `None`) or on `target` in the picker; true
    /// when the picker took it (the caller stops it reaching the page: Enter would send
    /// the message).
    pub(super) fn picker_key(self: &Rc<Self>, event: &KeyboardEvent, target: Option<&Element>) -> bool {
        if composition::is_composing_key(event) || self.composition.in_progress(&self.document) {
            return false;
        }
        let Ok(mut state) = self.state.try_borrow_mut() else { return false };
        let Some(session) = state.templates.session.as_mut() else { return false };
        if target.is_none() && !session.slash {
            return false;
        }
        // A focused button (Close, Insert) takes Enter and Space as its own click.
        if target.is_some_and(|t| t.tag_name() == "BUTTON") && event.key() != "Escape" {
            return false;
        }
        let key = event.key();
        let filling = state.picker.as_ref().is_some_and(|p| p.is_filling());
        match key.as_str() {
            "Escape" if filling => {
                if let Some(picker) = &state.picker {
                    picker.show_fields(None);
                }
                if let Some(session) = state.templates.session.as_mut() {
                    session.asks.clear();
                }
                drop(state);
                self.refresh_picker();
            }
            "Escape" => {
                let session = state.templates.session.take();
                close(&mut state);
                drop(state);
                if let Some(session) = session {
                    give_back(&session);
                }
            }
            "Enter" if filling && !event.shift_key() => {
                let next = match (&state.picker, target) {
                    (Some(picker), Some(field)) => picker.next_field(field),
                    _ => false,
                };
                drop(state);
                if !next {
                    self.insert_active();
                }
            }
            "ArrowDown" | "ArrowUp" if !filling => {
                if let Some(session) = state.templates.session.as_mut() {
                    let count = session.results.len().max(1);
                    let step = if key == "ArrowDown" { 1 } else { count - 1 };
                    session.active = (session.active + step) % count;
                }
                drop(state);
                self.show_active();
            }
            // Tab picks as in Slack's slash menu; in the picker it moves the focus as usual.
            "Enter" | "Tab" if !filling && !event.shift_key() && (key == "Enter" || target.is_none()) => {
                let Some(session) = state.templates.session.as_ref() else { return false };
                if session.results.is_empty() {
                    // Nothing to pick: the key is the agent's (a line that starts with
                    // "/" may be meant as it is).
                    close(&mut state);
                    return false;
                }
                let active = session.active;
                drop(state);
                self.choose(active);
            }
            _ => return false,
        }
        true
    }

    /// A press anywhere outside Reply Coach's own UI closes the picker, as a menu closes.
    pub(super) fn pressed_outside(self: &Rc<Self>) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            if state.templates.is_open() {
                close(&mut state);
            }
        }
    }

    /// A click in the shadow root that the picker handles.
    pub(super) fn picker_pressed(self: &Rc<Self>, pressed: Pressed) {
        match pressed {
            Pressed::Open => self.open_picker(),
            Pressed::Item(position) => {
                if let Ok(mut state) = self.state.try_borrow_mut() {
                    if let Some(session) = state.templates.session.as_mut() {
                        session.active = position;
                    }
                }
                self.choose(position);
            }
            Pressed::Insert => self.insert_active(),
            Pressed::Close => {
                let Ok(mut state) = self.state.try_borrow_mut() else { return };
                let session = state.templates.session.take();
                close(&mut state);
                drop(state);
                if let Some(session) = session {
                    give_back(&session);
                }
            }
        }
    }

    /// Searches again and lists the results (the query or the library changed).
    pub(super) fn refresh_picker(self: &Rc<Self>) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        let state = &mut *state;
        let (Some(picker), Some(session)) = (&state.picker, state.templates.session.as_mut()) else { return };
        let (context, _) = page_for(self, &state.settings, &session.composer);
        let preferences = SearchPreferences {
            language: preferred_language(&context, &self.document),
            usage: state.templates.usage.clone(),
        };
        let templates = &state.templates.library.templates;
        session.results = state.templates.index.search(&picker.query(), &preferences).iter().map(|m| m.index).collect();
        session.results.truncate(LISTED);
        session.active = 0;
        let items: Vec<Item> = session
            .results
            .iter()
            .filter_map(|&i| templates.get(i))
            .map(|t| Item { id: &t.id, title: &t.title, shortcut: t.shortcut.as_deref(), language: t.language.code() })
            .collect();
        if let Err(error) = picker.list(&self.document, &items, 0) {
            dom::warn(&error);
        }
        picker.set_status(state.templates.notice.as_deref());
        drop(items);
        show_preview(state, &context);
    }

    fn show_active(self: &Rc<Self>) {
        let Ok(state) = self.state.try_borrow() else { return };
        let (Some(picker), Some(session)) = (&state.picker, &state.templates.session) else { return };
        picker.highlight(session.active, !session.results.is_empty());
        let (context, _) = page_for(self, &state.settings, &session.composer);
        show_preview(&state, &context);
    }

    /// The agent chose the template at `position`: what it asks for first, if anything.
    fn choose(self: &Rc<Self>, position: usize) {
        let Ok(mut guard) = self.state.try_borrow_mut() else { return };
        let state = &mut *guard;
        let Some(session) = state.templates.session.as_ref() else { return };
        let Some(template) = session.results.get(position).and_then(|&i| state.templates.library.templates.get(i))
        else {
            return;
        };
        let Ok(body) = template.parse_body() else { return };
        let (context, sent_by) = page_for(self, &state.settings, &session.composer);
        let asks = body.asks(&values_for(&context));
        let suggestion = state.offer(sent_by.as_deref()).map(|offer| offer.first);
        let Some(session) = state.templates.session.as_mut() else { return };
        if asks.is_empty() {
            session.asks.clear();
            drop(guard);
            self.insert_active();
            return;
        }
        let asked: Vec<Asked> = asks
            .iter()
            .map(|ask| {
                let prefill = matches!(ask, Ask::Variable(Variable::AgentName)).then(|| suggestion.clone()).flatten();
                asked(ask, prefill.unwrap_or_default())
            })
            .collect();
        session.asks = asks;
        if let Some(picker) = &state.picker {
            picker.show_fields(Some(&asked));
        }
    }

    /// Inserts the highlighted template with the values typed, if the draft is still the
    /// text the picker was opened on and no asked value is blank (else the form stays
    /// open and says so).
    fn insert_active(self: &Rc<Self>) {
        if let Some(refusal) = self.refusal_while_composing() {
            // The picker stays open on its template: the agent inserts it once the word is in.
            if let Some(picker) = self.state.try_borrow().ok().as_ref().and_then(|state| state.picker.as_ref()) {
                picker.set_status(Some(&refusal));
            }
            return;
        }
        let prepared = {
            let Ok(mut state) = self.state.try_borrow_mut() else { return };
            let typed = state.picker.as_ref().map(|p| p.field_values()).unwrap_or_default();
            let Some(session) = state.templates.session.as_ref() else { return };
            let answers: Vec<(Ask, String)> = session.asks.iter().cloned().zip(typed).collect();
            match prepare(self, &state, session, &answers) {
                Err(Refused::Missing(missing)) => {
                    ask_again(&mut state, &answers, &missing);
                    return;
                }
                prepared => {
                    let Some(session) = state.templates.session.take() else { return };
                    if let Some(picker) = &state.picker {
                        picker.close();
                    }
                    prepared.map(|(edit, caret, id)| (session.composer, edit, caret, id))
                }
            }
        };
        // The state is released: the edit fires the page's input events.
        let outcome = prepared.map_err(|refused| match refused {
            Refused::Error(error) => error,
            Refused::Missing(_) => message("templatesAskBlank", None),
        });
        let outcome = outcome.and_then(|(composer, edit, caret, id)| {
            let snapshot = composer.snapshot();
            apply_edit(&composer, &snapshot, &edit, caret).map(|in_flight| (in_flight, id))
        });
        match outcome {
            Ok((in_flight, id)) => {
                self.count_use(&id);
                self.after_edit(message("templateInserted", None), Some(in_flight));
            }
            Err(error) => self.after_edit(error, None),
        }
    }

    /// One more use of template `id`, kept in `chrome.storage.local` (a count, no text).
    fn count_use(&self, id: &str) {
        let Ok(mut state) = self.state.try_borrow_mut() else { return };
        *state.templates.usage.entry(id.to_string()).or_default() += 1;
        let counts = js_sys::Object::new();
        for (id, count) in &state.templates.usage {
            let _ = js_sys::Reflect::set(&counts, &id.into(), &(*count).into());
        }
        let items = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&items, &"templateUsage".into(), &counts);
        if let Err(error) = dom::store_locally(&items, &self.storage_error) {
            dom::warn(&format!("the template counts were not saved: {error}"));
        }
    }
}

/// The edit that inserts the session's template with `answers` to what the form asked,
/// the caret after it, and the template's id; or why not.
fn prepare(
    live: &Live,
    state: &State,
    session: &Session,
    answers: &[(Ask, String)],
) -> Result<(Edit, usize, String), Refused> {
    let changed = || Refused::Error(message("templateDraftChanged", None));
    let snapshot: Snapshot = session.composer.snapshot();
    if snapshot.text != session.text || !session.composer.is_connected() {
        return Err(changed());
    }
    let (template, body) = active_body(state, session).ok_or_else(changed)?;
    let body = body.map_err(|error| Refused::Error(error.to_string()))?;
    // Read now: the names inserted must be the open conversation's at this press.
    let context = state.settings.apply_to(live.page_reading_now(&session.composer.element).0);
    let mut values = values_for(&context);
    for (ask, answer) in answers {
        values.answer(ask, answer);
    }
    let rendered = body.fill(&values).map_err(Refused::Missing)?;
    let (start, end) = session.span;
    let caret = start + utf16_offset(&rendered.text, rendered.cursor);
    Ok((Edit { start, end, text: rendered.text }, caret, template.id.clone()))
}

/// The highlighted template and its parsed body.
fn active_body<'a>(
    state: &'a State,
    session: &Session,
) -> Option<(&'a crate::template::Template, Result<Body, crate::template::TemplateError>)> {
    let template = session.results.get(session.active).and_then(|&i| state.templates.library.templates.get(i))?;
    Some((template, template.parse_body()))
}

/// Shows the form again after a refused insertion: what is `missing` marked, the values
/// typed kept, and the reason said. (The form is rebuilt when it does not ask for all of
/// `missing`: the conversation may have changed under it.)
fn ask_again(state: &mut State, answers: &[(Ask, String)], missing: &[Ask]) {
    let (Some(picker), Some(session)) = (&state.picker, state.templates.session.as_mut()) else { return };
    if !missing.iter().all(|ask| session.asks.contains(ask)) {
        let mut asks = session.asks.clone();
        asks.extend(missing.iter().filter(|ask| !session.asks.contains(ask)).cloned());
        let form: Vec<Asked> = asks
            .iter()
            .map(|ask| {
                let typed = answers.iter().find(|(asked, _)| asked == ask).map(|(_, value)| value.clone());
                asked(ask, typed.unwrap_or_default())
            })
            .collect();
        picker.show_fields(Some(&form));
        session.asks = asks;
    }
    let blank: Vec<usize> = missing.iter().filter_map(|ask| session.asks.iter().position(|a| a == ask)).collect();
    picker.refuse(&message("templatesAskBlank", None), &blank);
}

/// How the form shows `ask`, starting with `value`.
fn asked(ask: &Ask, value: String) -> Asked {
    let data = match ask {
        Ask::Field(label) => ("data-field", label.clone()),
        Ask::Variable(variable) => ("data-variable", variable.name().to_string()),
    };
    Asked { label: ask_label(ask), value, data }
}

/// What the form calls `ask`: a field's own label, a variable's in the UI language.
fn ask_label(ask: &Ask) -> String {
    match ask {
        Ask::Field(label) => label.clone(),
        Ask::Variable(Variable::FirstName) => message("askFirstName", None),
        Ask::Variable(Variable::AgentName) => message("askAgentName", None),
        Ask::Variable(Variable::PageName) => message("askPageName", None),
    }
}

/// Gives the composer its focus back, with the selection the picker was opened on when
/// the draft is still the same (in the slash picker the composer never lost it).
fn give_back(session: &Session) {
    if session.slash {
        return;
    }
    let _ = session.composer.element.focus();
    let snapshot = session.composer.snapshot();
    if snapshot.text == session.text {
        session.composer.select(&snapshot, session.span.0, session.span.1);
    }
}

/// Closes the picker, leaving the draft as it is.
pub(super) fn close(state: &mut State) {
    state.templates.session = None;
    if let Some(picker) = &state.picker {
        picker.close();
    }
}

/// The highlighted template, rendered for this conversation, and the linter's verdict on
/// it (with the label of each value it asks for standing in for the value: "[Order
/// number]", "[Your first name]").
fn show_preview(state: &State, context: &LintContext) {
    let (Some(picker), Some(session)) = (&state.picker, &state.templates.session) else { return };
    let Some((_, Ok(body))) = active_body(state, session) else {
        picker.preview("", "", true);
        return;
    };
    let mut values = values_for(context);
    for ask in body.asks(&values) {
        values.answer(&ask, &format!("[{}]", ask_label(&ask)));
    }
    let text = body.render(&values).text;
    // A stand-in is not a placeholder left unfilled: the agent fills it before insertion.
    let mut context = context.clone();
    context.settings.disabled_rules.push("placeholder-unfilled".into());
    let findings = crate::lint(&text, &context).map(|r| r.findings).unwrap_or_default();
    let serious: Vec<String> =
        findings.iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.message.to_string()).collect();
    let verdict = match serious.first() {
        None => message("templateClean", None),
        Some(first) => message("templateFindings", Some(&format!("{} · {first}", serious.len()))),
    };
    picker.preview(&text, &verdict, serious.is_empty());
}

/// The draft's lint context for `composer` (what the page shows, with the agent's
/// settings), and the conversation's newest "Sent by" name.
fn page_for(
    live: &Live,
    settings: &crate::context::StoredSettings,
    composer: &Composer,
) -> (LintContext, Option<String>) {
    let (page, sent_by) = live.page_reading(&composer.element);
    (settings.apply_to(page), sent_by)
}

fn values_for(context: &LintContext) -> Values {
    Values::for_conversation(context.customer_name.as_deref(), context.agent_name.as_deref(), None)
}

/// The language whose templates come first: the one the agent chose, else the customer's
/// (from their last message), else the page's.
fn preferred_language(context: &LintContext, document: &web_sys::Document) -> Option<Language> {
    context
        .language
        .fixed()
        .or_else(|| detect::fallback(context.customer_message.as_deref()))
        .or_else(|| conversation::page_language(document))
}

/// The byte offset of the UTF-16 offset `utf16` in `text`, if it falls between characters.
fn byte_offset(text: &str, utf16: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units == utf16 {
            return Some(byte);
        }
        units += c.len_utf16();
    }
    (units == utf16).then_some(text.len())
}

/// The UTF-16 offset of the byte offset `byte` in `text`.
fn utf16_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.encode_utf16().count())
}
