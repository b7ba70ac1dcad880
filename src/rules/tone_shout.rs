//! `tone-shout`: two or more all-capital words, or `!!`, `?!`, `!!!`.

use std::ops::Range;

use super::{capitalise, replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::{occurrences, Draft};
use crate::finding::Severity;
use crate::lang::{CommonData, Language};

pub struct ToneShout;

impl Rule for ToneShout {
    fn id(&self) -> &'static str {
        "tone-shout"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("tone-shout.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let draft = input.draft;
        // A name typed in capitals ("Hello ANA MARIA") is the person's name, not shouting
        // to lower-case.
        let names: Vec<Range<usize>> = [&input.customer, &input.agent]
            .into_iter()
            .flatten()
            .flat_map(|person| std::iter::once(&person.first).chain(&person.rest))
            .flat_map(|part| occurrences(part, draft))
            .collect();
        let shouting = Shouting::find(draft, input.common, &names);
        if shouting.word_count >= 2 {
            for run in &shouting.word_runs {
                let span = draft.words[run.words.start].span.start..draft.words[run.words.end - 1].span.end;
                let edits = run
                    .lowered
                    .iter()
                    .map(|&i| replace(draft.words[i].span.clone(), sentence_case(draft, i)))
                    .collect();
                hits.push(
                    Hit::new(span.clone(), Message::new("tone-shout.capitals").text("text", &draft.text[span]))
                        .with_fix(Message::new("tone-shout.fix.lower-case"), edits),
                );
            }
        }
        for marks in shouting.mark_runs {
            let single =
                if draft.text[marks.clone()].contains(['?', '⁉', '⁈', '⁇', '❓', '❔']) { "?" } else { "!" };
            hits.push(
                Hit::new(marks.clone(), Message::new("tone-shout.marks").text("text", &draft.text[marks.clone()]))
                    .with_fix(Message::new("tone-shout.fix.single").text("text", single), vec![replace(marks, single)]),
            );
        }
    }
}

/// Where a text shouts: runs of all-capital words and of stacked `!`/`?`.
pub struct Shouting {
    /// Shouting words in all (see [`Caps::Shout`]).
    pub word_count: usize,
    /// Runs of capitals holding at least one shouting word.
    pub word_runs: Vec<CapitalRun>,
    /// Byte spans of `!!`, `?!`, `!?`, `???`, `‼` and longer runs.
    pub mark_runs: Vec<Range<usize>>,
}

/// Consecutive words in capitals: "PLEASE READ THE FAQ NOW".
pub struct CapitalRun {
    /// Word indices, from the first to the last word that is not kept as written.
    pub words: Range<usize>,
    /// The words lower case would restore: not the acronyms, codes and numbers inside
    /// ("FAQ" in "PLEASE READ THE FAQ NOW").
    pub lowered: Vec<usize>,
}

/// How one word takes part in shouting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caps {
    /// Lower-case letters, or a script without case (Devanagari): ordinary text.
    Plain,
    /// Two or more capitals and nothing else: "ANGRY", "ՇԱՏ".
    Shout,
    /// In capitals, but not shouting by itself: a one-letter word ("I", "A", "Է") or a
    /// short unit after a number ("9 AM", "2 KG"). Next to shouting it is part of it, and
    /// is lowered with it ("ՀԱՍԵԼ Է", "WE OPEN AT 9 AM").
    Soft,
    /// Capitals for a reason, kept as written: an acronym ("DHL", "ՊԵԿ"), a code or a
    /// number ("AB1234", "AB-1234", "COVID-19"), an acronym with a case ending
    /// ("CNP-ul", "ՀԴՄ-ով").
    Keep,
}

/// Units are short: "AM", "KG", "ML", "RON"; a longer word after a number is shouted
/// ("I WAITED 3 WEEKS").
const MAX_UNIT_LETTERS: usize = 3;

