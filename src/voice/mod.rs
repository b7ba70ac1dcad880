//! Brand voice profiles: a team's house style as data (guidelines §2, "Brand voice").
//!
//! A profile is a versioned JSON document (`docs/VOICE.md`): the register per language
//! (formal or informal address), phrases to avoid and substitutions to prefer, the
//! sign-off format, limits, the emoji policy, per-rule severity overrides and switches,
//! and examples that test it. [`Voice::parse`] validates it and names the field at fault;
//! the rules read the parsed [`Voice`] through [`crate::LintContext::voice`], shared by an
//! `Arc` so the page's context stays cheap to clone on every keystroke.
//!
//! The document is read from a `serde_json::Value` by hand, not by a derived
//! `Deserialize`: in the Wasm, the stored settings already arrive as a `Value`, and
//! derived deserialisers cost more of the download than these few fields.

pub mod register;

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::catalogue::{Fault, Message};
use crate::draft::Draft;
use crate::finding::Severity;
use crate::lang::Language;
use crate::rule_id;
use crate::text::json::{got, object};
use crate::text::words::word_key;
use crate::text::{fold, PhraseList};

/// The only version of the document this core reads.
pub const VERSION: u64 = 1;

/// The largest profile accepted, checked before parsing: a house style is a page of rules,
/// and a larger document is more likely a wrong file than a voice.
pub const MAX_BYTES: usize = 64 * 1024;

/// The built-in profiles by name; `neutral` is the default, today's behaviour.
pub const BUILT_IN: [(&str, &str); 3] = [
    ("formal", include_str!("profiles/formal.json")),
    ("friendly", include_str!("profiles/friendly.json")),
    ("neutral", include_str!("profiles/neutral.json")),
];

/// Limits a profile sets on the settings (`limits`); each replaces the agent's own.
const LIMITS: [(&str, u64, u64); 4] =
    [("preview_budget", 20, 1000), ("max_words", 5, 1000), ("max_sentence_words", 3, 200), ("max_exclamations", 0, 50)];

const KEYS: [&str; 12] = [
    "version",
    "name",
    "description",
    "register",
    "avoid",
    "prefer",
    "sign_off",
    "page_name",
    "limits",
    "emoji",
    "rules",
    "examples",
];

/// How a team addresses customers in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    /// `dumneavoastră`, `Դուք`, `आप`.
    Formal,
    /// `tu`, `դու`, `तुम`.
    Informal,
}

/// What a profile says about emoji.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmojiPolicy {
    #[default]
    Allowed,
    /// At most this many per reply.
    Limit(usize),
    NotAllowed,
}

/// A profile's word on one rule: off, or on with another severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    Severity(Severity),
}

/// An `avoid` or `prefer` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoicePhrase {
    /// The phrase as written (phrase-list syntax: folded words, `word*` prefixes).
    pub phrase: String,
    /// The team's own message; the rule's default when absent.
    pub message: Option<String>,
    /// Fixes offered (for `prefer`, the one word to use).
    pub replacements: Vec<String>,
    /// The language the entry is for; every language when absent.
    pub language: Option<Language>,
}

/// A self-test: a draft and the rule ids it must produce, no more, no fewer.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub draft: String,
    pub expect: Vec<String>,
    pub language: Option<Language>,
    /// Context fields (`customerName`, `agentName`, `hoursSinceCustomer`, ...) as in
    /// `reply-coach lint`'s context; read when the example is run.
    pub context: Option<Value>,
}

/// The limits a profile sets; `None` keeps the agent's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    pub preview_budget: Option<usize>,
    pub max_words: Option<usize>,
    pub max_sentence_words: Option<usize>,
    /// Exclamation marks per reply (rule `voice-exclamations`).
    pub max_exclamations: Option<usize>,
}

/// A parsed, validated voice profile.
#[derive(Debug, Clone)]
pub struct Voice {
    pub name: String,
    pub register: [Option<Register>; Language::COUNT],
    pub avoid: Vec<VoicePhrase>,
    pub prefer: Vec<VoicePhrase>,
    /// Per language, the phrase lists of `avoid` and `prefer` entries that apply to it.
    avoid_lists: [PhraseList; Language::COUNT],
    prefer_lists: [PhraseList; Language::COUNT],
    /// `– {agent_name}`, `{agent_name} from {page_name}`.
    pub sign_off: Option<String>,
    pub page_name: Option<String>,
    pub limits: Limits,
    pub emoji: EmojiPolicy,
    pub rules: Vec<(String, RuleSetting)>,
    pub examples: Vec<Example>,
    /// The document as read, for comparison and export.
    document: Value,
}

