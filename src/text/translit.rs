//! A name's sound in Latin letters, so that one name written in two scripts is recognised:
//! a customer listed as "Priya" greeted as "प्रिया", "Անի" written "Ani", "अर्जुन" as
//! "Arjun". Devanagari and Armenian are transliterated letter by letter (Devanagari with
//! its inherent vowel, dropped at the end of a word as Hindi speech drops it), then every
//! spelling is reduced to a skeleton that forgets what romanisations disagree on: long
//! vowels written twice ("aa", "ee", "oo") or as i/u, aspiration ("kh", "bh"), "w" for
//! "v", "x" and "q" for "k". Two names match when their skeletons are equal: coarse on
//! purpose, and only used between different scripts, where the alternative is no match.

/// The skeleton of `word` (any script); empty when it has no letter this module knows.
pub fn name_skeleton(word: &str) -> String {
    let latin = to_latin(&crate::text::case::to_lower(word));
    skeleton(&latin)
}

/// Devanagari consonants and their Latin letters (nukta forms fold to their base).
const DEVANAGARI_CONSONANTS: [(char, &str); 37] = [
    ('क', "k"),
    ('ख', "kh"),
    ('ग', "g"),
    ('घ', "gh"),
    ('ङ', "n"),
    ('च', "ch"),
    ('छ', "chh"),
    ('ज', "j"),
    ('झ', "jh"),
    ('ञ', "n"),
    ('ट', "t"),
    ('ठ', "th"),
    ('ड', "d"),
    ('ढ', "dh"),
    ('ण', "n"),
    ('त', "t"),
    ('थ', "th"),
    ('द', "d"),
    ('ध', "dh"),
    ('न', "n"),
    ('प', "p"),
    ('फ', "ph"),
    ('ब', "b"),
    ('भ', "bh"),
    ('म', "m"),
    ('य', "y"),
    ('र', "r"),
    ('ल', "l"),
    ('व', "v"),
    ('श', "sh"),
    ('ष', "sh"),
    ('स', "s"),
    ('ह', "h"),
    // Precomposed letters with a nukta; a decomposed nukta is dropped before the lookup.
    ('\u{0958}', "q"),
    ('\u{095B}', "z"),
    ('\u{095C}', "r"),
    ('\u{095E}', "f"),
];

/// Devanagari vowels, standing alone or as signs after a consonant.
const DEVANAGARI_VOWELS: [(char, &str); 22] = [
    ('अ', "a"),
    ('आ', "aa"),
    ('इ', "i"),
    ('ई', "ee"),
    ('उ', "u"),
    ('ऊ', "oo"),
    ('ऋ', "ri"),
    ('ए', "e"),
    ('ऐ', "ai"),
    ('ओ', "o"),
    ('औ', "au"),
    ('ा', "aa"),
    ('ि', "i"),
    ('ी', "ee"),
    ('ु', "u"),
    ('ू', "oo"),
    ('ृ', "ri"),
    ('ॅ', "e"),
    ('े', "e"),
    ('ै', "ai"),
    ('ो', "o"),
    ('ौ', "au"),
];

/// Armenian letters (lower case) and their Latin letters; "ու" is read as one.
const ARMENIAN: [(char, &str); 39] = [
    ('ա', "a"),
    ('բ', "b"),
    ('գ', "g"),
    ('դ', "d"),
    ('ե', "e"),
    ('զ', "z"),
    ('է', "e"),
    ('ը', "y"),
    ('թ', "t"),
    ('ժ', "zh"),
    ('ի', "i"),
    ('լ', "l"),
    ('խ', "kh"),
    ('ծ', "ts"),
    ('կ', "k"),
    ('հ', "h"),
    ('ձ', "dz"),
    ('ղ', "gh"),
    ('ճ', "ch"),
    ('մ', "m"),
    ('յ', "y"),
    ('ն', "n"),
    ('շ', "sh"),
    ('ո', "o"),
    ('չ', "ch"),
    ('պ', "p"),
    ('ջ', "j"),
    ('ռ', "r"),
    ('ս', "s"),
    ('վ', "v"),
    ('տ', "t"),
    ('ր', "r"),
    ('ց', "ts"),
    ('ւ', "v"),
    ('փ', "p"),
    ('ք', "k"),
    ('օ', "o"),
    ('ֆ', "f"),
    ('և', "ev"),
];

const VIRAMA: char = '्';
const NUKTA: char = '़';

