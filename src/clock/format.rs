//! The badge text for a thread's time left, in the four languages (texts in
//! `data/<code>.txt`): "3 h 12 min left", "about 20 h left", "Ad reply · 5 days 3 h left"
//! (a thread opened from an ad, whose window lasts 7 days), "Human agent only · 5 days
//! left", "Closed".
//!
//! Time left is the worst case, rounded down, and no finer than the timestamp allows: a
//! label good to the hour ("3h") gives whole hours, one good to the day whole days. More
//! than a day left in the standard window (an ad's) is days and hours; in the human
//! agent's days, days alone.

use super::calendar::{DAY_MS, HOUR_MS, MINUTE_MS};
use super::data::Texts;
use super::data::{ClockData, Text};
use super::window::{minutes_ms, Awaiting, ClockSettings, WaitLevel, WindowState, WindowStatus};
use crate::lang::Language;

/// A public comment's badge text ("Public comment · no time limit"): a Page may answer a
/// comment publicly at any time, so there is no window to count down (as the linter sees
/// a comment reply: no `promo-outside-window`, no `window-closed`).
pub fn format_comment(language: Language) -> String {
    ClockData::get(language).texts.get(Text::Comment).to_string()
}

/// The badge text for `status` in `language`.
pub fn format_time_left(status: &WindowStatus, language: Language) -> String {
    let texts = &ClockData::get(language).texts;
    let ms_left = match (status.state, status.ms_left) {
        (WindowState::Closed, _) => return texts.get(Text::Closed).to_string(),
        (WindowState::Unknown, _) | (_, None) => return texts.get(Text::Unknown).to_string(),
        (_, Some(ms)) => ms.max(0),
    };
    let standard = matches!(status.state, WindowState::Open | WindowState::Closing | WindowState::LastHour);
    let coarse = status.uncertainty_ms.saturating_add(1) >= HOUR_MS;
    let coarse_day = status.uncertainty_ms.saturating_add(1) >= DAY_MS;
    let mut approximate = status.approximate;
    let duration = if status.state == WindowState::HumanAgent && ms_left >= DAY_MS {
        days(texts, ms_left / DAY_MS)
    } else if standard && ms_left > DAY_MS {
        // An ad's 7 days: "5 days 3 h", or whole days when the time is good to the day.
        let (whole_days, rest_hours) = (ms_left / DAY_MS, ms_left % DAY_MS / HOUR_MS);
        if rest_hours == 0 || coarse_day {
            days(texts, whole_days)
        } else {
            texts
                .get(Text::DaysHours)
                .replace("{days}", &days(texts, whole_days))
                .replace("{hours}", &hours(texts, rest_hours))
        }
    } else {
        // "about under 1 min" says nothing more than "under 1 min".
        approximate &= ms_left >= MINUTE_MS;
        under_a_day(texts, ms_left, coarse)
    };
    let text = match (status.state, status.ad_window && standard, approximate) {
        (WindowState::HumanAgent, _, false) => Text::HumanAgent,
        (WindowState::HumanAgent, _, true) => Text::HumanAgentAbout,
        (_, true, false) => Text::AdLeft,
        (_, true, true) => Text::AdLeftAbout,
        (_, false, false) => Text::Left,
        (_, false, true) => Text::LeftAbout,
    };
    texts.get(text).replace("{time}", &duration)
}

/// The wait beside the badge of a thread whose customer wrote last, in `language`:
/// "waiting 9 min", "waiting 12 min · reply soon" (amber), "waiting 16 min · over 15 min"
/// (red: `{mark}` is the agent's red mark), so the words say what the colour says; `None`
/// when the wait is unknown. The worst case, rounded down: minutes, then hours and
/// minutes (whole hours for a time good to the hour), then whole days.
pub fn format_waiting(wait: &Awaiting, settings: &ClockSettings, language: Language) -> Option<String> {
    let (age, level) = (wait.age_ms?, wait.level?);
    let texts = &ClockData::get(language).texts;
    let time = if age >= DAY_MS { days(texts, age / DAY_MS) } else { under_a_day(texts, age, wait.approximate) };
    let about = wait.approximate && age >= MINUTE_MS;
    let waiting = texts.get(if about { Text::WaitingAbout } else { Text::Waiting }).replace("{time}", &time);
    Some(match level {
        WaitLevel::Calm => waiting,
        WaitLevel::Amber => texts.get(Text::WaitingAmber).replace("{waiting}", &waiting),
        WaitLevel::Red => {
            let mark = under_a_day(texts, minutes_ms(settings.waiting_red_minutes), false);
            texts.get(Text::WaitingRed).replace("{waiting}", &waiting).replace("{mark}", &mark)
        }
    })
}

