// The response-time coach, end to end (issue 18): each conversation awaiting a reply shows
// how long it has waited beside its window badge, amber from 10 minutes and red from 15,
// in words as well as colour; "Expiring soonest" sorts by time left or by waiting time;
// the toolbar can count the conversations waiting past 15 minutes; and a customer who
// writes again under an open draft puts a line in the card until the agent has seen it,
// the draft untouched. On the replica (tests/replica) in RC_LAYOUT's layout.
//
// No real minutes are waited for the marks: ?waiting=1 puts each customer's message at a
// minute's start so that the waits reach 10, 15 and 16 minutes at the same whole minute,
// 30 to 90 seconds after the page loads (waitingThreads in tests/replica/src/threads.js):
// the test reads 9, 14 and 15 minutes before it and 10, 15 and 16 after, waiting for each
// state as a condition (the extension's clock is the real one: Playwright's page clock
// does not reach its isolated world).

import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { composerOf, inboxStatusWhen, launchWithExtension, openInbox, pageErrors, readUntil, serveReplica, tabIdOf } from "./harness.mjs";

/** The colours of extension/content.css for each level of a wait. */
const COLOURS = { calm: "rgb(101, 103, 107)", amber: "rgb(138, 83, 0)", red: "rgb(179, 38, 30)" };

