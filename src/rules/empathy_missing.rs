//! `empathy-missing`: the customer complains or is upset, and the reply neither
//! acknowledges, nor apologises, nor empathises.

use super::tone_argue::spans;
use super::upset::{reading_languages, upset_cue, UpsetCue};
use super::{insert, replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::Draft;
use crate::finding::Severity;
use crate::text::strictly_contains;

pub struct EmpathyMissing;

impl Rule for EmpathyMissing {
    fn id(&self) -> &'static str {
        "empathy-missing"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("empathy-missing.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(message) = input.context.customer_message.as_deref() else { return };
        if input.is_blank() {
            return;
        }
        let draft = input.draft;
        let said = Draft::detected(message, None);
        let message_language = said.language;
        // The customer may write in another language than the reply, and a short message
        // can be detected wrongly ("Am primit produsul stricat" has no Romanian letter):
        // both languages' phrases count, and those of Latin-letter Hindi and Armenian.
        let languages = reading_languages(message_language, draft.language);
        let Some(cue) = upset_cue(&said, &languages, input.common) else { return };
        let empathises = languages.iter().any(|language| {
            let data = language.data();
            let arguing = spans(draft, &data.argue);
            spans(draft, &data.empathy).iter().any(|e| !arguing.iter().any(|outer| strictly_contains(outer, e)))
        });
        if empathises {
            return;
        }
        let start = input.content_start();
        let Some(sentence) = draft.sentence_at(start) else { return };
        let opener = draft.with_typed_full_stops(&input.data.empathy_text);
        let opener = opener.as_str();
        // The reply's first letter becomes a capital after the inserted sentence.
        let edit = match draft.text[start..].chars().next() {
            Some(c) if c.is_lowercase() => {
                replace(start..start + c.len_utf8(), format!("{opener}{}", crate::text::case::upper(c)))
            }
            _ => insert(start, opener),
        };
        hits.push(
            Hit::new(
                start.max(sentence.span.start)..sentence.span.end,
                Message::new("empathy-missing.upset").message("cue", describe(cue)),
            )
            .with_fix(Message::new("fix.start-with").text("text", opener.trim()), vec![edit]),
        );
    }
}

/// "a threat to leave: “never ordering again”".
fn describe(cue: UpsetCue) -> Message {
    let kind = Message::new(cue.kind);
    match cue.words {
        Some(words) => Message::new("empathy-missing.cue-words").message("kind", kind).text("words", words),
        None => kind,
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::{render, Locale};
    use crate::rules::testing::case;

    const RULE: &str = "empathy-missing";

    #[test]
    fn complaints_without_empathy_fire_and_get_an_opener() {
        // (the customer's message, the reply, the reply after the fix)
        for (said, draft, fixed) in [
            (
                "My order never arrived, this is unacceptable.",
                "It ships tomorrow.",
                "I'm sorry about this. It ships tomorrow.",
            ),
            (
                "My parcel arrived damaged :(",
                "Hi Ana, a new one ships today.",
                "Hi Ana, I'm sorry about this. A new one ships today.",
            ),
            (
                "Sunt foarte dezamăgită, comanda nu a ajuns.",
                "Coletul pleacă mâine.",
                "Îmi pare rău pentru asta. Coletul pleacă mâine.",
            ),
            // No Romanian letter in the message: the reply's language still finds "stricat".
            (
                "Am primit produsul stricat.",
                "Va trimitem altul maine.",
                "Îmi pare rău pentru asta. Va trimitem altul maine.",
            ),
            (
                "Ce dezamăgire, nu am primit nimic!",
                "Coletul pleacă mâine.",
                "Îmi pare rău pentru asta. Coletul pleacă mâine.",
            ),
            (
                "Շատ հիասթափված եմ, պատվերը դեռ չի հասել։",
                "Պատվերը վաղը կառաքվի։",
                "Ցավում եմ, որ այսպես ստացվեց։ Պատվերը վաղը կառաքվի։",
            ),
            (
                "Պատվերս դեռ չի հասել:",
                "Բարև Ձեզ, Անի: Պատվերը վաղը կառաքվի:",
                "Բարև Ձեզ, Անի: Ցավում եմ, որ այսպես ստացվեց: Պատվերը վաղը կառաքվի:",
            ),
            ("मैं बहुत निराश हूं, ऑर्डर अभी तक नहीं आया।", "ऑर्डर कल पहुंचेगा।", "मुझे इसका खेद है। ऑर्डर कल पहुंचेगा।"),
            ("प्रोडक्ट ख़राब निकला और रिफंड भी नहीं मिला।", "हम कल नया भेजेंगे।", "मुझे इसका खेद है। हम कल नया भेजेंगे।"),
        ] {
            let c = case().said(said);
            assert_eq!(c.fixed(RULE, draft), fixed, "{said} / {draft}");
        }
    }

    #[test]
    fn shouting_customers_count_as_upset() {
        for (said, draft) in [
            ("WHERE IS MY ORDER", "It ships tomorrow."),
            ("Where is my order?!", "It ships tomorrow."),
            ("UNDE ESTE COMANDA MEA", "Coletul pleacă mâine."),
            ("Unde e comanda?!?", "Coletul pleacă mâine."),
            ("ՈՐՏԵ՞Ղ Է ԻՄ ՊԱՏՎԵՐԸ", "Պատվերը վաղը կառաքվի։"),
            ("मेरा ऑर्डर कहाँ है?!", "ऑर्डर कल पहुंचेगा।"),
        ] {
            assert!(case().said(said).fires(RULE, draft), "{said}");
        }
    }

    #[test]
    fn upset_without_complaint_words_fires_in_every_language() {
        // Outcomes, repetition, threats to leave, questions that complain, sarcasm.
        for (said, draft) in [
            ("still nothing after a month", "It ships tomorrow."),
            ("the kettle stopped working after a week", "A new one ships today."),
            ("for the 4th time, where is my money", "Refunds take 5 days."),
            ("never buying from you again. I'm done", "Your order leaves today."),
            ("are you kidding me? charged me twice", "The second charge drops off."),
            ("wow, super fast shipping 🙄", "It arrives tomorrow."),
            ("Tot nimic, de o lună.", "Coletul pleacă mâine."),
            ("Gata, nu mai comand de la voi.", "Comanda pleacă azi."),
            ("E o glumă? Mi-ați luat banii de două ori", "A doua plată se anulează."),
            ("Էլ երբեք չեմ պատվիրի", "Պատվերը վաղը կառաքվի։"),
            ("Երրորդ անգամ եմ գրում", "Պատվերը վաղը կառաքվի։"),
            ("चौथी बार लिख रहा हूँ", "ऑर्डर कल पहुंचेगा।"),
            ("बस हो गया, अब कभी नहीं", "ऑर्डर कल पहुंचेगा।"),
            // Latin letters: Hinglish and Armenian.
            ("phir se wahi problem, bakwas service", "Rahul ji, kal naya bhej denge."),
            ("der vochinch, amot e", "Gohar, vaghy kuxarkenq."),
        ] {
            assert!(case().said(said).fires(RULE, draft), "{said}");
        }
    }

    #[test]
    fn the_message_names_the_cue() {
        let c = case().said("never ordering from you again");
        let findings = c.findings(RULE, "Your order leaves today.");
        let messages: Vec<String> = findings.iter().map(|f| f.message.to_string()).collect();
        assert_eq!(
            messages,
            ["The customer is upset (a threat to leave: “never ordering from you again”): acknowledge it before the answer."]
        );
        // The same finding in a Romanian UI: the cue and the quotes are Romanian too.
        assert_eq!(
            render(&findings[0].message, Locale::Ro),
            "Clientul este nemulțumit (amenințarea că renunță: „never ordering from you again”): recunoașteți acest lucru înainte de răspuns."
        );
        let fix = render(&findings[0].fixes[0].label, Locale::Ro);
        assert!(fix.starts_with("Începeți cu „"), "{fix}");
    }

    #[test]
    fn empathy_in_the_reply_passes_in_every_language() {
        for (said, draft) in [
            ("My order never arrived, this is unacceptable.", "I'm so sorry! It ships tomorrow."),
            ("My order never arrived, this is unacceptable.", "I understand how annoying this is; it ships tomorrow."),
            ("WHERE IS MY ORDER", "It's not your fault: the courier lost it. A new one ships today."),
            ("Comanda nu a ajuns, sunt nemulțumit.", "Ne pare rău! Coletul pleacă mâine."),
            ("Comanda nu a ajuns, sunt nemultumit.", "Ne pare foarte rau, coletul pleaca maine."),
            ("Am primit produsul stricat.", "Înțeleg, vă trimitem altul mâine."),
            ("Պատվերը դեռ չի հասել։", "Ներողություն, պատվերը վաղը կառաքվի։"),
            // The exclamation mark inside the word does not hide it.
            ("Ապրանքը կոտրված է հասել:", "Ներողությո՜ւն, նորը կուղարկենք վաղը:"),
            ("ऑर्डर अभी तक नहीं आया।", "हमें खेद है, ऑर्डर कल पहुंचेगा।"),
            ("मेरा पार्सल टूटा हुआ आया।", "माफ़ कीजिए, हम कल नया भेजेंगे।"),
            ("मेरा पार्सल टूटा हुआ आया।", "माफ कीजिए, हम कल नया भेजेंगे।"),
            // The object before the verb, as Hindi has it.
            ("मैं बहुत निराश हूं, ऑर्डर अभी तक नहीं आया।", "हम आपकी परेशानी समझते हैं। ऑर्डर कल पहुंचेगा।"),
            ("मैं बहुत निराश हूं, ऑर्डर अभी तक नहीं आया।", "हम आपकी चिंता समझते हैं, ऑर्डर कल पहुंचेगा।"),
        ] {
            assert!(!case().said(said).fires(RULE, draft), "{said} / {draft}");
        }
    }

    #[test]
    fn blaming_the_customer_is_no_empathy() {
        // "vina noastră" (our fault) and "our fault" inside a denial are no apology.
        for (said, draft) in [
            ("My parcel arrived damaged.", "It's not our fault, the courier broke it."),
            ("Am primit produsul stricat.", "Nu e vina noastră, curierul l-a stricat."),
        ] {
            assert!(case().said(said).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn calm_or_happy_customers_and_unknown_messages_pass() {
        for (said, draft) in [
            ("Do you ship to Cluj?", "Yes, in two days."),
            ("Thank you so much!!", "You're welcome!"),
            ("Can I get a refund for the blue one? I'd like the red instead.", "Yes, we can exchange it."),
            ("Livrați în Cluj?", "Da, în două zile."),
            ("Mulțumesc frumos!!", "Cu drag!"),
            ("Niciodată nu am avut probleme cu voi, vreau să anulez o comandă.", "Sigur, o anulăm acum."),
            ("Առաքում ունե՞ք Գյումրի։", "Այո, երկու օրում։"),
            ("Շնորհակալ եմ, ամեն ինչ հիանալի է!!", "Շնորհակալություն։"),
            ("क्या आप पुणे में डिलीवरी करते हैं?", "हां, दो दिन में।"),
            ("धन्यवाद, सब ठीक है!!", "आपका स्वागत है।"),
            ("रिफंड कब मिलेगा?", "रिफंड कल तक आ जाएगा।"),
            // Weak cues alone, and praise without a sarcasm marker.
            ("Is it still available?", "Yes, in every size."),
            ("Can I order the same again?", "Of course!"),
            ("Wow, fast delivery, thank you!", "Glad to hear it!"),
            ("Great job 😊 it fits perfectly", "Thank you!"),
            ("SO happy with it!!!", "Thank you!"),
            ("Încă o întrebare: livrați și sâmbăta?", "Da."),
            ("Ապրեք, շատ արագ էր!", "Շնորհակալություն։"),
            ("वाह, बहुत बढ़िया!", "धन्यवाद।"),
        ] {
            assert!(!case().said(said).fires(RULE, draft), "{said}");
        }
        assert!(!case().fires(RULE, "It ships tomorrow."));
    }
}
