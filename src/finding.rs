//! What a lint returns: findings with spans, explanations and fixes; their texts are
//! [`Message`]s of the catalogue, rendered where they are shown.
//!
//! Offsets in these types are UTF-16 code units of the draft, as in the DOM and in
//! JavaScript strings, once they leave [`crate::lint`]. Inside the rules they are byte
//! offsets; `lint` converts them in one place.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogue::Message;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Replace `start..end` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A repair the agent can apply with one click: all its edits at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub label: Message,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable id, e.g. `tone-shout`.
    pub rule: &'static str,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    /// One line saying what is wrong here.
    pub message: Message,
    /// Why it matters, citing the guideline.
    pub explanation: Message,
    pub fixes: Vec<Fix>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    OutOfBounds {
        end: usize,
        len: usize,
    },
    Reversed {
        start: usize,
        end: usize,
    },
    Overlapping,
    /// The result would hold half of a surrogate pair.
    SplitsCharacter,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OutOfBounds { end, len } => write!(f, "edit ends at {end}, past the text's {len} UTF-16 units"),
            EditError::Reversed { start, end } => write!(f, "edit starts at {start}, after its end {end}"),
            EditError::Overlapping => f.write_str("edits overlap"),
            EditError::SplitsCharacter => f.write_str("edit splits a character"),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies edits (UTF-16 offsets into `text`) all at once, as a fix does.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |e| (e.start as u64, e.end as u64));
    let mut out = Vec::with_capacity(units.len());
    let mut copied = 0;
    for edit in sorted {
        if edit.start > edit.end {
            return Err(EditError::Reversed { start: edit.start, end: edit.end });
        }
        if edit.end > units.len() {
            return Err(EditError::OutOfBounds { end: edit.end, len: units.len() });
        }
        if edit.start < copied {
            return Err(EditError::Overlapping);
        }
        out.extend_from_slice(&units[copied..edit.start]);
        out.extend(edit.text.encode_utf16());
        copied = edit.end;
    }
    out.extend_from_slice(&units[copied..]);
    String::from_utf16(&out).map_err(|_| EditError::SplitsCharacter)
}

/// The edits of a fix as one replacement of the smallest span covering them all, with
/// the same result as [`apply_edits`]. An editor records one replacement as one undo
/// step, so the agent undoes a whole fix with one Ctrl+Z.
pub fn merge_edits(text: &str, edits: &[Edit]) -> Result<Edit, EditError> {
    let start = edits.iter().map(|e| e.start).min().unwrap_or(0);
    let end = edits.iter().map(|e| e.end).max().unwrap_or(0);
    let units: Vec<u16> = text.encode_utf16().collect();
    if end > units.len() {
        return Err(EditError::OutOfBounds { end, len: units.len() });
    }
    let span = String::from_utf16(&units[start.min(end)..end]).map_err(|_| EditError::SplitsCharacter)?;
    let shifted: Vec<Edit> =
        edits.iter().map(|e| Edit { start: e.start - start, end: e.end - start, text: e.text.clone() }).collect();
    Ok(Edit { start, end, text: apply_edits(&span, &shifted)? })
}

/// Where a caret at `caret` belongs after `edit`: it keeps its place in the text around
/// the edit, and goes to the end of the new text when the edit replaced where it was.
pub fn caret_after(caret: usize, edit: &Edit) -> usize {
    let inserted = edit.text.encode_utf16().count();
    if caret <= edit.start && !(caret == edit.start && edit.start == edit.end) {
        caret
    } else if caret >= edit.end {
        caret - (edit.end - edit.start) + inserted
    } else {
        edit.start + inserted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit { start, end, text: text.to_string() }
    }

    #[test]
    fn applies_edits_in_utf16_units() {
        // "👍" is two units: "x" starts at 2.
        assert_eq!(apply_edits("👍x", &[edit(2, 3, "y")]).unwrap(), "👍y");
        assert_eq!(apply_edits("ab", &[edit(2, 2, "!"), edit(0, 0, "¡")]).unwrap(), "¡ab!");
    }

    #[test]
    fn rejects_bad_edits() {
        assert_eq!(apply_edits("ab", &[edit(1, 3, "")]), Err(EditError::OutOfBounds { end: 3, len: 2 }));
        assert_eq!(apply_edits("ab", &[edit(0, 2, ""), edit(1, 1, "")]), Err(EditError::Overlapping));
        assert_eq!(apply_edits("👍", &[edit(1, 2, "")]), Err(EditError::SplitsCharacter));
        assert_eq!(apply_edits("ab", &[edit(2, 1, "")]), Err(EditError::Reversed { start: 2, end: 1 }));
    }

    #[test]
    fn merges_a_fix_into_one_replacement() {
        let text = "hello world";
        let edits = [edit(0, 1, "H"), edit(11, 11, "\n– Ana")];
        let merged = merge_edits(text, &edits).unwrap();
        assert_eq!((merged.start, merged.end), (0, 11));
        assert_eq!(apply_edits(text, &[merged]).unwrap(), apply_edits(text, &edits).unwrap());
        assert_eq!(merge_edits("ab", &[edit(1, 1, "x")]).unwrap(), edit(1, 1, "x"));
        assert_eq!(merge_edits("ab", &[edit(1, 4, "")]), Err(EditError::OutOfBounds { end: 4, len: 2 }));
        assert_eq!(merge_edits("👍", &[edit(1, 2, "")]), Err(EditError::SplitsCharacter));
    }

    #[test]
    fn the_caret_keeps_its_place() {
        let insert_at_start = edit(0, 0, "Hi! ");
        assert_eq!(caret_after(5, &insert_at_start), 9);
        assert_eq!(caret_after(0, &insert_at_start), 4);
        let replace = edit(2, 6, "ab");
        assert_eq!(caret_after(1, &replace), 1);
        assert_eq!(caret_after(2, &replace), 2);
        assert_eq!(caret_after(4, &replace), 4);
        assert_eq!(caret_after(8, &replace), 6);
    }
}
