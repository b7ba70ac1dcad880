//! Copies the data files the core compiles in (`data_file!`) to `OUT_DIR` without their
//! `#` comment lines. The comments document the phrase lists for the people who edit them
//! (see src/lang/data/README.md); in the Wasm they would be bytes every agent downloads
//! (about 8 KB raw, docs/SIZE.md). The format's parser skips the same lines
//! (`crate::lang::DataFile`), so what it reads is unchanged. The page profile's JSON is
//! copied without its indentation and without its `"about"` line (what the file is, for
//! the person editing it; the reader accepts the key without needing it), for the same
//! reason.

use std::path::Path;
use std::{env, fs};

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
                let kept: String = text
                    .lines()
                    .filter(|line| !line.trim_start().starts_with('#'))
                    .flat_map(|line| [line, "\n"])
                    .collect();
                fs::write(target.join(path.file_name().expect("a file name")), kept).expect("write a data file");
            }
        }
    }
}
