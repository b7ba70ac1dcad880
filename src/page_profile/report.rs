//! The layout report: the structure of the page where the parts that failed should be,
//! for whoever updates the profile (a team lead, this project), without what the page
//! says. An agent copies it from the popup when the health view shows a part missing.
//!
//! Each element is one line: its tag, role, `aria-*` attributes, `data-pagelet` and
//! `data-surface` (the hooks a strategy would use), the names of its other attributes
//! (never their values: class names, ids, addresses), its number of children, and its own
//! text as a length and a script (`text(12 Latn)`). Labels (`aria-label`, `placeholder`,
//! `alt`, `title`) may name the customer or quote a message, so one is kept only where it
//! is one of the profile's own interface strings ("Send", "Messenger"), or as far as it
//! starts with one; the rest of it is a length and a script too. Runs of siblings of one
//! shape are collapsed, depth is bounded, and the whole is cut to a byte limit.

use super::health::{Health, Part, Status};
use super::page::{shape, PageNode};
use super::PageProfile;
use crate::text::case::to_lower;
use crate::text::letters::{count_letters, script};

/// The size the extension offers the report at: enough for the skeleton of the inbox
/// around a part, small enough to paste in a message.
pub const LIMIT_BYTES: usize = 64 * 1024;

/// Attributes whose values are free text (and may hold a name or a message).
const LABELS: [&str; 8] = [
    "aria-label",
    "aria-placeholder",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "alt",
    "title",
    "placeholder",
];
/// Attributes whose values are the page's hooks, kept whole.
const HOOKS: [&str; 3] = ["role", "data-pagelet", "data-surface"];
/// Attributes whose values are from a short list (`type="search"`, `aria-hidden="true"`,
/// `contenteditable`, `dir`), kept when they look like one of its words.
pub const TOKENS: [&str; 4] = ["type", "contenteditable", "dir", "tabindex"];
/// `aria-*` attributes that point at other elements by id: their values are ids.
const ID_REFERENCES: [&str; 8] = [
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-activedescendant",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
];
/// Elements whose insides tell nothing of the layout (code, styles, drawings).
const OPAQUE: [&str; 6] = ["script", "style", "noscript", "template", "svg", "math"];
/// Siblings of one shape shown before the rest of the run is counted.
const SHOWN_OF_A_RUN: usize = 2;
/// How deep a section goes below its root.
const MAX_DEPTH: usize = 40;
/// How many text boxes' surroundings are shown, and how far up and down around each.
const MAX_TEXT_BOXES: usize = 8;
const LEVELS_UP: usize = 3;
const LEVELS_DOWN: usize = 5;

/// The report for the parts `health` says are missing, on the page `root` at
/// `page_path` (only its path is shown; a query or a host given is dropped), at most
/// `limit_bytes` long (cut at a line, with a note saying so).
pub fn layout_report<N: PageNode>(
    profile: &PageProfile,
    root: &N,
    health: &Health,
    page_path: &str,
    limit_bytes: usize,
) -> String {
    let mut out = Out { text: String::new(), limit: limit_bytes, cut: false, ui: ui_strings(profile) };
    out.line("Reply Coach layout report");
    out.line(&format!("version: {}", env!("CARGO_PKG_VERSION")));
    out.line(&format!("page: {}", path_only(page_path)));
    for part in Part::ALL {
        out.line(&format!("{}: {}", part.name(), health.status(part).name()));
        for looked in health.looked_for(part) {
            out.line(&format!("  looked for {looked}"));
        }
    }
    let missing = |part: Part| health.status(part) == Status::Missing;
    let pane = profile.pane(root);
    if missing(Part::List) {
        out.section("the page outside the open conversation");
        out.tree(root, 0, MAX_DEPTH, &Marks { left_out: pane.as_ref(), text_box: None });
    }
    if missing(Part::Times) || missing(Part::Channel) {
        out.section("the first rows");
        for row in profile.rows(root).elements.iter().take(SHOWN_OF_A_RUN) {
            out.tree(row, 0, MAX_DEPTH, &Marks::NONE);
        }
    }
    if missing(Part::Conversation) {
        out.section(if pane.is_some() { "the conversation's pane" } else { "the page (no pane found)" });
        out.tree(pane.as_ref().unwrap_or(root), 0, MAX_DEPTH, &Marks::NONE);
    }
    if missing(Part::Composer) {
        out.section("around each text box");
        for text_box in root.query_all(&profile.composer.candidates).iter().take(MAX_TEXT_BOXES) {
            let above = std::iter::successors(Some(text_box.clone()), PageNode::parent).take(LEVELS_UP + 1).last();
            let around = above.unwrap_or_else(|| text_box.clone());
            out.tree(&around, 0, LEVELS_DOWN, &Marks { left_out: None, text_box: Some(text_box) });
        }
    }
    out.text
}

