//! The conversation list: which elements are rows, and what a row says about its thread.
//!
//! Business Suite's rows name no thread (no link, no id): a row is known by what it shows
//! (its customer's name, channel and picture), its [`RowReading::key`], until its
//! conversation opens and the page's address names the thread. The list is virtualised
//! and recycles row elements for other threads, so nothing is ever kept by element.

use super::page::{text_blocks, PageNode};
use super::strategy::{Probe, Read};
use super::{PageProfile, RowFinder};
use crate::clock::{list_row_time, parse_timestamp, LocalClock, TimeRange, TimeZone};
use crate::lang::Language;

/// The rows found, and how.
#[derive(Debug, Clone)]
pub struct Rows<N> {
    pub elements: Vec<N>,
    /// Which of the profile's row strategies found them (0 the first); `None`: none did.
    pub strategy: Option<usize>,
}

/// What a row says about its thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowReading {
    /// The thread's id, where the row links to its conversation (Business Suite's rows
    /// do not).
    pub thread_id: Option<String>,
    pub customer: Option<String>,
    /// `messenger`, `instagram`, `facebook-comment`, `instagram-comment`, when shown.
    pub channel: Option<String>,
    /// The Page wrote the last message (its snippet starts "You: "): the row's time is
    /// then the Page's, not the customer's.
    pub page_wrote_last: bool,
    pub unread: bool,
    /// The thread came from a reply to an ad (its window may last 7 days).
    pub from_ad: bool,
    /// The path of the customer's picture (without the query, which Meta re-signs).
    pub avatar: Option<String>,
    /// The texts of the last message's time, best first: exact stamps, then coarse ones.
    pub times: Vec<(Read, String)>,
}

impl RowReading {
    /// What the row's thread is known by: its id where the row names it, else what the
    /// row shows of it (the same thread's row shows the same, wherever the list puts it).
    pub fn key(&self) -> String {
        match &self.thread_id {
            Some(id) => id.clone(),
            None => format!(
                "~{}|{}|{}",
                self.customer.as_deref().unwrap_or(""),
                self.channel.as_deref().unwrap_or(""),
                self.avatar.as_deref().unwrap_or("")
            ),
        }
    }

    /// Whether the thread is a public comment (no messaging window).
    pub fn is_comment(&self) -> bool {
        self.channel.as_deref().is_some_and(|c| c.ends_with("-comment"))
    }

    /// The last message's time: the first of [`RowReading::times`] that reads (an epoch
    /// stamp as the clock believes one: [`list_row_time`]).
    pub fn time<Z: TimeZone>(&self, language: Option<Language>, clock: &LocalClock<Z>) -> Option<TimeRange> {
        self.times.iter().find_map(|(read, text)| match read {
            Read::EpochSeconds => list_row_time(Some(text), None, None, language, clock),
            _ => parse_timestamp(text, language, clock),
        })
    }
}

impl PageProfile {
    /// The conversation list's rows inside `root`: the first strategy that finds any.
    /// Selectors look in the whole page (their hooks are specific); the structural
    /// strategy in the list's container when one is found, and never in the open
    /// conversation (its messages repeat too).
    pub fn rows<N: PageNode>(&self, root: &N) -> Rows<N> {
        for (index, finder) in self.rows.iter().enumerate() {
            let elements = match finder {
                RowFinder::Css(css) => root.query_all(css),
                RowFinder::Around { css, closest } => around(root, css, closest),
                RowFinder::Repeated(anchor) => {
                    let scope = Self::first_match(root, &self.list).unwrap_or_else(|| root.clone());
                    let pane = Self::first_match(root, &self.pane);
                    repeated(&scope, anchor, &self.row_skip, pane.as_ref())
                }
            };
            if !elements.is_empty() {
                return Rows { elements, strategy: Some(index) };
            }
        }
        Rows { elements: Vec::new(), strategy: None }
    }

