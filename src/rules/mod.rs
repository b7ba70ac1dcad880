//! The rules: one file each, one unit struct implementing [`Rule`], tests beside it.
//!
//! A rule reads the analysed draft and its context ([`Input`]) and reports [`Hit`]s in
//! byte offsets; [`crate::lint`] adds the rule's id, severity and explanation and converts
//! offsets to UTF-16. The order of [`all`] is the order findings are reported in when
//! they start at the same place.

mod brevity;
mod empathy_missing;
mod first_line_summary;
mod name_last;
mod name_missing;
#[cfg(feature = "panic-test")]
mod panic_test;
mod placeholder_unfilled;
mod private_info_public;
mod promo_outside_window;
mod register_mismatch;
mod register_mixed;
mod sign_off_missing;
mod sign_off_not_first_name;
mod stock_phrase;
mod tone_argue;
mod tone_shout;
mod upset;
mod voice_avoid;
mod voice_emoji;
mod voice_exclamations;
mod voice_prefer;
mod window_closed;

use std::borrow::Cow;
use std::ops::Range;

use crate::catalogue::Message;
use crate::context::{LintContext, Settings};
use crate::draft::{Draft, Greeting, PersonName, SignOff};
use crate::finding::{Edit, Fix, Severity};
use crate::lang::{CommonData, LanguageData};
use crate::text::{case, PhraseList};
use crate::voice::Voice;

/// One guideline check.
pub trait Rule: Sync {
    /// The stable id settings and the extension refer to, e.g. `tone-shout`.
    fn id(&self) -> &'static str;
    fn severity(&self) -> Severity;
    /// One paragraph: why this matters, citing the guideline and its source
    /// (`<rule id>.explanation` in the catalogue).
    fn explanation(&self) -> Message;
    fn check(&self, input: &Input, hits: &mut Vec<Hit>);
}

/// A place where a rule fires; offsets are bytes of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub span: Range<usize>,
    pub message: Message,
    /// Fixes with byte offsets (converted by `lint`).
    pub fixes: Vec<Fix>,
}

impl Hit {
    pub fn new(span: Range<usize>, message: Message) -> Self {
        Hit { span, message, fixes: Vec::new() }
    }

    pub fn with_fix(mut self, label: Message, edits: Vec<Edit>) -> Self {
        self.fixes.push(Fix { label, edits });
        self
    }
}

/// Everything a rule may look at, computed once per lint.
pub struct Input<'a> {
    pub draft: &'a Draft<'a>,
    pub context: &'a LintContext,
    /// The draft language's phrase data.
    pub data: &'static LanguageData,
    pub common: &'static CommonData,
    pub customer: Option<PersonName>,
    pub agent: Option<PersonName>,
    pub greeting: Option<Greeting>,
    pub sign_off: Option<SignOff>,
    /// The team's voice profile, if any.
    pub voice: Option<&'a Voice>,
    /// The context's settings with the voice profile's limits applied.
    settings: Cow<'a, Settings>,
}

impl<'a> Input<'a> {
    pub fn new(draft: &'a Draft<'a>, context: &'a LintContext) -> Self {
        let data = draft.language.data();
        let agent = context.agent_name.as_deref().and_then(PersonName::parse);
        let sign_off = SignOff::find(draft, agent.as_ref());
        Input {
            draft,
            context,
            data,
            common: CommonData::get(),
            customer: context.customer_name.as_deref().and_then(PersonName::parse),
            agent,
            // "Namaste Priya ji," and "Barev dzez Armen," open Latin-letter drafts.
            greeting: draft.language.readings().iter().find_map(|language| Greeting::find(draft, language.data())),
            sign_off,
            voice: context.voice.as_deref(),
            settings: effective_settings(context),
        }
    }

    /// The limits rules apply: the agent's settings, overridden by the profile's.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where the message proper starts: after the greeting, else at the first non-space.
    pub fn content_start(&self) -> usize {
        match &self.greeting {
            Some(greeting) => greeting.content_start,
            None => self.draft.text.len() - self.draft.text.trim_start().len(),
        }
    }

    /// The phrase data the draft is read with: its language's and, for a draft in Latin
    /// letters, Hindi's and Armenian's Latin-letter entries too (`Language::readings`).
    pub fn readings(&self) -> impl Iterator<Item = &'static LanguageData> {
        self.draft.language.readings().iter().map(|language| language.data())
    }

    /// Whether the draft has any words at all; most rules have nothing to say otherwise.
    pub fn is_blank(&self) -> bool {
        self.draft.words.is_empty()
    }
}

/// The context's settings, with the voice profile's limits in place of the agent's; no
/// copy without a profile that sets any.
fn effective_settings(context: &LintContext) -> Cow<'_, Settings> {
    let Some(limits) = context.voice.as_deref().map(|voice| voice.limits) else {
        return Cow::Borrowed(&context.settings);
    };
    if (limits.preview_budget, limits.max_words, limits.max_sentence_words) == (None, None, None) {
        return Cow::Borrowed(&context.settings);
    }
    let mut settings = context.settings.clone();
    settings.preview_budget = limits.preview_budget.unwrap_or(settings.preview_budget);
    settings.max_words = limits.max_words.unwrap_or(settings.max_words);
    settings.max_sentence_words = limits.max_sentence_words.unwrap_or(settings.max_sentence_words);
    Cow::Owned(settings)
}

