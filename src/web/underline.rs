//! Underlines under each finding's span in the composer.
//!
//! In a contenteditable, the CSS Custom Highlight API paints them: no element enters the
//! editor's DOM, which Lexical would take for the agent's text and undo. Where the API is
//! missing, and in a `<textarea>` (whose text has no DOM ranges), they are boxes in the
//! card's shadow root, placed from the text's rectangles; for a textarea those come from
//! a hidden mirror that lays out the same text with the same styles.

use web_sys::{Document, DomRect, HtmlElement, Range};

use crate::finding::{Finding, Severity};
use crate::web::composer::{Composer, Kind, Snapshot};
use crate::web::dom::{self, element};

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn highlight_name(severity: Severity) -> String {
    format!("reply-coach-{}", severity.name())
}

/// Whether `composer`'s underlines are boxes placed by us, which must follow its layout,
/// rather than highlights, which the browser keeps on the text.
pub fn drawn_as_boxes(composer: &Composer) -> bool {
    composer.kind == Kind::TextArea || !dom::has_highlights()
}

/// Removes every underline.
pub fn clear(marks: &HtmlElement) {
    for severity in SEVERITIES {
        let _ = set_highlight(severity, &[], 0);
    }
    if marks.has_child_nodes() {
        marks.set_text_content(None);
    }
}

thread_local! {
    /// The severities whose highlight is in the page's registry now. Deleting one that
    /// is not there still costs the page a style invalidation (seen in the keystroke
    /// profile), so only what is there is deleted.
    static PAINTED: std::cell::Cell<[bool; 3]> = const { std::cell::Cell::new([false; 3]) };
}

fn set_highlight(severity: Severity, ranges: &[Range], priority: i32) -> Result<(), String> {
    let slot = severity as usize;
    let mut painted = PAINTED.with(|p| p.get());
    if ranges.is_empty() && !painted[slot] {
        return Ok(());
    }
    dom::paint_highlight(&highlight_name(severity), ranges, priority)?;
    painted[slot] = !ranges.is_empty();
    PAINTED.with(|p| p.set(painted));
    Ok(())
}

/// Underlines the spans of `findings` in `composer`, replacing the previous underlines.
pub fn paint(
    document: &Document,
    composer: &Composer,
    snapshot: &Snapshot,
    findings: &[&Finding],
    marks: &HtmlElement,
) -> Result<(), String> {
    // An empty span (a sign-off missing at the very end) has nothing to underline.
    let spans = findings.iter().filter(|f| f.end > f.start);
    if !drawn_as_boxes(composer) {
        if marks.has_child_nodes() {
            marks.set_text_content(None);
        }
        for (priority, severity) in SEVERITIES.into_iter().rev().enumerate() {
            let ranges: Vec<Range> = spans
                .clone()
                .filter(|f| f.severity == severity)
                .filter_map(|f| composer.range(snapshot, f.start, f.end))
                .collect();
            set_highlight(severity, &ranges, priority as i32)?;
        }
        return Ok(());
    }
    clear(marks);
    let visible = composer.element.get_bounding_client_rect();
    let mirror = Mirror::of(document, composer, marks)?;
    for finding in spans {
        let rects = match &mirror {
            Some(mirror) => mirror.rects(snapshot, finding.start, finding.end),
            None => composer.range(snapshot, finding.start, finding.end).map(|r| rects_of(&r)).unwrap_or_default(),
        };
        for rect in rects.iter().filter(|r| r.width() > 0.0 && inside(r, &visible)) {
            let mark = element(document, "div", finding.severity.name())?;
            let style = mark.style();
            // Numbers we computed: nothing from the page goes into the style text.
            let _ = style.set_property("left", &dom::px(rect.left()));
            let _ = style.set_property("top", &dom::px(rect.bottom() - 2.0));
            let _ = style.set_property("width", &dom::px(rect.width()));
            marks.append_child(&mark).map_err(dom::describe)?;
        }
    }
    if let Some(mirror) = mirror {
        mirror.element.remove();
    }
    Ok(())
}

fn rects_of(range: &Range) -> Vec<DomRect> {
    let Some(list) = range.get_client_rects() else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Whether `rect`'s baseline is within the composer's box: text scrolled out of view
/// has no underline.
fn inside(rect: &DomRect, visible: &DomRect) -> bool {
    rect.bottom() > visible.top() && rect.bottom() <= visible.bottom() + 1.0
}

/// A hidden element laid out like a textarea, to find where its text's characters are.
struct Mirror {
    element: HtmlElement,
    /// The textarea's content box origin on screen, scroll included.
    origin: (f64, f64),
}

/// What a textarea's text layout depends on.
const COPIED_STYLES: [&str; 20] = [
    "box-sizing",
    "width",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "letter-spacing",
    "line-height",
    "text-transform",
    "word-spacing",
    "tab-size",
    "direction",
];

impl Mirror {
    fn of(document: &Document, composer: &Composer, parent: &HtmlElement) -> Result<Option<Mirror>, String> {
        if composer.kind != Kind::TextArea {
            return Ok(None);
        }
        let window = dom::window().ok_or("no window")?;
        let computed = window.get_computed_style(&composer.element).map_err(dom::describe)?.ok_or("no style")?;
        let mirror = element(document, "div", "")?;
        let style = mirror.style();
        for name in COPIED_STYLES {
            let value = computed.get_property_value(name).unwrap_or_default();
            let _ = style.set_property(name, &value);
        }
        for (name, value) in [
            ("position", "fixed"),
            ("visibility", "hidden"),
            ("white-space", "pre-wrap"),
            ("overflow-wrap", "break-word"),
            ("border-style", "solid"),
            ("top", "0"),
            ("left", "0"),
        ] {
            let _ = style.set_property(name, value);
        }
        parent.append_child(&mirror).map_err(dom::describe)?;
        let rect = composer.element.get_bounding_client_rect();
        let scroll = (composer.element.scroll_left() as f64, composer.element.scroll_top() as f64);
        let here = mirror.get_bounding_client_rect();
        Ok(Some(Mirror {
            element: mirror,
            origin: (rect.left() - here.left() - scroll.0, rect.top() - here.top() - scroll.1),
        }))
    }

    /// The on-screen rectangles of `start..end` of the textarea's text.
    fn rects(&self, snapshot: &Snapshot, start: usize, end: usize) -> Vec<DomRect> {
        let units: Vec<u16> = snapshot.text.encode_utf16().collect();
        let piece = |from: usize, to: usize| String::from_utf16_lossy(&units[from.min(to)..to.min(units.len())]);
        let Some(document) = dom::document() else { return Vec::new() };
        self.element.set_text_content(Some(&piece(0, start)));
        let Ok(span) = element(&document, "span", "") else { return Vec::new() };
        span.set_text_content(Some(&piece(start, end)));
        let after = document.create_text_node(&piece(end, units.len()));
        if self.element.append_child(&span).is_err() || self.element.append_child(&after).is_err() {
            return Vec::new();
        }
        let rects = span.get_client_rects();
        (0..rects.length())
            .filter_map(|i| rects.get(i))
            .filter_map(|r| {
                DomRect::new_with_x_and_y_and_width_and_height(
                    r.left() + self.origin.0,
                    r.top() + self.origin.1,
                    r.width(),
                    r.height(),
                )
                .ok()
            })
            .collect()
    }
}
