//! Findings the agent chose to ignore in one draft (the card's "Ignore" on a finding).
//!
//! An ignored finding is keyed by its rule and its words (the draft's text under its
//! span), where they stand. As the draft is edited each key follows its words: the edit is
//! found as the part between the old and the new text's common start and end, and a key
//! before it stays, one after it moves by the length the edit added; a key whose words the
//! edit touched is dropped, so the finding comes back once its words change. (A finding
//! whose words grew, "!!" to "!!!", is another finding and shown; back to "!!", the same
//! words are there again, and it is hidden again.) Rule switches are settings and stay
//! as they are; this hides one occurrence, for this draft, in memory only.
//!
//! The draft is followed at each lint, and lints wait for a pause in typing, so two edits
//! (words typed at the end, then at the start) can arrive as one: then the common start
//! and end enclose the ignored words though nobody touched them. A key inside the edit
//! is therefore looked for once more: its whole token (the words with what touches them
//! up to whitespace, "Thanks!!" for "!!") found exactly once, whole, in the changed
//! stretch of the new text is the same words, moved.

use crate::finding::Finding;

/// One ignored occurrence: the rule, and the UTF-16 span of its words in the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    rule: String,
    start: usize,
    end: usize,
}

impl Key {
    fn matches(&self, finding: &Finding) -> bool {
        finding.rule == self.rule && (finding.start, finding.end) == (self.start, self.end)
    }
}

/// The ignored findings of the draft `text`, and the last one ignored (what Undo restores).
#[derive(Debug, Default, Clone)]
pub struct Ignored {
    text: String,
    keys: Vec<Key>,
    last: Option<Key>,
}

impl Ignored {
    /// Ignores `finding` of a lint of `text`.
    pub fn ignore(&mut self, text: &str, finding: &Finding) {
        self.follow(text);
        let key = Key { rule: finding.rule.to_string(), start: finding.start, end: finding.end };
        if !self.keys.contains(&key) {
            self.keys.push(key.clone());
        }
        self.last = Some(key);
    }

    /// The draft is now `text`: every key follows its words, and those an edit touched
    /// are dropped (Undo too, when it was the last one ignored).
    pub fn follow(&mut self, text: &str) {
        if text == self.text {
            return;
        }
        if self.keys.is_empty() && self.last.is_none() {
            // Nothing ignored, the usual case: no diff and no copies of the draft per lint.
            self.text = text.to_string();
            return;
        }
        let edit = Change::between(&self.text, text);
        let (old, new): (Vec<u16>, Vec<u16>) = (self.text.encode_utf16().collect(), text.encode_utf16().collect());
        let carry = |key: Key| edit.carry(&key).or_else(|| edit.find_token(&key, &old, &new));
        self.keys = self.keys.drain(..).filter_map(carry).collect();
        self.last = self.last.take().and_then(carry);
        self.text = text.to_string();
    }

    /// Whether `finding` (of a lint of the text last followed) is ignored.
    pub fn hides(&self, finding: &Finding) -> bool {
        self.keys.iter().any(|key| key.matches(finding))
    }

    /// Whether Undo would show one of `findings` (of a lint of the text last followed)
    /// again: the last finding ignored is among them.
    pub fn can_undo(&self, findings: &[Finding]) -> bool {
        self.last.as_ref().is_some_and(|last| findings.iter().any(|f| last.matches(f)))
    }

    /// Shows the last finding ignored again; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(last) = self.last.take() else { return false };
        self.keys.retain(|key| *key != last);
        true
    }

    /// Forgets everything: another draft (a new composer, or the draft emptied by sending).
    pub fn clear(&mut self) {
        *self = Ignored::default();
    }
}

/// The one edit between two texts, in UTF-16 units: `old[start..old_end]` became
/// `new[start..new_end]` (the rest is their common start and end).
struct Change {
    start: usize,
    old_end: usize,
    new_end: usize,
}

impl Change {
    fn between(old: &str, new: &str) -> Change {
        let units = |c: char| c.len_utf16();
        let mut prefix = 0;
        let mut prefix_chars = 0;
        for (a, b) in old.chars().zip(new.chars()) {
            if a != b {
                break;
            }
            prefix += units(a);
            prefix_chars += 1;
        }
        let (old_len, new_len) = (old.encode_utf16().count(), new.encode_utf16().count());
        // The common end, not reaching into the common start of either text.
        let room = old.chars().count().min(new.chars().count()) - prefix_chars;
        let suffix: usize = old
            .chars()
            .rev()
            .zip(new.chars().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| units(a))
            .sum();
        Change { start: prefix, old_end: old_len - suffix, new_end: new_len - suffix }
    }

