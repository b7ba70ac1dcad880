//! Byte offsets to UTF-16 offsets.
//!
//! Rules work on Rust string slices (byte offsets); the DOM and JavaScript count UTF-16
//! code units. Every span leaves the core through this one conversion.

use std::cell::Cell;

/// Converts byte offsets of one text to UTF-16 code-unit offsets.
pub struct Utf16Map<'a> {
    text: &'a str,
    ascii: bool,
    /// The last conversion (byte, UTF-16): findings come mostly in text order, so the next
    /// one usually continues from here instead of counting from the start again.
    last: Cell<(usize, usize)>,
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Map { text, ascii: text.is_ascii(), last: Cell::new((0, 0)) }
    }

    /// The UTF-16 offset of byte offset `byte`, which must lie on a char boundary
    /// (offsets past the end clamp to the end).
    pub fn offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let (from_byte, from_unit) = match self.last.get() {
            (b, u) if b <= byte => (b, u),
            _ => (0, 0),
        };
        let counted: usize = self.text.get(from_byte..byte).map_or(0, |s| s.chars().map(char::len_utf16).sum());
        self.last.set((byte, from_unit + counted));
        from_unit + counted
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
        // Out of order after the cursor moved on.
        assert_eq!(map.offset(x), 5);
        assert_eq!(map.offset(0), 0);
        assert_eq!(map.offset(2), 1);
    }
}
