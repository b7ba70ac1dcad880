//! `stock-phrase`: cut-and-paste corporate phrasing.

use super::{reading_hits, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;

pub struct StockPhrase;

impl Rule for StockPhrase {
    fn id(&self) -> &'static str {
        "stock-phrase"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("stock-phrase.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        reading_hits(
            input,
            |data| &data.stock_phrases,
            |phrase| Message::new("stock-phrase.found").text("text", phrase),
            hits,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "stock-phrase";

    #[test]
    fn stock_phrases_are_replaced_with_plain_words_in_every_language() {
        for (lang, draft, fixed) in [
            ("en", "We apologize for any inconvenience. It ships today.", "I'm sorry about this. It ships today."),
            (
                "en",
                "We apologise for any inconvenience caused. It ships today.",
                "I'm sorry about this. It ships today.",
            ),
            ("en", "It ships today. Don't hesitate to contact us!", "It ships today. Let me know!"),
            (
                "en",
                "It ships today. Don’t hesitate to contact us if you need anything.",
                "It ships today. Let me know if you need anything.",
            ),
            ("en", "Please note that the store is closed on Sunday.", "The store is closed on Sunday."),
            ("en", "The parcel left, please note that it takes 2 days.", "The parcel left, it takes 2 days."),
            ("en", "Please reply at your earliest convenience.", "Please reply when you can."),
            (
                "ro",
                "Ne cerem scuze pentru neplăcerile create. Coletul a plecat.",
                "Îmi pare rău pentru asta. Coletul a plecat.",
            ),
            (
                "ro",
                "Ne cerem scuze pentru inconvenientele create. Coletul a plecat.",
                "Îmi pare rău pentru asta. Coletul a plecat.",
            ),
            (
                "ro",
                "Coletul a plecat. Nu ezitati sa ne contactati pentru orice intrebare.",
                "Coletul a plecat. Scrieți-mi pentru orice intrebare.",
            ),
            ("ro", "Coletul a plecat. Vă rugăm să nu ezitați să ne contactați!", "Coletul a plecat. Scrieți-mi!"),
            ("ro", "Vă rugăm să rețineți că magazinul e închis duminică.", "Magazinul e închis duminică."),
            ("hy", "Ներողություն ենք խնդրում պատճառված անհարմարությունների համար։", "Ցավում եմ, որ այսպես ստացվեց։"),
            (
                "hy",
                "Ներողություն ենք խնդրում անհարմարության համար: Ծանրոցն ուղարկվել է:",
                "Ցավում եմ, որ այսպես ստացվեց: Ծանրոցն ուղարկվել է:",
            ),
            ("hy", "Ծանրոցն ուղարկվել է։ Մի՛ հապաղեք կապվել մեզ հետ։", "Ծանրոցն ուղարկվել է։ Գրեք ինձ։"),
            ("hy", "Տեղեկացնում ենք, որ խանութը կիրակի փակ է։", "Խանութը կիրակի փակ է։"),
            ("hi", "हुई असुविधा के लिए हमें खेद है। पार्सल भेज दिया गया है।", "मुझे इसका खेद है। पार्सल भेज दिया गया है।"),
            ("hi", "असुविधा के लिए खेद है। पार्सल भेज दिया गया है।", "मुझे इसका खेद है। पार्सल भेज दिया गया है।"),
            (
                "hi",
                "पार्सल भेज दिया गया है। किसी भी प्रश्न के लिए बेझिझक हमसे संपर्क करें।",
                "पार्सल भेज दिया गया है। किसी भी प्रश्न के लिए मुझे बताइए।",
            ),
            ("hi", "कृपया ध्यान दें कि स्टोर रविवार को बंद रहता है।", "स्टोर रविवार को बंद रहता है।"),
        ] {
            assert_eq!(case().lang(lang).fixed(RULE, draft), fixed, "{draft}");
        }
    }

    #[test]
    fn phrases_without_a_plain_replacement_are_only_flagged() {
        for (lang, draft, phrase) in [
            ("en", "Your call is important to us.", "Your call is important to us"),
            ("en", "As per our policy, returns take 14 days.", "As per our policy"),
            ("ro", "Vă mulțumim pentru înțelegere!", "Vă mulțumim pentru înțelegere"),
            ("ro", "Conform politicii companiei, retururile durează 14 zile.", "Conform politicii companiei"),
            ("hy", "Շնորհակալություն ըմբռնման համար:", "Շնորհակալություն ըմբռնման համար"),
            ("hi", "आपके धैर्य और सहयोग के लिए धन्यवाद।", "आपके धैर्य और सहयोग के लिए धन्यवाद"),
            // Patterns: other words around the stock core.
            ("en", "Customer satisfaction is our absolute priority.", "satisfaction is our absolute priority"),
            (
                "ro",
                "Părerea clienților este foarte importantă pentru noi.",
                "Părerea clienților este foarte importantă pentru noi",
            ),
            ("hy", "Ձեր կարծիքը իսկապես կարևոր է մեզ համար։", "կարծիքը իսկապես կարևոր է մեզ համար"),
            ("hi", "ग्राहकों की संतुष्टि ही हमारी प्राथमिकता है।", "संतुष्टि ही हमारी प्राथमिकता"),
            ("auto", "Hui asuvidha ke liye hume khed hai.", "asuvidha ke liye hume khed"),
            ("auto", "Mi hapagheq grel mez.", "Mi hapagheq"),
        ] {
            let findings = case().lang(lang).findings(RULE, draft);
            assert_eq!(case().lang(lang).spans(RULE, draft), [phrase], "{draft}");
            assert!(findings[0].fixes.is_empty(), "{draft}");
        }
    }

    #[test]
    fn plain_wording_passes_in_every_language() {
        for (lang, draft) in [
            ("en", "I'm sorry about the delay. It ships today; let me know if anything is unclear."),
            ("ro", "Îmi pare rău pentru întârziere. Coletul a plecat, scrieți-mi dacă mai aveți întrebări."),
            ("ro", "Imi pare rau pentru intarziere. Coletul a plecat azi."),
            ("hy", "Ցավում եմ ուշացման համար։ Գրեք ինձ, եթե հարցեր ունեք։"),
            ("hi", "देरी के लिए मुझे खेद है। कोई सवाल हो तो मुझे बताइए।"),
        ] {
            assert!(!case().lang(lang).fires(RULE, draft), "{draft}");
        }
    }
}
