//! `tone-argue`: argumentative, defensive or blaming wording.

use super::{phrase_hits, Hit, Input, Rule};
use crate::finding::Severity;

pub struct ToneArgue;

impl Rule for ToneArgue {
    fn id(&self) -> &'static str {
        "tone-argue"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> &'static str {
        "Never argue with a customer, whether they are right or wrong: in public everyone reads the exchange, and arguing damages the brand. Be calm and polite; express regret that they hit the problem and offer a solution; acknowledge what is true and correct what is not, politely (guidelines §2, \"Tone: never argue\", from 001 principle 1, 003 §3 and §8, and 002)."
    }

    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        phrase_hits(input, &input.data.argue, |phrase| format!("“{phrase}” sounds like arguing or blaming."), hits);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "tone-argue";

    #[test]
    fn fires_on_arguing_in_every_language() {
        assert_eq!(
            case().spans(RULE, "As I already told you, that’s NOT true."),
            ["As I already told you", "that’s NOT true"]
        );
        assert_eq!(case().spans(RULE, "Calm down, it is not our fault."), ["Calm down", "not our fault"]);
        assert_eq!(
            case().spans(RULE, "Cum v-am mai spus, nu e vina noastră."),
            ["Cum v-am mai spus", "nu e vina noastră"]
        );
        assert_eq!(case().spans(RULE, "Ինչպես արդեն ասել եմ, դա ճիշտ չէ։"), ["Ինչպես արդեն ասել եմ", "դա ճիշտ չէ"]);
        assert_eq!(case().spans(RULE, "जैसा कि मैंने पहले बताया, यह सच नहीं है।"), ["जैसा कि मैंने पहले बताया", "यह सच नहीं है"]);
    }

    #[test]
    fn offers_removal_where_a_word_only_adds_heat() {
        assert_eq!(case().fixed(RULE, "Obviously, the parcel left today."), "The parcel left today.");
        assert_eq!(case().fixed(RULE, "The parcel obviously left today."), "The parcel left today.");
        assert_eq!(case().fixed(RULE, "Evident, coletul a plecat azi."), "Coletul a plecat azi.");
    }

    #[test]
    fn calm_replies_pass_in_every_language() {
        for draft in [
            "I'm sorry the parcel is late; it left today and arrives tomorrow.",
            "Îmi pare rău că a întârziat; coletul a plecat azi.",
            "Ցավում եմ ուշացման համար, ծանրոցն այսօր ճանապարհվեց։",
            "देरी के लिए खेद है, पार्सल आज भेज दिया गया है।",
            // Whole words only: "relaxing" is not "relax".
            "A relaxing weekend to you.",
        ] {
            assert!(!case().fires(RULE, draft), "{draft}");
        }
    }
}
