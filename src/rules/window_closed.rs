//! `window-closed`: seven days after the customer's last message nothing can be sent.

use super::{Hit, Input, Rule};
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

    fn explanation(&self) -> &'static str {
        "Meta lets a Page reply freely for 24 hours after the customer's last message, and a human agent for up to 7 days (guidelines §1, from 000 §3 and 004). After that no message can be sent in this conversation: it will be rejected. Wait for the customer to write again, or reach them through a channel they opted into."
    }

    /// Fires on the whole draft, even an empty one: the agent should know before typing.
    /// Public comment replies have no messaging window.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(hours) = input.context.hours_since_customer else { return };
        let limit = input.settings().human_agent_hours;
        if input.context.surface != Surface::Message || hours < limit {
            return;
        }
        let days = (hours / 24.0).floor();
        let start = input.draft.text.len() - input.draft.text.trim_start().len();
        hits.push(Hit::new(
            start..input.draft.content_end().max(start),
            format!(
                "The customer last wrote {days} days ago: the {limit}-hour limit has passed and no reply can be sent."
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "window-closed";

    #[test]
    fn fires_from_seven_days_on_in_every_language() {
        for draft in
            ["Your order is on its way.", "Comanda a plecat.", "Պատվերը ճանապարհին է։", "आपका ऑर्डर भेज दिया गया है।", ""]
        {
            assert!(case().hours(168.0).fires(RULE, draft), "{draft}");
            assert!(case().hours(500.0).fires(RULE, draft), "{draft}");
            assert!(!case().hours(167.9).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn silent_without_a_time_or_on_comments() {
        assert!(!case().fires(RULE, "Your order is on its way."));
        assert!(!case().hours(400.0).comment().fires(RULE, "Your order is on its way."));
    }

    #[test]
    fn spans_the_draft_and_is_an_error() {
        let findings = case().hours(200.0).findings(RULE, "  Sorry for the wait!  ");
        assert_eq!((findings[0].start, findings[0].end), (2, 21));
        assert_eq!(findings[0].severity, crate::Severity::Error);
        assert!(findings[0].message.contains("8 days"));
    }
}
