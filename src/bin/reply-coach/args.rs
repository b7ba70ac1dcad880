//! The commands and their flags, declared for clap, which writes `--help` for every
//! command and says what is wrong on bad usage (exit status 2). Values the core knows
//! (languages, surfaces, rule ids, voice profiles) are read by the core's own types and
//! lists; the numbers' ranges are the core's [`LintContext::validate`].

use std::fmt::Display;
use std::sync::Arc;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use reply_coach::catalogue::Locale;
use reply_coach::{rule_id, LanguageChoice, LintContext, Settings, Surface, Voice};

use crate::profile::ProfileCommand;
use crate::templates::TemplatesCommand;
use crate::voice::{self, VoiceCommand};

#[derive(Debug, Parser)]
#[command(name = "reply-coach", version, about, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of findings' messages, explanations and fix labels, whatever the
    /// draft's (the extension's "Language of Reply Coach")
    #[arg(long, global = true, value_name = "CODE", default_value = Locale::En.code(), value_parser = ui_language())]
    pub ui_lang: Locale,
}

const EXIT_STATUS: &str = "\
Exit status: 1 if any finding is an error (templates check: an invalid library; voice check:
an invalid profile or a failed example; profile check: an invalid file, or a part missing on
the page), 2 on bad usage, 0 otherwise.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint a draft reply (standard input when no FILE)
    #[command(after_help = "Exit status: 1 if any finding is an error, 2 on bad usage, 0 otherwise.")]
    Lint(LintArgs),
    /// List the rules, each with its severity and explanation
    Rules,
    /// Check or render a template library (docs/TEMPLATES.md)
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Check a voice profile (docs/VOICE.md)
    #[command(subcommand)]
    Voice(VoiceCommand),
    /// Check a page profile file (src/page_profile/README.md, "Profile files")
    #[command(subcommand)]
    Profile(ProfileCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// The flags of `reply-coach lint`: the conversation the draft answers, the settings and
/// the output.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The customer's display name, e.g. "Ana Popescu"
    #[arg(long, value_name = "NAME")]
    customer: Option<String>,
    /// Your first name, for the sign-off
    #[arg(long, value_name = "NAME")]
    agent: Option<String>,
    /// Hours since the customer's last message
    #[arg(long, value_name = "HOURS", value_parser = hours, allow_negative_numbers = true)]
    hours_since_customer: Option<f64>,
    /// Hours since the customer replied to the ad that opened the thread (Click-to-Messenger
    /// or Click-to-Direct: a 7-day window)
    #[arg(long, value_name = "HOURS", value_parser = hours, allow_negative_numbers = true)]
    hours_since_ad_reply: Option<f64>,
    /// A private conversation or a public comment
    #[arg(long, default_value = Surface::default().code(), value_parser = surface())]
    surface: Surface,
    /// The customer's last message
    #[arg(long, value_name = "TEXT")]
    customer_message: Option<String>,
    /// The draft's language
    #[arg(long, default_value = LanguageChoice::default().code(), value_parser = language())]
    lang: LanguageChoice,
    /// Output [default: text on a terminal, json otherwise]
    #[arg(long)]
    pub format: Option<Format>,
    /// Characters shown in the inbox preview
    #[arg(long, value_name = "N", default_value_t = Settings::default().preview_budget)]
    preview_budget: usize,
    /// Words per reply
    #[arg(long, value_name = "N", default_value_t = Settings::default().max_words)]
    max_words: usize,
    /// Words per sentence
    #[arg(long, value_name = "N", default_value_t = Settings::default().max_sentence_words)]
    max_sentence_words: usize,
    /// Switch a rule off (repeatable; `reply-coach rules` lists them)
    #[arg(long, value_name = "RULE", value_parser = rule(), hide_possible_values = true)]
    disable: Vec<String>,
    /// The team's voice profile (docs/VOICE.md); its limits replace --preview-budget,
    /// --max-words and --max-sentence-words
    #[arg(long, value_name = VOICE_VALUE_NAME, value_parser = voice::load)]
    voice: Option<Arc<Voice>>,
    /// With --format text, explain each finding
    #[arg(long)]
    pub explain: bool,
    /// The draft: a file, or - for standard input
    #[arg(value_name = "FILE|-")]
    pub input: Option<String>,
}

/// `--voice`'s value: the built-in profiles by name (`voice::BUILT_IN`, which a test
/// compares with this) or a file.
const VOICE_VALUE_NAME: &str = "formal|friendly|neutral|FILE";

impl LintArgs {
    /// The lint context the flags describe, checked by the core (hours, limits).
    pub fn context(&self) -> LintContext {
        let mut context = LintContext {
            customer_name: self.customer.clone(),
            agent_name: self.agent.clone(),
            hours_since_customer: self.hours_since_customer,
            hours_since_ad_reply: self.hours_since_ad_reply,
            surface: self.surface,
            customer_message: self.customer_message.clone(),
            language: self.lang,
            voice: self.voice.clone(),
            ..LintContext::default()
        };
        let settings = &mut context.settings;
        settings.preview_budget = self.preview_budget;
        settings.max_words = self.max_words;
        settings.max_sentence_words = self.max_sentence_words;
        settings.disabled_rules = self.disable.clone();
        context
    }
}

/// Exits with status 2 on a usage error found after parsing (the core's range checks),
/// said the way clap says its own, with the usage of `subcommand`.
pub fn usage_error(subcommand: &str, message: impl Display) -> ! {
    let mut command = Cli::command();
    command.build();
    match command.find_subcommand_mut(subcommand) {
        Some(subcommand) => subcommand.error(ErrorKind::ValueValidation, message).exit(),
        None => command.error(ErrorKind::ValueValidation, message).exit(),
    }
}

