//! The profile's strategies run natively on HTML: [`PageNode`] over a page parsed by
//! `scraper` (html5ever and Servo's selector engine, as a browser parses and matches), for
//! the tests and for `reply-coach profile check --page` on a saved page. Native builds
//! only: the extension has the browser's own parser (`web::page`), and the Wasm stays
//! without this one.
//!
//! What only a browser measures is stated by the page instead (a saved page has none of
//! it, so sides and places are unknown there): `data-test-extent` and
//! `data-test-box` ("left right" in pixels) for [`PageNode::content_extent`] and
//! [`PageNode::box_extent`], and `font-weight` in an inline `style` (on the element or an
//! ancestor, as the computed style inherits it) for [`PageNode::is_bold`].

use scraper::{ElementRef, Html, Selector};

use super::page::PageNode;

/// A parsed page.
pub struct HtmlPage(Html);

impl HtmlPage {
    pub fn parse(html: &str) -> HtmlPage {
        HtmlPage(Html::parse_document(html))
    }

    /// The document element, where the extension starts every reading.
    pub fn root(&self) -> HtmlNode<'_> {
        HtmlNode(self.0.root_element())
    }
}

#[derive(Clone, Copy, Debug)]
pub struct HtmlNode<'a>(ElementRef<'a>);

impl<'a> HtmlNode<'a> {
    fn selector(css: &str) -> Option<Selector> {
        Selector::parse(css).ok()
    }

    fn extent(&self, name: &str) -> Option<(f64, f64)> {
        let value = self.0.value().attr(name)?;
        let mut numbers = value.split_whitespace().map(str::parse::<f64>);
        Some((numbers.next()?.ok()?, numbers.next()?.ok()?))
    }
}

impl<'a> PageNode for HtmlNode<'a> {
    fn query_all(&self, css: &str) -> Vec<Self> {
        Self::selector(css).map(|s| self.0.select(&s).map(HtmlNode).collect()).unwrap_or_default()
    }

    fn query(&self, css: &str) -> Option<Self> {
        Self::selector(css).and_then(|s| self.0.select(&s).next().map(HtmlNode))
    }

    fn matches(&self, css: &str) -> bool {
        Self::selector(css).is_some_and(|s| s.matches(&self.0))
    }

    fn closest(&self, css: &str) -> Option<Self> {
        let selector = Self::selector(css)?;
        std::iter::successors(Some(*self), PageNode::parent).find(|node| selector.matches(&node.0))
    }

    fn parent(&self) -> Option<Self> {
        self.0.parent().and_then(ElementRef::wrap).map(HtmlNode)
    }

    fn children(&self) -> Vec<Self> {
        self.0.children().filter_map(ElementRef::wrap).map(HtmlNode).collect()
    }

    fn tag(&self) -> String {
        self.0.value().name().to_ascii_lowercase()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.0.value().attr(name).map(str::to_string)
    }

    fn attribute_names(&self) -> Vec<String> {
        self.0.value().attrs().map(|(name, _)| name.to_string()).collect()
    }

    fn text(&self) -> String {
        self.0.text().collect()
    }

    fn own_text(&self) -> String {
        self.0.children().filter_map(|child| child.value().as_text().map(|t| t.to_string())).collect()
    }

    fn is_bold(&self) -> bool {
        let weight = |node: &HtmlNode| {
            let style = node.0.value().attr("style")?;
            let value = style.split(';').find_map(|d| d.split_once(':').filter(|(k, _)| k.trim() == "font-weight"))?.1;
            let value = value.trim();
            Some(value == "bold" || value.parse::<u32>().is_ok_and(|w| w >= 600))
        };
        std::iter::successors(Some(*self), PageNode::parent).find_map(|node| weight(&node)).unwrap_or(false)
    }

    fn content_extent(&self) -> Option<(f64, f64)> {
        self.extent("data-test-extent")
    }

    fn box_extent(&self) -> Option<(f64, f64)> {
        self.extent("data-test-box")
    }

    fn same(&self, other: &Self) -> bool {
        self.0.id() == other.0.id()
    }

    fn contains(&self, other: &Self) -> bool {
        std::iter::successors(Some(*other), PageNode::parent).any(|node| node.same(self))
    }
}
