// Lint latency in headless Chromium: Reply Coach's Wasm (target/wasm-pkg, the optimised
// build) against write-good and harper.js, on the English drafts of benches/corpus.json;
// then Reply Coach's start-up (again with V8's lazy compilation off, to show what the
// first lint spends compiling) and its Wasm memory over 10,000 lints. Prints Markdown.
//
//   node benches/browser.mjs WASM_GZIP_BYTES     (./build.sh bench runs it after a build)
//
// Every file is served from a server on 127.0.0.1 that this script starts: nothing else
// is fetched. The page is cross-origin isolated (COOP/COEP headers), which is what makes
// Chromium's performance.now() resolve to 5 µs instead of 100 µs; a single short lint is
// still only a few ticks, so each figure is given to the microsecond and no finer.

import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const wasmGzipBytes = Number(process.argv[2] ?? NaN);
const pkgDir = join(root, "target/wasm-pkg");
if (!existsSync(join(pkgDir, "reply_coach_bg.wasm"))) throw new Error("no target/wasm-pkg: run ./build.sh first");

// How long each tool lints each class: warm-up first (not counted), then measured until
// both the time and the sample count are reached. harper.js on 10,000 characters takes
// long enough that its time bound, not the count, ends the run.
const WARM_UP_MS = 500;
// Start-up is measured again in this many fresh contexts (no compiled code cached between
// them), and the median given: one start-up is one sample of a busy machine's scheduling.
// harper.js takes seconds each time, so fewer.
const STARTUP_RUNS = { "reply-coach": 9, "write-good": 9, "harper.js": 3 };
const MEASURE_MS = 3000;
const MIN_SAMPLES = 300;
const MEMORY_LINTS = 10_000;

/**
 * write-good is CommonJS with no browser build: wrap its modules (all plain JavaScript,
 * no Node built-ins) in a tiny require() so the page can import it as one ES module.
 * Each module body goes through `new Function`, which keeps it in sloppy mode as Node
 * runs CommonJS: some of them assign undeclared variables, which strict mode rejects.
 */
function bundleWriteGood() {
  const modules = new Map();
  const load = (file) => {
    if (modules.has(file)) return;
    const source = readFileSync(file, "utf8");
    modules.set(file, null);
    const deps = {};
    for (const [, spec] of source.matchAll(/require\('([^']+)'\)/g)) {
      let target;
      if (spec.startsWith(".")) {
        target = resolve(dirname(file), spec);
        if (!target.endsWith(".js")) target += ".js";
      } else {
        const dir = join(here, "node_modules", spec);
        target = join(dir, JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).main ?? "index.js");
      }
      deps[spec] = target;
      load(target);
    }
    modules.set(file, { source, deps });
  };
  const entry = join(here, "node_modules/write-good/write-good.js");
  load(entry);
  const defs = [...modules].map(
    ([file, { source, deps }]) =>
      `${JSON.stringify(file)}: [${JSON.stringify(deps)}, new Function("module", "exports", "require", ${JSON.stringify(source)})]`,
  );
  return `const defs = {${defs.join(",\n")}};
const cache = {};
function load(file) {
  if (cache[file]) return cache[file].exports;
  const [deps, fn] = defs[file];
  const module = (cache[file] = { exports: {} });
  fn(module, module.exports, (spec) => load(deps[spec]));
  return module.exports;
}
export default load(${JSON.stringify(entry)});\n`;
}

const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html", ".txt": "text/plain" };
const routes = [
  ["/pkg/", pkgDir],
  // The phrase data and message catalogues the extension ships beside the Wasm
  // (extension/language-data.js).
  ["/data/", join(here, "../dist/chrome/data")],
  ["/harper/", join(here, "node_modules/harper.js/dist")],
];
const writeGoodBundle = bundleWriteGood();

function serve(request, response) {
  const headers = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cache-Control": "no-store",
  };
  const path = new URL(request.url, "http://127.0.0.1").pathname;
  let body;
  let type = "text/html";
  if (path === "/") {
    body = "<!doctype html><title>bench</title>";
  } else if (path === "/write-good.js") {
    body = writeGoodBundle;
    type = types[".js"];
  } else if (path === "/corpus.json") {
    body = readFileSync(join(here, "corpus.json"));
    type = types[".json"];
  } else {
    for (const [prefix, dir] of routes) {
      const file = join(dir, path.slice(prefix.length));
      if (path.startsWith(prefix) && file.startsWith(dir) && existsSync(file)) {
        body = readFileSync(file);
        type = types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";
      }
    }
  }
  if (body === undefined) {
    response.writeHead(404, headers).end();
  } else {
    response.writeHead(200, { ...headers, "Content-Type": type }).end(body);
  }
}

