//! Upper and lower case for the scripts a reply to a customer is written in: Latin (with
//! the Romanian, Central European and Turkish letters), Greek, Cyrillic and Armenian;
//! Devanagari has no case. Core's `char::to_lowercase`/`to_uppercase` carry the whole of
//! Unicode's case tables, 33 KB of the Wasm (14 KB gzipped, docs/SIZE.md); a letter
//! outside these blocks keeps its case here, and each maps to one letter (`ß` stays `ß`
//! in upper case, `İ` lowers to `i`). A test checks every letter of the blocks against
//! core's mapping.

/// `c` in lower case.
pub fn lower(c: char) -> char {
    shift(c, Case::Lower)
}

/// `c` in upper case.
pub fn upper(c: char) -> char {
    shift(c, Case::Upper)
}

/// `text` in lower case.
pub fn to_lower(text: &str) -> String {
    text.chars().map(lower).collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Upper,
}

/// A block whose capitals are `offset` code points before their small letters:
/// `capitals` are the capitals' range.
struct Offset {
    capitals: (u32, u32),
    offset: u32,
}

const OFFSETS: [Offset; 9] = [
    Offset { capitals: (0x41, 0x5A), offset: 0x20 },   // Latin A–Z
    Offset { capitals: (0xC0, 0xD6), offset: 0x20 },   // À–Ö
    Offset { capitals: (0xD8, 0xDE), offset: 0x20 },   // Ø–Þ
    Offset { capitals: (0x391, 0x3A1), offset: 0x20 }, // Greek Α–Ρ
    Offset { capitals: (0x3A3, 0x3AB), offset: 0x20 }, // Σ–Ϋ
    Offset { capitals: (0x388, 0x38A), offset: 0x25 }, // Έ–Ί
    Offset { capitals: (0x410, 0x42F), offset: 0x20 }, // Cyrillic А–Я
    Offset { capitals: (0x400, 0x40F), offset: 0x50 }, // Ѐ–Џ
    Offset { capitals: (0x531, 0x556), offset: 0x30 }, // Armenian Ա–Ֆ
];

/// Ranges where capital and small letters alternate: the capital on even code points
/// (`even_capitals`) or on odd ones.
const PAIRS: [(u32, u32, bool); 16] = [
    (0x100, 0x12F, true),  // Ā ā … Į į
    (0x132, 0x137, true),  // Ĳ ĳ … Ķ ķ
    (0x139, 0x148, false), // Ĺ ĺ … Ň ň
    (0x14A, 0x177, true),  // Ŋ ŋ … Ŷ ŷ (Ş ş, Ţ ţ)
    (0x179, 0x17E, false), // Ź ź … Ž ž
    (0x1A0, 0x1A5, true),  // Ơ ơ … Ƥ ƥ (Vietnamese)
    (0x1CD, 0x1DC, false), // Ǎ ǎ … Ǜ ǜ (Pinyin tones)
    (0x1DE, 0x1EF, true),  // Ǟ ǟ … Ǯ ǯ
    (0x1F8, 0x21F, true),  // Ǹ ǹ … Ș ș, Ț ț
    (0x222, 0x233, true),  // Ȣ ȣ … Ȳ ȳ
    (0x246, 0x24F, true),  // Ɇ ɇ … Ɏ ɏ
    (0x3D8, 0x3EF, true),  // Ϙ ϙ … Ϯ ϯ
    (0x460, 0x481, true),  // Ѡ ѡ … Ҁ ҁ
    (0x48A, 0x4BF, true),  // Ҋ ҋ … Ҿ ҿ
    (0x4C1, 0x4CE, false), // Ӂ ӂ … Ӎ ӎ
    (0x4D0, 0x52F, true),  // Ӑ ӑ … Ԯ ԯ
];

/// Single letters whose pair is not at a rule's distance: (capital, small).
const SINGLES: [(char, char); 5] = [('Ÿ', 'ÿ'), ('Ά', 'ά'), ('Ό', 'ό'), ('Ύ', 'ύ'), ('Ώ', 'ώ')];

/// Past the last cased letter these blocks have (Armenian ֆ): Devanagari, emoji and the
/// rest leave at once, as this runs for every letter `fold` reads.
const LAST_CASED: u32 = 0x586;

