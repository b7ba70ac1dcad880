//! The four launch languages, their phrase data and language detection.
//!
//! Each language is one data file in `data/` (see `data/README.md` for the format),
//! compiled into the binary and parsed once on first use. A fifth language is a data
//! file, a variant here and its tests.

mod data_file;
pub mod detect;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use data_file::{DataFile, DataFileError, Numbers};
pub use detect::{detect, detect_words, fallback as detect_fallback};

use crate::text::{fold, PhraseList};

/// A language the linter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ro,
    Hy,
    Hi,
}

/// Each language's phrase data, parsed once.
static LANGUAGE_DATA: [OnceLock<LanguageData>; Language::COUNT] = [const { OnceLock::new() }; Language::COUNT];
/// The data all languages share (`common.txt`), parsed once.
static COMMON_DATA: OnceLock<CommonData> = OnceLock::new();

/// The phrase data files, by name: each language's code, then `common`. Natively they are
/// compiled in; the Wasm leaves them out (they would be a sixth of its gzipped size,
/// docs/SIZE.md), and the extension ships them as its own files (`data/lang/<name>.txt`),
/// handed over by [`install`] before the first lint.
pub fn data_file_names() -> impl Iterator<Item = &'static str> {
    Language::ALL.into_iter().map(Language::code).chain(std::iter::once("common"))
}

/// Takes the text of data file `name` (one of [`data_file_names`]), read into its sections
/// at once (each phrase list is parsed when first matched); a file given twice keeps the
/// first. The error names the file and what is wrong.
pub fn install(name: &str, text: &str) -> Result<(), String> {
    let failed = |e: DataFileError| format!("data/lang/{name}.txt: {e}");
    if name == "common" {
        let data = CommonData::parse(text).map_err(failed)?;
        let _ = COMMON_DATA.set(data);
        return Ok(());
    }
    let language = Language::from_code(name).ok_or_else(|| format!("no language data file named {name:?}"))?;
    let data = LanguageData::parse(text).map_err(failed)?;
    let _ = LANGUAGE_DATA[language as usize].set(data);
    Ok(())
}

/// The first data file not installed yet, in the Wasm (natively none is ever missing).
pub fn missing_data() -> Option<&'static str> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let languages =
        Language::ALL.into_iter().filter(|l| LANGUAGE_DATA[*l as usize].get().is_none()).map(Language::code);
    languages.chain(COMMON_DATA.get().is_none().then_some("common")).next()
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Ro, Language::Hy, Language::Hi];
    pub const COUNT: usize = Language::ALL.len();

    /// The ISO 639-1 code used in settings, the CLI and the result.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ro => "ro",
            Language::Hy => "hy",
            Language::Hi => "hi",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// "en, ro, hy or hi", for messages.
    pub fn codes_listed() -> String {
        let codes: Vec<&str> = Language::ALL.iter().map(|language| language.code()).collect();
        match codes.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, others)) => format!("{} or {last}", others.join(", ")),
            None => String::new(),
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn source(self) -> &'static str {
        const FILES: [&str; Language::COUNT] = language_files!("lang/data");
        FILES[self as usize]
    }

    /// This language's phrase data: natively the file compiled in, in the Wasm what
    /// [`install`] was given (nothing before it: see [`missing_data`]).
    pub fn data(self) -> &'static LanguageData {
        LANGUAGE_DATA[self as usize].get_or_init(|| {
            // The shipped files are checked by `shipped_data_files_are_complete`; should
            // one still fail, the linter runs without that language's phrases rather
            // than panic inside the extension.
            #[cfg(not(target_arch = "wasm32"))]
            return LanguageData::parse(self.source()).unwrap_or_default();
            #[cfg(target_arch = "wasm32")]
            LanguageData::default()
        })
    }

    /// The languages whose phrases read a text detected as this language: itself and, for
    /// English and Romanian (Latin letters), Hindi and Armenian, whose data also hold their
    /// Latin-letter forms ("bilkul sahi nahi", "chisht che"): detection reads Hinglish and
    /// Armenian in Latin letters as English.
    pub fn readings(self) -> &'static [Language] {
        match self {
            Language::En => &[Language::En, Language::Hi, Language::Hy],
            Language::Ro => &[Language::Ro, Language::Hi, Language::Hy],
            Language::Hy => &[Language::Hy],
            Language::Hi => &[Language::Hi],
        }
    }

    /// The ASCII stand-in writers type for this language's full stop, and the full stop:
    /// Armenian keyboards often lack `։`, so people type `:`; Hindi writers often type `|`
    /// for the danda `।`.
    pub fn typed_full_stop(self) -> Option<(char, char)> {
        match self {
            Language::Hy => Some((':', '։')),
            Language::Hi => Some(('|', '।')),
            Language::En | Language::Ro => None,
        }
    }
}

