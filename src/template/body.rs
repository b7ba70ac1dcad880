//! A template body: parsed once into text and placeholders, rendered with the values of
//! one conversation.
//!
//! Syntax: `{first_name}`, `{agent_name}`, `{page_name}`, a fallback after `|`
//! (`{first_name|there}`), a fill-in field `{field:Order number}`, `{cursor}` for the caret,
//! and `{{` / `}}` for literal braces. Everything else is plain text, HTML included.

use std::fmt;

use super::Values;
use crate::catalogue::Message;

/// A value the conversation supplies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variable {
    FirstName,
    AgentName,
    PageName,
}

impl Variable {
    pub const ALL: [Variable; 3] = [Variable::FirstName, Variable::AgentName, Variable::PageName];

    /// The name written between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Variable::FirstName => "first_name",
            Variable::AgentName => "agent_name",
            Variable::PageName => "page_name",
        }
    }

    fn value(self, values: &Values) -> Option<&str> {
        let value = match self {
            Variable::FirstName => &values.first_name,
            Variable::AgentName => &values.agent_name,
            Variable::PageName => &values.page_name,
        };
        value.as_deref().filter(|v| !v.trim().is_empty())
    }
}

/// Something the agent is asked for before a template goes into the draft: a fill-in
/// field, or a variable the conversation does not supply and the body gives no fallback for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Variable(Variable),
    Field(String),
}

/// One piece of a parsed body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Variable { variable: Variable, fallback: Option<String> },
    Field(String),
    Cursor,
}

/// A parsed template body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub segments: Vec<Segment>,
}

/// A body that does not parse: where (a 0-based character offset) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub position: usize,
    pub message: Message,
}

impl TemplateError {
    /// What is wrong and where, as the agent reads it.
    pub fn to_message(&self) -> Message {
        Message::new("template-body.at").count("position", self.position).message("problem", self.message.clone())
    }
}

/// In the UI language.
impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_message().fmt(f)
    }
}

impl std::error::Error for TemplateError {}

/// A rendered body: the text to insert and where the caret goes (a byte offset into
/// `text`, on a character boundary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub cursor: usize,
}

/// Parses a template body. Never panics; a malformed body gives the position of the problem.
pub fn parse(body: &str) -> Result<Body, TemplateError> {
    let _stage = crate::stage::enter("parser", "template body");
    let mut segments = Vec::new();
    let mut text = String::new();
    let mut has_cursor = false;
    let mut chars = body.char_indices().enumerate().peekable();
    while let Some((position, (at, c))) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, (_, next))| next == '{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, (_, next))| next == '}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err(error(position, Message::new("template-body.lone-close"))),
            '{' => {
                let close = loop {
                    match chars.next() {
                        Some((_, (close, '}'))) => break close,
                        Some((_, (_, '{' | '\n'))) | None => {
                            return Err(error(position, Message::new("template-body.unclosed")))
                        }
                        Some(_) => {}
                    }
                };
                // `{` and `}` are one byte each, so both slice ends are character boundaries.
                let segment = placeholder(&body[at + 1..close], position)?;
                if segment == Segment::Cursor {
                    if has_cursor {
                        return Err(error(position, Message::new("template-body.second-cursor")));
                    }
                    has_cursor = true;
                }
                if !text.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut text)));
                }
                segments.push(segment);
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        segments.push(Segment::Text(text));
    }
    Ok(Body { segments })
}

