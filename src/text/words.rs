//! Words of a text, by Unicode word boundaries (UAX #29).
//!
//! ASCII `\b` would split "mulțumim" at the ț and Devanagari words at every vowel sign;
//! UAX #29 keeps combining marks with their letters and apostrophes inside words.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::fold;
use super::letters::is_alphanumeric;

/// One word: where it is, and its folded form for comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte span in the text.
    pub span: Range<usize>,
    pub text: &'a str,
    pub folded: Cow<'a, str>,
    /// A hash of `folded`: phrase lists look words up by it, comparing numbers, not strings.
    pub key: u64,
    /// A hash of the first letters of `folded` (`lead_key`): phrase lists look up the
    /// stems a word may begin with (`reducer*`) by it.
    pub lead: u64,
    /// Index of the sentence holding the word (0 until a caller splits sentences).
    pub sentence: usize,
}

/// The words of `text`, in order.
pub fn words<'a>(text: &'a str) -> Vec<Word<'a>> {
    let word = |(at, word): (usize, &'a str)| {
        let folded = fold(word);
        Word {
            span: at..at + word.len(),
            text: word,
            key: word_key(&folded),
            lead: lead_key(&folded),
            folded,
            sentence: 0,
        }
    };
    if text.is_ascii() {
        // unicode-segmentation's own path for ASCII.
        return text.unicode_word_indices().map(word).collect();
    }
    // `unicode_word_indices` otherwise asks `char::is_alphanumeric` whether a piece is a
    // word, a search of Unicode's tables that was a sixteenth of a Hindi lint: the same
    // test, with the Devanagari and Armenian blocks read from masks.
    let is_word = |(_, piece): &(usize, &str)| piece.chars().any(is_alphanumeric);
    text.split_word_bound_indices().filter(is_word).map(word).collect()
}

/// FNV-1a over the folded word's bytes: tiny, fast on short words, no dependency.
pub fn word_key(folded: &str) -> u64 {
    folded.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// How many letters of a stem its lead takes: two tell most words apart (one would send
/// every word with a common first letter to the stems), and every stem of the data has two.
pub const LEAD_CHARS: usize = 2;

/// The key (`word_key`) of the first `LEAD_CHARS` characters of a folded word or stem.
pub fn lead_key(folded: &str) -> u64 {
    let end = match folded.as_bytes().get(..LEAD_CHARS) {
        // Most words: ASCII letters, one byte each.
        Some(lead) if lead.is_ascii() => LEAD_CHARS,
        _ => folded.char_indices().nth(LEAD_CHARS).map_or(folded.len(), |(at, _)| at),
    };
    word_key(&folded[..end])
}

/// Whether a word is written with a capital first letter (false for scripts without case).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}
