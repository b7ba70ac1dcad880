//! `first-line-summary`: the point must be readable in the inbox preview.

use std::ops::Range;

use super::{remove_words, replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;
use crate::text::{count_letters, is_capitalised, PhraseMatch};

pub struct FirstLineSummary;

impl Rule for FirstLineSummary {
    fn id(&self) -> &'static str {
        "first-line-summary"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("first-line-summary.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let draft = input.draft;
        if let Some(filler) = filler_opening(input) {
            hits.push(filler_hit(input, &filler));
            return;
        }
        let content_start = input.content_start();
        let Some(sentence) = draft.sentence_at(content_start) else { return };
        let budget = input.settings().preview_budget;
        // What the eye counts as characters: "प्रि" is four code points and one letter.
        let ends_at = count_letters(&draft.text[..sentence.span.end]);
        if ends_at > budget {
            hits.push(Hit::new(
                content_start.max(sentence.span.start)..sentence.span.end,
                Message::new("first-line-summary.long").count("ends_at", ends_at).count("budget", budget),
            ));
        }
    }
}

/// The filler phrase that opens the message: at its first word, or joined to the
/// greeting by a name and a joining word or two ("Bună ziua și mulțumim pentru mesaj!",
/// "Hi Ana and thanks for reaching out!", "नमस्ते प्रिया जी और हमसे संपर्क…").
fn filler_opening<'a>(input: &'a Input) -> Option<PhraseMatch<'a>> {
    let draft = input.draft;
    let first_content = draft.word_at_or_after(input.content_start());
    let candidates = match &input.greeting {
        Some(greeting) => {
            let after_phrase = draft.word_at_or_after(greeting.phrase_end);
            after_phrase..(first_content + 2).max(after_phrase + 4)
        }
        None => first_content..first_content + 1,
    };
    let first_sentence = draft.words.get(first_content).map_or(usize::MAX, |w| w.sentence);
    candidates
        .take_while(|&at| draft.words.get(at).is_some_and(|w| w.sentence <= first_sentence))
        .find_map(|at| input.readings().find_map(|data| data.filler_openers.match_at(&draft.words, at)))
}

/// The filler opening, with a fix that removes it when the point follows it: the whole
/// sentence ("Thanks for reaching out! Your refund…"), its clause ("Thanks for reaching
/// out, your refund…"), or its part of the greeting ("Hi Ana and thanks for reaching
/// out!" becomes "Hi Ana!").
fn filler_hit(input: &Input, filler: &PhraseMatch) -> Hit {
    let draft = input.draft;
    let text = draft.text;
    let opening = &text[filler.span.clone()];
    let hit = Hit::new(filler.span.clone(), Message::new("first-line-summary.filler").text("text", opening));
    let Some(sentence) = draft.sentence_at(filler.span.start) else { return hit };
    let rest_of_sentence = &text[filler.span.end..sentence.span.end];
    let ends_clause = rest_of_sentence.trim_start().starts_with([',', '՝']);
    let ends_sentence = !rest_of_sentence.chars().any(char::is_alphanumeric);
    if filler.words.start != draft.word_at_or_after(input.content_start()) {
        return match joined_to_greeting(input, filler.words.clone()) {
            Some(cut) if ends_clause || ends_sentence => {
                hit.with_fix(remove_opening(), vec![replace(cut..filler.span.end, "")])
            }
            _ => hit,
        };
    }
    if ends_sentence {
        let after = &text[sentence.span.end..];
        if !after.chars().any(char::is_alphanumeric) {
            return hit;
        }
        let next_content = sentence.span.end + (after.len() - after.trim_start().len());
        return hit.with_fix(remove_opening(), vec![replace(filler.span.start..next_content, "")]);
    }
    if ends_clause {
        return hit.with_fix(remove_opening(), remove_words(draft, filler.span.clone()));
    }
    hit
}