/// A number of hours; its range is checked with the whole context.
fn hours(value: &str) -> Result<f64, String> {
    value.parse().map_err(|_| "not a number of hours".to_string())
}

/// One of the core's names, read by the core: `codes` are the values `--help` lists and
/// clap accepts, `from_code` turns the accepted one into the core's type.
fn core_names<T: Clone + Send + Sync + 'static>(
    codes: impl IntoIterator<Item = &'static str>,
    from_code: fn(&str) -> Option<T>,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(codes).try_map(move |code| from_code(&code).ok_or("not a name the core reads"))
}

fn surface() -> impl TypedValueParser<Value = Surface> {
    core_names(Surface::ALL.map(Surface::code), Surface::from_code)
}

fn language() -> impl TypedValueParser<Value = LanguageChoice> {
    core_names(LanguageChoice::ALL.map(LanguageChoice::code), LanguageChoice::from_code)
}

fn ui_language() -> impl TypedValueParser<Value = Locale> {
    core_names(Locale::ALL.map(Locale::code), Locale::from_code)
}

fn rule() -> impl TypedValueParser<Value = String> {
    core_names(rule_id::ALL.iter().copied(), |id| rule_id::is_known(id).then(|| id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_args(args: &[&str]) -> Result<LintArgs, clap::Error> {
        match Cli::try_parse_from(["reply-coach", "lint"].iter().chain(args))?.command {
            Command::Lint(args) => Ok(args),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_commands_are_well_formed() {
        Cli::command().debug_assert();
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
            "--preview-budget",
            "60",
            "--max-words",
            "50",
            "--max-sentence-words",
            "20",
            "--disable",
            "brevity",
            "--disable=tone-shout",
            "--voice",
            "formal",
            "--explain",
            "draft.txt",
        ])
        .unwrap();
        let c = args.context();
        assert_eq!(c.customer_name.as_deref(), Some("Ana Popescu"));
        assert_eq!(c.agent_name.as_deref(), Some("Maria"));
        assert_eq!(c.hours_since_customer, Some(30.5));
        assert_eq!(c.hours_since_ad_reply, Some(50.0));
        assert_eq!(c.surface, Surface::Comment);
        assert_eq!(c.customer_message.as_deref(), Some("Hi"));
        assert_eq!(c.language, LanguageChoice::Fixed(reply_coach::Language::Ro));
        assert_eq!((c.settings.preview_budget, c.settings.max_words, c.settings.max_sentence_words), (60, 50, 20));
        assert_eq!(c.settings.disabled_rules, ["brevity", "tone-shout"]);
        assert_eq!(c.voice, Voice::built_in("formal"));
        assert_eq!((args.format, args.explain), (Some(Format::Text), true));
        assert_eq!(args.input.as_deref(), Some("draft.txt"));
    }

    #[test]
    fn defaults_are_the_cores() {
        let args = lint_args(&[]).unwrap();
        assert_eq!(args.context(), LintContext::default());
        assert_eq!((args.format, args.explain, args.input), (None, false, None));
        assert_eq!(lint_args(&["-"]).unwrap().input.as_deref(), Some("-"));
    }

    #[test]
    fn the_voice_value_names_the_built_in_profiles() {
        let names: Vec<&str> = reply_coach::voice::BUILT_IN.iter().map(|(name, _)| *name).collect();
        assert_eq!(VOICE_VALUE_NAME, format!("{}|FILE", names.join("|")));
    }

    #[test]
    fn rejects_bad_usage_clearly() {
        let kind = |args: &[&str]| lint_args(args).map(|_| ()).unwrap_err().kind();
        assert_eq!(kind(&["--surface", "wall"]), ErrorKind::InvalidValue);
        assert_eq!(kind(&["--lang", "fr"]), ErrorKind::InvalidValue);
        assert_eq!(kind(&["--disable", "nope"]), ErrorKind::InvalidValue);
        assert_eq!(kind(&["--agent"]), ErrorKind::InvalidValue);
        assert_eq!(kind(&["--hours-since-ad-reply", "a week"]), ErrorKind::ValueValidation);
        assert_eq!(kind(&["--max-words", "many"]), ErrorKind::ValueValidation);
        assert_eq!(kind(&["--voice", "playful"]), ErrorKind::ValueValidation);
        assert_eq!(kind(&["a", "b"]), ErrorKind::UnknownArgument);
        assert_eq!(kind(&["--frobnicate"]), ErrorKind::UnknownArgument);
        let error = lint_args(&["--surface", "wall"]).map(|_| ()).unwrap_err().to_string();
        assert!(error.contains("[possible values: message, comment]"), "{error}");
        assert!(Cli::try_parse_from(["reply-coach", "frobnicate"]).is_err());
    }

    #[test]
    fn the_core_checks_the_ranges() {
        let range = |args: &[&str]| lint_args(args).unwrap().context().validate().unwrap_err().to_string();
        assert!(range(&["--hours-since-customer", "-3"]).contains("hoursSinceCustomer"));
        assert!(range(&["--hours-since-ad-reply=-3"]).contains("hoursSinceAdReply"));
        assert!(range(&["--hours-since-ad-reply", "NaN"]).contains("hoursSinceAdReply"));
        assert!(range(&["--max-words", "0"]).contains("settings.maxWords must be at least 1"));
    }
}