// Runs in the page: loads one tool, then lints each class. `tool` picks the loader.
async function runTool({ tool, warmUpMs, measureMs, minSamples, memoryLints, startupOnly = false }) {
  const corpus = await (await fetch("/corpus.json")).json();
  const english = corpus.classes.filter((c) => c.language === "en");
  const t0 = performance.now();
  let lintOne;
  let memory = null;
  if (tool === "reply-coach") {
    const glue = await import("/pkg/reply_coach.js");
    const exports = await glue.default({ module_or_path: "/pkg/reply_coach_bg.wasm" });
    // As the extension does at start (extension/language-data.js): part of the start-up.
    const texts = await Promise.all(glue.languageDataFiles().map(async (name) => [name, await (await fetch(`/data/${name}.txt`)).text()]));
    for (const [name, text] of texts) glue.installLanguageData(name, text);
    memory = () => exports.memory.buffer.byteLength;
    var memoryAtStart = memory();
    lintOne = (d) => glue.lint(d.text, d.context);
  } else if (tool === "write-good") {
    const writeGood = (await import("/write-good.js")).default;
    lintOne = (d) => writeGood(d.text);
  } else {
    const harper = await import("/harper/index.js");
    const { binary } = await import("/harper/binary.js");
    const linter = new harper.LocalLinter({ binary });
    await linter.setup();
    lintOne = (d) => linter.lint(d.text);
  }
  const startupMs = performance.now() - t0;
  const t1 = performance.now();
  await lintOne(english[0].drafts[0]);
  const firstLintMs = performance.now() - t1;
  if (startupOnly) return { startupMs, firstLintMs };

  const classes = [];
  for (const c of english) {
    const warmUpEnd = performance.now() + warmUpMs;
    let i = 0;
    while (performance.now() < warmUpEnd || i < c.drafts.length) await lintOne(c.drafts[i++ % c.drafts.length]);
    const samples = [];
    const end = performance.now() + measureMs;
    for (i = 0; performance.now() < end || samples.length < minSamples; i++) {
      const d = c.drafts[i % c.drafts.length];
      const start = performance.now();
      await lintOne(d);
      samples.push(performance.now() - start);
      // harper.js on long drafts: stop at twice the time bound rather than at the count.
      if (performance.now() > end + measureMs && samples.length >= c.drafts.length) break;
    }
    samples.sort((a, b) => a - b);
    const q = (p) => samples[Math.round((samples.length - 1) * p)];
    classes.push({ name: c.name, samples: samples.length, medianMs: q(0.5), p99Ms: q(0.99) });
  }

  let memoryRows = null;
  if (memory) {
    // Every draft of every class and language, round and round.
    const all = corpus.classes.flatMap((c) => c.drafts);
    memoryRows = [["after start-up, before any lint", memoryAtStart], ["after the latency runs above (warmed up)", memory()]];
    for (let round = 1; round <= 2; round++) {
      for (let i = 0; i < memoryLints; i++) lintOne(all[i % all.length]);
      memoryRows.push([`after ${(round * memoryLints).toLocaleString("en")} more lints`, memory()]);
    }
  }
  return { startupMs, firstLintMs, classes, memoryRows, isolated: crossOriginIsolated };
}

const server = createServer(serve);
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
/** Chromium, with `jsFlags` passed to V8 when given. */
const launch = (jsFlags) =>
  chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--disable-component-update", "--disable-sync", "--no-first-run", ...(jsFlags ? [`--js-flags=${jsFlags}`] : [])],
  });

