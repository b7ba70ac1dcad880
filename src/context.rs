//! What the linter knows about the conversation a draft answers, and the agent's settings.
//!
//! Everything is optional: what the page could not tell stays `None`, and the rules that
//! need it stay silent. Field names are camelCase, as the extension sends them.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalogue::Message;
use crate::clock::ClockSettings;
use crate::lang::Language;
use crate::respond::BusinessHours;
use crate::rule_id;
use crate::text::json;
use crate::text::number::shown;
use crate::voice::Voice;

/// Where the reply will appear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Surface {
    /// A private conversation (Messenger, Instagram Direct): the 24-hour window applies.
    #[default]
    Message,
    /// A public reply to a comment: everyone can read it.
    Comment,
}

impl Surface {
    pub const ALL: [Surface; 2] = [Surface::Message, Surface::Comment];

    /// The name in contexts (serde's, too): `message` or `comment`.
    pub fn code(self) -> &'static str {
        match self {
            Surface::Message => "message",
            Surface::Comment => "comment",
        }
    }

    pub fn from_code(code: &str) -> Option<Surface> {
        Surface::ALL.into_iter().find(|surface| surface.code() == code)
    }
}

/// The draft's language, or `auto` to detect it. Written as its code (`auto`, `ro`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum LanguageChoice {
    #[default]
    Auto,
    Fixed(Language),
}

impl LanguageChoice {
    /// `auto`, then every language of [`Language::ALL`].
    pub const ALL: [LanguageChoice; Language::COUNT + 1] = {
        let mut all = [LanguageChoice::Auto; Language::COUNT + 1];
        let mut at = 0;
        while at < Language::COUNT {
            all[at + 1] = LanguageChoice::Fixed(Language::ALL[at]);
            at += 1;
        }
        all
    };

    pub fn fixed(self) -> Option<Language> {
        match self {
            LanguageChoice::Auto => None,
            LanguageChoice::Fixed(language) => Some(language),
        }
    }

    /// The name in settings and contexts (serde's, too): `auto` or the language's code.
    pub fn code(self) -> &'static str {
        self.fixed().map_or("auto", Language::code)
    }

    pub fn from_code(code: &str) -> Option<LanguageChoice> {
        LanguageChoice::ALL.into_iter().find(|choice| choice.code() == code)
    }
}

impl TryFrom<String> for LanguageChoice {
    type Error = String;

    /// The error reads as serde's for an unknown variant, as the Wasm's reader of the
    /// context (`src/wasm/read.rs`) says it too.
    fn try_from(code: String) -> Result<Self, String> {
        LanguageChoice::from_code(&code).ok_or_else(|| {
            let expected: Vec<String> =
                LanguageChoice::ALL.iter().map(|choice| format!("`{}`", choice.code())).collect();
            format!("unknown variant `{code}`, expected one of {}", expected.join(", "))
        })
    }
}

impl From<LanguageChoice> for &'static str {
    fn from(choice: LanguageChoice) -> &'static str {
        choice.code()
    }
}

/// Thresholds and switches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// Characters of a reply the inbox shows in its preview (guideline 000 §2).
    pub preview_budget: usize,
    /// Words a chat reply should stay under.
    pub max_words: usize,
    /// Words one sentence should stay under.
    pub max_sentence_words: usize,
    /// Hours after the customer's last message during which any reply is allowed.
    pub window_hours: f64,
    /// Hours after the customer's reply to a Click-to-Messenger or Click-to-Direct ad (the
    /// message that opened the thread) during which any reply is allowed (7 days).
    pub ad_window_hours: f64,
    /// Hours after which not even a human agent may reply (7 days).
    pub human_agent_hours: f64,
    /// Rule ids switched off.
    pub disabled_rules: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            preview_budget: 90,
            max_words: 80,
            max_sentence_words: 30,
            window_hours: 24.0,
            ad_window_hours: 168.0,
            human_agent_hours: 168.0,
            disabled_rules: Vec::new(),
        }
    }
}

/// The conversation a draft answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LintContext {
    /// The customer's display name as the inbox shows it ("Ana Popescu").
    pub customer_name: Option<String>,
    /// The agent's first name, for the sign-off.
    pub agent_name: Option<String>,
    /// Hours since the customer's last message.
    pub hours_since_customer: Option<f64>,
    /// Hours since the customer replied to the ad that opened the thread (a
    /// Click-to-Messenger or Click-to-Direct ad, whose standard window lasts 7 days);
    /// `None` when the thread did not come from an ad, or that is not known.
    pub hours_since_ad_reply: Option<f64>,
    pub surface: Surface,
    /// The customer's last message, to tell whether they are upset.
    pub customer_message: Option<String>,
    pub language: LanguageChoice,
    pub settings: Settings,
    /// The team's voice profile; `None` lints by the guidelines alone. Shared, not
    /// copied: the page clones the context on every lint. Not part of the JSON context:
    /// the CLI takes `--voice` and the extension its stored settings.
    #[serde(skip)]
    pub voice: Option<Arc<Voice>>,
}

