//! The lint entry point with any draft and any context: it never panics, refuses exactly
//! the contexts that do not validate, keeps every span and edit inside the draft on
//! character boundaries, and every fix it offers applies (alone and merged into one edit)
//! to a valid string that lints again. Each rule's own byte spans are checked too, before
//! `lint` converts them to UTF-16: the conversion clamps an offset past the end and
//! miscounts one inside a character, which would hide a rule's mistake.
#![no_main]

use std::ops::Range;

use libfuzzer_sys::fuzz_target;
use reply_coach::draft::Draft;
use reply_coach::rules::{self, Input};
use reply_coach::{apply_edits, lint, merge_edits, Language, LintContext};
use reply_coach_fuzz::{assert_span, lint_context, split};

/// How many fixed drafts of one input are linted again: each costs a whole lint, and a
/// long draft can have dozens of fixes.
const RELINTS: usize = 3;

fuzz_target!(|data: &[u8]| {
    let (draft, mut parameters) = split(data);
    let Ok(context) = lint_context(&mut parameters) else { return };
    let result = match (lint(&draft, &context), context.validate()) {
        (Ok(result), Ok(())) => result,
        (Err(error), Err(invalid)) => return assert_eq!(error, invalid),
        (result, validation) => panic!("lint gave {result:?} for a context whose validation gave {validation:?}"),
    };
    let units: Vec<u16> = draft.encode_utf16().collect();
    let mut relints = RELINTS;
    for finding in &result.findings {
        assert_span(&units, finding.start, finding.end, finding);
        for fix in &finding.fixes {
            for edit in &fix.edits {
                assert_span(&units, edit.start, edit.end, fix);
            }
            let fixed = apply_edits(&draft, &fix.edits).unwrap_or_else(|e| panic!("{e}: {fix:?} of {finding:?}"));
            let merged = merge_edits(&draft, &fix.edits).unwrap_or_else(|e| panic!("{e}: merging {fix:?}"));
            assert_eq!(apply_edits(&draft, &[merged]).as_deref(), Ok(fixed.as_str()), "{fix:?}");
            if relints > 0 {
                relints -= 1;
                lint(&fixed, &context).expect("the context validated");
            }
        }
    }
    check_rules(&draft, &context, result.language);
});

/// Runs every rule on the draft in `language` and checks its byte spans and edits.
fn check_rules(draft: &str, context: &LintContext, language: Language) {
    let analysed = Draft::new(draft, language);
    let input = Input::new(&analysed, context);
    let in_draft = |span: Range<usize>| {
        span.start <= span.end && draft.is_char_boundary(span.start) && draft.is_char_boundary(span.end)
    };
    let mut hits = Vec::new();
    for rule in rules::all() {
        hits.clear();
        rule.check(&input, &mut hits);
        for hit in &hits {
            assert!(in_draft(hit.span.clone()), "{} hit {hit:?} of {} bytes: {draft:?}", rule.id(), draft.len());
            for edit in hit.fixes.iter().flat_map(|fix| &fix.edits) {
                assert!(
                    in_draft(edit.start..edit.end),
                    "{} edit {edit:?} of {} bytes: {draft:?}",
                    rule.id(),
                    draft.len()
                );
            }
        }
    }
}
