//! "Teach this page": when Meta changes the inbox's markup and the built-in profile stops
//! finding things, the agent clicks, in turn, a conversation row, the time in it, the
//! customer's name, one of the customer's messages and the reply box. From each click this
//! module derives the parts of `inbox.json` that find that thing again, checks them on the
//! page, and keeps them in a [`Lesson`], saved by the extension as an override merged
//! before the built-in strategies ([`super::overrides`]).
//!
//! A derived selector names elements only by what survives Meta's weekly rebuilds and
//! says nothing about the customer: `data-pagelet`, `data-surface` (the stable tail of its
//! path, never a row's index), `data-testid`, roles, tags and the presence of a few
//! attributes, within hooked ancestors or along the tag path from one. Never a class, an
//! id, a text, or an attribute's value that may hold a name (`aria-label`, `alt`,
//! `title`). Every candidate is tried on the page and the first that selects exactly what
//! was clicked wins: the virtualised list recycles its rows, so a row's selector must not
//! depend on its position either.
//!
//! Everything runs over [`PageNode`]: natively in the tests, on the live DOM in the
//! extension; nothing here changes the page.

use serde_json::{json, Map, Value};

use super::composer::label_of;
use super::page::{text_blocks, trimmed_text, PageNode};
use super::strategy::{Probe, Read};
use super::{shipped, PageProfile};
use crate::clock::{list_row_time, parse_timestamp, LocalClock, TimeZone};
use crate::lang::Language;
use crate::text::case::to_lower;

/// What the agent is asked to click, in this order ([`Step::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A conversation row in the list.
    Row,
    /// The time shown in that row.
    RowTime,
    /// The customer's name in the open conversation's header.
    CustomerName,
    /// One of the customer's messages in the open conversation.
    CustomerMessage,
    /// The conversation's reply box.
    ReplyBox,
}

impl Step {
    /// The steps in the order the picker asks for them: a later step reads with what the
    /// earlier ones taught (the time is looked for in the taught rows, the reply box beside
    /// the taught message list).
    pub const ALL: [Step; 5] = [Step::Row, Step::RowTime, Step::CustomerName, Step::CustomerMessage, Step::ReplyBox];

    /// The profile's keys the step teaches: teaching it again replaces them all.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Step::Row => &["rows", "list"],
            Step::RowTime => &["rowTime", "rowSkip"],
            Step::CustomerName => &["customerName"],
            Step::CustomerMessage => &["messageList", "messages"],
            Step::ReplyBox => &["composer", "pane"],
        }
    }
}

/// What a step's check found on the page, for the picker to show. It holds counts, never
/// what the page says (no names, no messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learnt {
    /// The list's rows now found, each reading a name.
    Rows { rows: usize },
    /// Of the rows now found, how many show a time the clock reads.
    Times { parsed: usize, rows: usize },
    /// The customer's name is read from the header.
    Name,
    /// The customer's messages are read, the one clicked among them.
    Message,
    /// The reply box is found, inside the conversation.
    ReplyBox,
}

/// Why a click teaches nothing; the lesson is left as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeachError {
    /// The click is in the open conversation or in a text box, not in the list.
    NotARow,
    /// Nothing around the click repeats as the list's rows do (siblings of its kind, each
    /// showing a name and a snippet), or the rows found do not each read a name.
    NoRepeat,
    /// The click is not inside a row the lesson finds (teach the row first).
    NotInRow,
    /// Nothing at the click, around it or inside it reads as a time.
    NoTime,
    /// The time clicked reads, but not in most of the rows.
    TimesUnread,
    /// The click shows no name: nothing, more than one text, or a page heading ("Inbox").
    NoName,
    /// The click is outside the open conversation: in the list, or a text box away from
    /// the message list (a contact's Notes in the sidebar).
    NotInConversation,
    /// The message clicked is not read as the customer's (a Page's reply, a date line).
    NotCustomers,
    /// The conversation's message list is not found yet (teach a customer's message first).
    NoConversation,
    /// Nothing editable at the click.
    NotEditable,
    /// A search field or a note box: by its kind or its label, not a reply box.
    NotReplyBox,
    /// No selector made of stable hooks selects exactly what was clicked.
    NothingStable,
    /// The lesson's parts do not make a profile with the built-in one (never expected:
    /// every part is built here).
    Unusable,
}

impl TeachError {
    /// A stable code the extension localises its message by.
    pub fn code(&self) -> &'static str {
        match self {
            TeachError::NotARow => "not-a-row",
            TeachError::NoRepeat => "no-repeat",
            TeachError::NotInRow => "not-in-row",
            TeachError::NoTime => "no-time",
            TeachError::TimesUnread => "times-unread",
            TeachError::NoName => "no-name",
            TeachError::NotInConversation => "not-in-conversation",
            TeachError::NotCustomers => "not-customers",
            TeachError::NoConversation => "no-conversation",
            TeachError::NotEditable => "not-editable",
            TeachError::NotReplyBox => "not-reply-box",
            TeachError::NothingStable => "nothing-stable",
            TeachError::Unusable => "unusable",
        }
    }
}

/// What the agent taught so far: parts of `inbox.json`, under its keys and in its format,
/// to be merged before the built-in profile.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Lesson {
    pub parts: Map<String, Value>,
}

