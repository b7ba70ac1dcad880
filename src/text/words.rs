//! Words of a text, by Unicode word boundaries (UAX #29).
//!
//! ASCII `\b` would split "mulțumim" at the ț and Devanagari words at every vowel sign;
//! UAX #29 keeps combining marks with their letters and apostrophes inside words.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::fold;

/// One word: where it is, and its folded form for comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte span in the text.
    pub span: Range<usize>,
    pub text: &'a str,
    pub folded: Cow<'a, str>,
    /// A hash of `folded`: phrase lists look words up by it, comparing numbers, not strings.
    pub key: u64,
    /// Index of the sentence holding the word (0 until a caller splits sentences).
    pub sentence: usize,
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut found = Vec::new();
    for run in runs(text) {
        found.extend(text[run.clone()].unicode_word_indices().map(|(at, word)| {
            let at = run.start + at;
            let folded = fold(word);
            Word { span: at..at + word.len(), text: word, key: word_key(&folded), folded, sentence: 0 }
        }));
    }
    found
}

/// `text` cut into runs that are plain ASCII or not, at places where UAX #29 always
/// breaks: after ASCII whitespace, before an ASCII character that is not (no rule joins
/// them; only CR LF and two spaces stay together). The runs' words are the text's, and
/// the ASCII runs take unicode-segmentation's much cheaper ASCII path, which it only takes
/// for a whole text: a Romanian draft's few words with diacritics no longer put every
/// other word on the slow path.
fn runs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let is_cut =
        |at: usize| bytes[at - 1].is_ascii_whitespace() && bytes[at].is_ascii() && !bytes[at].is_ascii_whitespace();
    let mut runs = Vec::new();
    let (mut run_start, mut run_ascii, mut piece_start) = (0, true, 0);
    for at in (1..bytes.len()).filter(|&at| is_cut(at)).chain([bytes.len()]) {
        let piece_ascii = bytes[piece_start..at].is_ascii();
        if piece_start == run_start {
            run_ascii = piece_ascii;
        } else if piece_ascii != run_ascii {
            runs.push(run_start..piece_start);
            (run_start, run_ascii) = (piece_start, piece_ascii);
        }
        piece_start = at;
    }
    runs.push(run_start..bytes.len());
    runs
}

/// FNV-1a over the folded word's bytes: tiny, fast on short words, no dependency.
pub fn word_key(folded: &str) -> u64 {
    folded.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// Whether a word is written with a capital first letter (false for scripts without case).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Characters around the places UAX #29 cuts or joins: letters of the four languages'
    /// scripts, digits, apostrophes and stops inside words, spaces and line breaks,
    /// combining marks, joiners, emoji and regional indicators.
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "7",
        "ț",
        "ă",
        "ա",
        "Ձ",
        "क",
        "ि",
        "्",
        "़",
        "'",
        "’",
        ".",
        ",",
        ":",
        ";",
        "_",
        "-",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u{0b}",
        "\u{0c}",
        "\u{a0}",
        "\u{200d}",
        "\u{200c}",
        "\u{301}",
        "\u{ad}",
        "👍",
        "🏽",
        "🇷",
        "🇴",
        "\"",
        "@",
        "#",
        "։",
        "।",
        "and",
        "vă",
        "ինչ",
        "नमस्ते",
        "3.5",
        "e.g.",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn runs_find_the_words_of_the_whole_text(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..24)) {
            let text = pieces.concat();
            let whole: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            let found: Vec<(usize, &str)> = words(&text).into_iter().map(|w| (w.span.start, w.text)).collect();
            prop_assert_eq!(found, whole);
        }
    }
}
