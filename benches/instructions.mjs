// Where a lint's instructions go, from callgrind's counts (`./build.sh bench` runs the
// native bench binary under valgrind with `--callgrind CLASS` for each short class, and
// `--callgrind first`): a table of instructions per lint by class and of the first lint
// after start-up (installing the data files, then one short English lint), then short
// English's by function (inclusive, the core's own functions, as a share of a lint), and
// the costliest other language's.
// Counts, not seconds, so they hold on a busy machine.
//
//   node benches/instructions.mjs BENCH_DIR CLASS...    (reads BENCH_DIR/callgrind.CLASS.out
//                                                        and .lints, prints Markdown)

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const [benchDir, ...classes] = process.argv.slice(2);
if (classes.length === 0) throw new Error("usage: node benches/instructions.mjs BENCH_DIR CLASS...");
/** Functions listed for short English. */
const SHOWN = 14;
const LINT = "reply_coach::lint::lint";

/** callgrind_annotate's inclusive counts: [count, function name without crate hash]. */
function inclusive(klass, crate = "reply_coach::") {
  const out = execFileSync("callgrind_annotate", ["--inclusive=yes", `${benchDir}/callgrind.${klass}.out`], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "ignore"],
  });
  return out
    .split("\n")
    .filter((line) => line.includes(" [") && line.includes(crate))
    .map((line) => {
      const count = Number(line.trim().split(/\s+/)[0].replaceAll(",", ""));
      const name = line.replace(/^[^:]*:/, "").replace(/ \[.*$/, "").replace(/::h[0-9a-f]{16}$/, "");
      return [count, name];
    });
}

const lints = (klass) => Number(readFileSync(`${benchDir}/callgrind.${klass}.lints`, "utf8").trim());
const lintCount = (rows) => rows.find(([, name]) => name === LINT)?.[0];

const lines = ["| class | instructions per lint |", "|---|---:|"];
const perLint = new Map();
for (const klass of classes) {
  const total = lintCount(inclusive(klass));
  if (total !== undefined) perLint.set(klass, Math.trunc(total / lints(klass)));
}
for (const [klass, count] of perLint) lines.push(`| ${klass} | ${count} |`);
const first = inclusive("first", "native::").find(([, name]) => name === "native::first_lint")?.[0];
if (first !== undefined) lines.push(`| first lint after start-up (the phrase data and message catalogues installed, then one short-en lint) | ${first} |`);
/** The class's lint by function: the core's own, inclusive, as a share of a lint. */
function byFunction(klass) {
  lines.push("", `| ${klass}, by function (inclusive) | share of a lint |`, "|---|---:|");
  const rows = inclusive(klass);
  const total = lintCount(rows);
  const seen = new Set([LINT]);
  for (const [count, name] of rows.slice(rows.findIndex(([, n]) => n === LINT) + 1)) {
    if (seen.size > SHOWN || seen.has(name)) continue;
    seen.add(name);
    lines.push(`| \`${name.replaceAll("|", "\\|")}\` | ${Math.round((100 * count) / total)}% |`);
  }
}
byFunction("short-en");
// And the costliest other language, which says what keeps it from English's figure.
const costliest = [...perLint].filter(([klass]) => klass !== "short-en").sort((a, b) => b[1] - a[1])[0];
if (costliest) byFunction(costliest[0]);
// Counts, not Chromium's times, compare the languages: the browser run lints English only,
// and a count does not depend on what else the machine is doing.
const english = perLint.get("short-en");
const others = [...perLint].filter(([klass]) => klass.startsWith("short-") && klass !== "short-en");
if (english && others.length > 0) {
  const ratios = others.map(([klass, count]) => [klass.slice("short-".length), count / english]);
  const figure = ratios.map(([language, ratio]) => `${language} ${ratio.toFixed(2)}×`).join(", ");
  const met = ratios.every(([, ratio]) => ratio <= 1.5);
  lines.push("", `Target, other languages within 1.5× of English (instructions per short lint): ${figure}, **${met ? "met" : "missed"}**.`);
}
console.log(lines.join("\n"));
