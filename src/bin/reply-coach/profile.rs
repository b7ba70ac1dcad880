//! `reply-coach profile check FILE [--page PAGE.html] [--url URL]`: validates a profile
//! file (what a team lead sends the team) and, on a saved page, says what each part finds,
//! for whoever maintains profiles. Counts and yes/no only: never a name or a message.

use std::process::ExitCode;

use reply_coach::profile::file::ProfileFile;
use reply_coach::profile::health::{Health, Part, Status};
use reply_coach::profile::{shipped, Profile, Sender};

use crate::args::{flag_value, split_flag};
use crate::{print, read_draft};

/// The `FILE` that names the profile Reply Coach ships.
const BUILT_IN: &str = "builtin";

#[derive(Debug, PartialEq, Eq)]
pub struct CheckArgs {
    /// A profile file, or [`BUILT_IN`].
    pub file: String,
    /// A saved inbox page to read with the profile.
    pub page: Option<String>,
    /// The page's address: its thread id says whether a conversation is open.
    pub url: Option<String>,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<CheckArgs, String> {
    match args.next().as_deref() {
        Some("check") => {}
        Some(other) => return Err(format!("unknown profile command {other:?}; try profile check FILE")),
        None => return Err("profile needs a command: profile check FILE".into()),
    }
    let (mut file, mut page, mut url) = (None, None, None);
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        match flag.as_str() {
            "--page" => page = Some(flag_value(&flag, inline, &mut args)?),
            "--url" => url = Some(flag_value(&flag, inline, &mut args)?),
            _ if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            _ if file.is_some() => return Err(format!("profile check takes one FILE, not also {arg:?}")),
            _ => file = Some(arg),
        }
    }
    let file = file.ok_or("profile check needs a profile file (or builtin)")?;
    Ok(CheckArgs { file, page, url })
}

/// Exit status: 0 when the file is valid (and, with a page, no part is missing); 1 when
/// it is invalid (every error on standard error) or a part is missing; 2 when a file
/// cannot be read.
pub fn run(args: CheckArgs) -> ExitCode {
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
    let health = match page_health(&profile, &html, args.url.as_deref().unwrap_or("")) {
        Ok(health) => health,
        Err(message) => {
            eprintln!("reply-coach: {message}");
            return ExitCode::from(2);
        }
    };
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
#[cfg(not(target_arch = "wasm32"))]
fn page_health(profile: &Profile, html: &str, url: &str) -> Result<Health, String> {
    use reply_coach::clock::LocalClock;
    use reply_coach::lang::Language;
    use reply_coach::profile::{html::HtmlPage, PageNode};
    use std::time::{SystemTime, UNIX_EPOCH};

    let page = HtmlPage::parse(html);
    let root = page.root();
    // The page's own language reads its times; now is this machine's, in UTC.
    let language = root.attr("lang").and_then(|lang| Language::from_code(lang.get(..2)?));
    let now_ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
    Ok(profile.health(&root, url, language, &LocalClock::new(now_ms, 0)))
}

/// The Wasm build has no HTML parser (the extension has the browser's).
#[cfg(target_arch = "wasm32")]
fn page_health(_profile: &Profile, _html: &str, _url: &str) -> Result<Health, String> {
    Err("reading a saved page needs the native build of reply-coach".into())
}

/// The profile `file` gives and the line that says so; the exit status after saying
/// what is wrong when there is none.
fn load(file: &str) -> Result<(Profile, String), ExitCode> {
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

    fn parse_args(args: &[&str]) -> Result<CheckArgs, String> {
        parse(args.iter().map(|a| a.to_string()))
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
        assert!(parse_args(&[]).unwrap_err().contains("profile check FILE"));
        assert!(parse_args(&["check"]).unwrap_err().contains("needs a profile file"));
        assert!(parse_args(&["check", "a", "b"]).unwrap_err().contains("one FILE"));
        assert!(parse_args(&["check", "a", "--page"]).unwrap_err().contains("--page needs a value"));
        assert!(parse_args(&["check", "a", "--lang", "en"]).unwrap_err().contains("unknown option"));
    }
}
