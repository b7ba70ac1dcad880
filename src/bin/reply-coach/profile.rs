//! `reply-coach profile check FILE [--page PAGE.html] [--url URL]`: validates a profile
//! file (what a team lead sends the team) and, on a saved page, says what each part finds,
//! for whoever maintains profiles. Counts and yes/no only: never a name or a message.

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Args, Subcommand};
use reply_coach::clock::LocalClock;
use reply_coach::lang::Language;
use reply_coach::page_profile::file::ProfileFile;
use reply_coach::page_profile::health::{Health, Part, Status};
use reply_coach::page_profile::html::HtmlPage;
use reply_coach::page_profile::{shipped, PageNode, PageProfile, Sender};

use crate::{print, read_draft};

/// The `FILE` that names the profile Reply Coach ships.
const BUILT_IN: &str = "builtin";

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Validate a page profile file; with --page, say what each part finds on a saved inbox page
    Check(CheckArgs),
}

#[derive(Debug, PartialEq, Eq, Args)]
pub struct CheckArgs {
    /// A profile file, or `builtin`: the profile Reply Coach ships
    #[arg(value_name = "FILE|builtin")]
    pub file: String,
    /// A saved inbox page to read with the profile (counts only: never a name or a message)
    #[arg(long, value_name = "PAGE.html")]
    pub page: Option<String>,
    /// The page's address, whose thread id says a conversation is open (without it, a page
    /// with no conversation pane counts as none open)
    #[arg(long)]
    pub url: Option<String>,
}

/// Exit status: 0 when the file is valid (and, with a page, no part is missing); 1 when
/// it is invalid (every error on standard error) or a part is missing; 2 when a file
/// cannot be read.
pub fn run(command: ProfileCommand) -> ExitCode {
    let ProfileCommand::Check(args) = command;
    let (profile, summary) = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let Some(page) = &args.page else { return print(&summary) };
    let html = match read_draft(Some(page)) {
        Ok((_, html)) => html,
        Err(message) => {
            eprintln!("reply-coach: {message}");
            return ExitCode::from(2);
        }
    };
    let health = page_health(&profile, &html, args.url.as_deref().unwrap_or(""));
    let mut lines = vec![summary];
    lines.extend(Part::ALL.iter().flat_map(|&part| part_lines(&health, part)));
    let missing = health.missing().len();
    lines.push(format!("{missing} of {} part(s) missing", Part::ALL.len()));
    match print(&lines.join("\n")) {
        status if status != ExitCode::SUCCESS => status,
        _ if missing > 0 => ExitCode::from(1),
        status => status,
    }
}

/// What `profile` recognises on the saved page `html`, at the address `url`.
fn page_health(profile: &PageProfile, html: &str, url: &str) -> Health {
    let page = HtmlPage::parse(html);
    let root = page.root();
    // The page's own language reads its times; now is this machine's, in UTC.
    let language = root.attr("lang").and_then(|lang| Language::from_code(lang.get(..2)?));
    let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
    profile.health(&root, url, language, &LocalClock::new(now_ms, 0))
}

/// The profile `file` gives and the line that says so; the exit status after saying
/// what is wrong when there is none.
fn load(file: &str) -> Result<(PageProfile, String), ExitCode> {
    if file == BUILT_IN {
        return Ok((shipped().clone(), format!("{file}: the built-in profile")));
    }
    let (name, text) = read_draft(Some(file)).map_err(|message| {
        eprintln!("reply-coach: {message}");
        ExitCode::from(2)
    })?;
    let read = ProfileFile::parse(&text).and_then(|profile_file| Ok((profile_file.profile()?, profile_file)));
    match read {
        Ok((profile, profile_file)) => {
            let called = profile_file.name.as_ref().map(|n| format!(" {n:?}")).unwrap_or_default();
            let parts = profile_file.part_keys();
            let overrides = if parts.is_empty() { "nothing".to_string() } else { parts.join(", ") };
            Ok((profile, format!("{name}: profile file{called} is valid; it overrides {overrides}")))
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{name}: {error}");
            }
            eprintln!("{name}: invalid, {} error(s); nothing was checked", errors.len());
            Err(ExitCode::from(1))
        }
    }
}

/// A part's line (✓ ok, ✗ missing, – idle) with what each key found, then, for a part
/// that is missing, what it looked for.
fn part_lines(health: &Health, part: Part) -> Vec<String> {
    let status = health.status(part);
    let mark = match status {
        Status::Ok => "✓",
        Status::Missing => "✗",
        Status::Idle => "–",
    };
    let found = |yes: bool| if yes { "found" } else { "not found" };
    let of = |with: usize, what: &str| format!("{with} of {} {what}", health.rows);
    let finds = match part {
        Part::List => match health.strategy {
            Some(strategy) => format!("rows: {} (strategy {})", health.rows, strategy + 1),
            None => format!("rows: none; {} row-like element(s)", health.row_like),
        },
        Part::Times => format!("rowTime: {}", of(health.times.with, "parse")),
        Part::Channel => format!("rowChannel: {}", of(health.channel.with, "name a channel")),
        Part::Conversation => {
            let c = &health.conversation;
            let sender = match c.last_sender {
                Some(Sender::Customer) => "the customer",
                Some(Sender::Page) => "the Page",
                None => "not known",
            };
            format!(
                "pane: {}, customerName: {}, last customer message: {}, its time: {}, wrote last: {sender}{}",
                found(c.pane),
                found(c.customer),
                found(c.last_customer_message),
                found(c.last_customer_time),
                if c.thread_open { "" } else { " (no thread in the address)" },
            )
        }
        Part::Composer => format!("composer: {}", found(health.composer)),
    };
    let mut lines = vec![format!("{mark} {:<12} {finds}", part.name())];
    if status == Status::Missing {
        lines.extend(health.looked_for(part).iter().map(|looked| format!("    looked for {looked}")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::{Cli, Command};
    use clap::error::ErrorKind;
    use clap::Parser;

    fn parse_args(args: &[&str]) -> Result<CheckArgs, ErrorKind> {
        match Cli::try_parse_from(["reply-coach", "profile"].iter().chain(args)).map_err(|e| e.kind())?.command {
            Command::Profile(ProfileCommand::Check(args)) => Ok(args),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_its_flags() {
        assert_eq!(
            parse_args(&["check", "team.json", "--page=inbox.html", "--url", "https://x/?selected_item_id=1"]),
            Ok(CheckArgs {
                file: "team.json".into(),
                page: Some("inbox.html".into()),
                url: Some("https://x/?selected_item_id=1".into())
            })
        );
        assert_eq!(parse_args(&[]), Err(ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand));
        assert_eq!(parse_args(&["check"]), Err(ErrorKind::MissingRequiredArgument));
        assert_eq!(parse_args(&["check", "a", "b"]), Err(ErrorKind::UnknownArgument));
        assert_eq!(parse_args(&["check", "a", "--page"]), Err(ErrorKind::InvalidValue));
        assert_eq!(parse_args(&["check", "a", "--lang", "en"]), Err(ErrorKind::UnknownArgument));
    }
}
