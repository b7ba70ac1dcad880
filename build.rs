//! Copies the data files the core compiles in (`data_file!`) to `OUT_DIR` without their
//! `#` comment lines. The comments document the phrase lists for the people who edit them
//! (see src/lang/data/README.md); in the Wasm they would be bytes every agent downloads
//! (about 8 KB raw, docs/SIZE.md). The format's parser skips the same lines
//! (`crate::lang::DataFile`), so what it reads is unchanged. The page profile's JSON is
//! copied without its indentation and without its `"about"` line (what the file is, for
//! the person editing it; the reader accepts the key without needing it), for the same
//! reason.
//!
//! The phrase lists of the language data files (`src/lang/data`) are compiled on the way
//! (`src/text/pattern.rs`): each entry gains its places, segmented and folded, so the
//! first lint in the browser reads them instead of parsing them. The extension ships
//! these copies (`build.sh` takes them from `OUT_DIR`).

use std::path::Path;
use std::{env, fs};

// The pattern compiler and the folding it uses, the very files the crate compiles; at the
// root, `pattern`'s `super::fold` is the function and `fold`'s `super::case` the module,
// as in `src/text`.
#[allow(dead_code)] // the crate's other uses of case and folding
#[path = "src/text/case.rs"]
mod case;
#[allow(dead_code)]
#[path = "src/text/fold.rs"]
mod fold;
#[allow(dead_code)] // the reader of the compiled form
#[path = "src/text/pattern.rs"]
mod pattern;
use fold::fold;

/// The folder of language data files, whose phrase lists are compiled.
const LANGUAGE_DATA: &str = "src/lang/data";

/// The sections of a language data file that are not phrase lists (`src/lang/mod.rs`);
/// the tests fail when a section read as plain lines is missing here (`DataFile::lines`).
const PLAIN_SECTIONS: [&str; 5] = ["texts", "name_vocatives", "upset_weights", "own_hosts", "abbreviations"];

/// JSON files compiled in, relative to the crate.
const JSON_FILES: [&str; 1] = ["src/page_profile/inbox.json"];

/// The folders of data files, relative to the crate.
const DATA_DIRS: [&str; 4] = ["src/lang/data", "src/clock/data", "src/voice/data", "src/catalogue/data"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for file in JSON_FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = fs::read_to_string(file).expect("JSON files are UTF-8");
        // JSON strings cannot hold a raw line break, so each line's own indentation is
        // outside every string. "about" is a top-level line ending in a comma: never last.
        let kept: String = text.lines().map(str::trim).filter(|line| !line.starts_with("\"about\":")).collect();
        let target = Path::new(&out).join(file);
        fs::create_dir_all(target.parent().expect("a folder")).expect("create the JSON folder in OUT_DIR");
        fs::write(target, kept).expect("write a JSON file");
    }
    for dir in DATA_DIRS {
        println!("cargo:rerun-if-changed={dir}");
        let target = Path::new(&out).join(dir);
        fs::create_dir_all(&target).expect("create the data folder in OUT_DIR");
        for entry in fs::read_dir(dir).expect("read a data folder") {
            let path = entry.expect("list a data folder").path();
            if path.extension().is_some_and(|ext| ext == "txt") {
                let text = fs::read_to_string(&path).expect("data files are UTF-8");
                let kept = text.lines().filter(|line| !line.trim_start().starts_with('#'));
                let kept: String = if dir == LANGUAGE_DATA {
                    compile_lists(kept)
                } else {
                    kept.flat_map(|line| [line, "\n"]).collect()
                };
                fs::write(target.join(path.file_name().expect("a file name")), kept).expect("write a data file");
            }
        }
    }
}

/// A language data file's lines with each phrase list's entries compiled.
fn compile_lists<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in lines {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_list = !PLAIN_SECTIONS.contains(&name);
            out.push_str(line);
        } else if in_list && !trimmed.is_empty() {
            out.push_str(&pattern::compile(trimmed));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
