//! The core's imports run one way: each top-level module of `src/` names only modules of
//! the layers below it, so the pure core never reaches the edges (`wasm`, `web`) and no
//! two modules depend on each other.
//!
//! Read from the sources rather than enforced by crates: every `crate::<module>` path and
//! every `use crate::{…}` group outside test code (`#[cfg(test)]` items and the files only
//! they declare), with comments and literals removed first. Tests may reach up (a rule's
//! tests run the whole lint), so they are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may name modules of lower layers only; modules of
/// one layer are independent of each other.
const LAYERS: &[&[&str]] = &[
    &["sort", "stage", "rule_id", "catalogue"],
    &["text", "finding"],
    &["lang"],
    &["clock", "draft"],
    &["respond"],
    &["page_profile", "voice"],
    &["threads", "context", "stale", "ignore"],
    &["rules", "inbox_view"],
    &["lint"],
    // The checks that run `lint`.
    &["template", "voice_examples"],
    // The edges.
    &["wasm"],
    &["web"],
];

#[test]
fn every_module_names_only_lower_layers() {
    let layer_of: BTreeMap<&str, usize> =
        LAYERS.iter().enumerate().flat_map(|(layer, modules)| modules.iter().map(move |m| (*m, layer))).collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for module in top_level_modules(&src) {
        let Some(&layer) = layer_of.get(module.as_str()) else {
            wrong.push(format!("src/{module} is in no layer: add it to LAYERS in tests/layers.rs"));
            continue;
        };
        for (file, named) in imports_of(&src, &module) {
            for other in named {
                match layer_of.get(other.as_str()) {
                    Some(&other_layer) if other_layer < layer || other == module => {}
                    Some(_) => wrong.push(format!("{file} ({module}) names crate::{other}, which is not below it")),
                    None => wrong.push(format!("{file} names crate::{other}, which is in no layer")),
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
}

#[test]
fn the_reader_sees_grouped_imports_and_skips_tests_comments_and_strings() {
    let source = r##"
        use crate::{text::fold, lang::{Language, detect}};
        // use crate::web;
        /* crate::wasm */
        const S: &str = "crate::web {";
        const R: &str = r#"crate::web"#;
        const C: char = '{';
        fn f<'a>(x: &'a str) { crate::clock::now(); }
        #[cfg(test)]
        mod tests { use crate::lint; fn g() { let _ = "}"; } }
        #[cfg(all(test, not(target_arch = "wasm32")))]
        fn h() { crate::web::x() }
        fn k() { crate::sort::sort_by_key() }
        const D: &str = crate::data_file!("x");
    "##;
    let names = crate_names(&without_test_items(&code_only(source)));
    assert_eq!(names, ["clock", "lang", "sort", "text"].map(String::from).into());
}

fn top_level_modules(src: &Path) -> Vec<String> {
    let mut modules: BTreeSet<String> = BTreeSet::new();
    for entry in fs::read_dir(src).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let is_module = (path.is_dir() && name != "bin") || path.extension().is_some_and(|e| e == "rs");
        if is_module && name != "lib" {
            modules.insert(name);
        }
    }
    modules.into_iter().collect()
}

/// Each non-test file of `module` with the top-level modules it names.
fn imports_of(src: &Path, module: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut files = Vec::new();
    let flat = src.join(format!("{module}.rs"));
    if flat.is_file() {
        files.push(flat);
    }
    collect_rs(&src.join(module), &mut files);
    let test_only: BTreeSet<PathBuf> = files.iter().flat_map(|file| test_only_children(file)).collect();
    files
        .into_iter()
        .filter(|file| !test_only.contains(file))
        .map(|file| {
            let source = fs::read_to_string(&file).expect("a readable source file");
            let shown = file.strip_prefix(src.parent().expect("src has a parent")).unwrap_or(&file);
            (shown.display().to_string(), crate_names(&without_test_items(&code_only(&source))))
        })
        .collect()
}

fn collect_rs(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_rs(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The files `file` declares as `#[cfg(test)] mod name;`.
fn test_only_children(file: &Path) -> Vec<PathBuf> {
    let source = code_only(&fs::read_to_string(file).expect("a readable source file"));
    let folder = match file.file_stem().and_then(|s| s.to_str()) {
        Some("mod") | Some("lib") => file.parent().expect("a folder").to_path_buf(),
        Some(stem) => file.parent().expect("a folder").join(stem),
        None => return Vec::new(),
    };
    let mut children = Vec::new();
    let mut rest = source.as_str();
    while let Some(at) = find_test_cfg(rest) {
        rest = &rest[at.end..];
        let end = rest.find([';', '{']).unwrap_or(rest.len());
        let declaration: Vec<&str> = rest[..end].split_whitespace().collect();
        if rest[end..].starts_with(';') && declaration.len() >= 2 && declaration[declaration.len() - 2] == "mod" {
            let name = declaration[declaration.len() - 1];
            children.push(folder.join(format!("{name}.rs")));
            children.push(folder.join(name).join("mod.rs"));
        }
    }
    children
}

/// The source with comments, string and character literals blanked (so a brace or a path
/// inside them counts for nothing).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(rest) {
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if chars[i] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if chars[i] == '\'' && char_literal_length(rest).is_some() {
            i += char_literal_length(rest).unwrap_or(1);
            out.push_str("' '");
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `r"`, `r#"`, `br##"`…: the number of hashes, when a raw string starts here.
fn raw_string_start(rest: &[char]) -> Option<usize> {
    let rest = if rest.first() == Some(&'b') { &rest[1..] } else { rest };
    if rest.first() != Some(&'r') {
        return None;
    }
    let hashes = rest[1..].iter().take_while(|c| **c == '#').count();
    (rest.get(1 + hashes) == Some(&'"')).then_some(hashes)
}

/// The length of a character literal starting here (`'x'`, `'\n'`, `'\u{1F600}'`); `None`
/// for a lifetime.
fn char_literal_length(rest: &[char]) -> Option<usize> {
    if rest.get(1) == Some(&'\\') {
        let end = rest.iter().skip(2).position(|c| *c == '\'')?;
        return Some(end + 3);
    }
    (rest.get(2) == Some(&'\'')).then_some(3)
}

/// The code without items under a `#[cfg(...)]` that needs `test`.
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = find_test_cfg(rest) {
        out.push_str(&rest[..at.start]);
        let item = &rest[at.end..];
        let end = item.find([';', '{']).unwrap_or(item.len());
        let skipped =
            if item.as_bytes().get(end) == Some(&b'{') { end + matching_brace(&item[end..]) } else { end + 1 };
        rest = &item[skipped.min(item.len())..];
    }
    out.push_str(rest);
    out
}

/// The next `#[cfg(…)]` attribute whose predicate names `test` (not under `not(…)`).
fn find_test_cfg(code: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(at) = code[from..].find("#[cfg(") {
        let start = from + at;
        let end = start + matching_bracket(&code[start + 1..]) + 1;
        let predicate = &code[start..end];
        let words: Vec<&str> = predicate.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
        if words.iter().enumerate().any(|(i, w)| *w == "test" && (i == 0 || words[i - 1] != "not")) {
            return Some(start..end);
        }
        from = end;
    }
    None
}

/// The length up to and including the `]` closing the `[` at the start.
fn matching_bracket(code: &str) -> usize {
    closing(code, '[', ']')
}

/// The length up to and including the `}` closing the `{` at the start.
fn matching_brace(code: &str) -> usize {
    closing(code, '{', '}')
}

fn closing(code: &str, open: char, close: char) -> usize {
    let mut depth = 0;
    for (i, c) in code.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        }
    }
    code.len()
}

/// The top-level modules `crate::…` paths name, grouped imports included.
fn crate_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let preceded_by_word = rest[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + "crate::".len()..];
        if preceded_by_word {
            continue;
        }
        if rest.starts_with('{') {
            let group = &rest[1..matching_brace(rest) - 1];
            names.extend(group_heads(group));
        } else if !rest[identifier(rest).len()..].starts_with('!') {
            // A path, not one of the crate's own macros (`crate::data_file!`).
            names.insert(identifier(rest).to_string());
        }
    }
    names.retain(|name| !name.is_empty() && name.chars().next().is_some_and(|c| c.is_lowercase()));
    names
}

/// The first segment of each path in a `{…}` group.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut at_start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            c if at_start && depth == 0 && !c.is_whitespace() => {
                heads.push(identifier(&group[i..]).to_string());
                at_start = false;
            }
            _ => {}
        }
    }
    heads
}

fn identifier(code: &str) -> &str {
    let end = code.find(|c: char| !c.is_alphanumeric() && c != '_').unwrap_or(code.len());
    &code[..end]
}
