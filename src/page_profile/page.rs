//! The page as the profile reads it: a few questions asked of an element, behind a trait,
//! so every strategy is plain Rust tested natively (`html`, over parsed HTML) and the
//! Wasm edge answers the same questions from the live DOM (`web::page`).
//!
//! The questions are the ones a strategy needs and nothing more: CSS queries (the
//! browser's own engine in the extension), attributes, text, parents and children, and
//! two measurements only a browser can make (is the text bold; where are an element's
//! contents horizontally), which a test page states in attributes instead.

/// An element of the page.
pub trait PageNode: Sized + Clone {
    /// The descendants matching `css`, in document order; none for an invalid selector.
    fn query_all(&self, css: &str) -> Vec<Self>;
    /// The first descendant matching `css`.
    fn query(&self, css: &str) -> Option<Self>;
    /// Whether the element matches `css`.
    fn matches(&self, css: &str) -> bool;
    /// The element or its nearest ancestor matching `css`.
    fn closest(&self, css: &str) -> Option<Self>;
    fn parent(&self) -> Option<Self>;
    fn children(&self) -> Vec<Self>;
    /// The tag name, lower case.
    fn tag(&self) -> String;
    fn attr(&self, name: &str) -> Option<String>;
    /// The names of the element's attributes, in the order the page wrote them.
    fn attribute_names(&self) -> Vec<String>;
    /// All the text inside (`textContent`).
    fn text(&self) -> String;
    /// The text of the element's own text nodes, not its children's.
    fn own_text(&self) -> String;
    /// Whether the element's text is drawn bold (weight 600 or more).
    fn is_bold(&self) -> bool;
    /// The horizontal extent `(left, right)` of what the element shows (its text and
    /// images, not the empty width of its boxes), in the page's pixels.
    fn content_extent(&self) -> Option<(f64, f64)>;
    /// The horizontal extent `(left, right)` of the element's box.
    fn box_extent(&self) -> Option<(f64, f64)>;
    /// Whether `self` and `other` are the same element.
    fn same(&self, other: &Self) -> bool;
    /// Whether `other` is `self` or inside it.
    fn contains(&self, other: &Self) -> bool;
}

/// An element's shape: its tag, role and attribute names, not their values (a row's
/// index, its picture's address differ from row to row). Siblings of one shape are what a
/// page repeats: rows, messages.
pub fn shape<N: PageNode>(node: &N) -> String {
    let mut names = node.attribute_names();
    crate::sort::sort_texts(&mut names);
    format!("{}[{}] {}", node.tag(), node.attr("role").unwrap_or_default(), names.join(" "))
}

/// `node`'s text, trimmed, or `None` when it has none.
pub fn trimmed_text<N: PageNode>(node: &N) -> Option<String> {
    let text = node.text();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The blocks of text inside `node` in document order, each trimmed and non-empty, with
/// the element holding it: the own text of every element under it, skipping the subtrees that match `skip` (times,
/// hidden labels, action buttons, our own badges). A list row's first two blocks are its
/// title and its snippet, whatever elements the page wraps them in.
pub fn text_blocks<N: PageNode>(node: &N, skip: &str) -> Vec<(N, String)> {
    fn walk<N: PageNode>(node: &N, skip: &str, blocks: &mut Vec<(N, String)>, depth: usize) {
        // Real rows nest a dozen levels; a bound keeps a hostile page from recursing far.
        if depth > 40 {
            return;
        }
        let own = node.own_text();
        let own = own.trim();
        if !own.is_empty() {
            blocks.push((node.clone(), own.to_string()));
        }
        for child in node.children() {
            if !child.matches(skip) {
                walk(&child, skip, blocks, depth + 1);
            }
        }
    }
    let mut blocks = Vec::new();
    walk(node, skip, &mut blocks, 0);
    blocks
}
