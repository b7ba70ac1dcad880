//! Folding: the form in which words are compared.
//!
//! Agents and customers type names and phrases with and without diacritics ("Ștefan",
//! "Stefan", "Ştefan" with the old cedilla), in any case, with straight or curly
//! apostrophes, and Hindi with or without nukta. Folding maps all of those to one key so a
//! phrase list needs each entry once.

use std::borrow::Cow;

/// Lower-cases `word` and removes what should not tell two spellings apart:
/// Latin diacritics (precomposed or combining), the Romanian cedilla/comma variants,
/// apostrophe shapes, Devanagari nukta (precomposed or combining) and chandrabindu, the
/// Armenian ligature "և", and zero-width joiners.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        // Most words of most drafts: only case and the grave apostrophe to fold.
        if !word.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
            return Cow::Borrowed(word);
        }
        return Cow::Owned(word.to_ascii_lowercase().replace('`', "'"));
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_folded(c, &mut out);
    }
    Cow::Owned(out)
}

fn push_folded(c: char, out: &mut String) {
    match c {
        // Apostrophe shapes: typographic, modifier letter, grave, prime.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{2032}' => out.push('\''),
        // Zero-width joiners change rendering, not the word; Armenian stress, exclamation
        // and question marks sit inside the word they qualify ("կարո՞ղ").
        '\u{200C}' | '\u{200D}' | '\u{055B}' | '\u{055C}' | '\u{055E}' => {}
        // Devanagari nukta and the precomposed nukta letters: "फ़ोन" and "फोन" are one word.
        '\u{093C}' => {}
        '\u{0958}'..='\u{095F}' => out.push(NUKTA_BASES[(c as usize) - 0x958]),
        // Chandrabindu is often typed as anusvara: "माँ" / "मां".
        '\u{0901}' => out.push('\u{0902}'),
        // The Armenian ligature "և" is written "եւ" as often (and in the reformed spelling).
        'և' => out.push_str("եւ"),
        // Combining diacritics of decomposed Latin letters ("s" + comma below, "a" +
        // breve): folding drops the precomposed ones, so it drops these too, which is
        // what NFC and then folding would give.
        '\u{0300}'..='\u{036F}' => {}
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => match strip_latin_diacritic(c) {
            Some(base) => out.push(base),
            None => out.push(super::case::lower(c)),
        },
    }
}

/// Base letters of U+0958..=U+095F (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़).
const NUKTA_BASES: [char; 8] = ['क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'];

/// The lower-case base letter of a Latin letter with a diacritic, for the Latin-1 and
/// Latin Extended-A blocks plus Romanian's comma-below letters.
fn strip_latin_diacritic(c: char) -> Option<char> {
    // Each entry: a run of accented letters and the base letter they all fold to.
    const TABLE: &[(&str, char)] = &[
        ("ÀÁÃÄÅàáãäåĀāĄą", 'a'),
        ("ÇçĆćĈĉĊċČč", 'c'),
        ("ĎďĐđ", 'd'),
        ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", 'e'),
        ("ĜĝĞğĠġĢģ", 'g'),
        ("ĤĥĦħ", 'h'),
        ("ÌÍÏìíïĨĩĪīĬĭĮįİı", 'i'),
        ("Ĵĵ", 'j'),
        ("Ķķ", 'k'),
        ("ĹĺĻļĽľĿŀŁł", 'l'),
        ("ÑñŃńŅņŇň", 'n'),
        ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", 'o'),
        ("ŔŕŖŗŘř", 'r'),
        ("ŚśŜŝŠš", 's'),
        ("ŤťŦŧ", 't'),
        ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", 'u'),
        ("Ŵŵ", 'w'),
        ("ÝýÿŶŷŸ", 'y'),
        ("ŹźŻżŽž", 'z'),
    ];
    // Romanian's letters first: the table below is searched letter by letter.
    match c {
        'ă' | 'Ă' | 'â' | 'Â' => return Some('a'),
        'î' | 'Î' => return Some('i'),
        'ș' | 'Ș' | 'ş' | 'Ş' => return Some('s'),
        'ț' | 'Ț' | 'ţ' | 'Ţ' => return Some('t'),
        '\u{00C0}'..='\u{017F}' => {}
        _ => return None,
    }
    TABLE.iter().find(|(letters, _)| letters.contains(c)).map(|&(_, base)| base)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn ascii_lowercase_is_borrowed() {
        assert!(matches!(fold("refund"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(fold("ReFund"), "refund");
    }

    #[test]
    fn romanian_diacritics_and_cedilla_variants_fold_alike() {
        for spelling in ["Ștefan", "Ştefan", "stefan", "ȘTEFAN"] {
            assert_eq!(fold(spelling), "stefan");
        }
        assert_eq!(fold("mulțumim"), "multumim");
        assert_eq!(fold("încă"), "inca");
    }

    #[test]
    fn apostrophes_fold_to_ascii() {
        assert_eq!(fold("that’s"), "that's");
        assert_eq!(fold("don`t"), "don't");
    }

    #[test]
    fn armenian_lowercases() {
        assert_eq!(fold("Անի"), "անի");
        assert_eq!(fold("ՇԱՏ"), "շատ");
        assert_eq!(fold("կարո՞ղ"), "կարող");
    }

    #[test]
    fn decomposed_latin_letters_fold_like_precomposed_ones() {
        assert_eq!(fold("mul\u{0163}umim"), "multumim");
        assert_eq!(fold("mult\u{0326}umim"), "multumim");
        assert_eq!(fold("inca\u{0306}"), "inca");
    }

    #[test]
    fn armenian_ligature_folds_to_its_letters() {
        assert_eq!(fold("Բարև"), fold("բարեւ"));
        assert_eq!(fold("և"), "եւ");
    }

    #[test]
    fn hindi_nukta_and_chandrabindu_fold() {
        assert_eq!(fold("फ़ोन"), fold("फोन"));
        assert_eq!(fold("\u{095E}ोन"), fold("फोन"));
        assert_eq!(fold("माँ"), fold("मां"));
    }
}