impl Lesson {
    /// Derives and checks the strategies for `step` from the element `clicked` in the page
    /// `root`, reading times in the UI `language` by `clock`; on success the lesson holds
    /// them (in place of what the step taught before), on failure it is unchanged.
    pub fn learn<N: PageNode, Z: TimeZone>(
        &mut self,
        step: Step,
        clicked: &N,
        root: &N,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Result<Learnt, TeachError> {
        let mut others = self.parts.clone();
        for key in step.keys() {
            others.remove(*key);
        }
        let profile = PageProfile::shipped_with(&others).map_err(|_| TeachError::Unusable)?;
        let teacher = Teacher { others, profile, root, language, clock };
        let (parts, learnt) = match step {
            Step::Row => teacher.row(clicked)?,
            Step::RowTime => teacher.row_time(clicked)?,
            Step::CustomerName => teacher.customer_name(clicked)?,
            Step::CustomerMessage => teacher.customer_message(clicked)?,
            Step::ReplyBox => teacher.reply_box(clicked)?,
        };
        self.parts = teacher.others;
        self.parts.extend(parts);
        Ok(learnt)
    }

    /// The profile the lesson makes: the built-in one with the lesson's parts before it.
    pub fn profile(&self) -> Result<PageProfile, Vec<crate::catalogue::Fault>> {
        PageProfile::shipped_with(&self.parts)
    }
}

/// How far a search climbs from the click.
const CLIMB: usize = 32;
/// How deep a page may nest (a walk to the document's root).
const DEPTH: usize = 256;
/// How many descendants of the click are looked at for its time.
const DESCENDANTS: usize = 64;
/// Whatever takes typing.
const EDITABLE: &str = "textarea, input, [contenteditable]:not([contenteditable='false']), [role='textbox']";
/// Whatever can be a conversation's reply box (a search field is an `input`).
const COMPOSER_LIKE: &str = "textarea, [contenteditable]:not([contenteditable='false']), [role='textbox']";
/// Attributes whose mere presence says what an element is.
const PRESENCE: [&str; 4] = ["contenteditable", "data-lexical-editor", "datetime", "data-utime"];
/// Attributes whose value may be a time stamp, in the order they are believed.
const STAMP_ATTRIBUTES: [&str; 3] = ["title", "aria-label", "datetime"];
/// A time's text is short ("Yesterday", "Feb 28", "1:00 PM").
const MAX_TIME_TEXT: usize = 40;

/// One step's derivation: the lesson's other parts and the profile they make.
struct Teacher<'a, N, Z: TimeZone> {
    others: Map<String, Value>,
    profile: PageProfile,
    root: &'a N,
    language: Option<Language>,
    clock: &'a LocalClock<Z>,
}

type Taught = (Map<String, Value>, Learnt);

