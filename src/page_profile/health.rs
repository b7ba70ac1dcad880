//! What the profile recognises on a page, part by part, for the popup's health view: when
//! Meta changes its markup, the agent and their team lead see which part stopped matching
//! and what Reply Coach looked for, instead of a grey "?".
//!
//! The parts are the conversation list, the rows' times, the rows' channels, the open
//! conversation and its reply box. Each has a [`Status`] (ok, missing, or idle when there
//! is nothing to read, such as no conversation open), counts or yes/no answers, and what
//! was looked for (the profile's own selectors and strategies, each after its key in
//! `inbox.json`). A [`Health`] holds no customer name and no message text: it is kept in
//! the browser's session storage, and Reply Coach never stores either.
//!
//! [`Health::from_readings`] builds it from what the extension's scan already read (the
//! scan runs every minute and after every page change, so it must not read the page
//! again); [`PageProfile::health`] reads the page itself, for the CLI and the tests.
//! [`HealthWatch`] remembers when a part that worked stopped matching.

use serde_json::{json, Value};

use super::composer::RICH_EDITOR;
use super::conversation::{Conversation, Sender};
use super::page::{shape, text_blocks, PageNode};
use super::strategy::{Probe, Read};
use super::{query_parameter, MessageFinder, PageProfile, RowFinder, RowReading};
use crate::clock::{LocalClock, TimeRange, TimeZone};
use crate::lang::Language;

/// A part's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// There was something to read, and the profile did not recognise it.
    Missing,
    /// Nothing to read: no rows to take times or channels from, or no conversation open.
    Idle,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Missing => "missing",
            Status::Idle => "idle",
        }
    }
}

/// The parts the health view reports, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    List,
    Times,
    Channel,
    Conversation,
    Composer,
}

impl Part {
    pub const ALL: [Part; 5] = [Part::List, Part::Times, Part::Channel, Part::Conversation, Part::Composer];

    pub fn name(self) -> &'static str {
        match self {
            Part::List => "list",
            Part::Times => "times",
            Part::Channel => "channel",
            Part::Conversation => "conversation",
            Part::Composer => "composer",
        }
    }
}

/// What one row found gave: whether its time parses, whether it names a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowCheck {
    pub time: bool,
    pub channel: bool,
}

impl RowCheck {
    /// The check of a row read as `reading`, whose time parsed to `time`.
    pub fn of(reading: &RowReading, time: Option<TimeRange>) -> RowCheck {
        RowCheck { time: time.is_some(), channel: reading.channel.is_some() }
    }
}

/// What a scan of the page read, for [`Health::from_readings`].
#[derive(Debug, Clone, Copy)]
pub struct Readings<'a> {
    /// Which of the profile's row strategies found the rows (0 the first; `None`: none did).
    pub strategy: Option<usize>,
    /// One check per row found.
    pub rows: &'a [RowCheck],
    /// The open conversation as read.
    pub conversation: &'a Conversation,
    /// Whether the conversation's pane was found.
    pub pane: bool,
    /// Whether a reply box was found.
    pub reply_box: bool,
    /// Whether the page's address names an open thread (`threadKeyParameter`).
    pub thread_open: bool,
}

/// The share of rows that must read for the times and channel parts to be ok: 80%. A few
/// rows may lack a time or a channel (a draft thread, a channel without a label) while
/// the part still works; fewer than that means the part's hook has changed.
const OK_SHARE: (usize, usize) = (4, 5);

/// Rows with and without something.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub with: usize,
    pub without: usize,
}

impl Tally {
    /// Idle without rows; ok when at least [`OK_SHARE`] of the rows have it.
    fn status(self) -> Status {
        let total = self.with + self.without;
        match total {
            0 => Status::Idle,
            _ if self.with * OK_SHARE.1 >= total * OK_SHARE.0 => Status::Ok,
            _ => Status::Missing,
        }
    }
}

