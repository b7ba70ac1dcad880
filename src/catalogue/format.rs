//! The catalogue file format (see `data/README.md`): one `id = text` a line, `#`
//! comments, `{name}` for an argument, `{name|one:…|other:…}` for a count's plural
//! forms and `{{`, `}}` for braces. Checked strictly when installed in debug builds (the
//! tests), every error naming its line; kept as text with an index of where each id's
//! text is, made on first use, and a message's parts read again when it is rendered (one
//! walk over the text for both, rather than a parsed copy: smaller in the Wasm).

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use super::plural::Category;
use super::Locale;

/// One language's messages: its file's text, checked.
#[derive(Debug, Default)]
pub struct Catalogue {
    text: String,
    /// Where each entry's id and text are in `text`. Every finding's message is looked up
    /// at every lint, and walking the file's lines for each (trimming and splitting every
    /// line) was a third of a lint in the Wasm; a scan of this table compares lengths
    /// first, so it reads few ids in full. (A sorted or hashed table would need the
    /// crate's sort or hash, which are not below the catalogue: tests/layers.rs.)
    /// Made when a message is first looked up.
    index: OnceLock<Vec<(Range<usize>, Range<usize>)>>,
}

/// A piece of a message's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    Literal(&'a str),
    /// `{name}`: the argument's text, number or message.
    Argument(&'a str),
    /// `{name|one:…|other:…}`: the count `name` and its forms (`one:…|other:…`).
    Plural(&'a str, &'a str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl Catalogue {
    /// Takes the catalogue of `locale`, whose plural categories every count's forms must
    /// name exactly. Debug builds check it strictly, every error naming its line: the
    /// tests, which read every shipped catalogue. Release builds (the Wasm) are only ever
    /// handed those files, and skip the check: checking and indexing all four catalogues
    /// at start-up was a third of the first lint's instructions, and a lint reads one.
    pub fn parse(text: &str, locale: Locale) -> Result<Catalogue, FormatError> {
        if cfg!(debug_assertions) {
            check(text, locale)?;
        }
        Ok(Catalogue { text: text.to_string(), index: OnceLock::new() })
    }

    /// The ids and texts, in the file's order; a line that is not `id = text` has none.
    pub(super) fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.text.lines().filter_map(entry).flatten()
    }

    /// The text of `id`.
    pub fn get(&self, id: &str) -> Option<&str> {
        let index = self.index.get_or_init(|| {
            self.entries().map(|(id, body)| (span_in(&self.text, id), span_in(&self.text, body))).collect()
        });
        let same = |found: &Range<usize>| found.len() == id.len() && self.text.get(found.clone()) == Some(id);
        let (_, body) = index.iter().find(|(found, _)| same(found))?;
        self.text.get(body.clone())
    }
}

/// Checks a catalogue's every line: the entry's shape, its id (each once), its braces and
/// its plural forms (those `locale` needs, each once).
fn check(text: &str, locale: Locale) -> Result<(), FormatError> {
    let mut seen: Vec<&str> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let failed = |problem: String| FormatError { line: number + 1, problem };
        let Some(entry) = entry(line) else { continue };
        let (id, body) = entry.ok_or_else(|| failed("not `id = text`".into()))?;
        if !is_id(id) {
            return Err(failed(format!("`{id}` is not an id (lower-case words joined by `.`)")));
        }
        if seen.contains(&id) {
            return Err(failed(format!("`{id}` appears twice")));
        }
        seen.push(id);
        parts(body, &mut |part| match part {
            Part::Plural(argument, forms) => check_forms(argument, forms, locale),
            _ => Ok(()),
        })
        .map_err(failed)?;
    }
    Ok(())
}

/// Where `part`, a slice of `text`, lies in it.
fn span_in(text: &str, part: &str) -> Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// A line's id and text: `None` for a blank or comment line, `Some(None)` for one that
/// is not `id = text`.
fn entry(raw: &str) -> Option<Option<(&str, &str)>> {
    let line = raw.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    Some(line.split_once(" = ").map(|(id, body)| (id.trim(), body.trim())))
}

/// `tone-shout.capitals`: lower-case letters, digits and `-`, in two or more parts.
fn is_id(id: &str) -> bool {
    let part = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    id.contains('.') && id.split('.').all(part)
}

/// Walks `body`'s parts in order, stopping at the first error `each` or the text gives.
/// `dyn`: one copy of the walk in the Wasm for checking and rendering.
pub fn parts<'a>(body: &'a str, each: &mut dyn FnMut(Part<'a>) -> Result<(), String>) -> Result<(), String> {
    let mut rest = body;
    while let Some(at) = find_brace(rest) {
        if at > 0 {
            each(Part::Literal(&rest[..at]))?;
        }
        let (brace, after) = rest[at..].split_at(1);
        // `{{` and `}}` are the braces themselves: "Hi {{first_name}}".
        if after.starts_with(brace) {
            each(Part::Literal(brace))?;
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            return Err("`}` without `{` (write `}}` for the brace itself)".into());
        }
        let len = find_brace(after).filter(|&len| after[len..].starts_with('}'));
        let len = len.ok_or("`{` without its `}` (write `{{` for the brace itself)")?;
        let inner = &after[..len];
        let (argument, forms) = inner.split_once('|').unwrap_or((inner, ""));
        if argument.is_empty() || !argument.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!("`{{{inner}}}` does not name an argument (lower-case letters and `_`)"));
        }
        each(if forms.is_empty() { Part::Argument(argument) } else { Part::Plural(argument, forms) })?;
        rest = &after[len + 1..];
    }
    if !rest.is_empty() {
        each(Part::Literal(rest))?;
    }
    Ok(())
}