impl<N: PageNode, Z: TimeZone> Teacher<'_, N, Z> {
    /// The profile with the lesson's other parts and `parts`.
    fn with(&self, parts: &Map<String, Value>) -> Result<PageProfile, TeachError> {
        let mut all = self.others.clone();
        all.extend(parts.clone());
        PageProfile::shipped_with(&all).map_err(|_| TeachError::Unusable)
    }

    fn read_conversation(&self, profile: &PageProfile) -> super::Conversation {
        profile.read_conversation(self.root, self.language, self.clock)
    }

    /// The open conversation's message list, as the profile finds it.
    fn message_list(&self) -> Option<N> {
        let pane = self.profile.pane(self.root);
        PageProfile::first_match(pane.as_ref().unwrap_or(self.root), &self.profile.message_list)
    }

    fn in_rows(&self, node: &N) -> bool {
        self.profile.rows(self.root).elements.iter().any(|row| row.contains(node))
    }

    /// Step 1: the row around the click and its siblings; a selector for them all, and
    /// the list's container where one has a hook.
    fn row(&self, clicked: &N) -> Result<Taught, TeachError> {
        let in_messages = self.message_list().is_some_and(|list| list.contains(clicked));
        if in_messages || clicked.closest(EDITABLE).is_some() {
            return Err(TeachError::NotARow);
        }
        // The pane found may be a `[role='main']` holding the list too: a click in it is
        // in the conversation only when nothing around it repeats as rows.
        let in_pane = || self.profile.pane(self.root).is_some_and(|pane| pane.contains(clicked));
        let rows =
            self.row_group(clicked)
                .ok_or_else(|| if in_pane() { TeachError::NotARow } else { TeachError::NoRepeat })?;
        let row = rows.iter().find(|row| row.contains(clicked)).ok_or(TeachError::NoRepeat)?;
        let css = Candidates::of(row, self.root, &[])
            .in_order()
            .find(|css| same_set(&self.root.query_all(css), &rows))
            .ok_or(TeachError::NothingStable)?;
        let mut parts = Map::new();
        parts.insert("rows".into(), json!([{ "css": css }]));
        if let Some(list) = self.list_around(&rows) {
            parts.insert("list".into(), json!([list]));
        }
        let profile = self.with(&parts)?;
        let found = profile.rows(self.root).elements;
        if !same_set(&found, &rows) || found.iter().any(|row| profile.read_row(row).customer.is_none()) {
            return Err(TeachError::NoRepeat);
        }
        Ok((parts, Learnt::Rows { rows: found.len() }))
    }

    /// The rows around the click: from it up, the first element that repeats among its
    /// siblings (same tag, role and `data-` attributes), each showing a name and a snippet
    /// and none holding a text box or a "Sent by" line (a Page's messages repeat too).
    fn row_group(&self, clicked: &N) -> Option<Vec<N>> {
        let row_like = |node: &N| {
            let blocks = text_blocks(node, &self.profile.row_skip);
            let signed =
                blocks.iter().any(|(_, text)| self.profile.sent_by.iter().any(|p| super::capture(text, p).is_some()));
            blocks.len() >= 2 && !signed && node.query(EDITABLE).is_none()
        };
        for node in lineage(clicked).take(CLIMB) {
            let parent = node.parent()?;
            let group: Vec<N> = parent
                .children()
                .into_iter()
                .filter(|sibling| same_kind(sibling, &node) && row_like(sibling))
                .collect();
            if group.len() >= 2 && group.iter().any(|sibling| sibling.same(&node)) {
                return Some(group);
            }
        }
        None
    }

    /// A selector for the list's container: the nearest hooked ancestor of the rows that
    /// holds no reply box.
    fn list_around(&self, rows: &[N]) -> Option<String> {
        let parent = rows.first()?.parent()?;
        lineage(&parent)
            .take(CLIMB)
            .take_while(|ancestor| ancestor.query(COMPOSER_LIKE).is_none() && !ancestor.same(self.root))
            .find_map(|ancestor| anchor_of(&ancestor, self.root))
    }

    /// Step 2: the time in a taught row, read as exactly as the page allows.
    fn row_time(&self, clicked: &N) -> Result<Taught, TeachError> {
        let rows = self.profile.rows(self.root).elements;
        let row = rows.iter().find(|row| row.contains(clicked)).ok_or(TeachError::NotInRow)?;
        let time = TimeSource::near(clicked, row, self.language, self.clock).ok_or(TeachError::NoTime)?;
        let names = |profile: &PageProfile, rows: &[N]| -> Vec<Option<String>> {
            rows.iter().map(|row| profile.read_row(row).customer).collect()
        };
        let names_before = names(&self.profile, &rows);
        let built_in_skip = &shipped().row_skip;
        let extra = time.attr.as_ref().map(|attr| {
            let (alone, tagged) = (format!("[{attr}]"), format!("{}[{attr}]", time.element.tag()));
            // An epoch attribute names a time by itself; a title may sit on a name too.
            if time.read == Read::EpochSeconds {
                vec![alone, tagged]
            } else {
                vec![tagged, alone]
            }
        });
        for css in Candidates::of(&time.element, row, &extra.unwrap_or_default()).in_order() {
            let probe = Probe { css: Some(css.clone()), read: time.read, attr: time.attr.clone(), index: 0 };
            if !probe.first(row, "").is_some_and(|(element, _)| element.same(&time.element)) {
                continue;
            }
            let mut parts = Map::new();
            parts.insert("rowTime".into(), json!([probe_json(&probe)]));
            if !time.element.matches(built_in_skip) {
                parts.insert("rowSkip".into(), json!(format!("{built_in_skip}, {css}")));
            }
            let profile = self.with(&parts)?;
            let found = profile.rows(self.root).elements;
            // The skip must leave the rows' names alone (a name may wear the same tag).
            if !same_set(&found, &rows) || names(&profile, &found) != names_before {
                continue;
            }
            let parsed =
                found.iter().filter(|row| profile.read_row(*row).time(self.language, self.clock).is_some()).count();
            if parsed * 2 <= found.len() {
                return Err(TeachError::TimesUnread);
            }
            return Ok((parts, Learnt::Times { parsed, rows: found.len() }));
        }
        Err(TeachError::NothingStable)
    }

    /// Step 3: the customer's name in the conversation's header.
    fn customer_name(&self, clicked: &N) -> Result<Taught, TeachError> {
        if self.in_rows(clicked) {
            return Err(TeachError::NotInConversation);
        }
        let not_name = |text: &str| self.profile.not_names.iter().any(|not| not == text);
        let blocks = text_blocks(clicked, "script, style");
        let [(_, name)] = blocks.as_slice() else { return Err(TeachError::NoName) };
        if not_name(name) || clicked.closest(EDITABLE).is_some() {
            return Err(TeachError::NoName);
        }
        // The header is read as its first element that shows a name.
        let first_name = |css: &String| {
            self.root
                .query_all(css)
                .into_iter()
                .find(|element| trimmed_text(element).is_some_and(|text| !not_name(&text)))
        };
        let css = Candidates::of(clicked, self.root, &[])
            .in_order()
            .find(|css| first_name(css).is_some_and(|element| element.same(clicked)))
            .ok_or(TeachError::NothingStable)?;
        let mut parts = Map::new();
        parts.insert("customerName".into(), json!([css]));
        let profile = self.with(&parts)?;
        if self.read_conversation(&profile).customer.as_deref() != Some(name.as_str()) {
            return Err(TeachError::NothingStable);
        }
        Ok((parts, Learnt::Name))
    }

    /// Step 4: the message list (the nearest hooked ancestor of the click that holds no
    /// text box), and the messages' selector when the structural finder misses the click.
    fn customer_message(&self, clicked: &N) -> Result<Taught, TeachError> {
        if self.in_rows(clicked) || clicked.closest(EDITABLE).is_some() {
            return Err(TeachError::NotInConversation);
        }
        let mut failure = TeachError::NothingStable;
        let lists = lineage(clicked).skip(1).take(CLIMB).take_while(|a| a.query(EDITABLE).is_none());
        for list in lists {
            let Some(list_css) = anchor_of(&list, self.root) else { continue };
            let mut parts = Map::new();
            parts.insert("messageList".into(), json!([list_css]));
            if let Some(item) = structural_item(&list, clicked) {
                if self.reads_customer(&parts, &item)? {
                    return Ok((parts, Learnt::Message));
                }
            }
            // The structural finder misses it: the messages by a hook of their own.
            let messages = lineage(clicked).take_while(|node| !node.same(&list)).find_map(|message| {
                let css = stable_hooks(&message).into_iter().find(|css| {
                    let found = list.query_all(css);
                    found.len() >= 2 && found.iter().any(|m| m.same(&message))
                })?;
                Some((message, css))
            });
            if let Some((message, css)) = messages {
                parts.insert("messages".into(), json!([{ "css": css }]));
                if self.reads_customer(&parts, &message)? {
                    return Ok((parts, Learnt::Message));
                }
            }
            failure = TeachError::NotCustomers;
        }
        Err(failure)
    }

    /// Whether the profile with `parts` reads a customer's message in the conversation, and
    /// reads `message` as the customer's (read alone, by its place in the page).
    fn reads_customer(&self, parts: &Map<String, Value>, message: &N) -> Result<bool, TeachError> {
        let profile = self.with(parts)?;
        if self.read_conversation(&profile).last_customer_text.is_none() {
            return Ok(false);
        }
        let mut alone = parts.clone();
        alone.insert("messages".into(), json!([{ "css": path_selector(message) }]));
        Ok(self.read_conversation(&self.with(&alone)?).last_customer_text.is_some())
    }

    /// Step 5: the reply box, one of the text boxes nearest the message list, named within
    /// its hooked ancestors first (a taught box needs no other evidence, so its selector
    /// must not reach a Notes box later); and the pane holding the conversation.
    fn reply_box(&self, clicked: &N) -> Result<Taught, TeachError> {
        // The box itself, or the only one inside what was clicked (its wrapper).
        let only_inside = || match clicked.query_all(EDITABLE).as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        };
        let editable = clicked.closest(EDITABLE).or_else(only_inside).ok_or(TeachError::NotEditable)?;
        if self.is_decoy(&editable) {
            return Err(TeachError::NotReplyBox);
        }
        let list = self.message_list().ok_or(TeachError::NoConversation)?;
        let nearest = lineage(&list).skip(1).take(CLIMB).find_map(|ancestor| {
            let boxes: Vec<N> = ancestor.query_all(EDITABLE).into_iter().filter(|b| !self.is_decoy(b)).collect();
            (!boxes.is_empty()).then_some(boxes)
        });
        if !nearest.unwrap_or_default().iter().any(|b| b.same(&editable)) || self.in_rows(&editable) {
            return Err(TeachError::NotInConversation);
        }
        let css = Candidates::of(&editable, self.root, &[])
            .context_first()
            .find(|css| selects_only(self.root, css, &editable))
            .ok_or(TeachError::NothingStable)?;
        let mut parts = Map::new();
        parts.insert("composer".into(), json!({ "taught": css }));
        if let Some(pane) = self.pane_around(&list, &editable)? {
            parts.insert("pane".into(), json!([pane]));
        }
        let profile = self.with(&parts)?;
        let found = profile.reply_box(self.root, Some(&editable));
        if !found.is_some_and(|b| b.same(&editable)) || !profile.is_reply_box(&editable, self.root) {
            return Err(TeachError::NothingStable);
        }
        Ok((parts, Learnt::ReplyBox))
    }

    /// Whether a text box is a search field or a note, by the profile's decoys and labels.
    fn is_decoy(&self, element: &N) -> bool {
        let composer = &self.profile.composer;
        let label = label_of(element).map(|label| to_lower(label.trim())).unwrap_or_default();
        element.matches(&composer.decoys)
            || element.matches("input[type='search']")
            || (!label.is_empty() && composer.decoy_labels.iter().any(|start| label.starts_with(start.as_str())))
    }

    /// A selector for the conversation's pane: the nearest hooked ancestor holding the
    /// message list and the reply box, and none of the list's rows, that still reads the
    /// customer the page shows.
    fn pane_around(&self, list: &N, reply_box: &N) -> Result<Option<String>, TeachError> {
        let customer = self.read_conversation(&self.profile).customer;
        let rows = self.profile.rows(self.root).elements;
        let Some(common) = lineage(list).take(CLIMB).find(|ancestor| ancestor.contains(reply_box)) else {
            return Ok(None);
        };
        let panes = lineage(&common)
            .take(CLIMB)
            .take_while(|pane| !pane.same(self.root) && !rows.iter().any(|row| pane.contains(row)));
        for pane in panes {
            let Some(css) = anchor_of(&pane, self.root) else { continue };
            let mut parts = Map::new();
            parts.insert("pane".into(), json!([css]));
            let reading = self.read_conversation(&self.with(&parts)?);
            if reading.has_messages && reading.customer == customer {
                return Ok(Some(css));
            }
        }
        Ok(None)
    }
}

