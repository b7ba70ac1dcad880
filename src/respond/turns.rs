//! A conversation's turns that need an answer, as Meta counts them for the Very
//! Responsive badge (`../shared/GUIDELINES.md` §1; seeds 003, 004): a turn starts at the
//! customer's first message, or at a customer's message after 24 hours in which nobody
//! wrote; its response is the first reply a person of the Page sends after it. Automated
//! replies (instant replies, away messages) are not responses, and customer messages
//! before the response belong to the same turn.

use crate::clock::calendar::HOUR_MS;
use crate::clock::TimeRange;

/// The silence after which a customer's message is a new turn (004: "a 24-hour silence
/// in which neither you nor your customer sends anything").
pub const SILENCE_MS: i64 = 24 * HOUR_MS;

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Customer,
    /// A person of the Page's team: the message has a "Sent by <name>" line, or the
    /// layout labels it as the agent's own.
    Person,
    /// The Page, but not a person: no "Sent by" line, or marked as automated.
    Automated,
}

/// One message of a conversation, oldest first, with its time as the page tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub author: Author,
    pub at: TimeRange,
}

/// A turn that needed an answer: when it started and, once answered, when the answer
/// came (Unix milliseconds). Both by the worst case, as the clock judges times: the start
/// at the customer's earliest possible moment, the reply at its latest, so a time range
/// never makes a response look faster than it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    pub start_ms: i64,
    pub reply_ms: Option<i64>,
}

impl Turn {
    /// Milliseconds from the customer's message to the reply, when answered.
    pub fn response_ms(&self) -> Option<i64> {
        self.reply_ms.map(|reply| (reply - self.start_ms).max(0))
    }
}

/// The turns of a conversation whose `messages` are given oldest first, from its first
/// message (a list that starts mid-conversation makes its first customer message a turn:
/// the caller passes only what it knows to be the whole history, or accepts that).
/// Silence is certain only when the ranges say so: from the latest moment of one message
/// to the earliest of the next.
pub fn turns(messages: &[Message]) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    let mut previous: Option<&Message> = None;
    for message in messages {
        let silent = previous.is_none_or(|p| message.at.earliest_ms - p.at.latest_ms >= SILENCE_MS);
        let waiting = turns.last().is_some_and(|turn| turn.reply_ms.is_none());
        match message.author {
            // A silence inside an unanswered turn starts a new one too: the old one stays
            // unanswered, as Meta counts it.
            Author::Customer if silent => turns.push(Turn { start_ms: message.at.earliest_ms, reply_ms: None }),
            Author::Person if waiting => {
                if let Some(turn) = turns.last_mut() {
                    turn.reply_ms = Some(message.at.latest_ms.max(turn.start_ms));
                }
            }
            _ => {}
        }
        previous = Some(message);
    }
    turns
}

