#!/usr/bin/env bash
# Builds and tests Reply Coach.
#
#   ./build.sh [build]  the extension in dist/chrome and dist/firefox (plus a .zip of
#                       each), the Wasm checked against its size budget, and the CLI
#   ./build.sh test     every test: formatting and clippy, native (with the layers of
#                       imports), Wasm in headless Chromium, end to end in Chromium and
#                       Firefox ESR
#   ./build.sh bench    the build, then benchmarks (native throughput; latency against
#                       write-good and harper.js in headless Chromium; keystroke cost on
#                       the replica inbox; size; memory) written to BENCHMARKS.md
#   ./build.sh demo     the build, then the extension live in Chromium on the replica inbox
#                       (tests/replica) until Ctrl+C
#   ./build.sh fuzz [SECONDS]  every fuzz target in tests/fuzz (libFuzzer) for SECONDS each
#                       (default 60; `test` runs them for 30), printing each one's executions
#
# Tools that are missing are installed (once; what is there is kept): the wasm32 target,
# wasm-bindgen-cli at the version Cargo.lock pins, wasm-opt from npm and, for `test`,
# rustfmt, clippy, Chromium with its WebDriver and Firefox ESR from Debian.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly WASM_TARGET=wasm32-unknown-unknown
readonly CRATE=reply_coach
readonly REPAIR=${CRATE}_repair
# The budget is for the download, so it is checked gzipped, as servers and stores send it.
readonly GZIP_BUDGET_BYTES=262144
readonly PKG_DIR=target/wasm-pkg
readonly WASM_OPT=extension/node_modules/.bin/wasm-opt
# Tools installed by `cargo install` land here; a fresh shell may not have it on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
die() {
  printf 'build.sh: %s\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, otherwise through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

require() {
  command -v "$1" >/dev/null || die "$1 is needed: $2"
}

# ---- prerequisites ----

ensure_wasm_target() {
  require rustup "install Rust with rustup (https://rustup.rs)"
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    step "Adding the $WASM_TARGET target"
    rustup target add "$WASM_TARGET"
  fi
}

# The version of the wasm-bindgen crate in Cargo.lock. The CLI must match it exactly:
# the generated glue and the macro's output in the .wasm are versioned together.
locked_wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen_cli() {
  local want have runner
  want=$(locked_wasm_bindgen_version)
  [[ -n $want ]] || die "no wasm-bindgen in Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
  runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}') || true
  if [[ $have != "$want" || $runner != "$want" ]]; then
    step "Installing wasm-bindgen-cli $want (found ${have:-none}; takes a few minutes)"
    # No --locked: with the CLI's own lock file the install fails against this
    # machine's crates.io mirror; resolving afresh works.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# Node runs wasm-opt (npm's binaryen is compiled to Wasm), writes the manifests and runs
# the end-to-end test. Not installed from Debian: bookworm's Node 18 is older than
# playwright-core supports.
ensure_node() {
  require node "install Node.js 20 or later (with npm)"
  require npm "install npm (it comes with Node.js)"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js 20 or later is needed; this is $(node --version)"
}

# Installs a folder's npm packages from its lock file when they are missing or older
# than the lock (npm writes node_modules/.package-lock.json on every install), so a
# checkout whose lock gained a package gets it without a manual `npm ci`.
ensure_npm_deps() {
  local dir=$1 installed="$1/node_modules/.package-lock.json"
  if [[ ! -f $installed || $dir/package-lock.json -nt $installed ]]; then
    step "Installing the npm packages of $dir/ from its package-lock.json"
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
}

# wasm-opt comes from npm's binaryen, pinned by extension/package-lock.json: Debian's
# binaryen (108) is too old for today's rustc output and writes broken Wasm.
ensure_wasm_opt() {
  ensure_npm_deps extension
}

# Chromium runs the Wasm tests (through chromedriver) and the end-to-end test.
ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]] || ! command -v chromedriver >/dev/null; then
    step "Installing chromium and chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
  fi
}

