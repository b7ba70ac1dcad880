//! `reply-coach`: the command-line front end on the same core as the extension.
//!
//! `reply-coach lint` lints a draft from a file or standard input and prints the findings
//! as JSON or as compiler-style text; `reply-coach templates` checks and renders template
//! libraries (`templates.rs`); `reply-coach voice check` validates a voice profile and runs
//! its examples (`voice.rs`); `reply-coach profile check` validates a page profile file
//! and says what it finds on a saved page (`profile.rs`). The commands and flags are in
//! `args.rs`. Exit status: 1 when a finding is an error, 2 on bad usage or unreadable
//! input, 0 otherwise.
//!
//! Native only: its argument parser (clap) and the HTML parser are not built for wasm32,
//! where the crate is the extension's core. Cargo still builds the package's binaries for
//! its integration tests there (`cargo test --target wasm32-unknown-unknown --test wasm`),
//! so on wasm32 this binary is empty.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod args;
mod profile;
mod render;
mod templates;
mod voice;

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use args::{usage_error, Cli, Command, Format, LintArgs};
use clap::Parser;
use reply_coach::{lint, rules, Severity};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(error) = reply_coach::catalogue::set_ui_language(cli.ui_lang.code()) {
        eprintln!("reply-coach: {error}");
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Rules => {
            let list: Vec<String> = rules::all()
                .iter()
                .map(|r| format!("{:<24} {:<8} {}", r.id(), r.severity().name(), r.explanation()))
                .collect();
            print(&list.join("\n"))
        }
        Command::Lint(args) => run_lint(args),
        Command::Templates(command) => templates::run(command),
        Command::Voice(command) => voice::run(command),
        Command::Profile(command) => profile::run(command),
    }
}

fn print(text: &str) -> ExitCode {
    match writeln!(io::stdout(), "{text}") {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(_) => ExitCode::from(2),
    }
}

fn run_lint(args: LintArgs) -> ExitCode {
    let context = args.context();
    if let Err(error) = context.validate() {
        usage_error("lint", error);
    }
    let (source_name, draft) = match read_draft(args.input.as_deref()) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("reply-coach: {message}");
            return ExitCode::from(2);
        }
    };
    let result = match lint(&draft, &context) {
        Ok(result) => result,
        Err(error) => {
            eprintln!("reply-coach: {error}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Text } else { Format::Json });
    let output = match format {
        Format::Json => serde_json::to_string(&result).unwrap_or_default(),
        Format::Text => {
            let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            render::text(&source_name, &draft, &result, colour, args.explain)
        }
    };
    if print(&output) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    if result.findings.iter().any(|f| f.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The draft and the name to show for it.
fn read_draft(input: Option<&str>) -> Result<(String, String), String> {
    let mut bytes = Vec::new();
    let name = match input {
        None | Some("-") => {
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
            "<stdin>".to_string()
        }
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            path.to_string()
        }
    };
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{name} is not UTF-8 text (invalid byte at {})", e.utf8_error().valid_up_to()))?;
    Ok((name, text))
}