/// `address` without its query and fragment, and without its scheme and host.
fn path_only(address: &str) -> &str {
    let address = address.split(['?', '#']).next().unwrap_or("");
    match address.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |slash| &rest[slash..]),
        None => address,
    }
}

/// The profile's own interface strings, lower case: the texts an element's label may
/// show without saying anything of a customer ("Send", "Messenger", "Reply in …").
pub fn ui_strings(profile: &PageProfile) -> Vec<String> {
    let composer = &profile.composer;
    let channels = profile.channels.iter().filter_map(|pair| pair.split_once('=').map(|(label, _)| label));
    // A pattern's words before its name: "Sent by {name}" gives "Sent by".
    let patterns = [&profile.sent_by, &profile.customer_message_starts, &profile.comment_composer_labels];
    let before_names = patterns.into_iter().flatten().filter_map(|pattern| pattern.split('{').next());
    // The labels the selectors look for: "[aria-label='Send']" gives "Send".
    let selectors = [&profile.message_list, &profile.pane, &profile.list].into_iter().flatten();
    let quoted = selectors.chain([&composer.send]).flat_map(|selector| selector.split('\'').skip(1).step_by(2));
    let lists = [&profile.unread_labels, &profile.not_names, &profile.own_message_starts, &profile.ad_replies];
    let texts = lists.into_iter().flatten().map(String::as_str);
    let labels = composer.reply_labels.iter().chain(&composer.decoy_labels).map(String::as_str);
    let mut strings: Vec<String> = channels
        .chain(before_names)
        .chain(quoted)
        .chain(texts)
        .chain(labels)
        .map(|text| to_lower(text.trim()))
        .filter(|text| !text.is_empty())
        .collect();
    crate::sort::sort_texts(&mut strings);
    strings.dedup();
    strings
}

/// How much of `value` is an interface string: all of it, or the start of it up to the
/// end of a word; `None` when no interface string starts it. Ignores case.
pub fn ui_prefix<'a>(value: &'a str, ui: &[String]) -> Option<&'a str> {
    let lower = to_lower(value);
    ui.iter()
        .filter(|ui| {
            let Some(rest) = lower.strip_prefix(ui.as_str()) else { return false };
            !rest.starts_with(char::is_alphanumeric)
        })
        .map(|ui| ui.chars().count())
        .max()
        .map(|chars| value.char_indices().nth(chars).map_or(value, |(at, _)| &value[..at]))
}

/// Elements a section marks: a subtree left out (the open conversation), a text box.
struct Marks<'a, N> {
    left_out: Option<&'a N>,
    text_box: Option<&'a N>,
}

impl<N> Marks<'_, N> {
    const NONE: Self = Marks { left_out: None, text_box: None };
}

/// The report being written, cut at its limit.
struct Out {
    text: String,
    limit: usize,
    cut: bool,
    ui: Vec<String>,
}

