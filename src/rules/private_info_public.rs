//! `private-info-public`: a public comment reply that asks for private data.

use super::{replace, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::context::Surface;
use crate::finding::Severity;

pub struct PrivateInfoPublic;

impl Rule for PrivateInfoPublic {
    fn id(&self) -> &'static str {
        "private-info-public"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn explanation(&self) -> Message {
        Message::new("private-info-public.explanation")
    }

    /// Fires per sentence that names private data and asks for it with a request phrase
    /// ("send us", "trimiteți", "ուղարկեք", "भेजें"), unless the same sentence already
    /// moves to a private channel. A question alone is not enough: "Did you get our
    /// email?" names the e-mail without asking for it.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        if input.context.surface != Surface::Comment {
            return;
        }
        let draft = input.draft;
        let move_private = draft.with_typed_full_stops(&input.data.move_private_text);
        for sentence in &draft.sentences {
            let span = sentence.span.clone();
            let Some(asked) = input.readings().find_map(|data| draft.find_in(&data.private_data, span.clone()).next())
            else {
                continue;
            };
            let requests =
                input.readings().any(|data| draft.find_in(&data.private_requests, span.clone()).next().is_some());
            let goes_private =
                input.readings().any(|data| draft.find_in(&data.private_channel, span.clone()).next().is_some());
            if requests && !goes_private {
                let what = &draft.text[asked.span];
                // A greeting on the same line stays: "Hi Ana, please send…".
                let asking = span.start.max(input.content_start()).min(span.end)..span.end;
                hits.push(
                    Hit::new(asking.clone(), Message::new("private-info-public.asking").text("text", what)).with_fix(
                        Message::new("private-info-public.fix.move"),
                        vec![replace(asking, move_private.clone())],
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "private-info-public";

    #[test]
    fn asking_for_private_data_in_public_fires_in_every_language() {
        // (language, comment reply, what the finding names)
        for (lang, draft, asked) in [
            ("en", "Please send us your phone number.", "phone number"),
            ("en", "What is your order number?", "order number"),
            ("en", "Can you share your email address so we can check?", "email address"),
            ("en", "We need your home address and account number.", "home address"),
            ("ro", "Vă rugăm să ne trimiteți numărul de telefon.", "numărul de telefon"),
            ("ro", "Va rugam sa ne trimiteti numarul de telefon.", "numarul de telefon"),
            ("ro", "Ne puteți da numărul comenzii?", "numărul comenzii"),
            ("ro", "Lăsați-ne adresa de email și verificăm.", "adresa de email"),
            ("ro", "Ne puteti spune numarul contului?", "numarul contului"),
            ("hy", "Խնդրում ենք ուղարկել Ձեր հեռախոսահամարը։", "հեռախոսահամարը"),
            ("hy", "Խնդրում ենք Ձեր հասցեն գրել:", "հասցեն"),
            // The question mark sits inside the word in Armenian.
            ("hy", "Ո՞րն է Ձեր պատվերի համարը։", "պատվերի համարը"),
            ("hy", "Կուղարկե՞ք Ձեր էլփոստը։", "էլփոստը"),
            ("hy", "Նշեք հաշվի համարը:", "հաշվի համարը"),
            ("hi", "कृपया अपना फ़ोन नंबर भेजें।", "फ़ोन नंबर"),
            ("hi", "कृपया अपना फोन नंबर भेजिये।", "फोन नंबर"),
            ("hi", "आपका ऑर्डर नंबर क्या है?", "ऑर्डर नंबर"),
            ("hi", "क्या आप अपना डिलीवरी एड्रेस बता सकते हैं?", "एड्रेस"),
            ("hi", "अपना अकाउंट नंबर और ईमेल शेयर करें।", "अकाउंट नंबर"),
            // Verb and object asks.
            ("en", "Drop your number below and we'll call.", "your number"),
            ("en", "Reply here with your order ID please.", "order ID"),
            ("ro", "Lăsați-ne numărul de telefon aici.", "numărul de telefon"),
            ("hi", "कमेंट में अपना ईमेल डालिए।", "ईमेल"),
            ("auto", "Apna phone number yahan comment kijiye.", "phone number"),
            ("auto", "Greq aystegh dzer heraxosahamary.", "heraxosahamary"),
        ] {
            let findings = case().lang(lang).comment().findings(RULE, draft);
            assert_eq!(findings.len(), 1, "{draft}");
            assert_eq!(findings[0].message, Message::new("private-info-public.asking").text("text", asked), "{draft}");
        }
    }

    #[test]
    fn the_fix_says_we_continue_in_private() {
        for (lang, draft, fixed) in [
            (
                "en",
                "Sorry! Please send us your phone number.",
                "Sorry! I've sent you a private message so we can sort this out without your details in public.",
            ),
            (
                "en",
                "Hi Ana, please send us your order number.",
                "Hi Ana, I've sent you a private message so we can sort this out without your details in public.",
            ),
            (
                "ro",
                "Bună ziua! Trimiteți-ne numărul comenzii.",
                "Bună ziua! V-am scris în privat, ca să rezolvăm fără să vă publicăm datele.",
            ),
            (
                "hy",
                "Ուղարկեք Ձեր հեռախոսահամարը։ Կզանգահարենք այսօր։",
                "Գրել եմ Ձեզ անձնական նամակով, որպեսզի Ձեր տվյալները հրապարակային չլինեն։ Կզանգահարենք այսօր։",
            ),
            // Typed with ':' for a full stop: the inserted sentence follows suit.
            (
                "hy",
                "Բարև Ձեզ: Ուղարկեք Ձեր հեռախոսահամարը:",
                "Բարև Ձեզ: Գրել եմ Ձեզ անձնական նամակով, որպեսզի Ձեր տվյալները հրապարակային չլինեն:",
            ),
            (
                "hi",
                "नमस्ते! कृपया अपना पता भेजें। हम जांच करेंगे।",
                "नमस्ते! मैंने आपको निजी संदेश भेजा है, ताकि आपकी जानकारी सार्वजनिक न हो। हम जांच करेंगे।",
            ),
        ] {
            assert_eq!(case().lang(lang).comment().fixed(RULE, draft), fixed, "{draft}");
        }
    }

    #[test]
    fn abbreviations_keep_the_request_in_one_sentence() {
        // "dvs.", "nr.", "էլ." do not end the sentence, so the whole request is replaced.
        for (draft, asked) in [
            ("Care este adresa dvs. de livrare?", "Care este adresa dvs. de livrare?"),
            ("Trimiteți-ne vă rog nr. de telefon.", "Trimiteți-ne vă rog nr. de telefon."),
            ("Գրեք Ձեր էլ. փոստը։", "Գրեք Ձեր էլ. փոստը։"),
        ] {
            assert_eq!(case().comment().spans(RULE, draft), [asked], "{draft}");
        }
    }

    #[test]
    fn moving_to_private_and_saying_so_passes_in_every_language() {
        for (lang, draft) in [
            ("en", "Please send your order number in a private message so we can check."),
            ("en", "Could you DM us your order number?"),
            ("en", "I've sent you a private message; please share your phone number there."),
            ("ro", "Vă rog să ne trimiteți numărul comenzii în privat."),
            ("ro", "V-am scris in privat, va rog sa ne trimiteti acolo numarul de telefon."),
            ("ro", "Trimiteți-ne pe e-mail numărul comenzii, vă rog."),
            ("hy", "Խնդրում ենք ուղարկել պատվերի համարը անձնական նամակով։"),
            ("hy", "Գրել ենք Ձեզ, խնդրում ենք այնտեղ նշել հասցեն:"),
            ("hi", "कृपया ऑर्डर नंबर प्राइवेट मैसेज में भेजें।"),
            ("hi", "हमने आपको इनबॉक्स में मैसेज किया है, कृपया वहां फ़ोन नंबर भेजें।"),
        ] {
            assert!(!case().lang(lang).comment().fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn mentions_without_a_request_pass() {
        for (lang, draft) in [
            ("en", "Our phone line opens at 9."),
            ("en", "Did you get our email? Please check your email for the tracking link."),
            ("en", "We will send a new one to your address."),
            ("ro", "Adresa noastră e pe site, vă rugăm să verificați e-mailul."),
            ("ro", "Vă trimitem factura la adresa din comandă."),
            ("hy", "Խնդրում ենք ստուգել Ձեր էլփոստը։"),
            ("hy", "Մեր հասցեն է Աբովյան 5:"),
            ("hi", "कृपया अपना ईमेल चेक करें।"),
            ("hi", "आपका फ़ोन नंबर अपडेट हो गया है।"),
        ] {
            assert!(!case().lang(lang).comment().fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn private_conversations_pass() {
        assert!(!case().fires(RULE, "Please send us your phone number."));
        assert!(!case().lang("hi").fires(RULE, "कृपया अपना फ़ोन नंबर भेजें।"));
    }
}