impl Shouting {
    /// `kept` are word-index ranges written in capitals for a reason, such as names.
    pub fn find(draft: &Draft, common: &CommonData, kept: &[Range<usize>]) -> Shouting {
        // Two shouted words take at least four capitals. Most drafts with fewer (every
        // Hindi one) skip the classification, a sixth of a Hindi lint when profiled.
        let capitals = draft.text.chars().filter(|c| c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase()));
        let mut caps = match capitals.take(4).count() {
            4 => classify(draft, common),
            _ => Vec::new(),
        };
        for index in kept.iter().flat_map(Range::clone) {
            if let Some(case) = caps.get_mut(index) {
                *case = Caps::Keep;
            }
        }
        let word_count = caps.iter().filter(|&&c| c == Caps::Shout).count();
        let mut word_runs = Vec::new();
        let mut index = 0;
        while index < caps.len() {
            if caps[index] == Caps::Plain {
                index += 1;
                continue;
            }
            let start = index;
            while index < caps.len() && caps[index] != Caps::Plain {
                index += 1;
            }
            // Acronyms and codes at either end are not part of the shouting: "THE FAQ" is
            // "THE" shouted before an acronym.
            let mut run = start..index;
            while run.start < run.end && caps[run.start] == Caps::Keep {
                run.start += 1;
            }
            while run.end > run.start && caps[run.end - 1] == Caps::Keep {
                run.end -= 1;
            }
            if caps[run.clone()].contains(&Caps::Shout) {
                let lowered = run.clone().filter(|&i| caps[i] != Caps::Keep).collect();
                word_runs.push(CapitalRun { words: run, lowered });
            }
        }
        Shouting { word_count, word_runs, mark_runs: mark_runs(draft.text) }
    }
}

fn classify(draft: &Draft, common: &CommonData) -> Vec<Caps> {
    let words = &draft.words;
    let mut caps: Vec<Caps> = words.iter().map(|w| letter_case(w.text)).collect();
    let hyphen_between = |a: usize, b: usize| matches!(&draft.text[words[a].span.end..words[b].span.start], "-" | "‑");
    for (i, case) in caps.iter_mut().enumerate() {
        if *case != Caps::Plain && common.acronyms.match_at(words, i).is_some() {
            *case = Caps::Keep;
        }
    }
    // Then what the neighbours tell, left to right: "USB-C" needs "USB" settled first.
    for i in 0..words.len() {
        if !matches!(caps[i], Caps::Shout | Caps::Soft) {
            continue;
        }
        let next_glued = i + 1 < words.len() && hyphen_between(i, i + 1);
        let after_number = i > 0 && is_number(words[i - 1].text);
        let letters = words[i].text.chars().filter(|c| c.is_alphabetic()).count();
        if next_glued && (has_digit(words[i + 1].text) || caps[i + 1] == Caps::Plain) {
            // "AB-1234", "COVID-19"; "CNP-ul", "ՊԵԿ-ին": nobody inflects a shouted word.
            caps[i] = Caps::Keep;
        } else if i > 0 && hyphen_between(i - 1, i) && caps[i - 1] == Caps::Keep && letters == 1 {
            // "USB-C".
            caps[i] = Caps::Keep;
        } else if after_number && letters <= MAX_UNIT_LETTERS {
            caps[i] = Caps::Soft;
        } else if is_x_run(words[i].text) || in_brackets(draft.text, words[i].span.clone()) {
            // "#XXXX" and "[ADAUGĂ DATA]" are a template's blanks: placeholder-unfilled's.
            caps[i] = Caps::Keep;
        }
    }
    // Right to left, what a code holds before its digits: "IN" in "IN-XXL-5521".
    for i in (0..words.len().saturating_sub(1)).rev() {
        if matches!(caps[i], Caps::Shout | Caps::Soft) && hyphen_between(i, i + 1) && caps[i + 1] == Caps::Keep {
            caps[i] = Caps::Keep;
        }
    }
    caps
}

/// Three or more X's and nothing else: a template's blank for a number ("#XXXXX").
fn is_x_run(word: &str) -> bool {
    word.len() >= 3 && word.chars().all(|c| c == 'X')
}

/// Whether `span` lies between `[` and `]` or `{` and `}` on one line: a placeholder.
fn in_brackets(text: &str, span: Range<usize>) -> bool {
    let line_before = text[..span.start].rsplit('\n').next().unwrap_or_default();
    let line_after = text[span.end..].split('\n').next().unwrap_or_default();
    [('[', ']'), ('{', '}')].into_iter().any(|(open, close)| {
        line_before.rfind(open).is_some_and(|at| !line_before[at..].contains(close))
            && line_after.find(close).is_some_and(|at| !line_after[..at].contains(open))
    })
}

/// How a word counts on its own, before its neighbours are looked at.
/// Plain with any lower-case letter; else kept with a digit (a code); else by its capitals.
fn letter_case(word: &str) -> Caps {
    let (mut capitals, mut digit) = (0, false);
    for c in word.chars() {
        if c.is_lowercase() {
            return Caps::Plain;
        }
        if c.is_uppercase() {
            capitals += 1;
        } else if c.is_numeric() {
            digit = true;
        }
    }
    match (digit, capitals) {
        (true, _) => Caps::Keep,
        (false, 0) => Caps::Plain,
        (false, 1) => Caps::Soft,
        (false, _) => Caps::Shout,
    }
}

