//! Numbers written for messages ("got -3.5"), to at most two decimals, with integer
//! arithmetic: formatting an `f64` with `{}` brings core's float formatter, 14 KB of the
//! Wasm (docs/SIZE.md), for a few error messages.

/// `value` as a message shows it: `3`, `23.5`, `-0.25`, `NaN`, `infinity`; rounded to
/// two decimals.
pub fn shown(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "infinity" } else { "-infinity" }.into();
    }
    // `as` saturates: a value past i64's hundredths shows as the largest one.
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let hundredths = hundredths.unsigned_abs();
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn numbers_read_as_written() {
        let cases = [
            (3.0, "3"),
            (23.5, "23.5"),
            (-0.25, "-0.25"),
            (0.05, "0.05"),
            (-3.0, "-3"),
            (1.004, "1"),
            (0.0, "0"),
            (-0.001, "0"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "infinity"),
            (f64::NEG_INFINITY, "-infinity"),
        ];
        for (value, text) in cases {
            assert_eq!(shown(value), text, "{value}");
        }
        assert!(shown(1e300).starts_with("92233720368547758"));
    }
}
