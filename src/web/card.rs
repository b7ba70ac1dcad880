//! The card by the composer: the findings by severity, each with its message, its
//! explanation on demand, its fixes as buttons and "Ignore" (hidden for this draft, with
//! one Undo: [`crate::ignore`]); the status line (reduced mode,
//! a missing setting, an error); and, while no first name is set, the offer of the one
//! the conversation shows ("Sign as Maria?"); while the customer's new message is unseen,
//! the stale-draft line ("Ana wrote again 1 min ago") with its Seen button.
//!
//! It lives in an open shadow root under `<reply-coach-root>`, so the page's styles do
//! not reach it and tests find it by contract. Every text is set with `textContent`:
//! messages quote the draft, and nothing from the page or storage is parsed as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, DomRect, Element, HtmlElement};

use crate::finding::{Finding, Severity};
use crate::web::dom::{self, append, element, message, mount};

const STYLE: &str = include_str!("card.css");

/// How far above the composer the card ends: clear of the row of small buttons there (the
/// template picker's, the window banner).
const ABOVE_BUTTONS_PX: f64 = 36.0;

/// The least height the card gets above the composer before it goes below instead.
const MIN_ROOM_PX: f64 = 160.0;

/// What the card shows for one lint.
pub struct View<'a> {
    /// Findings with their index in the lint result (the fix buttons carry it).
    pub findings: Vec<(usize, &'a Finding)>,
    /// A line above the findings (a missing setting, a fix that could not be applied).
    pub status: Option<String>,
    /// A first name to offer as the agent's, with a button to use it and one to dismiss it.
    pub offer: Option<&'a str>,
    /// Whether the line saying a finding was ignored, with its Undo, shows.
    pub undo_ignore: bool,
}

/// What a click in the card asks for beyond the card itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clicked {
    /// Fix `.1` of finding `.0` of the last lint.
    Fix(usize, usize),
    /// Save the offered first name as the agent's.
    UseName(String),
    /// Do not offer this first name again.
    DismissName(String),
    /// The agent has seen that the customer wrote again.
    StaleSeen,
    /// Hide finding `.0` of the last lint in this draft.
    Ignore(usize),
    /// Show the finding last ignored again.
    UndoIgnore,
}

pub struct Card {
    host: Element,
    /// What the list shows now (each finding's rule, message and fix labels), so an
    /// update that changes only positions does not rebuild it.
    shown: std::cell::RefCell<Vec<String>>,
    panel: HtmlElement,
    count: HtmlElement,
    status: HtmlElement,
    /// The offered name's row: its question and its two buttons.
    offer: HtmlElement,
    offer_text: HtmlElement,
    offer_use: HtmlElement,
    offer_dismiss: HtmlElement,
    /// The stale-draft line: the customer wrote again under the draft (`crate::stale`).
    stale: HtmlElement,
    stale_text: HtmlElement,
    /// "Hidden in this draft." and its Undo button.
    ignored: HtmlElement,
    list: HtmlElement,
    toggle: HtmlElement,
    /// Underline boxes, where the CSS Custom Highlight API cannot paint (a textarea's
    /// text, or a browser without the API).
    pub marks: HtmlElement,
}

impl Card {
    pub fn create(document: &Document) -> Result<Card, String> {
        let marks = element(document, "div", "marks")?;
        let panel = element(document, "section", "card")?;
        panel.set_attribute("aria-label", &message("cardTitle", None)).map_err(dom::describe)?;
        panel.set_hidden(true);

        let header = element(document, "header", "")?;
        let title = element(document, "span", "title")?;
        title.set_text_content(Some(&message("cardTitle", None)));
        let count = element(document, "span", "count")?;
        count.set_attribute("aria-live", "polite").map_err(dom::describe)?;
        let toggle = element(document, "button", "toggle")?;
        toggle.set_attribute("data-action", "toggle").map_err(dom::describe)?;
        toggle.set_text_content(Some(&message("collapse", None)));
        append(&header, &[&title, &count, &toggle])?;
        let status = element(document, "p", "status")?;
        status.set_hidden(true);
        let offer = element(document, "div", "offer")?;
        offer.set_attribute("role", "group").map_err(dom::describe)?;
        offer.set_hidden(true);
        let offer_text = element(document, "span", "offer-text")?;
        let offer_use = element(document, "button", "use-name")?;
        offer_use.set_attribute("data-action", "use-agent-name").map_err(dom::describe)?;
        let offer_dismiss = element(document, "button", "dismiss-name")?;
        offer_dismiss.set_attribute("data-action", "dismiss-agent-name").map_err(dom::describe)?;
        offer_dismiss.set_text_content(Some(&message("agentNameDismiss", None)));
        append(&offer, &[&offer_text, &offer_use, &offer_dismiss])?;
        let stale = element(document, "div", "stale")?;
        stale.set_hidden(true);
        let stale_text = element(document, "span", "stale-text")?;
        // Said when it appears, as the count is: the news may come while the agent types.
        stale_text.set_attribute("role", "status").map_err(dom::describe)?;
        let stale_seen = element(document, "button", "stale-seen")?;
        stale_seen.set_attribute("data-action", "stale-seen").map_err(dom::describe)?;
        stale_seen.set_text_content(Some(&message("staleDraftSeen", None)));
        append(&stale, &[&stale_text, &stale_seen])?;
        let ignored = element(document, "p", "ignored")?;
        ignored.set_hidden(true);
        let ignored_text = element(document, "span", "")?;
        ignored_text.set_text_content(Some(&message("findingIgnored", None)));
        let undo = element(document, "button", "undo-ignore")?;
        undo.set_attribute("data-action", "undo-ignore").map_err(dom::describe)?;
        undo.set_text_content(Some(&message("undoIgnore", None)));
        append(&ignored, &[&ignored_text, &undo])?;
        let list = element(document, "ol", "findings")?;
        append(&panel, &[&header, &status, &offer, &stale, &ignored, &list])?;
        let host = mount(document, "reply-coach-root", STYLE, &[&marks, &panel])?;
        Ok(Card {
            host,
            shown: Default::default(),
            panel,
            count,
            status,
            offer,
            offer_text,
            offer_use,
            offer_dismiss,
            stale,
            stale_text,
            ignored,
            list,
            toggle,
            marks,
        })
    }

