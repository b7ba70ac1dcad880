//! The agent's own response figures, measured locally as Meta defines them for the Very
//! Responsive badge (`../shared/GUIDELINES.md` §1; seeds 003, 004): which turns of a
//! conversation needed an answer and when a person answered ([`turns`]), the response
//! rate and the average of the fastest 90% of response times per local day ([`figures`]),
//! time outside business hours left out ([`hours`]), and the bounded, numbers-only record
//! the extension keeps ([`store`]).
//!
//! Pure and deterministic like [`crate::clock`], whose calendar it uses: the current time
//! and the time zone are parameters.

pub mod figures;
pub mod hours;
pub mod store;
pub mod turns;

pub use figures::{fastest_share_average, local_day, report, Day, Figures, Report, Slow, TIME_TARGET_MS};
pub use hours::{BusinessHours, Opening};
pub use store::{thread_tag, ResponseStore, StoredTurn};
pub use turns::{narrowest, turns, Author, Message, Turn, SILENCE_MS};