/// Two profiles are the same when their documents are.
impl PartialEq for Voice {
    fn eq(&self, other: &Voice) -> bool {
        self.document == other.document
    }
}

/// A profile that cannot be used: the field at fault (`avoid[2].phrase`, `rules.tone-shout`;
/// none for the document as a whole) and what to correct, a `voice.*` message.
pub type VoiceError = Fault;

/// A problem with the field at `path`.
fn error<T>(path: &str, message: Message) -> Result<T, VoiceError> {
    Err(Fault::at(path, message))
}

/// A problem with the document as a whole.
fn whole<T>(message: Message) -> Result<T, VoiceError> {
    Err(Fault::whole(message))
}

impl Voice {
    /// A built-in profile by name (`formal`, `friendly`, `neutral`).
    pub fn built_in(name: &str) -> Option<Arc<Voice>> {
        let source = BUILT_IN.iter().find(|(known, _)| *known == name)?.1;
        // The shipped files are checked by the tests; should one still fail, there is no
        // profile rather than a panic in the extension.
        crate::text::json::parse(source).and_then(|json| Voice::from_json(&json).ok()).map(Arc::new)
    }

    /// Reads a profile from JSON text, refusing an oversized one before parsing it.
    pub fn parse(text: &str) -> Result<Voice, VoiceError> {
        if text.len() > MAX_BYTES {
            return whole(Message::new("voice.too-large").count("max", MAX_BYTES));
        }
        let json: Value = serde_json::from_str(text)
            .or_else(|e| whole(Message::new("voice.not-json").text("error", e.to_string())))?;
        Voice::from_json(&json)
    }

    /// A built-in name or a document, as the stored settings carry it (`voice`).
    pub fn from_setting(value: &Value) -> Result<Arc<Voice>, VoiceError> {
        match value {
            Value::String(name) => Voice::built_in(name).ok_or_else(|| {
                let names: Vec<&str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
                let message = Message::new("voice.no-built-in").text("name", name).text("names", names.join(", "));
                Fault::whole(message)
            }),
            _ => Voice::from_json(value).map(Arc::new),
        }
    }

    /// Reads and validates a parsed document.
    pub fn from_json(json: &Value) -> Result<Voice, VoiceError> {
        let _stage = crate::stage::enter("reader", "voice profile");
        if json_size(json) > MAX_BYTES {
            return whole(Message::new("voice.too-large").count("max", MAX_BYTES));
        }
        let object = object(json, "", &KEYS)?;
        match object.get("version") {
            Some(version) if version.as_u64() == Some(VERSION) => {}
            Some(version) => return error("version", got("voice.version", version).count("version", VERSION as usize)),
            None => return error("version", Message::new("voice.no-version").count("version", VERSION as usize)),
        }
        let mut voice = Voice {
            name: optional_text(object, "name")?.unwrap_or_default(),
            register: [None; Language::COUNT],
            avoid: phrases(object, "avoid")?,
            prefer: phrases(object, "prefer")?,
            avoid_lists: Default::default(),
            prefer_lists: Default::default(),
            sign_off: optional_text(object, "sign_off")?,
            page_name: optional_text(object, "page_name")?,
            limits: limits(object.get("limits"))?,
            emoji: emoji(object.get("emoji"))?,
            rules: rule_settings(object.get("rules"))?,
            examples: examples(object.get("examples"))?,
            document: json.clone(),
        };
        optional_text(object, "description")?;
        voice.register = registers(object.get("register"))?;
        if let Some(format) = &voice.sign_off {
            check_sign_off(format, voice.page_name.is_some())?;
        }
        for language in Language::ALL {
            let index = language as usize;
            voice.avoid_lists[index] = phrase_list(&voice.avoid, language, "avoid")?;
            voice.prefer_lists[index] = phrase_list(&voice.prefer, language, "prefer")?;
        }
        Ok(voice)
    }

    /// The document as read.
    pub fn document(&self) -> &Value {
        &self.document
    }

    pub fn register_for(&self, language: Language) -> Option<Register> {
        self.register[language as usize]
    }

    pub fn avoid_list(&self, language: Language) -> &PhraseList {
        &self.avoid_lists[language as usize]
    }

