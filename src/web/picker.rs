//! The template picker's view: the "Templates" button by the composer and the picker
//! itself (a search box, a listbox of templates, the highlighted one's preview with its
//! lint verdict, and the form for what it asks: its fill-in fields and the names the
//! conversation does not supply), in the card's shadow root under `<reply-coach-root>`.
//!
//! It only shows what it is told and reports what was pressed ([`Picker::on_click`]);
//! what the picker does lives in `live::templates`. Every text is set with `textContent`:
//! template titles and bodies come from storage and are never parsed as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, DomRect, Element, HtmlElement, HtmlInputElement, ShadowRoot};

use crate::web::dom::{self, append, element, message};

const STYLE: &str = include_str!("picker.css");
const LIST_ID: &str = "rc-template-list";
const OPTION_ID_PREFIX: &str = "rc-template-";

/// One listed template.
pub struct Item<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub shortcut: Option<&'a str>,
    pub language: &'a str,
}

/// One value the form asks for: its label, the value it starts with, and the attribute
/// that names it for tests (`data-field` = the label, or `data-variable` = the variable).
pub struct Asked {
    pub label: String,
    pub value: String,
    pub data: (&'static str, String),
}

/// What was pressed in the picker.
pub enum Pressed {
    /// The button by the composer.
    Open,
    /// A listed template, by its position in the list.
    Item(usize),
    /// "Insert" under the fill-in fields.
    Insert,
    Close,
}

pub struct Picker {
    button: HtmlElement,
    panel: HtmlElement,
    search: HtmlInputElement,
    list: HtmlElement,
    preview: HtmlElement,
    verdict: HtmlElement,
    fields: HtmlElement,
    field_inputs: HtmlElement,
    /// Why the template was not inserted (a value left blank).
    refusal: HtmlElement,
    status: HtmlElement,
}

impl Picker {
    /// Builds the picker (hidden) and its button into `root`.
    pub fn create(document: &Document, root: &ShadowRoot) -> Result<Picker, String> {
        let set = |element: &HtmlElement, attributes: &[(&str, &str)]| -> Result<(), String> {
            attributes.iter().try_for_each(|(name, value)| element.set_attribute(name, value).map_err(dom::describe))
        };
        let sheet = element(document, "style", "")?;
        sheet.set_text_content(Some(STYLE));
        let title = message("templatesTitle", None);

        let button = element(document, "button", "open-templates")?;
        button.set_text_content(Some(&title));
        set(&button, &[("data-action", "open-templates"), ("aria-haspopup", "dialog"), ("hidden", "")])?;

        let panel = element(document, "section", "picker")?;
        set(&panel, &[("role", "dialog"), ("aria-label", &title), ("hidden", "")])?;
        let header = element(document, "header", "")?;
        let heading = element(document, "span", "title")?;
        heading.set_text_content(Some(&title));
        let close = element(document, "button", "close")?;
        close.set_text_content(Some("×"));
        set(&close, &[("data-action", "close-templates"), ("aria-label", &message("close", None))])?;
        append(&header, &[&heading, &close])?;
        let search: HtmlInputElement = element(document, "input", "search")?.unchecked_into();
        search.set_type("search");
        search.set_placeholder(&message("templatesSearch", None));
        set(
            &search,
            &[
                ("role", "combobox"),
                ("aria-label", &message("templatesSearch", None)),
                ("aria-autocomplete", "list"),
                ("aria-expanded", "true"),
                ("aria-controls", LIST_ID),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
            ],
        )?;
        let list = element(document, "ul", "templates")?;
        set(&list, &[("id", LIST_ID), ("role", "listbox"), ("aria-label", &title)])?;
        let preview = element(document, "p", "preview")?;
        let verdict = element(document, "p", "verdict")?;
        verdict.set_attribute("aria-live", "polite").map_err(dom::describe)?;
        let fields = element(document, "div", "fields")?;
        fields.set_hidden(true);
        let field_inputs = element(document, "div", "")?;
        let refusal = element(document, "p", "refusal")?;
        refusal.set_attribute("role", "alert").map_err(dom::describe)?;
        refusal.set_hidden(true);
        let insert = element(document, "button", "insert")?;
        insert.set_text_content(Some(&message("templatesInsert", None)));
        insert.set_attribute("data-action", "insert-template").map_err(dom::describe)?;
        append(&fields, &[&field_inputs, &refusal, &insert])?;
        let status = element(document, "p", "status")?;
        status.set_hidden(true);
        let hint = element(document, "p", "hint")?;
        hint.set_text_content(Some(&message("templatesHint", None)));
        append(&panel, &[&header, &search, &list, &preview, &verdict, &fields, &status, &hint])?;
        root.append_child(&sheet).map_err(dom::describe)?;
        append(root, &[&button, &panel])?;
        Ok(Picker { button, panel, search, list, preview, verdict, fields, field_inputs, refusal, status })
    }