/// Where the first brace of `text` is. Bytes, not characters: a brace is ASCII, so its
/// byte is never part of another character, and a search by characters decoded every
/// character of every text rendered at every lint (a tenth of a lint in Chromium).
fn find_brace(text: &str) -> Option<usize> {
    text.bytes().position(|byte| byte == b'{' || byte == b'}')
}

/// The form for `category` among `forms` (`one:…|other:…`).
pub fn form(forms: &str, category: Category) -> &str {
    forms.split('|').find_map(|form| form.strip_prefix(category.name())?.strip_prefix(':')).unwrap_or_default()
}

/// Whether `forms` give exactly the locale's plural categories, each once.
fn check_forms(argument: &str, forms: &str, locale: Locale) -> Result<(), String> {
    let mut given: Vec<Category> = Vec::new();
    for form in forms.split('|') {
        let (name, _) = form.split_once(':').ok_or_else(|| format!("plural form `{form}` is not `category:text`"))?;
        let category = Category::from_name(name)
            .filter(|category| locale.categories().contains(category))
            .ok_or_else(|| format!("`{name}` is not a plural category of {}", locale.code()))?;
        if given.contains(&category) {
            return Err(format!("plural form `{name}` of `{argument}` appears twice"));
        }
        given.push(category);
    }
    match locale.categories().iter().find(|c| !given.contains(c)) {
        Some(missing) => Err(format!("`{argument}` has no `{}` form, which {} needs", missing.name(), locale.code())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str, locale: Locale) -> String {
        Catalogue::parse(text, locale).unwrap_err().to_string()
    }

    fn parts_of(body: &str) -> Vec<Part<'_>> {
        let mut found = Vec::new();
        parts(body, &mut |part| {
            found.push(part);
            Ok(())
        })
        .unwrap();
        found
    }

    #[test]
    fn reads_texts_arguments_and_plural_forms() {
        let text = "# a comment\n\nbrevity.sentence = {words} {words|one:cuvânt|few:cuvinte|other:de cuvinte}.\n";
        let catalogue = Catalogue::parse(text, Locale::Ro).unwrap();
        let body = catalogue.get("brevity.sentence").unwrap();
        let forms = "one:cuvânt|few:cuvinte|other:de cuvinte";
        let expected = [Part::Argument("words"), Part::Literal(" "), Part::Plural("words", forms), Part::Literal(".")];
        assert_eq!(parts_of(body), expected);
        assert_eq!(form(forms, Category::Few), "cuvinte");
        assert_eq!(form(forms, Category::Other), "de cuvinte");
        assert_eq!(catalogue.get("brevity"), None);
    }

    #[test]
    fn doubled_braces_are_braces() {
        let expected = [
            Part::Literal("“Hi "),
            Part::Literal("{"),
            Part::Literal("first_name"),
            Part::Literal("}"),
            Part::Literal("” to "),
            Part::Argument("name"),
        ];
        assert_eq!(parts_of("“Hi {{first_name}}” to {name}"), expected);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(error("a.b = x\n\nno equals sign", Locale::En), "line 3: not `id = text`");
        assert_eq!(error("a.b = x\na.b = y", Locale::En), "line 2: `a.b` appears twice");
        assert_eq!(
            error("Tone.Shout = x", Locale::En),
            "line 1: `Tone.Shout` is not an id (lower-case words joined by `.`)"
        );
        assert_eq!(error("tone = x", Locale::En), "line 1: `tone` is not an id (lower-case words joined by `.`)");
        assert_eq!(error("a.b = {text", Locale::En), "line 1: `{` without its `}` (write `{{` for the brace itself)");
        assert_eq!(error("a.b = text}", Locale::En), "line 1: `}` without `{` (write `}}` for the brace itself)");
        assert_eq!(
            error("a.b = {Text}", Locale::En),
            "line 1: `{Text}` does not name an argument (lower-case letters and `_`)"
        );
        assert_eq!(error("a.b = {n|one:x}", Locale::En), "line 1: `n` has no `other` form, which en needs");
        assert_eq!(error("a.b = {n|one:x|other:y}", Locale::Ro), "line 1: `n` has no `few` form, which ro needs");
        assert_eq!(error("a.b = {n|few:x|other:y}", Locale::En), "line 1: `few` is not a plural category of en");
        assert_eq!(error("a.b = {n|one:x|one:y}", Locale::En), "line 1: plural form `one` of `n` appears twice");
        assert_eq!(error("a.b = {n|one}", Locale::En), "line 1: plural form `one` is not `category:text`");
        assert_eq!(error("a.b = ", Locale::En), "line 1: not `id = text`");
    }
}