impl Out {
    fn line(&mut self, line: &str) {
        const NOTE: &str = "… cut here: the report reached its size limit\n";
        if self.cut {
            return;
        }
        if self.text.len() + line.len() + 1 + NOTE.len() > self.limit {
            self.cut = true;
            if self.text.len() + NOTE.len() <= self.limit {
                self.text.push_str(NOTE);
            }
            return;
        }
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn section(&mut self, title: &str) {
        self.line("");
        self.line(&format!("## {title}"));
    }

    /// `node` and what is under it, `depth` levels in, down to `max_depth`.
    fn tree<N: PageNode>(&mut self, node: &N, depth: usize, max_depth: usize, marks: &Marks<N>) {
        let indent = "  ".repeat(depth);
        if marks.left_out.is_some_and(|left_out| left_out.same(node)) {
            self.line(&format!("{indent}… the open conversation, left out"));
            return;
        }
        let children = node.children();
        let mut line = format!("{indent}{}", self.element(node, children.len()));
        if marks.text_box.is_some_and(|text_box| text_box.same(node)) {
            line.push_str("  ◀ text box");
        }
        self.line(&line);
        if self.cut || OPAQUE.contains(&node.tag().as_str()) || children.is_empty() {
            return;
        }
        if depth >= max_depth {
            self.line(&format!("{indent}  … deeper levels left out"));
            return;
        }
        let shapes: Vec<String> = children.iter().map(shape_with_children).collect();
        let mut i = 0;
        while i < children.len() {
            let run = shapes[i..].iter().take_while(|s| **s == shapes[i]).count();
            for child in &children[i..i + run.min(SHOWN_OF_A_RUN)] {
                self.tree(child, depth + 1, max_depth, marks);
            }
            if run > SHOWN_OF_A_RUN {
                self.line(&format!("{indent}  … {} more like this", run - SHOWN_OF_A_RUN));
            }
            i += run;
        }
    }

    /// One element's line.
    fn element<N: PageNode>(&self, node: &N, children: usize) -> String {
        let mut line = node.tag();
        for name in node.attribute_names() {
            let value = node.attr(&name).unwrap_or_default();
            line.push(' ');
            line.push_str(&name);
            let shown = if HOOKS.contains(&name.as_str()) {
                Some(format!("={value:?}"))
            } else if LABELS.contains(&name.as_str()) {
                Some(format!("={}", self.label(&value)))
            } else if (TOKENS.contains(&name.as_str()) || name.starts_with("aria-"))
                && !ID_REFERENCES.contains(&name.as_str())
            {
                Some(format!("={}", token(&value)))
            } else {
                None
            };
            line.push_str(&shown.unwrap_or_default());
        }
        if children > 0 {
            line.push_str(&format!(" ({children} children)"));
        }
        let own = node.own_text();
        if !own.trim().is_empty() && !OPAQUE.contains(&node.tag().as_str()) {
            line.push(' ');
            line.push_str(&described(own.trim()));
        }
        line
    }

    /// A label: what of it is an interface string, the rest as a length and a script.
    fn label(&self, value: &str) -> String {
        let value = value.trim();
        match ui_prefix(value, &self.ui) {
            Some(kept) if kept.len() == value.len() => format!("{kept:?}"),
            Some(kept) => format!("{kept:?}+{}", described(value[kept.len()..].trim())),
            None if value.is_empty() => "\"\"".to_string(),
            None => described(value),
        }
    }
}

/// What makes siblings "alike" for collapsing a run: their shapes and their children's (a
/// page's plain divs share a shape; rows and messages also share what they hold).
fn shape_with_children<N: PageNode>(node: &N) -> String {
    let children: Vec<String> = node.children().iter().map(shape).collect();
    format!("{} > {}", shape(node), children.join(", "))
}

/// A text as its length in letters and its script: `text(12 Latn)`.
fn described(text: &str) -> String {
    format!("text({} {})", count_letters(text), script(text))
}

/// A value from a short list of words: kept when it looks like one (`true`, `search`,
/// `-1`), else its length and script.
fn token(value: &str) -> String {
    let is_token = value.len() <= 16 && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if is_token {
        value.to_string()
    } else {
        described(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::LocalClock;
    use crate::lang::Language;
    use crate::page_profile::health::tests::{changed, BUSINESS, OPEN};
    use crate::page_profile::health::Readings;
    use crate::page_profile::html::{HtmlNode, HtmlPage};
    use crate::page_profile::Conversation;
    use crate::page_profile::{shipped, SHIPPED};

    const MESSENGER: &str = include_str!("fixtures/messenger.html");

    fn report(html: &str, limit: usize) -> String {
        let page = HtmlPage::parse(html);
        let clock = LocalClock::new(1_795_446_000_000, 0);
        let health = shipped().health(&page.root(), OPEN, Some(Language::En), &clock);
        layout_report(shipped(), &page.root(), &health, OPEN, limit)
    }

    /// The report of a page as if nothing on it were recognised: every section there is.
    fn report_of_nothing(html: &str) -> String {
        let page = HtmlPage::parse(html);
        let conversation = Conversation::default();
        let readings = Readings {
            strategy: None,
            rows: &[],
            conversation: &conversation,
            pane: false,
            reply_box: false,
            thread_open: true,
        };
        let health = Health::from_readings(shipped(), &readings, || 0);
        layout_report(shipped(), &page.root(), &health, OPEN, LIMIT_BYTES)
    }

    /// The business page with its rows' time moved to another element.
    fn time_moved(html: &str) -> String {
        changed(
            html,
            &[("<abbr class=\"timestamp\"", "<span data-when"), ("</abbr>", "</span>"), ("data-utime=", "data-ts=")],
        )
    }

    /// A page with every part missing: its hooks renamed, its time moved, its reply box
    /// without evidence, its pane under another name.
    fn broken(html: &str) -> String {
        changed(
            html,
            &[
                ("thread_list/thread_row", "threads:list/item"),
                ("<abbr class=\"timestamp\"", "<span data-when"),
                ("</abbr>", "</span>"),
                ("data-utime=", "data-ts="),
                ("BizP13NInboxMessengerDetailView", "BizInboxThreadPane"),
                (r#"placeholder="Reply in Messenger…" data-test-box="410 1000""#, r#"placeholder="Your answer""#),
                (r#"aria-label="Send""#, r#"aria-label="Submit""#),
            ],
        )
    }

    /// Every text of the page, and every attribute value, of 3 characters or more, that is
    /// not one of the profile's interface strings, a hook or a short-list value, nor in
    /// the profile's own file (whose selectors the report's header quotes: "Inbox" is in
    /// a `data-pagelet`, "Labels" in `replyLabels`).
    fn private_texts(page: &HtmlPage) -> Vec<String> {
        let ui = ui_strings(shipped());
        let mut found = Vec::new();
        for node in page.root().query_all("*") {
            let node: HtmlNode = node;
            found.extend(node.own_text().split('\n').map(str::trim).map(str::to_string));
            for name in node.attribute_names() {
                let value = node.attr(&name).unwrap_or_default();
                let hook = HOOKS.contains(&name.as_str()) || TOKENS.contains(&name.as_str()) || name == "aria-hidden";
                if !hook && ui_prefix(&value, &ui) != Some(value.as_str()) {
                    found.push(value);
                }
            }
        }
        found.retain(|text| text.chars().count() >= 3 && ui_prefix(text, &ui) != Some(text) && !SHIPPED.contains(text));
        found
    }

    #[test]
    fn the_report_holds_the_structure_and_none_of_the_page_text() {
        let pages = [broken(BUSINESS), time_moved(BUSINESS), BUSINESS.to_string(), MESSENGER.to_string()];
        for (i, html) in pages.iter().enumerate() {
            let report = if i < 2 { report(html, LIMIT_BYTES) } else { report_of_nothing(html) };
            assert!(report.contains("## "), "{report}");
            assert!(report.len() <= LIMIT_BYTES);
            let page = HtmlPage::parse(html);
            for private in private_texts(&page) {
                assert!(!report.contains(&private), "{private:?} is in the report:\n{report}");
            }
            assert!(!report.contains("selected_item_id=1"), "the address's query");
        }
        // Names and messages the test must have collected.
        let texts = private_texts(&HtmlPage::parse(&broken(BUSINESS)));
        for private in ["Ana Popescu", "Hello! Do you deliver to Cluj?", "Sent by Andrei Stan", "Move to done"] {
            assert!(texts.iter().any(|t| t == private), "{private}");
        }
    }

    #[test]
    fn a_part_of_the_rows_that_failed_shows_the_first_rows() {
        let report = report(&time_moved(BUSINESS), LIMIT_BYTES);
        assert!(report.contains("times: missing\n") && report.contains("## the first rows\n"));
        assert!(!report.contains("## the page"));
        assert!(
            report.contains(r#"span aria-hidden=true data-ts data-when title=text(7 Latn) text(7 Latn)"#),
            "{report}"
        );
    }

    #[test]
    fn the_report_shows_each_failed_part_s_surroundings() {
        let report = report(&broken(BUSINESS), LIMIT_BYTES);
        assert!(report.starts_with(&format!(
            "Reply Coach layout report\nversion: {}\npage: /latest/inbox/all\nlist: missing\n",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(report.contains("times: idle\n") && report.contains("conversation: missing\n"));
        assert!(report.contains("  looked for rows: [data-surface*='thread_list/thread_row']"), "{report}");
        for section in
            ["## the page outside the open conversation", "## the page (no pane found)", "## around each text box"]
        {
            assert!(report.contains(section), "{section}");
        }
        // The hooks a new strategy would use, with their values; a row's text as lengths.
        assert!(report.contains(r#"div data-pagelet="BizInboxThreadPane""#), "{report}");
        assert!(report.contains("threads:list/item0/lib:thread_title"));
        assert!(report.contains("div class role=\"presentation\" style (1 children)"), "{report}");
        assert!(report.contains("div class text(11 Latn)"), "Ana Popescu's length");
        assert!(
            report.contains(r#"span aria-hidden=true data-ts data-when title=text(7 Latn) text(7 Latn)"#),
            "{report}"
        );
        // Labels: the interface's own kept, the rest measured.
        assert!(report.contains(r#"img alt="Messenger" height src width"#));
        assert!(report.contains(r#"textarea placeholder=text(11 Latn) type=text  ◀ text box"#), "{report}");
        assert!(report.contains(r#"div aria-label=text(6 Latn) role="button" tabindex=0"#), "{report}");
        // Runs of rows collapse.
        assert!(report.contains("… 1 more like this"));
    }

    #[test]
    fn labels_keep_only_interface_strings() {
        let ui = ui_strings(shipped());
        assert_eq!(ui_prefix("Reply in Messenger…", &ui), Some("Reply"));
        assert_eq!(ui_prefix("Message list container with messages", &ui), Some("Message list container"));
        assert_eq!(ui_prefix("Send", &ui), Some("Send"));
        assert_eq!(ui_prefix("Sent by Maria Popa", &ui), Some("Sent by"));
        assert_eq!(ui_prefix("Aaron Pop", &ui), None, "\"Aa\" is a label, not the start of a name");
        assert_eq!(ui_prefix("Ana Popescu", &ui), None);
    }

    #[test]
    fn the_report_is_cut_at_its_limit_on_a_line() {
        let full = report(&broken(BUSINESS), LIMIT_BYTES);
        let cut = report(&broken(BUSINESS), 2_000);
        assert!(cut.len() <= 2_000 && full.len() > 2_000);
        assert!(cut.ends_with("… cut here: the report reached its size limit\n"));
        assert!(full.starts_with(cut.lines().next().unwrap()));
    }

    #[test]
    fn a_healthy_page_gets_the_header_only() {
        let report = report(BUSINESS, LIMIT_BYTES);
        assert!(!report.contains("##"));
        assert!(report.contains("composer: ok\n"));
        assert_eq!(path_only("https://business.facebook.com/latest/inbox/all?asset_id=1#x"), "/latest/inbox/all");
        assert_eq!(path_only("/latest/inbox/all?selected_item_id=1"), "/latest/inbox/all");
    }
}
