//! `tone-shout`: two or more all-capital words, or `!!`, `?!`, `!!!`.

use std::ops::Range;

use super::{capitalise, replace, Hit, Input, Rule};
use crate::draft::Draft;
use crate::finding::Severity;
use crate::lang::CommonData;

pub struct ToneShout;

impl Rule for ToneShout {
    fn id(&self) -> &'static str {
        "tone-shout"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "Capitals and stacked exclamation marks read as shouting. Stay calm and polite, and never answer in anger: wait, or let a calm colleague answer (guidelines §2, \"Be caring and kind\" and \"Tone: never argue\", from 001 principles 1 and 2, 002 and 003 §3). Acronyms such as DHL or FAQ and codes such as AB1234 are fine."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let draft = input.draft;
        let shouting = Shouting::find(draft, input.common);
        if shouting.word_count >= 2 {
            for run in &shouting.word_runs {
                let span = draft.words[run.start].span.start..draft.words[run.end - 1].span.end;
                let edits =
                    run.clone().map(|i| replace(draft.words[i].span.clone(), sentence_case(draft, i))).collect();
                hits.push(
                    Hit::new(span.clone(), format!("“{}” is in capitals: it reads as shouting.", &draft.text[span]))
                        .with_fix("Write it in lower case", edits),
                );
            }
        }
        for marks in shouting.mark_runs {
            let single = if draft.text[marks.clone()].contains('?') { "?" } else { "!" };
            hits.push(
                Hit::new(marks.clone(), format!("“{}” reads as shouting.", &draft.text[marks.clone()]))
                    .with_fix(format!("Use a single “{single}”"), vec![replace(marks, single)]),
            );
        }
    }
}

/// Where a text shouts: runs of all-capital words and of stacked `!`/`?`.
pub struct Shouting {
    /// All-capital words in all.
    pub word_count: usize,
    /// Word-index runs of consecutive all-capital words.
    pub word_runs: Vec<Range<usize>>,
    /// Byte spans of `!!`, `?!`, `!?`, `???` and longer runs.
    pub mark_runs: Vec<Range<usize>>,
}

impl Shouting {
    pub fn find(draft: &Draft, common: &CommonData) -> Shouting {
        let mut word_runs: Vec<Range<usize>> = Vec::new();
        let mut word_count = 0;
        for index in 0..draft.words.len() {
            let after_number =
                index > 0 && draft.words[index - 1].text.chars().all(|c| c.is_numeric() || c == '.' || c == ':');
            if !is_capitals(draft.words[index].text)
                || after_number
                || common.acronyms.match_at(&draft.words, index).is_some()
            {
                continue;
            }
            word_count += 1;
            match word_runs.last_mut() {
                Some(run) if run.end == index => run.end += 1,
                _ => word_runs.push(index..index + 1),
            }
        }
        Shouting { word_count, word_runs, mark_runs: mark_runs(draft.text) }
    }

    pub fn is_shouting(&self) -> bool {
        self.word_count >= 2 || !self.mark_runs.is_empty()
    }
}

/// Two or more letters, all capitals, no digits: "ANGRY", "ՇԱՏ"; not "AB1234", not "I".
/// A word right after a number is a unit or a time ("5 KG", "9 AM") and is skipped by the
/// caller.
fn is_capitals(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_numeric() || c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_uppercase());
    }
    letters >= 2
}

fn mark_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut run: Option<Range<usize>> = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if matches!(c, '!' | '?') {
            run = Some(run.map_or(at..at + 1, |r| r.start..at + 1));
            continue;
        }
        if let Some(r) = run.take() {
            let marks = &text[r.clone()];
            if (marks.len() >= 2 && marks.contains('!')) || marks.len() >= 3 {
                runs.push(r);
            }
        }
    }
    runs
}

/// The word at `index` in lower case, capitalised when it opens a sentence.
fn sentence_case(draft: &Draft, index: usize) -> String {
    let lower = draft.words[index].text.to_lowercase();
    let opens_sentence = draft.sentences.iter().any(|s| s.words.start == index);
    if opens_sentence {
        capitalise(&lower)
    } else {
        lower
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "tone-shout";

    #[test]
    fn capitals_fire_and_are_lowered() {
        assert_eq!(case().spans(RULE, "WE ARE CLOSED on Sunday."), ["WE ARE CLOSED"]);
        assert_eq!(case().fixed(RULE, "WE ARE CLOSED on Sunday."), "We are closed on Sunday.");
        assert_eq!(case().fixed(RULE, "I AM SORRY, really."), "I am sorry, really.");
        assert_eq!(case().fixed(RULE, "Comanda a PLECAT DEJA."), "Comanda a plecat deja.");
        assert_eq!(case().fixed(RULE, "ՇԱՏ ԼԱՎ, պատվերը ճանապարհին է։"), "Շատ լավ, պատվերը ճանապարհին է։");
    }

    #[test]
    fn stacked_marks_fire_in_every_language() {
        assert_eq!(case().fixed(RULE, "It shipped!!"), "It shipped!");
        assert_eq!(case().fixed(RULE, "Really?!"), "Really?");
        assert_eq!(case().fixed(RULE, "Coletul a plecat!!!"), "Coletul a plecat!");
        assert_eq!(case().fixed(RULE, "Պատվերը ճանապարհին է!!"), "Պատվերը ճանապարհին է!");
        assert_eq!(case().fixed(RULE, "ऑर्डर भेज दिया गया है!!"), "ऑर्डर भेज दिया गया है!");
    }

    #[test]
    fn acronyms_codes_and_single_capitals_pass() {
        for draft in [
            "Your DHL parcel AB1234 is in the FAQ.",
            "I shipped it via UPS and DHL.",
            "Coletul FAN Courier are AWB 123.",
            "Open 9 AM to 5 PM, 2 KG max.",
            "One ANGRY word is emphasis, not shouting.",
            "Is it ready? Yes!",
            "Պատվերը ճանապարհին է։",
            "आपका ऑर्डर भेज दिया गया है।",
        ] {
            assert!(!case().fires(RULE, draft), "{draft}");
        }
    }
}
