//! Address forms: the words that make a reply formal or informal in each language
//! (Romanian `dumneavoastră`/`vă` or `tu`/`te`, Armenian `Դուք`/`Ձեր` or `դու`/`քո`,
//! Hindi `आप` or `तुम`/`तू`, English "hey"/"gonna"), found in a draft.
//!
//! The forms are data, one file per language in `data/` (format in `data/README.md`),
//! parsed once on first use. Most are phrases matched folded, as every phrase list is;
//! a few must keep their diacritics, because folding would merge them with another word
//! (Romanian `vă`, "you", and `va`, "will").

use std::ops::Range;
use std::sync::OnceLock;

use super::Register;
use crate::draft::Draft;
use crate::lang::{DataFile, DataFileError, Language};
use crate::text::PhraseList;

/// One address form in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressForm<'a> {
    /// Byte span in the draft.
    pub span: Range<usize>,
    pub register: Register,
    /// The same thing said in the other register, when a word-for-word swap is right.
    pub other_register: Option<&'a str>,
}

/// A form compared with its diacritics (lower-cased): its words, and whether each is
/// joined to the next by a hyphen (`scrie-ne`) rather than a space; a trailing `-` means
/// a hyphen must follow (`v-` in "v-am").
#[derive(Debug, Default)]
struct ExactForm {
    words: Vec<String>,
    hyphen_after: Vec<bool>,
}

/// One language's address forms.
#[derive(Debug, Default)]
pub struct AddressData {
    formal: PhraseList,
    informal: PhraseList,
    formal_exact: Vec<ExactForm>,
    informal_exact: Vec<ExactForm>,
    /// Phrases that hold an address word without addressing anyone: Hindi "अपने आप"
    /// ("by itself").
    not_address: PhraseList,
}

impl AddressData {
    pub fn get(language: Language) -> &'static AddressData {
        static CACHE: [OnceLock<AddressData>; Language::COUNT] = [const { OnceLock::new() }; Language::COUNT];
        // The shipped files are checked by `shipped_address_data_parses`; a broken one
        // finds no forms rather than stopping the linter.
        CACHE[language as usize].get_or_init(|| AddressData::parse(source(language)).unwrap_or_default())
    }

    pub fn parse(source: &str) -> Result<AddressData, DataFileError> {
        let mut file = DataFile::parse(source)?;
        let data = AddressData {
            formal: file.list("formal")?,
            informal: file.list("informal")?,
            formal_exact: file.lines("formal_exact")?.map(ExactForm::parse).collect(),
            informal_exact: file.lines("informal_exact")?.map(ExactForm::parse).collect(),
            not_address: file.list("not_address")?,
        };
        file.finish()?;
        Ok(data)
    }

    /// Whether the language marks register at all (English has informal words only).
    pub fn has(&self, register: Register) -> bool {
        match register {
            Register::Formal => !self.formal.is_empty() || !self.formal_exact.is_empty(),
            Register::Informal => !self.informal.is_empty() || !self.informal_exact.is_empty(),
        }
    }
}

fn source(language: Language) -> &'static str {
    const FILES: [&str; Language::COUNT] = language_files!("voice/data");
    FILES[language as usize]
}

impl ExactForm {
    fn parse(line: &str) -> ExactForm {
        let mut form = ExactForm::default();
        for spaced in line.split_whitespace() {
            let parts: Vec<&str> = spaced.split('-').collect();
            for (i, part) in parts.iter().enumerate().filter(|(_, part)| !part.is_empty()) {
                form.words.push(exact_form(part));
                form.hyphen_after.push(i + 1 < parts.len());
            }
        }
        form
    }

    /// The span of this form starting at word `start`, if it is there; `lowered` holds
    /// the draft's words as [`exact_form`] writes them.
    fn match_at(&self, draft: &Draft, lowered: &[String], start: usize) -> Option<Range<usize>> {
        let words = draft.words.get(start..start + self.words.len())?;
        let sentence = words.first()?.sentence;
        let lowered = &lowered[start..start + self.words.len()];
        for (i, ((word, wanted), lowered)) in words.iter().zip(&self.words).zip(lowered).enumerate() {
            if word.sentence != sentence || lowered != wanted {
                return None;
            }
            let after = &draft.text[word.span.end..];
            let hyphen = after.starts_with('-');
            let is_last = i + 1 == self.words.len();
            if self.hyphen_after[i] && !hyphen {
                return None;
            }
            // "vă" in "vă-" would still be "vă"; only a wanted join is checked.
            if !is_last && !self.hyphen_after[i] && hyphen {
                return None;
            }
        }
        Some(words[0].span.start..words[words.len() - 1].span.end)
    }
}