/// Reads what is between the braces of the placeholder that opens at character `position`.
fn placeholder(inner: &str, position: usize) -> Result<Segment, TemplateError> {
    let (name, fallback) = match inner.split_once('|') {
        Some((name, fallback)) => (name, Some(fallback)),
        None => (inner, None),
    };
    let no_fallback = |segment: Segment, id: &'static str| match fallback {
        // The `|` is one character after the `{` and the name.
        Some(_) => Err(error(position + 1 + name.chars().count(), Message::new(id))),
        None => Ok(segment),
    };
    // `{field}` is a field with an empty label.
    if let Some(label) = name.strip_prefix("field:").or((name == "field").then_some("")) {
        let label = label.trim();
        if label.is_empty() {
            return Err(error(position, Message::new("template-body.field-label")));
        }
        return no_fallback(Segment::Field(label.to_string()), "template-body.field-fallback");
    }
    match name {
        "cursor" => no_fallback(Segment::Cursor, "template-body.cursor-fallback"),
        "" => Err(error(position, Message::new("template-body.empty-braces"))),
        _ => match Variable::ALL.into_iter().find(|v| v.name() == name) {
            Some(variable) => Ok(Segment::Variable { variable, fallback: fallback.map(str::to_string) }),
            None => Err(error(position, Message::new("template-body.unknown-variable").text("name", name))),
        },
    }
}

fn error(position: usize, message: Message) -> TemplateError {
    TemplateError { position, message }
}

impl Body {
    /// The fill-in field labels, each once, in the order they first appear.
    pub fn fields(&self) -> Vec<&str> {
        let mut labels: Vec<&str> = Vec::new();
        for segment in &self.segments {
            if let Segment::Field(label) = segment {
                if !labels.contains(&label.as_str()) {
                    labels.push(label);
                }
            }
        }
        labels
    }

    /// What `values` lack for this body, each once, in the order the body first uses it:
    /// every fill-in field without a value, and every variable without one that appears
    /// somewhere without a fallback. The picker asks for these; a blank value counts as
    /// none. A value given for a variable is used wherever it appears, fallbacks or not.
    pub fn asks(&self, values: &Values) -> Vec<Ask> {
        let mut asks: Vec<Ask> = Vec::new();
        for segment in &self.segments {
            let ask = match segment {
                Segment::Variable { variable, fallback: None } if variable.value(values).is_none() => {
                    Ask::Variable(*variable)
                }
                Segment::Field(label) if values.field(label).is_none() => Ask::Field(label.clone()),
                _ => continue,
            };
            if !asks.contains(&ask) {
                asks.push(ask);
            }
        }
        asks
    }

    /// The text to insert when `values` leave nothing to ask ([`Body::asks`]); otherwise
    /// what is still missing, so no placeholder of the template reaches the draft.
    pub fn fill(&self, values: &Values) -> Result<Rendered, Vec<Ask>> {
        let missing = self.asks(values);
        if missing.is_empty() {
            Ok(self.render(values))
        } else {
            Err(missing)
        }
    }

    /// The text to insert. A value that is missing and has no fallback leaves its
    /// placeholder (`{first_name}`, `{field:Order number}`) for `placeholder-unfilled` to catch.
    pub fn render(&self, values: &Values) -> Rendered {
        let _stage = crate::stage::enter("renderer", "template");
        let mut text = String::new();
        let mut cursor = None;
        for segment in &self.segments {
            match segment {
                Segment::Text(literal) => text.push_str(literal),
                Segment::Variable { variable, fallback } => match (variable.value(values), fallback) {
                    (Some(value), _) => text.push_str(value.trim()),
                    (None, Some(fallback)) => text.push_str(fallback),
                    (None, None) => {
                        text.push('{');
                        text.push_str(variable.name());
                        text.push('}');
                    }
                },
                Segment::Field(label) => match values.field(label) {
                    Some(value) => text.push_str(value),
                    None => {
                        text.push_str("{field:");
                        text.push_str(label);
                        text.push('}');
                    }
                },
                Segment::Cursor => cursor = Some(text.len()),
            }
        }
        let cursor = cursor.unwrap_or(text.len());
        Rendered { text, cursor }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        Values {
            first_name: Some("Ana".into()),
            agent_name: Some("Mihai".into()),
            page_name: Some("Northwind".into()),
            fields: vec![("Order number".into(), "A-1042".into())],
        }
    }

    fn render(body: &str, values: &Values) -> Rendered {
        parse(body).unwrap_or_else(|e| panic!("{body:?}: {e}")).render(values)
    }

    fn fails(body: &str) -> (usize, String) {
        let error = parse(body).expect_err(body);
        (error.position, crate::catalogue::render(&error.message, crate::catalogue::Locale::En))
    }