    /// Shows the button by `composer` (or hides it when there is none).
    pub fn place_button(&self, composer: Option<&DomRect>, viewport_width: f64) {
        let Some(composer) = composer else {
            self.button.set_hidden(true);
            return;
        };
        let style = self.button.style();
        // Numbers we computed: nothing from the page goes into the style text.
        let _ = style.set_property("top", &dom::px((composer.top() - 30.0).max(0.0)));
        let _ = style.set_property("right", &dom::px((viewport_width - composer.right()).max(4.0)));
        if self.button.hidden() {
            self.button.set_hidden(false);
        }
    }

    /// Opens the picker above (or below) the composer, as the card sits.
    pub fn open(&self, composer: &DomRect, viewport: (f64, f64), focus_search: bool) {
        let (width, height) = viewport;
        let style = self.panel.style();
        if composer.top() >= 280.0 {
            let _ = style.set_property("bottom", &dom::px(height - composer.top() + 8.0));
            let _ = style.remove_property("top");
        } else {
            let _ = style.set_property("top", &dom::px(composer.bottom() + 8.0));
            let _ = style.remove_property("bottom");
        }
        let _ = style.set_property("right", &dom::px((width - composer.right()).max(4.0)));
        self.panel.set_hidden(false);
        let _ = self.button.set_attribute("aria-expanded", "true");
        self.show_fields(None);
        if focus_search {
            let _ = self.search.focus();
        }
    }

    pub fn close(&self) {
        self.panel.set_hidden(true);
        let _ = self.button.set_attribute("aria-expanded", "false");
        self.search.set_value("");
        self.set_status(None);
    }

    pub fn query(&self) -> String {
        self.search.value()
    }

    /// Shows the query typed elsewhere (after `/` in the composer).
    pub fn set_query(&self, query: &str) {
        if self.search.value() != query {
            self.search.set_value(query);
        }
    }

    /// Lists `items`, `active` highlighted.
    pub fn list(&self, document: &Document, items: &[Item], active: usize) -> Result<(), String> {
        self.list.set_text_content(None);
        for (position, item) in items.iter().enumerate() {
            let option = element(document, "li", "")?;
            option.set_id(&format!("{OPTION_ID_PREFIX}{position}"));
            for (name, value) in
                [("role", "option"), ("data-template-id", item.id), ("data-position", &position.to_string())]
            {
                option.set_attribute(name, value).map_err(dom::describe)?;
            }
            let title = element(document, "span", "name")?;
            title.set_text_content(Some(item.title));
            let shortcut = element(document, "span", "shortcut")?;
            shortcut.set_text_content(item.shortcut);
            let language = element(document, "span", "language")?;
            language.set_text_content(Some(item.language));
            append(&option, &[&title, &shortcut, &language])?;
            self.list.append_child(&option).map_err(dom::describe)?;
        }
        if items.is_empty() {
            let none = element(document, "li", "none")?;
            none.set_text_content(Some(&message("templatesNone", None)));
            self.list.append_child(&none).map_err(dom::describe)?;
        }
        self.highlight(active, !items.is_empty());
        Ok(())
    }

    /// Marks the option at `active` as selected, for the eye and for screen readers.
    pub fn highlight(&self, active: usize, any: bool) {
        let options = self.list.children();
        for position in 0..options.length() {
            if let Some(option) = options.item(position) {
                let selected = position as usize == active;
                let _ = option.set_attribute("aria-selected", if selected { "true" } else { "false" });
                if selected {
                    option.scroll_into_view_with_bool(false);
                }
            }
        }
        let _ = if any {
            self.search.set_attribute("aria-activedescendant", &format!("{OPTION_ID_PREFIX}{active}"))
        } else {
            self.search.remove_attribute("aria-activedescendant")
        };
    }