# Firefox ESR runs the Firefox end-to-end suite (tests/e2e/firefox-inbox.test.mjs), driven
# over WebDriver BiDi by puppeteer-core: no geckodriver.
readonly FIREFOX_ESR=/usr/bin/firefox-esr
ensure_firefox() {
  if [[ ! -x $FIREFOX_ESR ]]; then
    step "Installing firefox-esr"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr
  fi
}

ensure_e2e_deps() {
  ensure_npm_deps tests
}

# The benchmarks' npm packages (write-good, harper.js, playwright-core) are kept apart
# from the tests' so `./build.sh test` never downloads harper.js's 16 MB of Wasm.
ensure_bench_deps() {
  ensure_npm_deps benches
  if ! command -v valgrind >/dev/null; then
    step "Installing valgrind (callgrind counts where a lint's instructions go)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends valgrind
  fi
}

# ---- build ----

# Two modules from the crate: the core the inbox starts with, and the repair tools (the
# teach flow and the layout report, the `repair` feature), which the content script loads
# only when the agent asks for one. Both builds leave the same file, so each is bound in
# turn; cargo keeps both compilations, so a rebuild of either is incremental.
build_wasm() {
  rm -rf "$PKG_DIR"
  local name features
  for name in "$CRATE" "$REPAIR"; do
    features=()
    [[ $name == "$REPAIR" ]] && features=(--features repair)
    step "Building $name for $WASM_TARGET"
    cargo build --lib --release --target "$WASM_TARGET" "${features[@]}"
    # --target web: an ES module whose init() takes the .wasm URL, which a Manifest V3
    # service worker can import (bundler output would need a bundler). Its .d.ts files
    # type the extension's imports for tsc (tests/typecheck); they are not shipped.
    wasm-bindgen --target web --out-dir "$PKG_DIR" --out-name "$name" \
      "target/$WASM_TARGET/release/$CRATE.wasm"
  done
}

# Where build.rs left its copies of the data files for the Wasm build: cargo reports every
# build script's output folder with --message-format=json, also when nothing is rebuilt.
build_script_out_dir() {
  local out_dir
  out_dir=$(cargo build --lib --release --target "$WASM_TARGET" --message-format=json 2>/dev/null |
    grep '"reason":"build-script-executed"' | grep '"package_id":"[^"]*reply-coach' |
    sed 's/.*"out_dir":"\([^"]*\)".*/\1/')
  [[ -d $out_dir/src/lang/data ]] || die "no data files from build.rs (looked in '$out_dir')"
  printf '%s\n' "$out_dir"
}

# --converge runs the passes again until they find nothing more: 1.2 KB gzipped less than
# one -Oz run (measured on 2026-12-03), for a few seconds of build time.
# The feature flags are what rustc 1.95 enables by default for wasm32-unknown-unknown
# (its target_features section lists them); wasm-opt must accept them all, and must not
# lower them, as every browser that runs Manifest V3 supports them.
optimise_wasm() {
  step "Optimising the Wasm with $($WASM_OPT --version)"
  local name wasm
  for name in "$CRATE" "$REPAIR"; do
    wasm="$PKG_DIR/${name}_bg.wasm"
    "$WASM_OPT" "$wasm" -o "$wasm.opt" -Oz --converge \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers
    mv "$wasm.opt" "$wasm"
  done
}

# The budget is the start-up module's: the repair module loads on an agent's request.
check_size_budget() {
  local wasm="$PKG_DIR/${CRATE}_bg.wasm" raw gzipped
  raw=$(wc -c <"$wasm")
  gzipped=$(gzip -9 -c "$wasm" | wc -c)
  printf 'Wasm after wasm-opt: %d bytes raw, %d bytes gzipped (budget %d gzipped)\n' \
    "$raw" "$gzipped" "$GZIP_BUDGET_BYTES"
  printf 'Repair module (loaded on request): %d bytes gzipped\n' \
    "$(gzip -9 -c "$PKG_DIR/${REPAIR}_bg.wasm" | wc -c)"
  ((gzipped <= GZIP_BUDGET_BYTES)) || die "the Wasm is over its size budget by $((gzipped - GZIP_BUDGET_BYTES)) bytes gzipped"
}