/// The open conversation, in yes/no answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConversationCheck {
    pub thread_open: bool,
    pub pane: bool,
    pub customer: bool,
    pub last_customer_message: bool,
    pub last_customer_time: bool,
    pub last_sender: Option<Sender>,
}

impl ConversationCheck {
    /// Idle when no conversation is open (no pane found and no thread in the address); ok
    /// when the pane, the customer's name, their last message, its time and who wrote
    /// last are all found, as the linter and the clock need each; else missing.
    fn status(&self) -> Status {
        if !self.pane && !self.thread_open {
            Status::Idle
        } else if self.pane
            && self.customer
            && self.last_customer_message
            && self.last_customer_time
            && self.last_sender.is_some()
        {
            Status::Ok
        } else {
            Status::Missing
        }
    }
}

/// What the profile recognises on a page, per part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// The rows found (ok when any is).
    pub rows: usize,
    /// Which row strategy found them (0 the first).
    pub strategy: Option<usize>,
    /// The elements that look like rows: the rows when found; otherwise the largest group
    /// of 3 or more siblings of one shape (tag, role and attribute names) each holding two
    /// blocks of text, outside the open conversation ([`PageProfile::row_like`]).
    pub row_like: usize,
    /// Rows whose time parses (ok from [`OK_SHARE`] of the rows).
    pub times: Tally,
    /// Rows naming a channel (ok from [`OK_SHARE`] of the rows).
    pub channel: Tally,
    pub conversation: ConversationCheck,
    /// Whether a reply box was found: idle when the conversation is, else ok or missing.
    pub composer: bool,
    /// What each part looked for, in [`Part::ALL`]'s order.
    looked_for: [Vec<String>; 5],
}

impl Health {
    /// The health of what a scan read. `row_like` is called only when no row was found
    /// (counting walks the page).
    pub fn from_readings(profile: &PageProfile, readings: &Readings, row_like: impl FnOnce() -> usize) -> Health {
        let tally = |has: fn(&RowCheck) -> bool| {
            let with = readings.rows.iter().filter(|row| has(row)).count();
            Tally { with, without: readings.rows.len() - with }
        };
        let read = readings.conversation;
        Health {
            rows: readings.rows.len(),
            strategy: readings.strategy,
            row_like: if readings.rows.is_empty() { row_like() } else { readings.rows.len() },
            times: tally(|row| row.time),
            channel: tally(|row| row.channel),
            conversation: ConversationCheck {
                thread_open: readings.thread_open,
                pane: readings.pane,
                customer: read.customer.is_some(),
                last_customer_message: read.last_customer_text.is_some(),
                last_customer_time: read.last_customer.is_some(),
                last_sender: read.last_sender,
            },
            composer: readings.reply_box,
            looked_for: Part::ALL.map(|part| looked_for(profile, part)),
        }
    }

    pub fn status(&self, part: Part) -> Status {
        match part {
            Part::List if self.rows > 0 => Status::Ok,
            Part::List => Status::Missing,
            Part::Times => self.times.status(),
            Part::Channel => self.channel.status(),
            Part::Conversation => self.conversation.status(),
            Part::Composer => match self.conversation.status() {
                Status::Idle => Status::Idle,
                _ if self.composer => Status::Ok,
                _ => Status::Missing,
            },
        }
    }

    /// What `part` looked for: the profile's selectors and strategies, each after its key.
    pub fn looked_for(&self, part: Part) -> &[String] {
        &self.looked_for[part as usize]
    }

    /// The parts that are missing.
    pub fn missing(&self) -> Vec<Part> {
        Part::ALL.into_iter().filter(|&part| self.status(part) == Status::Missing).collect()
    }

