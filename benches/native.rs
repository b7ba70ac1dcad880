//! Native lint throughput: the core that the Wasm is built from, in a release build on
//! one thread, over the drafts of `benches/corpus.json` (the same drafts the browser run
//! lints). Prints a Markdown table to standard output, then one of the template search the
//! picker runs on every keystroke of a `/query`.
//!
//!   cargo bench --bench native      (./build.sh bench runs it and writes BENCHMARKS.md)
//!   valgrind --tool=callgrind BENCH_BINARY --callgrind short-en   (where a lint's time goes)
//!   valgrind --tool=callgrind BENCH_BINARY --callgrind first      (the first lint after start-up)
//!
//! A bench target rather than an example: `cargo bench` builds it with the release
//! profile, and `cargo test --all-targets` runs it without `--bench`, which lints every
//! draft once and checks the corpus still parses, so it cannot rot unnoticed.

// Not shipped: clippy.toml's size rules are for the Wasm.
#![allow(clippy::disallowed_methods)]

use std::time::{Duration, Instant};

use reply_coach::lang::install;
use reply_coach::template::{Library, SearchIndex, SearchPreferences, DEFAULT_PACK};
use reply_coach::{lint, Language, LintContext};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    classes: Vec<Class>,
}

#[derive(Deserialize)]
struct Class {
    name: String,
    drafts: Vec<Draft>,
}

#[derive(Deserialize)]
struct Draft {
    text: String,
    context: LintContext,
}

/// Each class is linted for at least this long (after warm-up), and at least
/// `MIN_SAMPLES` times, so p99 rests on enough samples.
const MEASURE: Duration = Duration::from_millis(1500);
const WARM_UP: Duration = Duration::from_millis(300);
const MIN_SAMPLES: usize = 2000;
/// Rounds over a class under `--callgrind`: enough that the first lint's data parsing is a
/// small part of the count.
const CALLGRIND_ROUNDS: usize = 20;

fn main() {
    let corpus: Corpus = serde_json::from_str(include_str!("corpus.json")).expect("benches/corpus.json parses");
    // `--callgrind CLASS`: lint that class a fixed number of times and stop, for callgrind
    // (`./build.sh bench` counts where each lint's instructions go).
    let args: Vec<String> = std::env::args().collect();
    if let Some(name) = args.iter().position(|arg| arg == "--callgrind").and_then(|at| args.get(at + 1)) {
        if name == "first" {
            let draft = &corpus.classes.first().and_then(|class| class.drafts.first()).expect("a draft");
            first_lint(draft);
            println!("1");
            return;
        }
        let class = corpus.classes.iter().find(|class| &class.name == name).expect("--callgrind names a class");
        for _ in 0..CALLGRIND_ROUNDS {
            for draft in &class.drafts {
                std::hint::black_box(lint(&draft.text, &draft.context)).expect("lints");
            }
        }
        // The count callgrind's totals are divided by.
        println!("{}", CALLGRIND_ROUNDS * class.drafts.len());
        return;
    }
    let benching = args.iter().any(|arg| arg == "--bench");
    if !benching {
        for class in &corpus.classes {
            for draft in &class.drafts {
                lint(&draft.text, &draft.context).unwrap_or_else(|e| panic!("{}: {e}", class.name));
            }
        }
        for (library, _) in libraries() {
            let index = SearchIndex::new(&library);
            assert!(!index.search("rfund", &SearchPreferences::default()).is_empty(), "the typo finds refund-sent");
        }
        println!("benches/native: linted the corpus once (run `cargo bench --bench native` to measure)");
        return;
    }
    println!("| class | drafts | mean size (bytes) | median per lint | p99 per lint | drafts/s | MB/s |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for class in &corpus.classes {
        measure(class);
    }
    measure_search();
}

/// The phrase data files as the extension ships them (`data/lang/<name>.txt`: build.rs's
/// copies, the phrase lists compiled), by the names `lang::install` takes.
const DATA_FILES: [(&str, &str); 5] = [
    ("en", include_str!(concat!(env!("OUT_DIR"), "/src/lang/data/en.txt"))),
    ("ro", include_str!(concat!(env!("OUT_DIR"), "/src/lang/data/ro.txt"))),
    ("hy", include_str!(concat!(env!("OUT_DIR"), "/src/lang/data/hy.txt"))),
    ("hi", include_str!(concat!(env!("OUT_DIR"), "/src/lang/data/hi.txt"))),
    ("common", include_str!(concat!(env!("OUT_DIR"), "/src/lang/data/common.txt"))),
];

