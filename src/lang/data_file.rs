//! The language data file format: `[section]` headers, one entry a line, `#` comments.
//!
//! A list section holds phrases (see `text::phrases`); a `[texts]` section holds
//! `key: value` lines. Unknown or missing sections are errors, so a typo in a data file
//! fails the tests instead of silently emptying a list.

use std::collections::BTreeMap;
use std::fmt;

use crate::text::pattern::SEPARATOR;
use crate::text::PhraseList;

/// A parsed data file whose sections are taken out one by one.
pub struct DataFile<'a> {
    sections: BTreeMap<&'a str, Vec<&'a str>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataFileError {
    EntryBeforeSection { line: usize },
    DuplicateSection { name: String },
    MissingSection { name: String },
    UnknownSection { name: String },
    MissingText { key: String },
    MalformedText { line: String },
    MalformedPair { section: &'static str, line: String },
    MalformedNumber { line: String },
    MissingNumber { section: String, key: String },
}

impl fmt::Display for DataFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataFileError::EntryBeforeSection { line } => write!(f, "line {line}: entry before any [section]"),
            DataFileError::DuplicateSection { name } => write!(f, "section [{name}] appears twice"),
            DataFileError::MissingSection { name } => write!(f, "section [{name}] is missing"),
            DataFileError::UnknownSection { name } => write!(f, "section [{name}] is not used by the linter"),
            DataFileError::MissingText { key } => write!(f, "[texts] has no `{key}:` line"),
            DataFileError::MalformedText { line } => write!(f, "[texts] line {line:?} is not `key: value`"),
            DataFileError::MalformedPair { section, line } => write!(f, "[{section}] line {line:?} is not `a => b`"),
            DataFileError::MalformedNumber { line } => write!(f, "line {line:?} is not `key: number`"),
            DataFileError::MissingNumber { section, key } => write!(f, "[{section}] has no `{key}:` line"),
        }
    }
}

impl std::error::Error for DataFileError {}

impl<'a> DataFile<'a> {
    pub fn parse(source: &'a str) -> Result<Self, DataFileError> {
        let mut sections: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        // The section being read, put in the map when the next one starts: one map look-up
        // per section, not per line (a third of parsing the shipped files).
        let mut current: Option<(&str, Vec<&str>)> = None;
        let mut close = |section: Option<(&'a str, Vec<&'a str>)>| match section {
            Some((name, lines)) => match sections.insert(name, lines) {
                Some(_) => Err(DataFileError::DuplicateSection { name: name.to_string() }),
                None => Ok(()),
            },
            None => Ok(()),
        };
        for (number, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                close(current.replace((name, Vec::new())))?;
                continue;
            }
            let (_, lines) = current.as_mut().ok_or(DataFileError::EntryBeforeSection { line: number + 1 })?;
            lines.push(line);
        }
        close(current)?;
        Ok(DataFile { sections })
    }

    /// The lines of a section, removing it.
    fn take(&mut self, name: &str) -> Result<std::vec::IntoIter<&'a str>, DataFileError> {
        self.sections
            .remove(name)
            .map(Vec::into_iter)
            .ok_or_else(|| DataFileError::MissingSection { name: name.to_string() })
    }

    /// The raw lines of a section that is not a phrase list, removing it.
    pub fn lines(&mut self, name: &str) -> Result<impl Iterator<Item = &'a str>, DataFileError> {
        self.check_plain(name);
        self.take(name)
    }

    /// The raw lines of a section only some files have, removing it; none when absent.
    pub fn optional_lines(&mut self, name: &str) -> Vec<&'a str> {
        self.check_plain(name);
        self.sections.remove(name).unwrap_or_default()
    }

    /// A section as a phrase list, removing it.
    pub fn list(&mut self, name: &str) -> Result<PhraseList, DataFileError> {
        Ok(PhraseList::new(self.take(name)?))
    }

    /// A section of `key: number` lines, removing it.
    pub fn numbers(&mut self, name: &str) -> Result<Numbers, DataFileError> {
        // A loop rather than `collect` into a `Result`: smaller in the Wasm (docs/SIZE.md).
        let mut values = Vec::new();
        for line in self.lines(name)? {
            let malformed = || DataFileError::MalformedNumber { line: line.to_string() };
            let (key, value) = line.split_once(':').ok_or_else(malformed)?;
            values.push((key.trim().to_string(), value.trim().parse().map_err(|_| malformed())?));
        }
        Ok(Numbers { section: name.to_string(), values })
    }

    /// One `key: value` line of the `[texts]` section.
    pub fn text(&mut self, key: &str) -> Result<String, DataFileError> {
        let lines = self.sections.get("texts").map(Vec::as_slice).unwrap_or_default();
        self.check_plain("texts");
        for line in lines {
            let (k, v) = line.split_once(':').ok_or_else(|| DataFileError::MalformedText { line: line.to_string() })?;
            if k.trim() == key {
                // Trailing spaces matter to fixes ("Hi {name}! "): a value is quoted when
                // it needs them.
                let v = v.trim();
                return Ok(v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(v).to_string());
            }
        }
        Err(DataFileError::MissingText { key: key.to_string() })
    }

    /// Checks, in debug builds (the tests), that no line of section `name` bears the mark of
    /// a compiled phrase: build.rs compiles every section of a language file except those it
    /// names in `PLAIN_SECTIONS`, and cannot ask this crate which sections are read as plain
    /// lines. A plain section missing from that list would be read with its compiled places
    /// appended.
    fn check_plain(&self, name: &str) {
        debug_assert!(
            !self.sections.get(name).is_some_and(|lines| lines.iter().any(|line| line.contains(SEPARATOR))),
            "[{name}] was compiled as a phrase list: name it in build.rs's PLAIN_SECTIONS"
        );
    }

    /// Checks that every section was used.
    pub fn finish(mut self) -> Result<(), DataFileError> {
        self.sections.remove("texts");
        match self.sections.into_keys().next() {
            Some(name) => Err(DataFileError::UnknownSection { name: name.to_string() }),
            None => Ok(()),
        }
    }
}