    /// The health as the popup reads it:
    ///
    /// ```json
    /// {"parts": [
    ///   {"part": "list", "status": "ok", "rows": 13, "rowLike": 13, "strategy": 1, "lookedFor": ["rows: …"]},
    ///   {"part": "times", "status": "ok", "parsed": 13, "unparsed": 0, "lookedFor": […]},
    ///   {"part": "channel", "status": "ok", "withChannel": 13, "withoutChannel": 0, "lookedFor": […]},
    ///   {"part": "conversation", "status": "missing", "threadOpen": true, "pane": true, "customer": false,
    ///    "lastCustomerMessage": true, "lastCustomerTime": false, "lastSender": "customer", "lookedFor": […]},
    ///   {"part": "composer", "status": "ok", "found": true, "lookedFor": […]}
    /// ]}
    /// ```
    ///
    /// `status` is `ok`, `missing` or `idle`; `strategy` counts from 1, as the profile's
    /// error messages do (`null` when no strategy found rows); `lastSender` is `customer`,
    /// `page` or `null`. Counts and yes/no only: never a name or a message.
    pub fn to_json(&self) -> Value {
        json!({"parts": Part::ALL.map(|part| self.part_json(part))})
    }

    fn part_json(&self, part: Part) -> Value {
        let mut value = match part {
            Part::List => {
                json!({"rows": self.rows, "rowLike": self.row_like, "strategy": self.strategy.map(|s| s + 1)})
            }
            Part::Times => json!({"parsed": self.times.with, "unparsed": self.times.without}),
            Part::Channel => json!({"withChannel": self.channel.with, "withoutChannel": self.channel.without}),
            Part::Conversation => {
                let c = &self.conversation;
                json!({
                    "threadOpen": c.thread_open,
                    "pane": c.pane,
                    "customer": c.customer,
                    "lastCustomerMessage": c.last_customer_message,
                    "lastCustomerTime": c.last_customer_time,
                    "lastSender": c.last_sender.map(|sender| match sender {
                        Sender::Customer => "customer",
                        Sender::Page => "page",
                    }),
                })
            }
            Part::Composer => json!({"found": self.composer}),
        };
        value["part"] = part.name().into();
        value["status"] = self.status(part).name().into();
        value["lookedFor"] = self.looked_for(part).into();
        value
    }
}