    /// The highlighted template rendered for this conversation, and what the linter says
    /// of it.
    pub fn preview(&self, text: &str, verdict: &str, clean: bool) {
        self.preview.set_text_content(Some(text));
        self.verdict.set_text_content(Some(verdict));
        self.verdict.set_class_name(if clean { "verdict clean" } else { "verdict" });
    }

    /// Asks for `asked` in this order (focusing the first empty one, else the first), or
    /// hides the form. Labels and values are set as text, never parsed.
    pub fn show_fields(&self, asked: Option<&[Asked]>) {
        self.field_inputs.set_text_content(None);
        self.refusal.set_text_content(None);
        self.refusal.set_hidden(true);
        let Some(asked) = asked else {
            self.fields.set_hidden(true);
            return;
        };
        let Some(document) = dom::document() else { return };
        for ask in asked {
            let Ok(row) = element(&document, "label", "") else { return };
            let Ok(input) = element(&document, "input", "field") else { return };
            let input: HtmlInputElement = input.unchecked_into();
            let _ = input.set_attribute(ask.data.0, &ask.data.1);
            input.set_value(&ask.value);
            let caption = document.create_text_node(&ask.label);
            let _ = row.append_child(&caption);
            let _ = row.append_child(&input);
            let _ = self.field_inputs.append_child(&row);
        }
        self.fields.set_hidden(false);
        let inputs = self.inputs();
        if let Some(first) = inputs.iter().find(|input| input.value().is_empty()).or(inputs.first()) {
            let _ = first.focus();
        }
    }

    /// The form's inputs, in order.
    fn inputs(&self) -> Vec<HtmlInputElement> {
        let Ok(inputs) = self.field_inputs.query_selector_all("input") else { return Vec::new() };
        (0..inputs.length()).filter_map(|i| inputs.item(i)?.dyn_into::<HtmlInputElement>().ok()).collect()
    }

    /// Says why nothing was inserted (`reason`), marks the inputs at `blank` (positions in
    /// the form) as invalid and focuses the first of them; the form stays open.
    pub fn refuse(&self, reason: &str, blank: &[usize]) {
        for (position, input) in self.inputs().iter().enumerate() {
            let _ = input.set_attribute("aria-invalid", if blank.contains(&position) { "true" } else { "false" });
        }
        if let Some(first) = blank.first().and_then(|&i| self.inputs().into_iter().nth(i)) {
            let _ = first.focus();
        }
        self.refusal.set_text_content(Some(reason));
        self.refusal.set_hidden(false);
    }

    pub fn is_filling(&self) -> bool {
        !self.fields.hidden()
    }

    /// The values in the form, in the order they were asked for.
    pub fn field_values(&self) -> Vec<String> {
        self.inputs().iter().map(HtmlInputElement::value).collect()
    }

    /// Moves to the next fill-in field after `from`; false when `from` is the last.
    pub fn next_field(&self, from: &Element) -> bool {
        let Ok(inputs) = self.field_inputs.query_selector_all("input") else { return false };
        let inputs: Vec<HtmlElement> = (0..inputs.length()).filter_map(|i| inputs.item(i)?.dyn_into().ok()).collect();
        match inputs.iter().position(|input| input.unchecked_ref::<Element>() == from) {
            Some(i) if i + 1 < inputs.len() => inputs[i + 1].focus().is_ok(),
            _ => false,
        }
    }

    pub fn set_status(&self, status: Option<&str>) {
        self.status.set_text_content(status);
        self.status.set_hidden(status.is_none());
    }

    /// Whether `target` (an event's, inside the shadow root) is the search box.
    pub fn is_search(&self, target: &Element) -> bool {
        target == self.search.unchecked_ref::<Element>()
    }

    /// What a click on `target` pressed, if anything.
    pub fn on_click(&self, target: &Element) -> Option<Pressed> {
        if let Some(option) = target.closest("[role=option]").ok()? {
            return option.get_attribute("data-position")?.parse().ok().map(Pressed::Item);
        }
        match target.closest("button").ok()??.get_attribute("data-action").as_deref() {
            Some("open-templates") => Some(Pressed::Open),
            Some("insert-template") => Some(Pressed::Insert),
            Some("close-templates") => Some(Pressed::Close),
            _ => None,
        }
    }
}
