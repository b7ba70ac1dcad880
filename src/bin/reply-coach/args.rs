//! Command-line arguments, parsed by hand: a handful of flags do not need a parser crate.

use reply_coach::{LanguageChoice, LintContext, Surface};

use crate::profile::{self, CheckArgs};
use crate::templates::{self, TemplatesCommand};
use crate::voice::{self, VoiceCommand};

pub const USAGE: &str = "\
Usage:
  reply-coach lint [OPTIONS] [FILE|-]   lint a draft reply (standard input when no FILE)
  reply-coach rules                     list the rules
  reply-coach templates check [FILE]    validate and lint a template library (the default pack without FILE)
  reply-coach templates render FILE ID [--customer NAME] [--agent NAME] [--page NAME] [--field LABEL=VALUE]...
                                        print one template rendered for a conversation
  reply-coach voice check PROFILE       validate a voice profile and run its examples
  reply-coach profile check FILE|builtin [--page PAGE.html] [--url URL]
                                        validate a page profile file; with --page, what each
                                        part finds on a saved inbox page (--url: its address,
                                        whose thread id says a conversation is open)
  reply-coach --help | --version

Lint options:
  --customer NAME               the customer's display name, e.g. \"Ana Popescu\"
  --agent NAME                  your first name, for the sign-off
  --hours-since-customer HOURS  hours since the customer's last message
  --hours-since-ad-reply HOURS  hours since the customer replied to the ad that opened the
                                thread (Click-to-Messenger or Click-to-Direct: a 7-day window)
  --surface message|comment     a private conversation (default) or a public comment
  --customer-message TEXT       the customer's last message
  --lang auto|en|ro|hy|hi       the draft's language (default: auto)
  --format json|text            output (default: text on a terminal, json otherwise)
  --preview-budget N            characters shown in the inbox preview (default 90)
  --max-words N                 words per reply (default 80)
  --max-sentence-words N        words per sentence (default 30)
  --disable RULE                switch a rule off (repeatable)
  --voice formal|friendly|neutral|FILE
                                the team's voice profile (docs/VOICE.md); its limits
                                replace --preview-budget, --max-words, --max-sentence-words
  --explain                     with --format text, explain each finding

Exit status: 1 if any finding is an error (templates check: an invalid library; voice check:
an invalid profile or a failed example; profile check: an invalid file, or a part missing on
the page), 2 on bad usage, 0 otherwise.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
}

#[derive(Debug)]
pub struct LintArgs {
    pub context: LintContext,
    pub format: Option<Format>,
    pub explain: bool,
    pub input: Option<String>,
}

#[derive(Debug)]
pub enum Command {
    Lint(LintArgs),
    Rules,
    Templates(TemplatesCommand),
    Voice(VoiceCommand),
    Profile(CheckArgs),
    Help,
    Version,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    match args.next().as_deref() {
        None => Err("no command given".into()),
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("-V" | "--version") => Ok(Command::Version),
        Some("rules") => Ok(Command::Rules),
        Some("lint") => parse_lint(args).map(Command::Lint),
        Some("templates") => templates::parse(args).map(Command::Templates),
        Some("voice") => voice::parse(args).map(Command::Voice),
        Some("profile") => profile::parse(args).map(Command::Profile),
        Some(other) => Err(format!("unknown command {other:?}")),
    }
}

/// An argument as a flag and its inline value: `--flag=value` and `--flag value` both
/// work; anything else (a positional, a flag without `=`) comes back whole.
pub fn split_flag(arg: &str) -> (String, Option<String>) {
    match arg.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value.to_string())),
        _ => (arg.to_string(), None),
    }
}

/// The value of `flag`: its inline value, else the next argument.
pub fn flag_value(
    flag: &str,
    inline: Option<String>,
    args: &mut impl Iterator<Item = String>,
) -> Result<String, String> {
    inline.or_else(|| args.next()).ok_or_else(|| format!("{flag} needs a value"))
}

