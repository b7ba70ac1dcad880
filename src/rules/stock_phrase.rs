//! `stock-phrase`: cut-and-paste corporate phrasing.

use super::{phrase_hits, Hit, Input, Rule};
use crate::finding::Severity;

pub struct StockPhrase;

impl Rule for StockPhrase {
    fn id(&self) -> &'static str {
        "stock-phrase"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "Stock answers read as if nobody read the customer's message. Templates are a start, but personalise them; say it the way a person would (guidelines §2, \"No cut-and-paste stock answers in public\", from 003 §2 and §7)."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        phrase_hits(
            input,
            &input.data.stock_phrases,
            |phrase| format!("“{phrase}” is a stock phrase: say it in your own words."),
            hits,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "stock-phrase";

    #[test]
    fn fires_and_offers_plain_wording_in_every_language() {
        assert_eq!(
            case().fixed(RULE, "We apologize for any inconvenience. It ships today."),
            "I'm sorry about this. It ships today."
        );
        assert_eq!(case().fixed(RULE, "It ships today. Don't hesitate to contact us!"), "It ships today. Let me know!");
        assert!(case().fires(RULE, "Your call is important to us."));
        assert_eq!(
            case().fixed(RULE, "Ne cerem scuze pentru neplăcerile create. Coletul a plecat."),
            "Îmi pare rău pentru asta. Coletul a plecat."
        );
        assert_eq!(
            case().fixed(RULE, "Ներողություն ենք խնդրում պատճառված անհարմարությունների համար։"),
            "Ցավում եմ, որ այսպես ստացվեց։"
        );
        assert_eq!(
            case().fixed(RULE, "हुई असुविधा के लिए हमें खेद है। पार्सल भेज दिया गया है।"),
            "मुझे इसका खेद है। पार्सल भेज दिया गया है।"
        );
    }

    #[test]
    fn plain_wording_passes_in_every_language() {
        for draft in [
            "I'm sorry about the delay. It ships today.",
            "Îmi pare rău pentru întârziere. Coletul a plecat.",
            "Ցավում եմ ուշացման համար։",
            "देरी के लिए मुझे खेद है।",
        ] {
            assert!(!case().fires(RULE, draft), "{draft}");
        }
    }
}