/// A context that cannot be linted against, with what to correct (shown in the UI
/// language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextError(pub Message);

impl fmt::Display for ContextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ContextError {}

impl LintContext {
    /// Checks the numbers and rule ids, so a typo is reported instead of ignored.
    pub fn validate(&self) -> Result<(), ContextError> {
        let err = |message: Message| Err(ContextError(message));
        for (name, hours) in
            [("hoursSinceCustomer", self.hours_since_customer), ("hoursSinceAdReply", self.hours_since_ad_reply)]
        {
            if let Some(hours) = hours {
                if !hours.is_finite() || hours < 0.0 {
                    return err(Message::new("context.hours").text("name", name).text("got", shown(hours)));
                }
            }
        }
        let s = &self.settings;
        for (name, value) in
            [("previewBudget", s.preview_budget), ("maxWords", s.max_words), ("maxSentenceWords", s.max_sentence_words)]
        {
            if value == 0 {
                return err(Message::new("context.at-least-one").text("name", name));
            }
        }
        if !(s.window_hours.is_finite()
            && s.window_hours > 0.0
            && s.human_agent_hours.is_finite()
            && s.human_agent_hours >= s.window_hours)
        {
            return err(Message::new("context.window-hours")
                .text("window", shown(s.window_hours))
                .text("human", shown(s.human_agent_hours)));
        }
        if !(s.ad_window_hours.is_finite() && s.ad_window_hours > 0.0) {
            return err(Message::new("context.ad-window-hours").text("got", shown(s.ad_window_hours)));
        }
        if let Some(unknown) = s.disabled_rules.iter().find(|id| !rule_id::is_known(id)) {
            return err(Message::new("context.unknown-rule")
                .text("id", format!("{unknown:?}"))
                .text("known", rule_id::ALL.join(", ")));
        }
        Ok(())
    }
}

/// The schema version of the stored settings this build writes and reads (`version`).
/// Version 1 added the field itself; an object without one is version 0, the original
/// shape, whose fields are those of version 1, so reading it as version 1 migrates it (the
/// options page writes `version: 1` with the agent's next change). A later version that
/// renames or reshapes a field converts the older shapes in [`StoredSettings::from_json`].
pub const SETTINGS_VERSION: u64 = 1;

/// The agent's settings as the options page stores them (`chrome.storage.sync`, key
/// `settings`): `{version, agentName, language, previewBudget, maxWords, maxSentenceWords,
/// disabledRules, closingHours, lastHourHours, waitingAmberMinutes, waitingRedMinutes,
/// toolbarCount, businessHours, voice}`, each optional (`toolbarCount` is the service worker's alone); `voice` is a
/// built-in profile's name or a profile document (`docs/VOICE.md`).
///
/// Read leniently, unlike [`LintContext`]: storage outlives versions and syncs between
/// browsers, so a value this version cannot use (a rule id it does not know, a limit of
/// 0) is skipped with a note, and the rest still applies. Settings of a newer version are
/// read the same way (the fields this version knows), with a note saying so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredSettings {
    pub agent_name: Option<String>,
    pub language: LanguageChoice,
    /// `uiLanguage`: the language of Reply Coach's own texts (card, badges, pages), which
    /// `extension/i18n.js` reads; `auto` is the browser's. Independent of the draft's
    /// `language`: an agent may answer Hindi customers with an English UI.
    pub ui_language: LanguageChoice,
    pub settings: Settings,
    /// The reply clock's thresholds: `closingHours` and `lastHourHours` may be set (each
    /// under the 24 h window, closing not after the last hour), and the wait's
    /// `waitingAmberMinutes` and `waitingRedMinutes` (whole minutes under 24 hours, amber
    /// not after red); the rest is Meta's policy.
    pub clock: ClockSettings,
    /// The team's voice profile, parsed once when the settings change.
    pub voice: Option<Arc<Voice>>,
    /// `businessHours` ([`BusinessHours::from_json`]): outside them no time counts toward
    /// the response figures (`background.js` passes the stored value to `responseReport`);
    /// `None` (stored `null`) counts all time.
    pub business_hours: Option<BusinessHours>,
}

