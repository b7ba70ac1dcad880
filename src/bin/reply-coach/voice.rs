//! `reply-coach voice check PROFILE`: validates a voice profile and runs its examples;
//! and [`load`], the profile `reply-coach lint --voice` takes.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use reply_coach::voice::{self, Voice};
use reply_coach::voice_examples::run_examples;

#[derive(Debug, Subcommand)]
pub enum VoiceCommand {
    /// Validate a voice profile and run its examples
    Check {
        /// A profile file, or a built-in profile's name (formal, friendly, neutral)
        profile: String,
    },
}

/// A built-in profile by name (`formal`, `friendly`, `neutral`), else a profile file.
pub fn load(profile: &str) -> Result<Arc<Voice>, String> {
    if let Some(voice) = Voice::built_in(profile) {
        return Ok(voice);
    }
    read(profile).map(Arc::new)
}

fn read(path: &str) -> Result<Voice, String> {
    // The size first: a wrong file may be large, and is refused unread.
    let size = match std::fs::metadata(path) {
        Ok(metadata) => metadata.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let names: Vec<&str> = voice::BUILT_IN.iter().map(|(name, _)| *name).collect();
            return Err(format!("{path:?} is neither a built-in profile ({}) nor a file", names.join(", ")));
        }
        Err(e) => return Err(format!("cannot read {path}: {e}")),
    };
    if size > voice::MAX_BYTES as u64 {
        let too_large = reply_coach::catalogue::Message::new("voice.too-large").count("max", voice::MAX_BYTES);
        return Err(format!("{path}: {too_large}"));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Voice::parse(&text).map_err(|e| format!("{path}: {e}"))
}

/// Exit status: 0 when the profile is valid and every example passes, 1 otherwise.
pub fn run(command: VoiceCommand) -> ExitCode {
    let VoiceCommand::Check { profile } = command;
    let voice = match load(&profile) {
        Ok(voice) => voice,
        Err(message) => {
            eprintln!("reply-coach: {message}");
            return ExitCode::from(1);
        }
    };
    let failures = run_examples(&voice);
    let examples = voice.examples.len();
    for failure in &failures {
        println!("{profile}: {failure}");
    }
    let name = if voice.name.is_empty() { String::new() } else { format!(" {:?}", voice.name) };
    if failures.is_empty() {
        println!("{profile}: voice profile{name} is valid; {examples} example(s) pass");
        ExitCode::SUCCESS
    } else {
        println!("{profile}: voice profile{name}: {} of {examples} example(s) failed", failures.len());
        ExitCode::from(1)
    }
}