    /// Where `key`'s words are after the edit, or `None` when the edit touched them.
    fn carry(&self, key: &Key) -> Option<Key> {
        if key.end <= self.start {
            return Some(key.clone());
        }
        if key.start >= self.old_end {
            let moved = |at: usize| at - self.old_end + self.new_end;
            return Some(Key { start: moved(key.start), end: moved(key.end), rule: key.rule.clone() });
        }
        None
    }

    /// Where `key`'s words are after the edit when the edit encloses them: their token in
    /// `old` (UTF-16), found whole exactly once in the edit's stretch of `new` widened by
    /// the token's length; `None` when it is not there or there more than once.
    fn find_token(&self, key: &Key, old: &[u16], new: &[u16]) -> Option<Key> {
        let token_start = key.start - old.get(..key.start)?.iter().rev().take_while(|&&u| !is_space(u)).count();
        let token_end = key.end + old.get(key.end..)?.iter().take_while(|&&u| !is_space(u)).count();
        let token = &old[token_start..token_end];
        let from = self.start.saturating_sub(token.len());
        let to = (self.new_end + token.len()).min(new.len());
        let whole_at = |at: usize| {
            new[at..].starts_with(token)
                && (at == 0 || is_space(new[at - 1]))
                && new.get(at + token.len()).is_none_or(|&u| is_space(u))
        };
        let mut found = (from..=to.saturating_sub(token.len())).filter(|&at| whole_at(at));
        let at = found.next()?;
        if found.next().is_some() {
            return None;
        }
        let moved = |offset: usize| at + offset - token_start;
        Some(Key { start: moved(key.start), end: moved(key.end), rule: key.rule.clone() })
    }
}