/// A word as exact forms compare it: lower case, with the Romanian cedilla letters as the
/// comma-below ones, diacritics kept.
fn exact_form(word: &str) -> String {
    word.chars()
        .map(crate::text::case::lower)
        .map(|c| match c {
            'ş' => 'ș',
            'ţ' => 'ț',
            c => c,
        })
        .collect()
}

/// Every address form in the draft, in text order, none overlapping another.
pub fn address_forms<'a>(draft: &'a Draft<'a>) -> Vec<AddressForm<'a>> {
    let data = AddressData::get(draft.language);
    let excluded: Vec<Range<usize>> = data.not_address.find_all(draft.text, &draft.words).map(|m| m.span).collect();
    let mut found: Vec<AddressForm> = Vec::new();
    // Kept in text order as they are added (no sort: one less sort in the Wasm).
    let mut add = |span: Range<usize>, register: Register, other_register: Option<&'a str>| {
        let overlaps = |other: &Range<usize>| other.start < span.end && span.start < other.end;
        if excluded.iter().any(overlaps) || found.iter().any(|form| overlaps(&form.span)) {
            return;
        }
        let at = found.partition_point(|form| form.span.start < span.start);
        found.insert(at, AddressForm { span, register, other_register });
    };
    for (register, list) in [(Register::Formal, &data.formal), (Register::Informal, &data.informal)] {
        for m in list.find_all(draft.text, &draft.words) {
            add(m.span, register, m.replacement.filter(|r| !r.is_empty()));
        }
    }
    if data.formal_exact.is_empty() && data.informal_exact.is_empty() {
        return found;
    }
    let lowered: Vec<String> = draft.words.iter().map(|word| exact_form(word.text)).collect();
    for (register, forms) in [(Register::Formal, &data.formal_exact), (Register::Informal, &data.informal_exact)] {
        for start in 0..draft.words.len() {
            for form in forms {
                if let Some(span) = form.match_at(draft, &lowered, start) {
                    add(span, register, None);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The forms of `text` as (register, text) pairs.
    fn forms(text: &str, language: Language) -> Vec<(&'static str, String)> {
        let draft = Draft::new(text, language);
        let name = |register| match register {
            Register::Formal => "formal",
            Register::Informal => "informal",
        };
        address_forms(&draft).into_iter().map(|f| (name(f.register), text[f.span].to_string())).collect()
    }

    fn formal(words: &[&str]) -> Vec<(&'static str, String)> {
        words.iter().map(|w| ("formal", w.to_string())).collect()
    }

    fn informal(words: &[&str]) -> Vec<(&'static str, String)> {
        words.iter().map(|w| ("informal", w.to_string())).collect()
    }

    #[test]
    fn shipped_address_data_parses() {
        for language in Language::ALL {
            let data = AddressData::parse(source(language)).unwrap_or_else(|e| panic!("{}: {e}", language.code()));
            assert!(data.has(Register::Informal), "{}", language.code());
            assert_eq!(data.has(Register::Formal), language != Language::En, "{}", language.code());
        }
    }

    #[test]
    fn romanian_formal_address_in_every_position() {
        assert_eq!(forms("Vă mulțumim pentru răbdare.", Language::Ro), formal(&["Vă mulțumim"]));
        assert_eq!(forms("Vă rog să așteptați.", Language::Ro), formal(&["Vă rog", "așteptați"]));
        assert_eq!(forms("Comanda dumneavoastră a plecat.", Language::Ro), formal(&["dumneavoastră"]));
        assert_eq!(forms("Care este adresa dvs. de livrare?", Language::Ro), formal(&["dvs"]));
        assert_eq!(forms("V-am trimis factura.", Language::Ro), formal(&["V"]));
        assert_eq!(forms("Ce vă pot oferi?", Language::Ro), formal(&["vă"]));
        assert_eq!(forms("Putem să vi-l trimitem mâine.", Language::Ro), formal(&["vi"]));
        assert_eq!(forms("Dacă doriți, vă sunăm.", Language::Ro), formal(&["doriți", "vă"]));
        assert_eq!(forms("Ați primit coletul?", Language::Ro), formal(&["Ați"]));
        // Typed without diacritics, "va rog" is still "vă rog".
        assert_eq!(forms("Va rugam sa ne scrieti.", Language::Ro), formal(&["Va rugam", "scrieti"]));
    }

    #[test]
    fn romanian_informal_address_in_every_position() {
        assert_eq!(forms("Te rog să aștepți puțin.", Language::Ro), informal(&["Te rog", "aștepți"]));
        assert_eq!(forms("Îți mulțumim pentru răbdare!", Language::Ro), informal(&["Îți mulțumim"]));
        assert_eq!(forms("Ți-am trimis factura.", Language::Ro), informal(&["Ți"]));
        assert_eq!(forms("Te-am sunat azi.", Language::Ro), informal(&["Te"]));
        assert_eq!(forms("Comanda ta a plecat.", Language::Ro), informal(&["ta"]));
        assert_eq!(forms("Coletul tău e pe drum și produsele tale sunt ok.", Language::Ro), informal(&["tău", "tale"]));
        assert_eq!(forms("Poți să ne scrii oricând, tu alegi.", Language::Ro), informal(&["Poți", "tu"]));
        assert_eq!(forms("Ai primit coletul?", Language::Ro), informal(&["Ai primit"]));
        assert_eq!(forms("Scrie-ne oricând.", Language::Ro), informal(&["Scrie-ne"]));
    }

    #[test]
    fn romanian_words_that_only_look_like_address_are_not_forms() {
        for neutral in [
            // "va" without its breve is "will".
            "Coletul va ajunge mâine.",
            "Comanda va fi livrată joi.",
            // "ai" before a possessive is an article, not "you have".
            "Clienții noștri și ai noștri parteneri.",
            // A Roman numeral, a third person "scrie", a plural "clienți".
            "Capitolul VI se aplică.",
            "Curierul ne scrie că toți clienții au primit coletele.",
            "Comanda a plecat azi.",
        ] {
            assert_eq!(forms(neutral, Language::Ro), [], "{neutral}");
        }
    }

    #[test]
    fn armenian_forms_in_their_cases() {
        assert_eq!(forms("Դուք կարող եք վերադարձնել այն։", Language::Hy), formal(&["Դուք", "եք"]));
        assert_eq!(forms("Ձեր պատվերը ճանապարհին է։", Language::Hy), formal(&["Ձեր"]));
        assert_eq!(forms("Շնորհակալություն Ձեզ։", Language::Hy), formal(&["Ձեզ"]));
        assert_eq!(forms("Մենք կզանգենք Ձեզ վաղը։", Language::Hy), formal(&["Ձեզ"]));
        assert_eq!(forms("Ստացել ենք Ձեզնից նամակ։", Language::Hy), formal(&["Ձեզնից"]));
        assert_eq!(forms("Խնդրում ենք գրեք մեզ։", Language::Hy), formal(&["գրեք"]));
        assert_eq!(forms("Դու կարող ես վերադարձնել այն։", Language::Hy), informal(&["Դու", "կարող ես"]));
        assert_eq!(forms("Քո պատվերը ճանապարհին է։", Language::Hy), informal(&["Քո"]));
        assert_eq!(forms("Կզանգենք քեզ վաղը։", Language::Hy), informal(&["քեզ"]));
        assert_eq!(forms("Նամակ ենք ստացել քեզնից։", Language::Hy), informal(&["քեզնից"]));
        assert_eq!(forms("Գրիր մեզ։", Language::Hy), informal(&["Գրիր"]));
        // "Ես" is "I" as well as the informal "you are": alone it says nothing.
        assert_eq!(forms("Ես ստուգեցի պատվերը։", Language::Hy), []);
        assert_eq!(forms("Երեք օրից կհասնի։", Language::Hy), []);
    }

    #[test]
    fn hindi_forms_and_their_cases() {
        assert_eq!(forms("आपका ऑर्डर भेज दिया गया है।", Language::Hi), formal(&["आपका"]));
        assert_eq!(forms("हम आपको कल फ़ोन करेंगे।", Language::Hi), formal(&["आपको"]));
        assert_eq!(forms("कृपया आप हमें बताइए।", Language::Hi), formal(&["आप", "बताइए"]));
        assert_eq!(forms("आपसे बात करके अच्छा लगा।", Language::Hi), formal(&["आपसे"]));
        assert_eq!(forms("तुम्हारा ऑर्डर भेज दिया गया है।", Language::Hi), informal(&["तुम्हारा"]));
        assert_eq!(forms("हम तुम्हें कल फ़ोन करेंगे।", Language::Hi), informal(&["तुम्हें"]));
        assert_eq!(forms("तू चिंता मत कर, तेरा पैसा वापस आएगा।", Language::Hi), informal(&["तू", "तेरा"]));
        assert_eq!(forms("हमें बताओ।", Language::Hi), informal(&["बताओ"]));
        // "अपने आप" is "by itself": no one is addressed.
        assert_eq!(forms("यह अपने आप ठीक हो जाएगा।", Language::Hi), []);
        assert_eq!(forms("आपूर्ति में देरी है।", Language::Hi), []);
    }

    #[test]
    fn english_informal_markers_only() {
        assert_eq!(forms("Hey Ana, we're gonna ship it today.", Language::En), informal(&["Hey", "gonna"]));
        assert_eq!(forms("Could you send us a photo? Thank you.", Language::En), []);
        assert_eq!(forms("They said hello.", Language::En), []);
    }

    #[test]
    fn a_form_knows_its_other_register() {
        let draft = Draft::new("Te rog să aștepți.", Language::Ro);
        assert_eq!(address_forms(&draft)[0].other_register, Some("vă rog"));
    }
}