impl StoredSettings {
    /// The settings as the settings page edits them, as JSON text: the version it writes,
    /// every field's default, which fields are word limits (whole numbers from 1), the
    /// clock's hour thresholds (above 0, under 24) and the waiting marks (whole minutes),
    /// the toolbar's counts (the service worker's choice, the first the default), business
    /// hours (none by default: all time counts), the
    /// language choices and the rule ids. The one source the page and its tests read, so that nothing here is
    /// written twice across languages.
    pub fn schema_json() -> String {
        let settings = Settings::default();
        let clock = ClockSettings::default();
        let mut json = format!("{{\"version\":{SETTINGS_VERSION},\"defaults\":{{\"agentName\":\"\",\"language\":");
        json::push_quoted(&mut json, LanguageChoice::default().code());
        json.push_str(",\"uiLanguage\":");
        json::push_quoted(&mut json, LanguageChoice::default().code());
        let numbers = [
            ("previewBudget", settings.preview_budget as f64),
            ("maxWords", settings.max_words as f64),
            ("maxSentenceWords", settings.max_sentence_words as f64),
            ("closingHours", clock.closing_hours),
            ("lastHourHours", clock.last_hour_hours),
            ("waitingAmberMinutes", clock.waiting_amber_minutes),
            ("waitingRedMinutes", clock.waiting_red_minutes),
        ];
        for (name, value) in numbers {
            json.push(',');
            json::push_quoted(&mut json, name);
            json.push(':');
            json.push_str(&shown(value));
        }
        json.push_str(",\"disabledRules\":[],\"toolbarCount\":");
        json::push_quoted(&mut json, TOOLBAR_COUNTS[0]);
        json.push_str(",\"businessHours\":null},\"limits\":");
        push_texts(&mut json, ["previewBudget", "maxWords", "maxSentenceWords"]);
        json.push_str(",\"thresholds\":");
        push_texts(&mut json, ["closingHours", "lastHourHours"]);
        json.push_str(",\"waiting\":");
        push_texts(&mut json, ["waitingAmberMinutes", "waitingRedMinutes"]);
        json.push_str(",\"toolbarCounts\":");
        push_texts(&mut json, TOOLBAR_COUNTS);
        json.push_str(",\"languages\":");
        push_texts(&mut json, LanguageChoice::ALL.map(LanguageChoice::code));
        json.push_str(",\"ruleIds\":");
        push_texts(&mut json, rule_id::ALL.iter().copied());
        json.push('}');
        json
    }

    /// Reads the stored object; returns the usable settings and one note per value skipped.
    pub fn from_json(value: &serde_json::Value) -> (StoredSettings, Vec<Message>) {
        let mut stored = StoredSettings::default();
        let mut notes = Vec::new();
        let Some(object) = value.as_object() else {
            if !value.is_null() {
                notes.push(Message::new("settings.not-an-object").text("got", json::shown(value).to_string()));
            }
            return (stored, notes);
        };
        let skip = |notes: &mut Vec<Message>, name: &str, value: &serde_json::Value, why: Message| {
            notes.push(
                Message::new("settings.skipped")
                    .text("name", name)
                    .message("why", why)
                    .text("got", json::shown(value).to_string()),
            );
        };
        for (name, value) in object {
            match name.as_str() {
                "agentName" => match value.as_str().map(str::trim) {
                    Some("") => {}
                    Some(name) => stored.agent_name = Some(name.to_string()),
                    None => skip(&mut notes, name, value, Message::new("settings.must-be-text")),
                },
                "language" | "uiLanguage" => match value.as_str().and_then(LanguageChoice::from_code) {
                    Some(choice) if name == "language" => stored.language = choice,
                    Some(choice) => stored.ui_language = choice,
                    None => {
                        let codes = LanguageChoice::ALL.map(LanguageChoice::code).join(", ");
                        skip(&mut notes, name, value, Message::new("settings.must-be-one-of").text("codes", codes))
                    }
                },
                "previewBudget" | "maxWords" | "maxSentenceWords" => {
                    let limit = match name.as_str() {
                        "previewBudget" => &mut stored.settings.preview_budget,
                        "maxWords" => &mut stored.settings.max_words,
                        _ => &mut stored.settings.max_sentence_words,
                    };
                    match value.as_u64().and_then(|n| usize::try_from(n).ok()).filter(|&n| n >= 1) {
                        Some(n) => *limit = n,
                        None => skip(&mut notes, name, value, Message::new("settings.must-be-a-count")),
                    }
                }
                "disabledRules" => match value.as_array() {
                    Some(ids) => {
                        for id in ids {
                            match id.as_str().filter(|id| rule_id::is_known(id)) {
                                Some(id) => stored.settings.disabled_rules.push(id.to_string()),
                                None => notes.push(
                                    Message::new("settings.no-such-rule").text("id", json::shown(id).to_string()),
                                ),
                            }
                        }
                    }
                    None => skip(&mut notes, name, value, Message::new("settings.must-be-rule-ids")),
                },
                "closingHours" | "lastHourHours" => {
                    let window = stored.clock.window_hours;
                    match value.as_f64().filter(|&h| h > 0.0 && h < window) {
                        Some(h) if name == "closingHours" => stored.clock.closing_hours = h,
                        Some(h) => stored.clock.last_hour_hours = h,
                        None => skip(&mut notes, name, value, Message::new("settings.must-be-hours")),
                    }
                }
                "waitingAmberMinutes" | "waitingRedMinutes" => {
                    let most = (stored.clock.window_hours * 60.0) as u64 - 1;
                    match value.as_u64().filter(|m| (1..=most).contains(m)) {
                        Some(m) if name == "waitingAmberMinutes" => stored.clock.waiting_amber_minutes = m as f64,
                        Some(m) => stored.clock.waiting_red_minutes = m as f64,
                        None => skip(&mut notes, name, value, Message::new("settings.must-be-minutes")),
                    }
                }
                "version" => match value.as_u64() {
                    Some(version) if version > SETTINGS_VERSION => notes.push(
                        Message::new("settings.newer-version")
                            .text("version", version.to_string())
                            .text("known", SETTINGS_VERSION.to_string()),
                    ),
                    Some(_) => {}
                    None => notes.push(
                        Message::new("settings.version-not-a-number")
                            .text("got", json::shown(value).to_string())
                            .text("known", SETTINGS_VERSION.to_string()),
                    ),
                },
                "businessHours" if value.is_null() => {}
                "businessHours" => match BusinessHours::from_json(value) {
                    Ok(hours) => stored.business_hours = Some(hours),
                    Err(why) => skip(
                        &mut notes,
                        name,
                        value,
                        Message::new("settings.business-hours-unused").message("why", why),
                    ),
                },
                "voice" if value.is_null() => {}
                "voice" => match Voice::from_setting(value) {
                    Ok(voice) => stored.voice = Some(voice),
                    Err(why) => notes.push(Message::new("settings.voice-unused").text("why", why.to_string())),
                },
                // A newer version's setting: kept in storage, unused here.
                _ => {}
            }
        }
        if let Err(why) = stored.clock.validate() {
            notes.push(Message::new("settings.clock-defaults").message("why", why));
            stored.clock = ClockSettings::default();
        }
        (stored, notes)
    }

