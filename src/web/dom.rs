//! Small DOM helpers the other web modules share, and bindings web-sys lacks or keeps
//! behind its unstable flag (the CSS Custom Highlight API, chrome.i18n).

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    DataTransfer, Document, Element, HtmlDocument, HtmlElement, InputEvent, InputEventInit, MutationObserver,
    MutationObserverInit, Node, Range, ShadowRootInit, ShadowRootMode, Window,
};

#[wasm_bindgen]
extern "C" {
    /// A set of ranges the page paints with `::highlight(name)` styles.
    pub type Highlight;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<Highlight, JsValue>;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &Range);
    #[wasm_bindgen(method, setter)]
    fn set_priority(this: &Highlight, priority: i32);

    #[wasm_bindgen(js_namespace = ["CSS", "highlights"], js_name = set, catch)]
    fn set_highlight(name: &str, highlight: &Highlight) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = ["CSS", "highlights"], js_name = delete, catch)]
    fn delete_highlight(name: &str) -> Result<(), JsValue>;

    /// `extension/i18n.js`'s `message`: the text for `name` in the UI language the agent
    /// chose (chrome.i18n.getMessage knows only the browser's).
    #[wasm_bindgen(js_name = replyCoachMessage, catch)]
    fn get_message(name: &str, substitutions: &JsValue) -> Result<String, JsValue>;

    /// `chrome.runtime.sendMessage`: a request to the service worker (background.js).
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;

    /// `chrome.storage.local.set`: the extension's own storage on this machine.
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
    fn storage_local_set(items: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// An observer (mutation, resize) with the callback it calls, which must live as long as
/// it does.
pub type Observer<T, F = dyn FnMut()> = (T, Closure<F>);

/// A mutation observer whose callback takes the records.
pub type RecordsObserver = Observer<MutationObserver, dyn FnMut(js_sys::Array)>;

/// Calls `callback` with the mutation records of every change to the document's tree
/// and text (not attributes: ours, like `data-rc-findings`, would call it back).
pub fn observe_document(document: &Document, callback: &js_sys::Function) -> Result<MutationObserver, String> {
    let observer = MutationObserver::new(callback).map_err(describe)?;
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_character_data(true);
    let root = document.document_element().ok_or("no document element")?;
    observer.observe_with_options(&root, &options).map_err(describe)?;
    Ok(observer)
}

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

/// A thrown JavaScript value as text for an error message.
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

thread_local! {
    /// Texts without an argument, by name: the card asks for the same few on every update,
    /// and each lookup is a trip into JavaScript (profiled: about 0.1 ms per update). Emptied
    /// when the UI language changes.
    static PLAIN: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Forgets the texts kept in the old UI language.
pub fn forget_messages() {
    PLAIN.with(|plain| {
        if let Ok(mut plain) = plain.try_borrow_mut() {
            plain.clear();
        }
    });
}

/// The extension's UI text `name` (from `_locales`, in the chosen UI language), with `$1`
/// replaced by `argument`; the name itself when there is no such message, so a missing
/// translation shows up as a key rather than as nothing.
pub fn message(name: &str, argument: Option<&str>) -> String {
    let fetch = || {
        let substitutions = argument.map_or(JsValue::UNDEFINED, JsValue::from_str);
        match get_message(name, &substitutions) {
            Ok(text) if !text.is_empty() => text,
            _ => name.to_string(),
        }
    };
    if argument.is_some() {
        return fetch();
    }
    PLAIN.with(|plain| {
        let Ok(mut plain) = plain.try_borrow_mut() else { return fetch() };
        if let Some((_, text)) = plain.iter().find(|(known, _)| known == name) {
            return text.clone();
        }
        let text = fetch();
        plain.push((name.to_string(), text.clone()));
        text
    })
}

/// The extension's UI text `name` with `$1`, `$2`… replaced by `arguments` (never kept:
/// the arguments change).
pub fn message_with(name: &str, arguments: &[&str]) -> String {
    let substitutions: js_sys::Array = arguments.iter().map(|a| JsValue::from_str(a)).collect();
    match get_message(name, &substitutions) {
        Ok(text) if !text.is_empty() => text,
        _ => name.to_string(),
    }
}

/// `document.execCommand(command, false, value)`; false when the browser refused.
pub fn exec_command(document: &Document, command: &str, value: &str) -> bool {
    document
        .dyn_ref::<HtmlDocument>()
        .and_then(|html| html.exec_command_with_show_ui_and_value(command, false, value).ok())
        .unwrap_or(false)
}

/// Writes `items` to `chrome.storage.local` (counts and settings only: never page text);
/// a failed write calls `on_error`.
pub fn store_locally(items: &JsValue, on_error: &Closure<dyn FnMut(JsValue)>) -> Result<(), String> {
    let _ = storage_local_set(items).map_err(describe)?.catch(on_error);
    Ok(())
}

/// Sends the service worker `{type, ...fields}` (string fields; the protocol is at the top
/// of background.js); the promise of its answer, or why it could not be sent.
pub fn send_message(kind: &str, fields: &[(&str, &str)]) -> Result<js_sys::Promise, String> {
    let message = js_sys::Object::new();
    for (key, value) in std::iter::once(("type", kind)).chain(fields.iter().copied()) {
        Reflect::set(&message, &key.into(), &value.into()).map_err(describe)?;
    }
    runtime_send_message(&message).map_err(describe)
}

/// Makes `range` the document's selection.
pub fn select(range: &Range) -> Result<(), String> {
    let selection = window().and_then(|w| w.get_selection().ok().flatten()).ok_or("no selection")?;
    selection.remove_all_ranges().map_err(describe)?;
    selection.add_range(range).map_err(describe)
}

/// Offers `text` to the editor `target` as a replacement of its selection (inputType
/// `insertReplacementText`, the text also as `text/plain` data, as a spelling correction
/// sends it). True when the editor took it (it cancelled the event's default action).
pub fn dispatch_replacement(target: &Element, text: &str) -> Result<bool, String> {
    let data = page_data_transfer()?;
    data.set_data("text/plain", text).map_err(describe)?;
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    init.set_input_type("insertReplacementText");
    init.set_data(Some(text));
    init.set_data_transfer(Some(&data));
    let event = InputEvent::new_with_event_init_dict("beforeinput", &init).map_err(describe)?;
    Ok(!target.dispatch_event(&event).map_err(describe)?)
}

/// A new DataTransfer whose data the page can read. Firefox hides the data of one made by
/// a content script from the page (Lexical would read an empty replacement and insert
/// nothing); one made with the page's own constructor, which Firefox shows a content script
/// as `window.wrappedJSObject`, holds data the page reads. Other browsers have no such view,
/// and the content script's constructor serves.
fn page_data_transfer() -> Result<DataTransfer, String> {
    let page_constructor = window()
        .and_then(|window| Reflect::get(&window, &"wrappedJSObject".into()).ok())
        .filter(JsValue::is_object)
        .and_then(|page| Reflect::get(&page, &"DataTransfer".into()).ok())
        .and_then(|constructor| constructor.dyn_into::<js_sys::Function>().ok());
    match page_constructor {
        Some(constructor) => {
            Reflect::construct(&constructor, &js_sys::Array::new()).map(JsCast::unchecked_into).map_err(describe)
        }
        None => DataTransfer::new().map_err(describe),
    }
}

/// Whether this browser paints CSS Custom Highlights (Chromium 105+, Firefox 140+).
pub fn has_highlights() -> bool {
    let css = window().and_then(|w| Reflect::get(&w, &"CSS".into()).ok());
    css.is_some_and(|css| Reflect::get(&css, &"highlights".into()).is_ok_and(|h| !h.is_undefined()))
}

/// Paints `ranges` as the highlight `name` (styled by `::highlight(name)` in the page's
/// stylesheet, extension/content.css), replacing what it painted before.
pub fn paint_highlight(name: &str, ranges: &[Range], priority: i32) -> Result<(), String> {
    if ranges.is_empty() {
        return delete_highlight(name).map_err(describe);
    }
    let highlight = Highlight::new().map_err(describe)?;
    highlight.set_priority(priority);
    for range in ranges {
        highlight.add(range);
    }
    set_highlight(name, &highlight).map_err(describe)
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("Reply Coach: {message}").into());
}

pub fn element(document: &Document, tag: &str, class: &str) -> Result<HtmlElement, String> {
    let element: HtmlElement = document.create_element(tag).map_err(describe)?.unchecked_into();
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

pub fn append(parent: &Node, children: &[&HtmlElement]) -> Result<(), String> {
    for child in children {
        parent.append_child(child).map_err(describe)?;
    }
    Ok(())
}

/// A CSS length of `value` pixels, to a tenth of a pixel: written with integers, as
/// formatting an `f64` would bring its whole formatter (14 KB) into the Wasm.
pub fn px(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}px", tenths / 10, tenths % 10)
}

/// Adds a `<tag>` element to the page with an open shadow root holding the stylesheet
/// `style` and `children`: the page's CSS cannot reach in, and tests find the UI by the
/// tag. Outside `<body>`, as single-page apps replace the body's children, not `<html>`'s.
pub fn mount(document: &Document, tag: &str, style: &str, children: &[&HtmlElement]) -> Result<Element, String> {
    let host = document.create_element(tag).map_err(describe)?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(describe)?;
    let sheet = element(document, "style", "")?;
    sheet.set_text_content(Some(style));
    root.append_child(&sheet).map_err(describe)?;
    append(&root, children)?;
    document.document_element().ok_or("no document element")?.append_child(&host).map_err(describe)?;
    Ok(host)
}

/// A span of work on the page's performance timeline, as a measure named `name` (e.g.
/// `reply-coach:update`), so its cost can be read from outside (`./build.sh bench`,
/// DevTools). Observers see the measure as it is made; the entries are then cleared, so a
/// page open all day does not collect thousands of them. Failures are ignored: timing
/// must never stop the work it times.
pub struct Timing {
    performance: Option<web_sys::Performance>,
    name: &'static str,
}

impl Timing {
    pub fn start(name: &'static str) -> Timing {
        let performance = window().and_then(|window| window.performance());
        Timing { performance: performance.filter(|p| p.mark(name).is_ok()), name }
    }

    pub fn finish(self) {
        if let Some(performance) = self.performance {
            // The start mark has the measure's name: marks and measures are separate lists.
            let _ = performance.measure_with_start_mark(self.name, self.name);
            performance.clear_marks_with_mark_name(self.name);
            performance.clear_measures_with_measure_name(self.name);
        }
    }
}

/// How every callback the page makes (events, observers, timers) reaches our state: each
/// holds a `Weak` reference and upgrades it through this trait. Once the instance has
/// panicked ([`crate::wasm::panic`]) that state cannot be trusted, so the upgrade finds
/// nothing and the callback does nothing, while content.js starts a new instance.
/// `clippy.toml` forbids `Weak::upgrade` elsewhere, so no callback can skip the check.
pub trait Callback<T> {
    /// The object, unless it is gone or this instance has stopped.
    fn upgrade_running(&self) -> Option<std::rc::Rc<T>>;
}

impl<T> Callback<T> for std::rc::Weak<T> {
    #[allow(clippy::disallowed_methods)]
    fn upgrade_running(&self) -> Option<std::rc::Rc<T>> {
        if crate::wasm::panic::stopped() {
            return None;
        }
        self.upgrade()
    }
}
