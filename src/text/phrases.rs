//! Phrase lists and matching them against a draft's words: the pattern engine every phrase
//! rule shares.
//!
//! A pattern is a sequence of words compared in folded form, so "That’s NOT true" matches
//! the entry `that's not true`. Matches never cross a sentence boundary. On top of plain
//! words the data files may write (src/lang/data/README.md has the full syntax):
//! - `word*`, a stem: any word it begins (`reducer*` covers "reducere", "reducerea");
//! - `said|told|mentioned`, alternatives for one place (each may be several words: `v-am|am`);
//! - `(really)` or `(really|truly)`, an optional place;
//! - `~2`, a gap of up to two words of any kind.
//!
//! An entry that starts with a symbol (`:(`, `😡`, `% off`), or has no word that must be
//! there, is matched literally in the raw text, ignoring ASCII case.

use std::ops::Range;
use std::sync::OnceLock;

use super::pattern::{parse, starts_with_word, Element, Form, WordPattern, SEPARATOR};
use super::words::{lead_key, word_key, LEAD_CHARS};
use super::{fold, strictly_contains, Word};

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
    elements: Vec<Element>,
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

/// A list of phrases, parsed and indexed for matching on first use: a lint reads only some
/// lists of the languages it reads, and parsing every list of every data file at start-up
/// was most of the first lint's cost.
#[derive(Debug, Clone, Default)]
pub struct PhraseList {
    /// The lines as given, one after another; line `i` ends at `line_ends[i]`.
    source: String,
    line_ends: Vec<usize>,
    index: OnceLock<Index>,
}

/// The parsed phrases of a list, indexed.
#[derive(Debug, Clone, Default)]
struct Index {
    phrases: Vec<Phrase>,
    /// (lead, phrase index), sorted, for binary search: a lead is the key of a word a match
    /// may start with, or for a stem the key of its first letters (`Word::lead`).
    by_first_word: Vec<(u64, usize)>,
    by_first_letter: Vec<(u64, usize)>,
    /// One bit for each key of `by_first_word` and `by_first_letter` (`filter_bit`): most
    /// words start no phrase of most lists, and one test of two bits says so where a
    /// binary search would take a dozen steps, at every word of every list a lint reads.
    filter: [u64; FILTER_WORDS],
    /// Phrases that may start with a gap (after an optional place) or with a stem shorter
    /// than a lead, tried at every word.
    unindexed: Vec<usize>,
    literals: Vec<usize>,
}

/// The filter's size in 64-bit words: 512 bits keep a list of 50 leads to one false
/// "maybe" in ten words, in 64 bytes.
const FILTER_WORDS: usize = 8;

/// The filter word and bit of `key`.
fn filter_bit(key: u64) -> (usize, u64) {
    ((key as usize / 64) % FILTER_WORDS, 1 << (key % 64))
}

impl PhraseList {
    /// A list of data-file lines (`phrase` or `phrase => replacement`), parsed when first
    /// matched.
    pub fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut list = PhraseList::default();
        for line in lines {
            list.source.push_str(line);
            list.line_ends.push(list.source.len());
        }
        list
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let starts = std::iter::once(0).chain(self.line_ends.iter().copied());
            Index::new(starts.zip(&self.line_ends).map(|(start, &end)| &self.source[start..end]))
        })
    }

    pub fn len(&self) -> usize {
        self.index().phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index().phrases.is_empty()
    }

    /// Whether any phrase occurs in `text` (whose words are `words`).
    pub fn occurs_in(&self, text: &str, words: &[Word]) -> bool {
        self.find_all(text, words).next().is_some()
    }

    /// The longest phrase that starts exactly at word `start`, if any.
    pub fn match_at(&self, words: &[Word], start: usize) -> Option<PhraseMatch<'_>> {
        self.index().match_at(words, start)
    }

    /// Every match, leftmost-longest and in text order. Matches do not overlap, except
    /// that a literal and a word match may; then the one inside the other is dropped
    /// ("reducere" inside "% reducere").
    pub fn find_all<'s>(&'s self, text: &'s str, words: &'s [Word<'s>]) -> std::vec::IntoIter<PhraseMatch<'s>> {
        self.index().find_all(text, words)
    }

    /// Whether the folded words of `candidate` equal some phrase of the list exactly.
    pub fn contains_phrase(&self, candidate: &str) -> bool {
        let index = self.index();
        // Rules ask this of single words at every lint (a domain, a placeholder's name, a
        // title), and such a word is its own pattern: no need to compile it.
        if !candidate.is_empty() && candidate.chars().all(char::is_alphanumeric) {
            let word = fold(candidate);
            let same = |&(_, phrase): &(u64, usize)| match index.phrases[phrase].elements.as_slice() {
                [Element::Word(WordPattern::Exact(entry))] => *entry == word,
                _ => false,
            };
            return with_key(&index.by_first_word, word_key(&word)).iter().any(same);
        }
        let wanted = parse(candidate, Form::Written);
        !wanted.is_empty() && index.phrases.iter().any(|phrase| phrase.elements == wanted)
    }
}

