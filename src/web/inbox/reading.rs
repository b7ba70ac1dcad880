//! Reads the page for a scan into plain records: the rows the profile finds, each read
//! again only when it changed since the last scan (reading every row was most of a scan's
//! cost) and its time parsed again only when the minute or the language moved; the open
//! conversation; and what the profile recognises of the page, from those same readings.

use web_sys::{Document, Element};

use crate::clock::{LocalClock, TimeRange, TimeZone};
use crate::inbox_view::RowTime;
use crate::lang::Language;
use crate::page_profile::health::{Health, Readings, RowCheck};
use crate::page_profile::{query_parameter, PageProfile, RowReading};
use crate::threads::OpenThread;
use crate::web::conversation;
use crate::web::inbox::state::{InboxState, Seen};

/// The rows of the page, as read.
pub struct Rows {
    pub elements: Vec<Element>,
    /// Per element, its id and what is kept of it (its reading lent to `inputs`).
    pub seen: Vec<(u32, Seen)>,
    /// Per element, its reading and time, as [`crate::threads::Threads::scan`] takes them.
    pub inputs: Vec<(RowReading, Option<TimeRange>)>,
    /// Which of the profile's row strategies found them.
    pub strategy: Option<usize>,
}

/// Finds and reads the rows under `root`, from what `state` kept where a row is unchanged.
pub fn rows<Z: TimeZone>(
    root: &Element,
    profile: &PageProfile,
    state: &mut InboxState,
    clock: &LocalClock<Z>,
    language: Option<Language>,
) -> Rows {
    let minute = clock.now_ms.div_euclid(60_000);
    let found = profile.rows(root);
    let mut seen: Vec<(u32, Seen)> = Vec::with_capacity(found.elements.len());
    for row in &found.elements {
        let id = state.element_ids.get(row).as_f64().map(|id| id as u32);
        let kept = id.and_then(|id| Some((id, state.seen.take(id)?)));
        let (id, mut entry) = kept.unwrap_or_else(|| {
            let id = state.seen.new_id();
            state.element_ids.set(row, &id.into());
            (id, Seen { reading: profile.read_row(row), time: RowTime::default(), marks: None })
        });
        if !entry.time.holds(minute, language) {
            entry.time = RowTime::parsed(minute, language, entry.reading.time(language, clock));
        }
        seen.push((id, entry));
    }
    let inputs = seen.iter_mut().map(|(_, s)| (std::mem::take(&mut s.reading), s.time.range)).collect();
    Rows { elements: found.elements, seen, inputs, strategy: found.strategy }
}

/// The open conversation, with the thread id the page's address (`url`) names.
pub fn open_thread<Z: TimeZone>(
    document: &Document,
    profile: &PageProfile,
    url: &str,
    clock: &LocalClock<Z>,
) -> OpenThread {
    OpenThread {
        id: query_parameter(url, &profile.thread_key_parameter).map(str::to_string),
        conversation: conversation::open_conversation(document, profile, clock),
    }
}

/// What the profile recognised of the page, from this scan's readings (no second read).
pub fn health(root: &Element, profile: &PageProfile, rows: &Rows, open: &OpenThread, reply_box: bool) -> Health {
    let checks: Vec<RowCheck> = rows.inputs.iter().map(|(reading, time)| RowCheck::of(reading, *time)).collect();
    let readings = Readings {
        strategy: rows.strategy,
        rows: &checks,
        conversation: &open.conversation,
        pane: profile.pane(root).is_some(),
        reply_box,
        thread_open: open.id.is_some(),
    };
    Health::from_readings(profile, &readings, || profile.row_like(root))
}