/// The phrase lists and texts of one language.
#[derive(Debug, Default)]
pub struct LanguageData {
    /// Frequent function words, for detection only.
    pub stopwords: PhraseList,
    pub greetings: PhraseList,
    /// Closing words before a signature: "Best", "Cu drag", "सादर".
    pub sign_offs: PhraseList,
    /// Words that make a signature a team or company: "team", "echipa", "թիմ".
    pub team_words: PhraseList,
    /// Titles before a surname: "Mr", "doamna", "պարոն", "श्रीमती".
    pub honorifics: PhraseList,
    pub filler_openers: PhraseList,
    pub argue: PhraseList,
    pub empathy: PhraseList,
    pub complaint: PhraseList,
    /// Cues of an upset customer besides complaint words (see `rules::upset`): bad
    /// outcomes, having to repeat, threats to leave, questions that complain, words that
    /// make a complaint stronger, and praise that a sarcasm marker turns around.
    pub upset_outcomes: PhraseList,
    pub upset_repetition: PhraseList,
    pub upset_leaving: PhraseList,
    pub upset_questions: PhraseList,
    pub intensifiers: PhraseList,
    pub upset_praise: PhraseList,
    pub promo: PhraseList,
    pub private_data: PhraseList,
    pub private_requests: PhraseList,
    pub private_channel: PhraseList,
    pub stock_phrases: PhraseList,
    /// Inserted by fixes; `{name}` stands for a person's first name.
    pub greeting_text: String,
    pub sign_off_text: String,
    pub empathy_text: String,
    pub move_private_text: String,
    /// How a first name changes when someone is addressed by it (`[name_vocatives]`,
    /// Romanian only: "Radu" → "Radule", "Ion" → "Ioane"): (ending, vocative ending),
    /// folded.
    pub name_vocatives: Vec<(String, String)>,
}

impl LanguageData {
    pub fn parse(source: &str) -> Result<LanguageData, DataFileError> {
        let mut file = DataFile::parse(source)?;
        let data = LanguageData {
            stopwords: file.list("stopwords")?,
            greetings: file.list("greetings")?,
            sign_offs: file.list("sign_offs")?,
            team_words: file.list("team_words")?,
            honorifics: file.list("honorifics")?,
            filler_openers: file.list("filler_openers")?,
            argue: file.list("argue")?,
            empathy: file.list("empathy")?,
            complaint: file.list("complaint")?,
            upset_outcomes: file.list("upset_outcomes")?,
            upset_repetition: file.list("upset_repetition")?,
            upset_leaving: file.list("upset_leaving")?,
            upset_questions: file.list("upset_questions")?,
            intensifiers: file.list("intensifiers")?,
            upset_praise: file.list("upset_praise")?,
            promo: file.list("promo")?,
            private_data: file.list("private_data")?,
            private_requests: file.list("private_requests")?,
            private_channel: file.list("private_channel")?,
            stock_phrases: file.list("stock_phrases")?,
            greeting_text: file.text("greeting")?,
            sign_off_text: file.text("sign_off")?,
            empathy_text: file.text("empathy")?,
            move_private_text: file.text("move_private")?,
            name_vocatives: vocatives(file.optional_lines("name_vocatives"))?,
        };
        file.finish()?;
        Ok(data)
    }
}

/// The `[name_vocatives]` lines (`ending => vocative ending`), folded. A loop rather than
/// `collect` into a `Result`: smaller in the Wasm (docs/SIZE.md).
fn vocatives(lines: Vec<&str>) -> Result<Vec<(String, String)>, DataFileError> {
    let mut vocatives = Vec::new();
    for line in lines {
        let (ending, vocative) = line
            .split_once("=>")
            .ok_or_else(|| DataFileError::MalformedPair { section: "name_vocatives", line: line.to_string() })?;
        vocatives.push((fold(ending.trim()).into_owned(), fold(vocative.trim()).into_owned()));
    }
    Ok(vocatives)
}

/// Data that holds for every language: acronyms, placeholder names, the domains that are
/// not "another site".
#[derive(Debug, Default)]
pub struct CommonData {
    /// All-capital words that are not shouting: "DHL", "FAQ".
    pub acronyms: PhraseList,
    /// Placeholder names that stand for the customer's first name: `{first_name}`, `[NUME]`.
    pub customer_placeholders: PhraseList,
    /// Placeholder names that stand for the agent's first name: `{agent_name}`.
    pub agent_placeholders: PhraseList,
    /// Words that make a lower-case `[bracket]` a template's blank: "[add date here]".
    pub bracket_blanks: PhraseList,
    /// Top-level domains that make a word a link: "shop.example.com".
    pub link_domains: PhraseList,
    /// Meta's own hosts: a link to them does not send the customer to another site.
    pub own_hosts: Vec<String>,
    /// Abbreviations whose full stop does not end a sentence, folded, without the last
    /// dot: "nr", "dvs", "e.g".
    pub abbreviations: Vec<String>,
    /// Emoji and marks that turn praise into sarcasm: "👏", "🙄".
    pub sarcasm_markers: PhraseList,
    pub upset_weights: UpsetWeights,
}

