//! `register-mismatch`: an address form that contradicts the register the team's voice
//! profile sets for the draft's language (`tu` in a formal Romanian reply, `आप` in an
//! informal Hindi one).

use super::{phrase_fix, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;
use crate::voice::register::address_forms;
use crate::voice::Register;

pub struct RegisterMismatch;

impl Rule for RegisterMismatch {
    fn id(&self) -> &'static str {
        "register-mismatch"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("register-mismatch.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(voice) = input.voice else { return };
        let draft = input.draft;
        let Some(register) = voice.register_for(draft.language) else { return };
        for form in address_forms(draft).into_iter().filter(|form| form.register != register) {
            // The team's register is the other one.
            let id = match form.register {
                Register::Formal => "register-mismatch.formal",
                Register::Informal => "register-mismatch.informal",
            };
            let message = Message::new(id).text("text", draft.slice(&form.span));
            let hit = Hit::new(form.span.clone(), message);
            hits.push(match form.other_register {
                Some(other) => {
                    let (label, edits) = phrase_fix(draft, form.span, other);
                    hit.with_fix(label, edits)
                }
                None => hit,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "register-mismatch";
    const FORMAL: &str = r#"{"version": 1, "register": "formal"}"#;
    const INFORMAL: &str = r#"{"version": 1, "register": "informal"}"#;

    #[test]
    fn informal_address_in_a_formal_voice() {
        for (lang, draft, spans) in [
            ("ro", "Te rog să ne trimiți o poză.", vec!["Te rog"]),
            ("ro", "Bună ziua! Comanda ta a plecat, ți-am trimis factura.", vec!["ta", "ți"]),
            ("ro", "Am primit plata. Poți ridica produsul de mâine.", vec!["Poți"]),
            ("ro", "Scrie-ne dacă ai nevoie de ajutor.", vec!["Scrie-ne", "ai nevoie"]),
            ("hy", "Քո պատվերը ճանապարհին է։", vec!["Քո"]),
            ("hy", "Վաղը կզանգենք քեզ։", vec!["քեզ"]),
            ("hy", "Դու կարող ես այն վերադարձնել։", vec!["Դու", "կարող ես"]),
            ("hi", "तुम्हारा ऑर्डर भेज दिया गया है।", vec!["तुम्हारा"]),
            ("hi", "हम कल तुम्हें फ़ोन करेंगे।", vec!["तुम्हें"]),
            ("hi", "तू चिंता मत कर।", vec!["तू"]),
            ("en", "Hey Ana, it's gonna arrive on Friday.", vec!["Hey", "gonna"]),
        ] {
            assert_eq!(case().lang(lang).voice(FORMAL).spans(RULE, draft), spans, "{draft}");
        }
    }

    #[test]
    fn formal_address_in_an_informal_voice() {
        for (lang, draft, spans) in [
            ("ro", "Vă mulțumim pentru comandă!", vec!["Vă mulțumim"]),
            ("ro", "Comanda dumneavoastră a plecat.", vec!["dumneavoastră"]),
            ("ro", "Ce vă putem oferi? Ați primit codul?", vec!["vă", "Ați"]),
            ("ro", "V-am trimis factura.", vec!["V"]),
            ("hy", "Ձեր պատվերը ճանապարհին է։", vec!["Ձեր"]),
            ("hy", "Շնորհակալություն Ձեզ։", vec!["Ձեզ"]),
            ("hi", "आपका ऑर्डर भेज दिया गया है।", vec!["आपका"]),
            ("hi", "कृपया हमें बताइए।", vec!["बताइए"]),
        ] {
            assert_eq!(case().lang(lang).voice(INFORMAL).spans(RULE, draft), spans, "{draft}");
        }
    }

    #[test]
    fn sentences_in_the_profiles_register_pass() {
        for (lang, draft) in [
            ("ro", "Vă mulțumim! Comanda dumneavoastră a plecat azi și va ajunge mâine."),
            ("ro", "Coletul va fi livrat joi."),
            ("hy", "Ես ստուգեցի Ձեր պատվերը։ Դուք կարող եք այն ստանալ վաղը։"),
            ("hy", "Երեք օրից կհասնի։"),
            ("hi", "आपका ऑर्डर भेज दिया गया है। यह अपने आप ट्रैक हो जाएगा।"),
            ("en", "Your order ships today. Thank you for waiting."),
        ] {
            assert!(!case().lang(lang).voice(FORMAL).fires(RULE, draft), "{draft}");
        }
        for (lang, draft) in [
            ("ro", "Mersi! Comanda ta a plecat și va ajunge mâine."),
            ("hy", "Ես ստուգեցի քո պատվերը։"),
            ("hi", "तुम्हारा ऑर्डर भेज दिया गया है।"),
            ("en", "Hey Ana, your order ships today!"),
        ] {
            assert!(!case().lang(lang).voice(INFORMAL).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn fixes_swap_the_words_where_a_swap_is_right() {
        let formal = case().lang("ro").voice(FORMAL);
        assert_eq!(formal.fixed(RULE, "Te rog să aștepți."), "Vă rog să aștepți.");
        assert_eq!(case().lang("hy").voice(FORMAL).fixed(RULE, "Քո պատվերը պատրաստ է։"), "Ձեր պատվերը պատրաստ է։");
        assert_eq!(case().lang("hi").voice(FORMAL).fixed(RULE, "तुम्हारा ऑर्डर तैयार है।"), "आपका ऑर्डर तैयार है।");
        assert_eq!(case().lang("hi").voice(INFORMAL).fixed(RULE, "आपको कल मिलेगा।"), "तुम्हें कल मिलेगा।");
        assert_eq!(case().lang("en").voice(FORMAL).fixed(RULE, "We're gonna call."), "We're going to call.");
        // A pronoun whose verb would have to change too gets no fix.
        let tu = formal.findings(RULE, "Tu ai dreptate.");
        assert!(tu[0].fixes.is_empty(), "{tu:?}");
    }

    #[test]
    fn a_register_for_one_language_leaves_the_others_alone() {
        let voice = r#"{"version": 1, "register": {"ro": "formal"}}"#;
        assert!(case().lang("ro").voice(voice).fires(RULE, "Te rog să aștepți."));
        assert!(!case().lang("hi").voice(voice).fires(RULE, "तुम्हारा ऑर्डर तैयार है।"));
    }

    #[test]
    fn silent_without_a_profile() {
        assert!(!case().lang("ro").fires(RULE, "Te rog, vă rog, tu și dumneavoastră."));
    }
}