fn parse_lint(mut args: impl Iterator<Item = String>) -> Result<LintArgs, String> {
    let mut parsed = LintArgs { context: LintContext::default(), format: None, explain: false, input: None };
    let context = &mut parsed.context;
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        let mut value = || flag_value(&flag, inline.clone(), &mut args);
        match flag.as_str() {
            "--customer" => context.customer_name = Some(value()?),
            "--agent" => context.agent_name = Some(value()?),
            "--customer-message" => context.customer_message = Some(value()?),
            "--hours-since-customer" => context.hours_since_customer = Some(hours(&flag, &value()?)?),
            "--hours-since-ad-reply" => context.hours_since_ad_reply = Some(hours(&flag, &value()?)?),
            "--surface" => {
                context.surface = match value()?.as_str() {
                    "message" => Surface::Message,
                    "comment" => Surface::Comment,
                    other => return Err(format!("--surface takes message or comment, not {other:?}")),
                }
            }
            "--lang" => {
                let v = value()?;
                context.language = LanguageChoice::from_code(&v)
                    .ok_or_else(|| format!("--lang takes auto, en, ro, hy or hi, not {v:?}"))?;
            }
            "--format" => {
                parsed.format = Some(match value()?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => return Err(format!("--format takes json or text, not {other:?}")),
                })
            }
            "--preview-budget" => context.settings.preview_budget = count(&flag, &value()?)?,
            "--max-words" => context.settings.max_words = count(&flag, &value()?)?,
            "--max-sentence-words" => context.settings.max_sentence_words = count(&flag, &value()?)?,
            "--disable" => context.settings.disabled_rules.push(value()?),
            "--voice" => context.voice = Some(voice::load(&value()?)?),
            "--explain" => parsed.explain = true,
            "-" => set_input(&mut parsed.input, arg)?,
            _ if flag.starts_with('-') => return Err(format!("unknown option {flag:?}")),
            _ => set_input(&mut parsed.input, arg)?,
        }
    }
    parsed.context.validate().map_err(|e| e.to_string())?;
    Ok(parsed)
}

fn set_input(input: &mut Option<String>, arg: String) -> Result<(), String> {
    match input {
        Some(first) => Err(format!("one draft at a time: got {first:?} and {arg:?}")),
        None => {
            *input = Some(arg);
            Ok(())
        }
    }
}

/// A number of hours; its range is checked with the whole context.
fn hours(flag: &str, value: &str) -> Result<f64, String> {
    value.parse().map_err(|_| format!("{flag} takes a number of hours, not {value:?}"))
}

fn count(flag: &str, value: &str) -> Result<usize, String> {
    value.parse().map_err(|_| format!("{flag} takes a whole number, not {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_args(args: &[&str]) -> Result<LintArgs, String> {
        match parse(std::iter::once("lint").chain(args.iter().copied()).map(String::from))? {
            Command::Lint(args) => Ok(args),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_every_flag() {
        let args = lint_args(&[
            "--customer",
            "Ana Popescu",
            "--agent=Maria",
            "--hours-since-customer",
            "30.5",
            "--hours-since-ad-reply=50",
            "--surface",
            "comment",
            "--customer-message",
            "Hi",
            "--lang",
            "ro",
            "--format",
            "text",
            "--max-words",
            "50",
            "--disable",
            "brevity",
            "draft.txt",
        ])
        .unwrap();
        let c = &args.context;
        assert_eq!(c.customer_name.as_deref(), Some("Ana Popescu"));
        assert_eq!(c.agent_name.as_deref(), Some("Maria"));
        assert_eq!(c.hours_since_customer, Some(30.5));
        assert_eq!(c.hours_since_ad_reply, Some(50.0));
        assert_eq!(c.surface, Surface::Comment);
        assert_eq!(c.language, LanguageChoice::Fixed(reply_coach::Language::Ro));
        assert_eq!(c.settings.max_words, 50);
        assert_eq!(c.settings.disabled_rules, ["brevity"]);
        assert_eq!(args.format, Some(Format::Text));
        assert_eq!(args.input.as_deref(), Some("draft.txt"));
    }

    #[test]
    fn rejects_bad_usage_clearly() {
        assert_eq!(lint_args(&["--surface", "wall"]).unwrap_err(), "--surface takes message or comment, not \"wall\"");
        assert_eq!(lint_args(&["--agent"]).unwrap_err(), "--agent needs a value");
        assert!(lint_args(&["--hours-since-customer", "-3"]).unwrap_err().contains("hoursSinceCustomer"));
        assert!(lint_args(&["--hours-since-ad-reply", "-3"]).unwrap_err().contains("hoursSinceAdReply"));
        assert_eq!(
            lint_args(&["--hours-since-ad-reply", "a week"]).unwrap_err(),
            "--hours-since-ad-reply takes a number of hours, not \"a week\""
        );
        assert!(lint_args(&["--hours-since-ad-reply", "NaN"]).unwrap_err().contains("hoursSinceAdReply"));
        assert!(lint_args(&["--disable", "nope"]).unwrap_err().contains("unknown rule id"));
        assert!(lint_args(&["a", "b"]).unwrap_err().contains("one draft at a time"));
        assert!(parse(["frobnicate".to_string()].into_iter()).is_err());
    }
}