    pub fn prefer_list(&self, language: Language) -> &PhraseList {
        &self.prefer_lists[language as usize]
    }

    /// The `avoid` or `prefer` entry a match of [`Voice::avoid_list`] or
    /// [`Voice::prefer_list`] came from.
    pub fn entry<'v>(entries: &'v [VoicePhrase], language: Language, phrase: &str) -> Option<&'v VoicePhrase> {
        entries.iter().find(|entry| entry.applies_to(language) && entry.phrase == phrase)
    }

    /// What the profile says about rule `id`, if anything.
    pub fn rule_setting(&self, id: &str) -> Option<RuleSetting> {
        self.rules.iter().find(|(rule, _)| rule == id).map(|&(_, setting)| setting)
    }

    /// The sign-off the profile asks for, with the agent's first name filled in.
    pub fn sign_off_for(&self, agent_first_name: &str) -> Option<String> {
        let format = self.sign_off.as_deref()?;
        let page = self.page_name.as_deref().unwrap_or_default();
        Some(format.replace("{agent_name}", agent_first_name).replace("{page_name}", page))
    }
}

impl VoicePhrase {
    pub fn applies_to(&self, language: Language) -> bool {
        self.language.is_none_or(|only| only == language)
    }
}

/// A rough size of a parsed document in bytes, for documents that arrive already parsed
/// (the stored settings): the text in it plus a few bytes per value.
fn json_size(value: &Value) -> usize {
    match value {
        Value::String(text) => text.len() + 2,
        Value::Array(items) => items.iter().map(|item| json_size(item) + 1).sum::<usize>() + 2,
        Value::Object(object) => object.iter().map(|(key, item)| key.len() + 4 + json_size(item)).sum::<usize>() + 2,
        _ => 8,
    }
}

fn text(value: &Value, path: &str) -> Result<String, VoiceError> {
    match value.as_str() {
        Some(text) => Ok(text.to_string()),
        None => error(path, got("voice.not-text", value)),
    }
}

fn optional_text(object: &Map<String, Value>, key: &str) -> Result<Option<String>, VoiceError> {
    object.get(key).map(|value| text(value, key)).transpose()
}

fn texts(value: &Value, path: &str) -> Result<Vec<String>, VoiceError> {
    let Some(items) = value.as_array() else { return error(path, got("voice.not-texts", value)) };
    items.iter().enumerate().map(|(i, item)| text(item, &format!("{path}[{i}]"))).collect()
}

fn list<'v>(value: Option<&'v Value>, path: &str) -> Result<&'v [Value], VoiceError> {
    match value {
        None => Ok(&[]),
        Some(value) => match value.as_array() {
            Some(items) => Ok(items),
            None => error(path, got("voice.not-a-list", value)),
        },
    }
}

fn language(value: &Value, path: &str) -> Result<Language, VoiceError> {
    let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
    value.as_str().and_then(Language::from_code).map_or_else(|| one_of(path, &codes, value), Ok)
}

/// The error for a value that is none of `codes`.
fn one_of<T>(path: &str, codes: &[&str], value: &Value) -> Result<T, VoiceError> {
    error(path, got("voice.one-of", value).text("codes", codes.join(", ")))
}

fn count(value: &Value, path: &str, low: u64, high: u64) -> Result<usize, VoiceError> {
    match value.as_u64().filter(|n| (low..=high).contains(n)).and_then(|n| usize::try_from(n).ok()) {
        Some(n) => Ok(n),
        None => error(path, got("voice.count", value).count("low", low as usize).count("high", high as usize)),
    }
}

/// `"formal"` for every language, or `{"ro": "formal", "en": "informal"}`.
fn registers(value: Option<&Value>) -> Result<[Option<Register>; Language::COUNT], VoiceError> {
    let read = |value: &Value, path: &str| match value.as_str() {
        Some("formal") => Ok(Register::Formal),
        Some("informal") => Ok(Register::Informal),
        _ => one_of(path, &["formal", "informal"], value),
    };
    let mut registers = [None; Language::COUNT];
    match value {
        None => {}
        Some(every @ Value::String(_)) => registers = [Some(read(every, "register")?); Language::COUNT],
        Some(value) => {
            let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
            for (code, register) in object(value, "register", &codes)? {
                // `object` let through the four codes only.
                if let Some(language) = Language::from_code(code) {
                    registers[language as usize] = Some(read(register, &format!("register.{code}"))?);
                }
            }
        }
    }
    Ok(registers)
}