fn has_digit(word: &str) -> bool {
    word.chars().any(char::is_numeric)
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_numeric() || c == '.' || c == ':' || c == ',')
}

/// Runs of `!` and `?` that shout: any run of two or more with an exclamation mark, or
/// three or more question marks ("Why??" is only insistent). `‼` counts as two marks, and
/// the emoji variation selector that follows it in Messenger is part of the run.
fn mark_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let (mut marks, mut exclamations) = (0, 0);
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let (count, exclaims) = match c {
            '!' | '❗' | '❕' => (1, true),
            '?' | '❓' | '❔' => (1, false),
            '‼' | '⁉' | '⁈' => (2, true),
            '⁇' => (2, false),
            _ => (0, false),
        };
        if count > 0 || (c == '\u{FE0F}' && run.is_some()) {
            run = Some(run.map_or(at..at + c.len_utf8(), |r| r.start..at + c.len_utf8()));
            marks += count;
            exclamations += usize::from(exclaims);
            continue;
        }
        if let Some(r) = run.take() {
            if (marks >= 2 && exclamations > 0) || marks >= 3 {
                runs.push(r);
            }
        }
        (marks, exclamations) = (0, 0);
    }
    runs
}

/// The word at `index` in lower case, capitalised when it opens a sentence or is English
/// "I" ("I'M" becomes "I'm").
fn sentence_case(draft: &Draft, index: usize) -> String {
    let lower = crate::text::case::to_lower(draft.words[index].text);
    let opens_sentence = draft.sentences.iter().any(|s| s.words.start == index);
    let pronoun = draft.language == Language::En
        && lower.strip_prefix('i').is_some_and(|rest| rest.is_empty() || rest.starts_with(['\'', '’']));
    if opens_sentence || pronoun {
        capitalise(&lower)
    } else {
        lower
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "tone-shout";

    #[test]
    fn capitals_fire_and_are_lowered() {
        // (language, draft, underlined, after the fix)
        for (lang, draft, span, fixed) in [
            ("en", "WE ARE CLOSED on Sunday.", "WE ARE CLOSED", "We are closed on Sunday."),
            ("en", "I AM SORRY, really.", "I AM SORRY", "I am sorry, really."),
            // One-letter words inside shouting are lowered with it; English "I" stays.
            ("en", "SORRY, I AM LATE with this.", "SORRY, I AM LATE", "Sorry, I am late with this."),
            ("en", "WE SENT IT A WEEK AGO.", "WE SENT IT A WEEK AGO", "We sent it a week ago."),
            ("en", "OK, I’M ON IT.", "I’M ON IT", "OK, I’m on it."),
            // Acronyms and numbers inside are kept; a unit after a number is lowered.
            (
                "en",
                "PLEASE READ THE FAQ BEFORE ORDERING.",
                "PLEASE READ THE FAQ BEFORE ORDERING",
                "Please read the FAQ before ordering.",
            ),
            ("en", "WE OPEN AT 9 AM TOMORROW.", "WE OPEN AT 9 AM TOMORROW", "We open at 9 am tomorrow."),
            ("en", "Sorry, I WAITED 3 WEEKS too.", "I WAITED 3 WEEKS", "Sorry, I waited 3 weeks too."),
            ("ro", "Comanda a PLECAT DEJA.", "PLECAT DEJA", "Comanda a plecat deja."),
            (
                "ro",
                "COMANDA A PLECAT, AȚI PRIMIT-O?",
                "COMANDA A PLECAT, AȚI PRIMIT-O",
                "Comanda a plecat, ați primit-o?",
            ),
            (
                "ro",
                "VA RUGAM SA ASTEPTATI, coletul vine.",
                "VA RUGAM SA ASTEPTATI",
                "Va rugam sa asteptati, coletul vine.",
            ),
            ("hy", "ՇԱՏ ԼԱՎ, պատվերը ճանապարհին է։", "ՇԱՏ ԼԱՎ", "Շատ լավ, պատվերը ճանապարհին է։"),
            ("hy", "Պատվերը ԱՐԴԵՆ ՃԱՆԱՊԱՐՀԻՆ Է։", "ԱՐԴԵՆ ՃԱՆԱՊԱՐՀԻՆ Է", "Պատվերը արդեն ճանապարհին է։"),
            (
                "hy",
                "Չափսը նշված է: ԿԱՐԴԱՑԵՔ ՆԿԱՐԱԳՐՈՒԹՅՈՒՆԸ:",
                "ԿԱՐԴԱՑԵՔ ՆԿԱՐԱԳՐՈՒԹՅՈՒՆԸ",
                "Չափսը նշված է: Կարդացեք նկարագրությունը:",
            ),
        ] {
            let c = case().lang(lang);
            assert_eq!(c.spans(RULE, draft), [span], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
        }
    }

    #[test]
    fn stacked_marks_fire_in_every_language() {
        for (lang, draft, fixed) in [
            ("en", "It shipped!!", "It shipped!"),
            ("en", "Really?!", "Really?"),
            ("en", "Done‼️ See you soon.", "Done! See you soon."),
            ("ro", "Coletul a plecat!!!", "Coletul a plecat!"),
            ("ro", "Ati primit coletul?!?", "Ati primit coletul?"),
            ("hy", "Պատվերը ճանապարհին է!!", "Պատվերը ճանապարհին է!"),
            ("hy", "Ինչու?! Պատվերը հասել է։", "Ինչու? Պատվերը հասել է։"),
            ("hi", "ऑर्डर भेज दिया गया है!!", "ऑर्डर भेज दिया गया है!"),
            ("hi", "क्या आपको पार्सल नहीं मिला?!", "क्या आपको पार्सल नहीं मिला?"),
            ("hi", "धन्यवाद!!!", "धन्यवाद!"),
        ] {
            let c = case().lang(lang);
            assert_eq!(c.findings(RULE, draft).len(), 1, "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
        }
    }

    #[test]
    fn names_in_capitals_are_names_not_shouting() {
        let c = case().customer("Ana Maria Popescu").agent("Mihai");
        assert!(!c.fires(RULE, "Hello ANA MARIA, your parcel left today. – MIHAI"));
        assert_eq!(c.spans(RULE, "Hello ANA MARIA, WE ARE CLOSED today."), ["WE ARE CLOSED"]);
        assert_eq!(c.fixed(RULE, "Hello ANA MARIA, WE ARE CLOSED today."), "Hello ANA MARIA, we are closed today.");
        assert!(!case().lang("hy").customer("Անի Սարգսյան").fires(RULE, "Բարև Ձեզ, ԱՆԻ ՍԱՐԳՍՅԱՆ։"));
    }

    #[test]
    fn acronyms_codes_units_and_single_capitals_pass() {
        for (lang, draft) in [
            ("en", "Your DHL parcel AB1234 is in the FAQ."),
            ("en", "We ship via UPS or DHL; pay by IBAN or SWIFT."),
            ("en", "Open 9 AM to 5 PM, 2 KG max."),
            ("en", "Codes AB-1234 and CD-5678 are both valid."),
            ("en", "Sizes XS to XXL, and a USB-C cable."),
            ("en", "One ANGRY word is emphasis, not shouting."),
            ("en", "Is it ready? Yes! Why?"),
            ("ro", "Coletul FAN Courier are AWB 123, plata la ANAF."),
            ("ro", "Trimiteți CNP-ul și IBAN-ul prin SMS."),
            ("ro", "Factura Acme SRL are CUI RO123 și TVA 19%."),
            ("hy", "Ծանրոցն ուղարկել ենք DHL-ով, կոդը AB1234 է։"),
            ("hy", "ՊԵԿ-ին ներկայացրել ենք ՀԴՄ կտրոնը։"),
            ("hy", "Առաքում ենք ՀՀ և ԱՄՆ: Acme ՍՊԸ:"),
            ("hy", "Պատվերը ՀԱՍԵԼ է։"),
            ("hi", "आपका ऑर्डर DHL से भेजा गया है, AWB नंबर 123 है।"),
            ("hi", "UPI या COD से भुगतान करें, OTP किसी को न बताएं।"),
            ("hi", "क्या आपको पार्सल मिला?"),
            // A template's blanks are placeholder-unfilled's, whole codes are codes.
            ("en", "Order #XXXXX ships today and the refund for #XXXX is done."),
            ("ro", "Livrarea va fi pe [ADAUGA DATA], la {ORAS URMEAZA}."),
            ("hi", "आपका ऑर्डर IN-XXL-5521 (XXL कुर्ता) DTDC से निकल चुका है।"),
        ] {
            assert!(!case().lang(lang).fires(RULE, draft), "{draft}");
        }
        // Brackets around other words do not hide shouting after them.
        assert!(case().lang("en").fires(RULE, "[Note] WE ARE CLOSED TODAY."));
    }
}
