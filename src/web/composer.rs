//! The composer the agent types in: its text as the linter sees it, the DOM positions
//! behind each offset (for underlines and selections), and edits made the way its
//! editor accepts them.
//!
//! A `<textarea>` is plain: its value is the text. A contenteditable element (Meta's is a
//! Lexical editor) is a tree of blocks, text nodes and `<br>`s; [`Snapshot`] flattens it
//! into text with one `\n` between blocks and for each line break, and keeps, per piece,
//! the node it came from. Offsets are UTF-16 code units, as the core reports them.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, Node, Range};

use crate::finding::Edit;
use crate::web::dom;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A Lexical editor (`data-lexical-editor="true"`): it owns its DOM and redoes any
    /// change it did not make, so edits go through the input events it handles.
    Lexical,
    /// Another contenteditable: the browser's own editing commands work.
    ContentEditable,
    TextArea,
}

#[derive(Clone)]
pub struct Composer {
    pub element: HtmlElement,
    pub kind: Kind,
}

/// One piece of the flattened text.
enum Piece {
    Text {
        node: Node,
        start: usize,
        len: usize,
    },
    /// A `\n` at `start` that no text node holds (between blocks, or a `<br>`); `after`
    /// is the DOM position just past it.
    Break {
        start: usize,
        after: (Node, u32),
    },
}

/// The composer's text at one moment, with the way back from offsets to the DOM.
pub struct Snapshot {
    pub text: String,
    pieces: Vec<Piece>,
    /// UTF-16 length of `text`.
    pub len: usize,
}

impl Composer {
    /// The composer `element` is, or is inside, if any: a textarea or a contenteditable
    /// textbox that `selector` accepts.
    pub fn at(element: &Element, selector: &str) -> Option<Composer> {
        let element: HtmlElement = element.closest(selector).ok()??.dyn_into().ok()?;
        let kind = if element.is_instance_of::<HtmlTextAreaElement>() {
            Kind::TextArea
        } else if element.get_attribute("data-lexical-editor").as_deref() == Some("true") {
            Kind::Lexical
        } else if element.is_content_editable() {
            Kind::ContentEditable
        } else {
            return None;
        };
        Some(Composer { element, kind })
    }

    pub fn is_connected(&self) -> bool {
        self.element.is_connected()
    }

    fn textarea(&self) -> Option<&HtmlTextAreaElement> {
        self.element.dyn_ref::<HtmlTextAreaElement>()
    }

    pub fn snapshot(&self) -> Snapshot {
        match self.textarea() {
            Some(textarea) => {
                let text = textarea.value();
                let len = text.encode_utf16().count();
                Snapshot { text, pieces: Vec::new(), len }
            }
            None => Flattener::flatten(&self.element),
        }
    }

    /// The caret (the selection's focus) as an offset into `snapshot`, when it is in the
    /// composer.
    pub fn caret(&self, snapshot: &Snapshot) -> Option<usize> {
        if let Some(textarea) = self.textarea() {
            return textarea.selection_end().ok()?.map(|end| end as usize);
        }
        let selection = dom::window()?.get_selection().ok()??;
        let node = selection.focus_node()?;
        if !self.element.contains(Some(&node)) {
            return None;
        }
        snapshot.offset_of(&node, selection.focus_offset())
    }

    /// The selection as `start..end` offsets into `snapshot` (equal for a caret), when it
    /// is in the composer.
    pub fn selection(&self, snapshot: &Snapshot) -> Option<(usize, usize)> {
        if let Some(textarea) = self.textarea() {
            let start = textarea.selection_start().ok()?? as usize;
            let end = textarea.selection_end().ok()?? as usize;
            return Some((start, end));
        }
        let selection = dom::window()?.get_selection().ok()??;
        let (anchor, focus) = (selection.anchor_node()?, selection.focus_node()?);
        if !self.element.contains(Some(&anchor)) || !self.element.contains(Some(&focus)) {
            return None;
        }
        let anchor = snapshot.offset_of(&anchor, selection.anchor_offset())?;
        let focus = snapshot.offset_of(&focus, selection.focus_offset())?;
        Some((anchor.min(focus), anchor.max(focus)))
    }

    /// A DOM range over `start..end` of `snapshot`; `None` for a textarea, whose text
    /// has no nodes.
    pub fn range(&self, snapshot: &Snapshot, start: usize, end: usize) -> Option<Range> {
        if self.textarea().is_some() {
            return None;
        }
        let range = dom::document()?.create_range().ok()?;
        let (node, offset) = snapshot.position(&self.element, start);
        range.set_start(&node, offset).ok()?;
        let (node, offset) = snapshot.position(&self.element, end);
        range.set_end(&node, offset).ok()?;
        Some(range)
    }

    /// Replaces `edit.start..edit.end` of `snapshot` with `edit.text` as one step of the
    /// editor's undo history. Fails, with nothing changed, when the editor refused it.
    /// Lexical may apply it a moment later (in a microtask).
    pub fn replace(&self, snapshot: &Snapshot, edit: &Edit) -> Result<(), String> {
        let document = dom::document().ok_or("no document")?;
        // Editing commands act on the focused element's selection.
        self.element.focus().map_err(dom::describe)?;
        match self.textarea() {
            Some(textarea) => {
                let (start, end) = (edit.start as u32, edit.end as u32);
                textarea.set_selection_range(start, end).map_err(dom::describe)?;
                // insertText goes through the browser's editing, so the textarea's own
                // undo (Ctrl+Z) takes it back; setting .value would empty the undo stack.
                if !dom::exec_command(&document, "insertText", &edit.text) {
                    return Err("the browser refused to edit the text box".into());
                }
            }
            None => {
                let range = self.range(snapshot, edit.start, edit.end).ok_or("the text moved")?;
                dom::select(&range)?;
                // A replacement like a spelling correction's: Lexical takes it from a
                // beforeinput event (splitting lines into paragraphs, one history entry)
                // and cancels it. A plain contenteditable ignores the event; the
                // browser's own insertText edits it, in its undo history too.
                let handled = dom::dispatch_replacement(&self.element, &edit.text)?;
                if !handled && !dom::exec_command(&document, "insertText", &edit.text) {
                    return Err("the editor refused the change".into());
                }
            }
        }
        Ok(())
    }

