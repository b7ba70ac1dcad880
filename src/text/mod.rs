//! Text primitives with no knowledge of rules: folding words for comparison, matching
//! phrase lists, and converting byte offsets to the UTF-16 offsets the DOM uses.

use std::ops::Range;

pub mod case;
pub mod fold;
pub mod json;
pub mod letters;
pub mod number;
pub mod pattern;
pub mod phrases;
pub mod translit;
pub mod utf16;
pub mod words;

pub use fold::fold;
pub use letters::{count_letters, letter_spans};
pub use phrases::{PhraseList, PhraseMatch};
pub use utf16::Utf16Map;
pub use words::{is_capitalised, words, Word};

/// Characters that end a sentence in the four languages: Latin punctuation, the ellipsis,
/// the Armenian full stop `։` and the Devanagari danda `।` / double danda `॥`.
pub fn is_sentence_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '։' | '।' | '॥')
}

/// Whether `inner` lies inside the longer `outer`. A phrase inside a longer one means what
/// the longer one says: "vina noastră" (our fault) is no apology inside "nu e vina
/// noastră", "your fault" no blame inside "not your fault", "reducere" one finding with
/// "% reducere".
pub fn strictly_contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer != inner
}

/// Dashes that introduce a sign-off ("– Maria", "-Maria").
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '~')
}
