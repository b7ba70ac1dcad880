//! `promo-outside-window`: promotion once the standard messaging window is over: 24 hours
//! or more after the customer's last message and, in a thread opened from an ad, 7 days
//! or more after their reply to the ad.

use std::ops::Range;

use super::{reading_hits, Hit, Input, Rule};
use crate::catalogue::Message;
use crate::context::Surface;
use crate::finding::Severity;
use crate::lang::CommonData;

pub struct PromoOutsideWindow;

impl Rule for PromoOutsideWindow {
    fn id(&self) -> &'static str {
        "promo-outside-window"
    }

    fn severity(&self) -> Severity {
        Severity::Error
    }

    fn explanation(&self) -> Message {
        Message::new("promo-outside-window.explanation")
    }

    /// Public comment replies are outside the messaging window; after 7 days
    /// `window-closed` says that nothing can be sent at all. An ad reply whose window is
    /// still open keeps the standard window open; an unknown one changes nothing.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(hours) = input.context.hours_since_customer else { return };
        let settings = input.settings();
        let ad_reply = input.context.hours_since_ad_reply;
        if input.context.surface != Surface::Message
            || hours < settings.window_hours
            || hours >= settings.human_agent_hours
            || ad_reply.is_some_and(|ad| ad < settings.ad_window_hours)
        {
            return;
        }
        // Whole hours, as an integer: `f64`'s formatter is large in the Wasm.
        let when = match ad_reply {
            None => Message::new("promo-outside-window.when"),
            Some(ad) => Message::new("promo-outside-window.when-ad").count("ad_hours", ad.floor() as usize),
        };
        let when = when.count("hours", hours.floor() as usize);
        let links = links(input.draft.text, input.common);
        let mut words = Vec::new();
        let promotional =
            |phrase: &str| Message::new("promo-outside-window.word").text("text", phrase).message("when", when.clone());
        // Hinglish and Armenian translit promotions are read from their languages' lists.
        reading_hits(input, |data| &data.promo, promotional, &mut words);
        // "sale" inside "shop.example.com/sale" is part of the link, already reported.
        words.retain(|w| !links.iter().any(|link| link.start <= w.span.start && w.span.end <= link.end));
        for link in links {
            let shown = &input.draft.text[link.clone()];
            let message = Message::new("promo-outside-window.link").text("text", shown).message("when", when.clone());
            hits.push(Hit::new(link, message));
        }
        hits.extend(words);
    }
}

/// Links to sites other than Meta's own: `https://…`, `www.…` and bare `name.tld/…`.
pub fn links(text: &str, common: &CommonData) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(from)) => {
                start = None;
                let token = &text[from..at];
                let lead = token.len() - token.trim_start_matches(['(', '"', '«', '„', '“', '<']).len();
                let core =
                    token[lead..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '»', '”', '>', '։', '।']);
                if is_foreign_link(core, common) {
                    found.push(from + lead..from + lead + core.len());
                }
            }
            _ => {}
        }
    }
    found
}

fn is_foreign_link(token: &str, common: &CommonData) -> bool {
    let lower = token.to_ascii_lowercase();
    let without_scheme = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let explicit = without_scheme.is_some() || lower.starts_with("www.");
    let rest = without_scheme.unwrap_or(&lower);
    let host_end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.contains('@') || !host.contains('.') {
        return false;
    }
    let labels_ok = host.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let tld = host.rsplit('.').next().unwrap_or_default();
    let looks_like_link =
        explicit || (labels_ok && !is_missing_space(token, host_end, tld) && common.link_domains.contains_phrase(tld));
    let own = common.own_hosts.iter().any(|own| host == own || host.ends_with(&format!(".{own}")));
    labels_ok && looks_like_link && !own
}