/// The `avoid` or `prefer` entries.
fn phrases(object: &Map<String, Value>, key: &str) -> Result<Vec<VoicePhrase>, VoiceError> {
    let prefer = key == "prefer";
    let known: &[&str] = if prefer {
        &["phrase", "use", "message", "language"]
    } else {
        &["phrase", "message", "replacements", "language"]
    };
    let mut entries = Vec::new();
    for (i, value) in list(object.get(key), key)?.iter().enumerate() {
        let path = format!("{key}[{i}]");
        let entry = self::object(value, &path, known)?;
        let field = |name: &str| format!("{path}.{name}");
        let phrase = match entry.get("phrase") {
            Some(phrase) => text(phrase, &field("phrase"))?,
            None => return error(&field("phrase"), Message::new("library.missing")),
        };
        let language = entry.get("language").map(|l| language(l, &field("language"))).transpose()?;
        if let Some(why) = never_matches(&phrase, language) {
            let message = Message::new("voice.never-matches").text("phrase", &phrase).message("why", Message::new(why));
            return error(&field("phrase"), message);
        }
        let replacements = match (prefer, entry.get(if prefer { "use" } else { "replacements" })) {
            (true, Some(used)) => vec![text(used, &field("use"))?],
            (true, None) => return error(&field("use"), Message::new("library.missing")),
            (false, Some(replacements)) => texts(replacements, &field("replacements"))?,
            (false, None) => Vec::new(),
        };
        entries.push(VoicePhrase {
            phrase: phrase.trim().to_string(),
            message: entry.get("message").map(|m| text(m, &field("message"))).transpose()?,
            replacements,
            language,
        });
    }
    Ok(entries)
}

/// Why a phrase can never match a draft in `language` (any language when `None`), if it
/// cannot, as a catalogue id; the phrase format is `src/lang/data/README.md`'s.
pub fn never_matches(phrase: &str, language: Option<Language>) -> Option<&'static str> {
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return Some("voice.never.empty");
    }
    if phrase.contains("=>") {
        return Some("voice.never.arrow");
    }
    // Entries starting with a symbol match the raw text (":(", "!!!"): anything goes.
    if !phrase.starts_with(char::is_alphanumeric) {
        return None;
    }
    let mut previous = ' ';
    for (at, c) in phrase.char_indices() {
        let next = phrase[at + c.len_utf8()..].chars().next();
        if c == '*' && (!previous.is_alphanumeric() || next.is_some_and(char::is_alphanumeric)) {
            return Some("voice.never.star");
        }
        previous = c;
    }
    // Split as a draft is ("3.5 lei" and "e.g. this" stay whole): matches never cross a
    // sentence or a line.
    let mut languages = Language::ALL.into_iter().filter(|&l| language.is_none_or(|only| only == l));
    if languages.all(|l| Draft::new(phrase, l).sentences.len() > 1) {
        return Some("voice.never.sentences");
    }
    None
}

/// The phrase list of the entries that apply to `language`; two entries with the same
/// phrase would leave one of them unreachable.
fn phrase_list(entries: &[VoicePhrase], language: Language, key: &str) -> Result<PhraseList, VoiceError> {
    let applying = || entries.iter().enumerate().filter(|(_, entry)| entry.applies_to(language));
    let folded = |i: usize| fold(&entries[i].phrase);
    // Equal phrases side by side: by the hash of the folded phrase, then by index.
    let mut order: Vec<(u64, u64)> = applying().map(|(i, entry)| (word_key(&fold(&entry.phrase)), i as u64)).collect();
    crate::sort::sort_by_key(&mut order, |&pair| pair);
    for pair in order.windows(2) {
        let (first, i) = (pair[0].1 as usize, pair[1].1 as usize);
        if pair[0].0 == pair[1].0 && folded(first) == folded(i) {
            let message = Message::new("voice.repeats")
                .text("phrase", &entries[i].phrase)
                .text("first", format!("{key}[{first}]"));
            return error(&format!("{key}[{i}].phrase"), message);
        }
    }
    Ok(PhraseList::new(applying().map(|(_, entry)| entry.phrase.as_str())))
}

