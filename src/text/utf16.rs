//! Byte offsets to UTF-16 offsets.
//!
//! Rules work on Rust string slices (byte offsets); the DOM and JavaScript count UTF-16
//! code units. Every span leaves the core through this one conversion.

/// Converts byte offsets of one text to UTF-16 code-unit offsets.
pub struct Utf16Map<'a> {
    text: &'a str,
    ascii: bool,
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Map { text, ascii: text.is_ascii() }
    }

    /// The UTF-16 offset of byte offset `byte`, which must lie on a char boundary
    /// (offsets past the end clamp to the end).
    pub fn offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        self.text.get(..byte).map_or(0, |prefix| prefix.chars().map(char::len_utf16).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16Map;

    #[test]
    fn ascii_is_identity() {
        assert_eq!(Utf16Map::new("hello").offset(3), 3);
    }

    #[test]
    fn counts_code_units_not_bytes() {
        let text = "ș👍🏽x";
        let map = Utf16Map::new(text);
        let x = text.find('x').unwrap();
        // ș is 1 unit, 👍 and 🏽 are 2 each.
        assert_eq!(map.offset(x), 5);
        assert_eq!(map.offset(text.len()), 6);
    }
}
