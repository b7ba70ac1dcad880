//! Phrase lists and matching them against a draft's words.
//!
//! A phrase is a sequence of words compared in folded form, so "That’s NOT true" matches
//! the entry `that's not true`. Matches never cross a sentence boundary. A word written
//! with a trailing `*` matches any word it begins (`reducer*` covers "reducere",
//! "reducerea"), which keeps inflected languages to one entry per stem. An entry with no
//! that starts with a symbol (`:(`, `😡`, `% off`) is matched literally in the raw text,
//! ignoring ASCII case.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::words::word_key;
use super::{fold, strictly_contains, Word};

/// One word of a phrase, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum WordPattern {
    Exact(String),
    Prefix(String),
}

impl WordPattern {
    fn matches(&self, folded_word: &str) -> bool {
        match self {
            WordPattern::Exact(w) => w == folded_word,
            WordPattern::Prefix(p) => folded_word.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    /// The entry as written in the data file, for messages.
    text: String,
    /// Empty for a literal entry.
    words: Vec<WordPattern>,
    /// What a fix replaces the match with (`phrase => replacement`); may be empty.
    replacement: Option<String>,
}

/// Where a phrase matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch<'l> {
    /// Byte span in the searched text.
    pub span: Range<usize>,
    /// Word indices covered (empty for a literal match).
    pub words: Range<usize>,
    /// The entry as written in the data file.
    pub phrase: &'l str,
    pub replacement: Option<&'l str>,
}

/// A list of phrases, indexed for matching.
#[derive(Debug, Clone, Default)]
pub struct PhraseList {
    phrases: Vec<Phrase>,
    /// (key of the first word if exact, phrase index), sorted, for binary search.
    by_first_word: Vec<(u64, usize)>,
    /// Phrases whose first word is a prefix pattern.
    prefix_first: Vec<usize>,
    literals: Vec<usize>,
}

impl PhraseList {
    /// Builds a list from data-file lines (`phrase` or `phrase => replacement`).
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut list = PhraseList::default();
        for line in lines {
            let (text, replacement) = match line.split_once("=>") {
                Some((text, replacement)) => (text.trim(), Some(replacement.trim().to_string())),
                None => (line.trim(), None),
            };
            if text.is_empty() {
                continue;
            }
            let index = list.phrases.len();
            let literal = !text.starts_with(char::is_alphanumeric);
            let words = if literal { Vec::new() } else { pattern_words(text) };
            match words.first() {
                None => list.literals.push(index),
                Some(WordPattern::Exact(first)) => list.by_first_word.push((word_key(first), index)),
                Some(WordPattern::Prefix(_)) => list.prefix_first.push(index),
            }
            list.phrases.push(Phrase { text: text.to_string(), words, replacement });
        }
        crate::sort::sort_by_key(&mut list.by_first_word, |&(key, index)| (key, index as u64));
        list
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Whether any phrase occurs in `text` (whose words are `words`).
    pub fn occurs_in(&self, text: &str, words: &[Word]) -> bool {
        self.find_all(text, words).next().is_some()
    }

    /// The longest phrase that starts exactly at word `start`, if any.
    pub fn match_at(&self, words: &[Word], start: usize) -> Option<PhraseMatch<'_>> {
        let first = words.get(start)?.key;
        let lo = self.by_first_word.partition_point(|&(key, _)| key < first);
        // Equal keys are candidates; `sequence_matches` compares the words themselves.
        let exact = self.by_first_word[lo..].iter().take_while(|&&(key, _)| key == first).map(|&(_, index)| index);
        exact
            .chain(self.prefix_first.iter().copied())
            .filter(|&index| sequence_matches(&self.phrases[index].words, words, start))
            .max_by_key(|&index| self.phrases[index].words.len())
            .map(|index| {
                let phrase = &self.phrases[index];
                let last = start + phrase.words.len() - 1;
                PhraseMatch {
                    span: words[start].span.start..words[last].span.end,
                    words: start..last + 1,
                    phrase: &phrase.text,
                    replacement: phrase.replacement.as_deref(),
                }
            })
    }

