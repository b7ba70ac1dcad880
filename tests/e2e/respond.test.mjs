// The agent's response figures, end to end (issue 18): the built extension (dist/chrome)
// in Chromium on the replica inbox (RC_LAYOUT's layout). Opening a conversation records its
// turns (numbers only) in chrome.storage.local `responses`; a customer message after a
// 24-hour silence is a new turn, an automated greeting is no answer, and the agent's reply
// answers the turn; the popup shows today's and the last 7 days' rate and time against 90%
// and 15 minutes, with a chart that fits 320 px; business hours set on the settings page
// leave the time outside them out of the response time, and the popup says so.
//
// No real minutes are waited: the replica's stamps are placed relative to the page's load
// (tests/replica/src/threads.js), and each step waits for the record to change. Meta's
// arithmetic (the fastest 90%, business hours, the bounds) is unit-tested in src/respond.
//
//   node --test tests/e2e/respond.test.mjs        (after ./build.sh)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, afterEach, before, describe, test } from "node:test";
import { composerOf, launchOnReplica, openInbox, pageErrors, readUntil, tabIdOf } from "./harness.mjs";

const PAGE_ID = "104729384756012";
const ANA = "100052384037366";
const ARAM = "100071928374650";
const LUCIA = "100097531864202";
const MIHAI = "100089273645128";
const MINUTE = 60_000;
/** Business Suite's address of a Page's inbox with a thread open: the Page and the thread
 * are named from the start (the record needs both). */
const INBOX = `/latest/inbox/all?asset_id=${PAGE_ID}&selected_item_id=${ANA}`;

/** The thread's 16-bit tag, as src/respond/store.rs derives it (FNV-1a, folded). */
function tagOf(id) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return ((hash >>> 16) ^ (hash & 0xffff)) >>> 0;
}

