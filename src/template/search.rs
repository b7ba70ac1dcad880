//! Template search for the picker: fuzzy and typo-tolerant over titles, tags, shortcuts
//! and bodies, ranked by match quality (with a boost for the conversation's language),
//! then by how often the agent used each template.
//!
//! It runs on every keystroke, so the library's words are folded once into a
//! [`SearchIndex`] of distinct words; a query scores each distinct word once per term,
//! and each template then only adds up lookups.

use std::collections::BTreeMap;

use super::model::Library;
use crate::lang::Language;
use crate::text::{fold, words};

/// What ranks one template above another besides the match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPreferences {
    /// The conversation's language: its templates get [`LANGUAGE_BOOST`].
    pub language: Option<Language>,
    /// How often the agent inserted each template, by id.
    pub usage: BTreeMap<String, u32>,
}

/// One template that matches: its index in the library and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub index: usize,
    pub score: u32,
}

/// Added to the score of templates in the preferred language: about one good word match,
/// so a template in the conversation's language wins unless another matches clearly better.
pub const LANGUAGE_BOOST: u32 = 150;

// How much a word counts by where it is: the title and shortcut name a template, tags
// describe it, the body only mentions things.
const TITLE: u8 = 3;
const SHORTCUT: u8 = 3;
const TAG: u8 = 2;
const BODY: u8 = 1;

/// A distinct folded word of the library, with a bitmask of its characters that rejects
/// most words before an edit distance is computed.
#[derive(Debug)]
struct Word {
    chars: Box<[char]>,
    mask: u64,
}

#[derive(Debug)]
struct Entry {
    id: String,
    language: Language,
    /// (vocabulary index, weight), each word once with its highest weight.
    words: Vec<(u32, u8)>,
    shortcut: Option<u32>,
}

/// The library's words, folded once; search it on every keystroke.
#[derive(Debug, Default)]
pub struct SearchIndex {
    vocabulary: Vec<Word>,
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(library: &Library) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut known: BTreeMap<String, u32> = BTreeMap::new();
        let mut intern = |vocabulary: &mut Vec<Word>, word: &str| -> u32 {
            if let Some(&id) = known.get(word) {
                return id;
            }
            let chars: Box<[char]> = word.chars().collect();
            vocabulary.push(Word { mask: mask(&chars), chars });
            let id = (vocabulary.len() - 1) as u32;
            known.insert(word.to_string(), id);
            id
        };
        for template in &library.templates {
            let mut entry_words: Vec<(u32, u8)> = Vec::new();
            let mut add = |vocabulary: &mut Vec<Word>, text: &str, weight: u8| {
                entry_words.extend(words(text).iter().map(|word| (intern(vocabulary, &word.folded), weight)));
            };
            add(&mut index.vocabulary, &template.title, TITLE);
            for tag in &template.tags {
                add(&mut index.vocabulary, tag, TAG);
            }
            add(&mut index.vocabulary, &template.body, BODY);
            let shortcut = template.shortcut.as_deref().map(|s| intern(&mut index.vocabulary, &shortcut_name(s)));
            if let Some(id) = shortcut {
                entry_words.push((id, SHORTCUT));
            }
            // Each word once, with its highest weight.
            crate::sort::sort_by_key(&mut entry_words, |&(id, weight)| (u64::from(id), u64::from(u8::MAX - weight)));
            entry_words.dedup_by_key(|(id, _)| *id);
            index.entries.push(Entry {
                id: template.id.clone(),
                language: template.language,
                words: entry_words,
                shortcut,
            });
        }
        index
    }

    /// The templates matching every word of `query`, best first; ties keep library order.
    /// A word starting with `/` matches shortcuts only. An empty query lists every template.
    pub fn search(&self, query: &str, preferences: &SearchPreferences) -> Vec<Match> {
        let terms = terms(query);
        let mut scorer = Scorer::default();
        let tiers: Vec<(bool, Vec<u8>)> = terms
            .iter()
            .map(|term| {
                let tiers = self.vocabulary.iter().map(|word| scorer.tier(&term.chars, term.mask, word)).collect();
                (term.shortcut_only, tiers)
            })
            .collect();
        let mut matches: Vec<(Match, u32)> = Vec::new();
        'entries: for (index, entry) in self.entries.iter().enumerate() {
            let mut score = 0;
            for (shortcut_only, tiers) in &tiers {
                let best = if *shortcut_only {
                    entry.shortcut.map_or(0, |id| u32::from(tiers[id as usize]) * u32::from(SHORTCUT))
                } else {
                    entry
                        .words
                        .iter()
                        .map(|&(id, weight)| u32::from(tiers[id as usize]) * u32::from(weight))
                        .max()
                        .unwrap_or(0)
                };
                if best == 0 {
                    continue 'entries;
                }
                score += best;
            }
            if preferences.language == Some(entry.language) {
                score += LANGUAGE_BOOST;
            }
            let usage = preferences.usage.get(&entry.id).copied().unwrap_or(0);
            matches.push((Match { index, score }, usage));
        }
        // Stable: ties keep library order.
        crate::sort::sort_by_key(&mut matches, |&(m, usage)| {
            (u64::from(u32::MAX - m.score), u64::from(u32::MAX - usage))
        });
        matches.into_iter().map(|(m, _)| m).collect()
    }
}

