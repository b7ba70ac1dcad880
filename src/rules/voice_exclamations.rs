//! `voice-exclamations`: more exclamation marks than the team's voice profile allows in
//! a reply (`limits.max_exclamations`).

use super::{replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;

pub struct VoiceExclamations;

impl Rule for VoiceExclamations {
    fn id(&self) -> &'static str {
        "voice-exclamations"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> Message {
        Message::new("voice-exclamations.explanation")
    }

    /// One hit per mark over the limit; the fix ends the sentence with a full stop, or
    /// drops a mark that follows another.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(limit) = input.voice.and_then(|voice| voice.limits.max_exclamations) else { return };
        let draft = input.draft;
        let marks: Vec<usize> = draft.text.match_indices('!').map(|(at, _)| at).collect();
        if marks.len() <= limit {
            return;
        }
        let message = match limit {
            0 => Message::new("voice-exclamations.none"),
            _ => Message::new("voice-exclamations.too-many").count("count", marks.len()).count("allowed", limit),
        };
        let full_stop =
            draft.with_typed_full_stops(&draft.language.typed_full_stop().map_or('.', |(_, stop)| stop).to_string());
        for &at in &marks[limit..] {
            let after_a_mark = draft.text[..at].ends_with(['!', '?', '.']);
            let (label, text) = if after_a_mark {
                ("voice-exclamations.fix.remove", "")
            } else {
                ("voice-exclamations.fix.full-stop", full_stop.as_str())
            };
            let fix = vec![replace(at..at + 1, text)];
            hits.push(Hit::new(at..at + 1, message.clone()).with_fix(Message::new(label), fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::apply_edits;
    use crate::rules::testing::case;

    const RULE: &str = "voice-exclamations";
    const NONE: &str = r#"{"version": 1, "limits": {"max_exclamations": 0}}"#;

    #[test]
    fn each_mark_over_the_limit_gets_a_full_stop() {
        for (lang, draft, fixed) in [
            ("en", "Your refund is sent!", "Your refund is sent."),
            ("ro", "Comanda a plecat!", "Comanda a plecat."),
            ("hy", "Պատվերը ճանապարհին է!", "Պատվերը ճանապարհին է։"),
            ("hy", "Ստացանք: Պատվերը ճանապարհին է!", "Ստացանք: Պատվերը ճանապարհին է:"),
            ("hi", "ऑर्डर भेज दिया गया है!", "ऑर्डर भेज दिया गया है।"),
        ] {
            assert_eq!(case().lang(lang).voice(NONE).fixed(RULE, draft), fixed, "{draft}");
        }
    }

    #[test]
    fn a_limit_counts_every_mark_in_the_reply() {
        let c = case().lang("en").voice(r#"{"version": 1, "limits": {"max_exclamations": 2}}"#);
        assert!(!c.fires(RULE, "Thanks! It is sent!"));
        let draft = "Thanks! It is sent!! Enjoy!";
        let findings = c.findings(RULE, draft);
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].message.to_string(), "4 exclamation marks: your team uses at most 2 in a reply.");
        // The third mark follows the second: it goes, rather than becoming "..".
        assert_eq!(apply_edits(draft, &findings[0].fixes[0].edits).unwrap(), "Thanks! It is sent! Enjoy!");
    }

    #[test]
    fn silent_without_a_limit() {
        assert!(!case().lang("en").fires(RULE, "Sent! Enjoy!"));
        assert!(!case().lang("en").voice(r#"{"version": 1}"#).fires(RULE, "Sent! Enjoy!"));
    }
}
