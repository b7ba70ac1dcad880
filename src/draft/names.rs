//! People's names: the customer's display name split into first name and the rest, and
//! where a name occurs in a draft: as written, as a vocative of the draft's language
//! ("Radule" for Radu), or in another script ("प्रिया" for Priya, "Ani" for Անի).

use std::ops::Range;

use super::Draft;
use crate::lang::Language;
use crate::text::letters::script;
use crate::text::translit::name_skeleton;
use crate::text::{is_capitalised, words, Word};

/// One part of a name ("Ana", "Ana-Maria", "Popescu") and its folded words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePart {
    pub text: String,
    folded: Vec<String>,
    /// Each folded word's key (`Word::key`): most words of a draft are told apart from a
    /// name by a number, not a string.
    keys: Vec<u64>,
    /// Each word's sound in Latin letters ([`name_skeleton`]) when it has three letters or
    /// more (fewer would match too much), and the part's script.
    skeletons: Vec<Option<String>>,
    script: &'static str,
}

impl NamePart {
    fn new(text: &str) -> NamePart {
        let words = words(text);
        let skeleton = |word: &Word| Some(name_skeleton(&word.folded)).filter(|s| s.chars().count() >= 3);
        NamePart {
            text: text.to_string(),
            keys: words.iter().map(|word| word.key).collect(),
            skeletons: words.iter().map(skeleton).collect(),
            folded: words.into_iter().map(|word| word.folded.into_owned()).collect(),
            script: script(text),
        }
    }

    /// Whether the draft's word `at` is this part's word `index` (folded): the same word, a
    /// vocative of it (`vocatives`: its vocative forms in the draft's language), or the
    /// same name in another script.
    fn is_word(&self, index: usize, draft: &Draft, at: usize, vocatives: &[String]) -> bool {
        let word = &draft.words[at];
        let name = &self.folded[index];
        if word.key == self.keys[index] && word.folded == *name {
            return true;
        }
        vocatives.iter().any(|vocative| word.folded == *vocative)
            || self.skeletons[index]
                .as_ref()
                .is_some_and(|skeleton| draft.word_script(at) != self.script && draft.word_skeleton(at) == *skeleton)
    }

    /// The vocative forms of word `index` by `endings` (the language's `[name_vocatives]`:
    /// "Radu" is greeted "Radule"), for names of three letters or more. Worked out once per
    /// search: trying every ending at every word of the draft was two fifths of a Romanian
    /// lint.
    fn vocatives(&self, index: usize, endings: &[(String, String)]) -> Vec<String> {
        let name = &self.folded[index];
        if name.chars().count() < 3 {
            return Vec::new();
        }
        let stems =
            endings.iter().filter_map(|(ending, vocative)| Some((name.strip_suffix(ending.as_str())?, vocative)));
        stems.map(|(stem, vocative)| format!("{stem}{vocative}")).collect()
    }
}

/// A display name: the first name, and what follows it (last names, middle names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    pub first: NamePart,
    pub rest: Vec<NamePart>,
}

impl PersonName {
    /// Splits a display name at spaces. Emoji and symbols are dropped, a leading title
    /// ("Dr.", "Dna") is skipped. A handle such as "ana.popescu92" or "shop_ro" is not a
    /// name: the first name stays unknown and the rules that need it stay silent.
    pub fn parse(display: &str) -> Option<PersonName> {
        let mut parts = display
            .split_whitespace()
            .map(|part| part.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|part| part.chars().any(char::is_alphabetic))
            .skip_while(|part| is_title(part))
            .map(NamePart::new);
        let first = parts.next()?;
        if first.text.chars().any(|c| c.is_ascii_digit() || matches!(c, '_' | '.' | '@')) {
            return None;
        }
        Some(PersonName { first, rest: parts.collect() })
    }

    /// Every place where the first name occurs in the draft, as word-index ranges.
    /// Names of one or two letters ("Al", "Jo") must be capitalised or @-tagged there, so
    /// the Romanian word "al" is not taken for "Al".
    pub fn first_name_in(&self, draft: &Draft) -> Vec<Range<usize>> {
        let short = self.first.text.chars().count() <= 2;
        occurrences(&self.first, draft).filter(|r| !short || is_name_like(draft, r.start)).collect()
    }
}

/// Where `part` occurs in the draft, as word-index ranges.
pub fn occurrences<'d>(part: &'d NamePart, draft: &'d Draft) -> impl Iterator<Item = Range<usize>> + 'd {
    let n = part.folded.len();
    // Looked up once per search, not once per word of the draft.
    let endings = &draft.language.data().name_vocatives;
    // Only Romanian has vocatives; the others allocate nothing.
    let vocatives: Vec<Vec<String>> = match endings.is_empty() {
        true => Vec::new(),
        false => (0..n).map(|k| part.vocatives(k, endings)).collect(),
    };
    // Collected, so the search is compiled once, not into each caller's iterator.
    let found: Vec<Range<usize>> = (0..draft.words.len().saturating_sub(n.saturating_sub(1)))
        .filter(|&i| {
            n > 0 && (0..n).all(|k| part.is_word(k, draft, i + k, vocatives.get(k).map_or(&[], Vec::as_slice)))
        })
        .map(|i| i..i + n)
        .collect();
    found.into_iter()
}

