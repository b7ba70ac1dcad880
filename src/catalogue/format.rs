//! The catalogue file format (see `data/README.md`): one `id = text` a line, `#`
//! comments, `{name}` for an argument, `{name|one:…|other:…}` for a count's plural
//! forms and `{{`, `}}` for braces. Parsed strictly: every error names its line.

use std::collections::BTreeMap;
use std::fmt;

use super::plural::Category;
use super::Locale;

/// A message's text (never empty: a line needs text after ` = `), split where arguments go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    /// `{name}`: the argument's text, number or message.
    Argument(String),
    /// `{name|one:…|other:…}`: the form for the count `name`'s plural category.
    Plural {
        argument: String,
        forms: Vec<(Category, String)>,
    },
}

/// One language's messages by id.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub entries: BTreeMap<String, Vec<Piece>>,
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
    /// Parses the catalogue of `locale`, whose plural categories every count's forms must
    /// name exactly.
    pub fn parse(text: &str, locale: Locale) -> Result<Catalogue, FormatError> {
        let mut entries = BTreeMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let failed = |problem: String| FormatError { line: index + 1, problem };
            let (id, body) = line.split_once(" = ").ok_or_else(|| failed("not `id = text`".into()))?;
            let id = id.trim();
            if !is_id(id) {
                return Err(failed(format!("`{id}` is not an id (lower-case words joined by `.`)")));
            }
            let pieces = pieces(body.trim(), locale).map_err(failed)?;
            if entries.insert(id.to_string(), pieces).is_some() {
                return Err(failed(format!("`{id}` appears twice")));
            }
        }
        Ok(Catalogue { entries })
    }
}

/// `tone-shout.capitals`: lower-case letters, digits and `-`, in two or more parts.
fn is_id(id: &str) -> bool {
    let mut parts = id.split('.');
    let part = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    parts.clone().count() >= 2 && parts.all(part)
}

fn pieces(body: &str, locale: Locale) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = body;
    while let Some(at) = rest.find(['{', '}']) {
        literal.push_str(&rest[..at]);
        let (brace, after) = rest[at..].split_at(1);
        // `{{` and `}}` are the braces themselves: "Hi {{first_name}}".
        if after.starts_with(brace) {
            literal.push_str(brace);
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            return Err("`}` without `{` (write `}}` for the brace itself)".into());
        }
        let len = after.find(['{', '}']).filter(|&len| after[len..].starts_with('}'));
        let len = len.ok_or("`{` without its `}` (write `{{` for the brace itself)")?;
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(placeholder(&after[..len], locale)?);
        rest = &after[len + 1..];
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

fn placeholder(inner: &str, locale: Locale) -> Result<Piece, String> {
    let mut parts = inner.split('|');
    let argument = parts.next().unwrap_or_default().trim().to_string();
    if argument.is_empty() || !argument.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(format!("`{{{inner}}}` does not name an argument (lower-case letters and `_`)"));
    }
    let mut forms: Vec<(Category, String)> = Vec::new();
    for form in parts {
        let (name, text) =
            form.split_once(':').ok_or_else(|| format!("plural form `{form}` is not `category:text`"))?;
        let category = Category::from_name(name.trim())
            .filter(|category| locale.categories().contains(category))
            .ok_or_else(|| format!("`{}` is not a plural category of {}", name.trim(), locale.code()))?;
        if forms.iter().any(|(seen, _)| *seen == category) {
            return Err(format!("plural form `{}` of `{argument}` appears twice", category.name()));
        }
        forms.push((category, text.to_string()));
    }
    if forms.is_empty() {
        return Ok(Piece::Argument(argument));
    }
    if let Some(missing) = locale.categories().iter().find(|c| !forms.iter().any(|(seen, _)| seen == *c)) {
        return Err(format!("`{argument}` has no `{}` form, which {} needs", missing.name(), locale.code()));
    }
    Ok(Piece::Plural { argument, forms })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str, locale: Locale) -> String {
        Catalogue::parse(text, locale).unwrap_err().to_string()
    }

    #[test]
    fn reads_texts_arguments_and_plural_forms() {
        let text = "# a comment\n\nbrevity.sentence = {words} {words|one:cuvânt|few:cuvinte|other:de cuvinte}.\n";
        let catalogue = Catalogue::parse(text, Locale::Ro).unwrap();
        let forms = vec![
            (Category::One, "cuvânt".to_string()),
            (Category::Few, "cuvinte".to_string()),
            (Category::Other, "de cuvinte".to_string()),
        ];
        assert_eq!(
            catalogue.entries["brevity.sentence"],
            [
                Piece::Argument("words".into()),
                Piece::Literal(" ".into()),
                Piece::Plural { argument: "words".into(), forms },
                Piece::Literal(".".into()),
            ]
        );
    }

    #[test]
    fn doubled_braces_are_braces() {
        let catalogue = Catalogue::parse("a.b = “Hi {{first_name}}” to {name}", Locale::En).unwrap();
        let expected = [Piece::Literal("“Hi {first_name}” to ".into()), Piece::Argument("name".into())];
        assert_eq!(catalogue.entries["a.b"], expected);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(error("a.b = x\n\nno equals sign", Locale::En), "line 3: not `id = text`");
        assert_eq!(error("a.b = x\na.b = y", Locale::En), "line 2: `a.b` appears twice");
        assert_eq!(
            error("Tone.Shout = x", Locale::En),
            "line 1: `Tone.Shout` is not an id (lower-case words joined by `.`)"
        );
        assert_eq!(error("a.b = {text", Locale::En), "line 1: `{` without its `}` (write `{{` for the brace itself)");
        assert_eq!(error("a.b = text}", Locale::En), "line 1: `}` without `{` (write `}}` for the brace itself)");
        assert_eq!(
            error("a.b = {Text}", Locale::En),
            "line 1: `{Text}` does not name an argument (lower-case letters and `_`)"
        );
        assert_eq!(error("a.b = {n|one:x}", Locale::En), "line 1: `n` has no `other` form, which en needs");
        assert_eq!(error("a.b = {n|one:x|other:y}", Locale::Ro), "line 1: `n` has no `few` form, which ro needs");
        assert_eq!(error("a.b = {n|few:x|other:y}", Locale::En), "line 1: `few` is not a plural category of en");
        assert_eq!(error("a.b = {n|one}", Locale::En), "line 1: plural form `one` is not `category:text`");
        assert_eq!(error("a.b = ", Locale::En), "line 1: not `id = text`");
    }
}
