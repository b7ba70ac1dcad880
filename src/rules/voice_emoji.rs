//! `voice-emoji`: emoji where the team's voice profile allows none, or more than its
//! limit.

use std::ops::Range;

use super::{replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;
use crate::text::letter_spans;
use crate::voice::EmojiPolicy;

pub struct VoiceEmoji;

impl Rule for VoiceEmoji {
    fn id(&self) -> &'static str {
        "voice-emoji"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("voice-emoji.explanation")
    }

    /// One hit per emoji over the limit, each with a fix that removes it.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(voice) = input.voice else { return };
        let allowed = match voice.emoji {
            EmojiPolicy::Allowed => return,
            EmojiPolicy::Limit(limit) => limit,
            EmojiPolicy::NotAllowed => 0,
        };
        let text = input.draft.text;
        let emoji = emoji_spans(text);
        let message = if allowed == 0 {
            Message::new("voice-emoji.none")
        } else {
            Message::new("voice-emoji.too-many").count("count", emoji.len()).count("allowed", allowed)
        };
        for span in emoji.into_iter().skip(allowed) {
            // With the space before it, or after it at the start of a line.
            let removed = if text[..span.start].ends_with(' ') {
                span.start - 1..span.end
            } else if text[span.end..].starts_with(' ') {
                span.start..span.end + 1
            } else {
                span.clone()
            };
            hits.push(
                Hit::new(span, message.clone())
                    .with_fix(Message::new("voice-emoji.fix.remove"), vec![replace(removed, "")]),
            );
        }
    }
}

/// Byte spans of the emoji in `text`, one per letter as the eye sees it, so a skin tone
/// or a family joined by zero-width joiners is one emoji.
fn emoji_spans(text: &str) -> Vec<Range<usize>> {
    letter_spans(text).into_iter().filter(|span| text[span.start..].chars().next().is_some_and(is_pictograph)).collect()
}

/// Characters that start an emoji: the emoji blocks, miscellaneous symbols and dingbats,
/// and the few emoji elsewhere (⌚ ⏰ ⭐ ⭕). Narrower than what joins emoji into one
/// letter (`text::letters`): ©, ™ and arrows are symbols in a reply, not emoji.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{231A}' | '\u{231B}' | '\u{23E9}'..='\u{23FA}' | '\u{2B50}' | '\u{2B55}')
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "voice-emoji";
    const NONE: &str = r#"{"version": 1, "emoji": "not-allowed"}"#;
    const TWO: &str = r#"{"version": 1, "emoji": {"limit": 2}}"#;

    #[test]
    fn no_emoji_in_a_voice_that_allows_none() {
        for (lang, draft, spans) in [
            ("en", "Your refund is sent 🙂", vec!["🙂"]),
            ("ro", "Mulțumim! 👍🏽 Comanda a plecat ❤️", vec!["👍🏽", "❤️"]),
            ("hy", "Շնորհակալություն 🙏", vec!["🙏"]),
            ("hi", "धन्यवाद 👨‍👩‍👧", vec!["👨‍👩‍👧"]),
        ] {
            assert_eq!(case().lang(lang).voice(NONE).spans(RULE, draft), spans, "{draft}");
        }
        assert_eq!(case().lang("en").voice(NONE).fixed(RULE, "Your refund is sent 🙂"), "Your refund is sent");
        assert_eq!(case().lang("en").voice(NONE).fixed(RULE, "🎉 Sent!"), "Sent!");
    }

    #[test]
    fn a_limit_flags_the_emoji_over_it() {
        let c = case().lang("en").voice(TWO);
        assert!(!c.fires(RULE, "Ready 🎂 and paid 👍"));
        let findings = c.findings(RULE, "Ready 🎂 and paid 👍 see you 😊 soon 🎉");
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].message, Message::new("voice-emoji.too-many").count("count", 4).count("allowed", 2));
    }

    #[test]
    fn symbols_that_are_not_emoji_pass() {
        let c = case().lang("en").voice(NONE);
        assert!(!c.fires(RULE, "Prices in € and $, 50% off – see https://example.com © Acme™ → here :)"));
        assert!(!case().lang("en").voice(r#"{"version": 1, "emoji": "allowed"}"#).fires(RULE, "Yay 🎉"));
        assert!(!case().lang("en").fires(RULE, "Yay 🎉"));
    }
}
