//! `--format text`: findings under the draft's lines, the way compilers show errors.

use std::fmt::Write;

use reply_coach::{Finding, LintResult, Severity};

/// Renders `result` for a terminal; `colour` adds ANSI colours.
pub fn text(source: &str, draft: &str, result: &LintResult, colour: bool, explain: bool) -> String {
    let units: Vec<u16> = draft.encode_utf16().collect();
    let paint = |code: &str, s: &str| if colour { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    let mut out = String::new();
    for finding in &result.findings {
        let (code, name) = match finding.severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Info => ("1;36", "info"),
        };
        let _ = writeln!(out, "{}: {}", paint(code, &format!("{name}[{}]", finding.rule)), finding.message);
        let before = String::from_utf16_lossy(&units[..finding.start.min(units.len())]);
        let line_number = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        let _ = writeln!(out, "  --> {source}:{line_number}:{column}");
        let line = draft.lines().nth(line_number - 1).unwrap_or_default();
        let gutter = " ".repeat(line_number.to_string().len());
        let _ = writeln!(out, "{gutter} |\n{line_number} | {line}");
        let _ = writeln!(
            out,
            "{gutter} | {}{}",
            " ".repeat(width(&before[line_start..])),
            paint(code, &carets(finding, &units, line, &before[line_start..]))
        );
        for fix in &finding.fixes {
            let _ = writeln!(out, "{gutter} = fix: {}", fix.label);
        }
        if explain {
            let _ = writeln!(out, "{gutter} = why: {}", finding.explanation);
        }
        out.push('\n');
    }
    let count = |s: Severity| result.findings.iter().filter(|f| f.severity == s).count();
    let _ = write!(
        out,
        "{} error(s), {} warning(s), {} info; language: {}",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        result.language.code()
    );
    out
}

/// The `^^^` under the part of the finding's first line that it covers.
fn carets(finding: &Finding, units: &[u16], line: &str, before_on_line: &str) -> String {
    let covered = String::from_utf16_lossy(&units[finding.start.min(units.len())..finding.end.min(units.len())]);
    let on_this_line = covered.split('\n').next().unwrap_or_default();
    let room = width(line).saturating_sub(width(before_on_line));
    "^".repeat(width(on_this_line).min(room).max(1))
}

/// Columns a string takes on a terminal, roughly: combining marks and joiners take none
/// (Devanagari vowel signs, Latin accents typed as marks).
fn width(s: &str) -> usize {
    s.chars()
        .filter(|&c| !matches!(c, '\u{0300}'..='\u{036F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}'..='\u{0963}' | '\u{200B}'..='\u{200F}'))
        .count()
}
