//! `voice-prefer`: a word the team's voice profile replaces with its own (`prefer`:
//! "problem" with "issue", "cheap" with "affordable"), fixed by the substitution.

use super::voice_avoid::voice_phrase_hits;
use super::{Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;

pub struct VoicePrefer;

impl Rule for VoicePrefer {
    fn id(&self) -> &'static str {
        "voice-prefer"
    }

    fn severity(&self) -> Severity {
        Severity::Info
    }

    fn explanation(&self) -> Message {
        Message::new("voice-prefer.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(voice) = input.voice else { return };
        let draft = input.draft;
        let language = draft.language;
        // Words the team avoids altogether are voice-avoid's ("problem" in "no problem").
        let avoided: Vec<_> = voice.avoid_list(language).find_all(draft.text, &draft.words).map(|m| m.span).collect();
        voice_phrase_hits(input, voice.prefer_list(language), &voice.prefer, &avoided, hits, |found, entry| {
            let wanted = entry.replacements.first().map_or("", String::as_str);
            Message::new("voice-prefer.found").text("wanted", wanted).text("text", found)
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "voice-prefer";
    const VOICE: &str = r#"{"version": 1, "prefer": [
        {"phrase": "problem", "use": "issue", "language": "en"},
        {"phrase": "cheap", "use": "affordable"},
        {"phrase": "problema", "use": "situația", "language": "ro"},
        {"phrase": "խնդիր", "use": "հարց", "language": "hy"},
        {"phrase": "दिक्कत", "use": "समस्या", "language": "hi"}
    ]}"#;

    #[test]
    fn substitutes_in_every_language() {
        for (lang, draft, fixed) in [
            ("en", "The problem is fixed.", "The issue is fixed."),
            ("en", "Problem fixed.", "Issue fixed."),
            ("en", "Cheap and fast.", "Affordable and fast."),
            ("ro", "Problema a fost rezolvată.", "Situația a fost rezolvată."),
            ("hy", "Խնդիրը լուծված է։", "Խնդիրը լուծված է։"),
            ("hy", "Այդ խնդիր չկա։", "Այդ հարց չկա։"),
            ("hi", "दिक्कत ठीक हो गई है।", "समस्या ठीक हो गई है।"),
        ] {
            let c = case().lang(lang).voice(VOICE);
            if draft == fixed {
                // "Խնդիրը" is another word (with its article): no match without `*`.
                assert!(!c.fires(RULE, draft), "{draft}");
            } else {
                assert_eq!(c.fixed(RULE, draft), fixed);
                assert!(!c.fires(RULE, fixed), "{fixed}");
            }
        }
    }

    #[test]
    fn words_inside_an_avoided_phrase_are_left_to_voice_avoid() {
        let voice =
            r#"{"version": 1, "avoid": [{"phrase": "no problem"}], "prefer": [{"phrase": "problem", "use": "issue"}]}"#;
        let c = case().lang("en").voice(voice);
        assert!(!c.fires(RULE, "No problem, it is sent."));
        assert!(c.fires("voice-avoid", "No problem, it is sent."));
        assert!(c.fires(RULE, "No problem, the problem is fixed."));
    }

    #[test]
    fn the_message_names_both_words() {
        let findings = case().lang("en").voice(VOICE).findings(RULE, "The problem is fixed.");
        assert_eq!(
            findings[0].message,
            Message::new("voice-prefer.found").text("wanted", "issue").text("text", "problem")
        );
    }

    #[test]
    fn silent_without_a_profile() {
        assert!(!case().lang("en").fires(RULE, "The problem is fixed."));
    }
}