    pub fn is_connected(&self) -> bool {
        self.host.is_connected()
    }

    pub fn host(&self) -> &Element {
        &self.host
    }

    pub fn show(&self, document: &Document, view: &View) -> Result<(), String> {
        self.set_status(view.status.as_deref());
        self.set_offer(view.offer);
        set_hidden(&self.ignored, !view.undo_ignore);
        set_hidden(&self.panel, false);
        let signature: Vec<String> = view
            .findings
            .iter()
            .map(|(index, f)| {
                // Rendered, so the card redraws when the UI language changes.
                let fixes: Vec<String> = f.fixes.iter().map(|fix| fix.label.to_string()).collect();
                format!("{index}\u{1f}{}\u{1f}{}\u{1f}{}", f.rule, f.message, fixes.join("\u{1f}"))
            })
            .collect();
        if let Ok(mut shown) = self.shown.try_borrow_mut() {
            if *shown == signature {
                return Ok(());
            }
            *shown = signature;
        }
        let mut findings = view.findings.clone();
        // Most severe first: the complement of the severity sorts it in reverse.
        crate::sort::sort_by_key(&mut findings, |(index, finding)| (!(finding.severity as u64), *index as u64));
        let count = findings.len().to_string();
        self.count.set_text_content(Some(&if findings.is_empty() {
            message("noFindings", None)
        } else {
            message("findingsCount", Some(&count))
        }));
        self.list.set_text_content(None);
        for (index, finding) in findings {
            let item = item(document, index, finding)?;
            self.list.append_child(&item).map_err(dom::describe)?;
        }
        Ok(())
    }

    pub fn set_status(&self, status: Option<&str>) {
        if self.status.text_content().as_deref() != status {
            self.status.set_text_content(status);
        }
        set_hidden(&self.status, status.is_none());
    }

    /// Offers `name` as the agent's first name (the page's text, set as text only), or
    /// hides the offer.
    fn set_offer(&self, name: Option<&str>) {
        let shown = self.offer_use.get_attribute("data-name");
        if shown.as_deref() != name {
            match name {
                Some(name) => {
                    self.offer_text.set_text_content(Some(&message("agentNameOffer", Some(name))));
                    self.offer_use.set_text_content(Some(&message("agentNameUse", Some(name))));
                    let _ = self.offer_use.set_attribute("data-name", name);
                    let _ = self.offer_dismiss.set_attribute("data-name", name);
                }
                None => {
                    let _ = self.offer_use.remove_attribute("data-name");
                    let _ = self.offer_dismiss.remove_attribute("data-name");
                }
            }
        }
        set_hidden(&self.offer, name.is_none());
    }

    /// Shows the stale-draft line's text (set as text only), or hides it.
    pub fn set_stale(&self, line: Option<&str>) {
        if self.stale_text.text_content().as_deref() != Some(line.unwrap_or("")) {
            self.stale_text.set_text_content(line);
        }
        set_hidden(&self.stale, line.is_none());
    }

    pub fn hide(&self) {
        set_hidden(&self.panel, true);
        self.marks.set_text_content(None);
    }

