//! Splits a timestamp into numbers, folded words and the separators that matter.
//!
//! Tolerant by design: case and diacritics are folded (`crate::text::fold`: ş/ș, ţ/ț,
//! nukta), every Unicode space (NBSP, the narrow NBSP newer ICU puts before "PM") and bidi
//! mark separates, Devanagari digits are digits, and a dot inside a word is dropped
//! ("a.m." is "am") while one after it ends the word ("nov.").

use crate::text::fold;

/// The longest input worth reading; longer text is not a timestamp.
pub const MAX_INPUT_CHARS: usize = 160;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A run of digits: its value and how many digits were written ("05" has two).
    Number {
        value: u32,
        digits: u8,
    },
    Word(String),
    Colon,
    Slash,
    Dot,
    Dash,
}

/// The digit value of an ASCII or Devanagari digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0966}'..='\u{096F}' => Some(c as u32 - 0x0966),
        _ => None,
    }
}

/// Characters that only separate: spaces, bidi marks, commas and the like.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2066}'
                ..='\u{2069}'
                    | '\u{061C}'
                    | '\u{FEFF}'
                    | ','
                    | ';'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '·'
                    | '•'
                    | '|'
                    | '\u{055D}'
                    | '\u{0964}'
                    | '\u{0965}'
                    | '"'
                    | '\''
                    | '!'
                    | '?'
                    | '@'
                    | '…'
                    | '‘'
                    | '’'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
        )
}

fn punctuation(c: char) -> Option<Token> {
    match c {
        // The Armenian full stop looks like a colon and is sometimes typed for one.
        ':' | '\u{0589}' => Some(Token::Colon),
        '/' => Some(Token::Slash),
        // U+0970 is the Devanagari abbreviation sign ("मि॰").
        '.' | '\u{0970}' => Some(Token::Dot),
        '-' | '‐' | '‑' | '–' | '—' => Some(Token::Dash),
        _ => None,
    }
}

/// The tokens of `text`, or `None` when it is too long or has a number too long to be part
/// of a date.
pub fn tokens(text: &str) -> Option<Vec<Token>> {
    if text.chars().count() > MAX_INPUT_CHARS {
        return None;
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let mut number: Option<(u32, u8)> = None;
    let mut chars = text.chars().peekable();
    let flush_word = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(fold(word).into_owned()));
            word.clear();
        }
    };
    while let Some(c) = chars.next() {
        if let Some(d) = digit(c) {
            flush_word(&mut word, &mut out);
            let (value, digits) = number.unwrap_or((0, 0));
            if digits >= 8 {
                return None;
            }
            number = Some((value * 10 + d, digits + 1));
            continue;
        }
        if let Some((value, digits)) = number.take() {
            out.push(Token::Number { value, digits });
        }
        if is_separator(c) {
            flush_word(&mut word, &mut out);
        } else if let Some(token) = punctuation(c) {
            let next_is_letter =
                chars.peek().is_some_and(|&n| digit(n).is_none() && !is_separator(n) && punctuation(n).is_none());
            if token == Token::Dot && !word.is_empty() && next_is_letter {
                continue; // "a.m."
            }
            flush_word(&mut word, &mut out);
            out.push(token);
        } else {
            word.push(c);
        }
    }
    if let Some((value, digits)) = number {
        out.push(Token::Number { value, digits });
    }
    flush_word(&mut word, &mut out);
    Some(out)
}

/// The one word a data-file entry stands for, normalised as input is, or `None` when the
/// entry is not exactly one word.
pub fn single_word(entry: &str) -> Option<String> {
    let mut words = tokens(entry)?.into_iter().filter(|t| *t != Token::Dot);
    match (words.next(), words.next()) {
        (Some(Token::Word(w)), None) => Some(w),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Token {
        Token::Word(w.to_string())
    }

    fn num(value: u32, digits: u8) -> Token {
        Token::Number { value, digits }
    }

    #[test]
    fn splits_numbers_words_and_separators() {
        assert_eq!(
            tokens("Nov. 21, 2026,\u{00A0}2:32\u{202F}P.M.").unwrap(),
            vec![
                word("nov"),
                Token::Dot,
                num(21, 2),
                num(2026, 4),
                num(2, 1),
                Token::Colon,
                num(32, 2),
                word("pm"),
                Token::Dot
            ]
        );
        assert_eq!(tokens("5m").unwrap(), vec![num(5, 1), word("m")]);
        assert_eq!(tokens("14:32-ին").unwrap(), vec![num(14, 2), Token::Colon, num(32, 2), Token::Dash, word("ին")]);
    }

    #[test]
    fn folds_case_diacritics_and_devanagari_digits() {
        assert_eq!(tokens("Săpt.").unwrap(), vec![word("sapt"), Token::Dot]);
        assert_eq!(tokens("ŞAPTE şapte").unwrap(), tokens("ȘAPTE șapte").unwrap());
        assert_eq!(tokens("२१ नव॰").unwrap(), vec![num(21, 2), word("नव"), Token::Dot]);
        assert_eq!(tokens("ՆՈՅԵՄԲԵՐԻ").unwrap(), vec![word("նոյեմբերի")]);
        assert_eq!(tokens("फ़रवरी").unwrap(), tokens("फरवरी").unwrap());
    }

    #[test]
    fn refuses_long_input_and_long_numbers() {
        assert!(tokens(&"a".repeat(MAX_INPUT_CHARS + 1)).is_none());
        assert!(tokens("123456789").is_none());
        assert_eq!(tokens("").unwrap(), vec![]);
    }

    #[test]
    fn data_entries_are_single_words() {
        assert_eq!(single_word("a.m.").as_deref(), Some("am"));
        assert_eq!(single_word("Nov."), Some("nov".to_string()));
        assert_eq!(single_word("în urmă"), None);
        assert_eq!(single_word("5"), None);
    }
}