/// Whether a UTF-16 unit is whitespace (a surrogate half never is).
fn is_space(unit: u16) -> bool {
    char::from_u32(u32::from(unit)).is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lint, LintContext};

    fn findings(text: &str) -> Vec<Finding> {
        lint(text, &LintContext::default()).expect("lints").findings
    }

    fn shown<'a>(ignored: &Ignored, findings: &'a [Finding]) -> Vec<&'a str> {
        findings.iter().filter(|f| !ignored.hides(f)).map(|f| f.rule).collect()
    }

    /// The finding of `rule` whose words are `words` in a lint of `text`.
    fn finding(text: &str, rule: &str, words: &str) -> Finding {
        let units: Vec<u16> = text.encode_utf16().collect();
        findings(text)
            .into_iter()
            .find(|f| f.rule == rule && String::from_utf16_lossy(&units[f.start..f.end]) == words)
            .unwrap_or_else(|| panic!("no {rule} on {words:?} in {text:?}"))
    }

    /// `text` with its first "!!" ignored.
    fn ignoring_first_shout(text: &str) -> Ignored {
        let mut ignored = Ignored::default();
        ignored.ignore(text, &finding(text, "tone-shout", "!!"));
        ignored
    }

    fn count(text: &str, ignored: &Ignored, rule: &str) -> usize {
        findings(text).iter().filter(|f| f.rule == rule && !ignored.hides(f)).count()
    }

    #[test]
    fn hides_only_the_occurrence_ignored() {
        let text = "Thanks!! We are on it!! Maria";
        let mut ignored = ignoring_first_shout(text);
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 1, "the second \"!!\" is still shown");
    }

    #[test]
    fn follows_edits_before_and_after_its_words() {
        let text = "Thanks!! We are on it. Maria";
        let mut ignored = ignoring_first_shout(text);
        // Typed after the words, then before them: the same words, moved.
        for text in ["Thanks!! We are on it, Ana. Maria", "Many thanks!! We are on it, Ana. Maria"] {
            ignored.follow(text);
            assert_eq!(count(text, &ignored, "tone-shout"), 0, "{text}");
        }
        // A new "!!" elsewhere is a new finding.
        let text = "Many thanks!! We are on it, Ana!! Maria";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 1);
    }

    #[test]
    fn follows_two_edits_seen_as_one() {
        // Typed at the end and then at the start before the next lint: the common start
        // and end meet around the whole draft, yet the ignored words are untouched.
        let text = "Thanks!! Your order ships today!! Maria";
        let mut ignored = ignoring_first_shout(text);
        let text = "Hi Ana! Thanks!! Your order ships today!! Maria See you soon.";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 1, "the ignored \"!!\" stays hidden");
        assert!(ignored.can_undo(&findings(text)));
        // Changed too ("Thanks!!!"), or there twice: shown again.
        for text in [
            "Hi! Thanks!!! Your order ships today!! Maria. Bye",
            "Hi Thanks!! Thanks!! Your order ships today!! Maria Bye",
        ] {
            let mut ignored = ignoring_first_shout("Thanks!! Your order ships today!! Maria");
            ignored.follow(text);
            assert!(!ignored.can_undo(&findings(text)), "{text}");
        }
    }

    #[test]
    fn comes_back_when_its_words_change() {
        let text = "Thanks!! We are on it. Maria";
        let mut ignored = ignoring_first_shout(text);
        let text = "Thanks!!! We are on it. Maria";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 1, "\"!!!\" is other words");
        assert!(!ignored.can_undo(&findings(text)), "Undo has nothing shown to hide");
        // The same words back where they were: hidden again.
        let text = "Thanks!! We are on it. Maria";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 0);
        assert!(ignored.can_undo(&findings(text)));
        // An edit inside them drops the key for good.
        let text = "Thanks!?! We are on it. Maria";
        ignored.follow(text);
        let text = "Thanks!! We are on it. Maria";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 1);
        assert!(!ignored.can_undo(&findings(text)));
    }

    #[test]
    fn an_edit_inside_the_words_drops_the_key() {
        let text = "Hello, WE HAVE CAKES. Maria";
        let mut ignored = Ignored::default();
        ignored.ignore(text, &finding(text, "tone-shout", "WE HAVE CAKES"));
        let text = "Hello, WE HAVE NO CAKES. Maria";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 1);
    }

    #[test]
    fn a_finding_that_moves_to_other_words_is_shown() {
        // No sign-off: the finding is on the last words, and moves as the draft grows.
        let context = LintContext { agent_name: Some("Maria".into()), ..LintContext::default() };
        let lint_of = |text: &str| lint(text, &context).expect("lints").findings;
        let text = "Hello Ana, your order is on its way.";
        let missing = lint_of(text).into_iter().find(|f| f.rule == "sign-off-missing").expect("no sign-off");
        let mut ignored = Ignored::default();
        ignored.ignore(text, &missing);
        assert!(!shown(&ignored, &lint_of(text)).contains(&"sign-off-missing"));
        let text = "Hello Ana, your order is on its way. It arrives tomorrow.";
        ignored.follow(text);
        assert!(shown(&ignored, &lint_of(text)).contains(&"sign-off-missing"));
    }

    #[test]
    fn undo_shows_the_last_one_again() {
        let text = "Thanks!! We are on it!! Maria";
        let mut ignored = Ignored::default();
        let all = findings(text);
        let shouts: Vec<&Finding> = all.iter().filter(|f| f.rule == "tone-shout").collect();
        ignored.ignore(text, shouts[0]);
        ignored.ignore(text, shouts[1]);
        assert_eq!(count(text, &ignored, "tone-shout"), 0);
        assert!(ignored.undo());
        assert!(!ignored.hides(shouts[1]) && ignored.hides(shouts[0]), "one Undo: the last one only");
        assert!(!ignored.undo(), "nothing more to undo");
        ignored.clear();
        assert_eq!(count(text, &ignored, "tone-shout"), 2);
    }

    #[test]
    fn offsets_are_utf16_units() {
        // Devanagari and an emoji (two units) before the words.
        let text = "नमस्ते 🙂 Ana!! धन्यवाद";
        let mut ignored = ignoring_first_shout(text);
        let text = "नमस्ते 🙂🙂 Ana!! धन्यवाद";
        ignored.follow(text);
        assert_eq!(count(text, &ignored, "tone-shout"), 0);
    }

    #[test]
    fn the_common_end_never_overlaps_the_common_start() {
        // "aa" to "aaa": the edit is one "a" inserted, not a negative span.
        let change = Change::between("aa", "aaa");
        assert!(change.start <= change.old_end && change.start <= change.new_end);
        assert_eq!(change.new_end - change.start, change.old_end - change.start + 1);
        let change = Change::between("", "");
        assert_eq!((change.start, change.old_end, change.new_end), (0, 0, 0));
    }
}