    /// The first name to offer as the agent's, seen as the "Sent by <full name>" line of
    /// the open conversation (`sent_by`): only while no name is set here, and only a name
    /// the settings page accepts ([`agent_first_name`]).
    pub fn suggested_agent_name(&self, sent_by: Option<&str>) -> Option<String> {
        if self.agent_name.is_some() {
            return None;
        }
        agent_first_name(sent_by?)
    }

    /// The context for a draft: what the page told (`page`) with these settings on top.
    pub fn apply_to(&self, page: LintContext) -> LintContext {
        LintContext {
            agent_name: self.agent_name.clone(),
            language: self.language,
            settings: self.settings.clone(),
            voice: self.voice.clone(),
            ..page
        }
    }
}

/// The longest first name the settings page takes.
pub const MAX_AGENT_NAME_CHARS: usize = 40;

/// The first name of a person's full name ("Maria" of "Maria Popa"; never the last name),
/// when it is one the settings page would store: one word of letters, with the marks,
/// hyphens and apostrophes names have ("Ana-Maria", "O'Neil", "राहुल"), starting with a
/// letter. A handle, a number or a symbol gives none.
pub fn agent_first_name(full_name: &str) -> Option<String> {
    let first = crate::draft::PersonName::parse(full_name)?.first.text;
    let mut chars = first.chars();
    let starts = chars.next().is_some_and(char::is_alphabetic);
    let word = chars.all(|c| c.is_alphabetic() || is_mark(c) || matches!(c, '\'' | '’' | '-'));
    (starts && word && first.chars().count() <= MAX_AGENT_NAME_CHARS).then_some(first)
}

/// Combining marks of the scripts we write (Devanagari's and Armenian's vowel signs and
/// the Latin combining accents), which `char::is_alphabetic` leaves out.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}'..='\u{0963}')
}

/// What the toolbar icon of an inbox tab may count (`toolbarCount`, read by background.js):
/// the threads in their last hour, or those waiting past the red mark.
const TOOLBAR_COUNTS: [&str; 2] = ["lastHour", "waiting"];