fn check_sign_off(format: &str, has_page_name: bool) -> Result<(), VoiceError> {
    let rest = format.replace("{agent_name}", "").replace("{page_name}", "");
    let fault = if !format.contains("{agent_name}") {
        "voice.sign-off.agent-name"
    } else if format.contains("{page_name}") && !has_page_name {
        "voice.sign-off.page-name"
    } else if rest.contains(['{', '}']) {
        "voice.sign-off.fields"
    } else if format.contains('\n') {
        "voice.sign-off.one-line"
    } else {
        return Ok(());
    };
    error("sign_off", Message::new(fault).text("format", format))
}

fn limits(value: Option<&Value>) -> Result<Limits, VoiceError> {
    let mut limits = Limits::default();
    let Some(value) = value else { return Ok(limits) };
    let names: Vec<&str> = LIMITS.iter().map(|(name, _, _)| *name).collect();
    for (name, limit) in object(value, "limits", &names)? {
        let Some(&(_, low, high)) = LIMITS.iter().find(|(known, _, _)| known == name) else { continue };
        let n = Some(count(limit, &format!("limits.{name}"), low, high)?);
        match name.as_str() {
            "preview_budget" => limits.preview_budget = n,
            "max_words" => limits.max_words = n,
            "max_sentence_words" => limits.max_sentence_words = n,
            _ => limits.max_exclamations = n,
        }
    }
    Ok(limits)
}

/// `"allowed"`, `"not-allowed"` or `{"limit": N}`.
fn emoji(value: Option<&Value>) -> Result<EmojiPolicy, VoiceError> {
    match value {
        None => Ok(EmojiPolicy::Allowed),
        Some(Value::String(policy)) if policy == "allowed" => Ok(EmojiPolicy::Allowed),
        Some(Value::String(policy)) if policy == "not-allowed" => Ok(EmojiPolicy::NotAllowed),
        Some(value @ Value::Object(_)) => {
            let limit = object(value, "emoji", &["limit"])?.get("limit").unwrap_or(&Value::Null);
            Ok(EmojiPolicy::Limit(count(limit, "emoji.limit", 0, 50)?))
        }
        Some(value) => one_of("emoji", &["\"allowed\"", "\"not-allowed\"", "{\"limit\": N}"], value),
    }
}

/// `{"brevity": "off", "tone-shout": "error"}`.
fn rule_settings(value: Option<&Value>) -> Result<Vec<(String, RuleSetting)>, VoiceError> {
    let Some(value) = value else { return Ok(Vec::new()) };
    let ids = rule_id::ALL;
    let Some(object) = value.as_object() else { return error("rules", got("voice.not-an-object", value)) };
    let mut settings = Vec::new();
    for (id, setting) in object {
        if !ids.contains(&id.as_str()) {
            return unknown_rule("rules", id);
        }
        let setting = match setting.as_str() {
            Some("off") => RuleSetting::Off,
            Some("error") => RuleSetting::Severity(Severity::Error),
            Some("warning") => RuleSetting::Severity(Severity::Warning),
            Some("info") => RuleSetting::Severity(Severity::Info),
            _ => return one_of(&format!("rules.{id}"), &["off", "error", "warning", "info"], setting),
        };
        settings.push((id.clone(), setting));
    }
    Ok(settings)
}

fn unknown_rule<T>(path: &str, id: &str) -> Result<T, VoiceError> {
    error(path, Message::new("voice.unknown-rule").text("id", id).text("known", rule_id::ALL.join(", ")))
}

fn examples(value: Option<&Value>) -> Result<Vec<Example>, VoiceError> {
    let ids = rule_id::ALL;
    let mut examples = Vec::new();
    for (i, value) in list(value, "examples")?.iter().enumerate() {
        let path = format!("examples[{i}]");
        let example = object(value, &path, &["draft", "expect", "language", "context"])?;
        let draft = text(example.get("draft").unwrap_or(&Value::Null), &format!("{path}.draft"))?;
        let expect = texts(example.get("expect").unwrap_or(&Value::Null), &format!("{path}.expect"))?;
        if let Some(unknown) = expect.iter().find(|id| !ids.contains(&id.as_str())) {
            return unknown_rule(&format!("{path}.expect"), unknown);
        }
        let context = example.get("context").cloned();
        if context.as_ref().is_some_and(|c| !c.is_object()) {
            return error(&format!("{path}.context"), Message::new("voice.context"));
        }
        let language = example.get("language").map(|l| language(l, &format!("{path}.language"))).transpose()?;
        examples.push(Example { draft, expect, language, context });
    }
    Ok(examples)
}

#[cfg(test)]
mod tests;
