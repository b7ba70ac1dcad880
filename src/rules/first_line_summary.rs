//! `first-line-summary`: the point must be readable in the inbox preview.

use super::{remove_words, replace, Hit, Input, Rule};
use crate::finding::Severity;
use crate::text::PhraseMatch;

pub struct FirstLineSummary;

impl Rule for FirstLineSummary {
    fn id(&self) -> &'static str {
        "first-line-summary"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "The first line carries the point: keep the key information short so the whole idea fits in the first line and can be read in the inbox preview without opening the message (guidelines §2, \"First line carries the point\", from 000 §2). A greeting is fine; an opening like \"Thank you for reaching out\" spends the preview on nothing."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let draft = input.draft;
        let content_start = input.content_start();
        let first_word = draft.word_at_or_after(content_start);
        if let Some(filler) = input.data.filler_openers.match_at(&draft.words, first_word) {
            hits.push(filler_hit(input, &filler));
            return;
        }
        let Some(sentence) = draft.sentence_at(content_start) else { return };
        let budget = input.settings().preview_budget;
        let ends_at = draft.text[..sentence.span.end].chars().count();
        if ends_at > budget {
            hits.push(Hit::new(
                content_start.max(sentence.span.start)..sentence.span.end,
                format!("The first sentence ends at character {ends_at}; the preview shows about {budget}. Say the point first, briefly."),
            ));
        }
    }
}

/// The filler opening, with a fix that removes it when the point follows it: the whole
/// sentence ("Thanks for reaching out! Your refund…") or its clause ("Thanks for
/// reaching out, your refund…").
fn filler_hit(input: &Input, filler: &PhraseMatch) -> Hit {
    let draft = input.draft;
    let text = draft.text;
    let opening = &text[filler.span.clone()];
    let hit = Hit::new(
        filler.span.clone(),
        format!("“{opening}” fills the preview without saying anything: start with the point."),
    );
    let Some(sentence) = draft.sentence_at(filler.span.start) else { return hit };
    let rest_of_sentence = &text[filler.span.end..sentence.span.end];
    if !rest_of_sentence.chars().any(char::is_alphanumeric) {
        let after = &text[sentence.span.end..];
        if !after.chars().any(char::is_alphanumeric) {
            return hit;
        }
        let next_content = sentence.span.end + (after.len() - after.trim_start().len());
        return hit.with_fix("Remove the opening", vec![replace(filler.span.start..next_content, "")]);
    }
    if rest_of_sentence.trim_start().starts_with([',', '՝']) {
        return hit.with_fix("Remove the opening", remove_words(draft, filler.span.clone()));
    }
    hit
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "first-line-summary";

    #[test]
    fn filler_openers_fire_and_are_removed() {
        let c = case();
        assert_eq!(
            c.spans(RULE, "Thank you for reaching out! Your refund was sent today."),
            ["Thank you for reaching out"]
        );
        assert_eq!(
            c.fixed(RULE, "Thank you for reaching out! Your refund was sent today."),
            "Your refund was sent today."
        );
        assert_eq!(
            c.fixed(RULE, "Hi Ana,\nThanks for contacting us.\nYour refund was sent today."),
            "Hi Ana,\nYour refund was sent today."
        );
        assert_eq!(
            c.fixed(RULE, "We have received your message, your refund was sent today."),
            "Your refund was sent today."
        );
        assert_eq!(
            c.fixed(RULE, "Hi Ana, thank you for your message, the refund is sent."),
            "Hi Ana, the refund is sent."
        );
    }

    #[test]
    fn filler_alone_has_no_fix() {
        let findings = case().findings(RULE, "Thank you for reaching out!");
        assert_eq!(findings.len(), 1);
        assert!(findings[0].fixes.is_empty());
    }

    #[test]
    fn a_first_sentence_past_the_preview_fires() {
        let long = "Your refund for the blue winter jacket you returned to our warehouse in Cluj last week has been approved and sent. Thanks!";
        assert_eq!(case().spans(RULE, long), [long.trim_end_matches(" Thanks!")]);
        assert!(!case().fires(RULE, "Your refund was approved and sent today. It reaches your card within five working days, depending on your bank."));
    }

    #[test]
    fn the_budget_is_a_setting_and_counts_characters() {
        let mut c = case();
        c.context.settings.preview_budget = 20;
        assert!(c.fires(RULE, "Your refund was approved today."));
        // 20 Armenian letters are 20 characters, not 40 bytes.
        assert!(!c.fires(RULE, "Պատվերն ուղարկված է։ Շնորհակալություն"));
    }

    #[test]
    fn replies_that_lead_with_the_point_pass() {
        for draft in ["Hi Ana, your refund was sent today.", "", "👍", "Hi Ana!"] {
            assert!(!case().fires(RULE, draft), "{draft}");
        }
    }
}