/// `["a","b"]`.
fn push_texts<'a>(json: &mut String, texts: impl IntoIterator<Item = &'a str>) {
    json.push('[');
    for (at, text) in texts.into_iter().enumerate() {
        if at > 0 {
            json.push(',');
        }
        json::push_quoted(json, text);
    }
    json.push(']');
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_schema_is_json_with_the_defaults_the_core_applies() {
        let schema: serde_json::Value = serde_json::from_str(&StoredSettings::schema_json()).expect("JSON");
        let defaults = &schema["defaults"];
        assert_eq!(schema["version"], SETTINGS_VERSION);
        assert_eq!(defaults["maxWords"], 80);
        assert_eq!(defaults["closingHours"], 20);
        assert_eq!(
            (defaults["waitingRedMinutes"].as_u64(), defaults["toolbarCount"].as_str()),
            (Some(15), Some("lastHour"))
        );
        assert_eq!(defaults["language"], "auto");
        assert_eq!(defaults["uiLanguage"], "auto");
        assert_eq!(schema["languages"], serde_json::json!(["auto", "en", "ro", "hy", "hi"]));
        assert_eq!(schema["ruleIds"].as_array().map(Vec::len), Some(rule_id::ALL.len()));
        // Stored as they are, the defaults read back as the defaults, with nothing skipped.
        let (stored, notes) = read_english(defaults);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(stored.settings, Settings::default());
        assert_eq!(stored.clock, ClockSettings::default());
        assert!(defaults["businessHours"].is_null() && stored.business_hours.is_none());
        let lists =
            ["limits", "thresholds", "waiting"].map(|list| schema[list].as_array().cloned().unwrap_or_default());
        for limit in lists.iter().flatten() {
            assert!(defaults.get(limit.as_str().unwrap_or_default()).is_some(), "{limit} has a default");
        }
    }

    use super::*;
    use crate::catalogue::{render, Locale};

    /// The stored settings and their notes in English.
    fn read_english(json: &serde_json::Value) -> (StoredSettings, Vec<String>) {
        let (stored, notes) = StoredSettings::from_json(json);
        (stored, notes.iter().map(|note| render(note, Locale::En)).collect())
    }

    #[test]
    fn notes_are_messages_with_the_setting_and_the_value_as_arguments() {
        let (_, notes) = StoredSettings::from_json(&serde_json::json!({"maxWords": "many"}));
        let expected = Message::new("settings.skipped")
            .text("name", "maxWords")
            .message("why", Message::new("settings.must-be-a-count"))
            .text("got", "\"many\"");
        assert_eq!(notes, [expected]);
        assert_eq!(
            render(&notes[0], Locale::En),
            "settings.maxWords: must be a whole number, 1 or more (got \"many\"); using the default"
        );
        assert_eq!(
            render(&notes[0], Locale::Ro),
            "settings.maxWords: trebuie să fie un număr întreg, cel puțin 1 (primit: \"many\"); se folosește valoarea implicită"
        );
    }

    #[test]
    fn the_agent_first_name_is_the_first_word_of_a_name() {
        assert_eq!(agent_first_name("Maria Popa").as_deref(), Some("Maria"));
        assert_eq!(agent_first_name("  Ana-Maria  Ionescu ").as_deref(), Some("Ana-Maria"));
        assert_eq!(agent_first_name("Dr. Ana Popescu").as_deref(), Some("Ana"), "a title is skipped");
        assert_eq!(agent_first_name("Արամ Պետրոսյան").as_deref(), Some("Արամ"));
        assert_eq!(agent_first_name("राहुल शर्मा").as_deref(), Some("राहुल"));
        assert_eq!(agent_first_name("प्रिया शर्मा").as_deref(), Some("प्रिया"), "a virama inside");
        assert_eq!(agent_first_name("Zoë").as_deref(), Some("Zoë"));
        assert_eq!(agent_first_name("Sean O'Neil").as_deref(), Some("Sean"));
        for not_a_name in ["maria.popa", "agent_7 Smith", "R2D2", "", "  ", "🌸", "Ma&ria Popa"] {
            assert_eq!(agent_first_name(not_a_name), None, "{not_a_name:?}");
        }
        assert_eq!(agent_first_name(&"a".repeat(41)), None, "longer than the settings page takes");
    }

    #[test]
    fn a_name_is_suggested_only_while_none_is_set() {
        let none = StoredSettings::default();
        assert_eq!(none.suggested_agent_name(Some("Maria Popa")).as_deref(), Some("Maria"));
        assert_eq!(none.suggested_agent_name(None), None);
        assert_eq!(none.suggested_agent_name(Some("maria.popa")), None);
        let (set, _) = read_english(&serde_json::json!({"agentName": "Ioana"}));
        assert_eq!(set.suggested_agent_name(Some("Maria Popa")), None);
        // A blank stored name is no name.
        let (blank, _) = read_english(&serde_json::json!({"agentName": "  "}));
        assert_eq!(blank.suggested_agent_name(Some("Maria Popa")).as_deref(), Some("Maria"));
    }

    #[test]
    fn surface_and_language_codes_are_serde_names() {
        for surface in Surface::ALL {
            assert_eq!(serde_json::to_value(surface).unwrap(), surface.code());
            assert_eq!(Surface::from_code(surface.code()), Some(surface));
        }
        for choice in LanguageChoice::ALL {
            assert_eq!(serde_json::to_value(choice).unwrap(), choice.code());
        }
        assert_eq!(Surface::from_code("wall"), None);
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(LintContext::default().validate(), Ok(()));
    }

    #[test]
    fn bad_values_are_named() {
        let mut ctx = LintContext { hours_since_customer: Some(-1.0), ..Default::default() };
        assert!(ctx.validate().unwrap_err().to_string().contains("hoursSinceCustomer"));
        ctx.hours_since_customer = Some(f64::NAN);
        assert!(ctx.validate().is_err());
        ctx.hours_since_customer = None;
        ctx.settings.disabled_rules = vec!["tone-shouting".into()];
        let message = ctx.validate().unwrap_err().to_string();
        assert!(message.contains("\"tone-shouting\"") && message.contains("tone-shout"), "{message}");
        ctx.settings = Settings { max_words: 0, ..Settings::default() };
        assert!(ctx.validate().unwrap_err().to_string().contains("maxWords"));
        ctx.settings = Settings { window_hours: 200.0, ..Settings::default() };
        assert!(ctx.validate().is_err());
        ctx.settings = Settings { ad_window_hours: 0.0, ..Settings::default() };
        assert!(ctx.validate().unwrap_err().to_string().contains("adWindowHours"));
        ctx.settings = Settings::default();
        for bad in [-0.5, f64::NAN, f64::INFINITY] {
            ctx.hours_since_ad_reply = Some(bad);
            assert!(ctx.validate().unwrap_err().to_string().starts_with("hoursSinceAdReply must be"), "{bad}");
        }
        ctx.hours_since_ad_reply = Some(0.0);
        assert_eq!(ctx.validate(), Ok(()));
    }

    #[test]
    fn the_ad_reply_is_read_from_json_in_camel_case() {
        let ctx: LintContext = serde_json::from_str(
            r#"{"hoursSinceCustomer": 30, "hoursSinceAdReply": 50.5, "settings": {"adWindowHours": 100}}"#,
        )
        .unwrap();
        assert_eq!((ctx.hours_since_customer, ctx.hours_since_ad_reply), (Some(30.0), Some(50.5)));
        assert_eq!(ctx.settings.ad_window_hours, 100.0);
        assert_eq!(serde_json::from_str::<LintContext>("{}").unwrap().hours_since_ad_reply, None);
        let typo = serde_json::from_str::<LintContext>(r#"{"hoursSinceAd": 3}"#).unwrap_err().to_string();
        assert!(typo.contains("hoursSinceAdReply"), "{typo}");
    }

    #[test]
    fn stored_settings_keep_what_is_usable() {
        let json = serde_json::json!({
            "agentName": " Ana ", "language": "ro", "uiLanguage": "hi", "previewBudget": 0, "maxWords": 50,
            "maxSentenceWords": "many", "disabledRules": ["brevity", "old-rule"], "theme": "dark"
        });
        let (stored, notes) = read_english(&json);
        assert_eq!(stored.agent_name.as_deref(), Some("Ana"));
        assert_eq!(stored.language, LanguageChoice::Fixed(Language::Ro));
        assert_eq!(stored.ui_language, LanguageChoice::Fixed(Language::Hi));
        assert_eq!(stored.settings.preview_budget, Settings::default().preview_budget);
        assert_eq!(stored.settings.max_words, 50);
        assert_eq!(stored.settings.max_sentence_words, Settings::default().max_sentence_words);
        assert_eq!(stored.settings.disabled_rules, ["brevity"]);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes.iter().any(|note| note.contains("previewBudget")), "{notes:?}");
        assert!(notes.iter().any(|note| note.contains("old-rule")), "{notes:?}");
    }

    #[test]
    fn stored_settings_read_the_clock_thresholds() {
        let read = |json| read_english(&json);
        let (stored, notes) = read(serde_json::json!({"closingHours": 18, "lastHourHours": 22.5}));
        assert_eq!((stored.clock.closing_hours, stored.clock.last_hour_hours), (18.0, 22.5));
        assert_eq!(stored.clock.window_hours, 24.0);
        assert!(notes.is_empty(), "{notes:?}");
        // Out of range or not a number: that one keeps its default, the other applies.
        for bad in [serde_json::json!(0), serde_json::json!(24), serde_json::json!(-3), serde_json::json!("18")] {
            let (stored, notes) = read(serde_json::json!({"closingHours": bad, "lastHourHours": 22}));
            assert_eq!((stored.clock.closing_hours, stored.clock.last_hour_hours), (20.0, 22.0), "{bad}");
            assert!(notes.len() == 1 && notes[0].contains("closingHours"), "{notes:?}");
        }
        // Closing after the last hour: neither can be right, both take their defaults.
        let (stored, notes) = read(serde_json::json!({"closingHours": 22, "lastHourHours": 21}));
        assert_eq!(stored.clock, ClockSettings::default());
        assert!(notes.len() == 1 && notes[0].contains("closingHours"), "{notes:?}");
        let (stored, notes) = read(serde_json::json!({"lastHourHours": 19}));
        assert_eq!(stored.clock, ClockSettings::default());
        assert_eq!(notes.len(), 1, "{notes:?}");
        // Equal is allowed: no amber stage.
        assert_eq!(read(serde_json::json!({"closingHours": 23})).0.clock.closing_hours, 23.0);
    }

    #[test]
    fn stored_settings_read_the_waiting_marks() {
        let read = |json| read_english(&json);
        let (stored, notes) = read(serde_json::json!({"waitingAmberMinutes": 5, "waitingRedMinutes": 12}));
        assert_eq!((stored.clock.waiting_amber_minutes, stored.clock.waiting_red_minutes), (5.0, 12.0));
        assert!(notes.is_empty(), "{notes:?}");
        for bad in [serde_json::json!(0), serde_json::json!(1440), serde_json::json!(7.5), serde_json::json!("7")] {
            let (stored, notes) = read(serde_json::json!({"waitingAmberMinutes": bad, "waitingRedMinutes": 12}));
            assert_eq!((stored.clock.waiting_amber_minutes, stored.clock.waiting_red_minutes), (10.0, 12.0), "{bad}");
            assert!(notes.len() == 1 && notes[0].contains("waitingAmberMinutes"), "{notes:?}");
        }
        // Amber after red: neither can be right, the clock takes its defaults.
        let (stored, notes) = read(serde_json::json!({"waitingAmberMinutes": 20, "waitingRedMinutes": 15}));
        assert_eq!(stored.clock, ClockSettings::default());
        assert!(notes.len() == 1 && notes[0].contains("waitingAmberMinutes (20)"), "{notes:?}");
        // The toolbar's choice is the service worker's: no note here.
        assert!(read(serde_json::json!({"toolbarCount": "waiting"})).1.is_empty());
    }

    #[test]
    fn stored_settings_read_the_business_hours() {
        let nine_to_five =
            serde_json::json!([[540, 1020], [540, 1020], [540, 1020], [540, 1020], [540, 1020], null, null]);
        let (stored, notes) = read_english(&serde_json::json!({"businessHours": nine_to_five}));
        assert!(notes.is_empty(), "{notes:?}");
        let hours = stored.business_hours.expect("read");
        assert_eq!(hours.0[0], Some(crate::respond::Opening { open_min: 540, close_min: 1020 }));
        assert_eq!(hours.0[5], None);
        assert_eq!(hours.to_json(), nine_to_five);
        // Overnight and to midnight (1440) are hours too.
        let night = serde_json::json!([[1320, 360], null, null, null, null, null, [0, 1440]]);
        assert!(read_english(&serde_json::json!({"businessHours": night})).0.business_hours.is_some());
        // null is the default: no hours, no note.
        assert_eq!(read_english(&serde_json::json!({"businessHours": null})), (StoredSettings::default(), vec![]));
        // A bad value is named and not used; the rest still applies.
        for bad in [
            serde_json::json!([[540, 1020]]),
            serde_json::json!([[540, 540], null, null, null, null, null, null]),
            serde_json::json!([[540, 1441], null, null, null, null, null, null]),
            serde_json::json!([null, null, null, null, null, null, null]),
            serde_json::json!("9-17"),
            serde_json::json!({"monday": [540, 1020]}),
        ] {
            let (stored, notes) = read_english(&serde_json::json!({"businessHours": bad, "maxWords": 40}));
            assert_eq!((stored.business_hours, stored.settings.max_words), (None, 40), "{bad}");
            assert!(notes.len() == 1 && notes[0].starts_with("settings.businessHours: "), "{notes:?}");
            assert!(notes[0].contains("all time counts"), "{notes:?}");
        }
    }

    #[test]
    fn stored_settings_read_a_voice_by_name_or_document() {
        let (stored, notes) = read_english(&serde_json::json!({"voice": "formal"}));
        assert_eq!(stored.voice.as_ref().map(|v| v.name.as_str()), Some("formal"));
        assert!(notes.is_empty(), "{notes:?}");
        let document = serde_json::json!({"version": 1, "name": "ours", "emoji": "not-allowed"});
        let (stored, _) = read_english(&serde_json::json!({"voice": document}));
        assert_eq!(stored.voice.as_ref().map(|v| v.name.as_str()), Some("ours"));
        // The context shares the parsed profile rather than copying it.
        let context = stored.apply_to(LintContext::default());
        assert!(Arc::ptr_eq(context.voice.as_ref().unwrap(), stored.voice.as_ref().unwrap()));
        // A bad profile is noted and left out; the rest still applies.
        for bad in [serde_json::json!("playful"), serde_json::json!({"version": 2}), serde_json::json!(3)] {
            let (stored, notes) = read_english(&serde_json::json!({"voice": bad, "maxWords": 40}));
            assert_eq!((stored.voice, stored.settings.max_words), (None, 40), "{bad}");
            assert!(notes.len() == 1 && notes[0].starts_with("settings.voice: "), "{notes:?}");
        }
        assert_eq!(read_english(&serde_json::json!({"voice": null})).1, Vec::<String>::new());
    }

    #[test]
    fn stored_settings_without_a_version_are_the_original_shape_and_keep_every_value() {
        // As the options page stored them before settings had a version.
        let original = serde_json::json!({
            "agentName": "Ana", "language": "ro", "previewBudget": 120, "maxWords": 60, "maxSentenceWords": 20,
            "disabledRules": ["brevity"], "closingHours": 18, "lastHourHours": 22, "voice": "formal"
        });
        let (migrated, notes) = read_english(&original);
        assert!(notes.is_empty(), "{notes:?}");
        let mut current = original.clone();
        current["version"] = serde_json::json!(SETTINGS_VERSION);
        let (read, notes) = read_english(&current);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(migrated, read);
        assert_eq!(migrated.agent_name.as_deref(), Some("Ana"));
        assert_eq!((migrated.settings.preview_budget, migrated.settings.max_words), (120, 60));
        assert_eq!(migrated.settings.disabled_rules, ["brevity"]);
        assert_eq!(migrated.clock.closing_hours, 18.0);
    }

    #[test]
    fn stored_settings_of_a_newer_version_use_what_is_understood_and_say_so() {
        let newer = serde_json::json!({"version": 2, "maxWords": 45, "signature": {"style": "initials"}});
        let (stored, notes) = read_english(&newer);
        assert_eq!(stored.settings.max_words, 45);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("newer Reply Coach (settings version 2)"), "{notes:?}");
        // A version that is not a whole number is named, and the rest read as this version.
        for bad in [serde_json::json!("2"), serde_json::json!(1.5), serde_json::json!(-1)] {
            let (stored, notes) = read_english(&serde_json::json!({"version": bad, "maxWords": 45}));
            assert_eq!(stored.settings.max_words, 45);
            assert!(notes.len() == 1 && notes[0].starts_with("settings.version: "), "{notes:?}");
        }
    }

    #[test]
    fn corrupt_stored_settings_give_the_defaults_with_a_note_each() {
        for corrupt in [
            serde_json::json!("{\"maxWords\": 4"),
            serde_json::json!(7),
            serde_json::json!([1]),
            serde_json::json!(true),
        ] {
            let (stored, notes) = read_english(&corrupt);
            assert_eq!(stored, StoredSettings::default(), "{corrupt}");
            assert!(notes.len() == 1 && notes[0].starts_with("settings must be an object"), "{notes:?}");
        }
        let wrong_types = serde_json::json!({
            "agentName": 3, "language": ["ro"], "uiLanguage": "fr", "previewBudget": "90", "maxWords": null,
            "maxSentenceWords": 2.5, "disabledRules": "brevity", "closingHours": {}, "lastHourHours": false, "voice": 1
        });
        let (stored, notes) = read_english(&wrong_types);
        assert_eq!(
            (stored.agent_name, stored.language, stored.ui_language),
            (None, LanguageChoice::Auto, LanguageChoice::Auto)
        );
        assert_eq!(stored.settings, Settings::default());
        assert_eq!(stored.clock, ClockSettings::default());
        assert_eq!(notes.len(), 10, "{notes:?}");
        assert!(
            notes.iter().any(|note| note.starts_with("settings.uiLanguage: must be one of auto, en,")),
            "{notes:?}"
        );
    }

    #[test]
    fn stored_settings_apply_over_the_page_context() {
        let (stored, _) = read_english(&serde_json::json!({"agentName": "Ana", "maxWords": 40}));
        let page = LintContext { customer_name: Some("Ion Pop".into()), ..Default::default() };
        let context = stored.apply_to(page);
        assert_eq!(context.customer_name.as_deref(), Some("Ion Pop"));
        assert_eq!(context.agent_name.as_deref(), Some("Ana"));
        assert_eq!(context.settings.max_words, 40);
        assert_eq!(context.validate(), Ok(()));
        assert_eq!(read_english(&serde_json::Value::Null), (StoredSettings::default(), vec![]));
        assert_eq!(read_english(&serde_json::json!([1])).1.len(), 1);
    }
}