/** `runs` start-ups of `tool`, each in a fresh context; stops at the first failure, kept in `failures`. */
async function startUps(browser, tool, runs, failures) {
  const startups = [];
  for (let run = 0; run < runs && !failures[tool]; run++) {
    const context = await browser.newContext();
    await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      startups.push(await page.evaluate(runTool, { tool, startupOnly: true }));
    } catch (e) {
      failures[tool] = String(e.message ?? e).split("\n")[0];
    } finally {
      await context.close();
    }
  }
  return startups;
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await launch();
const results = {};
const failures = {};
try {
  for (const tool of ["reply-coach", "write-good", "harper.js"]) {
    const startups = await startUps(browser, tool, STARTUP_RUNS[tool], failures);
    // A fresh context per tool: no compiled code or heap left over from the previous one.
    const context = await browser.newContext();
    // Belt and braces: anything not for our server is refused, never sent.
    await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/`);
      process.stderr.write(`benches/browser: ${tool}...\n`);
      results[tool] = await page.evaluate(runTool, { tool, warmUpMs: WARM_UP_MS, measureMs: MEASURE_MS, minSamples: MIN_SAMPLES, memoryLints: MEMORY_LINTS });
      results[tool].startupMs = median(startups.map((r) => r.startupMs).concat(results[tool].startupMs));
      results[tool].firstLintMs = median(startups.map((r) => r.firstLintMs).concat(results[tool].firstLintMs));
      results[tool].startupRuns = startups.length + 1;
    } catch (e) {
      failures[tool] = String(e.message ?? e).split("\n")[0];
    } finally {
      await context.close();
    }
  }
} finally {
  var chromiumVersion = browser.version();
  await browser.close();
}

// Why the first lint costs what it does: V8 compiles each Wasm function when it is first
// called, on the main thread. With every function compiled at instantiation instead (off
// the main thread), what is left of the first lint is running it.
const eagerBrowser = await launch("--no-wasm-lazy-compilation");
const eagerFailures = {};
try {
  var eager = await startUps(eagerBrowser, "reply-coach", STARTUP_RUNS["reply-coach"], eagerFailures);
} finally {
  await eagerBrowser.close();
  server.close();
}

// ---- report ----

const us = (ms) => (ms === undefined ? "–" : ms >= 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms * 1000)} µs`);
const out = [];
const rc = results["reply-coach"];
if (!rc) throw new Error(`Reply Coach did not run: ${failures["reply-coach"]}`);
out.push(`Chromium ${chromiumVersion}, headless; timer resolution ${rc.isolated ? "5 µs (cross-origin isolated)" : "100 µs (not isolated!)"}.`, "");
out.push("| class | tool | samples | median | p99 | median ÷ Reply Coach's median |", "|---|---|---:|---:|---:|---:|");
for (const [i, c] of rc.classes.entries()) {
  for (const tool of ["reply-coach", "write-good", "harper.js"]) {
    const r = results[tool]?.classes[i];
    const ratio = r ? `${(r.medianMs / c.medianMs).toFixed(1)}×` : "–";
    out.push(`| ${c.name} | ${tool} | ${r?.samples ?? "–"} | ${us(r?.medianMs)} | ${us(r?.p99Ms)} | ${tool === "reply-coach" ? "1×" : ratio} |`);
  }
}
out.push("", "Start-up (import the module and instantiate it, in a fresh browser context), and the first lint after it: the median of that many fresh contexts:", "");
out.push("| tool | start-up | first lint | runs |", "|---|---:|---:|---:|");
for (const tool of ["reply-coach", "write-good", "harper.js"]) {
  const r = results[tool];
  out.push(`| ${tool} | ${r ? us(r.startupMs) : "did not run"} | ${r ? us(r.firstLintMs) : "–"} | ${r?.startupRuns ?? "–"} |`);
}
if (eager.length > 0) {
  out.push(`| reply-coach, every Wasm function compiled at instantiation (\`--js-flags=--no-wasm-lazy-compilation\`) | ${us(median(eager.map((r) => r.startupMs)))} | ${us(median(eager.map((r) => r.firstLintMs)))} | ${eager.length} |`);
}
for (const [tool, message] of Object.entries({ ...failures, ...eagerFailures })) out.push("", `**${tool} did not run:** ${message}`);

out.push("", "### Wasm linear memory", "", "| when | memory.buffer.byteLength |", "|---|---:|");
for (const [when, bytes] of rc.memoryRows) out.push(`| ${when} | ${bytes.toLocaleString("en")} |`);

// ---- targets ----
const short = (tool) => results[tool]?.classes.find((c) => c.name === "short-en");
const long10k = rc.classes.find((c) => c.name === "long-10k-en");
const mem = rc.memoryRows.map(([, b]) => b);
const verdict = (ok) => (ok === undefined ? "not measured" : ok ? "**met**" : "**missed**");
const harperRatio = short("harper.js") && short("harper.js").medianMs / short("reply-coach").medianMs;
const wgRatio = short("write-good") && short("write-good").medianMs / short("reply-coach").medianMs;
out.push("", "## Targets", "", "| target | measured | verdict |", "|---|---|---|");
out.push(`| short draft ≤ 20 µs median in Chromium | ${us(short("reply-coach").medianMs)} | ${verdict(short("reply-coach").medianMs <= 0.02)} |`);
out.push(`| 10,000 characters < 2 ms (median) in Chromium | ${us(long10k.medianMs)} (p99 ${us(long10k.p99Ms)}) | ${verdict(long10k.medianMs < 2)} |`);
out.push(`| ≥ 20× faster than harper.js, short class | ${harperRatio ? `${harperRatio.toFixed(1)}× faster` : "harper.js did not run"} | ${verdict(harperRatio && harperRatio >= 20)} |`);
out.push(`| faster than write-good, short class | ${wgRatio ? `Reply Coach ${us(short("reply-coach").medianMs)}, write-good ${us(short("write-good").medianMs)}: ${wgRatio >= 1 ? `${wgRatio.toFixed(1)}× faster` : `${(1 / wgRatio).toFixed(1)}× slower`}` : "write-good did not run"} | ${verdict(wgRatio && wgRatio > 1)} |`);
out.push(`| first lint after start-up < 5 ms in Chromium | ${us(rc.firstLintMs)} | ${verdict(rc.firstLintMs < 5)} |`);
out.push(`| Wasm < 256 KB (262,144 bytes) gzipped, for start-up | ${wasmGzipBytes.toLocaleString("en")} bytes | ${verdict(wasmGzipBytes < 262144)} |`);
out.push(`| memory flat after warm-up | ${mem.map((b) => (b / 1048576).toFixed(2)).join(" → ")} MiB | ${verdict(mem.at(-1) === mem[2])} |`);
console.log(out.join("\n"));