/// `c`'s Latin letters in `table`, which is sorted: each Devanagari or Armenian letter of
/// a draft is looked up when a name is sought across scripts, and walking the tables was
/// a tenth of a Hindi lint.
fn lookup(table: &[(char, &'static str)], c: char) -> Option<&'static str> {
    let at = table.binary_search_by_key(&c, |&(letter, _)| letter).ok()?;
    Some(table[at].1)
}

/// `word` (lower case) in Latin letters; Latin letters stay, other characters go.
fn to_latin(word: &str) -> String {
    let chars: Vec<char> = word.chars().filter(|&c| c != NUKTA).collect();
    let mut latin = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Most names are in Latin letters, and numbers are words too: ASCII before the
        // tables, which hold none of it.
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                latin.push(c);
            }
        } else if ('\u{0900}'..='\u{097F}').contains(&c) {
            push_devanagari(&chars, i, &mut latin);
        } else if ('\u{0531}'..='\u{058F}').contains(&c) {
            // "ու" is one sound.
            if c == 'ո' && chars.get(i + 1) == Some(&'ւ') {
                latin.push('u');
                i += 1;
            } else if let Some(letter) = lookup(&ARMENIAN, c) {
                latin.push_str(letter);
            }
        } else if let Some(base) = crate::text::fold(&c.to_string()).chars().find(char::is_ascii_alphabetic) {
            // Latin letters with marks: "ș", "ā".
            latin.push(base);
        }
        i += 1;
    }
    latin
}

/// The Devanagari character `chars[i]` in Latin letters, onto `latin`.
fn push_devanagari(chars: &[char], i: usize, latin: &mut String) {
    let c = chars[i];
    if let Some(consonant) = lookup(&DEVANAGARI_CONSONANTS, c) {
        latin.push_str(consonant);
        // The inherent vowel, unless a sign or virama follows, or the word ends here.
        let next = chars.get(i + 1).copied();
        let silenced = next.is_none_or(|n| n == VIRAMA || lookup(&DEVANAGARI_VOWELS, n).is_some());
        if !silenced && next.is_some_and(|n| lookup(&DEVANAGARI_CONSONANTS, n).is_some() || n == 'ं') {
            latin.push('a');
        }
    } else if let Some(vowel) = lookup(&DEVANAGARI_VOWELS, c) {
        latin.push_str(vowel);
    } else if c == 'ं' || c == 'ँ' {
        latin.push('n');
    }
}

/// What romanisations of one name share: see the module's comment. One pass, without
/// the copies that replacing in turn would make: it runs for every word of a draft in
/// Armenian or Devanagari letters when a name is looked for.
fn skeleton(latin: &str) -> String {
    let mut skeleton = String::with_capacity(latin.len());
    let mut previous = None;
    let mut chars = latin.chars().peekable();
    while let Some(c) = chars.next() {
        // "ee" is "i" and "oo" is "u" (left to right); "w" is "v"; "x" and "q" are "k".
        let c = match c {
            'e' | 'o' if chars.peek() == Some(&c) => {
                chars.next();
                if c == 'e' {
                    'i'
                } else {
                    'u'
                }
            }
            'w' => 'v',
            'x' | 'q' => 'k',
            c => c,
        };
        // Aspiration and digraphs: "kh", "bh", "sh", "ch" keep their first letter.
        let aspirated = c == 'h' && previous.is_some_and(|p: char| !"aeiouy".contains(p));
        previous = Some(c);
        // A letter written twice is one sound: "aa", "tt".
        if !aspirated && !skeleton.ends_with(c) {
            skeleton.push(c);
        }
    }
    skeleton
}

#[cfg(test)]
mod tests {
    use super::{name_skeleton, ARMENIAN, DEVANAGARI_CONSONANTS, DEVANAGARI_VOWELS};

    #[test]
    fn one_name_in_three_scripts_has_one_skeleton() {
        for (a, b) in [
            ("Priya", "प्रिया"),
            ("Seema", "सीमा"),
            ("Rahul", "राहुल"),
            ("Arjun", "अर्जुन"),
            ("Neha", "नेहा"),
            ("Sunil", "सुनील"),
            ("Ani", "Անի"),
            ("Armen", "Արմեն"),
            ("Lusine", "Լուսինե"),
            ("Narek", "Նարեկ"),
            ("Anahit", "Անահիտ"),
        ] {
            assert_eq!(name_skeleton(a), name_skeleton(b), "{a} and {b}");
            assert!(name_skeleton(a).len() >= 3, "{a}");
        }
    }

    #[test]
    fn romanisations_meet_in_the_skeleton() {
        for (a, b) in [("Khachatur", "Xachatur"), ("Ashot", "Asot"), ("Vahe", "Wahe"), ("Seema", "Sima")] {
            assert_eq!(name_skeleton(a), name_skeleton(b), "{a} and {b}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [("Ani", "Անահիտ"), ("Rahul", "रोहन"), ("Armen", "Արամ"), ("Ana", "अनीता")]
        {
            assert_ne!(name_skeleton(a), name_skeleton(b), "{a} and {b}");
        }
    }

    #[test]
    fn the_tables_are_sorted_for_lookup() {
        for table in [&DEVANAGARI_CONSONANTS[..], &DEVANAGARI_VOWELS, &ARMENIAN] {
            assert!(table.windows(2).all(|pair| pair[0].0 < pair[1].0), "{table:?}");
        }
    }

    #[test]
    fn characters_it_does_not_know_are_left_out() {
        assert_eq!(name_skeleton("李"), "");
        assert_eq!(name_skeleton("Ștefan"), "stefan");
    }
}
