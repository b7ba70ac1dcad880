//! `brevity`: a chat reply that runs long, or a sentence that does.

use super::{Hit, Input, Rule};
use crate::finding::Severity;

pub struct Brevity;

impl Rule for Brevity {
    fn id(&self) -> &'static str {
        "brevity"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "Replies should be concise and clear, so they cannot be misread and are read at all (guidelines §2, \"Brevity and clarity\", from 003 §2 and 004 tip 3). A chat reply is read on a phone, in a bubble: split long answers, cut what the customer did not ask, and keep each sentence to one idea."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let draft = input.draft;
        let settings = input.settings();
        if let Some(first_extra) = draft.words.get(settings.max_words) {
            hits.push(Hit::new(
                first_extra.span.start..draft.content_end(),
                format!(
                    "{} words: a chat reply should stay under {}. This part is over the limit.",
                    draft.words.len(),
                    settings.max_words
                ),
            ));
        }
        for sentence in &draft.sentences {
            let words = sentence.words.len();
            if words > settings.max_sentence_words {
                hits.push(Hit::new(
                    sentence.span.clone(),
                    format!("This sentence has {words} words; keep sentences under {}.", settings.max_sentence_words),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "brevity";

    fn sentence(word: &str, n: usize, end: &str) -> String {
        format!("{}{end}", vec![word; n].join(" "))
    }

    #[test]
    fn long_replies_fire_from_the_first_word_over_the_limit() {
        // 9 sentences of 10 words: 90 words, no sentence too long.
        let draft = vec![sentence("word", 10, "."); 9].join(" ");
        let spans = case().spans(RULE, &draft);
        assert_eq!(spans.len(), 1);
        assert!(draft.ends_with(&spans[0]) && spans[0].split_whitespace().count() == 10, "{spans:?}");
        assert!(!case().fires(RULE, &vec![sentence("word", 10, "."); 8].join(" ")));
    }

    #[test]
    fn long_sentences_fire_in_every_language() {
        for (word, end) in [("word", "."), ("cuvânt", "."), ("բառ", "։"), ("शब्द", "।")] {
            let long = sentence(word, 31, end);
            let fine = sentence(word, 30, end);
            assert!(!case().fires(RULE, &fine), "{word}");
            assert_eq!(case().spans(RULE, &format!("Ok. {long} Ok.")), [long], "{word}");
        }
    }

    #[test]
    fn limits_are_settings() {
        let mut strict = case();
        strict.context.settings.max_words = 5;
        assert!(strict.fires(RULE, "one two three four five six"));
        assert!(!strict.fires(RULE, "one two three four five"));
    }
}
