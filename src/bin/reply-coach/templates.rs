//! `reply-coach templates`: check a whole template library the way the extension will
//! use it, or render one template, so a team can check its library in its own CI.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use reply_coach::template::{check, Library, Values, DEFAULT_PACK};
use reply_coach::Severity;

use crate::{print, read_draft};

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum TemplatesCommand {
    /// Validate a template library and lint every template, as the extension will use them
    Check {
        /// The library (docs/TEMPLATES.md); the built-in default pack without it
        file: Option<String>,
    },
    /// Print one template rendered for a conversation
    Render(RenderArgs),
}

#[derive(Debug, Default, PartialEq, Eq, Args)]
pub struct RenderArgs {
    /// The library (docs/TEMPLATES.md)
    pub file: String,
    /// The template's id
    pub id: String,
    /// The customer's display name, e.g. "Ana Popescu"
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,
    /// Your first name
    #[arg(long, value_name = "NAME")]
    pub agent: Option<String>,
    /// The Page's name
    #[arg(long, value_name = "NAME")]
    pub page: Option<String>,
    /// A fill-in field's value, e.g. "Order number=A-1042" (repeatable)
    #[arg(long = "field", value_name = "LABEL=VALUE", value_parser = field)]
    pub fields: Vec<(String, String)>,
}

/// `--field LABEL=VALUE`: the label trimmed, the value as given (it may hold `=`).
fn field(field: &str) -> Result<(String, String), String> {
    let (label, text) =
        field.split_once('=').ok_or("no `=` between the label and the value, as in \"Order number=A-1042\"")?;
    Ok((label.trim().to_string(), text.to_string()))
}

pub fn run(command: TemplatesCommand) -> ExitCode {
    match command {
        TemplatesCommand::Check { file } => run_check(file.as_deref()),
        TemplatesCommand::Render(args) => run_render(&args),
    }
}

/// The library in `file` (the default pack when `None`), or the exit status after
/// saying what is wrong: 2 when it cannot be read, 1 when it is invalid.
fn load(file: Option<&str>) -> Result<(String, Library), ExitCode> {
    let (name, text) = match file {
        Some(path) => read_draft(Some(path)).map_err(|message| {
            eprintln!("reply-coach: {message}");
            ExitCode::from(2)
        })?,
        None => ("<default pack>".to_string(), DEFAULT_PACK.to_string()),
    };
    match Library::from_json(&text) {
        Ok(library) => Ok((name, library)),
        Err(errors) => {
            let lines: Vec<String> = errors.0.iter().map(|e| format!("{name}: error: {e}")).collect();
            print(&format!("{}\n{name}: invalid, {} error(s); nothing was checked", lines.join("\n"), lines.len()));
            Err(ExitCode::from(1))
        }
    }
}

fn run_check(file: Option<&str>) -> ExitCode {
    let (name, library) = match load(file) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let mut lines = Vec::new();
    let (mut errors, mut warnings) = (0, 0);
    for template in &library.templates {
        match check::check(template) {
            Ok(checked) => {
                for finding in &checked.result.findings {
                    match finding.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                        Severity::Info => {}
                    }
                    let severity = finding.severity.name();
                    lines.push(format!("{name}: {}: {severity}[{}]: {}", template.id, finding.rule, finding.message));
                }
            }
            Err(message) => {
                errors += 1;
                lines.push(format!("{name}: {}: error: {message}", template.id));
            }
        }
    }
    let count = library.templates.len();
    lines.push(format!("{name}: {count} template(s), {errors} error(s), {warnings} warning(s)"));
    match print(&lines.join("\n")) {
        status if status != ExitCode::SUCCESS => status,
        _ if errors > 0 => ExitCode::from(1),
        status => status,
    }
}

fn run_render(args: &RenderArgs) -> ExitCode {
    let (name, library) = match load(Some(&args.file)) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let Some(template) = library.templates.iter().find(|t| t.id == args.id) else {
        eprintln!("reply-coach: no template {:?} in {name}", args.id);
        return ExitCode::from(2);
    };
    // The library is valid, so the body parses; say so rather than panic should it not.
    let body = match template.parse_body() {
        Ok(body) => body,
        Err(error) => {
            eprintln!("reply-coach: {}: body: {error}", template.id);
            return ExitCode::from(1);
        }
    };
    let mut values = Values::for_conversation(args.customer.as_deref(), args.agent.as_deref(), args.page.as_deref());
    values.fields = args.fields.clone();
    let labels = body.fields();
    let missing: Vec<&str> = labels.iter().copied().filter(|label| values.field(label).is_none()).collect();
    if !missing.is_empty() {
        eprintln!("reply-coach: fill-in fields not given (--field LABEL=VALUE): {}", missing.join(", "));
    }
    for (label, _) in args.fields.iter().filter(|(label, _)| !labels.contains(&label.as_str())) {
        eprintln!("reply-coach: {} has no fill-in field {label:?}", template.id);
    }
    print(&body.render(&values).text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::{Cli, Command};
    use clap::error::ErrorKind;
    use clap::Parser;

    fn parse_args(args: &[&str]) -> Result<TemplatesCommand, ErrorKind> {
        match Cli::try_parse_from(["reply-coach", "templates"].iter().chain(args)).map_err(|e| e.kind())?.command {
            Command::Templates(command) => Ok(command),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_render_flags() {
        let command = parse_args(&[
            "render",
            "lib.json",
            "--customer",
            "Ana Popescu",
            "refund.ro",
            "--agent=Mihai",
            "--page",
            "Northwind",
            "--field",
            "Numărul comenzii =A-1=2",
            "--field=Data=azi",
        ]);
        let expected = RenderArgs {
            file: "lib.json".into(),
            id: "refund.ro".into(),
            customer: Some("Ana Popescu".into()),
            agent: Some("Mihai".into()),
            page: Some("Northwind".into()),
            fields: vec![("Numărul comenzii".into(), "A-1=2".into()), ("Data".into(), "azi".into())],
        };
        assert_eq!(command, Ok(TemplatesCommand::Render(expected)));
        assert_eq!(parse_args(&["check"]), Ok(TemplatesCommand::Check { file: None }));
        assert_eq!(parse_args(&["check", "a.json"]), Ok(TemplatesCommand::Check { file: Some("a.json".into()) }));
    }

    #[test]
    fn rejects_bad_usage() {
        assert_eq!(parse_args(&[]), Err(ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand));
        assert_eq!(parse_args(&["lint"]), Err(ErrorKind::InvalidSubcommand));
        assert_eq!(parse_args(&["check", "a", "b"]), Err(ErrorKind::UnknownArgument));
        assert_eq!(parse_args(&["render", "a"]), Err(ErrorKind::MissingRequiredArgument));
        assert_eq!(parse_args(&["render", "a", "b", "--field", "x"]), Err(ErrorKind::ValueValidation));
        assert_eq!(parse_args(&["render", "a", "b", "--agent"]), Err(ErrorKind::InvalidValue));
        assert_eq!(parse_args(&["render", "a", "b", "--lang", "ro"]), Err(ErrorKind::UnknownArgument));
    }
}
