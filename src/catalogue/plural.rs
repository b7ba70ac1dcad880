//! Plural categories and number forms per locale (CLDR's, for whole numbers: every count
//! the core shows is one).

use super::Locale;

/// A CLDR plural category a form in a catalogue is chosen by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    One,
    Few,
    Other,
}

impl Category {
    pub fn from_name(name: &str) -> Option<Category> {
        match name {
            "one" => Some(Category::One),
            "few" => Some(Category::Few),
            "other" => Some(Category::Other),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::One => "one",
            Category::Few => "few",
            Category::Other => "other",
        }
    }
}

impl Locale {
    /// The categories a count argument needs a form for in this locale.
    pub fn categories(self) -> &'static [Category] {
        match self {
            Locale::Ro => &[Category::One, Category::Few, Category::Other],
            Locale::En | Locale::Hy | Locale::Hi => &[Category::One, Category::Other],
        }
    }

    /// The category of `n`: Romanian "1 minut", "2 minute" (few: 0 and 2–19 after the
    /// hundreds), "20 de minute"; Armenian and Hindi count 0 with 1.
    pub fn category(self, n: u64) -> Category {
        match self {
            Locale::En => {
                if n == 1 {
                    Category::One
                } else {
                    Category::Other
                }
            }
            Locale::Ro => match (n, n % 100) {
                (1, _) => Category::One,
                (0, _) | (_, 1..=19) => Category::Few,
                _ => Category::Other,
            },
            Locale::Hy | Locale::Hi => {
                if n <= 1 {
                    Category::One
                } else {
                    Category::Other
                }
            }
        }
    }

    /// `n` with the locale's digit grouping: 12,345 (en), 12.345 (ro), 12 345 (hy, a
    /// no-break space), 1,23,456 (hi, Indian grouping).
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let separator = match self {
            Locale::En | Locale::Hi => ',',
            Locale::Ro => '.',
            Locale::Hy => '\u{a0}',
        };
        if digits.len() < 4 {
            return digits;
        }
        // Where separators go, counted from the right: every three digits, or after the
        // first three and then every two in Hindi.
        let (first, rest) = if self == Locale::Hi { (3, 2) } else { (3, 3) };
        let mut out = String::with_capacity(digits.len() + digits.len() / 2);
        let len = digits.len();
        for (index, digit) in digits.chars().enumerate() {
            let from_right = len - index;
            if index > 0 && from_right >= first && (from_right - first) % rest == 0 {
                out.push(separator);
            }
            out.push(digit);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Category::{Few, One, Other};
    use super::*;

    #[test]
    fn categories_follow_cldr() {
        let counts = [0, 1, 2, 19, 20, 100, 101, 119, 120];
        let of = |locale: Locale| counts.map(|n| locale.category(n));
        assert_eq!(of(Locale::En), [Other, One, Other, Other, Other, Other, Other, Other, Other]);
        assert_eq!(of(Locale::Ro), [Few, One, Few, Few, Other, Other, Few, Few, Other]);
        assert_eq!(of(Locale::Hy), [One, One, Other, Other, Other, Other, Other, Other, Other]);
        assert_eq!(of(Locale::Hi), of(Locale::Hy));
    }

    #[test]
    fn numbers_are_grouped_for_the_locale() {
        assert_eq!(Locale::En.number(168), "168");
        assert_eq!(Locale::En.number(1234567), "1,234,567");
        assert_eq!(Locale::Ro.number(12345), "12.345");
        assert_eq!(Locale::Hy.number(1000), "1\u{a0}000");
        assert_eq!(Locale::Hi.number(1234567), "12,34,567");
        assert_eq!(Locale::Hi.number(1000), "1,000");
    }
}
