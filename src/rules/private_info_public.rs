//! `private-info-public`: a public comment reply that asks for private data.

use super::{replace, Hit, Input, Rule};
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

    fn explanation(&self) -> &'static str {
        "Never ask for a phone number, e-mail, address, order or account number in a public comment: everyone can read the answer. Answer where the customer wrote, and when private data is needed, say publicly that you will continue by private message and why (guidelines §2, \"Do not change channel without saying why\" and \"No cut-and-paste stock answers in public\", from 001 principle 3 and 003 §3, §6 and §7)."
    }

    /// Fires per sentence that names private data and asks for it (a request word or a
    /// question), unless the same sentence already moves to a private channel.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        if input.context.surface != Surface::Comment {
            return;
        }
        let draft = input.draft;
        let data = input.data;
        for sentence in &draft.sentences {
            let span = sentence.span.clone();
            let Some(asked) = draft.find_in(&data.private_data, span.clone()).next() else { continue };
            let sentence_text = draft.slice(&span);
            let is_question = sentence_text.contains(['?', '՞']);
            let requests = is_question || draft.find_in(&data.private_requests, span.clone()).next().is_some();
            let goes_private = draft.find_in(&data.private_channel, span.clone()).next().is_some();
            if requests && !goes_private {
                let what = &draft.text[asked.span];
                hits.push(
                    Hit::new(
                        span.clone(),
                        format!("Asking for “{what}” in a public comment: move to a private message, and say so."),
                    )
                    .with_fix("Move to a private message", vec![replace(span, data.move_private_text.clone())]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "private-info-public";

    #[test]
    fn asking_for_private_data_in_public_fires_in_every_language() {
        let c = case().comment();
        assert_eq!(
            c.fixed(RULE, "Sorry! Please send us your phone number."),
            "Sorry! I've sent you a private message so we can sort this out without your details in public."
        );
        assert!(c.fires(RULE, "What is your order number?"));
        assert!(c.fires(RULE, "Ne trimiteți numărul de telefon, vă rog?"));
        assert!(c.fires(RULE, "Խնդրում ենք ուղարկել Ձեր հեռախոսահամարը։"));
        assert!(c.fires(RULE, "कृपया अपना फ़ोन नंबर भेजें।"));
    }

    #[test]
    fn moving_to_private_passes_in_every_language() {
        let c = case().comment();
        for draft in [
            "Please send your order number in a private message so we can check.",
            "Vă rog să ne trimiteți numărul comenzii în privat.",
            "Խնդրում ենք ուղարկել պատվերի համարը անձնական նամակով։",
            "कृपया ऑर्डर नंबर प्राइवेट मैसेज में भेजें।",
        ] {
            assert!(!c.fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn private_conversations_and_mere_mentions_pass() {
        assert!(!case().fires(RULE, "Please send us your phone number."));
        assert!(!case().comment().fires(RULE, "Our phone line opens at 9."));
    }
}
