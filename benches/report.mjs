// Writes BENCHMARKS.md from the parts `./build.sh bench` measured into BENCH_DIR (each
// run's Markdown table) and the prose of benches/BENCHMARKS.md.in, whose `{{name}}` marks
// take: the tables (native, instructions, browser, keystroke, inbox), the in-page targets
// as rows of the latency table (targets), what a reader needs to reproduce a figure
// (date, cpu, rustc, chromium, harper.js, write-good), and the sizes (size).
//
//   node benches/report.mjs BENCH_DIR PKG_DIR CRATE
//
// Written whole or not at all: a failed run leaves the last complete report.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const [benchDir, pkgDir, crate] = process.argv.slice(2);
if (!crate) throw new Error("usage: node benches/report.mjs BENCH_DIR PKG_DIR CRATE");

const part = (name) => readFileSync(`${benchDir}/${name}.md`, "utf8");
const version = (pkg) => JSON.parse(readFileSync(`benches/node_modules/${pkg}/package.json`, "utf8")).version;
const bytes = (path) => statSync(path).size;

/** "Target, <what>: <figure>, **met**." lines of the in-page runs, as table rows. */
function targets() {
  const line = /^Target, ([^:]*): (.*), \*\*(met|missed)\*\*\.$/;
  return ["instructions", "keystroke", "inbox"]
    .flatMap((name) => part(name).split("\n"))
    .map((text) => text.match(line))
    .filter(Boolean)
    .map(([, what, figure, verdict]) => `| ${what} | ${figure} | **${verdict}** |`)
    .join("\n");
}

function sizes() {
  const wasm = `${pkgDir}/${crate}_bg.wasm`;
  const rows = [
    ["Wasm after wasm-opt, raw", bytes(wasm)],
    // gzip itself, as build.sh's budget check measures it (its header names the file).
    ["Wasm after wasm-opt, gzip -9", execFileSync("gzip", ["-9", "-c", wasm]).length],
    [`wasm-bindgen glue (${crate}.js), raw`, bytes(`${pkgDir}/${crate}.js`)],
    ...readdirSync("dist")
      .filter((name) => name.endsWith(".zip"))
      .sort()
      .map((name) => [`dist/${name}`, bytes(`dist/${name}`)]),
  ];
  return rows.map(([what, size]) => `| ${what} | ${size} |`).join("\n");
}

const cpu = cpus()[0]?.model?.trim() || "unknown";
const now = new Date().toISOString();
const values = {
  date: `${now.slice(0, 10)} ${now.slice(11, 16)} UTC`,
  cpu: `${cpu} (${execFileSync("nproc", { encoding: "utf8" }).trim()} cores available)`,
  rustc: execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim(),
  chromium: part("browser").match(/^Chromium ([^,]*),/m)?.[1] ?? "unknown",
  "harper.js": version("harper.js"),
  "write-good": version("write-good"),
  native: part("native"),
  instructions: part("instructions"),
  browser: part("browser"),
  targets: targets(),
  keystroke: part("keystroke"),
  inbox: part("inbox"),
  size: sizes(),
};

const template = readFileSync("benches/BENCHMARKS.md.in", "utf8");
const unknown = [...template.matchAll(/\{\{([^}]+)\}\}/g)].map(([, name]) => name).filter((name) => !(name in values));
if (unknown.length > 0) throw new Error(`benches/BENCHMARKS.md.in names no such part: ${unknown.join(", ")}`);
writeFileSync("BENCHMARKS.md.tmp", template.replace(/\{\{([^}]+)\}\}/g, (_, name) => values[name]));
renameSync("BENCHMARKS.md.tmp", "BENCHMARKS.md");
console.log("Wrote BENCHMARKS.md");