/// What is known of a conversation's turns after a new reading (`seen`) of them: each turn
/// by its start, with the earliest answer either reading gives, since answers are judged by
/// their latest moment, and a later reading of a range that ends at "now" only widens.
/// Turns of `known` that the new reading no longer shows are dropped (the page shows the
/// conversation's newest messages).
pub fn narrowest(known: &[Turn], seen: &[Turn]) -> Vec<Turn> {
    seen.iter()
        .map(|turn| {
            let before = known.iter().find(|k| k.start_ms == turn.start_ms).and_then(|k| k.reply_ms);
            let reply_ms = [before, turn.reply_ms].into_iter().flatten().min();
            Turn { start_ms: turn.start_ms, reply_ms }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::calendar::MINUTE_MS;

    /// Monday 2026-11-23 09:00 UTC.
    const T0: i64 = 1_795_424_400_000;

    /// A message stamped to the minute (exact stamps span their minute).
    fn at(author: Author, minutes: i64) -> Message {
        let earliest_ms = T0 + minutes * MINUTE_MS;
        Message { author, at: TimeRange { earliest_ms, latest_ms: earliest_ms + MINUTE_MS - 1 } }
    }

    use Author::{Automated, Customer, Person};

    #[test]
    fn the_first_customer_message_starts_a_turn_and_the_first_person_answers_it() {
        let found = turns(&[at(Customer, 0), at(Customer, 2), at(Person, 12), at(Person, 13), at(Customer, 20)]);
        // Worst case: from 09:00:00 to the end of 09:12, 12 min 59.999 s.
        assert_eq!(found, [Turn { start_ms: T0, reply_ms: Some(T0 + 13 * MINUTE_MS - 1) }]);
        assert_eq!(found[0].response_ms(), Some(13 * MINUTE_MS - 1));
    }

    #[test]
    fn automated_replies_are_not_responses() {
        let found = turns(&[at(Customer, 0), at(Automated, 0), at(Automated, 30), at(Person, 45)]);
        assert_eq!(found[0].response_ms(), Some(46 * MINUTE_MS - 1));
        let unanswered = turns(&[at(Customer, 0), at(Automated, 1)]);
        assert_eq!(unanswered, [Turn { start_ms: T0, reply_ms: None }]);
    }

    #[test]
    fn a_message_after_a_24_hour_silence_is_a_new_turn() {
        let day = 24 * 60;
        let found = turns(&[
            at(Customer, 0),
            at(Person, 5),
            // 23 h 59 min after the reply's minute ends: the same conversation.
            at(Customer, 5 + day - 1),
            at(Person, 5 + day + 10),
            // A full 24 h after the last message: a new turn.
            at(Customer, 5 + day + 10 + day + 1),
            at(Person, 5 + day + 10 + day + 3),
        ]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].start_ms, T0 + (2 * day + 16) * MINUTE_MS);
        assert_eq!(found[1].response_ms(), Some(3 * MINUTE_MS - 1));
    }

    #[test]
    fn silence_is_counted_from_anyones_message_and_page_first_conversations_need_no_answer() {
        let day = 24 * 60;
        // The Page wrote first (an automated greeting, then a person): the customer's
        // answer within the day is no new turn.
        assert_eq!(turns(&[at(Person, 0), at(Customer, 60)]), []);
        // An automated message breaks the silence too (nobody may write for 24 h).
        let found = turns(&[at(Customer, 0), at(Person, 1), at(Automated, day), at(Customer, day + 2)]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn an_unanswered_turn_stays_unanswered_when_a_silence_starts_another() {
        let day = 24 * 60;
        let found = turns(&[at(Customer, 0), at(Customer, day + 1), at(Person, day + 3)]);
        assert_eq!(
            found,
            [
                Turn { start_ms: T0, reply_ms: None },
                Turn { start_ms: T0 + (day + 1) * MINUTE_MS, reply_ms: Some(T0 + (day + 4) * MINUTE_MS - 1) },
            ]
        );
    }

    #[test]
    fn a_later_reading_keeps_the_earliest_answer() {
        let waiting = Turn { start_ms: T0, reply_ms: None };
        let answered = |minutes| Turn { start_ms: T0, reply_ms: Some(T0 + minutes * MINUTE_MS) };
        let other = Turn { start_ms: T0 + HOUR_MS, reply_ms: None };
        assert_eq!(narrowest(&[waiting], &[answered(3)]), [answered(3)]);
        // The next minute's reading of the same range says "by 4 minutes": still 3.
        assert_eq!(narrowest(&[answered(3)], &[answered(4), other]), [answered(3), other]);
        assert_eq!(narrowest(&[answered(3)], &[waiting]), [answered(3)]);
        assert_eq!(narrowest(&[answered(3), other], &[]), []);
    }

    #[test]
    fn ranges_silence_only_when_certain_and_replies_by_their_latest() {
        // Under one separator, both from 09:00 to now (09:30): the reply may be as late as now.
        let separator = TimeRange { earliest_ms: T0, latest_ms: T0 + 30 * MINUTE_MS };
        let found = turns(&[Message { author: Customer, at: separator }, Message { author: Person, at: separator }]);
        assert_eq!(found[0].response_ms(), Some(30 * MINUTE_MS));
        // "Yesterday" and a stamp 23 hours after its start: not certainly 24 h apart.
        let yesterday = TimeRange { earliest_ms: T0, latest_ms: T0 + 24 * HOUR_MS - 1 };
        let later = TimeRange { earliest_ms: T0 + 25 * HOUR_MS, latest_ms: T0 + 25 * HOUR_MS };
        let found = turns(&[
            Message { author: Customer, at: yesterday },
            Message { author: Person, at: yesterday },
            Message { author: Customer, at: later },
        ]);
        assert_eq!(found.len(), 1);
    }
}
