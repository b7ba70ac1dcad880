//! The badge text for a thread's time left, in the four languages (texts in
//! `data/<code>.txt`): "3 h 12 min left", "about 20 h left", "Human agent only · 5 days
//! left", "Closed".
//!
//! Time left is the worst case, rounded down, and no finer than the timestamp allows: a
//! label good to the hour ("3h") gives whole hours, one good to the day whole days.

use super::calendar::{DAY_MS, HOUR_MS, MINUTE_MS};
use super::data::ClockData;
use super::window::{WindowState, WindowStatus};
use crate::lang::Language;

/// A public comment's badge text ("Public comment · no time limit"): a Page may answer a
/// comment publicly at any time, so there is no window to count down (as the linter sees
/// a comment reply: no `promo-outside-window`, no `window-closed`).
pub fn format_comment(language: Language) -> String {
    ClockData::get(language).texts.comment.clone()
}

/// The badge text for `status` in `language`.
pub fn format_time_left(status: &WindowStatus, language: Language) -> String {
    let texts = &ClockData::get(language).texts;
    let ms_left = match (status.state, status.ms_left) {
        (WindowState::Closed, _) => return texts.closed.clone(),
        (WindowState::Unknown, _) | (_, None) => return texts.unknown.clone(),
        (_, Some(ms)) => ms.max(0),
    };
    let coarse = status.uncertainty_ms.saturating_add(1) >= HOUR_MS;
    let mut approximate = status.approximate;
    let duration = if status.state == WindowState::HumanAgent && ms_left >= DAY_MS {
        let days = (ms_left / DAY_MS).to_string();
        if days == "1" { &texts.day } else { &texts.days }.replace("{n}", &days)
    } else if ms_left < MINUTE_MS {
        // "about under 1 min" says nothing more than "under 1 min".
        approximate = false;
        texts.under_minute.clone()
    } else {
        let (hours, minutes) = (ms_left / HOUR_MS, ms_left % HOUR_MS / MINUTE_MS);
        if hours == 0 {
            texts.minutes.replace("{m}", &minutes.to_string())
        } else if minutes == 0 || coarse {
            texts.hours.replace("{h}", &hours.to_string())
        } else {
            texts.hours_minutes.replace("{h}", &hours.to_string()).replace("{m}", &minutes.to_string())
        }
    };
    let text = match (status.state, approximate) {
        (WindowState::HumanAgent, false) => &texts.human_agent,
        (WindowState::HumanAgent, true) => &texts.human_agent_about,
        (_, false) => &texts.left,
        (_, true) => &texts.left_about,
    };
    text.replace("{time}", &duration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_comment_has_no_time_limit_in_each_language() {
        let texts = [Language::En, Language::Ro, Language::Hy, Language::Hi].map(format_comment);
        assert_eq!(texts[0], "Public comment · no time limit");
        assert_eq!(texts[1], "Comentariu public · fără limită de timp");
        assert!(texts.iter().all(|t| !t.is_empty() && !t.contains('{')), "{texts:?}");
    }

    fn status(state: WindowState, ms_left: i64, uncertainty_ms: i64) -> WindowStatus {
        WindowStatus {
            state,
            hours_since_customer: Some(1.0),
            hours_since_ad_reply: None,
            ad_window: false,
            ms_left: Some(ms_left),
            uncertainty_ms,
            approximate: uncertainty_ms > MINUTE_MS,
        }
    }

    const EXACT: i64 = MINUTE_MS - 1;

    #[test]
    fn english_badges() {
        let en = |s: WindowStatus| format_time_left(&s, Language::En);
        assert_eq!(en(status(WindowState::Open, 3 * HOUR_MS + 12 * MINUTE_MS + 59_000, EXACT)), "3 h 12 min left");
        assert_eq!(en(status(WindowState::LastHour, 45 * MINUTE_MS, EXACT)), "45 min left");
        assert_eq!(en(status(WindowState::Closing, 3 * HOUR_MS, EXACT)), "3 h left");
        assert_eq!(en(status(WindowState::LastHour, 59_999, EXACT)), "under 1 min left");
        assert_eq!(en(status(WindowState::Open, 20 * HOUR_MS + 5 * MINUTE_MS, HOUR_MS - 1)), "about 20 h left");
        assert_eq!(en(status(WindowState::LastHour, 30 * MINUTE_MS, HOUR_MS - 1)), "about 30 min left");
        assert_eq!(en(status(WindowState::LastHour, 1, HOUR_MS - 1)), "under 1 min left");
        assert_eq!(
            en(status(WindowState::HumanAgent, 5 * DAY_MS + 3 * HOUR_MS, EXACT)),
            "Human agent only · 5 days left"
        );
        assert_eq!(en(status(WindowState::HumanAgent, DAY_MS, DAY_MS - 1)), "Human agent only · about 1 day left");
        assert_eq!(en(status(WindowState::HumanAgent, 5 * HOUR_MS, EXACT)), "Human agent only · 5 h left");
        let closed = WindowStatus { state: WindowState::Closed, ms_left: None, ..status(WindowState::Closed, 0, 0) };
        assert_eq!(en(closed), "Closed");
        let unknown = WindowStatus { state: WindowState::Unknown, ms_left: None, ..closed };
        assert_eq!(en(unknown), "Time unknown");
    }

    #[test]
    fn badges_in_every_language() {
        let open = status(WindowState::Open, 3 * HOUR_MS + 12 * MINUTE_MS, EXACT);
        let agent = status(WindowState::HumanAgent, 5 * DAY_MS, DAY_MS - 1);
        let agent_one = status(WindowState::HumanAgent, DAY_MS + 1, EXACT);
        let cases = [
            (Language::Ro, "Timp rămas: 3 h 12 min", "Doar agent uman · mai sunt circa 5 zile", "1 zi"),
            (Language::Hy, "Մնաց 3 ժ 12 ր", "Միայն կենդանի օպերատոր · մնաց մոտ 5 օր", "1 օր"),
            (Language::Hi, "3 घंटे 12 मिनट बाकी", "केवल मानव एजेंट · लगभग 5 दिन बाकी", "1 दिन"),
        ];
        for (language, open_text, agent_text, one_day) in cases {
            assert_eq!(format_time_left(&open, language), open_text);
            assert_eq!(format_time_left(&agent, language), agent_text);
            assert!(format_time_left(&agent_one, language).contains(one_day), "{language:?}");
        }
    }
}
