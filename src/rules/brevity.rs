//! `brevity`: a chat reply that runs long, or a sentence that does.

use super::{Hit, Input, Rule};
use crate::catalogue::Message;
use crate::finding::Severity;

pub struct Brevity;

impl Rule for Brevity {
    fn id(&self) -> &'static str {
        "brevity"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("brevity.explanation")
    }

    /// The reply's length counts the message proper: the greeting and the sign-off that
    /// `name-missing` and `sign-off-missing` ask for do not push a reply over the limit.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let draft = input.draft;
        let settings = input.settings();
        let body_end = input.sign_off.as_ref().map_or(draft.content_end(), |s| s.span.start);
        let body_end = draft.text[..body_end].trim_end().len();
        let body = draft.word_at_or_after(input.content_start())..draft.word_at_or_after(body_end);
        if body.len() > settings.max_words {
            let first_extra = &draft.words[body.start + settings.max_words];
            hits.push(Hit::new(
                first_extra.span.start..body_end,
                Message::new("brevity.too-long").count("words", body.len()).count("max", settings.max_words),
            ));
        }
        for sentence in &draft.sentences {
            let words = sentence.words.len();
            if words > settings.max_sentence_words {
                hits.push(Hit::new(
                    sentence.span.clone(),
                    Message::new("brevity.long-sentence")
                        .count("words", words)
                        .count("max", settings.max_sentence_words),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "brevity";

    fn sentence(word: &str, n: usize, end: &str) -> String {
        format!("{}{end}", vec![word; n].join(" "))
    }

    #[test]
    fn long_replies_fire_from_the_first_word_over_the_limit() {
        // 9 sentences of 10 words: 90 words, no sentence too long.
        let draft = vec![sentence("word", 10, "."); 9].join(" ");
        let spans = case().spans(RULE, &draft);
        assert_eq!(spans.len(), 1);
        assert!(draft.ends_with(&spans[0]) && spans[0].split_whitespace().count() == 10, "{spans:?}");
        assert!(!case().fires(RULE, &vec![sentence("word", 10, "."); 8].join(" ")));
    }

    /// Real replies of 81 to 90 words, no sentence over 30: the part past the 80th word
    /// is underlined, up to the sign-off.
    #[test]
    fn long_replies_fire_in_every_language() {
        for (lang, draft, over) in [
            (
                "en",
                "Hi Ana, I'm sorry your parcel hasn't arrived yet. I checked with the courier this morning, and it is at their depot in Cluj because the address label was damaged. They will print a new label today and deliver it tomorrow between 9 and 13. If you won't be home, you can pick it up from the depot on Strada Fabricii 12 until Friday. You don't need to pay anything extra, and your discount code still works on your next order. Let me know if anything else goes wrong, and I will sort it out myself.\n– Maria",
                "me know if anything else goes wrong, and I will sort it out myself.",
            ),
            (
                "ro",
                "Bună ziua, Ana! Ne pare rău că nu ați primit încă coletul. Am vorbit azi-dimineață cu curierul, iar coletul este în depozitul din Cluj, pentru că eticheta s-a deteriorat. Vor tipări o etichetă nouă astăzi și îl vor livra mâine între orele 9 și 13. Dacă nu sunteți acasă, îl puteți ridica din depozitul de pe strada Fabricii nr 12 până vineri. Nu trebuie să plătiți nimic în plus, iar codul de reducere rămâne valabil pentru următoarea comandă. Scrieți-ne dacă mai apare vreo problemă, vă ajut cu drag.\nCu drag,\nMihai",
                "mai apare vreo problemă, vă ajut cu drag.",
            ),
            (
                "hy",
                "Բարև Ձեզ, Անի։ Ցավում եմ, որ ծանրոցը դեռ չի հասել։ Այսօր առավոտյան խոսեցի առաքիչի հետ, և ծանրոցը գտնվում է նրանց պահեստում, քանի որ պիտակը վնասվել էր։ Այսօր նոր պիտակ կտպեն, և վաղը ժամը 9-ից 13-ն ընկած ժամանակահատվածում կառաքեն։ Առաքիչը կզանգահարի Ձեզ առաքումից առաջ։ Եթե տանը չեք լինի, կարող եք այն վերցնել պահեստից մինչև ուրբաթ։ Լրացուցիչ վճարել պետք չէ, իսկ Ձեր զեղչի կոդը գործում է նաև հաջորդ պատվերի համար։ Որպես փոխհատուցում՝ Ձեր հաշվին կավելացնենք նաև բոնուսային միավորներ։ Եթե ևս որևէ խնդիր առաջանա, գրեք ինձ, և ես անմիջապես կօգնեմ։\nՀարգանքով՝ Մարիամ",
                "գրեք ինձ, և ես անմիջապես կօգնեմ։",
            ),
            (
                "hi",
                "नमस्ते प्रिया जी, हमें खेद है कि आपका पार्सल अभी तक नहीं पहुंचा है। मैंने आज सुबह कूरियर से बात की, पार्सल उनके दिल्ली वाले गोदाम में है क्योंकि लेबल खराब हो गया था। वे आज नया लेबल लगाएंगे और कल सुबह नौ से एक बजे के बीच डिलीवरी करेंगे। कूरियर डिलीवरी से पहले आपको फ़ोन करेगा। अगर आप घर पर नहीं होंगी, तो शुक्रवार तक गोदाम से पार्सल ले सकती हैं। आपको कुछ भी अतिरिक्त नहीं देना होगा। अगर कोई और समस्या हो तो मुझे बताइए, मैं तुरंत मदद करूंगा।\nसादर,\nराहुल",
                "हो तो मुझे बताइए, मैं तुरंत मदद करूंगा।",
            ),
        ] {
            assert_eq!(case().lang(lang).spans(RULE, draft), [over], "{draft}");
        }
    }

    #[test]
    fn the_greeting_and_sign_off_do_not_count() {
        // 80 words of message: at the limit, however long the greeting and sign-off.
        let body = vec![sentence("word", 10, "."); 8].join(" ");
        let c = case().lang("en");
        assert!(!c.fires(RULE, &format!("Good morning Ana Maria!\n{body}\nBest regards,\nMaria")));
        assert!(c.fires(RULE, &format!("Good morning Ana Maria!\n{body} One more.\nBest regards,\nMaria")));
    }

    #[test]
    fn long_sentences_fire_in_every_language() {
        for (lang, draft, long) in [
            (
                "en",
                "Hi Ana! I have checked your order and I can see that the courier tried to deliver it on Monday and again on Tuesday but nobody was at home so they took it back to the depot. Sorry!",
                "I have checked your order and I can see that the courier tried to deliver it on Monday and again on Tuesday but nobody was at home so they took it back to the depot.",
            ),
            (
                "ro",
                "Bună ziua! Am verificat comanda și văd că firma de curierat a încercat să o livreze luni și marți, dar nu a fost nimeni acasă, așa că au dus coletul înapoi la depozit, de unde îl puteți ridica până vineri. Ne pare rău!",
                "Am verificat comanda și văd că firma de curierat a încercat să o livreze luni și marți, dar nu a fost nimeni acasă, așa că au dus coletul înapoi la depozit, de unde îl puteți ridica până vineri.",
            ),
            (
                "ro",
                "Buna ziua! Am verificat comanda si vad ca firma de curierat a incercat sa o livreze luni si marti, dar nu a fost nimeni acasa, asa ca au dus coletul inapoi la depozit, de unde il puteti ridica pana vineri. Ne pare rau!",
                "Am verificat comanda si vad ca firma de curierat a incercat sa o livreze luni si marti, dar nu a fost nimeni acasa, asa ca au dus coletul inapoi la depozit, de unde il puteti ridica pana vineri.",
            ),
            (
                "hy",
                "Բարև Ձեզ: Ստուգեցի Ձեր պատվերը և տեսնում եմ, որ առաքիչը փորձել է այն հանձնել երկուշաբթի և երեքշաբթի օրերին, բայց տանը ոչ ոք չի եղել, ուստի ծանրոցը վերադարձվել է պահեստ, որտեղից կարող եք այն վերցնել մինչև ուրբաթ ցանկացած ժամի, առանց լրացուցիչ վճարի: Ցավում եմ:",
                "Ստուգեցի Ձեր պատվերը և տեսնում եմ, որ առաքիչը փորձել է այն հանձնել երկուշաբթի և երեքշաբթի օրերին, բայց տանը ոչ ոք չի եղել, ուստի ծանրոցը վերադարձվել է պահեստ, որտեղից կարող եք այն վերցնել մինչև ուրբաթ ցանկացած ժամի, առանց լրացուցիչ վճարի:",
            ),
            (
                "hi",
                "नमस्ते! मैंने आपका ऑर्डर चेक किया है और मैं देख सकता हूं कि कूरियर ने सोमवार और मंगलवार को इसे डिलीवर करने की कोशिश की थी लेकिन घर पर कोई नहीं था इसलिए वे इसे वापस गोदाम ले गए जहां से आप इसे शुक्रवार तक ले सकती हैं। माफ़ी चाहते हैं।",
                "मैंने आपका ऑर्डर चेक किया है और मैं देख सकता हूं कि कूरियर ने सोमवार और मंगलवार को इसे डिलीवर करने की कोशिश की थी लेकिन घर पर कोई नहीं था इसलिए वे इसे वापस गोदाम ले गए जहां से आप इसे शुक्रवार तक ले सकती हैं।",
            ),
        ] {
            assert_eq!(case().lang(lang).spans(RULE, draft), [long], "{draft}");
        }
    }

    #[test]
    fn sentences_of_thirty_words_pass_with_each_full_stop() {
        for (word, end) in [("word", "."), ("cuvânt", "."), ("բառ", "։"), ("բառ", ":"), ("शब्द", "।")]
        {
            let fine = sentence(word, 30, end);
            assert!(!case().fires(RULE, &format!("{fine} {fine}")), "{word}{end}");
            assert_eq!(case().spans(RULE, &format!("{fine} {}", sentence(word, 31, end))), [sentence(word, 31, end)]);
        }
    }

    #[test]
    fn short_replies_pass_in_every_language() {
        for (lang, draft) in [
            ("en", "Hi Ana, your refund was sent today and reaches your card in 3-5 working days.\n– Maria"),
            ("ro", "Bună ziua, Ana! Coletul a plecat azi și ajunge mâine. AWB: 1234567890.\nCu drag,\nMihai"),
            ("ro", "Buna, Ana! Coletul a plecat azi si ajunge maine.\nCu drag, Mihai"),
            ("hy", "Բարև Ձեզ, Անի: Պատվերը կհասնի վաղը: Առաքումն անվճար է:\nՀարգանքով՝ Մարիամ"),
            ("hi", "नमस्ते प्रिया जी, आपका ऑर्डर कल पहुंच जाएगा। डिलीवरी मुफ्त है।\nसादर,\nराहुल"),
        ] {
            assert!(!case().lang(lang).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn limits_are_settings() {
        let mut strict = case();
        strict.context.settings.max_words = 5;
        assert!(strict.fires(RULE, "one two three four five six"));
        assert!(!strict.fires(RULE, "one two three four five"));
        strict.context.settings.max_words = 80;
        strict.context.settings.max_sentence_words = 3;
        assert_eq!(strict.spans(RULE, "One two three. One two three four."), ["One two three four."]);
    }
}