    /// Reads one row.
    pub fn read_row<N: PageNode>(&self, row: &N) -> RowReading {
        let _stage = crate::stage::enter("reader", "conversation row");
        let skip = self.row_skip.as_str();
        let first = |probes: &[Probe]| probes.iter().find_map(|probe| probe.first(row, skip));
        let name = first(&self.row_name);
        let snippet = first(&self.row_snippet).map(|(_, text)| text);
        let all = |probes: &[Probe]| -> Vec<String> {
            probes.iter().flat_map(|probe| probe.values(row, skip)).map(|(_, v)| v).collect()
        };
        let channel = all(&self.row_channel).into_iter().find_map(|label| {
            let label = label.trim();
            self.channels.iter().find_map(|pair| pair.split_once('=').filter(|(name, _)| *name == label))
        });
        let unread = self.row_unread.iter().any(|probe| match probe.read {
            // The element holding the name's text: the one the page styles.
            Read::BoldName => name
                .as_ref()
                .and_then(|(element, _)| text_blocks(element, skip).into_iter().next())
                .is_some_and(|(text, _)| text.is_bold()),
            _ => probe.values(row, skip).iter().any(|(_, label)| self.unread_labels.iter().any(|l| l == label.trim())),
        });
        let thread_id = all(&self.row_thread)
            .into_iter()
            .find_map(|href| query_parameter(&href, &self.thread_key_parameter).map(str::to_string));
        let times = self.row_time.iter().flat_map(|probe| probe.first(row, skip).map(|(_, text)| (probe.read, text)));
        RowReading {
            thread_id,
            customer: name.map(|(_, text)| text),
            channel: channel.map(|(_, id)| id.to_string()),
            page_wrote_last: snippet
                .is_some_and(|s| self.own_snippet_starts.iter().any(|start| s.starts_with(start.as_str()))),
            unread,
            from_ad: !all(&self.row_ad).is_empty(),
            avatar: all(&self.row_avatar).first().map(|src| without_query(src).to_string()),
            times: times.collect(),
        }
    }
}

/// The rows around the elements matching `css`: each one's nearest ancestor matching
/// `closest` that holds no other match, else the element itself.
fn around<N: PageNode>(root: &N, css: &str, closest: &str) -> Vec<N> {
    let mut rows: Vec<N> = Vec::new();
    for content in root.query_all(css) {
        let row = content.closest(closest).filter(|row| row.query_all(css).len() == 1).unwrap_or(content);
        if !rows.iter().any(|r| r.same(&row)) {
            rows.push(row);
        }
    }
    rows
}

/// Rows by structure: elements that repeat as siblings, each holding one `anchor` (a
/// time) and at least two blocks of text (a name and a snippet). For each anchor, its row
/// is the child, on the anchor's side, of the highest common ancestor it shares with its
/// neighbours (so a row holding two times is still one row); of the sets of sibling rows,
/// the largest wins. Then every anchor under that set's parent gives its row there: the
/// list's first or last row, whose other neighbour is outside the list (the open
/// conversation's first time, when the pane is not recognised), is a row too.
fn repeated<N: PageNode>(scope: &N, anchor: &str, skip: &str, pane: Option<&N>) -> Vec<N> {
    let anchors: Vec<N> =
        scope.query_all(anchor).into_iter().filter(|a| !pane.is_some_and(|p| p.contains(a))).collect();
    if anchors.len() < 2 {
        return Vec::new();
    }
    // Each anchor's ancestors, the root first.
    let chains: Vec<Vec<N>> = anchors
        .iter()
        .map(|a| {
            let mut chain: Vec<N> = std::iter::successors(Some(a.clone()), PageNode::parent).collect();
            chain.reverse();
            chain
        })
        .collect();
    // How deep two chains agree: the common ancestor is at depth - 1.
    let common = |a: &[N], b: &[N]| a.iter().zip(b).take_while(|(x, y)| x.same(y)).count();
    let mut candidates: Vec<(N, usize)> = Vec::new();
    for (i, chain) in chains.iter().enumerate() {
        let neighbours = [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|j| chains.get(j));
        let Some(depth) = neighbours.map(|other| common(chain, other)).min() else { continue };
        // The child of the common ancestor, on this anchor's side.
        if let Some(row) = chain.get(depth) {
            if !candidates.last().is_some_and(|(last, _)| last.same(row)) {
                candidates.push((row.clone(), depth));
            }
        }
    }
    // Group by parent (with its depth); keep rows with a name and a snippet.
    let mut groups: Vec<(N, usize, usize)> = Vec::new();
    for (row, depth) in candidates {
        if text_blocks(&row, skip).len() < 2 {
            continue;
        }
        let Some(parent) = row.parent() else { continue };
        match groups.iter_mut().find(|(p, _, _)| p.same(&parent)) {
            Some((_, _, count)) => *count += 1,
            None => groups.push((parent, depth - 1, 1)),
        }
    }
    let Some((list, depth, _)) =
        groups.into_iter().filter(|(_, _, count)| *count >= 2).max_by_key(|(_, _, count)| *count)
    else {
        return Vec::new();
    };
    let mut rows: Vec<N> = Vec::new();
    for chain in &chains {
        let Some(row) = chain.get(depth + 1).filter(|_| chain[depth].same(&list)) else { continue };
        if !rows.last().is_some_and(|last| last.same(row)) && text_blocks(row, skip).len() >= 2 {
            rows.push(row.clone());
        }
    }
    rows
}

