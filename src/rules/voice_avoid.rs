//! `voice-avoid`: a word or phrase the team's voice profile lists under `avoid`, with
//! the team's message and its replacements as fixes.

use std::ops::Range;

use super::{phrase_fix, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;
use crate::text::PhraseList;
use crate::voice::{Voice, VoicePhrase};

pub struct VoiceAvoid;

impl Rule for VoiceAvoid {
    fn id(&self) -> &'static str {
        "voice-avoid"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("voice-avoid.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(voice) = input.voice else { return };
        let language = input.draft.language;
        voice_phrase_hits(input, voice.avoid_list(language), &voice.avoid, &[], hits, |found, _| {
            Message::new("voice-avoid.found").text("text", found)
        });
    }
}

/// One hit per match of a profile's phrase list outside the `taken` spans: the entry's
/// own message after the matched words, else `default_message`, and a fix per
/// replacement.
pub(super) fn voice_phrase_hits(
    input: &Input,
    list: &PhraseList,
    entries: &[VoicePhrase],
    taken: &[Range<usize>],
    hits: &mut Vec<Hit>,
    default_message: impl Fn(&str, &VoicePhrase) -> Message,
) {
    let draft = input.draft;
    let free = |span: &Range<usize>| !taken.iter().any(|t| t.start < span.end && span.start < t.end);
    for found in list.find_all(draft.text, &draft.words).filter(|found| free(&found.span)) {
        let Some(entry) = Voice::entry(entries, draft.language, found.phrase) else { continue };
        let text = draft.slice(&found.span);
        let message = match &entry.message {
            Some(message) => Message::new("voice-avoid.team-says").text("text", text).text("message", message),
            None => default_message(text, entry),
        };
        let mut hit = Hit::new(found.span.clone(), message);
        for replacement in &entry.replacements {
            let (label, edits) = phrase_fix(draft, found.span.clone(), replacement);
            hit = hit.with_fix(label, edits);
        }
        hits.push(hit);
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "voice-avoid";
    const VOICE: &str = r#"{"version": 1, "avoid": [
        {"phrase": "no problem", "message": "Too casual for us.", "replacements": ["certainly", "of course"]},
        {"phrase": "obviously", "replacements": [""]},
        {"phrase": "ieftin*", "message": "Spunem „avantajos”.", "language": "ro"},
        {"phrase": "սիրելի հաճախորդ", "message": "Դիմեք անունով։", "language": "hy"},
        {"phrase": "ग्राहक जी", "message": "नाम से संबोधित करें।", "language": "hi"}
    ]}"#;

    #[test]
    fn finds_the_teams_phrases_in_every_language() {
        for (lang, draft, span) in [
            ("en", "No problem, it ships today.", "No problem"),
            ("ro", "Avem și variante mai ieftine.", "ieftine"),
            ("hy", "Սիրելի հաճախորդ, պատվերը ճանապարհին է։", "Սիրելի հաճախորդ"),
            ("hi", "ग्राहक जी, ऑर्डर भेज दिया गया है।", "ग्राहक जी"),
        ] {
            assert_eq!(case().lang(lang).voice(VOICE).spans(RULE, draft), [span], "{draft}");
        }
    }

    #[test]
    fn the_message_and_fixes_are_the_teams() {
        let c = case().lang("en").voice(VOICE);
        let findings = c.findings(RULE, "No problem, it ships today.");
        let says =
            Message::new("voice-avoid.team-says").text("text", "No problem").text("message", "Too casual for us.");
        assert_eq!(findings[0].message, says);
        let labels: Vec<String> = findings[0].fixes.iter().map(|f| f.label.to_string()).collect();
        assert_eq!(labels, ["Replace with “Certainly”", "Replace with “Of course”"]);
        assert_eq!(c.fixed(RULE, "No problem, it ships today."), "Certainly, it ships today.");
        // An empty replacement removes the words.
        assert_eq!(c.fixed(RULE, "It is obviously sent."), "It is sent.");
        assert_eq!(c.findings(RULE, "It is obviously sent.")[0].message.id, "voice-avoid.found");
    }

    #[test]
    fn an_entry_for_one_language_stays_in_it() {
        assert!(!case().lang("en").voice(VOICE).fires(RULE, "Ieftin is not an English word."));
        assert!(!case().lang("ro").voice(VOICE).fires(RULE, "Comanda a plecat azi."));
    }

    #[test]
    fn silent_without_a_profile() {
        assert!(!case().lang("en").fires(RULE, "No problem, it ships today."));
    }
}
