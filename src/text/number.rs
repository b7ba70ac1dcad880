//! Numbers written for messages ("got -3.5"), to at most two decimals, with integer
//! arithmetic: formatting an `f64` with `{}` brings core's float formatter, 14 KB of the
//! Wasm (docs/SIZE.md), for a few error messages.

/// `value` as a message shows it: `3`, `23.5`, `-0.25`, `NaN`, `infinity`; rounded to
/// two decimals.
pub fn shown(value: f64) -> String {
    shown_to(value, 2)
}

/// `value` rounded to `decimals` (at most 6) and written as JavaScript's `String(number)`
/// writes the rounded number: no trailing zeros, no exponent (`0.017`, `24`).
pub fn shown_to(value: f64, decimals: u32) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "infinity" } else { "-infinity" }.into();
    }
    let decimals = decimals.min(6);
    let scale = 10_i64.pow(decimals);
    // `as` saturates: a value past i64's range of the scaled unit shows as the largest one.
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.unsigned_abs();
    let (whole, fraction) = (scaled / scale.unsigned_abs(), scaled % scale.unsigned_abs());
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = decimals as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
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

    #[test]
    fn hours_to_three_decimals_read_as_javascript_writes_them() {
        use super::shown_to;
        let cases = [(0.016_666, "0.017"), (24.0, "24"), (2.5, "2.5"), (0.0004, "0"), (167.999_9, "168"), (1.1, "1.1")];
        for (value, text) in cases {
            assert_eq!(shown_to(value, 3), text, "{value}");
        }
    }
}
