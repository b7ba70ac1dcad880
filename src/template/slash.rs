//! The `/shortcut` an agent types to call a template, like Slack's or Text Blaze's: a `/`
//! at the start of a line, then the shortcut or a few words, with the caret at the end of
//! the line. Pure text logic, so the picker's opening and closing are tested natively.

/// A slash query found at the caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlashQuery<'a> {
    /// Byte offset of the `/` (the start of the text the template replaces).
    pub start: usize,
    /// What follows the `/`, up to the caret.
    pub query: &'a str,
}

/// Longest query the picker follows, in characters: past it the agent is writing a line
/// that happens to start with `/`.
pub const MAX_QUERY_CHARS: usize = 40;

/// The slash query `text` has at the byte offset `caret`, if any: the caret's line starts
/// with `/`, the caret is at the end of that line, and what follows the `/` does not start
/// with a space and is at most [`MAX_QUERY_CHARS`] long. `None` for an offset that is not
/// a character boundary.
pub fn slash_query(text: &str, caret: usize) -> Option<SlashQuery<'_>> {
    let before = text.get(..caret)?;
    let after = text.get(caret..)?;
    if !(after.is_empty() || after.starts_with('\n')) {
        return None;
    }
    let start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let query = before[start..].strip_prefix('/')?;
    let opens = query.chars().next().is_none_or(|first| !first.is_whitespace());
    (opens && query.chars().count() <= MAX_QUERY_CHARS).then_some(SlashQuery { start, query })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_end(text: &str) -> Option<SlashQuery<'_>> {
        slash_query(text, text.len())
    }

    #[test]
    fn a_slash_at_the_start_of_a_line_opens_a_query() {
        assert_eq!(at_end("/"), Some(SlashQuery { start: 0, query: "" }));
        assert_eq!(at_end("/ref"), Some(SlashQuery { start: 0, query: "ref" }));
        assert_eq!(at_end("Hi Ana,\n/refund sent"), Some(SlashQuery { start: 8, query: "refund sent" }));
        assert_eq!(at_end("Bună,\n/rambursare"), Some(SlashQuery { start: 7, query: "rambursare" }));
        assert_eq!(at_end("/धन्यवाद"), Some(SlashQuery { start: 0, query: "धन्यवाद" }));
    }

    #[test]
    fn the_caret_must_end_the_line() {
        let text = "/ref\nmore";
        assert_eq!(slash_query(text, 4), Some(SlashQuery { start: 0, query: "ref" }));
        assert_eq!(slash_query(text, 2), None, "mid-line");
        assert_eq!(slash_query(text, text.len()), None, "on the next line");
    }

    #[test]
    fn other_slashes_are_prose() {
        for text in ["Hi /ref", "see https://example.com/ref", "/ ref", "and/or", "", "ref"] {
            assert_eq!(at_end(text), None, "{text:?}");
        }
        let long = format!("/{}", "a".repeat(MAX_QUERY_CHARS + 1));
        assert_eq!(at_end(&long), None);
        assert!(at_end(&long[..long.len() - 1]).is_some());
    }

    #[test]
    fn an_offset_inside_a_character_is_no_query() {
        assert_eq!(slash_query("/ă", 2), None);
        assert_eq!(slash_query("/ref", 99), None);
    }
}