/// The message catalogues as the extension ships them (`data/messages/<code>.txt`), by the
/// codes `catalogue::install` takes.
const CATALOGUES: [(&str, &str); 4] = [
    ("en", include_str!("../src/catalogue/data/en.txt")),
    ("ro", include_str!("../src/catalogue/data/ro.txt")),
    ("hy", include_str!("../src/catalogue/data/hy.txt")),
    ("hi", include_str!("../src/catalogue/data/hi.txt")),
];

/// What the first lint after start-up costs in the browser: every data file handed over as
/// the extension does (`lang::install`, `catalogue::install`), then one lint. Its own
/// function, so callgrind's inclusive count of it is that cost (`--callgrind first`).
#[inline(never)]
fn first_lint(draft: &Draft) {
    for (name, text) in DATA_FILES {
        install(name, text).expect("the data file installs");
    }
    for (code, text) in CATALOGUES {
        reply_coach::catalogue::install(code, text).expect("the catalogue installs");
    }
    std::hint::black_box(lint(&draft.text, &draft.context)).expect("lints");
}

/// Keystrokes of the queries an agent types in the picker: a shortcut, words, a typo.
const QUERIES: [&str; 3] = ["/refund", "refund sent", "rfund snet"];

/// The default pack, and a library ten times its size (each template again under another
/// id), the size a large team's library reaches.
fn libraries() -> [(Library, &'static str); 2] {
    let pack = Library::from_json(DEFAULT_PACK).expect("the default pack is valid");
    let mut large = pack.clone();
    for copy in 1..10 {
        large.templates.extend(pack.templates.iter().map(|t| {
            let mut t = t.clone();
            t.id = format!("{}-{copy}", t.id);
            t.shortcut = None;
            t
        }));
    }
    [(pack, "default pack"), (large, "ten packs")]
}

fn measure_search() {
    println!();
    println!("| template library | templates | index build | median per keystroke | p99 per keystroke |");
    println!("|---|---:|---:|---:|---:|");
    let preferences = SearchPreferences { language: Some(Language::Ro), ..SearchPreferences::default() };
    for (library, name) in libraries() {
        let start = Instant::now();
        let index = SearchIndex::new(&library);
        let build = start.elapsed();
        let keystrokes: Vec<&str> = QUERIES
            .iter()
            .flat_map(|query| query.char_indices().map(move |(at, c)| &query[..at + c.len_utf8()]))
            .collect();
        let mut samples = Vec::new();
        let start = Instant::now();
        while start.elapsed() < MEASURE || samples.len() < MIN_SAMPLES {
            for query in &keystrokes {
                let began = Instant::now();
                std::hint::black_box(index.search(query, &preferences));
                samples.push(began.elapsed());
            }
        }
        samples.sort_unstable();
        let quantile = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        println!(
            "| {name} | {} | {} | {} | {} |",
            library.templates.len(),
            show(build),
            show(quantile(0.5)),
            show(quantile(0.99))
        );
    }
}

fn measure(class: &Class) {
    let lint_all = |samples: &mut Vec<Duration>| {
        for draft in &class.drafts {
            let start = Instant::now();
            let result = lint(&draft.text, &draft.context);
            samples.push(start.elapsed());
            // Keeps the optimiser from dropping the work.
            std::hint::black_box(result).expect("lints");
        }
    };
    // Warm-up, not counted: the phrase data is parsed on first use, caches fill.
    let start = Instant::now();
    let mut discard = Vec::new();
    while start.elapsed() < WARM_UP {
        lint_all(&mut discard);
        discard.clear();
    }
    let mut samples = Vec::new();
    let mut rounds = 0usize;
    let start = Instant::now();
    while start.elapsed() < MEASURE || samples.len() < MIN_SAMPLES {
        lint_all(&mut samples);
        rounds += 1;
    }
    let total: Duration = samples.iter().sum();
    let bytes: usize = class.drafts.iter().map(|d| d.text.len()).sum::<usize>() * rounds;
    samples.sort_unstable();
    let quantile = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let secs = total.as_secs_f64();
    println!(
        "| {} | {} | {} | {} | {} | {:.0} | {:.1} |",
        class.name,
        class.drafts.len(),
        class.drafts.iter().map(|d| d.text.len()).sum::<usize>() / class.drafts.len(),
        show(quantile(0.5)),
        show(quantile(0.99)),
        samples.len() as f64 / secs,
        bytes as f64 / secs / 1e6,
    );
}

/// µs with one decimal below 10 ms, else ms.
fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 10_000.0 {
        format!("{us:.1} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}
