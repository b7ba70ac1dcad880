//! `promo-outside-window`: promotion 24 hours or more after the customer's last message.

use std::ops::Range;

use super::{phrase_hits, Hit, Input, Rule};
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

    fn explanation(&self) -> &'static str {
        "Within 24 hours of the customer's last message a Page may send anything, promotions included. After that only non-promotional replies are allowed (a human agent may answer for up to 7 days), and a message with a link to another site counts as promotional (guidelines §1, from 000 §3 and 004). Remove the offer or the link; answer the question."
    }

    /// Public comment replies are outside the messaging window; after 7 days
    /// `window-closed` says that nothing can be sent at all.
    fn check(&self, input: &Input, hits: &mut Vec<Hit>) {
        let Some(hours) = input.context.hours_since_customer else { return };
        let settings = input.settings();
        if input.context.surface != Surface::Message
            || hours < settings.window_hours
            || hours >= settings.human_agent_hours
        {
            return;
        }
        let when = format!("{} hours after the customer's last message", hours.floor());
        let links = links(input.draft.text, input.common);
        let mut words = Vec::new();
        phrase_hits(input, &input.data.promo, |phrase| format!("“{phrase}” is promotional, {when}."), &mut words);
        // "sale" inside "shop.example.com/sale" is part of the link, already reported.
        words.retain(|w| !links.iter().any(|l| l.start <= w.span.start && w.span.end <= l.end));
        for link in links {
            let shown = &input.draft.text[link.clone()];
            hits.push(Hit::new(link, format!("A link to another site ({shown}) {when} counts as promotion.")));
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
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.split(':').next().unwrap_or_default();
    if host.contains('@') || !host.contains('.') {
        return false;
    }
    let labels_ok = host.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let tld = host.rsplit('.').next().unwrap_or_default();
    let looks_like_link = explicit || (labels_ok && common.link_domains.contains_phrase(tld));
    let own = common.own_hosts.iter().any(|own| host == own || host.ends_with(&format!(".{own}")));
    labels_ok && looks_like_link && !own
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::case;

    const RULE: &str = "promo-outside-window";

    #[test]
    fn links_fire_outside_the_window_only() {
        let draft = "Here it is: https://shop.example.com/sale?x=1.";
        assert_eq!(case().hours(30.0).spans(RULE, draft), ["https://shop.example.com/sale?x=1"]);
        assert!(!case().hours(23.9).fires(RULE, draft));
        assert!(!case().fires(RULE, draft));
        assert_eq!(
            case().hours(24.0).spans(RULE, "See example.ro/help or (www.acme.am)."),
            ["example.ro/help", "www.acme.am"]
        );
    }

    #[test]
    fn metas_own_links_and_lookalikes_pass() {
        let c = case().hours(48.0);
        for draft in [
            "Write to us at m.me/acme.",
            "See facebook.com/acme/posts/1",
            "The total is 3.5 lei, e.g. cash.",
            "Mr.Smith left.",
            "Mail ana@example.com please.",
        ] {
            assert!(!c.fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn promotional_words_fire_in_every_language() {
        let c = case().hours(30.0);
        assert_eq!(c.spans(RULE, "Use coupon code SAVE10 for 20% off!"), ["coupon code", "% off"]);
        assert_eq!(c.spans(RULE, "Avem reduceri de Black Friday."), ["reduceri", "Black Friday"]);
        assert_eq!(c.spans(RULE, "Այսօր զեղչեր ունենք։"), ["զեղչեր"]);
        assert_eq!(c.spans(RULE, "आज सभी उत्पादों पर छूट है।"), ["छूट"]);
        for draft in
            ["Your parcel left today.", "Coletul a plecat azi.", "Ծանրոցն այսօր ճանապարհվեց։", "पार्सल आज भेज दिया गया।"]
        {
            assert!(!c.fires(RULE, draft), "{draft}");
        }
    }

    #[test]
    fn comments_and_closed_windows_are_left_to_other_rules() {
        assert!(!case().hours(30.0).comment().fires(RULE, "20% off at shop.example.com"));
        assert!(!case().hours(200.0).fires(RULE, "20% off at shop.example.com"));
    }
}