/// "1 day", "5 days".
fn days(texts: &Texts, n: i64) -> String {
    texts.get(if n == 1 { Text::Day } else { Text::Days }).replace("{n}", &n.to_string())
}

/// "1 h", "3 h" (the singular where a language has one).
fn hours(texts: &Texts, n: i64) -> String {
    texts.get(if n == 1 { Text::Hour } else { Text::Hours }).replace("{h}", &n.to_string())
}

/// A span under a day, rounded down: "under 1 min", "45 min", "3 h 12 min", or whole
/// hours when the time is good only to the hour (`coarse`).
fn under_a_day(texts: &Texts, ms: i64, coarse: bool) -> String {
    if ms < MINUTE_MS {
        return texts.get(Text::UnderMinute).to_string();
    }
    let (whole_hours, minutes) = (ms / HOUR_MS, ms % HOUR_MS / MINUTE_MS);
    if whole_hours == 0 {
        texts.get(Text::Minutes).replace("{m}", &minutes.to_string())
    } else if minutes == 0 || coarse {
        hours(texts, whole_hours)
    } else {
        let text = texts.get(if whole_hours == 1 { Text::HourMinutes } else { Text::HoursMinutes });
        text.replace("{h}", &whole_hours.to_string()).replace("{m}", &minutes.to_string())
    }
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

    fn ad(state: WindowState, ms_left: i64, uncertainty_ms: i64) -> WindowStatus {
        WindowStatus { ad_window: true, hours_since_ad_reply: Some(1.0), ..status(state, ms_left, uncertainty_ms) }
    }

    #[test]
    fn an_ads_window_says_so_with_days_and_hours() {
        let en = |s: WindowStatus| format_time_left(&s, Language::En);
        let h = HOUR_MS;
        assert_eq!(en(ad(WindowState::Open, 5 * DAY_MS + 3 * h + 59 * MINUTE_MS, EXACT)), "Ad reply · 5 days 3 h left");
        assert_eq!(en(ad(WindowState::Open, DAY_MS + h, EXACT)), "Ad reply · 1 day 1 h left");
        assert_eq!(en(ad(WindowState::Open, 2 * DAY_MS + 30 * MINUTE_MS, EXACT)), "Ad reply · 2 days left");
        // A day exactly is still hours; hours are good to the hour of an "about" label.
        assert_eq!(en(ad(WindowState::Open, DAY_MS, EXACT)), "Ad reply · 24 h left");
        assert_eq!(en(ad(WindowState::Open, 6 * DAY_MS + 5 * h, h - 1)), "Ad reply · about 6 days 5 h left");
        // A time good to the day ("Sun") gives whole days.
        assert_eq!(en(ad(WindowState::Open, 6 * DAY_MS + 5 * h, DAY_MS - 1)), "Ad reply · about 6 days left");
        // Its last hours close as the 24-hour window does.
        assert_eq!(en(ad(WindowState::Closing, 3 * h + 12 * MINUTE_MS, EXACT)), "Ad reply · 3 h 12 min left");
        assert_eq!(en(ad(WindowState::LastHour, 59_999, EXACT)), "Ad reply · under 1 min left");
        // Not an ad's (or no longer): the usual texts.
        assert_eq!(en(status(WindowState::Open, 2 * DAY_MS + 3 * h, EXACT)), "2 days 3 h left");
        let agent = WindowStatus { state: WindowState::HumanAgent, ..ad(WindowState::Open, 2 * DAY_MS + 3 * h, EXACT) };
        assert_eq!(en(agent), "Human agent only · 2 days left");
    }

    #[test]
    fn ad_badges_in_every_language() {
        let h = HOUR_MS;
        let cases = [
            (
                Language::Ro,
                ["Răspuns la reclamă · timp rămas: 5 zile 3 h", "Răspuns la reclamă · timp rămas: 1 zi 1 h"],
                "Răspuns la reclamă · timp rămas: circa 6 zile",
            ),
            (
                Language::Hy,
                ["Պատասխան գովազդին · մնաց 5 օր 3 ժ", "Պատասխան գովազդին · մնաց 1 օր 1 ժ"],
                "Պատասխան գովազդին · մնաց մոտ 6 օր",
            ),
            (
                Language::Hi,
                ["विज्ञापन का जवाब · 5 दिन 3 घंटे बाकी", "विज्ञापन का जवाब · 1 दिन 1 घंटा बाकी"],
                "विज्ञापन का जवाब · लगभग 6 दिन बाकी",
            ),
        ];
        for (language, [many, one], about) in cases {
            assert_eq!(format_time_left(&ad(WindowState::Open, 5 * DAY_MS + 3 * h, EXACT), language), many);
            assert_eq!(format_time_left(&ad(WindowState::Open, DAY_MS + h, EXACT), language), one);
            assert_eq!(format_time_left(&ad(WindowState::Open, 6 * DAY_MS, DAY_MS - 1), language), about);
        }
    }

    #[test]
    fn one_hour_is_singular_in_hindi() {
        let hi = |ms_left| format_time_left(&status(WindowState::LastHour, ms_left, EXACT), Language::Hi);
        assert_eq!(hi(HOUR_MS), "1 घंटा बाकी");
        assert_eq!(hi(HOUR_MS + 5 * MINUTE_MS), "1 घंटा 5 मिनट बाकी");
        assert_eq!(hi(2 * HOUR_MS), "2 घंटे बाकी");
        let en = format_time_left(&status(WindowState::LastHour, HOUR_MS + 5 * MINUTE_MS, EXACT), Language::En);
        assert_eq!(en, "1 h 5 min left");
    }

    fn wait(minutes: i64, level: WaitLevel) -> Awaiting {
        Awaiting {
            mark: crate::clock::AwaitingMark::WithinBadge,
            age_ms: Some(minutes * MINUTE_MS + 30_000),
            level: Some(level),
            ms_to_next_mark: None,
            approximate: false,
        }
    }

    #[test]
    fn waits_say_their_level_in_words_in_every_language() {
        let s = ClockSettings::default();
        let text = |w: &Awaiting, language| format_waiting(w, &s, language).unwrap();
        let (calm, amber, red) = (wait(9, WaitLevel::Calm), wait(12, WaitLevel::Amber), wait(16, WaitLevel::Red));
        assert_eq!(text(&calm, Language::En), "waiting 9 min");
        assert_eq!(text(&amber, Language::En), "waiting 12 min · reply soon");
        assert_eq!(text(&red, Language::En), "waiting 16 min · over 15 min");
        assert_eq!(text(&red, Language::Ro), "așteaptă de 16 min · peste 15 min");
        assert_eq!(text(&amber, Language::Ro), "așteaptă de 12 min · răspundeți în curând");
        assert_eq!(text(&red, Language::Hy), "սպասում է 16 ր · ավելի քան 15 ր");
        assert_eq!(text(&calm, Language::Hi), "9 मिनट से प्रतीक्षा में");
        assert_eq!(text(&red, Language::Hi), "16 मिनट से प्रतीक्षा में · 15 मिनट से अधिक");
        // Longer waits: hours and minutes, then days; a coarse time in whole hours.
        let long = |age_ms, approximate| Awaiting { age_ms: Some(age_ms), approximate, ..red };
        assert_eq!(text(&long(HOUR_MS + 5 * MINUTE_MS, false), Language::En), "waiting 1 h 5 min · over 15 min");
        assert_eq!(text(&long(3 * HOUR_MS + 5 * MINUTE_MS, true), Language::En), "waiting about 3 h · over 15 min");
        assert_eq!(text(&long(2 * DAY_MS + HOUR_MS, false), Language::Hi), "2 दिन से प्रतीक्षा में · 15 मिनट से अधिक");
        // The agent's own red mark is the one named.
        let own = ClockSettings { waiting_red_minutes: 12.0, ..s };
        assert_eq!(format_waiting(&red, &own, Language::En).unwrap(), "waiting 16 min · over 12 min");
        assert_eq!(format_waiting(&Awaiting { age_ms: None, ..red }, &s, Language::En), None);
    }
}