describe("waiting times and the stale draft", () => {
  let context;
  let worker;
  let page;

  before(async () => {
    ({ context, worker } = await launchWithExtension());
    await serveReplica(context);
  });

  afterEach(async () => {
    if (page) assert.deepEqual(pageErrors(page), [], "the page threw");
    await page?.close();
    page = undefined;
    await worker.evaluate(() => chrome.storage.sync.clear());
  });

  after(async () => {
    await context?.close();
  });

  /** Each rendered row's wait, by its customer: {text, level, colour, row (the row's
   * data-rc-waiting), beforeBadge}, or null when the row shows none. */
  const waits = () =>
    page.evaluate(() =>
      Object.fromEntries(
        window.replica.rows().map((row) => {
          const wait = row.querySelector(":scope > reply-coach-wait");
          const shown = wait && {
            text: wait.textContent,
            level: wait.dataset.level,
            colour: getComputedStyle(wait).color,
            row: row.dataset.rcWaiting,
            beforeBadge: wait.nextElementSibling?.tagName === "REPLY-COACH-BADGE",
          };
          return [row.dataset.rcCustomer, shown];
        }),
      ),
    );

  /** Waits (up to `timeout` ms) until `check(waits)` holds; returns them. */
  async function waitsWhen(check, what, timeout) {
    let last;
    for (const end = Date.now() + timeout; Date.now() < end; ) {
      last = await waits();
      if (check(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`${what}: ${JSON.stringify(last, null, 1)}`);
  }

  const shownAs = (wait, text, level) => {
    assert.equal(wait?.text, text);
    assert.equal(wait.level, level);
    assert.equal(wait.row, level);
    assert.equal(wait.colour, COLOURS[level], `${text}: its colour`);
    assert.ok(wait.beforeBadge, `${text}: just before the badge`);
  };

  /** The panel's entries: [customer, the text beside it]. */
  const panel = () =>
    page.evaluate(() =>
      [...(document.querySelector("reply-coach-panel")?.shadowRoot?.querySelectorAll("li") ?? [])].map((li) => [
        li.querySelector("button").textContent,
        li.querySelector("span").textContent,
      ]),
    );

  const badgeText = (tabId) => worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);

  test("waits turn amber at 10 minutes and red at 15 as the clock runs; the panel sorts by either; the toolbar counts either", async () => {
    page = await openInbox(context, "/latest/inbox/all?waiting=1");
    const tab = await tabIdOf(worker, page);
    const crossesAt = Date.parse((await page.evaluate(() => window.replica.threads()))[0].crossesAt);

    // The minute before the marks (the page may load up to 90 s before them, so this
    // waits for that minute's scan; it lasts at least 30 s from the load).
    const early = await waitsWhen(
      (w) => w["Wait Ten"]?.text === "waiting 9 min" && w["Wait Sixteen"]?.text?.startsWith("waiting 15 min"),
      "9, 14 and 15 minutes",
      90_000,
    );
    assert.ok(Date.now() < crossesAt, "read before the minute");
    shownAs(early["Wait Ten"], "waiting 9 min", "calm");
    shownAs(early["Wait Fifteen"], "waiting 14 min · reply soon", "amber");
    shownAs(early["Wait Sixteen"], "waiting 15 min · over 15 min", "red");
    shownAs(early["Wait Days"], "waiting 2 days · over 15 min", "red");
    assert.equal(early["Wait Answered"], null, "the Page answered: no wait");

    // The toolbar counts the threads in their last hour (none) unless told otherwise;
    // the status has both counts.
    await inboxStatusWhen(worker, tab, (s) => s.rows === 5 && s.waiting === 2, "two past 15 minutes");
    assert.equal(await badgeText(tab), "");
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { toolbarCount: "waiting" } }));
    await readUntil(() => badgeText(tab), (text) => text === "2", "the toolbar counts the two");

    // "Expiring soonest": the least time left first, then, chosen with the keyboard, the
    // longest wait first (Wait Days is past its 24 hours, with 4 days left for a human agent).
    // The select is labelled: its name says what it does.
    await readUntil(panel, (entries) => entries.length === 4, "four awaiting");
    assert.deepEqual((await panel()).map(([name]) => name), ["Wait Sixteen", "Wait Fifteen", "Wait Ten", "Wait Days"]);
    const order = page.getByRole("combobox", { name: "Sort by" });
    await order.focus();
    await page.keyboard.press("ArrowDown");
    const byWait = await readUntil(panel, (entries) => entries[0]?.[0] === "Wait Days", "the longest wait first");
    assert.deepEqual(byWait.map(([name]) => name), ["Wait Days", "Wait Sixteen", "Wait Fifteen", "Wait Ten"]);
    assert.equal(byWait[3][1], "waiting 9 min", "the list says the wait");

    // The minute passes; nothing on the page changes.
    const late = await waitsWhen((w) => w["Wait Ten"]?.level === "amber", "the marks reached", crossesAt - Date.now() + 30_000);
    shownAs(late["Wait Ten"], "waiting 10 min · reply soon", "amber");
    shownAs(late["Wait Fifteen"], "waiting 15 min · over 15 min", "red");
    shownAs(late["Wait Sixteen"], "waiting 16 min · over 15 min", "red");
    await readUntil(() => badgeText(tab), (text) => text === "3", "the toolbar counts three");
    await readUntil(panel, (entries) => entries[3]?.[1] === "waiting 10 min · reply soon", "the panel follows");
  });

  test("the agent's own marks colour the waits", async () => {
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { waitingAmberMinutes: 1, waitingRedMinutes: 12 } }));
    page = await openInbox(context, "/latest/inbox/all?waiting=1");
    const shown = await waitsWhen((w) => w["Wait Fifteen"]?.level === "red" && w["Wait Ten"]?.level === "amber", "red from 12", 20_000);
    assert.match(shown["Wait Fifteen"].text, /^waiting 1[3-5] min · over 12 min$/);
    assert.match(shown["Wait Ten"].text, /^waiting (8|9|10) min · reply soon$/);
  });

  /** The card's stale-draft line: its text, or null while hidden. */
  const staleLine = () =>
    page.evaluate(() => {
      const line = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".stale");
      return line && !line.hidden ? line.querySelector(".stale-text").textContent : null;
    });

  test("a customer writing again under a draft puts a line in the card until it is seen; the draft is untouched", async () => {
    page = await openInbox(context, "/latest/inbox/all");
    const composer = composerOf(page);
    await composer.click();
    const draft = "Hi Ana, your cake will be ready on Saturday.";
    await page.keyboard.type(draft, { delay: 2 });
    await page.waitForFunction(() => {
      const card = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".card");
      return card && !card.hidden;
    });
    const model = () => page.evaluate(() => window.replica.composerModelText());
    assert.equal(await model(), draft);
    assert.equal(await staleLine(), null);

    // Ana writes while the agent types: the line, with her first name only.
    await page.evaluate(() => window.replica.addCustomerMessage("Also, can you add candles?"));
    assert.equal(await readUntil(staleLine, (line) => line !== null, "the line"), "Ana wrote again just now");
    assert.equal(await model(), draft, "the draft is unchanged");

    // Dismissed with its button.
    const root = page.locator("reply-coach-root");
    await root.getByRole("button", { name: "Seen" }).click();
    await readUntil(staleLine, (line) => line === null, "dismissed");

    // Again; the focus leaves the composer and comes back: seen.
    await page.evaluate(() => window.replica.addCustomerMessage("And a card with her name?"));
    await readUntil(staleLine, (line) => line === "Ana wrote again just now", "the line again");
    await page.evaluate(() => document.activeElement.blur());
    assert.equal(await staleLine(), "Ana wrote again just now", "not yet seen");
    await composer.focus();
    await readUntil(staleLine, (line) => line === null, "seen on coming back");
    assert.equal(await model(), draft, "the draft is still unchanged");
  });
});