/// Where a row's time is, and how it reads.
struct TimeSource<N> {
    element: N,
    read: Read,
    attr: Option<String>,
}

impl<N: PageNode> TimeSource<N> {
    /// The time at the click: the clicked element, its ancestors inside the row, then its
    /// descendants; an attribute holding epoch seconds first (exact), then an attribute
    /// the clock reads as a stamp, then the element's own short text.
    fn near<Z: TimeZone>(
        clicked: &N,
        row: &N,
        language: Option<Language>,
        clock: &LocalClock<Z>,
    ) -> Option<TimeSource<N>> {
        let around = lineage(clicked).take(CLIMB).take_while(|node| !node.same(row));
        let near: Vec<N> = around.chain(clicked.query_all("*").into_iter().take(DESCENDANTS)).collect();
        let source = |element: &N, read: Read, attr: Option<&str>| TimeSource {
            element: element.clone(),
            read,
            attr: attr.map(str::to_string),
        };
        let epoch = near.iter().find_map(|element| {
            let names = element.attribute_names();
            let name = names.iter().find(|name| {
                element
                    .attr(name)
                    .is_some_and(|value| list_row_time(Some(&value), None, None, language, clock).is_some())
            })?;
            Some(source(element, Read::EpochSeconds, Some(name)))
        });
        let stamp = || {
            near.iter().find_map(|element| {
                let name = STAMP_ATTRIBUTES.into_iter().find(|name| {
                    element.attr(name).is_some_and(|value| parse_timestamp(&value, language, clock).is_some())
                })?;
                Some(source(element, Read::Stamp, Some(name)))
            })
        };
        let text = || {
            near.iter().find(|element| {
                trimmed_text(*element).is_some_and(|text| {
                    text.chars().count() <= MAX_TIME_TEXT && parse_timestamp(&text, language, clock).is_some()
                })
            })
        };
        epoch.or_else(stamp).or_else(|| text().map(|element| source(element, Read::Stamp, None)))
    }
}

/// A time probe as `inbox.json` writes it.
fn probe_json(probe: &Probe) -> Value {
    let read = if probe.read == Read::EpochSeconds { "epochSeconds" } else { "stamp" };
    let mut object = Map::new();
    object.insert("css".into(), json!(probe.css));
    object.insert("read".into(), json!(read));
    if let Some(attr) = &probe.attr {
        object.insert("attr".into(), json!(attr));
    }
    Value::Object(object)
}

/// `node` and its ancestors, nearest first, up to the document's root.
fn lineage<N: PageNode>(node: &N) -> impl Iterator<Item = N> {
    std::iter::successors(Some(node.clone()), PageNode::parent).take(DEPTH)
}

/// Whether two elements are siblings of one kind: the same tag, role and `data-`
/// attributes (rows differ in their classes, styles and positions, never in those).
fn same_kind<N: PageNode>(a: &N, b: &N) -> bool {
    let data = |node: &N| {
        let mut names: Vec<String> = node.attribute_names().into_iter().filter(|n| n.starts_with("data-")).collect();
        crate::sort::sort_texts(&mut names);
        names
    };
    a.tag() == b.tag() && a.attr("role") == b.attr("role") && data(a) == data(b)
}