impl PageProfile {
    /// Reads the whole page (`root`, at the address `url`) and says what it recognises.
    pub fn health<N: PageNode, Z: TimeZone>(
        &self,
        root: &N,
        url: &str,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Health {
        let rows = self.rows(root);
        let checks: Vec<RowCheck> = rows
            .elements
            .iter()
            .map(|row| {
                let reading = self.read_row(row);
                RowCheck::of(&reading, reading.time(language, clock))
            })
            .collect();
        let conversation = self.read_conversation(root, language, clock);
        let readings = Readings {
            strategy: rows.strategy,
            rows: &checks,
            conversation: &conversation,
            pane: self.pane(root).is_some(),
            reply_box: self.reply_box(root, None).is_some(),
            thread_open: query_parameter(url, &self.thread_key_parameter).is_some(),
        };
        Health::from_readings(self, &readings, || self.row_like(root))
    }

    /// How many elements look like a list's rows where the profile finds none: the
    /// largest group of 3 or more siblings of one shape (tag, role, attribute names), each
    /// holding at least two blocks of text (a name and a snippet), outside the open
    /// conversation. Tells "the rows are there, under other hooks" from "no list at all".
    pub fn row_like<N: PageNode>(&self, root: &N) -> usize {
        let pane = self.pane(root);
        largest_row_like_group(root, &self.row_skip, pane.as_ref(), 0)
    }
}

fn largest_row_like_group<N: PageNode>(node: &N, skip: &str, pane: Option<&N>, depth: usize) -> usize {
    // Real pages nest a few dozen levels; a bound keeps a hostile page from recursing far.
    if depth > 60 || pane.is_some_and(|pane| pane.same(node)) {
        return 0;
    }
    let children = node.children();
    let shapes: Vec<String> = children.iter().map(shape).collect();
    let mut here = 0;
    for (i, this) in shapes.iter().enumerate() {
        // Each shape once, at its first child; text blocks only for shapes that repeat.
        if shapes[..i].contains(this) || shapes.iter().filter(|s| *s == this).count() < 3 {
            continue;
        }
        let rows = children
            .iter()
            .zip(&shapes)
            .filter(|(child, s)| *s == this && text_blocks(*child, skip).len() >= 2)
            .count();
        if rows >= 3 {
            here = here.max(rows);
        }
    }
    children.iter().map(|child| largest_row_like_group(child, skip, pane, depth + 1)).fold(here, usize::max)
}

/// What `part` looks for, each after its key in `inbox.json`.
fn looked_for(profile: &PageProfile, part: Part) -> Vec<String> {
    let keyed = |key: &str, items: Vec<String>| items.into_iter().map(|item| format!("{key}: {item}")).collect();
    let probes = |key: &str, probes: &[Probe]| keyed(key, probes.iter().map(describe_probe).collect());
    let selectors = |key: &str, selectors: &[String]| keyed(key, selectors.to_vec());
    match part {
        Part::List => {
            let rows = profile.rows.iter().map(|finder| match finder {
                RowFinder::Css(css) => css.clone(),
                RowFinder::Around { css, closest } => format!("{css} within {closest}"),
                RowFinder::Repeated(anchor) => format!("repeated siblings each holding {anchor} and two texts"),
            });
            [selectors("list", &profile.list), keyed("rows", rows.collect())].concat()
        }
        Part::Times => probes("rowTime", &profile.row_time),
        Part::Channel => {
            let names = profile.channels.iter().filter_map(|pair| pair.split_once('=').map(|(label, _)| label));
            [probes("rowChannel", &profile.row_channel), keyed("channels", vec![labels(names)])].concat()
        }
        Part::Conversation => {
            let messages = profile.messages.iter().map(|finder| match finder {
                MessageFinder::Css(css) => css.clone(),
                MessageFinder::Items => "the message list's items, by structure".to_string(),
            });
            [
                selectors("pane", &profile.pane),
                selectors("customerName", &profile.customer_name),
                selectors("customerAvatar", std::slice::from_ref(&profile.customer_avatar)),
                selectors("messageList", &profile.message_list),
                keyed("messages", messages.collect()),
                probes("messageTime", &profile.message_time),
            ]
            .concat()
        }
        Part::Composer => {
            let composer = &profile.composer;
            let mut found = Vec::new();
            found.extend(composer.taught.iter().map(|taught| format!("composer.taught: {taught}")));
            found.push(format!("composer.candidates: {}", composer.candidates));
            found.push(format!(
                "composer.replyLabels: labels {}",
                labels(composer.reply_labels.iter().map(String::as_str))
            ));
            found.push(format!("composer.send: {} within {} levels", composer.send, composer.send_depth));
            found.push("messageList: a box under it".to_string());
            found.push(format!("pane: Meta's editor {RICH_EDITOR} in it"));
            found
        }
    }
}

/// A strategy in a few words: where it looks and what it reads.
fn describe_probe(probe: &Probe) -> String {
    let attr = probe.attr.as_deref().unwrap_or("");
    let what = match probe.read {
        Read::Text => "text".to_string(),
        Read::Attr => attr.to_string(),
        Read::Stamp if attr.is_empty() => "a time in its text".to_string(),
        Read::Stamp => format!("a time in {attr}"),
        Read::EpochSeconds => format!("epoch seconds in {attr}"),
        Read::Present => "present".to_string(),
        Read::Block => return format!("text block {}", probe.index + 1),
        Read::BoldName => return "the name drawn bold".to_string(),
        Read::Separator => return "the date separator before it".to_string(),
    };
    let nth = if probe.index > 0 { format!(" (match {})", probe.index + 1) } else { String::new() };
    format!("{}{nth} → {what}", probe.css.as_deref().unwrap_or(""))
}

/// Labels for a person to read: each once, the first six, then "…".
fn labels<'a>(all: impl Iterator<Item = &'a str>) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for label in all {
        if !unique.contains(&label) {
            unique.push(label);
        }
    }
    let more = if unique.len() > 6 { ", …" } else { "" };
    format!("{}{more}", unique.iter().take(6).copied().collect::<Vec<_>>().join(", "))
}