describe("the response figures", { timeout: 120_000 }, () => {
  let context;
  let worker;
  let extensionId;
  let page;
  let popup;

  before(async () => {
    ({ context, worker, extensionId } = await launchOnReplica());
  });

  afterEach(async () => {
    await popup?.close();
    popup = undefined;
    if (page) {
      assert.deepEqual(pageErrors(page), [], "the page threw");
      await page.close();
      page = undefined;
    }
  });

  after(() => context?.close());

  const record = () => worker.evaluate(async () => (await chrome.storage.local.get("responses")).responses ?? null);
  /** The stored turns of thread `id`: [[startSeconds, secondsToAnswer|null]], oldest first. */
  const turnsOf = (stored, id) =>
    Object.values(stored?.pages?.[PAGE_ID] ?? {})
      .flat()
      .filter(([, , tag]) => tag === tagOf(id))
      .map(([start, after]) => [start, after])
      .sort((a, b) => a[0] - b[0]);
  const turnsWhen = (id, check, what) => readUntil(async () => turnsOf(await record(), id), check, what);
  /** The replica's messages of the open thread, times in ms. */
  const messages = () =>
    page.evaluate(() => window.replica.messages().map(({ from, at }) => ({ from, at: Date.parse(at) })));

  test("turns are recorded as numbers, a message after 24 hours of silence is a new turn, and the popup shows the figures", async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    page = await openInbox(context, INBOX);
    // Ana's conversation opens with the page: her first message, answered by Maria; her
    // message 2 h ago came within 24 h of that answer, so it is no new turn.
    const ana = await turnsWhen(ANA, (t) => t.length === 1 && t[0][1] !== null, "Ana's one answered turn");
    const [first, answer] = (await messages()).slice(0, 2);
    assert.ok(Math.abs(ana[0][0] * 1000 - first.at) < MINUTE, "the turn starts at her first message");
    assert.ok(ana[0][1] * 1000 >= answer.at - first.at, "the time is never shorter than the real one");

    // Lucia's only answer is the automated greeting: her turn is unanswered.
    await page.evaluate((id) => window.replica.openThread(id), LUCIA);
    await turnsWhen(LUCIA, (t) => t.length === 1 && t[0][1] === null, "Lucia's turn, unanswered");

    // Aram wrote 3 days ago and nobody answered; he writes again now (after 24 h of
    // silence: a new turn), and the agent answers at once.
    await page.evaluate((id) => window.replica.openThread(id), ARAM);
    await turnsWhen(ARAM, (t) => t.length === 1 && t[0][1] === null, "Aram's old turn, unanswered");
    await page.evaluate(() => window.replica.addCustomerMessage("Hello? Is anyone there?"));
    await turnsWhen(ARAM, (t) => t.length === 2 && t[1][1] === null, "his new turn, waiting");
    await composerOf(page).click();
    await page.keyboard.type("Hello Aram, yes: we have gluten-free bread on Tuesdays. Maria");
    await page.keyboard.press("Enter");
    const aram = await turnsWhen(ARAM, (t) => t.length === 2 && t[1][1] !== null, "his new turn, answered");
    assert.equal(aram[0][1], null, "the old turn stays unanswered");
    assert.ok(aram[1][1] < 2 * 60, `answered within the minute it was seen (${aram[1][1]} s)`);

    // Nothing but numbers and the Page's id: no name, text or thread id.
    const stored = await record();
    assert.deepEqual(Object.keys(stored).sort(), ["pages", "replyCoachResponses"]);
    const text = JSON.stringify(stored);
    for (const secret of ["Ana", "Aram", "Lucia", "Maria", "gluten", ANA, ARAM, LUCIA]) assert.ok(!text.includes(secret), secret);
    assert.match(text.replaceAll('"replyCoachResponses"', "").replaceAll('"pages"', ""), /^[\d{}[\]:,"null]+$/);
    // And no storage area holds a customer's name, a message or a thread id (the agent's
    // own name may be there: the settings and the "Sent by" suggestion keep it).
    const everything = await worker.evaluate(async () => {
      const areas = await Promise.all(["local", "sync", "session"].map((area) => chrome.storage[area].get(null)));
      return JSON.stringify(areas);
    });
    for (const secret of ["Ana Popescu", "Aram", "Lucia", "gluten", ANA, ARAM, LUCIA]) {
      assert.ok(!everything.includes(secret), `storage holds ${secret}`);
    }

    // The popup: today 1 of 1 within a minute; the week Ana, Lucia and Aram's two.
    const tab = await tabIdOf(worker, page);
    popup = await context.newPage();
    await popup.setViewportSize({ width: 320, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
    await popup.waitForFunction(() => !document.getElementById("responses").hidden);
    const shown = await popup.evaluate(() => {
      const figures = (id) => {
        const box = document.getElementById(id);
        const line = (name) => box.querySelector(`[data-figure="${name}"]`);
        return {
          needed: Number(box.dataset.needed),
          answered: Number(box.dataset.answered),
          rate: line("rate")?.textContent,
          rateMet: line("rate")?.dataset.met,
          timeMet: line("time")?.dataset.met,
        };
      };
      return { today: figures("respondToday"), week: figures("respondWeek") };
    });
    assert.deepEqual(shown.today, {
      needed: 1,
      answered: 1,
      rate: "Response rate 100% (1 of 1) · on target",
      rateMet: "true",
      timeMet: "true",
    });
    assert.equal(shown.week.needed, 4);
    assert.equal(shown.week.answered, 2);
    assert.equal(shown.week.rate, "Response rate 50% (2 of 4) · target missed");

    // The chart: a bar group per day of the week, inside 320 px, labels legible and apart.
    const chart = await popup.evaluate(() => {
      const svg = document.querySelector("#respondChart svg");
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect());
      return {
        days: svg.querySelectorAll("g[data-day]").length,
        bars: svg.querySelectorAll("rect").length,
        width: box.width,
        inside: texts.every((t) => t.left >= box.left - 0.5 && t.right <= box.right + 0.5),
        smallest: Math.min(...texts.map((t) => t.height)),
        label: svg.getAttribute("aria-label"),
      };
    });
    assert.equal(chart.days, 7);
    assert.ok(chart.bars >= 2, "a bar for today and one for Ana's day");
    assert.ok(chart.width <= 320 && chart.width >= 250, `the chart is ${chart.width} px wide`);
    assert.ok(chart.inside, "every label is inside the chart");
    assert.ok(chart.smallest >= 11, `labels at least 11 px high (${chart.smallest})`);
    assert.match(chart.label, /15 minutes/);
    const slowest = await popup.locator("#respondSlowest li").allTextContents();
    assert.equal(slowest.length, 1);
    assert.match(slowest[0], /^\d\d:\d\d( [AP]M)?: answered after [012] min$/);

    // The settings page exports the record as CSV: a line per turn, numbers only.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator("[data-rule]").first().waitFor(); // Ready: every control is bound once the rules are listed.
    const [download] = await Promise.all([options.waitForEvent("download"), options.click("#responsesExport")]);
    assert.equal(download.suggestedFilename(), "reply-coach-response-times.csv");
    const lines = readFileSync(await download.path(), "utf8").trimEnd().split("\n");
    assert.equal(lines[0], "page,date,start,seconds_to_answer");
    assert.equal(lines.length, 5, "Ana's, Lucia's and Aram's two turns");
    for (const line of lines.slice(1)) assert.match(line, new RegExp(`^${PAGE_ID},\\d{4}-\\d\\d-\\d\\d,\\d\\d:\\d\\d,\\d*$`));
    assert.equal(await options.locator("#responsesStatus").textContent(), "Exported 4 turns.");
    await options.close();
  });

  test("business hours set on the settings page leave time outside them out of the popup's response time", async () => {
    await worker.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]));
    // Mihai wrote 23.5 h ago and Andrei answered 30 minutes later (as the layout's stamps
    // tell it: the business layout's day-only stamps make it longer).
    page = await openInbox(context, INBOX.replace(ANA, MIHAI));
    const [[start, after]] = await turnsWhen(MIHAI, (t) => t.length === 1 && t[0][1] !== null, "Mihai's answered turn");
    assert.ok(after >= 30 * 60 && after < 2 * 86_400, `answered after 30 minutes or more (${after} s)`);
    // Open one day only, from 5 minutes before the answer's local minute, for an hour: only
    // those last 5 minutes and some seconds count.
    const replyMs = (start + after) * 1000;
    const [weekday, open] = await page.evaluate((ms) => {
      const opening = new Date(Math.floor(ms / 60_000) * 60_000 - 5 * 60_000);
      return [(opening.getDay() + 6) % 7, opening.getHours() * 60 + opening.getMinutes()];
    }, replyMs);
    const close = open + 60 > 1440 ? open + 60 - 1440 : open + 60;
    const time = (minutes) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator("[data-rule]").first().waitFor(); // Ready: every control is bound once the rules are listed.
    const stored = () => worker.evaluate(async () => (await chrome.storage.sync.get("settings")).settings?.businessHours);
    const hours = options.getByRole("switch", { name: "Count only time within business hours" });
    assert.equal(await hours.isChecked(), false, "off by default");
    assert.equal(await options.locator("#hoursDays").isHidden(), true);
    // Switched on with the keyboard, it offers Monday to Friday, 09:00 to 17:00.
    await hours.focus();
    await options.keyboard.press("Space");
    const nineToFive = [...Array(5).fill([540, 1020]), null, null];
    assert.deepEqual(await readUntil(stored, (h) => Array.isArray(h), "the hours stored"), nineToFive);
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const day = (name) => options.getByRole("group", { name, exact: true });
    assert.equal(await day("Saturday").getByText("Closed").isVisible(), true);
    // A day whose times are equal is refused with the reason, and nothing is written.
    await day("Monday").getByLabel("To").fill("09:00");
    await day("Monday").getByLabel("To").press("Tab");
    assert.equal(await day("Monday").locator(".error").isVisible(), true);
    assert.equal(await day("Monday").getByLabel("To").getAttribute("aria-invalid"), "true");
    assert.deepEqual(await stored(), nineToFive);
    // Open the answer's day (the opening's) only.
    const others = days.filter((_, i) => i !== weekday);
    const dayOf = day(days[weekday]);
    if (weekday >= 5) await dayOf.getByLabel("Open").check();
    await dayOf.getByLabel("From").fill(time(open));
    await dayOf.getByLabel("To").fill(time(close));
    await dayOf.getByLabel("To").press("Tab");
    for (const name of others) {
      const openBox = day(name).getByLabel("Open");
      if (await openBox.isChecked()) {
        await openBox.focus();
        await options.keyboard.press("Space");
      }
      assert.equal(await day(name).getByText("Closed").isVisible(), true, name);
    }
    const expected = days.map((_, i) => (i === weekday ? [open, close] : null));
    assert.deepEqual(await readUntil(stored, (h) => JSON.stringify(h) === JSON.stringify(expected), "one day's hours"), expected);
    assert.equal(await day("Monday").locator(".error").isHidden(), true);
    // No day open at all is refused, and the stored hours stay.
    await dayOf.getByLabel("Open").uncheck();
    await options.locator("#hoursDays-error").waitFor();
    assert.equal(await options.locator("#hoursDays-error").textContent(), "Open at least one day, or switch business hours off.");
    await dayOf.getByLabel("Open").check();
    await options.locator("#hoursDays-error").waitFor({ state: "hidden" });
    assert.deepEqual(await stored(), expected);

    const tab = await tabIdOf(worker, page);
    const weekTime = async (shown) => {
      popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
      await popup.waitForFunction(() => !document.getElementById("responses").hidden);
      const week = await popup.evaluate(() => ({
        timeMs: Number(document.getElementById("respondWeek").dataset.timeMs),
        note: document.getElementById("respondHours").hidden ? null : document.getElementById("respondHours").textContent,
      }));
      assert.equal(week.note, shown ? "Counted within business hours: time outside them is left out." : null);
      await popup.close();
      popup = undefined;
      return week.timeMs;
    };
    const counted = await weekTime(true);
    assert.ok(counted >= 5 * MINUTE && counted < 6 * MINUTE, `only the last 5 minutes and seconds count (${counted} ms)`);

    // Switched off: all 30 minutes count again.
    await hours.click();
    assert.equal(await readUntil(stored, (h) => h === null, "no hours stored"), null);
    assert.ok((await weekTime(false)) >= 30 * MINUTE);
    await options.close();
  });

  test("a record from a newer Reply Coach is kept as it is, and the popup says why nothing is kept", async () => {
    const newer = { replyCoachResponses: 2, pages: {}, more: "kept" };
    await worker.evaluate((newer) => chrome.storage.local.set({ responses: newer }), newer);
    page = await openInbox(context, INBOX);
    const tab = await tabIdOf(worker, page);
    const fault = await readUntil(
      () => worker.evaluate(async () => (await chrome.storage.session.get("responsesFault")).responsesFault ?? null),
      (fault) => fault !== null,
      "the fault kept for the popup",
    );
    assert.match(fault, /format 2, newer than this Reply Coach reads \(1\)/);
    assert.deepEqual(await record(), newer, "the stored record is untouched");
    popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
    await popup.waitForFunction(() => !document.getElementById("responsesFault").hidden);
    assert.match(await popup.locator("#responsesFault").textContent(), /^The response figures are not being kept: .*update Reply Coach/);
    await worker.evaluate(() => chrome.storage.session.remove("responsesFault"));
  });
});
