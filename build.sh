#!/usr/bin/env bash
# Builds and tests Reply Coach.
#
#   ./build.sh [build]  the extension in dist/chrome and dist/firefox (plus a .zip of
#                       each), the Wasm checked against its size budget, and the CLI
#   ./build.sh test     every test: native, Wasm in headless Chromium, end to end
#
# Tools that are missing are installed (once; what is there is kept): the wasm32 target,
# wasm-bindgen-cli at the version Cargo.lock pins, wasm-opt from npm and, for `test`,
# Chromium with its WebDriver from Debian.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly WASM_TARGET=wasm32-unknown-unknown
readonly CRATE=reply_coach
# The budget is for the download, so it is checked gzipped, as servers and stores send it.
readonly GZIP_BUDGET_BYTES=204800
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

# wasm-opt comes from npm's binaryen, pinned by extension/package-lock.json: Debian's
# binaryen (108) is too old for today's rustc output and writes broken Wasm.
ensure_wasm_opt() {
  if [[ ! -x $WASM_OPT ]]; then
    step "Installing binaryen (wasm-opt) from extension/package-lock.json"
    npm ci --prefix extension --no-audit --no-fund
  fi
}

# Chromium runs the Wasm tests (through chromedriver) and the end-to-end test.
ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]] || ! command -v chromedriver >/dev/null; then
    step "Installing chromium and chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
  fi
}

ensure_e2e_deps() {
  if [[ ! -d tests/node_modules ]]; then
    step "Installing playwright-core from tests/package-lock.json"
    npm ci --prefix tests --no-audit --no-fund
  fi
}

# ---- build ----

build_wasm() {
  step "Building the core for $WASM_TARGET"
  cargo build --lib --release --target "$WASM_TARGET"
  rm -rf "$PKG_DIR"
  # --target web: an ES module whose init() takes the .wasm URL, which a Manifest V3
  # service worker can import (bundler output would need a bundler).
  wasm-bindgen --target web --no-typescript --out-dir "$PKG_DIR" \
    "target/$WASM_TARGET/release/$CRATE.wasm"
}

# The feature flags are what rustc 1.95 enables by default for wasm32-unknown-unknown
# (its target_features section lists them); wasm-opt must accept them all, and must not
# lower them, as every browser that runs Manifest V3 supports them.
optimise_wasm() {
  step "Optimising the Wasm with $($WASM_OPT --version)"
  local wasm="$PKG_DIR/${CRATE}_bg.wasm"
  "$WASM_OPT" "$wasm" -o "$wasm.opt" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers
  mv "$wasm.opt" "$wasm"
}

check_size_budget() {
  local wasm="$PKG_DIR/${CRATE}_bg.wasm" raw gzipped
  raw=$(wc -c <"$wasm")
  gzipped=$(gzip -9 -c "$wasm" | wc -c)
  printf 'Wasm after wasm-opt: %d bytes raw, %d bytes gzipped (budget %d gzipped)\n' \
    "$raw" "$gzipped" "$GZIP_BUDGET_BYTES"
  ((gzipped <= GZIP_BUDGET_BYTES)) || die "the Wasm is over its size budget by $((gzipped - GZIP_BUDGET_BYTES)) bytes gzipped"
}

# dist/chrome and dist/firefox hold the same files; only the manifest differs. Only what
# the extension loads is copied: no npm manifests, no icon generator.
assemble_extension() {
  step "Assembling the extension in dist/"
  rm -rf dist/chrome dist/firefox dist/*.zip
  local browser
  for browser in chrome firefox; do
    mkdir -p "dist/$browser/pkg" "dist/$browser/icons"
    cp extension/background.js "dist/$browser/"
    cp extension/icons/*.png "dist/$browser/icons/"
    cp "$PKG_DIR/$CRATE.js" "$PKG_DIR/${CRATE}_bg.wasm" "dist/$browser/pkg/"
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
# Firefox 140 a statement of the data the add-on collects: none.
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
      strict_min_version: "140.0",
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

# ---- test ----

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

# Loads dist/chrome into Chromium and lints through the extension's service worker.
run_e2e_tests() {
  step "End-to-end test: the extension in Chromium"
  node --test tests/e2e/
}

test_all() {
  ensure_chromium
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_node
  ensure_e2e_deps
  run_native_tests
  build
  run_wasm_tests
  run_e2e_tests
  step "All tests passed"
}

case "${1:-build}" in
  build) build ;;
  test) test_all ;;
  *) die "unknown command ${1}; use: ./build.sh [build|test]" ;;
esac
