//! `register-mixed`: one reply that addresses the customer both formally and informally,
//! when the voice profile leaves the language's register open (when it sets one,
//! `register-mismatch` names each form in the other register).

use super::{Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;
use crate::voice::register::address_forms;
use crate::voice::Register;

pub struct RegisterMixed;

impl Rule for RegisterMixed {
    fn id(&self) -> &'static str {
        "register-mixed"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("register-mixed.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(voice) = input.voice else { return };
        let draft = input.draft;
        if voice.register_for(draft.language).is_some() {
            return;
        }
        let forms = address_forms(draft);
        let Some(first) = forms.first() else { return };
        let Some(switch) = forms.iter().find(|form| form.register != first.register) else { return };
        hits.push(Hit::new(
            switch.span.clone(),
            Message::new(match first.register {
                Register::Formal => "register-mixed.formal-first",
                Register::Informal => "register-mixed.informal-first",
            })
            .text("first", draft.slice(&first.span))
            .text("then", draft.slice(&switch.span)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "register-mixed";
    const OPEN: &str = r#"{"version": 1}"#;

    #[test]
    fn a_reply_that_switches_register_is_reported_once_where_it_switches() {
        for (lang, draft, span) in [
            ("ro", "Vă mulțumim pentru comandă! Te anunțăm când pleacă.", "Te"),
            ("ro", "Comanda ta a plecat. Dacă doriți factura, scrieți-ne.", "doriți"),
            ("hy", "Ձեր պատվերը պատրաստ է, կարող ես գալ վաղը։", "կարող ես"),
            ("hi", "आपका ऑर्डर तैयार है, तुम्हें कल मिलेगा।", "तुम्हें"),
        ] {
            assert_eq!(case().lang(lang).voice(OPEN).spans(RULE, draft), [span], "{draft}");
        }
    }

    #[test]
    fn one_register_throughout_passes() {
        for (lang, draft) in [
            ("ro", "Vă mulțumim! Comanda dumneavoastră va ajunge mâine."),
            ("ro", "Mersi! Comanda ta va ajunge mâine, te anunțăm."),
            ("hy", "Ես ստուգեցի Ձեր պատվերը, Դուք կստանաք այն վաղը։"),
            ("hi", "तुम्हारा ऑर्डर तैयार है, तुम्हें कल मिलेगा।"),
            // English has no formal pronoun: informal words alone do not mix.
            ("en", "Hey Ana, we're gonna ship it. Could you confirm the address?"),
        ] {
            assert!(!case().lang(lang).voice(OPEN).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn a_set_register_leaves_it_to_register_mismatch() {
        let draft = "Vă mulțumim! Te anunțăm când pleacă.";
        let formal = case().lang("ro").voice(r#"{"version": 1, "register": {"ro": "formal"}}"#);
        assert!(!formal.fires(RULE, draft));
        assert!(formal.fires("register-mismatch", draft));
        assert!(!case().lang("ro").fires(RULE, draft));
    }
}