impl Index {
    fn new<'a>(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut list = Index::default();
        for line in lines {
            // The shipped lists come compiled (`build.rs`); others are parsed as written.
            let (entry, compiled) = match line.split_once(SEPARATOR) {
                Some((entry, places)) => (entry, Some(places)),
                None => (line, None),
            };
            let (text, replacement) = match entry.split_once("=>") {
                Some((text, replacement)) => (text.trim(), Some(replacement.trim().to_string())),
                None => (entry.trim(), None),
            };
            if text.is_empty() {
                continue;
            }
            let index = list.phrases.len();
            let elements = match compiled {
                Some(places) => parse(places, Form::Compiled),
                None if starts_with_word(text) => parse(text, Form::Written),
                None => Vec::new(),
            };
            if elements.is_empty() {
                list.literals.push(index);
            } else {
                match leads(&elements) {
                    Some(leads) => {
                        for (key, stem) in leads {
                            let (word, bit) = filter_bit(key);
                            list.filter[word] |= bit;
                            let table = if stem { &mut list.by_first_letter } else { &mut list.by_first_word };
                            table.push((key, index));
                        }
                    }
                    None => list.unindexed.push(index),
                }
            }
            list.phrases.push(Phrase { text: text.to_string(), elements, replacement });
        }
        for table in [&mut list.by_first_word, &mut list.by_first_letter] {
            crate::sort::sort_by_key(table, |&(key, index)| (key, index as u64));
            table.dedup();
        }
        list
    }

    /// Whether the filter holds `key`: when not, no phrase has that lead.
    fn may_have(&self, key: u64) -> bool {
        let (at, bit) = filter_bit(key);
        self.filter[at] & bit != 0
    }

    /// Most words start no phrase of most lists, at every word of every list a lint reads:
    /// said here, inlined into the loops, before the search and its bookkeeping.
    #[inline]
    fn match_at(&self, words: &[Word], start: usize) -> Option<PhraseMatch<'_>> {
        let word = words.get(start)?;
        if self.unindexed.is_empty() && !self.may_have(word.key) && !self.may_have(word.lead) {
            return None;
        }
        self.search_at(words, start)
    }

    #[inline(never)]
    fn search_at(&self, words: &[Word], start: usize) -> Option<PhraseMatch<'_>> {
        let word = &words[start];
        let exact = if self.may_have(word.key) { with_key(&self.by_first_word, word.key) } else { &[] };
        let stems = if self.may_have(word.lead) { with_key(&self.by_first_letter, word.lead) } else { &[] };
        // Most words start no phrase of most lists: done before finding the sentence's end.
        if exact.is_empty() && stems.is_empty() && self.unindexed.is_empty() {
            return None;
        }
        // Equal keys are candidates; `match_end` compares the words themselves.
        let candidates = exact.iter().chain(stems).map(|&(_, index)| index).chain(self.unindexed.iter().copied());
        let sentence = words[start].sentence;
        let same_sentence = &words[start..words[start..].partition_point(|w| w.sentence == sentence) + start];
        candidates
            .filter_map(|index| Some((index, match_end(&self.phrases[index].elements, same_sentence, 0)?)))
            .filter(|&(_, end)| end > 0)
            // The longest match; among equals, the first entry of the list.
            .max_by_key(|&(index, end)| (end, usize::MAX - index))
            .map(|(index, end)| {
                let phrase = &self.phrases[index];
                let last = start + end - 1;
                PhraseMatch {
                    span: words[start].span.start..words[last].span.end,
                    words: start..last + 1,
                    phrase: &phrase.text,
                    replacement: phrase.replacement.as_deref(),
                }
            })
    }

    fn find_all<'s>(&'s self, text: &'s str, words: &'s [Word<'s>]) -> std::vec::IntoIter<PhraseMatch<'s>> {
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
}

/// The entries of a table (`Index::by_first_word`, `by_first_letter`) with key `wanted`.
fn with_key(table: &[(u64, usize)], wanted: u64) -> &[(u64, usize)] {
    let lo = table.partition_point(|&(key, _)| key < wanted);
    // Rarely more than one: a walk, not a second search.
    let len = table[lo..].iter().take_while(|&&(key, _)| key == wanted).count();
    &table[lo..lo + len]
}

/// The number of words of `words` that `pattern` covers from the start, the longest way;
/// `None` when it does not match. Every word passed is in one sentence.
fn match_end(pattern: &[Element], words: &[Word], at: usize) -> Option<usize> {
    let Some((element, rest)) = pattern.split_first() else { return Some(at) };
    match element {
        Element::Gap(max) => (0..=*max)
            .take_while(|skip| at + skip <= words.len())
            .filter_map(|skip| match_end(rest, words, at + skip))
            .max(),
        Element::Word(pattern) => match words.get(at) {
            Some(word) if pattern.matches(&word.folded) => match_end(rest, words, at + 1),
            _ => None,
        },
        Element::Choice { alternatives, optional } => {
            let taken = alternatives.iter().filter_map(|run| {
                let candidate = words.get(at..at + run.len())?;
                let fits = candidate.iter().zip(run).all(|(word, p)| p.matches(&word.folded));
                if fits {
                    match_end(rest, words, at + run.len())
                } else {
                    None
                }
            });
            let skipped = optional.then(|| match_end(rest, words, at)).flatten();
            taken.chain(skipped).max()
        }
    }
}

/// The leads a match of `elements` may start with, each a key and whether it is a stem's
/// (`Word::lead`): the first place's, and past an optional place the next one's too.
/// `None` when a match may start with a gap or a stem shorter than a lead: the phrase is
/// tried at every word.
fn leads(elements: &[Element]) -> Option<Vec<(u64, bool)>> {
    let lead = |pattern: &WordPattern| match pattern {
        WordPattern::Exact(word) => Some((word_key(word), false)),
        // A stem shorter than a lead has none.
        WordPattern::Prefix(stem) => (stem.chars().count() >= LEAD_CHARS).then(|| (lead_key(stem), true)),
    };
    let mut found = Vec::new();
    for element in elements {
        match element {
            Element::Word(pattern) => {
                found.push(lead(pattern)?);
                break;
            }
            Element::Choice { alternatives, optional } => {
                // Runs are never empty (`parse_token`).
                for run in alternatives {
                    found.push(lead(run.first()?)?);
                }
                if !optional {
                    break;
                }
            }
            Element::Gap(_) => return None,
        }
    }
    Some(found)
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
    fn gaps_allow_up_to_n_words_between() {
        let list = PhraseList::new(["as i ~2 said"]);
        assert_eq!(found(&list, "As I said"), ["As I said"]);
        assert_eq!(found(&list, "As I have already said twice"), ["As I have already said"]);
        assert!(found(&list, "As I have told you and said").is_empty());
        // A gap stays inside its sentence.
        assert!(found(&list, "As I do. He said").is_empty());
        let hindi = PhraseList::new(["जैसा ~3 बता"]);
        assert_eq!(found(&hindi, "जैसा मैं पहले भी बता चुका हूँ"), ["जैसा मैं पहले भी बता"]);
    }

    #[test]
    fn optional_words_may_be_left_out() {
        let list = PhraseList::new(["that's (really) not correct"]);
        assert_eq!(found(&list, "That's not correct"), ["That's not correct"]);
        assert_eq!(found(&list, "that’s really not correct"), ["that’s really not correct"]);
        assert!(found(&list, "that's truly not correct").is_empty());
        // An optional first word is part of the match when it is there.
        let romanian = PhraseList::new(["(va|vă) rug*|rog sa ~1 linist*"]);
        assert_eq!(found(&romanian, "Vă rugăm să vă liniștiți"), ["Vă rugăm să vă liniștiți"]);
        assert_eq!(found(&romanian, "Rog sa va linistiti"), ["Rog sa va linistiti"]);
    }

    #[test]
    fn alternatives_take_one_of_their_words_or_runs() {
        let list = PhraseList::new(["i ~1 said|told|mentioned"]);
        assert_eq!(found(&list, "I already told you. I mentioned it"), ["I already told", "I mentioned"]);
        let romanian = PhraseList::new(["v-am|am|ti-am spus"]);
        assert_eq!(found(&romanian, "V-am spus deja. Ţi-am spus"), ["V-am spus", "Ţi-am spus"]);
        let armenian = PhraseList::new(["արդեն ասել|ասացի"]);
        assert_eq!(found(&armenian, "Արդեն ասացի"), ["Արդեն ասացի"]);
    }

    #[test]
    fn stems_work_inside_alternatives_and_after_gaps() {
        let list = PhraseList::new(["v-am|am ~1 spus*|zis*"]);
        assert_eq!(found(&list, "v-am mai spus-o"), ["v-am mai spus"]);
    }

    #[test]
    fn normalised_spellings_match_one_entry() {
        // Cedillas, missing diacritics and decomposed letters; "և" and "եւ"; nukta.
        let romanian = PhraseList::new(["vă rugăm să vă liniștiți"]);
        for spelling in
            ["va rugam sa va linistiti", "vă rugăm să vă linişt\u{0327}iţi", "va\u{0306} rugam sa va linistiti"]
        {
            assert_eq!(found(&romanian, spelling).len(), 1, "{spelling}");
        }
        let armenian = PhraseList::new(["և ոչ ոք"]);
        assert_eq!(found(&armenian, "եւ ոչ ոք").len(), 1);
        let hindi = PhraseList::new(["मज़ाक"]);
        assert_eq!(found(&hindi, "मजाक है क्या").len(), 1);
        assert_eq!(found(&hindi, "मज\u{093C}ाक").len(), 1);
    }

    #[test]
    fn entries_without_a_required_word_are_literal() {
        let list = PhraseList::new(["(asap)"]);
        assert_eq!(found(&list, "soon (ASAP)"), ["(ASAP)"]);
        assert!(found(&list, "asap").is_empty());
    }

    #[test]
    fn matches_devanagari_words_whole() {
        let list = PhraseList::new(["माफ़ी"]);
        assert_eq!(found(&list, "हमें माफी चाहिए"), ["माफी"]);
        // A vowel sign is part of the word: "माफ़ीनामा" is another word.
        assert!(found(&list, "माफ़ीनामा").is_empty());
    }
}