    /// Puts a collapsed selection at `offset` of `snapshot` (the current text). Lexical
    /// reads it back from the selectionchange event, so the next keystroke lands there.
    pub fn place_caret(&self, snapshot: &Snapshot, offset: usize) {
        self.select(snapshot, offset, offset);
    }

    /// Selects `start..end` of `snapshot` (the current text), as [`Composer::place_caret`].
    pub fn select(&self, snapshot: &Snapshot, start: usize, end: usize) {
        let (start, end) = (start.min(snapshot.len), end.min(snapshot.len));
        // Where the caret goes is a nicety: a failure leaves it where the editor put it.
        if let Some(textarea) = self.textarea() {
            let _ = textarea.set_selection_range(start as u32, end as u32);
        } else if let Some(range) = self.range(snapshot, start, end) {
            let _ = dom::select(&range);
        }
    }
}

impl Snapshot {
    /// The DOM position of `offset`: inside a text node when one holds it, else just
    /// past the line break that ends there, else the start or end of `root`.
    fn position(&self, root: &HtmlElement, offset: usize) -> (Node, u32) {
        for piece in &self.pieces {
            if let Piece::Text { node, start, len } = piece {
                if (*start..=start + len).contains(&offset) {
                    return (node.clone(), (offset - start) as u32);
                }
            }
        }
        for piece in &self.pieces {
            if let Piece::Break { start, after } = piece {
                if start + 1 == offset {
                    return after.clone();
                }
            }
        }
        let root: &Node = root.as_ref();
        let end = if offset == 0 { 0 } else { root.child_nodes().length() };
        (root.clone(), end)
    }

    /// The offset of the DOM position `(node, offset)`: exact inside a text node, else
    /// the end of the last piece before it.
    fn offset_of(&self, node: &Node, offset: u32) -> Option<usize> {
        let point = dom::document()?.create_range().ok()?;
        point.set_start(node, offset).ok()?;
        let mut before = 0;
        for piece in &self.pieces {
            match piece {
                Piece::Text { node: text, start, len } => {
                    if text == node {
                        return Some(start + (offset as usize).min(*len));
                    }
                    if point.compare_point(text, 0).ok()? < 0 {
                        before = start + len;
                    }
                }
                Piece::Break { start, after } => {
                    if point.compare_point(&after.0, after.1).ok()? <= 0 {
                        before = start + 1;
                    }
                }
            }
        }
        Some(before)
    }
}

/// Walks a contenteditable tree into a [`Snapshot`] the way the eye reads it: each block
/// on its own line (an empty block is an empty line), each `<br>` a line break except
/// the last in its block, which only holds an empty line open (Lexical adds one).
struct Flattener {
    text: String,
    len: usize,
    pieces: Vec<Piece>,
    /// A block ended: what comes next starts a new line.
    block_ended: bool,
    /// The current line has text.
    line_has_text: bool,
}

impl Flattener {
    fn flatten(root: &HtmlElement) -> Snapshot {
        let mut flattener =
            Flattener { text: String::new(), len: 0, pieces: Vec::new(), block_ended: false, line_has_text: false };
        flattener.walk(root);
        Snapshot { text: flattener.text, pieces: flattener.pieces, len: flattener.len }
    }

    fn walk(&mut self, parent: &Node) {
        let children = parent.child_nodes();
        for index in 0..children.length() {
            let Some(child) = children.item(index) else { continue };
            match child.node_type() {
                Node::TEXT_NODE => {
                    let data = child.node_value().unwrap_or_default();
                    if data.is_empty() {
                        continue;
                    }
                    if self.block_ended {
                        self.push_break((child.clone(), 0));
                    }
                    let len = data.encode_utf16().count();
                    self.pieces.push(Piece::Text { node: child, start: self.len, len });
                    self.text.push_str(&data);
                    self.len += len;
                    self.line_has_text = true;
                }
                Node::ELEMENT_NODE => {
                    let Some(element) = child.dyn_ref::<Element>() else { continue };
                    let tag = element.local_name();
                    if tag == "br" {
                        if child.next_sibling().is_some() {
                            if self.block_ended {
                                self.push_break((parent.clone(), index));
                            }
                            self.push_break((parent.clone(), index + 1));
                        }
                    } else if is_block(&tag) {
                        if self.block_ended || self.line_has_text {
                            self.push_break((child.clone(), 0));
                        }
                        self.walk(&child);
                        self.block_ended = true;
                    } else {
                        self.walk(&child);
                    }
                }
                _ => {}
            }
        }
    }

    fn push_break(&mut self, after: (Node, u32)) {
        self.pieces.push(Piece::Break { start: self.len, after });
        self.text.push('\n');
        self.len += 1;
        self.block_ended = false;
        self.line_has_text = false;
    }
}

fn is_block(tag: &str) -> bool {
    matches!(tag, "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

impl From<&Composer> for JsValue {
    fn from(composer: &Composer) -> JsValue {
        composer.element.clone().into()
    }
}