# dist/chrome and dist/firefox hold the same files; only the manifest differs. Everything
# in extension/ ships except the build's own files (npm manifests and packages, the icon
# generator, the manifest template, protocol.js's types), so a new page or locale needs no
# change here.
assemble_extension() {
  step "Assembling the extension in dist/"
  rm -rf dist/chrome dist/firefox dist/*.zip
  local browser out_dir
  out_dir=$(build_script_out_dir)
  for browser in chrome firefox; do
    mkdir -p "dist/$browser/pkg"
    tar -C extension --exclude=node_modules --exclude='package*.json' --exclude='*.mjs' \
      --exclude=manifest.json --exclude=protocol.js -cf - . | tar -C "dist/$browser" -xf -
    cp "$PKG_DIR/$CRATE.js" "$PKG_DIR/${CRATE}_bg.wasm" "$PKG_DIR/$REPAIR.js" "$PKG_DIR/${REPAIR}_bg.wasm" \
      "dist/$browser/pkg/"
    mkdir -p "dist/$browser/templates"
    cp src/template/pack/default.json "dist/$browser/templates/"
    # The phrase data and message catalogues the Wasm leaves out (src/lang/mod.rs,
    # src/catalogue/mod.rs, extension/language-data.js), as build.rs leaves them: without
    # their comment lines, and the phrase lists compiled (src/text/pattern.rs).
    for pair in lang:src/lang/data messages:src/catalogue/data; do
      mkdir -p "dist/$browser/data/${pair%%:*}"
      cp "$out_dir/${pair#*:}"/*.txt "dist/$browser/data/${pair%%:*}/"
    done
  done
  write_manifests
  if command -v zip >/dev/null; then
    for browser in chrome firefox; do
      (cd "dist/$browser" && zip -qrX "../reply-coach-$browser.zip" .)
    done
    echo "Packages: dist/reply-coach-chrome.zip, dist/reply-coach-firefox.zip"
  else
    echo "zip not found: no .zip packages (dist/chrome and dist/firefox are complete)"
  fi
  echo "Load unpacked: dist/chrome (Chrome, Edge) or dist/firefox/manifest.json (Firefox)"
}

# Chrome takes extension/manifest.json as it is. Firefox has no background service
# workers (it runs the same module as an event page), wants an add-on id, and since
# Firefox 140 a statement of the data the add-on collects: none. 142 is the first version
# that reads that statement on Android too (web-ext lint warns below it).
write_manifests() {
  node --input-type=module - "$(cargo_version)" <<'EOF'
import { readFileSync, writeFileSync } from "node:fs";
const version = process.argv[2];
const manifest = JSON.parse(readFileSync("extension/manifest.json", "utf8"));
if (manifest.version !== version) {
  console.error(`build.sh: extension/manifest.json has version ${manifest.version}, Cargo.toml ${version}`);
  process.exit(1);
}
writeFileSync("dist/chrome/manifest.json", JSON.stringify(manifest, null, 2) + "\n");
const firefox = {
  ...manifest,
  background: { scripts: [manifest.background.service_worker], type: "module" },
  browser_specific_settings: {
    gecko: {
      id: "reply-coach@reply-coach.invalid",
      strict_min_version: "142.0",
      data_collection_permissions: { required: ["none"] },
    },
  },
};
writeFileSync("dist/firefox/manifest.json", JSON.stringify(firefox, null, 2) + "\n");
EOF
}

cargo_version() {
  awk -F'"' '/^version = / { print $2; exit }' Cargo.toml
}

build_cli() {
  step "Building the CLI"
  cargo build --release --bin reply-coach
  echo "CLI: target/release/reply-coach (try: echo 'STOP SHOUTING' | target/release/reply-coach lint)"
}

build() {
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_node
  ensure_wasm_opt
  build_wasm
  optimise_wasm
  check_size_budget
  assemble_extension
  build_cli
}

# ---- bench ----

readonly BENCH_DIR=target/bench

# The same core natively, release profile, pinned to one core where taskset exists (the
# lint is single-threaded; pinning keeps the scheduler from moving it mid-measurement).
# panic = unwind: bench targets always unwind, so with the release profile's abort cargo
# builds the lib twice in one run, and as a cdylib+rlib its file name has no hash to tell
# the two apart: they overwrite each other and the build fails at random. Its own target
# dir, so the changed setting does not rebuild target/release.
run_native_bench() {
  step "Native lint throughput (cargo bench --bench native)"
  local pin=() target_dir="$BENCH_DIR/cargo"
  command -v taskset >/dev/null && pin=(taskset -c 0)
  export CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_PROFILE_BENCH_PANIC=unwind
  cargo bench --bench native --target-dir "$target_dir" --no-run
  "${pin[@]}" cargo bench --bench native --target-dir "$target_dir" >"$BENCH_DIR/native.md"
  cat "$BENCH_DIR/native.md"
}

# Where a lint's instructions go, natively (the same code as the Wasm, opt-level z):
# callgrind counts instructions, so the figures hold whatever else the machine is doing.
# The bench binary lints each short class 20 times under `--callgrind CLASS`, and installs
# the data files (phrase lists and message catalogues) and lints once under
# `--callgrind first`; benches/instructions.mjs makes
# the tables.
readonly CALLGRIND_CLASSES=(short-en short-ro short-hy short-hi)
run_callgrind() {
  step "Where a lint's instructions go (callgrind on the native bench)"
  local binary class
  binary=$(find "$BENCH_DIR/cargo/release/deps" -maxdepth 1 -type f -executable -name 'native-*' -printf '%T@ %p\n' |
    sort -rn | awk 'NR == 1 { print $2 }')
  [[ -n $binary ]] || die "no native bench binary in $BENCH_DIR/cargo"
  for class in "${CALLGRIND_CLASSES[@]}"; do
    # The binary prints how many lints it made.
    valgrind --tool=callgrind --callgrind-out-file="$BENCH_DIR/callgrind.$class.out" "$binary" --callgrind "$class" \
      2>/dev/null >"$BENCH_DIR/callgrind.$class.lints"
  done
  # What the first lint after start-up costs: the phrase data installed, then one lint.
  valgrind --tool=callgrind --callgrind-out-file="$BENCH_DIR/callgrind.first.out" "$binary" --callgrind first \
    2>/dev/null >/dev/null
  node benches/instructions.mjs "$BENCH_DIR" "${CALLGRIND_CLASSES[@]}" >"$BENCH_DIR/instructions.md"
  cat "$BENCH_DIR/instructions.md"
}

# The optimised Wasm (target/wasm-pkg, from build) against write-good and harper.js.
run_browser_bench() {
  step "Lint latency in headless Chromium (benches/browser.mjs)"
  node benches/browser.mjs "$(gzip -9 -c "$PKG_DIR/${CRATE}_bg.wasm" | wc -c)" >"$BENCH_DIR/browser.md"
  cat "$BENCH_DIR/browser.md"
}

# The built extension (dist/chrome) on the replica inbox, a draft typed key by key; the
# content script's `reply-coach:update` performance measures give its work per update.
# On both layouts of the replica: the Lexical composer of the Messenger-style one, and
# Business Suite's textarea and Lexical composers.
run_keystroke_bench() {
  step "Keystroke cost in the page (benches/keystroke.mjs)"
  local layout composer
  : >"$BENCH_DIR/keystroke.md"
  for layout in messenger:lexical business:textarea business:lexical; do
    composer=${layout#*:}
    layout=${layout%%:*}
    printf '### %s layout, %s composer\n\n' "$layout" "$composer" >>"$BENCH_DIR/keystroke.md"
    RC_LAYOUT=$layout RC_COMPOSER=$composer node benches/keystroke.mjs >>"$BENCH_DIR/keystroke.md"
    echo >>"$BENCH_DIR/keystroke.md"
  done
  cat "$BENCH_DIR/keystroke.md"
}

# The built extension on the replica inbox with 50, 500 and 5,000 rows, on both layouts
# (Business Suite's list is virtualised: about 13 rows rendered whatever the count); the content
# script's `reply-coach:scan` performance measures give each scan's cost.
run_inbox_bench() {
  step "Inbox scan cost in the page (benches/inbox.mjs)"
  local layout
  : >"$BENCH_DIR/inbox.md"
  for layout in messenger business; do
    printf '### %s layout\n\n' "$layout" >>"$BENCH_DIR/inbox.md"
    RC_LAYOUT=$layout node benches/inbox.mjs >>"$BENCH_DIR/inbox.md"
    echo >>"$BENCH_DIR/inbox.md"
  done
  cat "$BENCH_DIR/inbox.md"
}

bench() {
  ensure_chromium
  ensure_node
  ensure_bench_deps
  ensure_e2e_deps
  build
  mkdir -p "$BENCH_DIR"
  run_native_bench
  run_callgrind
  run_browser_bench
  run_keystroke_bench
  run_inbox_bench
  # The prose is benches/BENCHMARKS.md.in; the script fills in the figures.
  node benches/report.mjs "$BENCH_DIR" "$PKG_DIR" "$CRATE"
}

# ---- test ----

# rustfmt and clippy come with rustup's default profile; a minimal toolchain lacks them.
ensure_rust_lints() {
  local component
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      step "Adding the $component component"
      rustup component add "$component"
    fi
  done
}

# The code's own rules, enforced: formatting, clippy on every native target and on the
# Wasm as shipped (both modules) with its browser tests, warnings as errors. clippy.toml
# holds the panic guard and docs/SIZE.md's size rules; tests/layers.rs (run with the
# native tests) the one-way imports.
check_code() {
  step "Formatting and clippy (native and $WASM_TARGET)"
  cargo fmt --check
  cargo clippy --all-targets -- -D warnings
  cargo clippy --target "$WASM_TARGET" --lib --test wasm --features repair -- -D warnings
}

# The extension's JavaScript against its types (tests/typecheck/tsconfig.json): the messages
# between its parts (extension/protocol.js), storage values, and the Wasm glue's .d.ts that
# build_wasm leaves in $PKG_DIR (reached through target/typecheck/pkg).
check_extension_types() {
  step "Type-checking the extension's JavaScript (tsc)"
  mkdir -p target/typecheck
  ln -sfn ../wasm-pkg target/typecheck/pkg
  tests/node_modules/.bin/tsc -p tests/typecheck/tsconfig.json
}

run_native_tests() {
  step "Native tests"
  cargo test --all-targets
  cargo test --doc
}

# The Wasm tests run in Chromium driven by chromedriver (named explicitly, so an installed
# geckodriver is not picked instead). tests/webdriver.json holds Chromium's flags:
# --no-sandbox, as its sandbox refuses to run as root (wasm-bindgen-test-runner 0.2.130
# adds it too; the file keeps that from depending on the runner's version), and no
# background networking, which this machine's closed network would refuse. The runner
# reads ./webdriver.json unless WASM_BINDGEN_TEST_WEBDRIVER_JSON names another file, so
# the file lives in tests/ with the tests. Not `cargo test -q`: the runner rejects --quiet.
run_wasm_tests() {
  step "Wasm tests in headless Chromium"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
    CHROMEDRIVER="$(command -v chromedriver)" \
    cargo test --target "$WASM_TARGET" --test wasm
}

# The extension again with the `panic-test` feature: a rule that panics on U+E000
# (src/rules/panic_test.rs), for tests/e2e/panic.test.mjs, which proves the panic hook
# reports and recovers. Its own target dir: the crate is a cdylib+rlib whose file names
# carry no hash, so two feature sets in one dir overwrite each other. Not optimised and
# not size-checked: only that test loads it.
readonly PANIC_TEST_DIR=target/panic-test
build_panic_test_extension() {
  step "Building the panic-test extension (for the panic hook's end-to-end test)"
  cargo build --lib --release --target "$WASM_TARGET" --features panic-test --target-dir "$PANIC_TEST_DIR/cargo"
  rm -rf "$PANIC_TEST_DIR/extension"
  cp -r dist/chrome "$PANIC_TEST_DIR/extension"
  wasm-bindgen --target web --out-dir "$PANIC_TEST_DIR/extension/pkg" \
    "$PANIC_TEST_DIR/cargo/$WASM_TARGET/release/$CRATE.wasm"
}

# Loads dist/chrome into Chromium and lints through the extension's service worker: every
# suite on the replica's messenger layout, then the suites that work in the inbox again on
# its business layout (RC_LAYOUT; tests/e2e/harness.mjs). The settings page's, the
# extension's, the Firefox build's lint and the replica's own (which covers every layout,
# the changed one too) run once. Then dist/firefox in Firefox ESR on both layouts. Each test has 5 minutes (the slowest waits for a real minute to pass), so a hang
# fails that test instead of eating the CI job's time.
readonly E2E_TEST_TIMEOUT_MS=300000
readonly E2E_LAYOUT_SUITES=(chaos clock composer composition draft ignore network panic respond storage templates voice waiting)
# The suite that runs dist/firefox in Firefox ESR (tests/e2e/firefox-harness.mjs), on both
# layouts too; the Chromium runs leave it out.
readonly E2E_FIREFOX_SUITE=tests/e2e/firefox-inbox.test.mjs
run_e2e_tests() {
  step "End-to-end test: the extension in Chromium, on the replica's messenger layout"
  local suite suites=()
  for suite in tests/e2e/*.test.mjs; do [[ $suite == "$E2E_FIREFOX_SUITE" ]] || suites+=("$suite"); done
  RC_LAYOUT=messenger node --test --test-timeout="$E2E_TEST_TIMEOUT_MS" "${suites[@]}"
  step "End-to-end test: the extension in Chromium, on the replica's business layout"
  suites=()
  for suite in "${E2E_LAYOUT_SUITES[@]}"; do suites+=("tests/e2e/$suite.test.mjs"); done
  RC_LAYOUT=business node --test --test-timeout="$E2E_TEST_TIMEOUT_MS" "${suites[@]}"
  local layout
  for layout in messenger business; do
    step "End-to-end test: the extension in Firefox ESR, on the replica's $layout layout"
    RC_LAYOUT=$layout FIREFOX=$FIREFOX_ESR node --test --test-timeout="$E2E_TEST_TIMEOUT_MS" "$E2E_FIREFOX_SUITE"
  done
}

# Nothing the extension ships may turn text into code or markup: page text, templates and
# storage are shown with textContent only. The built JS (ours and wasm-bindgen's glue,
# which would carry any web-sys innerHTML binding the Rust used) is searched for the sinks.
check_no_code_from_text() {
  step "No eval or HTML sinks in the built extension"
  local sinks='innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(["'"'"'`]|srcdoc'
  local found
  found=$(grep -rnE "$sinks" dist/chrome dist/firefox --include='*.js' --include='*.html' || true)
  [[ -z "$found" ]] || die "the built extension has a code or HTML sink:"$'\n'"$found"
  echo "none in $(find dist/chrome dist/firefox -name '*.js' -o -name '*.html' | wc -l) files"
}

test_all() {
  ensure_chromium
  ensure_firefox
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_node
  ensure_e2e_deps
  ensure_rust_lints
  check_code
  run_native_tests
  fuzz "$FUZZ_TEST_SECONDS"
  build
  check_extension_types
  check_no_code_from_text
  build_panic_test_extension
  run_wasm_tests
  run_e2e_tests
  step "All tests passed"
}

# ---- fuzz ----

readonly FUZZ_DIR=tests/fuzz
# Built and run under target/, so the generated corpus and crash files are never in the
# way of git; the checked-in seeds are tests/fuzz/corpus/<target>, read but not written.
readonly FUZZ_OUT=target/fuzz
readonly FUZZ_TEST_SECONDS=30

# cargo-fuzz's instrumentation without cargo-fuzz and without nightly: SanitizerCoverage is
# an LLVM pass that stable rustc runs (-Cpasses, -Cllvm-args are stable options). Only
# cargo-fuzz's sanitizers (-Zsanitizer) need nightly, and the core has no unsafe code for
# AddressSanitizer to watch: a panic, an overflow (checked in tests/fuzz's profile) or a
# failed property is the crash. The counters and the comparisons traced (-trace-compares)
# steer libFuzzer; the flags are those cargo-fuzz passes on Linux.
fuzz_rustflags() {
  local flag flags="--cfg fuzzing -Cpasses=sancov-module"
  for flag in level=4 inline-8bit-counters pc-table trace-compares stack-depth; do
    flags+=" -Cllvm-args=-sanitizer-coverage-$flag"
  done
  echo "$flags"
}

host_triple() {
  rustc -vV | sed -n 's/^host: //p'
}

# The target names: the files in tests/fuzz/fuzz_targets (each a [[bin]] of its Cargo.toml).
fuzz_targets() {
  local file
  for file in "$FUZZ_DIR"/fuzz_targets/*.rs; do
    basename "$file" .rs
  done
}

# An explicit --target, as cargo-fuzz does: RUSTFLAGS then reach the targets' code only,
# not the build scripts (which would not link without libFuzzer). libfuzzer-sys compiles
# libFuzzer's C++ with the machine's g++.
build_fuzz_targets() {
  step "Building the fuzz targets with libFuzzer ($(rustc --version))"
  require c++ "a C++ compiler builds libFuzzer (Debian: g++)"
  RUSTFLAGS="$(fuzz_rustflags)" cargo build --release --bins --manifest-path "$FUZZ_DIR/Cargo.toml" \
    --target "$(host_triple)" --target-dir "$FUZZ_OUT"
}

# Runs one target for `seconds`, starting from its seeds and what earlier runs found, and
# prints its executions. A crash stops the build with the input that caused it.
run_fuzz_target() {
  local name=$1 seconds=$2 binary log
  binary="$FUZZ_OUT/$(host_triple)/release/$name"
  log="$FUZZ_OUT/logs/$name.log"
  mkdir -p "$FUZZ_OUT/corpus/$name" "$FUZZ_OUT/artifacts" "$FUZZ_OUT/logs" "$FUZZ_DIR/corpus/$name"
  # The first folder takes what the run finds; the seeds' folder is only read. -timeout:
  # an input that takes more than 10 s is a hang, reported like a crash. -len_control=0:
  # mutate up to the full length (4 KB, or the largest seed) from the start; libFuzzer's
  # default grows the limit over minutes and, in a run this short, would mutate only the
  # first two hundred bytes of a draft.
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -len_control=0 \
    -artifact_prefix="$FUZZ_OUT/artifacts/$name-" "$FUZZ_OUT/corpus/$name" "$FUZZ_DIR/corpus/$name" >"$log" 2>&1; then
    grep -E -A3 'panicked at|ERROR: libFuzzer' "$log" | head -20 >&2 || true
    die "fuzz target $name failed (log: $log). Reproduce with: $binary $(sed -n 's/.*Test unit written to //p' "$log")
Fix it in src/ and add the input as a regression test beside the code."
  fi
  # libFuzzer's last lines: "Done <runs> runs in <seconds> second(s)", and before them
  # "#<runs> DONE cov: <edges> ft: <features> corp: <inputs>/<size> ...".
  awk -v name="$name" '
    $2 == "DONE" { edges = $4; corpus = $8; sub(/\/.*/, "", corpus) }
    $1 == "Done" { runs = $2; seconds = $5 }
    END { printf "%-16s %11d executions in %3d s (%7d/s); %5d edges covered, corpus %d inputs\n",
          name, runs, seconds, runs / (seconds ? seconds : 1), edges, corpus }' "$log"
}

fuzz() {
  local seconds=${1:-60} name
  [[ $seconds =~ ^[1-9][0-9]*$ ]] || die "fuzz takes a number of seconds per target, not ${seconds}"
  build_fuzz_targets
  step "Fuzzing each target for $seconds s"
  for name in $(fuzz_targets); do
    run_fuzz_target "$name" "$seconds"
  done
}

# ---- demo ----

# The extension runs only at the real inbox addresses, so tests/demo.mjs starts Chromium with
# dist/chrome loaded and answers those addresses with the replica inbox by interception
# (headed when $DISPLAY is set, otherwise headless with remote debugging).
demo() {
  ensure_chromium
  ensure_node
  ensure_e2e_deps
  build
  step "Demo: Reply Coach on the replica inbox (Ctrl+C to stop)"
  node tests/demo.mjs
}

case "${1:-build}" in
  build) build ;;
  test) test_all ;;
  bench) bench ;;
  demo) demo ;;
  fuzz) fuzz "${2:-60}" ;;
  *) die "unknown command ${1}; use: ./build.sh [build|test|bench|demo|fuzz [SECONDS]]" ;;
esac
