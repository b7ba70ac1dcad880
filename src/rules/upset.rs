//! Whether a customer's message reads as a complaint or upset, as a score from cues.
//!
//! Customers rarely name their feeling. They report an outcome ("still nothing after a
//! month"), repeat themselves ("for the third time", "AGAIN"), threaten to leave ("never
//! ordering again"), ask questions that are no questions ("is this a joke?"), praise with
//! an eye-roll ("great job 👏"), or shout. Each kind of cue adds its weight once (from
//! `[upset_weights]` in common.txt); the message is upset when the sum reaches the
//! threshold. The cue lists are per language (`upset_*` sections), so adding a cue is a
//! data change.

use super::tone_shout::Shouting;
use crate::draft::Draft;
use crate::lang::{CommonData, Language, LanguageData};
use crate::text::PhraseList;

/// Picks one cue list out of a language's data.
type CueList = fn(&LanguageData) -> &PhraseList;

/// The strongest cue of an upset message, to tell the agent what was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpsetCue {
    /// What kind of cue: the id of its name in the catalogue, "a threat to leave".
    pub kind: &'static str,
    /// The customer's words that gave it away, when the cue is words.
    pub words: Option<String>,
}

/// The languages whose phrases read a message and its reply: both detected languages
/// and their Latin-letter relatives (`Language::readings`).
pub fn reading_languages(message: Language, reply: Language) -> Vec<Language> {
    let mut languages = Vec::with_capacity(Language::COUNT);
    for &language in message.readings().iter().chain(reply.readings()) {
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    languages
}

/// The cue that makes `said` upset, if its score reaches the threshold. `languages` are
/// the languages whose cue lists apply (the message's, the reply's, and those written in
/// Latin letters too).
pub fn upset_cue(said: &Draft, languages: &[Language], common: &CommonData) -> Option<UpsetCue> {
    let weights = &common.upset_weights;
    let mut cues: Vec<(u32, UpsetCue)> = Vec::new();
    let mut add = |weight: u32, kind: &'static str, words: Option<String>| {
        // Each kind counts once, with the words of its first finding.
        if !cues.iter().any(|(_, cue)| cue.kind == kind) {
            cues.push((weight, UpsetCue { kind, words }));
        }
    };
    let lists: [(CueList, u32, &'static str); 6] = [
        (|d| &d.complaint, weights.complaint, "upset.complaint"),
        (|d| &d.upset_outcomes, weights.outcome, "upset.outcome"),
        (|d| &d.upset_repetition, weights.repetition, "upset.repetition"),
        (|d| &d.upset_leaving, weights.leaving, "upset.leaving"),
        (|d| &d.upset_questions, weights.question, "upset.question"),
        (|d| &d.intensifiers, weights.intensifier, "upset.intensifier"),
    ];
    for (list, weight, kind) in lists {
        let found = languages.iter().find_map(|l| list(l.data()).find_all(said.text, &said.words).next());
        if let Some(found) = found {
            add(weight, kind, Some(said.text[found.span].to_string()));
        }
    }
    let marker = common.sarcasm_markers.find_all(said.text, &said.words).next();
    let praise = languages.iter().find_map(|l| l.data().upset_praise.find_all(said.text, &said.words).next());
    if let (Some(marker), Some(praise)) = (marker, praise) {
        add(weights.sarcasm, "upset.sarcasm", Some(format!("{} {}", &said.text[praise.span], &said.text[marker.span])));
    }
    let shouting = Shouting::find(said, common, &[]);
    match shouting.word_count {
        0 => {}
        1 => add(weights.capital_word, "upset.capitals", shouted_words(said, &shouting)),
        _ => add(weights.capital_words, "upset.capitals", shouted_words(said, &shouting)),
    }
    let runs = shouting.mark_runs.iter().map(|marks| &said.text[marks.clone()]);
    for marks in runs {
        if marks.contains('?') {
            add(weights.impatient_marks, "upset.impatient-marks", Some(marks.to_string()));
        } else if marks.chars().count() >= 3 {
            add(weights.exclamations, "upset.exclamation-marks", Some(marks.to_string()));
        }
    }
    let score: u32 = cues.iter().map(|(weight, _)| weight).sum();
    if score < weights.threshold {
        return None;
    }
    // The heaviest cue explains best; the first of equals is the one found first above.
    let heaviest = cues.iter().map(|(weight, _)| *weight).max()?;
    cues.into_iter().find(|(weight, _)| *weight == heaviest).map(|(_, cue)| cue)
}

/// The first run of shouted words, as written.
fn shouted_words(said: &Draft, shouting: &Shouting) -> Option<String> {
    let run = shouting.word_runs.first()?;
    let first = said.words.get(run.words.start)?;
    let last = said.words.get(run.words.end.checked_sub(1)?)?;
    said.text.get(first.span.start..last.span.end).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(message: &str) -> Option<UpsetCue> {
        let said = Draft::detected(message, None);
        upset_cue(&said, &reading_languages(said.language, said.language), CommonData::get())
    }

    #[test]
    fn cues_add_up_to_the_threshold() {
        // One shouted word or "!!!" alone is not enough; together with "again", they are.
        assert_eq!(cue("It came AGAIN"), None);
        assert_eq!(cue("It came again!!!"), None);
        let shouted = cue("It broke AGAIN!!!").expect("upset");
        assert_eq!(shouted.kind, "upset.intensifier");
        assert_eq!(cue("WHERE IS MY ORDER").map(|c| c.words), Some(Some("WHERE IS MY ORDER".to_string())));
    }

    #[test]
    fn sarcasm_needs_praise_and_a_marker() {
        assert_eq!(cue("great job 👏 the box was empty").map(|c| c.kind), Some("upset.outcome"));
        assert_eq!(cue("great job 👏").map(|c| c.kind), Some("upset.sarcasm"));
        assert_eq!(cue("great job, thanks"), None);
        assert_eq!(cue("👏👏"), None);
    }

    #[test]
    fn latin_letters_read_hindi_and_armenian_cues() {
        assert_eq!(reading_languages(Language::En, Language::En), [Language::En, Language::Hi, Language::Hy]);
        assert_eq!(reading_languages(Language::Hy, Language::Hy), [Language::Hy]);
        assert_eq!(cue("teesri baar likh raha hoon").map(|c| c.kind), Some("upset.repetition"));
        assert_eq!(cue("el erbeq chem gni").map(|c| c.kind), Some("upset.leaving"));
    }
}