/// Searches `library` once; the picker keeps a [`SearchIndex`] instead.
pub fn search(library: &Library, query: &str, preferences: &SearchPreferences) -> Vec<Match> {
    SearchIndex::new(library).search(query, preferences)
}

/// One word of the query.
struct Term {
    chars: Vec<char>,
    mask: u64,
    shortcut_only: bool,
}

/// A query names a template in a few words; the rest of a pasted paragraph is not read.
/// Each term is scored against every word of the library, with a typo-tolerant comparison
/// that grows with the term's length: a pasted 4.5 KB query took a second (the fuzzer's
/// finding), these caps keep any query to the cost of a typed one.
const MAX_TERMS: usize = 8;
const MAX_TERM_CHARS: usize = 32;

fn terms(query: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for chunk in query.split_whitespace() {
        if terms.len() >= MAX_TERMS {
            break;
        }
        let (texts, shortcut_only) = match chunk.strip_prefix('/') {
            Some(name) => (vec![shortcut_name(name)], true),
            None => (words(chunk).into_iter().map(|w| w.folded.into_owned()).collect(), false),
        };
        for text in texts.into_iter().filter(|t| !t.is_empty()) {
            let chars: Vec<char> = text.chars().take(MAX_TERM_CHARS).collect();
            terms.push(Term { mask: mask(&chars), chars, shortcut_only });
        }
    }
    terms.truncate(MAX_TERMS);
    terms
}

/// A shortcut's name, folded and without its `/`.
fn shortcut_name(shortcut: &str) -> String {
    fold(shortcut.trim_start_matches('/')).into_owned()
}

fn mask(chars: &[char]) -> u64 {
    chars.iter().fold(0, |mask, &c| mask | 1 << (c as u32 % 64))
}

/// The edit-distance rows, allocated once per search.
#[derive(Default)]
struct Scorer {
    rows: [Vec<usize>; 3],
}

impl Scorer {
    /// How well `term` matches `word`: 100 the same word, 80 a prefix, 55/40 one/two typos,
    /// 35/20 a prefix with one/two typos, 30 inside the word, 0 no match.
    fn tier(&mut self, term: &[char], term_mask: u64, word: &Word) -> u8 {
        let word_chars = &word.chars[..];
        if word_chars == term {
            return 100;
        }
        if word_chars.starts_with(term) {
            return 80;
        }
        let typos = match term.len() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        // Each typo can account for at most one character of the term missing from the word.
        let missing = (term_mask & !word.mask).count_ones() as usize;
        if typos > 0 && missing <= typos && word_chars.len() + typos >= term.len() {
            let (full, prefix) = self.distances(term, word_chars, typos);
            if full <= typos {
                return 70 - 15 * full as u8;
            }
            if prefix <= typos {
                return 50 - 15 * prefix as u8;
            }
        }
        if term.len() >= 3 && word_chars.windows(term.len()).any(|w| w == term) {
            return 30;
        }
        0
    }

