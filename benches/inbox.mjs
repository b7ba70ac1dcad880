// Inbox scan cost: the built extension (dist/chrome) on the replica inbox with 50, 500 and
// 5,000 conversation rows (?rows=N), in RC_LAYOUT's layout (messenger unless
// RC_LAYOUT=business, whose list renders about 13 rows at a time whatever N is). The
// content script marks each scan (every row read
// and badged, then the "Expiring soonest" panel and the banner) as a `reply-coach:scan`
// performance measure (src/web/inbox.rs); a PerformanceObserver in the page collects
// their durations. Prints a Markdown table for BENCHMARKS.md.
//
// Per row count, in one page:
//   first scan      the page opened: every row read and its badge created;
//   rescan          nothing changed in the list: a comment node appended to <body> and
//                   removed again (a page mutation, so a scan 200 ms later);
//   one row         one row's snippet text changed in place, as React patches a text node;
//   new message     window.replica.addCustomerMessage() on the open thread: the replica
//                   re-renders every row's children and moves that row to the top.
// Each sample is the first scan after the change; the page is then left 450 ms to settle
// (a changed badge text is itself a mutation, and schedules one more scan).
//
// RC_PROFILE=<file.cpuprofile>: also records a V8 sampling profile (CDP Profiler, 50 µs)
// over the 500-row full rescans, writes it there and prints the top self-time functions
// to stderr. Wasm functions are named only when the Wasm keeps its name section (see
// BENCHMARKS.md for how the profile there was made).

import { writeFileSync } from "node:fs";
import { LAYOUT, launchWithExtension, openInbox, serveReplica } from "../tests/e2e/harness.mjs";

const MEASURE = "reply-coach:scan";
// RC_ROWS=500: only that row count (e.g. for a profile).
const SIZES = process.env.RC_ROWS ? process.env.RC_ROWS.split(",").map(Number) : [50, 500, 5000];
const SAMPLES = { rescan: 30, row: 30, message: 10 };
const SETTLE_MS = 450;
const PROFILE_FILE = process.env.RC_PROFILE;
const PROFILE_SIZE = 500;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function scanCount(page) {
  return page.evaluate(() => window.__scans.length);
}

/** Runs `change` in the page and returns the duration of the first scan after it. */
async function sampleAfter(page, change, argument) {
  const before = await scanCount(page);
  await page.evaluate(change, argument);
  try {
    await page.waitForFunction((n) => window.__scans.length > n, before, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`no ${MEASURE} measure after ${change.name}: ${error.message}`);
  }
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate((n) => window.__scans[n], before);
}

const rescan = () => {
  const comment = document.createComment("");
  document.body.append(comment);
  comment.remove();
};

// The snippet of a row in the middle of the rendered list, written as one text change.
const changeOneRow = (i) => {
  const rows = window.replica.rows();
  const row = rows[Math.floor(rows.length / 2)];
  const snippet =
    window.replica.layout === "business"
      ? [...row.querySelectorAll('[style*="-webkit-line-clamp: 1"]')].at(-1)
      : row.querySelector("a span.x1iyjqo2[dir=auto]");
  snippet.firstChild.data = `Is my order ${i} on its way?`;
};

const addMessage = (i) => window.replica.addCustomerMessage(`One more question (${i}).`);

async function measureSize(context, rows, cdp) {
  const page = await openInbox(context, `/latest/inbox/all?rows=${rows}`);
  await page.waitForFunction(() => window.__scans.length > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS * 2);
  const first = await page.evaluate(() => window.__scans[0]);
  const badges = await page.evaluate(() => document.querySelectorAll("reply-coach-badge").length);

  const samples = { rescan: [], row: [], message: [] };
  const profiling = cdp && rows === PROFILE_SIZE;
  let session;
  if (profiling) {
    session = await context.newCDPSession(page);
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 50 });
    await session.send("Profiler.start");
  }
  for (let i = 0; i < SAMPLES.rescan; i++) samples.rescan.push(await sampleAfter(page, rescan));
  let profile;
  if (profiling) {
    ({ profile } = await session.send("Profiler.stop"));
    await session.detach();
  }
  for (let i = 0; i < SAMPLES.row; i++) samples.row.push(await sampleAfter(page, changeOneRow, i));
  for (let i = 0; i < SAMPLES.message; i++) samples.message.push(await sampleAfter(page, addMessage, i));
  await page.close();
  return { rows, badges, first, samples, profile };
}

/** Self time per function (name and script), largest first. */
function topSelf(profile, count = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    if (frame.functionName === "(idle)") return;
    const script = frame.url ? frame.url.split("/").pop() : "";
    const key = `${frame.functionName || "(anonymous)"}${script ? ` [${script}]` : ""}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
}

const { context } = await launchWithExtension();
const chromium = context.browser()?.version() ?? "(unknown version)";
const results = [];
try {
  await serveReplica(context);
  // The content script runs in an isolated world, but the performance timeline is the
  // document's: the page's own observer, installed before any script, sees every measure
  // the content script makes, the first scan's included.
  await context.addInitScript((name) => {
    window.__scans = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === name) window.__scans.push(entry.duration);
    }).observe({ type: "measure" });
  }, MEASURE);
  for (const rows of SIZES) results.push(await measureSize(context, rows, PROFILE_FILE));
} finally {
  await context.close();
}

const ms = (value) => `${value.toFixed(2)} ms`;
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))}`;
};
console.log(
  `Chromium ${chromium}, headless; the replica's ${LAYOUT} layout; per row count one page; samples per row count: ${SAMPLES.rescan} rescans of an unchanged list, ${SAMPLES.row} with one row changed, ${SAMPLES.message} new messages.`,
);
console.log();
console.log("| rows | badged | first scan (every row read) | rescan, list unchanged, median | p99 | one row changed, median | p99 | new message (all rows re-rendered), median | p99 |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const { rows, badges, first, samples } of results) {
  console.log(`| ${rows} | ${badges} | ${ms(first)} | ${stats(samples.rescan)} | ${stats(samples.row)} | ${stats(samples.message)} |`);
}
// The target is for 500 rows: said only when they were measured (RC_ROWS may leave them out).
const target = results.find((r) => r.rows === 500);
if (target) {
  const median500 = percentile([...target.samples.rescan].sort((a, b) => a - b), 50);
  console.log();
  console.log(
    `Target, 500 rows scanned in under 5 ms (${LAYOUT} layout): ${ms(median500)} median per rescan of an unchanged list; reading all 500 rows ${ms(target.first)} (first scan) and ${ms(percentile([...target.samples.message].sort((a, b) => a - b), 50))} (after a re-render of every row), **${median500 < 5 ? "met" : "missed"}**.`,
  );
}

const profiled = results.find((r) => r.profile);
if (profiled) {
  writeFileSync(PROFILE_FILE, JSON.stringify(profiled.profile));
  console.error(`Profile of the ${PROFILE_SIZE}-row full rescans written to ${PROFILE_FILE}; top self time:`);
  for (const { name, ms: time, share } of topSelf(profiled.profile)) {
    console.error(`  ${time.toFixed(1).padStart(8)} ms ${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
}
