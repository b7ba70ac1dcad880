//! The live page's answers to the profile's questions ([`PageNode`] for `Element`): the
//! browser's own selector engine, attributes and text, and its layout for what only it
//! can measure (computed font weight, where an element's contents are drawn).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use crate::page_profile::PageNode;

/// The node types of `Node.nodeType` this file reads.
const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
/// How deep [`PageNode::content_extent`] looks: a message bubble is a few levels deep.
const EXTENT_DEPTH: usize = 16;

/// Whether every one of these mutation records is inside a text box matching `boxes`:
/// typing, which changes nothing the page profile reads.
pub fn only_in_text_boxes(records: &js_sys::Array, boxes: &str) -> bool {
    records.iter().all(|record| target_element(&record).is_some_and(|e| e.closest(boxes).ok().flatten().is_some()))
}

/// The element a mutation record is about (a text node's parent).
pub fn target_element(record: &wasm_bindgen::JsValue) -> Option<Element> {
    let node = record.dyn_ref::<web_sys::MutationRecord>()?.target()?;
    match node.dyn_ref::<Element>() {
        Some(element) => Some(element.clone()),
        None => node.parent_element(),
    }
}

/// The document's root element, where every reading starts.
pub fn root(document: &Document) -> Option<Element> {
    document.document_element()
}

fn elements(list: Option<web_sys::NodeList>) -> Vec<Element> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

impl PageNode for Element {
    fn query_all(&self, css: &str) -> Vec<Self> {
        elements(self.query_selector_all(css).ok())
    }

    fn query(&self, css: &str) -> Option<Self> {
        self.query_selector(css).ok().flatten()
    }

    fn matches(&self, css: &str) -> bool {
        Element::matches(self, css).unwrap_or(false)
    }

    fn closest(&self, css: &str) -> Option<Self> {
        Element::closest(self, css).ok().flatten()
    }

    fn parent(&self) -> Option<Self> {
        self.parent_element()
    }

    fn children(&self) -> Vec<Self> {
        let children = Element::children(self);
        (0..children.length()).filter_map(|i| children.item(i)).collect()
    }

    fn tag(&self) -> String {
        self.local_name()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.get_attribute(name)
    }

    fn attribute_names(&self) -> Vec<String> {
        self.get_attribute_names().iter().filter_map(|name| name.as_string()).collect()
    }

    fn text(&self) -> String {
        self.text_content().unwrap_or_default()
    }

    fn own_text(&self) -> String {
        let nodes = self.child_nodes();
        let texts = (0..nodes.length()).filter_map(|i| nodes.item(i)).filter(|n| n.node_type() == TEXT_NODE);
        texts.filter_map(|node| node.node_value()).collect()
    }

    fn is_bold(&self) -> bool {
        let style = web_sys::window().and_then(|w| w.get_computed_style(self).ok().flatten());
        let weight = style.and_then(|s| s.get_property_value("font-weight").ok()).unwrap_or_default();
        // Whole numbers: a float parser would cost kilobytes of the Wasm.
        weight == "bold" || weight.split('.').next().and_then(|w| w.parse::<u32>().ok()).is_some_and(|w| w >= 600)
    }

    fn content_extent(&self) -> Option<(f64, f64)> {
        let range = self.owner_document()?.create_range().ok()?;
        let mut extent: Option<(f64, f64)> = None;
        let mut add = |left: f64, right: f64| {
            if right > left {
                extent = Some(extent.map_or((left, right), |(l, r)| (l.min(left), r.max(right))));
            }
        };
        // Text and pictures: the boxes around them are as wide as the list.
        fn walk(node: &Node, range: &web_sys::Range, add: &mut dyn FnMut(f64, f64), depth: usize) {
            if depth > EXTENT_DEPTH {
                return;
            }
            let children = node.child_nodes();
            for child in (0..children.length()).filter_map(|i| children.item(i)) {
                match child.node_type() {
                    TEXT_NODE
                        if child.node_value().is_some_and(|t| !t.trim().is_empty())
                            && range.select_node_contents(&child).is_ok() =>
                    {
                        let rect = range.get_bounding_client_rect();
                        add(rect.left(), rect.right());
                    }
                    ELEMENT_NODE => {
                        let element: &Element = child.unchecked_ref();
                        if element.local_name() == "img" {
                            let rect = element.get_bounding_client_rect();
                            add(rect.left(), rect.right());
                        } else {
                            walk(&child, range, add, depth + 1);
                        }
                    }
                    _ => {}
                }
            }
        }
        walk(self, &range, &mut add, 0);
        extent
    }

    fn box_extent(&self) -> Option<(f64, f64)> {
        let rect = self.get_bounding_client_rect();
        (rect.width() > 0.0).then(|| (rect.left(), rect.right()))
    }

    fn same(&self, other: &Self) -> bool {
        self == other
    }

    fn contains(&self, other: &Self) -> bool {
        Node::contains(self, Some(other))
    }
}