/// The `key: number` lines of a section.
pub struct Numbers {
    section: String,
    /// A handful of lines: a list, not a map (a map type of its own would cost Wasm bytes).
    values: Vec<(String, u32)>,
}

impl Numbers {
    pub fn get(&self, key: &str) -> Result<u32, DataFileError> {
        self.values
            .iter()
            .find_map(|(k, value)| (k == key).then_some(*value))
            .ok_or_else(|| DataFileError::MissingNumber { section: self.section.clone(), key: key.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lists_and_texts() {
        let mut file = DataFile::parse("# c\n[a]\none\ntwo words\n[texts]\ngreeting: \"Hi {name}! \"\n").unwrap();
        assert_eq!(file.list("a").unwrap().len(), 2);
        assert_eq!(file.text("greeting").unwrap(), "Hi {name}! ");
        file.finish().unwrap();
    }

    #[test]
    fn reads_numbers() {
        let mut file = DataFile::parse("[w]\nthreshold: 3\n[bad]\nx: many\n").unwrap();
        let numbers = file.numbers("w").unwrap();
        assert_eq!(numbers.get("threshold"), Ok(3));
        assert_eq!(numbers.get("other").unwrap_err().to_string(), "[w] has no `other:` line");
        assert!(matches!(file.numbers("bad"), Err(DataFileError::MalformedNumber { .. })));
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "PLAIN_SECTIONS")]
    fn a_plain_section_compiled_as_phrases_is_caught() {
        let compiled = format!("[own_hosts]\nfacebook.com{SEPARATOR}facebook+com\n");
        let _ = DataFile::parse(&compiled).unwrap().lines("own_hosts").map(Iterator::count);
    }

    #[test]
    fn reports_mistakes() {
        assert_eq!(DataFile::parse("x\n").err(), Some(DataFileError::EntryBeforeSection { line: 1 }));
        assert!(matches!(DataFile::parse("[a]\n[a]\n"), Err(DataFileError::DuplicateSection { .. })));
        let mut file = DataFile::parse("[a]\nx\n[typo]\ny\n").unwrap();
        assert!(matches!(file.list("b"), Err(DataFileError::MissingSection { .. })));
        file.list("a").unwrap();
        assert_eq!(file.finish().unwrap_err().to_string(), "section [typo] is not used by the linter");
    }
}