/// When each part that worked stopped matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Watched {
    worked: bool,
    stopped_at_ms: Option<i64>,
}

/// The health over time: fed each [`Health`] with the time it was read, it remembers, per
/// part, whether the part worked and when a part that worked stopped matching (cleared
/// when it works again), so the popup can say "worked until 14:05, then stopped
/// matching". An idle part changes nothing: closing a conversation is not a failure.
#[derive(Debug, Clone, Default)]
pub struct HealthWatch {
    health: Option<Health>,
    parts: [Watched; 5],
}

impl HealthWatch {
    pub fn feed(&mut self, health: Health, now_ms: i64) {
        for part in Part::ALL {
            let watched = &mut self.parts[part as usize];
            match health.status(part) {
                Status::Ok => *watched = Watched { worked: true, stopped_at_ms: None },
                Status::Missing if watched.worked => {
                    watched.stopped_at_ms.get_or_insert(now_ms);
                }
                Status::Missing | Status::Idle => {}
            }
        }
        self.health = Some(health);
    }

    /// The latest health fed.
    pub fn health(&self) -> Option<&Health> {
        self.health.as_ref()
    }

    /// When `part`, which had worked, was first seen missing; `None` while it works or
    /// when it never did.
    pub fn stopped_at_ms(&self, part: Part) -> Option<i64> {
        self.parts[part as usize].stopped_at_ms
    }