fn same_set<N: PageNode>(found: &[N], wanted: &[N]) -> bool {
    found.len() == wanted.len() && wanted.iter().all(|w| found.iter().any(|f| f.same(w)))
}

fn selects_only<N: PageNode>(scope: &N, css: &str, node: &N) -> bool {
    let found = scope.query_all(css);
    found.len() == 1 && found[0].same(node)
}

/// `value` between single quotes, when it can be written so without escapes.
fn quoted(value: &str) -> Option<String> {
    let plain = !value.is_empty() && !value.contains(['\'', '\\', '"']) && !value.chars().any(char::is_control);
    plain.then(|| format!("'{value}'"))
}

/// Selectors for a `data-pagelet` or `data-testid` value. A value with digits looks
/// versioned (`BizP13N…`, `…V2`): its part after the digits (from the next word) as a
/// suffix, or before them as a prefix, comes first; the exact value last, unless it
/// carries a number long enough to be an id.
fn named(attribute: &str, value: &str) -> Vec<String> {
    let mut selectors = Vec::new();
    let digit = |c: char| c.is_ascii_digit();
    if let (Some(first), Some(last)) = (value.find(digit), value.rfind(digit)) {
        let tail = &value[last + 1..];
        let chars: Vec<char> = tail.chars().collect();
        let word =
            (0..chars.len()).find(|&i| chars[i].is_uppercase() && chars.get(i + 1).is_some_and(|c| c.is_lowercase()));
        let tail: String = chars[word.unwrap_or(0)..].iter().collect();
        let head = &value[..first];
        for (operator, part) in [("$=", tail.as_str()), ("^=", head)] {
            if part.chars().count() >= 6 {
                selectors.extend(quoted(part).map(|q| format!("[{attribute}{operator}{q}]")));
            }
        }
    }
    let long_number = value.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() >= 4);
    if !long_number {
        selectors.extend(quoted(value).map(|q| format!("[{attribute}={q}]")));
    }
    selectors
}

/// Selectors for a `data-surface` path: its stable tail. A last segment carrying a row's
/// index (`…/thread_list/thread_row3`) is matched anywhere by its part before the
/// digits; another by its end, the last segment alone first, then the last two.
fn surface(path: &str) -> Vec<String> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let Some((last, before)) = segments.split_last() else { return Vec::new() };
    let stem = last.trim_end_matches(|c: char| c.is_ascii_digit());
    let previous = before.last().map(|p| format!("/{p}"));
    let (operator, end) = if stem.len() < last.len() { ("*=", stem) } else { ("$=", *last) };
    if end.is_empty() {
        return Vec::new();
    }
    let tails = [Some(format!("/{end}")), previous.map(|p| format!("{p}/{end}"))];
    tails
        .into_iter()
        .flatten()
        .filter_map(|tail| quoted(&tail).map(|q| format!("[data-surface{operator}{q}]")))
        .collect()
}

/// Selectors from an element's own stable hooks, best first: `data-pagelet`,
/// `data-surface`, `data-testid`.
fn own_hooks<N: PageNode>(node: &N) -> Vec<String> {
    let mut hooks = Vec::new();
    hooks.extend(node.attr("data-pagelet").map(|v| named("data-pagelet", &v)).unwrap_or_default());
    hooks.extend(node.attr("data-surface").map(|v| surface(&v)).unwrap_or_default());
    hooks.extend(node.attr("data-testid").map(|v| named("data-testid", &v)).unwrap_or_default());
    hooks
}

/// The element's role, with its level for a heading.
fn role_hook<N: PageNode>(node: &N) -> Option<String> {
    let role = quoted(&node.attr("role")?)?;
    Some(match node.attr("aria-level").as_deref().and_then(quoted) {
        Some(level) => format!("[role={role}][aria-level={level}]"),
        None => format!("[role={role}]"),
    })
}

/// Its own hooks and its role: what names an element alone or an ancestor as context.
fn stable_hooks<N: PageNode>(node: &N) -> Vec<String> {
    let mut hooks = own_hooks(node);
    hooks.extend(role_hook(node));
    hooks
}

/// The selector naming `node` alone in `scope` by its stable hooks.
fn anchor_of<N: PageNode>(node: &N, scope: &N) -> Option<String> {
    stable_hooks(node).into_iter().find(|css| selects_only(scope, css, node))
}

/// The tags from `ancestor`'s child down to `target`, joined as children: `div > textarea`.
fn tag_path<N: PageNode>(ancestor: &N, target: &N) -> Option<String> {
    let mut tags = Vec::new();
    for node in lineage(target).take(CLIMB) {
        if node.same(ancestor) {
            tags.reverse();
            return Some(tags.join(" > "));
        }
        tags.push(node.tag());
    }
    None
}

/// A selector for exactly `node` by its place in the document (`html > :nth-child(2) >
/// …`): only to read one element alone in a check, never kept (positions change).
fn path_selector<N: PageNode>(node: &N) -> String {
    let mut steps = Vec::new();
    for node in lineage(node) {
        match node.parent() {
            Some(parent) => {
                let index = parent.children().iter().position(|child| child.same(&node)).unwrap_or(0);
                steps.push(format!(":nth-child({})", index + 1));
            }
            None => steps.push(node.tag()),
        }
    }
    steps.reverse();
    steps.join(" > ")
}

/// The message the structural finder sees at the click: from the list down along the
/// click's ancestors, through elements where only one child shows text, to the first with
/// several; the child on the click's side is the message (as `conversation`'s finder
/// takes the items). `None` when the way down leaves the click's side.
fn structural_item<N: PageNode>(list: &N, clicked: &N) -> Option<N> {
    let mut path: Vec<N> = lineage(clicked).take_while(|node| !node.same(list)).collect();
    if path.last().and_then(PageNode::parent).is_none_or(|parent| !parent.same(list)) {
        return None;
    }
    path.reverse();
    let shows_text = |node: &N| !node.text().trim().is_empty();
    let mut node = list.clone();
    for next in path {
        let showing: Vec<N> = node.children().into_iter().filter(shows_text).collect();
        if !showing.iter().any(|child| child.same(&next)) {
            return None;
        }
        if showing.len() >= 2 {
            return Some(next);
        }
        node = next;
    }
    None
}