/// What each kind of upset cue weighs, and the score that makes a message upset
/// (`[upset_weights]` in common.txt; see `rules::upset`).
#[derive(Debug, Default)]
pub struct UpsetWeights {
    pub complaint: u32,
    pub outcome: u32,
    pub repetition: u32,
    pub leaving: u32,
    pub question: u32,
    pub intensifier: u32,
    pub sarcasm: u32,
    /// One word in capitals, and two or more.
    pub capital_word: u32,
    pub capital_words: u32,
    /// A run of marks with a question mark in it: "?!", "???".
    pub impatient_marks: u32,
    /// Three or more exclamation marks.
    pub exclamations: u32,
    pub threshold: u32,
}

impl UpsetWeights {
    fn read(numbers: &Numbers) -> Result<UpsetWeights, DataFileError> {
        Ok(UpsetWeights {
            complaint: numbers.get("complaint")?,
            outcome: numbers.get("outcome")?,
            repetition: numbers.get("repetition")?,
            leaving: numbers.get("leaving")?,
            question: numbers.get("question")?,
            intensifier: numbers.get("intensifier")?,
            sarcasm: numbers.get("sarcasm")?,
            capital_word: numbers.get("capital_word")?,
            capital_words: numbers.get("capital_words")?,
            impatient_marks: numbers.get("impatient_marks")?,
            exclamations: numbers.get("exclamations")?,
            threshold: numbers.get("threshold")?,
        })
    }
}

impl CommonData {
    pub fn get() -> &'static CommonData {
        COMMON_DATA.get_or_init(|| {
            #[cfg(not(target_arch = "wasm32"))]
            return CommonData::parse(data_file!("lang/data/common.txt")).unwrap_or_default();
            #[cfg(target_arch = "wasm32")]
            CommonData::default()
        })
    }

    pub fn parse(source: &str) -> Result<CommonData, DataFileError> {
        let mut file = DataFile::parse(source)?;
        let data = CommonData {
            acronyms: file.list("acronyms")?,
            customer_placeholders: file.list("customer_placeholders")?,
            agent_placeholders: file.list("agent_placeholders")?,
            bracket_blanks: file.list("bracket_blanks")?,
            link_domains: file.list("link_domains")?,
            own_hosts: file.lines("own_hosts")?.map(str::to_string).collect(),
            abbreviations: file.lines("abbreviations")?.map(|a| fold(a.trim_end_matches('.')).into_owned()).collect(),
            sarcasm_markers: file.list("sarcasm_markers")?,
            upset_weights: UpsetWeights::read(&file.numbers("upset_weights")?)?,
        };
        file.finish()?;
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_files_are_complete() {
        for language in Language::ALL {
            let data = LanguageData::parse(language.source()).unwrap_or_else(|e| panic!("{}: {e}", language.code()));
            for (name, list) in [
                ("stopwords", &data.stopwords),
                ("greetings", &data.greetings),
                ("sign_offs", &data.sign_offs),
                ("team_words", &data.team_words),
                ("honorifics", &data.honorifics),
                ("filler_openers", &data.filler_openers),
                ("argue", &data.argue),
                ("empathy", &data.empathy),
                ("complaint", &data.complaint),
                ("upset_outcomes", &data.upset_outcomes),
                ("upset_repetition", &data.upset_repetition),
                ("upset_leaving", &data.upset_leaving),
                ("upset_questions", &data.upset_questions),
                ("intensifiers", &data.intensifiers),
                ("upset_praise", &data.upset_praise),
                ("promo", &data.promo),
                ("private_data", &data.private_data),
                ("private_requests", &data.private_requests),
                ("private_channel", &data.private_channel),
                ("stock_phrases", &data.stock_phrases),
            ] {
                assert!(list.len() >= 3, "{}: [{name}] has only {} entries", language.code(), list.len());
            }
            for text in [&data.greeting_text, &data.sign_off_text] {
                assert!(text.contains("{name}"), "{}: {text:?} lacks {{name}}", language.code());
            }
        }
        CommonData::parse(data_file!("lang/data/common.txt")).unwrap();
    }

    #[test]
    fn the_order_of_all_is_the_order_of_the_caches_and_files() {
        for (at, language) in Language::ALL.into_iter().enumerate() {
            assert_eq!(language as usize, at, "{language:?}");
        }
        // `language_files!` names the files in this order.
        assert_eq!(Language::ALL.map(Language::code), ["en", "ro", "hy", "hi"]);
        assert_eq!(Language::codes_listed(), "en, ro, hy or hi");
    }

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr"), None);
    }
}