static RULES: &[&dyn Rule] = &[
    &window_closed::WindowClosed,
    &placeholder_unfilled::PlaceholderUnfilled,
    &promo_outside_window::PromoOutsideWindow,
    &private_info_public::PrivateInfoPublic,
    &first_line_summary::FirstLineSummary,
    &brevity::Brevity,
    &name_missing::NameMissing,
    &name_last::NameLast,
    &tone_argue::ToneArgue,
    &tone_shout::ToneShout,
    &empathy_missing::EmpathyMissing,
    &stock_phrase::StockPhrase,
    &sign_off_missing::SignOffMissing,
    &sign_off_not_first_name::SignOffNotFirstName,
    // The team's voice profile (silent without one).
    &register_mismatch::RegisterMismatch,
    &register_mixed::RegisterMixed,
    &voice_avoid::VoiceAvoid,
    &voice_prefer::VoicePrefer,
    &voice_emoji::VoiceEmoji,
    &voice_exclamations::VoiceExclamations,
    #[cfg(feature = "panic-test")]
    &panic_test::PanicTest,
];

/// Every rule, in reporting order.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

/// An edit replacing `span` of the draft with `text`.
pub fn replace(span: Range<usize>, text: impl Into<String>) -> Edit {
    Edit { start: span.start, end: span.end, text: text.into() }
}

/// An edit inserting `text` at byte offset `at`.
pub fn insert(at: usize, text: impl Into<String>) -> Edit {
    replace(at..at, text)
}

/// `text` with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(case::upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// Edits that remove `span` from the draft cleanly: with the comma and spaces after it,
/// and re-capitalising what follows when the span opened a sentence ("Obviously, it is
/// sent." becomes "It is sent.").
pub fn remove_words(draft: &Draft, span: Range<usize>) -> Vec<Edit> {
    let text = draft.text;
    let after = &text[span.end..];
    let mut end = span.end + after.len() - after.trim_start_matches([',', '՝']).len();
    end += text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len();
    let opens_sentence = draft.sentences.iter().any(|s| s.span.start == span.start);
    let next = text[end..].chars().next();
    match next {
        Some(c) if opens_sentence && c.is_lowercase() => {
            vec![replace(span.start..end + c.len_utf8(), case::upper(c).to_string())]
        }
        // Nothing follows on this line: take the space before the span instead.
        None | Some('\n') if span.start > 0 => {
            let before = text[..span.start].trim_end_matches([' ', '\t']).len();
            vec![replace(before..span.end, "")]
        }
        _ => vec![replace(span.start..end, "")],
    }
}

/// One hit per match of `list` in the draft (Vale's "existence" and "substitution"
/// rules): the message names the phrase, and an entry's replacement becomes the fix.
pub fn phrase_hits(input: &Input, list: &PhraseList, message: impl Fn(&str) -> Message, hits: &mut Vec<Hit>) {
    let draft = input.draft;
    for found in list.find_all(draft.text, &draft.words) {
        let hit = Hit::new(found.span.clone(), message(&draft.text[found.span.clone()]));
        hits.push(match found.replacement {
            Some(replacement) => {
                let (label, edits) = phrase_fix(draft, found.span, replacement);
                hit.with_fix(label, edits)
            }
            None => hit,
        });
    }
}

/// `phrase_hits` over the draft's readings (`Input::readings`): one list per language,
/// picked by `list`; a match inside another one's span is the same finding.
pub fn reading_hits(
    input: &Input,
    list: fn(&LanguageData) -> &PhraseList,
    message: impl Fn(&str) -> Message,
    hits: &mut Vec<Hit>,
) {
    let mut found: Vec<Hit> = Vec::new();
    for data in input.readings() {
        phrase_hits(input, list(data), &message, &mut found);
    }
    for hit in found {
        let covered = hits.iter().any(|h| h.span.start <= hit.span.start && hit.span.end <= h.span.end);
        if !covered {
            hits.push(hit);
        }
    }
}

/// The fix for a phrase-list match: its replacement, or removal when the replacement is
/// empty.
fn phrase_fix(draft: &Draft, span: Range<usize>, replacement: &str) -> (Message, Vec<Edit>) {
    if replacement.is_empty() {
        let label = Message::new("fix.remove").text("text", &draft.text[span.clone()]);
        return (label, remove_words(draft, span));
    }
    let original = &draft.text[span.clone()];
    // Keep the case of a sentence's first letter.
    let replacement =
        if crate::text::is_capitalised(original) { capitalise(replacement) } else { replacement.to_string() };
    (Message::new("fix.replace").text("text", replacement.clone()), vec![replace(span, replacement)])
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    #[test]
    fn the_rule_table_gives_the_leaf_ids_in_order() {
        let ids: Vec<&str> = super::all().iter().map(|rule| rule.id()).collect();
        assert_eq!(ids, crate::rule_id::ALL);
    }
}
