//! `empathy-missing`: the customer complains or is upset, and the reply neither
//! acknowledges, nor apologises, nor empathises.

use super::tone_shout::Shouting;
use super::{insert, replace, Hit, Input, Rule};
use crate::draft::Draft;
use crate::finding::Severity;
use crate::lang::detect;

pub struct EmpathyMissing;

impl Rule for EmpathyMissing {
    fn id(&self) -> &'static str {
        "empathy-missing"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "When a customer complains, first acknowledge the concern so they know they were heard, and express regret that they hit the problem; then offer the solution (guidelines §2, \"Acknowledge the concern\", \"Be caring and kind\" and \"Tone: never argue\", from 003 §2 and §3, 001 principles 1 and 2)."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(message) = input.context.customer_message.as_deref() else { return };
        if input.is_blank() {
            return;
        }
        let message_language = detect(message, None);
        let said = Draft::new(message, message_language);
        let upset = message_language.data().complaint.occurs_in(message, &said.words)
            || Shouting::find(&said, input.common).is_shouting();
        let draft = input.draft;
        let empathises = |language: crate::Language| language.data().empathy.occurs_in(draft.text, &draft.words);
        if !upset || empathises(draft.language) || empathises(message_language) {
            return;
        }
        let start = input.content_start();
        let Some(sentence) = draft.sentence_at(start) else { return };
        let opener = input.data.empathy_text.as_str();
        // The reply's first letter becomes a capital after the inserted sentence.
        let edit = match draft.text[start..].chars().next() {
            Some(c) if c.is_lowercase() => {
                replace(start..start + c.len_utf8(), format!("{opener}{}", c.to_uppercase()))
            }
            _ => insert(start, opener),
        };
        hits.push(
            Hit::new(
                start.max(sentence.span.start)..sentence.span.end,
                "The customer is upset: acknowledge it before the answer.",
            )
            .with_fix(format!("Start with “{}”", opener.trim()), vec![edit]),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "empathy-missing";

    #[test]
    fn fires_on_complaints_and_adds_empathy_in_every_language() {
        let c = case().said("My order never arrived, this is unacceptable.");
        assert_eq!(c.fixed(RULE, "It ships tomorrow."), "I'm sorry about this. It ships tomorrow.");
        assert_eq!(c.fixed(RULE, "Hi Ana, it ships tomorrow."), "Hi Ana, I'm sorry about this. It ships tomorrow.");
        let c = case().said("Sunt foarte dezamăgită, comanda nu a ajuns.");
        assert_eq!(c.fixed(RULE, "Coletul pleacă mâine."), "Îmi pare rău pentru asta. Coletul pleacă mâine.");
        let c = case().said("Շատ հիասթափված եմ, պատվերը դեռ չի հասել։");
        assert_eq!(c.fixed(RULE, "Պատվերը վաղը կառաքվի։"), "Ցավում եմ, որ այսպես ստացվեց։ Պատվերը վաղը կառաքվի։");
        let c = case().said("मैं बहुत निराश हूं, ऑर्डर अभी तक नहीं आया।");
        assert_eq!(c.fixed(RULE, "ऑर्डर कल पहुंचेगा।"), "मुझे इसका खेद है। ऑर्डर कल पहुंचेगा।");
    }

    #[test]
    fn shouting_customers_count_as_upset() {
        assert!(case().said("WHERE IS MY ORDER").fires(RULE, "It ships tomorrow."));
        assert!(case().said("Where is my order?!").fires(RULE, "It ships tomorrow."));
    }

    #[test]
    fn empathy_in_the_reply_passes_in_every_language() {
        let c = case().said("My order never arrived, this is unacceptable.");
        assert!(!c.fires(RULE, "I'm so sorry! It ships tomorrow."));
        assert!(!c.fires(RULE, "I understand how annoying this is; it ships tomorrow."));
        assert!(!case().said("Comanda nu a ajuns, sunt nemulțumit.").fires(RULE, "Ne pare rău! Coletul pleacă mâine."));
        assert!(!case().said("Պատվերը դեռ չի հասել։").fires(RULE, "Ներողություն, պատվերը վաղը կառաքվի։"));
        assert!(!case().said("ऑर्डर अभी तक नहीं आया।").fires(RULE, "हमें खेद है, ऑर्डर कल पहुंचेगा।"));
    }

    #[test]
    fn calm_customers_and_unknown_messages_pass() {
        assert!(!case().said("Do you ship to Cluj?").fires(RULE, "Yes, in two days."));
        assert!(!case().said("Livrați în Cluj?").fires(RULE, "Da, în două zile."));
        assert!(!case().said("Առաքում ունե՞ք Գյումրի։").fires(RULE, "Այո, երկու օրում։"));
        assert!(!case().said("क्या आप पुणे में डिलीवरी करते हैं?").fires(RULE, "हां, दो दिन में।"));
        assert!(!case().fires(RULE, "It ships tomorrow."));
    }
}