    #[test]
    fn renders_every_variable_form() {
        let body = "Hi {first_name}, {agent_name} from {page_name} here. Order {field:Order number}.";
        assert_eq!(render(body, &values()).text, "Hi Ana, Mihai from Northwind here. Order A-1042.");
        let empty = Values::default();
        assert_eq!(render("Hi {first_name|there}!", &empty).text, "Hi there!");
        assert_eq!(render("Hi {first_name|there}!", &values()).text, "Hi Ana!");
        assert_eq!(render("Hi {first_name|}!", &empty).text, "Hi !");
        assert_eq!(render("— {agent_name|the team}", &empty).text, "— the team");
    }

    #[test]
    fn missing_values_leave_the_placeholder() {
        let blank = Values { first_name: Some("  ".into()), ..Values::default() };
        assert_eq!(render("Hi {first_name}, {page_name}", &blank).text, "Hi {first_name}, {page_name}");
        assert_eq!(render("Order {field:Order number}", &blank).text, "Order {field:Order number}");
    }

    #[test]
    fn fields_are_listed_once_in_first_use_order() {
        let body = parse("{field:Order number} {field: Date } {field:Order number} {first_name}").unwrap();
        assert_eq!(body.fields(), ["Order number", "Date"]);
        assert!(parse("Hi {first_name}").unwrap().fields().is_empty());
    }

    #[test]
    fn asks_for_fields_and_unknown_variables_in_order_once() {
        let body = parse(
            "Hi {first_name}, {field:Order number} {page_name|us} {agent_name} {field:Order number} {first_name}",
        )
        .unwrap();
        let none = Values::default();
        let order = || Ask::Field("Order number".into());
        assert_eq!(
            body.asks(&none),
            [Ask::Variable(Variable::FirstName), order(), Ask::Variable(Variable::AgentName)],
            "the page name has a fallback: not asked"
        );
        // What the conversation knows is not asked; a blank value is not known.
        let known = Values { first_name: Some("Ana".into()), agent_name: Some(" ".into()), ..Values::default() };
        assert_eq!(body.asks(&known), [order(), Ask::Variable(Variable::AgentName)]);
        assert_eq!(body.asks(&values()), [], "every value given");
        // A variable with a fallback at one use and none at another is asked.
        let body = parse("{page_name|us} and {page_name}").unwrap();
        assert_eq!(body.asks(&none), [Ask::Variable(Variable::PageName)]);
        assert_eq!(parse("Hi {first_name|there}! {cursor}").unwrap().asks(&none), []);
    }

    #[test]
    fn fill_refuses_until_every_ask_is_answered() {
        let body = parse("Hi {first_name}, order {field:Order number}.{cursor}\n– {agent_name}").unwrap();
        let mut values = Values { first_name: Some("Ana".into()), ..Values::default() };
        let missing = body.fill(&values).unwrap_err();
        assert_eq!(missing, [Ask::Field("Order number".into()), Ask::Variable(Variable::AgentName)]);
        values.answer(&missing[0], "A-1042");
        values.answer(&missing[1], "  ");
        assert_eq!(body.fill(&values).unwrap_err(), [Ask::Variable(Variable::AgentName)], "a blank answer is none");
        values.answer(&missing[1], " Maria ");
        let filled = body.fill(&values).unwrap();
        assert_eq!(filled.text, "Hi Ana, order A-1042.\n– Maria");
        assert!(!filled.text.contains(['{', '[']));
        assert_eq!(filled.cursor, "Hi Ana, order A-1042.".len());
        // An answer replaces an earlier one, and is used where a fallback stands too.
        values.answer(&Ask::Field("Order number".into()), "B-7");
        values.answer(&Ask::Variable(Variable::FirstName), "Ioana");
        assert_eq!(body.fill(&values).unwrap().text, "Hi Ioana, order B-7.\n– Maria");
        assert_eq!(values.fields.len(), 1);
        let fallback = parse("Hi {first_name|there}").unwrap();
        assert_eq!(fallback.fill(&values).unwrap().text, "Hi Ioana");
        assert_eq!(fallback.fill(&Values::default()).unwrap().text, "Hi there");
    }