fn shift(c: char, to: Case) -> char {
    let code = c as u32;
    if !(0x41..=LAST_CASED).contains(&code) {
        return c;
    }
    // Armenian is one block with one offset, answered before the tables are walked (the
    // walk was a fifth of an Armenian lint when profiled).
    if (0x531..=LAST_CASED).contains(&code) {
        let moved = match to {
            Case::Lower if code <= 0x556 => code + 0x30,
            Case::Upper if code >= 0x561 => code - 0x30,
            _ => code,
        };
        return char::from_u32(moved).unwrap_or(c);
    }
    for Offset { capitals: (first, last), offset } in OFFSETS {
        let (from, moved) = match to {
            Case::Lower => ((first, last), code + offset),
            Case::Upper => ((first + offset, last + offset), code.wrapping_sub(offset)),
        };
        if (from.0..=from.1).contains(&code) {
            return char::from_u32(moved).unwrap_or(c);
        }
    }
    for (first, last, even_capitals) in PAIRS {
        if (first..=last).contains(&code) {
            let capital = (code % 2 == 0) == even_capitals;
            let moved = match (to, capital) {
                (Case::Lower, true) => code + 1,
                (Case::Upper, false) => code - 1,
                _ => code,
            };
            return char::from_u32(moved).unwrap_or(c);
        }
    }
    match (to, c) {
        (Case::Lower, 'İ') => 'i',
        (Case::Upper, 'ı') => 'I',
        (Case::Upper, 'ς') => 'Σ',
        (Case::Upper, 'ſ') => 'S',
        (Case::Upper, 'µ') => 'Μ',
        _ => SINGLES
            .iter()
            .find_map(|&(capital, small)| match to {
                Case::Lower => (c == capital).then_some(small),
                Case::Upper => (c == small).then_some(capital),
            })
            .unwrap_or(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks this module covers, whole.
    const BLOCKS: [(u32, u32); 6] = [
        (0x0000, 0x024F), // Basic Latin to Latin Extended-B
        (0x0370, 0x03FF), // Greek
        (0x0400, 0x052F), // Cyrillic and its supplement
        (0x0530, 0x058F), // Armenian
        (0x0900, 0x097F), // Devanagari
        (0x2000, 0x206F), // general punctuation
    ];

    /// Core's mapping where it gives one letter; `None` where it gives several.
    fn core(c: char, to: Case) -> Option<char> {
        let mut mapped: Vec<char> = match to {
            Case::Lower => c.to_lowercase().collect(),
            Case::Upper => c.to_uppercase().collect(),
        };
        (mapped.len() == 1).then(|| mapped.remove(0))
    }

    #[test]
    fn the_letters_of_our_scripts_map_as_core_maps_them() {
        // Letters of these blocks that this module leaves alone: rare letters of other
        // languages (African and Americanist Latin, archaic Greek and Cyrillic).
        let mut left_alone = Vec::new();
        for (first, last) in BLOCKS {
            for c in (first..=last).filter_map(char::from_u32) {
                for to in [Case::Lower, Case::Upper] {
                    let ours = shift(c, to);
                    match core(c, to) {
                        Some(expected) if ours == expected => {}
                        Some(_) if ours == c => left_alone.push(c),
                        Some(expected) => panic!("{c:?} ({:04X}) maps to {ours:?}, core to {expected:?}", c as u32),
                        None => assert!(ours == c || ours.is_ascii(), "{c:?}: several letters in core, ours {ours:?}"),
                    }
                }
            }
        }
        // Every letter of en, ro, hy, hi and the common European languages is mapped.
        let text = "ĂÂÎȘȚŞŢăâîșțşţ ÀÉÑÖÜßàéñöü ŁŚŹŻłśźż ČŠŽčšž ΑΩάώ АЯЁёЖж ԱՖաֆ ĞİŞğış";
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            assert!(!left_alone.contains(&c), "{c:?} is left alone");
        }
        // What is left: rare letters of other alphabets (African and Americanist Latin,
        // Greek symbols, Old Church Slavonic).
        assert!(left_alone.len() < 130, "{} letters left alone: {left_alone:?}", left_alone.len());
    }

    #[test]
    fn words_in_each_script() {
        assert_eq!(to_lower("ȘTIU, ÎNȚELEG"), "știu, înțeleg");
        assert_eq!(to_lower("ԲԱՐԵՎ ՁԵԶ"), "բարեվ ձեզ");
        assert_eq!(to_lower("ПРИВЕТ Ёлка"), "привет ёлка");
        assert_eq!(to_lower("ΚΑΛΗΜΈΡΑ"), "καλημέρα");
        assert_eq!(to_lower("नमस्ते HELLO"), "नमस्ते hello");
        assert_eq!(upper('ș'), 'Ș');
        assert_eq!(upper('ա'), 'Ա');
        assert_eq!(upper('ß'), 'ß');
        assert_eq!(lower('İ'), 'i');
        assert_eq!(upper('😀'), '😀');
    }
}