/// An address without its query and fragment.
fn without_query(src: &str) -> &str {
    src.split(['?', '#']).next().unwrap_or(src)
}

/// The value of `name` in a URL's query (`?a=1&selected_item_id=42#x` gives `42` for
/// `selected_item_id`); `None` when absent or empty. Thread ids are digits, so no
/// percent-decoding is needed; a value that would need it is taken as written.
pub fn query_parameter<'a>(href: &'a str, name: &str) -> Option<&'a str> {
    let query = href.split('#').next()?.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v))
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_profile::html::{HtmlNode, HtmlPage};
    use crate::page_profile::shipped;

    const BUSINESS: &str = include_str!("fixtures/business.html");
    const MESSENGER: &str = include_str!("fixtures/messenger.html");

    fn rows(page: &HtmlPage) -> (Vec<RowReading>, Option<usize>) {
        let found = shipped().rows(&page.root());
        (found.elements.iter().map(|row: &HtmlNode| shipped().read_row(row)).collect(), found.strategy)
    }

    #[test]
    fn business_suite_rows_are_read_without_a_thread_id() {
        let page = HtmlPage::parse(BUSINESS);
        let (read, strategy) = rows(&page);
        assert_eq!(strategy, Some(0), "found by their data-surface");
        let names: Vec<_> = read.iter().map(|r| r.customer.as_deref().unwrap_or("?")).collect();
        assert_eq!(names, ["Ana Popescu", "Mihai Ionescu", "Lucia Marin"], "not the action grid's rows");
        let ana = &read[0];
        assert_eq!(ana.thread_id, None);
        assert_eq!(ana.channel.as_deref(), Some("messenger"));
        assert!(ana.page_wrote_last && !ana.unread && !ana.from_ad);
        assert_eq!(ana.avatar.as_deref(), Some("https://scontent.xx.fbcdn.net/v/t39.30808-1/101_n.jpg"));
        assert_eq!(ana.key(), "~Ana Popescu|messenger|https://scontent.xx.fbcdn.net/v/t39.30808-1/101_n.jpg");
        assert_eq!(ana.times[0], (Read::EpochSeconds, "1795438800.408".to_string()));
        let mihai = &read[1];
        assert_eq!(mihai.channel.as_deref(), Some("instagram"));
        assert!(!mihai.page_wrote_last && mihai.unread, "unread is the bold name");
        let lucia = &read[2];
        assert!(lucia.from_ad && !lucia.unread);
        // Without data-utime, the coarse title and text remain, judged as a day.
        assert_eq!(lucia.times, [(Read::Stamp, "Sunday".to_string()), (Read::Stamp, "Sun".to_string())]);
        let clock = LocalClock::new(1_795_446_000_000, 0);
        let sunday = lucia.time(Some(Language::En), &clock).unwrap();
        assert!(sunday.is_approximate());
        assert_eq!(ana.time(Some(Language::En), &clock).unwrap().earliest_ms % 60_000, 0);
    }

    #[test]
    fn rows_wrapped_deeper_or_without_their_role_are_still_one_row_each() {
        let surface = "/bizweb:inbox/lib:inbox:thread_and_detail/bizweb_inbox:thread_list/thread_row";
        let row = |n: usize, name: &str, role: &str| {
            format!(
                r#"<div {role} id=r{n}><div><span data-surface="{surface}{n}" style="display: contents;">
                   <span data-surface="{surface}{n}/lib:thread_title"><div>{name}</div></span><div>Hello</div>
                   <abbr data-utime="1795438800">1:00 PM</abbr></span></div></div>"#
            )
        };
        // The whole list wears role=presentation too: it holds every row, so it is none.
        let nested = format!(
            "<div role=presentation>{}{}</div>",
            row(0, "Ana Popescu", "role=presentation"),
            row(1, "Mihai Ionescu", "role=presentation")
        );
        let page = HtmlPage::parse(&nested);
        let found = shipped().rows(&page.root());
        let ids: Vec<_> = found.elements.iter().map(|r| r.attr("id").unwrap_or_default()).collect();
        assert_eq!(ids, ["r0", "r1"]);
        // No role at all: the content's own element is the row.
        let bare = format!("<div>{}{}</div>", row(0, "Ana Popescu", ""), row(1, "Mihai Ionescu", ""));
        let page = HtmlPage::parse(&bare);
        let (read, strategy) = rows(&page);
        assert_eq!(strategy, Some(0));
        assert_eq!(
            read.iter().map(|r| r.customer.clone().unwrap_or_default()).collect::<Vec<_>>(),
            ["Ana Popescu", "Mihai Ionescu"]
        );
    }

    #[test]
    fn messenger_style_rows_name_their_thread() {
        let page = HtmlPage::parse(MESSENGER);
        let (read, strategy) = rows(&page);
        assert_eq!(strategy, Some(1));
        assert_eq!(read.len(), 2);
        let ana = &read[0];
        assert_eq!(ana.thread_id.as_deref(), Some("100052384037366"));
        assert_eq!(ana.key(), "100052384037366");
        assert_eq!((ana.customer.as_deref(), ana.channel.as_deref()), (Some("Ana Popescu"), Some("messenger")));
        assert!(ana.page_wrote_last && !ana.unread);
        assert_eq!(ana.times[0], (Read::Stamp, "Monday, November 23, 2026 at 2:55 PM".to_string()));
        let elena = &read[1];
        assert_eq!(elena.channel.as_deref(), Some("facebook-comment"));
        assert!(elena.unread && !elena.page_wrote_last && elena.is_comment());
    }

    #[test]
    fn rows_without_hooks_or_roles_are_found_by_their_structure() {
        // A redesign drops the hooks and roles: rows are still rows by their shape.
        let page = HtmlPage::parse(
            r#"<html><body><div><h1>Inbox</h1><input type=search>
               <div><div><div><img alt="" src="/a.jpg?x=1"><span>Ana Popescu</span><abbr data-utime="1795438800">2:00 PM</abbr></div>
                  <div>You: On its way</div></div>
               <div><div><img alt="" src="/b.jpg"><span style="font-weight:700">Mihai Ionescu</span><abbr>Sun</abbr></div>
                  <div>Where is my order?</div></div>
               <div><div><img alt="" src="/c.jpg"><span>Elena Dumitru</span><abbr>Yesterday</abbr><abbr>seen</abbr></div>
                  <div>Thanks!</div></div></div>
               <div data-pagelet="BizP13NInboxMessengerDetailView"><div><abbr>1:00 PM</abbr><p>a</p><p>b</p></div>
               <div><abbr>2:00 PM</abbr><p>c</p><p>d</p></div><div><abbr>3:00 PM</abbr><p>e</p><p>f</p></div>
               <div><abbr>4:00 PM</abbr><p>g</p><p>h</p></div></div></div></body></html>"#,
        );
        let (read, strategy) = rows(&page);
        assert_eq!(strategy, Some(2));
        let names: Vec<_> = read.iter().map(|r| r.customer.as_deref().unwrap_or("?")).collect();
        assert_eq!(names, ["Ana Popescu", "Mihai Ionescu", "Elena Dumitru"], "not the conversation's messages");
        assert!(read[0].page_wrote_last && read[1].unread && !read[2].unread);
        assert_eq!(read[0].avatar.as_deref(), Some("/a.jpg"));
        assert_eq!(read[0].key(), "~Ana Popescu||/a.jpg");
    }

    #[test]
    fn the_last_row_stays_a_row_when_the_pane_is_not_recognised() {
        // Every hook and role renamed: neither the list nor the pane is found, so the open
        // conversation's times are anchors too, and the last row's next neighbour is the
        // pane's first time, whose common ancestor with it is above the list.
        let page = HtmlPage::parse(
            r#"<html><body><div><div><h1>Inbox</h1>
               <div><div><div><span>Ana Popescu</span><abbr>2:00 PM</abbr></div><div>You: On its way</div></div>
               <div><div><span>Mihai Ionescu</span><abbr>Sun</abbr></div><div>Where is my order?</div></div>
               <div><div><span>Aram Petrosyan</span><abbr>3d</abbr></div><div>Barev</div></div>
               <div><div><span>Priya Sharma</span><abbr>1w</abbr></div><div>Namaste</div></div></div></div>
               <div><div><h2>Mihai Ionescu</h2><span>Messenger</span></div>
               <div><div><span>Mihai Ionescu sent</span><div>Where is my order?</div><div><abbr>1:00 PM</abbr></div></div>
               <div><span>You sent</span><div>On its way</div><div><abbr>2:00 PM</abbr></div></div></div></div>
               </div></body></html>"#,
        );
        let (read, strategy) = rows(&page);
        assert_eq!(strategy, Some(2));
        let names: Vec<_> = read.iter().map(|r| r.customer.as_deref().unwrap_or("?")).collect();
        assert_eq!(names, ["Ana Popescu", "Mihai Ionescu", "Aram Petrosyan", "Priya Sharma"]);
    }

    #[test]
    fn a_page_without_a_list_has_no_rows() {
        let page = HtmlPage::parse(
            "<html><body><div><abbr>Sun</abbr><p>x</p><p>y</p></div><textarea></textarea></body></html>",
        );
        assert_eq!(rows(&page).1, None);
    }

    #[test]
    fn the_page_wrote_last_in_every_ui_language() {
        for (snippet, expected) in
            [("Dvs.: Bună, Ana", true), ("Դուք՝ Բարև", true), ("आप: नमस्ते", true), ("Thank you: it arrived", false)]
        {
            let page = HtmlPage::parse(&format!(
                r#"<div role=list aria-label=Conversations><div role=listitem><a href="?selected_item_id=7">
                   <span dir=auto>Ana</span><span dir=auto>{snippet}</span></a></div></div>"#
            ));
            assert_eq!(rows(&page).0[0].page_wrote_last, expected, "{snippet}");
        }
    }

    #[test]
    fn query_parameters() {
        assert_eq!(query_parameter("/x?a=1&b=2#b=3", "b"), Some("2"));
        assert_eq!(query_parameter("/x?ab=1&b=2", "b"), Some("2"));
        assert_eq!(query_parameter("/x#?b=2", "b"), None);
        assert_eq!(query_parameter("/x?b", "b"), None);
        assert_eq!(
            query_parameter("https://business.facebook.com/latest/inbox?selected_item_id=9", "selected_item_id"),
            Some("9")
        );
        assert_eq!(without_query("https://x/a.jpg?oh=1#f"), "https://x/a.jpg");
    }
}
