//! Language detection for `auto`: script first, then function words.
//!
//! Armenian and Devanagari are told apart by their scripts alone. Latin text is English or
//! Romanian: Romanian letters (ă â î ș ț) and each language's frequent function words
//! decide. Romanised Hindi and Armenian ("Namaste", "Barev") are read as English.

use super::Language;
use crate::text::{words, Word};

/// The language of `draft`; when the draft says too little (empty, only a name or an
/// emoji), the customer's message decides, and English is the last resort.
pub fn detect(draft: &str, customer_message: Option<&str>) -> Language {
    detect_words(draft, &words(sample(draft))).or_else(|| fallback(customer_message)).unwrap_or(Language::En)
}

/// The language of a text that says enough, from its words (already segmented by the
/// caller, so a lint segments its draft once).
pub fn detect_words(text: &str, words: &[Word]) -> Option<Language> {
    let text = sample(text);
    let words = &words[..words.partition_point(|w| w.span.end <= text.len())];
    detect_one(text, words)
}

/// The language of a text consulted when the draft says too little.
pub fn fallback(text: Option<&str>) -> Option<Language> {
    text.and_then(|text| detect_one(sample(text), &words(sample(text))))
}

/// How much of a text detection reads: the opening says which language a reply is in, and
/// reading a 10,000-character draft whole would cost more than the rules.
const SAMPLE_BYTES: usize = 1024;

/// The opening `SAMPLE_BYTES` of `text`, cut at a character boundary.
fn sample(text: &str) -> &str {
    let end = (SAMPLE_BYTES..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    &text[..end]
}

/// Letters counted by script, and the letters only Romanian uses among them.
#[derive(Default)]
struct ScriptCounts {
    armenian: usize,
    devanagari: usize,
    latin: usize,
    romanian_letters: usize,
}

impl ScriptCounts {
    fn add(&mut self, token: &str) {
        // Most Latin tokens are plain ASCII, where a letter is a Latin letter.
        if token.is_ascii() {
            self.latin += token.bytes().filter(u8::is_ascii_alphabetic).count();
            return;
        }
        for c in token.chars() {
            match c {
                '\u{0531}'..='\u{058F}' | '\u{FB13}'..='\u{FB17}' => self.armenian += 1,
                '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => self.devanagari += 1,
                'ă' | 'Ă' | 'â' | 'Â' | 'î' | 'Î' | 'ș' | 'Ș' | 'ş' | 'Ş' | 'ț' | 'Ț' | 'ţ' | 'Ţ' => {
                    self.latin += 1;
                    self.romanian_letters += 1;
                }
                _ if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) => self.latin += 1,
                _ => {}
            }
        }
    }
}

fn detect_one(text: &str, words: &[Word]) -> Option<Language> {
    let mut counts = ScriptCounts::default();
    // Links and e-mail addresses are Latin whatever the language around them.
    let mut count = |token: &str| {
        if !(token.contains("://") || token.starts_with("www.") || token.contains('@')) {
            counts.add(token);
        }
    };
    // ASCII text is split on ASCII whitespace byte by byte, not decoded (a vertical tab,
    // which nobody types, then stays inside its token).
    if text.is_ascii() {
        text.split_ascii_whitespace().for_each(&mut count);
    } else {
        text.split_whitespace().for_each(&mut count);
    }
    let ScriptCounts { armenian, devanagari, latin, romanian_letters } = counts;
    if armenian > latin.max(devanagari) {
        return Some(Language::Hy);
    }
    if devanagari > latin.max(armenian) {
        return Some(Language::Hi);
    }
    if latin == 0 {
        return None;
    }
    let hits = |language: Language| {
        let stopwords = &language.data().stopwords;
        (0..words.len()).filter(|&i| stopwords.match_at(words, i).is_some()).count()
    };
    let english = hits(Language::En);
    let romanian = hits(Language::Ro) + 2 * romanian_letters;
    match (english, romanian) {
        (0, 0) => None,
        (en, ro) if ro > en => Some(Language::Ro),
        _ => Some(Language::En),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_decide_armenian_and_hindi() {
        assert_eq!(detect("Բարև Ձեզ, Անի։ Պատվերը ճանապարհին է։", None), Language::Hy);
        assert_eq!(detect("नमस्ते प्रिया जी, आपका ऑर्डर भेज दिया गया है।", None), Language::Hi);
        // A Latin brand name inside Hindi text does not flip it.
        assert_eq!(detect("आपका Amazon ऑर्डर कल आएगा।", None), Language::Hi);
        assert_eq!(detect("विवरण: https://acme.in/return-policy-details।", None), Language::Hi);
    }

    #[test]
    fn function_words_and_letters_decide_latin_text() {
        assert_eq!(detect("Your refund was sent today, and it should arrive soon.", None), Language::En);
        assert_eq!(detect("Comanda ta a fost trimisă azi și ajunge mâine.", None), Language::Ro);
        // Romanian typed without diacritics is still Romanian.
        assert_eq!(
            detect("Comanda ta a fost trimisa azi si ajunge maine, nu este nicio problema.", None),
            Language::Ro
        );
    }

    #[test]
    fn falls_back_to_the_customer_message_then_english() {
        assert_eq!(detect("👍", Some("Unde este comanda mea? Nu a ajuns încă.")), Language::Ro);
        assert_eq!(detect("", None), Language::En);
        assert_eq!(detect("Ana", None), Language::En);
    }
}