/// The selectors tried for an element, in three kinds.
struct Candidates {
    /// Its own `data-pagelet`, `data-surface` or `data-testid`, alone.
    own: Vec<String>,
    /// Each of its hooks within each hooked ancestor (nearest first), then the tag path
    /// from that ancestor.
    within: Vec<String>,
    /// Its role, the presence of a telling attribute, its tag: alone only at the end.
    weak: Vec<String>,
}

impl Candidates {
    /// The candidates for `target` inside `scope`; `extra` are weak hooks tried first.
    fn of<N: PageNode>(target: &N, scope: &N, extra: &[String]) -> Candidates {
        let own = own_hooks(target);
        let tag = target.tag();
        let mut weak: Vec<String> = extra.to_vec();
        weak.extend(role_hook(target));
        for attribute in PRESENCE.into_iter().filter(|name| target.attr(name).is_some()) {
            weak.push(format!("[{attribute}]"));
            weak.push(format!("{tag}[{attribute}]"));
        }
        weak.push(tag);
        let ancestors = lineage(target).skip(1).take(CLIMB).take_while(|a| !a.same(scope) && scope.contains(a));
        let mut within = Vec::new();
        for ancestor in ancestors {
            let Some(anchor) = anchor_of(&ancestor, scope) else { continue };
            within.extend(own.iter().chain(&weak).map(|hook| format!("{anchor} {hook}")));
            within.extend(tag_path(&ancestor, target).map(|path| format!("{anchor} > {path}")));
        }
        Candidates { own, within, weak }
    }

    /// Own hooks, then within ancestors, then weak hooks alone.
    fn in_order(self) -> impl Iterator<Item = String> {
        self.own.into_iter().chain(self.within).chain(self.weak)
    }

