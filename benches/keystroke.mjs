// Keystroke cost in the page: the built extension (dist/chrome) on the replica inbox
// (tests/replica in RC_LAYOUT's layout, messenger unless RC_LAYOUT=business; RC_COMPOSER's
// composer, a real Lexical editor unless RC_COMPOSER=textarea), a 300-character draft
// typed key by key. The
// content script marks each update (lint, card and underlines; the debounce excluded) as a
// `reply-coach:update` performance measure (src/web/live.rs); a PerformanceObserver in the
// page collects their durations. Prints a Markdown table for BENCHMARKS.md.
//
// One key every 250 ms, so every key gets its own update, as for an agent who types
// slowly (a fast typist gets fewer): longer than the 120 ms typing pause
// (src/web/live.rs, `schedule`).

import { composerOf, LAYOUT, launchWithExtension, openInbox, serveReplica } from "../tests/e2e/harness.mjs";

const KEY_DELAY_MS = 250;
const COMPOSER = process.env.RC_COMPOSER === "textarea" ? "textarea" : "lexical";
const MEASURE = "reply-coach:update";
// A realistic reply to a complaint, with findings to show while it grows: no greeting by
// name at first, a stock phrase, an argument, then the sign-off.
const DRAFT =
  "Hi Ana, I am sorry your parcel arrived late and the box was damaged. " +
  "Actually, as I already said, our courier left it at the door on Monday. " +
  "We have sent a new one today by express, and it should reach you by Thursday. " +
  "Please reply here if anything else is wrong and we will sort it out quickly. Best, Maria";

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const { context, worker } = await launchWithExtension();
try {
  await serveReplica(context);
  await worker.evaluate(() => chrome.storage.sync.set({ settings: { agentName: "Maria" } }));
  const page = await openInbox(context, `/latest/inbox/all?composer=${COMPOSER}`);
  // The content script runs in an isolated world, but the performance timeline is the
  // document's: the page's own observer sees the measures the content script makes.
  const resolution = await page.evaluate((name) => {
    window.__updates = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === name) window.__updates.push(entry.duration);
    }).observe({ type: "measure" });
    // The smallest step performance.now() takes here, so the figures are read with it.
    let step = Infinity;
    for (let i = 0, last = performance.now(); i < 100_000; i++) {
      const now = performance.now();
      if (now > last) step = Math.min(step, now - last);
      last = now;
    }
    return step;
  }, MEASURE);
  await composerOf(page).click();
  // Updates before typing (the page opening) are not keystrokes.
  await page.waitForTimeout(500);
  await page.evaluate(() => (window.__updates.length = 0));
  await page.keyboard.type(DRAFT, { delay: KEY_DELAY_MS });
  await page.waitForFunction(() => document.querySelector("[data-rc-findings]"));
  await page.waitForTimeout(500);
  const durations = (await page.evaluate(() => window.__updates)).sort((a, b) => a - b);
  if (durations.length === 0) throw new Error(`no ${MEASURE} measures reached the page`);
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log(`Chromium ${context.browser()?.version() ?? "(unknown version)"}, headless; ${DRAFT.length} characters typed one key every ${KEY_DELAY_MS} ms into the ${COMPOSER === "lexical" ? "Lexical" : "textarea"} composer of the replica's ${LAYOUT} layout; performance.now() resolution in the page ${(resolution * 1000).toFixed(0)} µs.`);
  console.log();
  console.log("| keys | updates measured | median | p99 | max |");
  console.log("|---:|---:|---:|---:|---:|");
  const p99 = percentile(durations, 99);
  console.log(`| ${DRAFT.length} | ${durations.length} | ${ms(percentile(durations, 50))} | ${ms(p99)} | ${ms(durations.at(-1))} |`);
  console.log();
  console.log(`Target, extension work per keystroke under 1 ms p99 (${LAYOUT} layout, ${COMPOSER}): ${ms(p99)}, **${p99 < 1 ? "met" : "missed"}**.`);
} finally {
  await context.close();
}