    /// Puts the card just above the composer's right edge, or below it when the
    /// composer is near the top of the window. Anchored by its bottom (or top) and right
    /// edges, so it never needs its own size: reading that after changing the card would
    /// force the page's layout on every keystroke.
    pub fn place_by(&self, composer: &DomRect, viewport: (f64, f64)) {
        let (width, height) = viewport;
        let room_above = composer.top() - ABOVE_BUTTONS_PX - 8.0;
        let (anchor, offset, free) = if room_above >= MIN_ROOM_PX {
            ("bottom", height - composer.top() + ABOVE_BUTTONS_PX, "top")
        } else {
            ("top", composer.bottom() + 8.0, "bottom")
        };
        let max_height = if anchor == "bottom" { room_above } else { height - offset - 8.0 };
        let style = self.panel.style();
        // Numbers we computed: nothing from the page goes into the style text.
        let _ = style.set_property(anchor, &dom::px(offset));
        let _ = style.remove_property(free);
        let _ = style.set_property("right", &dom::px((width - composer.right()).max(4.0)));
        let _ = style.set_property("max-height", &dom::px(max_height.max(MIN_ROOM_PX)));
    }

    /// Handles a click inside the card: toggles the list or an explanation itself, and
    /// returns what else was pressed (a fix, the offered name's buttons).
    pub fn on_click(&self, target: &Element) -> Option<Clicked> {
        let button = target.closest("button").ok()??;
        match button.get_attribute("data-action").as_deref() {
            Some("toggle") => {
                let collapse = !self.list.hidden();
                self.list.set_hidden(collapse);
                self.toggle.set_text_content(Some(&message(if collapse { "expand" } else { "collapse" }, None)));
                None
            }
            Some("explain") => {
                let explanation: HtmlElement =
                    button.closest("li").ok()??.query_selector(".explanation").ok()??.dyn_into().ok()?;
                let show = explanation.hidden();
                explanation.set_hidden(!show);
                let _ = button.set_attribute("aria-expanded", if show { "true" } else { "false" });
                button.set_text_content(Some(&message(if show { "hideExplanation" } else { "explain" }, None)));
                None
            }
            Some("fix") => {
                let finding = button.get_attribute("data-finding")?.parse().ok()?;
                let fix = button.get_attribute("data-fix")?.parse().ok()?;
                Some(Clicked::Fix(finding, fix))
            }
            Some("ignore") => button.get_attribute("data-finding")?.parse().ok().map(Clicked::Ignore),
            Some("undo-ignore") => Some(Clicked::UndoIgnore),
            Some("use-agent-name") => button.get_attribute("data-name").map(Clicked::UseName),
            Some("dismiss-agent-name") => button.get_attribute("data-name").map(Clicked::DismissName),
            Some("stale-seen") => Some(Clicked::StaleSeen),
            _ => None,
        }
    }
}

fn item(document: &Document, index: usize, finding: &Finding) -> Result<HtmlElement, String> {
    let li = element(document, "li", finding.severity.name())?;
    li.set_attribute("data-rule", finding.rule).map_err(dom::describe)?;
    let severity = element(document, "span", "severity")?;
    severity.set_text_content(Some(&message(severity_key(finding.severity), None)));
    let text = element(document, "span", "message")?;
    text.set_text_content(Some(&finding.message.to_string()));
    let actions = element(document, "div", "actions")?;
    for (fix_index, fix) in finding.fixes.iter().enumerate() {
        let button = element(document, "button", "fix")?;
        button.set_text_content(Some(&fix.label.to_string()));
        for (name, value) in
            [("data-action", "fix"), ("data-finding", &index.to_string()), ("data-fix", &fix_index.to_string())]
        {
            button.set_attribute(name, value).map_err(dom::describe)?;
        }
        actions.append_child(&button).map_err(dom::describe)?;
    }
    let ignore = element(document, "button", "ignore")?;
    ignore.set_text_content(Some(&message("ignoreFinding", None)));
    ignore.set_attribute("data-action", "ignore").map_err(dom::describe)?;
    ignore.set_attribute("data-finding", &index.to_string()).map_err(dom::describe)?;
    actions.append_child(&ignore).map_err(dom::describe)?;
    let explain = element(document, "button", "explain")?;
    explain.set_text_content(Some(&message("explain", None)));
    explain.set_attribute("data-action", "explain").map_err(dom::describe)?;
    explain.set_attribute("aria-expanded", "false").map_err(dom::describe)?;
    actions.append_child(&explain).map_err(dom::describe)?;
    let explanation = element(document, "p", "explanation")?;
    explanation.set_text_content(Some(&finding.explanation.to_string()));
    explanation.set_hidden(true);
    append(&li, &[&severity, &text, &actions, &explanation])?;
    Ok(li)
}

/// Sets `hidden` only when it changes: every write invalidates the card's style, which
/// showed in the per-keystroke profile.
fn set_hidden(element: &HtmlElement, hidden: bool) {
    if element.hidden() != hidden {
        element.set_hidden(hidden);
    }
}

fn severity_key(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "severityError",
        Severity::Warning => "severityWarning",
        Severity::Info => "severityInfo",
    }
}