fn remove_opening() -> Message {
    Message::new("first-line-summary.fix.remove-opening")
}

/// Where to cut a filler joined to the greeting: after the greeting phrase, or after the
/// name that ends it ("Hi Ana and thanks…"), so only joining words go with the filler.
/// `None` in a script without capitals, where a name cannot be told from "और".
fn joined_to_greeting(input: &Input, filler: Range<usize>) -> Option<usize> {
    let draft = input.draft;
    let greeting = input.greeting.as_ref()?;
    let between = &draft.words[draft.word_at_or_after(greeting.phrase_end)..filler.start];
    if !between.iter().all(|w| w.text.chars().any(|c| c.is_lowercase() || c.is_uppercase())) {
        return None;
    }
    Some(between.iter().rev().find(|w| is_capitalised(w.text)).map_or(greeting.phrase_end, |w| w.span.end))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "first-line-summary";

    #[test]
    fn filler_openers_are_flagged_and_removed_in_every_language() {
        for (lang, draft, filler, fixed) in [
            (
                "en",
                "Thank you for reaching out! Your refund was sent today.",
                "Thank you for reaching out",
                "Your refund was sent today.",
            ),
            (
                "en",
                "Hi Ana,\nThanks for contacting us.\nYour refund was sent today.",
                "Thanks for contacting us",
                "Hi Ana,\nYour refund was sent today.",
            ),
            (
                "en",
                "We have received your message, your refund was sent today.",
                "We have received your message",
                "Your refund was sent today.",
            ),
            (
                "en",
                "Hi Ana, thank you for your message, the refund is sent.",
                "thank you for your message",
                "Hi Ana, the refund is sent.",
            ),
            (
                "ro",
                "Vă mulțumim că ne-ați contactat! Comanda dumneavoastră a plecat azi și ajunge mâine.",
                "Vă mulțumim că ne-ați contactat",
                "Comanda dumneavoastră a plecat azi și ajunge mâine.",
            ),
            (
                "ro",
                "Buna ziua, va multumim pentru mesaj, coletul ajunge maine.",
                "va multumim pentru mesaj",
                "Buna ziua, coletul ajunge maine.",
            ),
            (
                "ro",
                "Bună, Ana! Am primit mesajul tău, rambursarea a fost făcută azi.",
                "Am primit mesajul tău",
                "Bună, Ana! Rambursarea a fost făcută azi.",
            ),
            (
                "hy",
                "Շնորհակալություն մեզ հետ կապվելու համար։ Ձեր պատվերն արդեն ճանապարհին է։",
                "Շնորհակալություն մեզ հետ կապվելու համար",
                "Ձեր պատվերն արդեն ճանապարհին է։",
            ),
            (
                "hy",
                "Բարև Ձեզ, Անի: Շնորհակալություն մեզ հետ կապվելու համար: Պատվերը կհասնի վաղը:",
                "Շնորհակալություն մեզ հետ կապվելու համար",
                "Բարև Ձեզ, Անի: Պատվերը կհասնի վաղը:",
            ),
            (
                "hy",
                "Շնորհակալություն ձեր հարցի համար, պատվերը կհասնի վաղը։",
                "Շնորհակալություն ձեր հարցի համար",
                "Պատվերը կհասնի վաղը։",
            ),
            (
                "hi",
                "हमसे संपर्क करने के लिए धन्यवाद। आपका ऑर्डर कल पहुंच जाएगा।",
                "हमसे संपर्क करने के लिए धन्यवाद",
                "आपका ऑर्डर कल पहुंच जाएगा।",
            ),
            (
                "hi",
                "नमस्ते प्रिया जी, हमसे संपर्क करने के लिए धन्यवाद! आपका रिफंड आज भेज दिया गया है।",
                "हमसे संपर्क करने के लिए धन्यवाद",
                "नमस्ते प्रिया जी, आपका रिफंड आज भेज दिया गया है।",
            ),
            ("hi", "आपके मैसेज के लिए शुक्रिया, आपका ऑर्डर कल पहुंच जाएगा।", "आपके मैसेज के लिए शुक्रिया", "आपका ऑर्डर कल पहुंच जाएगा।"),
            // Patterns: inserted words, another register, Latin letters.
            (
                "en",
                "Thanks very much for contacting us! It ships today.",
                "Thanks very much for contacting us",
                "It ships today.",
            ),
            (
                "ro",
                "Mersi mult că ne-ai scris! Coletul pleacă azi.",
                "Mersi mult că ne-ai scris",
                "Coletul pleacă azi.",
            ),
            (
                "hy",
                "Շատ շնորհակալ ենք, որ գրեցիք։ Պատվերը վաղը կհասնի։",
                "Շատ շնորհակալ ենք, որ գրեցիք",
                "Պատվերը վաղը կհասնի։",
            ),
            ("hi", "सवाल पूछने के लिए धन्यवाद। ऑर्डर कल आएगा।", "सवाल पूछने के लिए धन्यवाद", "ऑर्डर कल आएगा।"),
            (
                "auto",
                "Aapke message ke liye shukriya! Order kal aayega.",
                "Aapke message ke liye shukriya",
                "Order kal aayega.",
            ),
        ] {
            let c = case().lang(lang);
            assert_eq!(c.spans(RULE, draft), [filler], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn a_filler_joined_to_the_greeting_is_cut_from_it() {
        for (lang, draft, filler, fixed) in [
            (
                "ro",
                "Bună ziua și mulțumim pentru mesaj!\nComanda a plecat azi.",
                "mulțumim pentru mesaj",
                "Bună ziua!\nComanda a plecat azi.",
            ),
            (
                "ro",
                "Buna ziua si va multumim pentru mesaj, comanda a plecat azi.",
                "va multumim pentru mesaj",
                "Buna ziua, comanda a plecat azi.",
            ),
            (
                "en",
                "Hi Ana and thanks for reaching out! Your refund is sent.",
                "thanks for reaching out",
                "Hi Ana! Your refund is sent.",
            ),
            (
                "hy",
                "Բարև Ձեզ, Անի, և շնորհակալություն մեզ հետ կապվելու համար: Պատվերը կհասնի վաղը:",
                "շնորհակալություն մեզ հետ կապվելու համար",
                "Բարև Ձեզ, Անի: Պատվերը կհասնի վաղը:",
            ),
        ] {
            let c = case().lang(lang);
            assert_eq!(c.spans(RULE, draft), [filler], "{draft}");
            assert_eq!(c.fixed(RULE, draft), fixed, "{draft}");
            assert!(!c.fires(RULE, fixed), "{fixed}");
        }
    }

    #[test]
    fn fillers_without_a_clear_cut_have_no_fix() {
        for (lang, draft) in [
            ("en", "Thank you for reaching out!"),
            ("ro", "Vă mulțumim că ne-ați contactat!"),
            ("hy", "Շնորհակալություն մեզ հետ կապվելու համար:"),
            // Without capitals, "प्रिया जी" cannot be told from the joining "और".
            ("hi", "नमस्ते प्रिया जी और हमसे संपर्क करने के लिए धन्यवाद! आपका ऑर्डर भेज दिया गया है।"),
        ] {
            let findings = case().lang(lang).findings(RULE, draft);
            assert_eq!(findings.len(), 1, "{draft}");
            assert!(findings[0].fixes.is_empty(), "{draft}");
        }
    }

    #[test]
    fn a_first_sentence_past_the_preview_fires_in_every_language() {
        for (lang, greeting, long, rest) in [
            (
                "en",
                "",
                "Your refund for the blue winter jacket you returned to our warehouse in Cluj last week has been approved and sent.",
                " Thanks!",
            ),
            (
                "ro",
                "Bună ziua, Ana! ",
                "Comanda dumneavoastră cu numărul 48213 a fost predată astăzi curierului și va ajunge la adresa din Cluj-Napoca în două-trei zile lucrătoare.",
                " Vă mulțumim!",
            ),
            (
                "ro",
                "Buna ziua,\n",
                "Comanda ta a fost predata astazi curierului si va ajunge la adresa din Cluj-Napoca in doua-trei zile lucratoare.",
                "\nCu drag, Mihai",
            ),
            (
                "hy",
                "Բարև Ձեզ, Անի։ ",
                "Ձեր պատվերը, որը կատարել էիք անցյալ շաբաթ մեր կայքից, այսօր հանձնվել է առաքիչին և կհասնի Երևանի ձեր հասցեին երկու օրվա ընթացքում։",
                " Շնորհակալություն։",
            ),
            (
                "hy",
                "Բարև Ձեզ, Անի: ",
                "Ձեր պատվերը, որը կատարել էիք անցյալ շաբաթ մեր կայքից, այսօր հանձնվել է առաքիչին և կհասնի Երևանի ձեր հասցեին երկու օրվա ընթացքում:",
                " Շնորհակալություն:",
            ),
            (
                "hi",
                "नमस्ते प्रिया जी, ",
                "आपका ऑर्डर जो आपने पिछले हफ्ते हमारी वेबसाइट से किया था, आज कूरियर को सौंप दिया गया है और दो दिनों में आपके पते पर पहुंच जाएगा।",
                " धन्यवाद।",
            ),
        ] {
            let draft = format!("{greeting}{long}{rest}");
            assert_eq!(case().lang(lang).spans(RULE, &draft), [long], "{draft}");
        }
    }

    #[test]
    fn replies_that_lead_with_the_point_pass_in_every_language() {
        for (lang, draft) in [
            ("en", "Hi Ana, your refund was sent today."),
            ("en", "Your refund was approved and sent today. It reaches your card within five working days, depending on your bank."),
            // A thank-you after the point costs nothing in the preview.
            ("en", "Hi! Sent. Thank you for your message."),
            ("en", ""),
            ("en", "👍"),
            ("en", "Hi Ana!"),
            ("ro", "Bună ziua, Ana! Comanda a plecat azi și ajunge mâine. Vă mulțumim pentru răbdare!"),
            ("ro", "Buna, comanda ta a plecat azi, ajunge maine."),
            ("hy", "Բարև Ձեզ, Անի։ Պատվերը կհասնի վաղը։ Շնորհակալություն համբերության համար։"),
            ("hy", "Բարև Ձեզ: Պատվերը կհասնի վաղը: Շնորհակալություն:"),
            ("hi", "नमस्ते प्रिया जी, आपका ऑर्डर कल पहुंच जाएगा। संपर्क करने के लिए धन्यवाद।"),
        ] {
            assert!(!case().lang(lang).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn the_budget_is_a_setting_and_counts_characters() {
        let mut c = case();
        c.context.settings.preview_budget = 20;
        assert!(c.fires(RULE, "Your refund was approved today."));
        // 20 Armenian letters are 20 characters, not 40 bytes.
        assert!(!c.fires(RULE, "Պատվերն ուղարկված է։ Շնորհակալություն"));
    }

    #[test]
    fn hindi_is_counted_in_letters_not_code_points() {
        // 108 code points (vowel signs and viramas are code points of their own), but 70
        // letters on screen: as long as an English sentence of 70 characters.
        let draft = "नमस्ते प्रिया जी, आपका रिफंड आज प्रोसेस कर दिया गया है और पांच से सात कार्यदिवसों में आपके खाते में आ जाएगा।";
        assert_eq!(draft.chars().count(), 108);
        assert!(!case().lang("hi").fires(RULE, draft));
        let mut tight = case().lang("hi");
        tight.context.settings.preview_budget = 69;
        assert!(tight.fires(RULE, draft));
    }
}