    /// The edit distance (with transpositions) from `term` to `word` and to the closest
    /// prefix of `word`; either is only exact up to `limit` (larger means "too far").
    fn distances(&mut self, term: &[char], word: &[char], limit: usize) -> (usize, usize) {
        let width = word.len() + 1;
        for row in &mut self.rows {
            row.clear();
            row.resize(width, 0);
        }
        let [before, previous, current] = &mut self.rows;
        for (j, cell) in previous.iter_mut().enumerate() {
            *cell = j;
        }
        let mut previous_min = 0;
        for i in 1..=term.len() {
            current[0] = i;
            for j in 1..width {
                let substitution = previous[j - 1] + usize::from(term[i - 1] != word[j - 1]);
                let mut best = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
                if i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1] {
                    best = best.min(before[j - 2] + 1);
                }
                current[j] = best;
            }
            let current_min = current.iter().copied().min().unwrap_or(0);
            // A cell comes from the row above (or the one before it, plus one): once two
            // rows in a row are past the limit, every later row is too.
            if current_min > limit && previous_min > limit {
                return (usize::MAX, usize::MAX);
            }
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
            previous_min = current_min;
        }
        (previous[word.len()], previous.iter().copied().min().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    fn template(
        id: &str,
        language: Language,
        title: &str,
        tags: &[&str],
        shortcut: Option<&str>,
        body: &str,
    ) -> Template {
        Template {
            id: id.into(),
            title: title.into(),
            language,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            shortcut: shortcut.map(str::to_string),
            body: body.into(),
        }
    }

    fn library() -> Library {
        Library {
            templates: vec![
                template(
                    "thanks.en",
                    Language::En,
                    "Thanks for the kind words",
                    &["compliment"],
                    Some("/thanks"),
                    "Thank you, {first_name}!",
                ),
                template(
                    "refund-sent.en",
                    Language::En,
                    "Refund sent",
                    &["refund", "billing"],
                    Some("/refund"),
                    "Your money is on its way.",
                ),
                template(
                    "refund-sent.ro",
                    Language::Ro,
                    "Rambursare trimisă",
                    &["refund", "rambursare"],
                    Some("/refund"),
                    "Banii au fost trimiși.",
                ),
                template(
                    "delay.en",
                    Language::En,
                    "We are working on it",
                    &["delay"],
                    Some("/working"),
                    "We will refund the fee if it takes longer.",
                ),
                template(
                    "after-hours.hy",
                    Language::Hy,
                    "Աշխատանքային ժամերից դուրս",
                    &["after-hours"],
                    Some("/after-hours"),
                    "Կպատասխանենք վաղը։",
                ),
                template("after-hours.hi", Language::Hi, "कार्य समय के बाद", &["after-hours"], None, "हम कल जवाब देंगे।"),
            ],
        }
    }

    fn ids(query: &str, preferences: &SearchPreferences) -> Vec<String> {
        let library = library();
        search(&library, query, preferences).into_iter().map(|m| library.templates[m.index].id.clone()).collect()
    }

    fn none() -> SearchPreferences {
        SearchPreferences::default()
    }

    #[test]
    fn typos_still_find_the_template() {
        for query in ["refund", "refnd", "rfund", "reufnd", "Refund Sent", "refund snet", "REF"] {
            assert_eq!(ids(query, &none()).first().map(String::as_str), Some("refund-sent.en"), "{query}");
        }
        assert_eq!(ids("rambursare trimisa", &none()), ["refund-sent.ro"]);
        assert_eq!(ids("trimis", &none()), ["refund-sent.ro"]);
        assert_eq!(ids("xyzzy", &none()), Vec::<String>::new());
    }

    #[test]
    fn slash_matches_shortcut_prefixes_only() {
        assert_eq!(ids("/ref", &none()), ["refund-sent.en", "refund-sent.ro"]);
        assert_eq!(ids("/refund", &none()), ["refund-sent.en", "refund-sent.ro"]);
        assert_eq!(ids("/after", &none()), ["after-hours.hy"]);
        assert_eq!(ids("/money", &none()), Vec::<String>::new());
    }

    #[test]
    fn titles_rank_above_bodies() {
        // "refund" is in delay.en's body only.
        assert_eq!(ids("refund", &none()), ["refund-sent.en", "refund-sent.ro", "delay.en"]);
        assert_eq!(ids("money", &none()), ["refund-sent.en"]);
    }

    #[test]
    fn preferred_language_then_usage_break_ties() {
        let ro = SearchPreferences { language: Some(Language::Ro), ..none() };
        assert_eq!(ids("/ref", &ro), ["refund-sent.ro", "refund-sent.en"]);
        let used = SearchPreferences { usage: [("refund-sent.ro".to_string(), 5)].into(), ..none() };
        assert_eq!(ids("/ref", &used), ["refund-sent.ro", "refund-sent.en"]);
        assert_eq!(ids("after hours", &none()), ["after-hours.hy", "after-hours.hi"]);
        let hi = SearchPreferences { language: Some(Language::Hi), ..none() };
        assert_eq!(ids("after hours", &hi), ["after-hours.hi", "after-hours.hy"]);
    }

    #[test]
    fn every_script_is_searchable() {
        assert_eq!(ids("աշխատանքային", &none()), ["after-hours.hy"]);
        assert_eq!(ids("जवाब", &none()), ["after-hours.hi"]);
        assert_eq!(ids("Աշխատանքաին", &none()), ["after-hours.hy"]);
    }

    #[test]
    fn an_empty_query_lists_everything_preferred_language_first() {
        let hy = SearchPreferences { language: Some(Language::Hy), usage: [("delay.en".to_string(), 2)].into() };
        let all = ids("  ", &hy);
        assert_eq!(all[..2], ["after-hours.hy", "delay.en"]);
        assert_eq!(all.len(), 6);
    }

    #[test]
    fn a_large_library_searches_deterministically() {
        let mut library = Library::default();
        for n in 0..500 {
            let base = &self::library().templates[n % 6];
            library.templates.push(Template { id: format!("{}-{n}", base.id), ..base.clone() });
        }
        let index = SearchIndex::new(&library);
        let first = index.search("refnd", &none());
        assert_eq!(first.len(), 250, "refund-sent.en, .ro and delay.en, each 83 or 84 times");
        assert_eq!(first, index.search("refnd", &none()));
        assert_eq!(library.templates[first[0].index].id, "refund-sent.en-1");
    }

    #[test]
    fn a_pasted_paragraph_is_read_as_its_first_words() {
        let library = Library::from_json(crate::template::DEFAULT_PACK).unwrap();
        let index = SearchIndex::new(&library);
        let preferences = SearchPreferences::default();
        let typed = index.search("refund sent", &preferences);
        assert!(!typed.is_empty());
        let long_word = format!("refund sent {}", "a".repeat(4000));
        assert_eq!(terms(&long_word).iter().map(|term| term.chars.len()).collect::<Vec<_>>(), [6, 4, MAX_TERM_CHARS]);
        let paragraph = format!("refund sent {}", "x ".repeat(2000));
        assert_eq!(terms(&paragraph).len(), MAX_TERMS);
        assert_eq!(
            index.search(&paragraph, &preferences),
            index.search(&format!("refund sent {}", "x ".repeat(6)), &preferences)
        );
    }
}