/// Whether the word at `index` looks like a name: capitalised (in a cased script),
/// @-tagged, or in a script without case.
pub fn is_name_like(draft: &Draft, index: usize) -> bool {
    let word = &draft.words[index];
    let tagged = draft.text[..word.span.start].ends_with('@');
    let cased = word.text.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    tagged || !cased || is_capitalised(word.text)
}

fn is_title(part: &str) -> bool {
    let Some(word) = words(part).into_iter().next() else { return false };
    Language::ALL.into_iter().any(|l| l.data().honorifics.contains_phrase(&word.folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(display: &str) -> (String, Vec<String>) {
        let name = PersonName::parse(display).unwrap();
        (name.first.text, name.rest.into_iter().map(|p| p.text).collect())
    }

    #[test]
    fn splits_first_name_from_the_rest() {
        assert_eq!(parse("Ana Popescu"), ("Ana".into(), vec!["Popescu".into()]));
        assert_eq!(parse("  Ana-Maria  Ionescu 🌸"), ("Ana-Maria".into(), vec!["Ionescu".into()]));
        assert_eq!(parse("Dr. John Smith"), ("John".into(), vec!["Smith".into()]));
        assert_eq!(parse("Անի Սարգսյան"), ("Անի".into(), vec!["Սարգսյան".into()]));
        assert_eq!(parse("प्रिया शर्मा"), ("प्रिया".into(), vec!["शर्मा".into()]));
        assert_eq!(parse("Al"), ("Al".into(), vec![]));
    }

    #[test]
    fn handles_and_empty_names_are_unknown() {
        assert_eq!(PersonName::parse("ana.popescu92"), None);
        assert_eq!(PersonName::parse("shop_ro"), None);
        assert_eq!(PersonName::parse("🌸 ✨"), None);
        assert_eq!(PersonName::parse(""), None);
    }

    #[test]
    fn finds_names_folded_and_short_names_only_capitalised() {
        let name = PersonName::parse("Ștefan Pop").unwrap();
        let draft = Draft::new("Salut stefan, și @Ștefan!", Language::Ro);
        assert_eq!(name.first_name_in(&draft).len(), 2);
        let al = PersonName::parse("Al Green").unwrap();
        assert!(al.first_name_in(&Draft::new("Acesta e al tău.", Language::Ro)).is_empty());
        assert_eq!(al.first_name_in(&Draft::new("Hi Al, it also works.", Language::En)).len(), 1);
    }

    #[test]
    fn romanian_vocatives_are_the_name() {
        for (name, greeting) in
            [("Radu", "Radule"), ("Ion", "Ioane"), ("Marian", "Mariane"), ("Costel", "Costele"), ("Ștefan", "Ștefane")]
        {
            let name = PersonName::parse(name).unwrap();
            let text = format!("Bună ziua, {greeting}! Coletul pleacă azi.");
            assert_eq!(name.first_name_in(&Draft::new(&text, Language::Ro)).len(), 1, "{greeting}");
        }
        // Only in Romanian, and not for any word that starts like the name.
        let radu = PersonName::parse("Radu Lupu").unwrap();
        assert!(radu.first_name_in(&Draft::new("Hi Radule, it ships today.", Language::En)).is_empty());
        assert!(radu.first_name_in(&Draft::new("Bună, Radulescu a plecat.", Language::Ro)).is_empty());
    }

    #[test]
    fn a_name_in_another_script_is_the_name() {
        for (listed, written, language) in [
            ("Priya Sharma", "नमस्ते प्रिया जी, पार्सल आज निकला।", Language::Hi),
            ("Seema Kamal", "सीमा जी, पार्सल आज पहुँचेगा।", Language::Hi),
            ("अर्जुन मेहता", "Arjun ji, delivery kal hogi.", Language::En),
            ("Ani Sargsyan", "Բարև Ձեզ։ Անի, պատվերն ուղարկվել է։", Language::Hy),
            ("Արմեն Պողոսյան", "Armen jan, vaghy kbervi.", Language::En),
        ] {
            let name = PersonName::parse(listed).unwrap();
            assert_eq!(name.first_name_in(&Draft::new(written, language)).len(), 1, "{listed} in {written}");
        }
        // The same script is compared as written: "Ana" is not "Anna".
        let ana = PersonName::parse("Ana Pop").unwrap();
        assert!(ana.first_name_in(&Draft::new("Hi Anna, it ships today.", Language::En)).is_empty());
        let priya = PersonName::parse("Priya Sharma").unwrap();
        assert!(priya.first_name_in(&Draft::new("नमस्ते पूजा जी", Language::Hi)).is_empty());
    }
}
