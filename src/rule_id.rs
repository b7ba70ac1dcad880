//! The rules' ids: the names settings, voice profiles and the extension use for them.
//!
//! A leaf of its own so that what validates settings (`context`, `voice`) can name a rule
//! without depending on the rules, which read those settings; `rules::all()` is tested
//! to give exactly these ids, in this order.

/// Every rule id, in the order the rules report findings that start at the same place.
pub const ALL: &[&str] = &[
    "window-closed",
    "placeholder-unfilled",
    "promo-outside-window",
    "private-info-public",
    "first-line-summary",
    "brevity",
    "name-missing",
    "name-last",
    "tone-argue",
    "tone-shout",
    "empathy-missing",
    "stock-phrase",
    "sign-off-missing",
    "sign-off-not-first-name",
    "register-mismatch",
    "register-mixed",
    "voice-avoid",
    "voice-prefer",
    "voice-emoji",
    "voice-exclamations",
    #[cfg(feature = "panic-test")]
    "panic-test",
];

/// Whether `id` names a rule.
pub fn is_known(id: &str) -> bool {
    ALL.contains(&id)
}