    /// Within ancestors first: for a selector that must never reach a look-alike elsewhere.
    fn context_first(self) -> impl Iterator<Item = String> {
        self.within.into_iter().chain(self.own).chain(self.weak)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_profile::html::{HtmlNode, HtmlPage};
    use crate::page_profile::RowReading;

    /// Monday 2026-11-23 15:00 UTC, the fixtures' time.
    const NOW: i64 = 1_795_446_000_000;
    const BUSINESS: &str = include_str!("fixtures/business.html");
    const MESSENGER: &str = include_str!("fixtures/messenger.html");
    const RENAMED: &str = include_str!("fixtures/teach-renamed.html");
    const MOVED: &str = include_str!("fixtures/teach-moved.html");
    /// What the fixtures say about their people: none of it may appear in a selector.
    const PRIVATE: [&str; 8] = ["Ana", "Popescu", "Mihai", "Lucia", "Cluj", "cake", "daughter", "Maria"];

    fn clock() -> LocalClock {
        LocalClock::new(NOW, 0)
    }

    fn element<'a>(page: &'a HtmlPage, css: &str) -> HtmlNode<'a> {
        page.root().query(css).unwrap_or_else(|| panic!("no {css} in the test page"))
    }

    fn learn(lesson: &mut Lesson, page: &HtmlPage, step: Step, css: &str) -> Result<Learnt, TeachError> {
        lesson.learn(step, &element(page, css), &page.root(), Some(Language::En), &clock())
    }

    /// The clicks of a whole lesson, one selector per step (in [`Step::ALL`]'s order).
    fn teach(html: &str, clicks: [&str; 5]) -> (Lesson, Vec<Learnt>) {
        let page = HtmlPage::parse(html);
        let mut lesson = Lesson::default();
        let learnt = Step::ALL
            .into_iter()
            .zip(clicks)
            .map(|(step, css)| learn(&mut lesson, &page, step, css).unwrap_or_else(|e| panic!("{step:?}: {e:?}")))
            .collect();
        (lesson, learnt)
    }

    /// Every string the lesson holds.
    fn strings(parts: &Map<String, Value>) -> Vec<String> {
        fn walk(value: &Value, found: &mut Vec<String>) {
            match value {
                Value::String(text) => found.push(text.clone()),
                Value::Array(items) => items.iter().for_each(|item| walk(item, found)),
                Value::Object(fields) => fields.values().for_each(|v| walk(v, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        walk(&Value::Object(parts.clone()), &mut found);
        found
    }

    fn assert_no_class_id_or_name(lesson: &Lesson) {
        let built_in_skip = &shipped().row_skip;
        for text in strings(&lesson.parts) {
            let text = text.strip_prefix(built_in_skip.as_str()).unwrap_or(&text);
            assert!(!text.contains('.') && !text.contains('#') && !text.contains("class"), "{text}");
            assert!(!text.contains("id=") && !text.contains("aria-label=") && !text.contains("title="), "{text}");
            assert!(PRIVATE.iter().all(|private| !text.contains(private)), "{text}");
        }
    }

    /// What a profile reads on a page: rows' names, how many times parse, the customer,
    /// their last message, whether it is dated, and the reply box's tag.
    #[derive(Debug, PartialEq)]
    struct Reading {
        names: Vec<String>,
        times: usize,
        customer: Option<String>,
        last_customer_text: Option<String>,
        dated: bool,
        reply_box: Option<String>,
    }

    fn reading(profile: &PageProfile, html: &str) -> Reading {
        let page = HtmlPage::parse(html);
        let root = page.root();
        let rows: Vec<RowReading> = profile.rows(&root).elements.iter().map(|row| profile.read_row(row)).collect();
        let conversation = profile.read_conversation(&root, Some(Language::En), &clock());
        Reading {
            names: rows.iter().map(|row| row.customer.clone().unwrap_or_default()).collect(),
            times: rows.iter().filter(|row| row.time(Some(Language::En), &clock()).is_some()).count(),
            customer: conversation.customer,
            last_customer_text: conversation.last_customer_text,
            dated: conversation.last_customer.is_some(),
            reply_box: profile.reply_box(&root, None).map(|b| b.tag()),
        }
    }

    fn works(html: &str, lesson: &Lesson, times: usize, reply_box: &str) {
        let profile = lesson.profile().unwrap();
        let read = reading(&profile, html);
        assert_eq!(read.names, ["Ana Popescu", "Mihai Ionescu", "Lucia Marin"]);
        assert_eq!(read.times, times);
        assert_eq!(read.customer.as_deref(), Some("Ana Popescu"));
        assert_eq!(read.last_customer_text.as_deref(), Some("My daughter turns 6."));
        assert!(read.dated, "the last customer message's time, from its separator");
        assert_eq!(read.reply_box.as_deref(), Some(reply_box));
        assert_no_class_id_or_name(lesson);
    }

    const BUSINESS_CLICKS: [&str; 5] = [
        "[data-surface$='thread_row1/lib:thread_title'] div",
        "abbr[data-utime]",
        "[data-pagelet='BizInboxDetailViewHeaderSectionWrapper'] [style*='line-clamp']",
        "[data-test-extent='410 900'] img + div",
        "textarea[placeholder^='Reply']",
    ];

    #[test]
    fn the_business_layout_is_taught_from_its_own_hooks() {
        let (lesson, learnt) = teach(BUSINESS, BUSINESS_CLICKS);
        assert_eq!(
            learnt,
            [
                Learnt::Rows { rows: 3 },
                Learnt::Times { parsed: 3, rows: 3 },
                Learnt::Name,
                Learnt::Message,
                Learnt::ReplyBox
            ]
        );
        let hook = "[data-pagelet='GenericBizInboxThreadListViewBody']";
        assert_eq!(lesson.parts["rows"], json!([{ "css": format!("{hook} [role='presentation']") }]));
        assert_eq!(lesson.parts["list"], json!([hook]));
        assert_eq!(
            lesson.parts["rowTime"],
            json!([{"css": "[data-utime]", "read": "epochSeconds", "attr": "data-utime"}])
        );
        assert!(!lesson.parts.contains_key("rowSkip"), "the built-in skip already leaves abbr out");
        assert_eq!(
            lesson.parts["customerName"],
            json!(["[data-pagelet='BizInboxDetailViewHeaderSectionWrapper'] div"])
        );
        assert_eq!(lesson.parts["messageList"], json!(["[role='region']"]));
        assert!(!lesson.parts.contains_key("messages"), "the structural finder reads the click");
        works(BUSINESS, &lesson, 3, "textarea");
    }

    #[test]
    fn the_messenger_layout_is_taught_too() {
        let (lesson, _) = teach(
            MESSENGER,
            [
                "[role='listitem'] span[dir='auto']",
                "[role='listitem'] abbr",
                "h2",
                "[role='row'] [dir='auto']",
                "[contenteditable]",
            ],
        );
        assert_eq!(
            lesson.parts["rows"],
            json!([{ "css": "[role='list'] [role='listitem']" }]),
            "a role within its list"
        );
        assert_eq!(
            lesson.parts["rowTime"],
            json!([{"css": "[role='link'] abbr[title]", "read": "stamp", "attr": "title"}])
        );
        assert_eq!(lesson.parts["pane"], json!(["[role='main']"]));
        let profile = lesson.profile().unwrap();
        let read = reading(&profile, MESSENGER);
        assert_eq!(read.names, ["Ana Popescu", "Elena Dumitru"]);
        assert_eq!(read.times, 2);
        assert_eq!(read.last_customer_text.as_deref(), Some("Great. Can I order a birthday cake for Saturday?"));
        assert_no_class_id_or_name(&lesson);
    }

    #[test]
    fn a_page_with_renamed_hooks_and_a_moved_time_is_taught() {
        let built_in = reading(shipped(), RENAMED);
        assert!(built_in.names.is_empty(), "the built-in profile finds no row");
        let (lesson, learnt) = teach(
            RENAMED,
            [
                "[data-surface$='conversation_row2/lib:conversation_name'] div",
                "span[title='1:00 PM']",
                "[data-pagelet='BizInboxConversationHeader'] div",
                "[data-test-extent='410 800'] img + div",
                "[role='textbox']",
            ],
        );
        assert_eq!(learnt[1], Learnt::Times { parsed: 3, rows: 3 });
        assert_eq!(lesson.parts["rowTime"], json!([{"css": "span[title]", "read": "stamp", "attr": "title"}]));
        assert_eq!(lesson.parts["rowSkip"], json!(format!("{}, span[title]", shipped().row_skip)));
        assert_eq!(lesson.parts["pane"], json!(["[data-pagelet='BizInboxConversationDetailPane']"]));
        works(RENAMED, &lesson, 3, "div");
    }

    /// The replica's changed layout (tests/replica, `?layout=changed`), reduced: what the
    /// end-to-end test teaches in the browser.
    #[test]
    fn the_replicas_changed_layout_is_taught() {
        const CHANGED: &str = include_str!("fixtures/changed.html");
        assert!(reading(shipped(), CHANGED).names.is_empty(), "the built-in profile finds no row");
        let (lesson, learnt) = teach(
            CHANGED,
            [
                "[data-surface$='conversation_item1/lib:participant_name'] div",
                "[data-surface$='conversation_item1'] span[data-timestamp]",
                "[data-pagelet='BizInboxConversationPanelTopBar'] [style*='line-clamp']",
                "[data-test-extent='410 700'] > div > div:nth-child(2)",
                "[role='textbox']",
            ],
        );
        assert_eq!(learnt[0], Learnt::Rows { rows: 7 });
        assert_eq!(learnt[1], Learnt::Times { parsed: 7, rows: 7 });
        assert_eq!(lesson.parts["rowTime"][0]["read"], "epochSeconds");
        let profile = lesson.profile().unwrap();
        let read = reading(&profile, CHANGED);
        assert_eq!(read.names.len(), 7);
        assert_eq!(read.customer.as_deref(), Some("Ioana Radu"));
        assert_eq!(read.last_customer_text.as_deref(), Some("Around noon."));
        assert!(read.dated);
        assert_eq!(read.reply_box.as_deref(), Some("div"));
        assert_no_class_id_or_name(&lesson);
    }

    #[test]
    fn a_page_with_versioned_hooks_roleless_rows_and_an_epoch_attribute_is_taught() {
        let built_in = reading(shipped(), MOVED);
        assert!(
            built_in.names.is_empty() && built_in.customer.is_none() && built_in.reply_box.is_none(),
            "{built_in:?}"
        );
        let (lesson, learnt) = teach(
            MOVED,
            [
                "[data-surface$='item4/lib:item_title'] div",
                "[data-ts]",
                "[data-surface$='/header'] div",
                "[data-test-extent='410 900'] img + div",
                "[data-pagelet='BizInboxComposer'] div",
            ],
        );
        assert_eq!(learnt[1], Learnt::Times { parsed: 2, rows: 3 }, "one row shows no time the page dates");
        assert_eq!(lesson.parts["rowTime"], json!([{"css": "[data-ts]", "read": "epochSeconds", "attr": "data-ts"}]));
        assert_eq!(lesson.parts["messageList"], json!(["[data-pagelet='BizInboxMessageThread']"]));
        assert_eq!(lesson.parts["composer"], json!({"taught": "[data-pagelet='BizInboxComposer'] [role='textbox']"}));
        works(MOVED, &lesson, 2, "div");
    }

    #[test]
    fn a_main_role_around_the_list_and_the_conversation_is_no_pane() {
        let html = RENAMED.replace(r#"<div id="u_0_a">"#, r#"<div id="u_0_a" role="main">"#);
        let (lesson, _) = teach(
            &html,
            [
                "[data-surface$='conversation_row0/lib:conversation_name'] div",
                "span[title='Yesterday']",
                "[data-pagelet='BizInboxConversationHeader'] div",
                "[data-test-extent='410 780'] div",
                "[role='textbox']",
            ],
        );
        assert_eq!(lesson.parts["pane"], json!(["[data-pagelet='BizInboxConversationDetailPane']"]));
        works(&html, &lesson, 3, "div");
    }

    #[test]
    fn wrong_clicks_are_named() {
        let page = HtmlPage::parse(BUSINESS);
        let mut lesson = Lesson::default();
        let mut wrong = |step, css| learn(&mut lesson, &page, step, css).unwrap_err();
        assert_eq!(wrong(Step::Row, "[data-test-extent='410 900'] img + div"), TeachError::NotARow);
        assert_eq!(wrong(Step::Row, "h1"), TeachError::NoRepeat);
        assert_eq!(wrong(Step::RowTime, "[data-surface$='thread_row0/lib:thread_title'] div"), TeachError::NoTime);
        assert_eq!(
            wrong(Step::RowTime, "[data-pagelet='BizInboxDetailViewHeaderSectionWrapper'] div"),
            TeachError::NotInRow
        );
        assert_eq!(wrong(Step::CustomerName, "h1"), TeachError::NoName);
        assert_eq!(
            wrong(Step::CustomerName, "[data-surface$='thread_row0/lib:thread_title'] div"),
            TeachError::NotInConversation
        );
        assert_eq!(wrong(Step::CustomerMessage, "[data-test-extent='720 1090'] div"), TeachError::NotCustomers);
        assert_eq!(wrong(Step::ReplyBox, "#unlabelled-note"), TeachError::NotInConversation);
        assert_eq!(wrong(Step::ReplyBox, "textarea[placeholder^='Add a note']"), TeachError::NotReplyBox);
        assert_eq!(wrong(Step::ReplyBox, "input[type=search]"), TeachError::NotReplyBox);
        assert_eq!(wrong(Step::ReplyBox, "[aria-label='Send']"), TeachError::NotEditable);
        assert!(lesson.parts.is_empty(), "a wrong click teaches nothing");
        // Where nothing finds the message list yet, the reply box cannot be placed.
        let moved = HtmlPage::parse(MOVED);
        let mut lesson = Lesson::default();
        assert_eq!(learn(&mut lesson, &moved, Step::ReplyBox, "[role='textbox']"), Err(TeachError::NoConversation));
    }

    #[test]
    fn teaching_a_step_again_replaces_what_it_taught() {
        let page = HtmlPage::parse(MOVED);
        let mut lesson = Lesson::default();
        learn(&mut lesson, &page, Step::Row, "[data-surface$='item3/lib:item_title'] div").unwrap();
        let rows = lesson.parts["rows"].clone();
        learn(&mut lesson, &page, Step::Row, "[data-surface$='item5/lib:item_title'] div").unwrap();
        assert_eq!(lesson.parts["rows"], rows);
        assert_eq!(lesson.parts.len(), 2, "rows and list, once");
    }

    #[test]
    fn hooks_keep_their_stable_part() {
        assert_eq!(
            named("data-pagelet", "BizP13NInboxUinifiedThreadListView"),
            ["[data-pagelet$='InboxUinifiedThreadListView']", "[data-pagelet='BizP13NInboxUinifiedThreadListView']"]
        );
        assert_eq!(
            named("data-pagelet", "BizInboxThreadListV2Body"),
            ["[data-pagelet^='BizInboxThreadListV']", "[data-pagelet='BizInboxThreadListV2Body']"]
        );
        assert_eq!(named("data-testid", "thread-100052384037366"), ["[data-testid^='thread-']"]);
        assert_eq!(
            surface("/bizweb:inbox/bizweb_inbox:thread_list/thread_row32"),
            ["[data-surface*='/thread_row']", "[data-surface*='/bizweb_inbox:thread_list/thread_row']"]
        );
        assert_eq!(
            surface("/a/b/lib:thread_title"),
            ["[data-surface$='/lib:thread_title']", "[data-surface$='/b/lib:thread_title']"]
        );
        assert_eq!(surface("/a/b/it's"), Vec::<String>::new());
    }
}
