//! `window-closed`: seven days after the customer's last message nothing can be sent.

use super::{Hit, Input, Rule};
use crate::catalogue::Message;
use crate::context::Surface;
use crate::finding::Severity;

pub struct WindowClosed;

impl Rule for WindowClosed {
    fn id(&self) -> &'static str {
        "window-closed"
    }

    fn severity(&self) -> Severity {
        Severity::Error
    }

    fn explanation(&self) -> Message {
        Message::new("window-closed.explanation")
    }

    /// Fires on the whole draft, even an empty one: the agent should know before typing.
    /// Public comment replies have no messaging window.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(hours) = input.context.hours_since_customer else { return };
        let limit = input.settings().human_agent_hours;
        if input.context.surface != Surface::Message || hours < limit {
            return;
        }
        // Written without `f64`'s formatter, which is large in the Wasm.
        let (days, limit) = ((hours / 24.0).floor() as usize, crate::text::number::shown(limit));
        let start = input.draft.text.len() - input.draft.text.trim_start().len();
        hits.push(Hit::new(
            start..input.draft.content_end().max(start),
            Message::new("window-closed.closed").count("days", days).text("limit", limit),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "window-closed";

    #[test]
    fn fires_from_seven_days_on_in_every_language() {
        for (lang, draft) in [
            ("en", "Your order is on its way."),
            ("ro", "Comanda a plecat, ajunge mâine."),
            ("hy", "Պատվերը ճանապարհին է։"),
            ("hy", "Պատվերը ճանապարհին է:"),
            ("hi", "आपका ऑर्डर भेज दिया गया है।"),
            ("en", ""),
        ] {
            for (hours, fires) in [(23.9, false), (24.0, false), (167.9, false), (168.0, true), (500.0, true)] {
                assert_eq!(case().lang(lang).hours(hours).fires(RULE, draft), fires, "{draft:?} at {hours} h");
            }
        }
    }

    #[test]
    fn an_ad_thread_closes_seven_days_after_the_customers_last_message_too() {
        let draft = "Your order is on its way.";
        for (customer, ad, fires) in
            [(167.9, 167.9, false), (168.0, 168.0, true), (100.0, 300.0, false), (200.0, 200.0, true)]
        {
            assert_eq!(case().hours(customer).ad_reply(ad).fires(RULE, draft), fires, "{customer} h, ad {ad} h");
        }
        // The ad reply alone says nothing of the customer's last message.
        assert!(!case().ad_reply(400.0).fires(RULE, draft));
    }

    #[test]
    fn silent_without_a_time_or_on_comments() {
        assert!(!case().fires(RULE, "Your order is on its way."));
        assert!(!case().hours(400.0).comment().fires(RULE, "Your order is on its way."));
        assert!(!case().lang("hi").hours(400.0).comment().fires(RULE, "आपका ऑर्डर भेज दिया गया है।"));
    }

    #[test]
    fn spans_the_draft_and_says_how_long_ago() {
        let findings = case().hours(200.0).findings(RULE, "  Sorry for the wait!  ");
        assert_eq!((findings[0].start, findings[0].end), (2, 21));
        assert_eq!(findings[0].severity, crate::Severity::Error);
        assert_eq!(findings[0].message, Message::new("window-closed.closed").count("days", 8).text("limit", "168"));
        let draft = "Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։";
        assert_eq!(case().hours(168.0).spans(RULE, draft), [draft]);
        let message = case().hours(168.0).findings(RULE, draft)[0].message.to_string();
        assert!(message.contains("7 days ago"), "{message}");
    }
}