/// Whether a bare `word.Word` is a sentence typed without a space after its full stop
/// ("Done.In two days") rather than a domain: domains are typed in lower case or in
/// capitals. `host_end` and `tld` come from the lower-cased token, whose byte offsets
/// are the token's.
fn is_missing_space(token: &str, host_end: usize, tld: &str) -> bool {
    let typed = &token[host_end - tld.len()..host_end];
    typed.starts_with(|c: char| c.is_ascii_uppercase()) && typed.contains(|c: char| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::catalogue::Message;
    use crate::rules::testing::case;

    const RULE: &str = "promo-outside-window";

    #[test]
    fn links_fire_from_24_hours_until_7_days() {
        for (lang, draft, link) in [
            (
                "en",
                "Here is the return form: https://shop.example.com/returns?x=1.",
                "https://shop.example.com/returns?x=1",
            ),
            ("ro", "Formularul de retur e aici: acme.ro/retur.", "acme.ro/retur"),
            ("hy", "Վերադարձի ձևը՝ www.acme.am/return։", "www.acme.am/return"),
            ("hy", "Մանրամասները acme.am կայքում են:", "acme.am"),
            ("hi", "रिटर्न फ़ॉर्म यहां है: https://acme.in/return।", "https://acme.in/return"),
        ] {
            for (hours, fires) in [(23.9, false), (24.0, true), (167.9, true), (168.0, false)] {
                let expected: &[&str] = if fires { &[link] } else { &[] };
                assert_eq!(case().lang(lang).hours(hours).spans(RULE, draft), expected, "{draft} at {hours} h");
            }
            assert!(!case().lang(lang).fires(RULE, draft), "{draft} without a time");
        }
        let findings = case().hours(24.0).findings(RULE, "See example.com");
        let when = Message::new("promo-outside-window.when").count("hours", 24);
        let link = Message::new("promo-outside-window.link").text("text", "example.com").message("when", when);
        assert_eq!(findings[0].message, link);
    }

    #[test]
    fn metas_own_links_pass_and_other_sites_fire() {
        let c = case().hours(48.0);
        for (draft, links) in [
            ("Write to us at m.me/acme.", &[][..]),
            ("See facebook.com/acme/posts/1", &[]),
            ("Our profile: https://www.instagram.com/acme", &[]),
            ("Or fb.me/acme and messenger.com/t/acme", &[]),
            ("See notfacebook.com/acme", &["notfacebook.com/acme"]),
            ("See facebook.com.evil.ro/x", &["facebook.com.evil.ro/x"]),
            ("Scrieți-ne pe m.me/acme sau vedeți (www.acme.ro).", &["www.acme.ro"]),
        ] {
            assert_eq!(c.spans(RULE, draft), links, "{draft}");
        }
    }

    #[test]
    fn emails_decimals_and_missing_spaces_are_not_links() {
        for (lang, draft) in [
            ("en", "Mail ana@example.com please."),
            ("en", "The total is 3.5 lei, e.g. cash. Mr.Smith left."),
            ("en", "Done.In two days it arrives. Thanks.To be clear, it left."),
            ("ro", "Scrieți-ne la office@acme.ro. Costă 12.50 lei, adică 3.5 kg."),
            ("ro", "Versiunea 2.0 e gata, ora 10.30."),
            ("hy", "Գրեք info@acme.am հասցեով։ Արժեքը 2.5 կգ է։"),
            ("hi", "कुल राशि 499.50 रुपये है, ईमेल ana@acme.in पर भेजा गया।"),
        ] {
            assert!(!case().lang(lang).hours(30.0).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn promotional_words_fire_in_every_language() {
        for (lang, draft, words) in [
            ("en", "Use coupon code SAVE10 for 20% off!", &["coupon code", "% off"][..]),
            ("en", "Great deals this weekend only.", &["Great deals"]),
            ("ro", "Reducerea de 20% e valabilă azi.", &["Reducerea"]),
            ("ro", "Reducerile de vară au început!", &["Reducerile"]),
            ("ro", "Folosiți codul promoțional VARA20.", &["codul promoțional"]),
            ("ro", "Folositi codul promotional VARA20, livrarea e gratuita.", &["codul promotional"]),
            // The word inside the literal "% reducere" is one finding, not two.
            ("ro", "Avem 30% reducere la toate produsele.", &["% reducere"]),
            ("ro", "Profitați de ofertele noastre de Black Friday.", &["ofertele noastre", "Black Friday"]),
            ("hy", "Այսօր զեղչեր ունենք։", &["զեղչեր"]),
            ("hy", "Զեղչով կարող եք գնել մինչև կիրակի:", &["Զեղչով"]),
            ("hy", "Ակցիան ավարտվում է վաղը, անվճար առաքում ամբողջ Երևանում։", &["Ակցիան", "անվճար առաքում"]),
            ("hi", "आज सभी उत्पादों पर छूट है।", &["छूट है"]),
            ("hi", "आपको 20% की छूट मिलेगी।", &["छूट मिलेगी"]),
            ("hi", "यह ऑफ़र सीमित समय के लिए है।", &["ऑफ़र", "सीमित समय"]),
            ("hi", "ऑफर कल खत्म होगा।", &["ऑफर"]),
            ("hy", "Սեւ ուրբաթին այս մոդելը կլինի կես գնով։", &["Սեւ ուրբաթին", "կես գնով"]),
            // Hinglish and Armenian translit, read as English: their languages' lists apply.
            ("en", "Naye collection par flat 40 pratishat chhoot chal rahi hai.", &["pratishat chhoot"]),
            ("en", "Ays shabat bolor koshiknerin 30% zeghch e.", &["zeghch"]),
        ] {
            assert_eq!(case().lang(lang).hours(30.0).spans(RULE, draft), words, "{draft}");
        }
    }

    #[test]
    fn ordinary_words_that_look_promotional_pass() {
        for (lang, draft) in [
            ("en", "We will deal with your refund today."),
            ("en", "Your order now has a tracking number; it is in customs clearance."),
            ("en", "Our sales team will call you."),
            ("ro", "Comanda acum este în drum spre dumneavoastră."),
            ("ro", "Oferta de preț pentru reparație este 100 lei."),
            ("hy", "ՀԴՄ կտրոնը կցված է, ակցիզային հարկը ներառված է։"),
            ("hy", "Ծանրոցն այսօր ճանապարհվեց։"),
            // "छूट गया" is "was missed", "छूटा" its participle; "सेलर" is a seller.
            ("hi", "आपका पार्सल छूट गया था, कल फिर भेजेंगे।"),
            ("hi", "छूटा हुआ पार्सल कल आएगा, सेलर से बात हो गई है।"),
            ("en", "Aapka parcel chhoot gaya tha, kal phir bhejenge."),
        ] {
            assert!(!case().lang(lang).hours(30.0).fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn an_ads_seven_days_keep_the_window_open() {
        let draft = "20% off at shop.example.com";
        let spans = ["% off", "shop.example.com"];
        // The customer replied to an ad and wrote again: the ad's 7 days (168 h) decide.
        for (customer, ad, fires) in [
            (30.0, 30.0, false),
            (30.0, 100.0, false),
            (100.0, 167.9, false),
            (30.0, 168.0, true),
            (30.0, 500.0, true),
            // Within the customer's own 24 hours, the ad does not matter.
            (23.9, 200.0, false),
            (0.0, 0.0, false),
        ] {
            let c = case().hours(customer).ad_reply(ad);
            let mut found = c.spans(RULE, draft);
            found.sort();
            let expected: Vec<&str> = if fires { spans.to_vec() } else { vec![] };
            assert_eq!(found, expected, "customer {customer} h, ad reply {ad} h");
        }
        // Romanian, Armenian, Hindi: the same numbers.
        for (lang, draft) in [
            ("ro", "Formularul de retur e aici: acme.ro/retur."),
            ("hy", "Վերադարձի ձևը՝ www.acme.am/return։"),
            ("hi", "रिटर्न फ़ॉर्म यहां है: https://acme.in/return।"),
        ] {
            assert!(!case().lang(lang).hours(48.0).ad_reply(48.0).fires(RULE, draft), "{draft}");
            assert!(case().lang(lang).hours(48.0).ad_reply(168.0).fires(RULE, draft), "{draft}");
        }
        let findings = case().hours(30.5).ad_reply(170.2).findings(RULE, "See example.com");
        let message = findings[0].message.to_string();
        assert!(
            message.contains("30 hours after the customer's last message and 170 hours after their reply"),
            "{message}"
        );
        // The ad's window is a setting; the rule says nothing past the human agent's 7 days.
        let mut short = case().hours(30.0).ad_reply(50.0);
        short.context.settings.ad_window_hours = 48.0;
        assert!(short.fires(RULE, draft));
        assert!(!case().hours(168.0).ad_reply(100.0).fires(RULE, draft));
        assert!(!case().hours(30.0).ad_reply(200.0).comment().fires(RULE, draft));
        // An ad reply with no customer time: unknown, silent.
        assert!(!case().ad_reply(200.0).fires(RULE, draft));
    }

    #[test]
    fn comments_and_closed_windows_are_left_to_other_rules() {
        assert!(!case().hours(30.0).comment().fires(RULE, "20% off at shop.example.com"));
        assert!(!case().hours(200.0).fires(RULE, "20% off at shop.example.com"));
    }
}
