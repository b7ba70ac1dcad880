//! The open conversation as the page shows it: its customer, who wrote each message, when
//! the customer last wrote, whether the thread came from an ad, and who the agent is.
//!
//! Business Suite's message pane has no roles and no per-message stamps: messages are
//! plain divs told apart by their side (the customer's on the left, with their picture;
//! the Page's on the right, with a "Sent by <name>" line), and times are date separators
//! between groups of messages. A message's time is then the range from its separator to
//! the next one (or now), judged by its worst case, the earliest. The Messenger-style
//! layout labels its messages and stamps each one; both are strategies of the profile.

use super::page::{text_blocks, trimmed_text, PageNode};
use super::strategy::Read;
use super::{capture, MessageFinder, PageProfile};
use crate::clock::{parse_timestamp, sent_under_separator, LocalClock, TimeRange, TimeZone};
use crate::lang::Language;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    Customer,
    Page,
}

/// What the open conversation shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conversation {
    /// The customer's display name (the pane's header, else their picture's label).
    pub customer: Option<String>,
    /// When the customer last wrote.
    pub last_customer: Option<TimeRange>,
    /// What they last wrote.
    pub last_customer_text: Option<String>,
    /// Who wrote the newest message, when the page shows it.
    pub last_sender: Option<Sender>,
    /// The customer replied to an ad ("… replied to an ad."): the thread came from one.
    pub from_ad: bool,
    /// When that reply was, where a separator dates it.
    pub ad_reply: Option<TimeRange>,
    /// The newest "Sent by <name>" of a Page message: a person of the Page's team.
    pub sent_by: Option<String>,
    /// Whether a message list was found at all.
    pub has_messages: bool,
    /// The customer's messages after the Page's last one: one more when they write again
    /// (the stale draft's news, `crate::stale`), none once the Page answers.
    pub customer_run: usize,
}

impl Conversation {
    /// Hours since the customer last wrote, in the worst case (the earliest time the page
    /// allows), counted from the start of `now_ms`'s minute: times name their minute, so
    /// nothing changes within one, and a context that stays the same lets a page change
    /// that leaves the draft alone skip the lint.
    pub fn hours_since_customer(&self, now_ms: i64) -> Option<f64> {
        hours_since(self.last_customer?, now_ms)
    }

    /// Hours since the customer replied to the ad, likewise.
    pub fn hours_since_ad_reply(&self, now_ms: i64) -> Option<f64> {
        hours_since(self.ad_reply?, now_ms)
    }
}

fn hours_since(range: TimeRange, now_ms: i64) -> Option<f64> {
    let minute = now_ms - now_ms.rem_euclid(60_000);
    Some((minute - range.earliest_ms).max(0) as f64 / 3_600_000.0)
}

/// One item of the message list, as a first look tells: its text decides separators and
/// system lines; who wrote a message, what it says and when are read only for the
/// messages that matter (from the newest back), as each costs calls into the page.
enum Item<N> {
    Separator(TimeRange),
    AdReply,
    Message { element: N, text: String },
}

/// What a message says about itself.
struct Message {
    sender: Option<Sender>,
    text: Option<String>,
    stamp: Option<TimeRange>,
    sent_by: Option<String>,
}

impl PageProfile {
    /// The open conversation's pane.
    pub fn pane<N: PageNode>(&self, root: &N) -> Option<N> {
        Self::first_match(root, &self.pane)
    }