    /// Every match, leftmost-longest and in text order. Matches do not overlap, except
    /// that a literal and a word match may; then the one inside the other is dropped
    /// ("reducere" inside "% reducere").
    pub fn find_all<'s>(&'s self, text: &'s str, words: &'s [Word<'s>]) -> std::vec::IntoIter<PhraseMatch<'s>> {
        let mut found = Vec::new();
        let mut next = 0;
        while next < words.len() {
            match self.match_at(words, next) {
                Some(m) => {
                    next = m.words.end;
                    found.push(m);
                }
                None => next += 1,
            }
        }
        if !self.literals.is_empty() {
            // ASCII lower-casing keeps byte offsets, so spans in `lower` are spans in `text`.
            let lower = text.to_ascii_lowercase();
            let word_matches = found.len();
            for &index in &self.literals {
                let phrase = &self.phrases[index];
                for (at, _) in lower.match_indices(phrase.text.to_ascii_lowercase().as_str()) {
                    found.push(PhraseMatch {
                        span: at..at + phrase.text.len(),
                        words: 0..0,
                        phrase: &phrase.text,
                        replacement: phrase.replacement.as_deref(),
                    });
                }
            }
            if found.len() > word_matches {
                let spans: Vec<Range<usize>> = found.iter().map(|m| m.span.clone()).collect();
                found.retain(|m| !spans.iter().any(|outer| strictly_contains(outer, &m.span)));
                crate::sort::sort_by_key(&mut found, |m| (m.span.start as u64, 0));
            }
        }
        found.into_iter()
    }

    /// Whether the folded words of `candidate` equal some phrase of the list exactly.
    pub fn contains_phrase(&self, candidate: &str) -> bool {
        let wanted = pattern_words(candidate);
        !wanted.is_empty() && self.phrases.iter().any(|p| p.words == wanted)
    }
}

fn sequence_matches(pattern: &[WordPattern], words: &[Word], start: usize) -> bool {
    let Some(candidate) = words.get(start..start + pattern.len()) else {
        return false;
    };
    let sentence = candidate[0].sentence;
    candidate.iter().zip(pattern).all(|(word, p)| word.sentence == sentence && p.matches(&word.folded))
}

/// Splits a phrase into folded word patterns; `word*` becomes a prefix pattern.
fn pattern_words(text: &str) -> Vec<WordPattern> {
    text.unicode_word_indices()
        .map(|(at, word)| {
            let folded = fold(word).into_owned();
            if text[at + word.len()..].starts_with('*') {
                WordPattern::Prefix(folded)
            } else {
                WordPattern::Exact(folded)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of `text`, with a new sentence after each '.'.
    fn words(text: &str) -> Vec<Word<'_>> {
        let mut words = crate::text::words(text);
        for w in &mut words {
            w.sentence = text[..w.span.start].matches('.').count();
        }
        words
    }

    fn found(list: &PhraseList, text: &str) -> Vec<String> {
        let words = words(text);
        list.find_all(text, &words).map(|m| text[m.span].to_string()).collect()
    }

    #[test]
    fn matches_whole_words_folded() {
        let list = PhraseList::new(["that's not true", "calm down"]);
        assert_eq!(found(&list, "Well, THAT’S not true. Calm Down"), ["THAT’S not true", "Calm Down"]);
        assert!(found(&list, "calmdown").is_empty());
    }

    #[test]
    fn prefers_the_longest_match_and_does_not_overlap() {
        let list = PhraseList::new(["regards", "best regards", "kind regards"]);
        assert_eq!(found(&list, "best regards"), ["best regards"]);
    }

    #[test]
    fn prefix_words_cover_inflections() {
        let list = PhraseList::new(["reducer*", "cod* promo*"]);
        assert_eq!(found(&list, "Reducerea și codul promoțional"), ["Reducerea", "codul promoțional"]);
    }

    #[test]
    fn does_not_cross_sentences() {
        let list = PhraseList::new(["not our fault"]);
        assert!(found(&list, "It is not. Our fault was small").is_empty());
    }

    #[test]
    fn literal_entries_match_raw_text() {
        let list = PhraseList::new([":(", "😡", "% off", "off"]);
        // "off" inside "% OFF" is the same finding.
        assert_eq!(found(&list, "so sad :( 😡 50% OFF, off"), [":(", "😡", "% OFF", "off"]);
        assert!(found(&PhraseList::new(["% off"]), "turn it off").is_empty());
    }

    #[test]
    fn replacement_is_kept() {
        let list = PhraseList::new(["obviously =>", "problem => issue"]);
        let text = "The problem";
        let w = words(text);
        let m = list.find_all(text, &w).next().unwrap();
        assert_eq!(m.replacement, Some("issue"));
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn matches_devanagari_words_whole() {
        let list = PhraseList::new(["माफ़ी"]);
        assert_eq!(found(&list, "हमें माफी चाहिए"), ["माफी"]);
        // A vowel sign is part of the word: "माफ़ीनामा" is another word.
        assert!(found(&list, "माफ़ीनामा").is_empty());
    }
}
