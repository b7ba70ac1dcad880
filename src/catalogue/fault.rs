//! A stored or imported value that cannot be used: the path of the field at fault and a
//! message of the catalogue saying what to correct. The path (`avoid[2].phrase`,
//! `parts.rowTime[0].read`) is the document's own keys, never translated; only the
//! message is rendered in the UI language, and only when shown.

use std::fmt;

use super::Message;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The path of the field at fault; `None` for the document as a whole (its syntax,
    /// its size).
    pub field: Option<String>,
    pub message: Message,
}

impl Fault {
    /// A fault of the field at `path`; an empty path is the document as a whole.
    pub fn at(path: &str, message: Message) -> Fault {
        Fault { field: (!path.is_empty()).then(|| path.to_string()), message }
    }

    /// A fault of the document as a whole.
    pub fn whole(message: Message) -> Fault {
        Fault { field: None, message }
    }

    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The same fault inside the field `parent` of a larger document: `rowTime[0].read`
    /// under `parts` is `parts.rowTime[0].read`; an index (`[0]`) joins without a dot.
    pub fn under(mut self, parent: &str) -> Fault {
        let mut path = parent.to_string();
        if let Some(field) = self.field.take() {
            if !field.starts_with('[') {
                path.push('.');
            }
            path.push_str(&field);
        }
        self.field = Some(path);
        self
    }

    /// The same fault inside the item `index` of a list: `css` in the first is `[0].css`.
    pub fn in_item(self, index: usize) -> Fault {
        self.under(&format!("[{index}]"))
    }

    /// Each of `faults` as shown, in the UI language.
    pub fn texts(faults: &[Fault]) -> Vec<String> {
        faults.iter().map(ToString::to_string).collect()
    }
}

/// `avoid[2].phrase: …` in the UI language; the message alone for the whole document.
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Fault {}