    #[test]
    fn cursor_is_a_byte_offset_defaulting_to_the_end() {
        let rendered = render("Bună, {first_name}! {cursor}\n– {agent_name}", &values());
        assert_eq!(rendered.text, "Bună, Ana! \n– Mihai");
        assert_eq!(rendered.cursor, "Bună, Ana! ".len());
        let end = render("Բարև {first_name}։", &values());
        assert_eq!(end.cursor, end.text.len());
        assert_eq!(render("{cursor}text", &values()).cursor, 0);
    }

    #[test]
    fn double_braces_are_literal() {
        assert_eq!(render("{{first_name}} and }} {{", &values()).text, "{first_name} and } {");
        assert_eq!(render("{{{first_name}}}", &values()).text, "{Ana}");
    }

    #[test]
    fn html_and_script_stay_plain_text() {
        let body = "<script>alert(1)</script><b>{first_name}</b>";
        assert_eq!(render(body, &values()).text, "<script>alert(1)</script><b>Ana</b>");
    }

    #[test]
    fn every_language_renders() {
        let cases = [
            ("Mulțumim, {first_name}! Comanda {field:Numărul comenzii} e pe drum.", "Numărul comenzii"),
            ("Շնորհակալություն, {first_name}։ Պատվեր {field:Պատվերի համար}։", "Պատվերի համար"),
            ("धन्यवाद, {first_name}। ऑर्डर {field:ऑर्डर नंबर} भेजा गया।", "ऑर्डर नंबर"),
        ];
        for (body, label) in cases {
            let parsed = parse(body).unwrap();
            assert_eq!(parsed.fields(), [label]);
            let values = Values {
                first_name: Some("Անի".into()),
                fields: vec![(label.into(), "A-1".into())],
                ..Values::default()
            };
            let text = parsed.render(&values).text;
            assert!(text.contains("Անի") && text.contains("A-1") && !text.contains('{'), "{text}");
        }
    }

    #[test]
    fn malformed_bodies_say_what_and_where() {
        assert_eq!(fails("Hi {first_name").0, 3);
        assert!(fails("Hi {first_name").1.contains("not closed"));
        assert_eq!(fails("Hi {first_name\n}").0, 3);
        assert_eq!(fails("a {b {first_name}").0, 2);
        let (at, message) = fails("Ședință {order}");
        assert_eq!(at, 8);
        assert!(message.contains("unknown variable `{order}`"), "{message}");
        assert!(fails("{First_Name}").1.contains("unknown variable"));
        assert_eq!(fails("x {field:  }"), (2, "a fill-in field needs a label: `{field:Order number}`".into()));
        assert_eq!(fails("x {field}").0, 2);
        assert_eq!(fails("{cursor} and {cursor}").0, 13);
        assert!(fails("{cursor}{cursor}").1.contains("second `{cursor}`"));
        assert_eq!(fails("{field:Date|today}"), (11, "a fill-in field cannot have a fallback".into()));
        assert_eq!(fails("ab {cursor|x}").0, 10);
        assert_eq!(fails("{}").0, 0);
        assert_eq!(fails("a } b").0, 2);
        assert!(fails("a } b").1.contains("lone `}`"));
        assert_eq!(fails("नमस्ते {x}").0, "नमस्ते ".chars().count());
    }

    #[test]
    fn errors_read_well() {
        assert_eq!(
            fails("{order}").1,
            "unknown variable `{order}`: use first_name, agent_name, page_name, field:LABEL or cursor"
        );
        assert_eq!(
            parse("{").unwrap_err().to_string(),
            "at character 0: `{` is not closed: write `{{` for a literal brace"
        );
        let error = parse("Hi {order}").unwrap_err();
        assert_eq!(error.message, Message::new("template-body.unknown-variable").text("name", "order"));
        assert_eq!(
            crate::catalogue::render(&error.to_message(), crate::catalogue::Locale::Ro),
            "la caracterul 3: variabilă necunoscută `{order}`: folosiți first_name, agent_name, page_name, \
             field:ETICHETĂ sau cursor"
        );
    }
}