    /// The latest health's JSON ([`Health::to_json`]), each part with `stoppedAtMs` (epoch
    /// milliseconds, `null` when none); `{"parts": []}` before the first health. It
    /// changes only when what the page shows does: the extension reports it then.
    pub fn to_json(&self) -> Value {
        let Some(health) = &self.health else { return json!({"parts": []}) };
        let mut value = health.to_json();
        if let Some(parts) = value["parts"].as_array_mut() {
            for (part, json) in Part::ALL.into_iter().zip(parts) {
                json["stoppedAtMs"] = self.stopped_at_ms(part).into();
            }
        }
        value
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::page_profile::html::HtmlPage;
    use crate::page_profile::shipped;

    pub const BUSINESS: &str = include_str!("fixtures/business.html");
    const MESSENGER: &str = include_str!("fixtures/messenger.html");
    /// An address with an open thread, as Business Suite's is when a conversation is open.
    pub const OPEN: &str =
        "https://business.facebook.com/latest/inbox/all?asset_id=1047&selected_item_id=100052384037366";

    pub fn health(html: &str, url: &str) -> Health {
        let page = HtmlPage::parse(html);
        let clock = LocalClock::new(1_795_446_000_000, 0);
        shipped().health(&page.root(), url, Some(Language::En), &clock)
    }

    fn statuses(health: &Health) -> Vec<(&'static str, &'static str)> {
        Part::ALL.iter().map(|&part| (part.name(), health.status(part).name())).collect()
    }

    /// `html` with each `(from, to)` replaced, every time; each must occur.
    pub fn changed(html: &str, changes: &[(&str, &str)]) -> String {
        changes.iter().fold(html.to_string(), |page, (from, to)| {
            assert!(page.contains(from), "{from}");
            page.replace(from, to)
        })
    }

    #[test]
    fn a_row_counts_for_its_time_when_it_parses_and_for_its_channel_when_named() {
        let named = RowReading { channel: Some("messenger".into()), ..RowReading::default() };
        let time = Some(TimeRange { earliest_ms: 0, latest_ms: 59_999 });
        assert_eq!(RowCheck::of(&named, time), RowCheck { time: true, channel: true });
        assert_eq!(RowCheck::of(&RowReading::default(), None), RowCheck { time: false, channel: false });
    }

    #[test]
    fn every_part_is_ok_on_both_layouts() {
        for (html, strategy) in [(BUSINESS, 0), (MESSENGER, 1)] {
            let health = health(html, OPEN);
            assert_eq!(health.missing(), [], "{:?}", health);
            assert_eq!(health.strategy, Some(strategy));
            assert!(Part::ALL.iter().all(|&part| health.status(part) == Status::Ok));
            assert_eq!(health.times.without + health.channel.without, 0);
            assert_eq!(health.row_like, health.rows);
        }
        let business = health(BUSINESS, OPEN);
        assert_eq!(business.rows, 3);
        assert_eq!(business.conversation.last_sender, Some(Sender::Page));
    }

    /// The replica's changed layout: every hook renamed, the list still shaped as one.
    #[test]
    fn the_replicas_changed_layout_misses_the_list_the_conversation_and_the_reply_box() {
        let health = health(include_str!("fixtures/changed.html"), OPEN);
        assert_eq!(health.missing(), [Part::List, Part::Conversation, Part::Composer]);
        assert_eq!(health.status(Part::Times), Status::Idle, "no rows to read times from");
        assert_eq!(health.status(Part::Channel), Status::Idle);
        assert_eq!(health.row_like, 7, "the seven rows are there, under other hooks");
    }

    #[test]
    fn no_conversation_open_is_idle_not_missing() {
        let html = changed(BUSINESS, &[("data-pagelet=\"BizP13NInboxMessengerDetailView\"", "hidden")]);
        let closed = health(&html, "https://business.facebook.com/latest/inbox/all?asset_id=1047");
        assert_eq!(statuses(&closed)[3..], [("conversation", "idle"), ("composer", "idle")]);
        // The same page with a thread in the address: the pane should be there.
        let open = health(&html, OPEN);
        assert_eq!(open.missing(), [Part::Conversation]);
        assert!(!open.conversation.pane && open.conversation.customer);
    }

    #[test]
    fn rows_under_other_surface_paths_are_still_found_by_their_structure() {
        let html = changed(BUSINESS, &[("thread_list/thread_row", "threads:list/item")]);
        let health = health(&html, OPEN);
        assert_eq!((health.rows, health.strategy), (3, Some(2)));
        assert_eq!(health.missing(), []);
    }

    #[test]
    fn rows_under_other_hooks_with_their_time_moved_leave_the_list_missing() {
        let html = changed(
            BUSINESS,
            &[
                ("thread_list/thread_row", "threads:list/item"),
                ("<abbr class=\"timestamp\"", "<span data-when"),
                ("</abbr>", "</span>"),
                ("data-utime=", "data-ts="),
            ],
        );
        let health = health(&html, OPEN);
        assert_eq!(health.missing(), [Part::List]);
        assert_eq!(statuses(&health)[1..3], [("times", "idle"), ("channel", "idle")]);
        assert_eq!((health.rows, health.strategy, health.row_like), (0, None, 3), "the three rows look like rows");
    }

    #[test]
    fn a_time_moved_to_another_element_leaves_only_the_times_missing() {
        let html = changed(
            BUSINESS,
            &[("<abbr class=\"timestamp\"", "<span data-when"), ("</abbr>", "</span>"), ("data-utime=", "data-ts=")],
        );
        let health = health(&html, OPEN);
        assert_eq!(health.missing(), [Part::Times]);
        assert_eq!(health.times, Tally { with: 0, without: 3 });
    }

    #[test]
    fn a_renamed_channel_label_leaves_only_the_channel_missing() {
        let html = changed(BUSINESS, &[("alt=\"Messenger\"", "alt=\"FB\""), ("alt=\"Instagram\"", "alt=\"IG\"")]);
        assert_eq!(health(&html, OPEN).missing(), [Part::Channel]);
    }

    #[test]
    fn a_composer_without_evidence_leaves_only_the_composer_missing() {
        let html = changed(
            BUSINESS,
            &[
                (
                    r#"<textarea type="text" placeholder="Reply in Messenger…" data-test-box="410 1000"></textarea>"#,
                    r#"<div contenteditable="true" aria-label="Your answer"></div>"#,
                ),
                (r#"aria-label="Send""#, r#"aria-label="Submit""#),
            ],
        );
        let health = health(&html, OPEN);
        assert_eq!(health.missing(), [Part::Composer]);
        assert!(!health.composer);
    }

    #[test]
    fn a_message_list_under_another_hook_leaves_the_conversation_missing() {
        let html = changed(
            BUSINESS,
            &[
                ("aria-label=\"Message list container with messages, suggestions, and typing indicators\" role=\"region\"", "data-pagelet=\"Thread\""),
            ],
        );
        let health = health(&html, OPEN);
        assert_eq!(health.missing(), [Part::Conversation]);
        let json = health.to_json();
        let conversation = &json["parts"][3];
        assert_eq!(conversation["status"], "missing");
        assert_eq!(conversation["pane"], true);
        assert_eq!(conversation["lastCustomerMessage"], false);
    }

    #[test]
    fn the_json_has_counts_and_what_was_looked_for_and_no_text_of_the_page() {
        let json = health(BUSINESS, OPEN).to_json();
        let list = &json["parts"][0];
        assert_eq!(list["part"], "list");
        assert_eq!(list["status"], "ok");
        assert_eq!(
            (list["rows"].as_u64(), list["strategy"].as_u64(), list["rowLike"].as_u64()),
            (Some(3), Some(1), Some(3))
        );
        assert!(list["lookedFor"][0].as_str().unwrap().starts_with("list: [data-pagelet="));
        assert_eq!(json["parts"][1]["parsed"], 3);
        assert_eq!(json["parts"][2]["withChannel"], 3);
        let channels = json["parts"][2]["lookedFor"].as_array().unwrap().last().unwrap().as_str().unwrap();
        assert!(channels.starts_with("channels: Messenger, Instagram, WhatsApp"), "{channels}");
        assert_eq!(json["parts"][3]["lastSender"], "page");
        assert_eq!(json["parts"][4]["found"], true);
        let text = json.to_string();
        for private in ["Ana", "Popescu", "Cluj", "kitchen", "Maria", "Andrei"] {
            assert!(!text.contains(private), "{private}");
        }
    }

    #[test]
    fn the_watch_remembers_when_a_part_that_worked_stopped() {
        let working = health(BUSINESS, OPEN);
        let broken = health(
            &changed(BUSINESS, &[("alt=\"Messenger\"", "alt=\"FB\""), ("alt=\"Instagram\"", "alt=\"IG\"")]),
            OPEN,
        );
        let mut watch = HealthWatch::default();
        assert_eq!(watch.to_json(), json!({"parts": []}));
        watch.feed(broken.clone(), 1_000);
        assert_eq!(watch.stopped_at_ms(Part::Channel), None, "it never worked");
        watch.feed(working.clone(), 2_000);
        watch.feed(broken.clone(), 3_000);
        watch.feed(broken, 4_000);
        assert_eq!(watch.stopped_at_ms(Part::Channel), Some(3_000));
        assert_eq!(watch.stopped_at_ms(Part::List), None);
        let json = watch.to_json();
        assert_eq!(json["parts"][2]["stoppedAtMs"], 3_000);
        assert_eq!(json["parts"][0]["stoppedAtMs"], Value::Null);
        assert_eq!(json["parts"][0].get("workedUntilMs"), None, "a scan that changes nothing changes no report");
        watch.feed(working, 5_000);
        assert_eq!(watch.stopped_at_ms(Part::Channel), None);
    }

    #[test]
    fn closing_the_conversation_is_not_a_failure() {
        let closed = health(
            &changed(BUSINESS, &[("data-pagelet=\"BizP13NInboxMessengerDetailView\"", "hidden")]),
            "https://business.facebook.com/latest/inbox/all",
        );
        let mut watch = HealthWatch::default();
        watch.feed(health(BUSINESS, OPEN), 1_000);
        watch.feed(closed, 2_000);
        assert_eq!(watch.stopped_at_ms(Part::Conversation), None);
    }
}