    /// Reads the open conversation inside `root` (the page), in the UI `language`.
    pub fn read_conversation<N: PageNode, Z: TimeZone>(
        &self,
        root: &N,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Conversation {
        let _stage = crate::stage::enter("reader", "conversation");
        let pane = self.pane(root);
        let scope = pane.as_ref().unwrap_or(root);
        let list = Self::first_match(scope, &self.message_list);
        let header =
            self.customer_name.iter().flat_map(|css| scope.query_all(css)).find_map(|element| {
                trimmed_text(&element).filter(|name| !self.not_names.iter().any(|not| not == name))
            });
        // Where the header shows no name, the customer's picture beside their messages does.
        let customer = header.or_else(|| {
            let picture = list.as_ref()?.query(&self.customer_avatar)?;
            picture.attr("alt").map(|alt| alt.trim().to_string()).filter(|alt| !alt.is_empty())
        });
        let Some(list) = list else {
            return Conversation { customer, ..Conversation::default() };
        };
        let mut conversation = Conversation { has_messages: true, ..Conversation::default() };
        let dated = self.dated_items(&list, language, clock);
        if let Some((_, time)) = dated.iter().find(|(item, _)| matches!(item, Item::AdReply)) {
            conversation.from_ad = true;
            conversation.ad_reply = *time;
        }
        // From the newest message back, until the customer's last one and the newest
        // "Sent by" line are found.
        let extent = list.box_extent();
        let by_separator = self.message_time.iter().any(|probe| probe.read == Read::Separator);
        let mut in_run = true;
        for (item, separated) in dated.iter().rev() {
            let Item::Message { element, text } = item else { continue };
            let message = self.message(element, text, customer.as_deref(), extent, language, clock);
            // The run ends at the Page's newest message, which comes before any "Sent by"
            // (a Page message's), so the loop's end below never cuts it short.
            match message.sender {
                Some(Sender::Customer) if in_run => conversation.customer_run += 1,
                Some(Sender::Page) => in_run = false,
                _ => {}
            }
            if conversation.last_sender.is_none() {
                conversation.last_sender = message.sender;
            }
            if conversation.sent_by.is_none() {
                conversation.sent_by = message.sent_by;
            }
            if message.sender == Some(Sender::Customer) && conversation.last_customer_text.is_none() {
                conversation.last_customer = message.stamp.or(if by_separator { *separated } else { None });
                conversation.last_customer_text = message.text;
            }
            if conversation.last_customer_text.is_some() && conversation.sent_by.is_some() {
                break;
            }
        }
        Conversation { customer, ..conversation }
    }

    /// The newest `newest` messages of the open conversation inside `root`, oldest first,
    /// as the response figures need them ([`crate::respond::turns`]): who wrote each (a
    /// Page message with a "Sent by" line is a person's, one without is automated) and
    /// when. Messages whose writer or time the page does not tell are left out. `customer`
    /// is the name [`PageProfile::read_conversation`] found (it tells their labelled messages).
    pub fn read_messages<N: PageNode, Z: TimeZone>(
        &self,
        root: &N,
        customer: Option<&str>,
        language: Option<Language>,
        clock: &LocalClock<Z>,
        newest: usize,
    ) -> Vec<crate::respond::Message> {
        use crate::respond::{Author, Message as Said};
        let _stage = crate::stage::enter("reader", "messages");
        let scope = self.pane(root);
        let Some(list) = Self::first_match(scope.as_ref().unwrap_or(root), &self.message_list) else {
            return Vec::new();
        };
        let dated = self.dated_items(&list, language, clock);
        let messages = dated.iter().filter(|(item, _)| matches!(item, Item::Message { .. }));
        let skip = messages.clone().count().saturating_sub(newest);
        let extent = list.box_extent();
        let by_separator = self.message_time.iter().any(|probe| probe.read == Read::Separator);
        messages
            .skip(skip)
            .filter_map(|(item, separated)| {
                let Item::Message { element, text } = item else { return None };
                let message = self.message(element, text, customer, extent, language, clock);
                let author = match message.sender? {
                    Sender::Customer => Author::Customer,
                    Sender::Page if message.sent_by.is_some() => Author::Person,
                    Sender::Page => Author::Automated,
                };
                let at = message.stamp.or(if by_separator { *separated } else { None })?;
                Some(Said { author, at })
            })
            .collect()
    }

    /// The message list's items, each with its time from the separators: a separator
    /// dates the items after it, up to the next separator (or now); the first message
    /// after it is the one it was drawn for, at its very minute.
    fn dated_items<N: PageNode, Z: TimeZone>(
        &self,
        list: &N,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Vec<(Item<N>, Option<TimeRange>)> {
        let mut dated: Vec<(Item<N>, Option<TimeRange>)> = Vec::new();
        let mut since: Option<TimeRange> = None;
        let mut undated_from = 0;
        for item in self.items(list, language, clock) {
            if let Item::Separator(range) = item {
                let before = since.map(|s| sent_under_separator(s, Some(range), clock.now_ms));
                for (_, time) in dated.iter_mut().skip(undated_from + 1) {
                    *time = before;
                }
                undated_from = dated.len();
                since = Some(range);
                continue;
            }
            let first = dated.len() == undated_from && since.is_some();
            let time = since.map(|s| if first { s } else { sent_under_separator(s, None, clock.now_ms) });
            dated.push((item, time));
        }
        dated
    }

    /// The message list's items, by the first message strategy that finds any.
    fn items<N: PageNode, Z: TimeZone>(
        &self,
        list: &N,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Vec<Item<N>> {
        for finder in &self.messages {
            let (elements, structural) = match finder {
                MessageFinder::Css(css) => (list.query_all(css), false),
                MessageFinder::Items => (items_of(list), true),
            };
            if elements.is_empty() {
                continue;
            }
            return elements
                .into_iter()
                .filter_map(|element| self.item(element, structural, language, clock))
                .collect();
        }
        Vec::new()
    }

    /// What one element of the list is, by its text. Separators are told from messages
    /// only among a structural finder's items (a selector finds messages only).
    fn item<N: PageNode, Z: TimeZone>(
        &self,
        element: N,
        structural: bool,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Option<Item<N>> {
        let text = trimmed_text(&element)?;
        if self.ad_replies.iter().any(|phrase| text.contains(phrase.as_str())) && text.chars().count() < 200 {
            return Some(Item::AdReply);
        }
        if structural && text.chars().count() <= 40 && element.query("img").is_none() {
            if let Some(range) = parse_timestamp(&text, language, clock) {
                return Some(Item::Separator(range));
            }
        }
        Some(Item::Message { element, text })
    }

    /// Reads one message: who wrote it, what it says, its own stamp, its "Sent by" name.
    fn message<N: PageNode, Z: TimeZone>(
        &self,
        element: &N,
        text: &str,
        customer: Option<&str>,
        list_extent: Option<(f64, f64)>,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Message {
        let blocks = text_blocks(element, "abbr, time, [aria-hidden='true']");
        let sent_by = blocks
            .iter()
            .find_map(|(_, block)| self.sent_by.iter().find_map(|pattern| capture(block, pattern)).map(str::to_string));
        let sender = self.sender(element, text, customer, sent_by.is_some(), list_extent);
        let body =
            self.message_text.iter().find_map(|css| element.query(css).and_then(|e| trimmed_text(&e))).or_else(|| {
                let lines: Vec<&str> = blocks
                    .iter()
                    .map(|(_, block)| block.as_str())
                    .filter(|block| !self.sent_by.iter().any(|pattern| capture(block, pattern).is_some()))
                    .filter(|block| !self.labels_a_message(block, customer))
                    .collect();
                (!lines.is_empty()).then(|| lines.join("\n"))
            });
        let stamp = self.message_time.iter().find_map(|probe| {
            let (_, text) = probe.first(element, "")?;
            parse_timestamp(&text, language, clock)
        });
        Message { sender, text: body, stamp, sent_by }
    }

    /// Who wrote a message: its label (the Messenger-style layout's "You sent"), a "Sent
    /// by" line (only the Page's messages have one), the customer's picture beside it,
    /// else its side: the customer's messages sit on the left, the Page's on the right.
    fn sender<N: PageNode>(
        &self,
        element: &N,
        text: &str,
        customer: Option<&str>,
        has_sent_by: bool,
        list_extent: Option<(f64, f64)>,
    ) -> Option<Sender> {
        let label = element.attr("aria-label").unwrap_or_else(|| text.to_string());
        let label = label.trim_start();
        if self.own_message_starts.iter().any(|start| label.starts_with(start.as_str())) {
            return Some(Sender::Page);
        }
        if let Some(name) = customer {
            let theirs = |start: &String| label.starts_with(start.replace("{name}", name).as_str());
            if self.customer_message_starts.iter().any(theirs) {
                return Some(Sender::Customer);
            }
        }
        if has_sent_by {
            return Some(Sender::Page);
        }
        if element.query(&self.customer_avatar).is_some() {
            return Some(Sender::Customer);
        }
        side(element.content_extent()?, list_extent?)
    }

    /// Whether a text block is a message's label ("You sent", "Ana Popescu sent") rather
    /// than what it says.
    fn labels_a_message(&self, block: &str, customer: Option<&str>) -> bool {
        self.own_message_starts.iter().any(|start| block == start)
            || customer
                .is_some_and(|name| self.customer_message_starts.iter().any(|s| block == s.replace("{name}", name)))
    }
}

/// The side a message sits on in its list: left (the customer), right (the Page), or
/// `None` when it is centred or as wide as the list (a system line, a long message whose
/// side cannot be told).
fn side((left, right): (f64, f64), (list_left, list_right): (f64, f64)) -> Option<Sender> {
    let width = list_right - list_left;
    if width.is_nan() || width <= 0.0 {
        return None;
    }
    let (gap_left, gap_right) = (left - list_left, list_right - right);
    let margin = width * 0.1;
    if gap_right > gap_left + margin {
        Some(Sender::Customer)
    } else if gap_left > gap_right + margin {
        Some(Sender::Page)
    } else {
        None
    }
}

/// The message list's items by structure: from the list down, through elements where
/// only one child shows text (wrappers, with empty sentinels and spacers beside them), to
/// the first element with several; its children are the items (messages, separators,
/// system lines).
fn items_of<N: PageNode>(list: &N) -> Vec<N> {
    let mut node = list.clone();
    for _ in 0..32 {
        let children = node.children();
        let mut showing = children.iter().filter(|child| !child.text().trim().is_empty());
        match (showing.next(), showing.next()) {
            (Some(only), None) => node = only.clone(),
            (Some(_), Some(_)) => return children,
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_profile::html::HtmlPage;
    use crate::page_profile::shipped;

    /// Monday 2026-11-23 15:00 UTC.
    const NOW: i64 = 1_795_446_000_000;
    const HOUR: i64 = 3_600_000;

    fn read(html: &str) -> Conversation {
        let page = HtmlPage::parse(html);
        shipped().read_conversation(&page.root(), Some(Language::En), &LocalClock::new(NOW, 0))
    }

    #[test]
    fn business_suite_conversation_is_read_by_side_separators_and_sent_by() {
        let read = read(include_str!("fixtures/business.html"));
        assert_eq!(read.customer.as_deref(), Some("Ana Popescu"), "the header's name, not the page's \"Inbox\"");
        assert_eq!(read.last_sender, Some(Sender::Page));
        assert_eq!(read.customer_run, 0);
        assert_eq!(read.sent_by.as_deref(), Some("Maria Popa"));
        assert_eq!(read.last_customer_text.as_deref(), Some("My daughter turns 6."));
        // Ana's last message comes after the "1:00 PM" separator: from 13:00 on.
        let last = read.last_customer.unwrap();
        assert_eq!(last.earliest_ms, NOW - 2 * HOUR);
        assert_eq!(read.hours_since_customer(NOW + 30_000), Some(2.0));
        assert!(!read.from_ad && read.ad_reply.is_none());
    }

    #[test]
    fn messenger_style_conversation_is_read_by_labels_and_stamps() {
        let read = read(include_str!("fixtures/messenger.html"));
        assert_eq!(read.customer.as_deref(), Some("Ana Popescu"));
        assert_eq!(read.last_sender, Some(Sender::Page));
        assert_eq!(read.last_customer_text.as_deref(), Some("Great. Can I order a birthday cake for Saturday?"));
        let last = read.last_customer.unwrap();
        assert_eq!((last.earliest_ms, last.latest_ms), (NOW - 2 * HOUR, NOW - 2 * HOUR + 59_999), "its stamp's minute");
        assert_eq!(read.sent_by.as_deref(), Some("Maria Popa"));
    }

    /// Who wrote each message and the earliest and latest it was sent, minutes from now.
    fn said(html: &str, newest: usize) -> Vec<(crate::respond::Author, i64, i64)> {
        let page = HtmlPage::parse(html);
        let clock = LocalClock::new(NOW, 0);
        let profile = shipped();
        let customer = profile.read_conversation(&page.root(), Some(Language::En), &clock).customer;
        let minutes = |ms: i64| (ms - NOW).div_euclid(60_000);
        profile
            .read_messages(&page.root(), customer.as_deref(), Some(Language::En), &clock, newest)
            .into_iter()
            .map(|m| (m.author, minutes(m.at.earliest_ms), minutes(m.at.latest_ms)))
            .collect()
    }

    #[test]
    fn every_message_is_read_for_the_response_figures() {
        use crate::respond::Author::{Automated, Customer, Person};
        // Business Suite: times from the separators ("Sun 9:10 AM", "1:00 PM"), by side.
        let sun = -(24 * 60 + 5 * 60 + 50);
        assert_eq!(
            said(include_str!("fixtures/business.html"), 50),
            [(Customer, sun, sun), (Person, sun, -120), (Customer, -120, -120), (Customer, -120, 0), (Person, -120, 0),]
        );
        assert_eq!(said(include_str!("fixtures/business.html"), 2), [(Customer, -120, 0), (Person, -120, 0)]);
        // Messenger-style: each message's own stamp.
        let sun = -(24 * 60 + 4 * 60);
        assert_eq!(
            said(include_str!("fixtures/messenger.html"), 50),
            [(Customer, sun, sun), (Person, sun + 10, sun + 10), (Customer, -120, -120), (Person, -5, -5)]
        );
        // A Page bubble without "Sent by" is automated; a system line is nobody's.
        let automated = said(
            &pane(
                r#"<div data-test-extent="450 550">1:00 PM</div>
                   <div data-test-extent="10 300"><div><div>Is the offer still on?</div></div></div>
                   <div data-test-extent="600 990"><div><div>Thanks for your message! We reply within the hour.</div></div></div>
                   <div data-test-extent="400 600">Send answer automatically next time? Save</div>"#,
            ),
            50,
        );
        assert_eq!(automated, [(Customer, -120, -120), (Automated, -120, 0)]);
    }

    /// A pane of `items` (each an HTML fragment) as Business Suite draws one.
    fn pane(items: &str) -> String {
        format!(
            r#"<div data-pagelet="BizP13NInboxMessengerDetailView">
               <div data-pagelet="BizInboxDetailViewHeaderSectionWrapper"><div style="-webkit-line-clamp: 1;">Lucia Marin</div></div>
               <div role="region" aria-label="Message list container with messages, suggestions, and typing indicators" data-test-box="0 1000">
               <div><div></div><div>{items}</div><div></div></div></div></div>"#
        )
    }

    #[test]
    fn a_thread_from_an_ad_and_its_automated_greeting() {
        let read = read(&pane(
            r#"<div data-test-extent="450 550">Sun 1:00 PM</div>
               <div data-test-extent="400 600">Lucia Marin replied to an ad.</div>
               <div data-test-extent="600 990"><div><div>Hi Lucia! How can we help?</div></div></div>
               <div data-test-extent="400 600">Send answer automatically next time? Save</div>
               <div data-test-extent="10 300"><div><img alt="Lucia Marin"><div>Is the offer still on?</div></div></div>"#,
        ));
        assert!(read.from_ad);
        // Sunday 13:00, a day and two hours before now.
        assert_eq!(read.ad_reply.unwrap().earliest_ms, NOW - 26 * HOUR);
        assert_eq!(read.last_customer.unwrap().earliest_ms, NOW - 26 * HOUR);
        assert_eq!(read.last_sender, Some(Sender::Customer));
        assert_eq!(read.customer_run, 1, "after the automated greeting");
        assert_eq!(read.sent_by, None, "an automated reply names nobody");
    }

    #[test]
    fn an_automated_reply_is_told_by_its_side() {
        let read = read(&pane(
            r#"<div data-test-extent="450 550">1:00 PM</div>
               <div data-test-extent="10 300"><div><div>Is the offer still on?</div></div></div>
               <div data-test-extent="600 990"><div><div>Thanks for your message! We reply within the hour.</div></div></div>"#,
        ));
        assert_eq!(read.last_sender, Some(Sender::Page));
        assert_eq!(read.last_customer_text.as_deref(), Some("Is the offer still on?"));
        assert_eq!(read.customer.as_deref(), Some("Lucia Marin"));
    }

    #[test]
    fn a_message_whose_side_cannot_be_told_is_nobodys() {
        let read = read(&pane(
            r#"<div data-test-extent="450 550">1:00 PM</div>
               <div data-test-extent="10 300"><div><div>Hello?</div></div></div>
               <div data-test-extent="20 980"><div><div>A very long message across the whole pane.</div></div></div>"#,
        ));
        assert_eq!(read.last_sender, Some(Sender::Customer), "the wide message does not count");
    }

    #[test]
    fn dates_bound_each_group_of_messages() {
        // The first message after the "Sun 9:00 AM" separator is the one it dates; a later
        // one in the group was sent before the "1:00 PM" separator: its worst case is
        // Sunday 9:00.
        let read = |items: &str| read(&pane(items));
        let group = r#"<div data-test-extent="450 550">Sun 9:00 AM</div>
               <div data-test-extent="10 300"><div><img alt="Lucia Marin"><div>Hello?</div></div></div>"#;
        let later = r#"<div data-test-extent="10 300"><div><img alt="Lucia Marin"><div>Anyone?</div></div></div>"#;
        let reply = r#"<div data-test-extent="450 550">1:00 PM</div>
               <div data-test-extent="600 990"><div><div>Hi!</div><div>Sent by Maria Popa</div></div></div>"#;
        let first = read(&format!("{group}{reply}")).last_customer.unwrap();
        assert_eq!((first.earliest_ms, first.latest_ms), (NOW - 30 * HOUR, NOW - 30 * HOUR + 59_999), "its minute");
        let second = read(&format!("{group}{later}{reply}"));
        let last = second.last_customer.unwrap();
        assert_eq!(
            (last.earliest_ms, last.latest_ms),
            (NOW - 30 * HOUR, NOW - 2 * HOUR + 59_999),
            "to the end of the next one's minute"
        );
        assert_eq!(second.last_customer_text.as_deref(), Some("Anyone?"));
        assert_eq!(second.sent_by.as_deref(), Some("Maria Popa"));
        // With no separator after it, up to now.
        assert_eq!(second.customer_run, 0);
        assert_eq!(read(&format!("{group}{later}")).customer_run, 2, "both after the Page's last");
        let open = read(&format!("{group}{later}")).last_customer.unwrap();
        assert_eq!(open.latest_ms, NOW);
    }

    #[test]
    fn the_customer_is_named_by_their_picture_when_the_header_is_a_page_heading() {
        let html = r#"<div data-pagelet="BizP13NInboxMessengerDetailView"><h2>Inbox</h2>
            <div role="region" aria-label="Message list container with messages, suggestions, and typing indicators">
            <div><div><img alt="Aram Petrosyan"><div>Բարև ձեզ</div></div><div><div>Hi Aram!</div><div>Sent by Maria Popa</div></div></div></div></div>"#;
        let read = read(html);
        assert_eq!(read.customer.as_deref(), Some("Aram Petrosyan"));
        assert_eq!(read.last_customer_text.as_deref(), Some("Բարև ձեզ"));
        assert_eq!(read.last_customer, None, "no separator, no time");
    }

    #[test]
    fn no_pane_no_conversation() {
        let read = read("<html><body><h1>Inbox</h1></body></html>");
        assert_eq!(read, Conversation::default());
    }

    #[test]
    fn sides() {
        assert_eq!(side((10.0, 300.0), (0.0, 1000.0)), Some(Sender::Customer));
        assert_eq!(side((700.0, 990.0), (0.0, 1000.0)), Some(Sender::Page));
        assert_eq!(side((400.0, 600.0), (0.0, 1000.0)), None);
        assert_eq!(side((0.0, 10.0), (5.0, 5.0)), None);
    }
}
