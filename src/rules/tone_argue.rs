//! `tone-argue`: argumentative, defensive or blaming wording.

use std::ops::Range;

use super::{reading_hits, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::draft::Draft;
use crate::finding::Severity;
use crate::text::{strictly_contains, PhraseList};

pub struct ToneArgue;

impl Rule for ToneArgue {
    fn id(&self) -> &'static str {
        "tone-argue"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("tone-argue.explanation")
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let mut found = Vec::new();
        reading_hits(
            input,
            |data| &data.argue,
            |phrase| Message::new("tone-argue.found").text("text", phrase),
            &mut found,
        );
        // "your fault" inside "it's not your fault" sides with the customer.
        let empathy: Vec<Range<usize>> = input.readings().flat_map(|data| spans(input.draft, &data.empathy)).collect();
        found.retain(|hit| !empathy.iter().any(|outer| strictly_contains(outer, &hit.span)));
        hits.extend(found);
    }
}

/// Where the phrases of `list` occur in the draft.
pub(super) fn spans(draft: &Draft, list: &PhraseList) -> Vec<Range<usize>> {
    list.find_all(draft.text, &draft.words).map(|m| m.span).collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "tone-argue";

    #[test]
    fn fires_on_arguing_and_blaming_in_every_language() {
        for (lang, draft, spans) in [
            ("en", "As I already told you, that’s NOT true.", &["As I already told you", "that’s NOT true"][..]),
            ("en", "Calm down, it is not our fault.", &["Calm down", "not our fault"]),
            (
                "en",
                "Like I said, you should have read the description.",
                &["Like I said", "you should have", "read the description"],
            ),
            ("ro", "Cum v-am mai spus, nu e vina noastră.", &["Cum v-am mai spus", "nu e vina noastră"]),
            ("ro", "Cum v-am mai spus, nu e vina noastra.", &["Cum v-am mai spus", "nu e vina noastra"]),
            ("ro", "Calmați-vă, trebuia să citiți descrierea.", &["Calmați-vă", "trebuia să citiți"]),
            ("ro", "Greșiți, coletul a plecat luni.", &["Greșiți"]),
            ("hy", "Ինչպես արդեն ասել եմ, դա ճիշտ չէ։", &["Ինչպես արդեն ասել եմ", "դա ճիշտ չէ"]),
            ("hy", "Հանգստացեք: Դա մեր մեղքը չէ:", &["Հանգստացեք", "մեր մեղքը չէ"]),
            // The question mark inside the word does not hide it.
            ("hy", "Չե՞ք կարդացել նկարագրությունը։", &["Չե՞ք կարդացել"]),
            ("hi", "जैसा कि मैंने पहले बताया, यह सच नहीं है।", &["जैसा कि मैंने पहले बताया", "यह सच नहीं है"]),
            ("hi", "आपको विवरण पढ़ना चाहिए था।", &["पढ़ना चाहिए था"]),
            ("hi", "यह हमारी ग़लती नहीं है, आप गलत हैं।", &["हमारी ग़लती नहीं", "आप गलत हैं"]),
            // Patterns: another person or tense, inserted words, another word order.
            ("en", "As we have explained before, it's final sale.", &["As we have explained"]),
            ("en", "That's just not accurate.", &["That's just not accurate"]),
            ("ro", "Așa cum v-am tot explicat, e final.", &["cum v-am tot explicat"]),
            ("ro", "Vă rog să vă calmați.", &["Vă rog să vă calmați"]),
            ("hy", "Ինչպես մի քանի անգամ նշել ենք, առաքումը 5 օր է։", &["Ինչպես մի քանի անգամ նշել"]),
            ("hi", "जैसा हम कई बार कह चुके हैं, डिलीवरी 5 दिन में होगी।", &["जैसा हम कई बार कह"]),
            // Latin letters: read as English, with the Hindi and Armenian Latin entries.
            ("auto", "Jaisa humne kal bhi bataya, delivery 5 din mein hogi.", &["Jaisa humne kal bhi bataya"]),
            ("auto", "Inchpes arden asel enq, araqumy 5 or e.", &["Inchpes arden asel"]),
        ] {
            assert_eq!(case().lang(lang).spans(RULE, draft), spans, "{draft}");
        }
    }

    #[test]
    fn romanian_without_diacritics_is_recognised() {
        assert_eq!(case().spans(RULE, "Trebuia sa cititi descrierea."), ["Trebuia sa cititi"]);
    }

    #[test]
    fn offers_removal_where_a_word_only_adds_heat() {
        for (lang, draft, fixed) in [
            ("en", "Obviously, the parcel left today.", "The parcel left today."),
            ("en", "The parcel obviously left today.", "The parcel left today."),
            ("ro", "Evident, coletul a plecat azi.", "Coletul a plecat azi."),
            ("ro", "E evident că vă returnăm banii.", "Vă returnăm banii."),
            ("hy", "Ակնհայտ է, որ ծանրոցն ուղարկվել է։", "Ծանրոցն ուղարկվել է։"),
            ("hi", "ज़ाहिर है कि पार्सल भेजा गया है।", "पार्सल भेजा गया है।"),
            ("hi", "जाहिर है, पार्सल भेजा गया है।", "पार्सल भेजा गया है।"),
        ] {
            assert_eq!(case().lang(lang).fixed(RULE, draft), fixed, "{draft}");
        }
    }

    #[test]
    fn calm_replies_and_longer_words_pass() {
        for (lang, draft) in [
            ("en", "I'm sorry the parcel is late; it left today and arrives tomorrow."),
            // Whole words only: "relaxing" is not "relax".
            ("en", "Enjoy a relaxing weekend, and whatever you choose, we can help."),
            // Siding with the customer is not blaming them.
            ("en", "It's not your fault: the courier lost it."),
            ("ro", "Îmi pare rău că a întârziat; coletul a plecat azi."),
            // "greșit" (wrong) is not "greșiți" (you are wrong); "evidențiem" is not "evident".
            ("ro", "Am trimis mărimea greșită, evidențiem pașii de retur în e-mail."),
            // Our delay, admitted: not "you should have".
            ("ro", "Trebuia să ajungă ieri, ar fi trebuit să primiți un e-mail."),
            ("ro", "Nu e vina dumneavoastră, curierul a întârziat."),
            ("hy", "Ցավում եմ ուշացման համար, ծանրոցն այսօր ճանապարհվեց։"),
            ("hy", "Հանգստյան օրերին չենք աշխատում, բայց երկուշաբթի կպատասխանենք:"),
            ("hi", "देरी के लिए खेद है, पार्सल आज भेज दिया गया है।"),
            // "चाहिए थी" (that you wanted) is not "चाहिए था" (you should have).
            ("hi", "जो ड्रेस आपको चाहिए थी, वह स्टॉक में आ गई है।"),
        ] {
            assert!(!case().lang(lang).fires(RULE, draft), "{draft}");
        }
    }
}
