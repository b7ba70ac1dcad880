// The 24-hour reply clock in the conversation list, end to end: the built extension
// (dist/chrome) in Chromium on the replica inbox (tests/replica, in RC_LAYOUT's layout),
// whose threads are timed from the moment the page loads. The tests read the rows'
// contract attributes (data-rc-window, data-rc-hours-since-customer, data-rc-customer) and
// badges on the rows the replica renders (rowStates), and compare them with the replica's
// own record of when each customer last wrote.
//
// No timing is asserted: each check waits for the state it expects. The state boundaries
// to the minute (19 h 59 min, 20 h, 23 h, 24 h, 7 days) are unit tests of src/clock, which
// takes `now` as a parameter; here the ages are far enough from them that the minutes a
// run takes cannot move a thread across one, except in ?boundaries=1, whose threads are a
// minute either side of each boundary (a run takes seconds), and ?crossing=1, whose
// threads cross boundaries at a whole minute soon after the page loads: that test waits
// for the real minute to pass (up to 75 seconds).

import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { bannerOf, composerOf, LAYOUT, launchWithExtension, openInbox, pageErrors, panelOf, readUntil, rowStates, serveReplica, waitForRows, WAIT_MS } from "./harness.mjs";

const ANA = "100052384037366";
const ELENA = "122107364918273";
const MIHAI = "100089273645128";
const JORDAN = "178234659012345";
const ARAM = "100071928374650";
const PRIYA = "100064758844409";
const LUCIA = "100097531864202";

/** The state each thread is in, by its customer's real last message; a public comment
 * (Elena's, Jordan's) may be answered publicly at any time, so it is open. Lucia replied
 * to an ad 30 h ago: Meta's policy (2026-09-28) gives a thread opened from a
 * Click-to-Messenger ad a window of up to 7 days, so it is open; but the Page's automatic
 * greeting came last, so until her conversation is read her time is unknown, on either
 * layout (UNKNOWN_UNTIL_OPEN). */
const STATES = {
  [ANA]: "open", // 2 h
  [ELENA]: "open", // 4 h, a Facebook comment
  [MIHAI]: "last-hour", // 23.5 h
  [JORDAN]: "open", // 26 h, an Instagram comment
  [LUCIA]: "open", // 30 h, from an ad
  [ARAM]: "human-agent", // 3 days
  [PRIYA]: "closed", // 9 days
};
/** Threads the Page wrote to last: the row gives no customer time until the conversation
 * is read (Ana's is open when the page loads). */
const UNKNOWN_UNTIL_OPEN = [MIHAI, LUCIA];

describe("the reply clock in the conversation list", () => {
  let context;
  let worker;
  let extensionId;
  let page;
  let popup;
  let consoleErrors;

  before(async () => {
    ({ context, worker, extensionId } = await launchWithExtension());
    await serveReplica(context);
  });

  afterEach(async () => {
    if (page) {
      assert.deepEqual(pageErrors(page), [], "the page threw");
      assert.deepEqual(consoleErrors, [], "errors in the console");
    }
    await page?.close();
    await popup?.close();
    page = undefined;
    popup = undefined;
  });

  after(async () => {
    await context?.close();
  });

  async function inbox(path = "/latest/inbox/all") {
    consoleErrors = [];
    const opened = await openInbox(context, path);
    opened.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    return opened;
  }

  /** Every rendered row as the extension marked it, in list order (rowStates). */
  const rows = () => rowStates(page);

  /** Waits until every rendered row is marked and `check(rows)` holds; returns the rows. */
  const rowsWhen = (check, what) => waitForRows(page, check, what);

  /** Hours since each thread's customer last wrote, now, by the replica's own record. */
  const realAges = () =>
    page.evaluate(() =>
      Object.fromEntries(window.replica.threads().map((t) => [t.id, (Date.now() - Date.parse(t.lastCustomerMessageAt)) / 3_600_000])),
    );

  /** The worst case of an exact stamp is the start of its minute: at most a minute (and the
   * time the check takes) older than the real age, never younger. */
  function assertHours(row, real) {
    assert.ok(row.hours >= real - 0.01 && row.hours <= real + 1 / 60 + 0.05, `${row.name}: ${row.hours} h, really ${real} h`);
  }

  test("every row carries its thread's window state, worst-case hours and customer", async () => {
    page = await inbox();
    // Ana's conversation opens first: her row shows the Page's reply of 5 minutes ago, and
    // the open conversation gives her own last message, 2 hours ago.
    let marked = await rowsWhen((r) => r.find((row) => row.thread === ANA)?.window === "open", "Ana open");
    const threads = await page.evaluate(() => window.replica.threads());
    let ages = await realAges();
    assert.equal(marked.length, 7);
    for (const row of marked) {
      const thread = threads.find((t) => t.id === row.thread);
      assert.equal(row.customer, thread.customer);
      assert.equal(row.badges, 1, `${row.name}: one badge`);
      assert.ok(row.badgeIsLastChild, `${row.name}: the badge is the row's last child`);
      assert.equal(row.badgeState, row.window);
      if (UNKNOWN_UNTIL_OPEN.includes(row.thread)) {
        // The Page wrote last and the conversation was never open: the customer's time is unknown.
        assert.equal(row.window, "unknown");
        assert.equal(row.hours, undefined);
        assert.equal(row.badge, "Time unknown");
        continue;
      }
      assert.equal(row.window, STATES[row.thread], row.name);
      assertHours(row, ages[row.thread]);
    }
    const badge = (id) => marked.find((row) => row.thread === id).badge;
    assert.match(badge(ANA), /^2[01] h \d+ min left$/);
    assert.equal(badge(ELENA), "Public comment · no time limit");
    assert.equal(badge(JORDAN), "Public comment · no time limit");
    assert.match(badge(ARAM), /^Human agent only · [34] days left$/);
    assert.equal(badge(PRIYA), "Closed");

    // Opening Mihai's conversation gives his exact stamp: 23.5 h, the last hour. Ana's
    // row keeps what her conversation told, by her thread's key.
    await page.evaluate((id) => window.replica.openThread(id), MIHAI);
    marked = await rowsWhen((r) => r.find((row) => row.thread === MIHAI)?.window === "last-hour", "Mihai in his last hour");
    ages = await realAges();
    for (const row of marked) {
      if (row.thread === LUCIA) {
        assert.equal(row.window, "unknown", "Lucia's conversation is still unread");
        continue;
      }
      assert.equal(row.window, STATES[row.thread], row.name);
      assertHours(row, ages[row.thread]);
    }
    assert.match(marked.find((row) => row.thread === MIHAI).badge, /^(29|30) min left$/);
  });

  test("a new customer message moves a thread from its last hour to open", async () => {
    page = await inbox(`/latest/inbox/all?selected_item_id=${MIHAI}`);
    await rowsWhen((r) => r.find((row) => row.thread === MIHAI)?.window === "last-hour", "Mihai in his last hour");
    await page.evaluate(() => window.replica.addCustomerMessage("Here is the photo of the box."));
    const marked = await rowsWhen((r) => r.find((row) => row.thread === MIHAI)?.window === "open", "Mihai open again");
    const mihai = marked.find((row) => row.thread === MIHAI);
    assert.ok(mihai.hours < 0.05, `${mihai.hours} h`);
    assert.match(mihai.badge, /^2[34] h( \d+ min)? left$/);
    assert.equal(marked[0].thread, MIHAI, "his row moved to the top");
  });

  for (const how of ["children", "elements", "clone"]) {
    test(`re-rendered rows (${how}) get their marks back, with one badge each`, async () => {
      page = await inbox();
      const first = await rowsWhen((r) => r.every((row) => row.window !== "unknown" || UNKNOWN_UNTIL_OPEN.includes(row.thread)), "marked");
      for (let i = 0; i < 3; i++) {
        await page.evaluate((how) => window.replica.rerenderRows(how), how);
        const again = await rowsWhen(
          (r) => r.every((row) => row.badges === 1) && r.every((row) => first.some((f) => f.thread === row.thread && f.window === row.window)),
          `after re-render ${i + 1}`,
        );
        for (const row of again) {
          assert.equal(row.badges, 1, `${row.name}: one badge`);
          assert.ok(row.badgeIsLastChild);
          assert.equal(row.customer, row.name);
        }
      }
    });
  }

  test("recycled rows follow the thread they now show, not the element", async () => {
    page = await inbox();
    await rowsWhen((r) => r.find((row) => row.thread === ANA)?.window === "open", "Ana open");
    const threadOf = () => page.evaluate(() => window.rowsBefore.map((row) => row.isConnected && window.replica.rowThread(row)));
    await page.evaluate(() => {
      window.rowsBefore = window.replica.rows();
    });
    const before = await threadOf();
    await page.evaluate(() => window.replica.recycleRows());
    const after = await threadOf();
    // The same elements, each now showing another thread.
    assert.ok(after.every((thread, i) => thread && thread !== before[i]), `${before} → ${after}`);
    const recycled = await rowsWhen(
      (r) => r.every((row) => row.customer === row.name && (row.window === STATES[row.thread] || UNKNOWN_UNTIL_OPEN.includes(row.thread))),
      "marks follow the threads",
    );
    const ages = await realAges();
    for (const row of recycled) {
      assert.equal(row.badges, 1);
      assert.equal(row.badgeState, row.window);
      if (!UNKNOWN_UNTIL_OPEN.includes(row.thread)) assertHours(row, ages[row.thread]);
    }
    // Ana's row is now an element that showed another thread; it keeps what her open
    // conversation told (2 h), not what its previous thread or her row's own time says.
    assert.equal(recycled.find((row) => row.thread === ANA).window, "open");
  });

  /** The start of the day of `iso`, in hours before now: the worst case of a label that
   * names only the day ("Yesterday", "Sunday"). */
  const hoursSinceDayOf = (iso) => {
    const date = new Date(iso);
    return (Date.now() - new Date(date.getFullYear(), date.getMonth(), date.getDate())) / 3_600_000;
  };

  test("rows with only a relative label are judged by its worst case, and say about", { skip: LAYOUT !== "messenger" && "the messenger layout's relative labels (the business one's coarse labels are tested next)" }, async () => {
    page = await inbox(`/latest/inbox/all?listStamps=relative&selected_item_id=${PRIYA}`);
    const marked = await rowsWhen((r) => r.find((row) => row.thread === ARAM)?.window === "human-agent", "Aram");
    const ages = await realAges();
    const row = (id) => marked.find((r) => r.thread === id);
    // "4h" (Elena's comment): at least 4 and under 5 hours ago; the worst case is 5 h.
    assert.ok(row(ELENA).hours >= ages[ELENA] && row(ELENA).hours <= 5.01, `${row(ELENA).hours}`);
    // "1d" (Jordan's comment, 26 h): up to 2 days ago.
    assert.ok(row(JORDAN).hours >= ages[JORDAN] && row(JORDAN).hours <= 48.01, `${row(JORDAN).hours}`);
    // "3d" (Aram, 3 days): up to 4 days ago, 3 of the human agent's 7 days left at worst.
    assert.match(row(ARAM).badge, /^Human agent only · about [23] days left$/);
    // "1w" (Priya, 9 days, her conversation open with its exact stamp): closed either way.
    assert.equal(row(PRIYA).window, "closed");
  });

  test("rows with only a coarse time (no data-utime) are judged by its worst case, and say about", { skip: LAYOUT !== "business" && "the business layout's coarse labels (?listStamps=coarse)" }, async () => {
    page = await inbox(`/latest/inbox/all?listStamps=coarse&selected_item_id=${PRIYA}`);
    const marked = await rowsWhen((r) => r.find((row) => row.thread === ARAM)?.window === "human-agent", "Aram");
    const ages = await realAges();
    const threads = await page.evaluate(() => window.replica.threads());
    const at = (id) => threads.find((t) => t.id === id).lastCustomerMessageAt;
    const row = (id) => marked.find((r) => r.thread === id);
    // Elena's comment, 4 h ago: a clock time today ("11:35 AM"), or "Yesterday" just
    // after midnight; the worst case is the start of that minute, or of yesterday.
    const elenaWorst = new Date(at(ELENA)).getDate() === new Date().getDate() ? ages[ELENA] + 1 / 60 : hoursSinceDayOf(at(ELENA));
    assert.ok(row(ELENA).hours >= ages[ELENA] - 0.01 && row(ELENA).hours <= elenaWorst + 0.01, `${row(ELENA).hours}`);
    // Jordan's comment, 26 h ago ("Yesterday" or a weekday): from the start of that day.
    assert.ok(row(JORDAN).hours >= ages[JORDAN] - 0.01 && row(JORDAN).hours <= hoursSinceDayOf(at(JORDAN)) + 0.01, `${row(JORDAN).hours}`);
    // Aram, 3 days ago (a weekday): from the start of that day, 3 of 7 days left at worst.
    assert.ok(row(ARAM).hours >= ages[ARAM] - 0.01 && row(ARAM).hours <= hoursSinceDayOf(at(ARAM)) + 0.01, `${row(ARAM).hours}`);
    assert.match(row(ARAM).badge, /^Human agent only · about [23] days left$/);
    // Priya, 9 days ago (a date; her conversation open): closed either way.
    assert.equal(row(PRIYA).window, "closed");
  });

  /** The id of the tab showing `page`, as the extension knows it. */
  async function tabOf(shown) {
    const url = shown.url();
    return worker.evaluate(async (url) => (await chrome.tabs.query({ url })).map((tab) => tab.id), url).then((ids) => {
      assert.equal(ids.length, 1, `one tab at ${url}`);
      return ids[0];
    });
  }

  /** Waits until the service worker holds `check(status)` for the tab; returns the status. */
  const statusWhen = (tabId, check, what) =>
    readUntil(
      () => worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `inbox:${tabId}`),
      (status) => status && check(status),
      what,
    );

  const badgeText = (tabId) => worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);

  /** The popup as the agent sees it for the tab. */
  async function popupFor(tabId) {
    popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.body.dataset.state);
    return popup.evaluate(() => ({
      state: document.body.dataset.state,
      status: document.getElementById("status").textContent,
      lastHour: document.getElementById("lastHour").hidden ? null : document.getElementById("lastHour").textContent,
    }));
  }

  test("the toolbar icon counts the threads in their last hour, and the popup says so", async () => {
    page = await inbox(`/latest/inbox/all?selected_item_id=${MIHAI}`);
    await rowsWhen((r) => r.find((row) => row.thread === MIHAI)?.window === "last-hour", "Mihai in his last hour");
    const tab = await tabOf(page);
    await statusWhen(tab, (s) => s.rows === 7 && s.lastHour === 1, "seven rows, one in its last hour");
    assert.equal(await badgeText(tab), "1");
    assert.deepEqual(await popupFor(tab), {
      state: "clock",
      status: "Reply clock on 7 conversations.",
      lastHour: "1 in their last hour to reply.",
    });
    await popup.close();
    popup = undefined;

    // Mihai writes again: nothing is in its last hour, and the icon shows no number.
    await page.evaluate(() => window.replica.addCustomerMessage("Here is the photo."));
    await statusWhen(tab, (s) => s.lastHour === 0, "none in the last hour");
    assert.equal(await badgeText(tab), "");
    assert.equal((await popupFor(tab)).lastHour, "None in its last hour to reply.");
  });

  test("rows whose links no longer name their thread are read by what they show", { skip: LAYOUT !== "messenger" && "?listLinks=changed renames the thread in the messenger layout's row links; a business row has no link to rename" }, async () => {
    // Business Suite's rows never name their thread: a row is known by its customer's
    // name, channel and picture, as here once the links name the thread otherwise.
    page = await inbox("/latest/inbox/all?listLinks=changed");
    const threads = await page.evaluate(() => window.replica.threads());
    const tab = await tabOf(page);
    await statusWhen(tab, (s) => s.rows === threads.length, "every row recognised");
    const marked = await rowsWhen((r) => r.every((row) => row.customer === row.name), "each row marked by its thread");
    const ages = await realAges();
    for (const row of marked) {
      const thread = threads.find((t) => t.customer === row.name);
      if (thread.surface === "comment" || thread.lastFrom === "page") continue;
      assertHours(row, ages[thread.id]);
    }
  });

  test("the popup of a tab that is not an inbox says where the clock works", async () => {
    popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForFunction(() => document.body.dataset.state);
    assert.equal(await popup.evaluate(() => document.body.dataset.state), "not-inbox");
    assert.match(await popup.locator("#status").textContent(), /^Open the inbox in Meta Business Suite/);
  });

  /** What the "Expiring soonest" panel lists, in its order. */
  const panel = () => panelOf(page);

  const panelWhen = (check, what) => readUntil(panel, check, what);

  test("the panel lists the threads awaiting a reply, least time left first, and opens one", async () => {
    page = await inbox();
    // Customers who wrote last: Aram (3 days: 4 left); Elena's and Jordan's comments can be
    // answered at any time (nothing expires), Priya's window is closed, Ana and Mihai were
    // answered.
    let shown = await panelWhen((p) => p.length === 1, "one awaiting a reply");
    // Each entry names its customer (on the business layout, a row names no thread: its
    // entry is known by what its row shows until its conversation has been open).
    assert.deepEqual(
      shown.map((entry) => [entry.name, entry.window]),
      [["Aram Petrosyan", "human-agent"]],
    );
    assert.match(shown[0].left, /^Human agent only · [34] days left$/);

    // Mihai writes again: 24 h left, before Aram's 4 days.
    await page.evaluate((id) => window.replica.openThread(id), MIHAI);
    await page.evaluate(() => window.replica.addCustomerMessage("Any news?"));
    shown = await panelWhen((p) => p.length === 2, "Mihai awaiting a reply");
    assert.deepEqual(
      shown.map((entry) => [entry.name, entry.window]),
      [
        ["Mihai Ionescu", "open"],
        ["Aram Petrosyan", "human-agent"],
      ],
    );
    assert.match(shown[0].left, /^2[34] h( \d+ min)? left$/);

    // A click opens the conversation, as its row does.
    await page.locator("reply-coach-panel button", { hasText: "Aram Petrosyan" }).click();
    await page.waitForFunction((id) => window.replica.openThreadId() === id, ARAM);
    assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), ARAM);
  });

  test("a list of 500 conversations: every row marked by its thread, once, also after recycling", async () => {
    page = await inbox("/latest/inbox/all?rows=500");
    const threads = await page.evaluate(() => window.replica.threads());
    assert.equal(threads.length, 500);
    const stateAt = (hours) =>
      hours >= 168 ? "closed" : hours >= 24 ? "human-agent" : hours >= 23 ? "last-hour" : hours >= 20 ? "closing" : "open";
    // What each row must say: by the customer's real age when they wrote last; unknown when
    // the Page did and the conversation was never open (Ana's is, so hers is known).
    const expected = (ages) =>
      Object.fromEntries(
        threads.map((t) => [
          t.id,
          t.surface === "comment" ? "open" : t.lastFrom === "page" && t.id !== ANA ? "unknown" : stateAt(ages[t.id]),
        ]),
      );
    // The messenger layout renders every row; the business one about 13 at a time, so
    // there the list is scrolled through, ten rows a step, and the rows in view checked.
    const steps = LAYOUT === "business" ? Array.from({ length: 50 }, (_, i) => i * 10) : [0];
    const check = async (what) => {
      const seen = [];
      for (const step of steps) {
        if (steps.length > 1) await page.evaluate((step) => window.replica.scrollListTo(step), step);
        const ages = await realAges();
        const want = expected(ages);
        const marked = await rowsWhen(
          (r) =>
            (LAYOUT === "business" || r.length === 500) &&
            r.every((row) => row.window === want[row.thread] && row.customer === row.name),
          `${what} (from row ${step})`,
        );
        for (const row of marked) {
          assert.equal(row.badges, 1, `${row.name}: one badge`);
          assert.equal(row.customer, row.name);
          if (want[row.thread] !== "unknown") assertHours(row, ages[row.thread]);
        }
        seen.push(...marked);
      }
      if (steps.length > 1) await page.evaluate(() => window.replica.scrollListTo(0));
      assert.equal(new Set(seen.map((row) => row.thread)).size, 500, "every thread's row was seen");
      return seen;
    };
    await check("500 rows marked");
    // The panel lists the ten awaiting a reply with the least time left (to the end of the
    // 24 hours, or of the 7 days for a human agent), least first; with the business layout
    // also those scrolled out of view. An entry names its customer (the generated ones'
    // names are unique).
    const shown = await panelWhen((p) => p.length === 10, "ten in the panel");
    const ages = await realAges();
    const left = (id) => (ages[id] < 24 ? 24 : 168) - ages[id];
    const awaiting = threads
      .filter((t) => t.lastFrom === "customer" && t.surface !== "comment" && ages[t.id] < 168)
      .map((t) => left(t.id));
    const tenth = awaiting.sort((a, b) => a - b)[9];
    const lefts = shown.map((entry) => left(threads.find((t) => t.customer === entry.name).id));
    const minute = 1 / 60;
    for (const [i, hours] of lefts.entries()) {
      assert.ok(hours <= tenth + 2 * minute, `${shown[i].name}: ${hours} h left, the tenth least is ${tenth}`);
      if (i > 0) assert.ok(hours >= lefts[i - 1] - 2 * minute, `sorted: ${lefts}`);
    }

    await page.evaluate(() => window.replica.recycleRows());
    await check("after recycling");
  });

  const banner = () => bannerOf(page);

  const bannerWhen = (check, what) => readUntil(banner, check, what);

  test("the banner above the composer shows the open conversation's window, as the linter sees it", async () => {
    page = await inbox();
    let shown = await bannerWhen((b) => b?.window === "open", "Ana open");
    assert.match(shown.text, /^Reply window: 2[01] h \d+ min left$/);
    // The banner sits just above the composer.
    const [bannerBox, composerBox] = await Promise.all([page.locator("reply-coach-banner p").boundingBox(), composerOf(page).boundingBox()]);
    assert.ok(bannerBox.y + bannerBox.height <= composerBox.y + 1 && bannerBox.y >= composerBox.y - 40, JSON.stringify([bannerBox, composerBox]));

    // Aram wrote 3 days ago: a human agent may answer, without promotion; the linter agrees.
    await page.evaluate((id) => window.replica.openThread(id), ARAM);
    shown = await bannerWhen((b) => b?.window === "human-agent", "Aram human agent");
    assert.match(shown.text, /^Reply window: Human agent only · [34] days left$/);
    await page.keyboard.type("Hi Aram, see our offers at https://example.com/sale", { delay: 2 });
    await page.waitForFunction(() => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector('[data-rule="promo-outside-window"]'));

    // Priya wrote 9 days ago: closed, and the linter says nothing can be sent.
    await page.evaluate((id) => window.replica.openThread(id), PRIYA);
    shown = await bannerWhen((b) => b?.window === "closed", "Priya closed");
    assert.equal(shown.text, "Reply window: Closed");
    await page.keyboard.type("Hi Priya, yes we are.", { delay: 2 });
    await page.waitForFunction(() => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector('[data-rule="window-closed"]'));

    // A public comment has no messaging window: no banner.
    await page.evaluate((id) => window.replica.openThread(id), JORDAN);
    await bannerWhen((b) => b === null, "no banner on a comment");
  });

  test("as real time passes, rows, the toolbar count, the banner and the draft's findings change state at the minute", async () => {
    // ?crossing=1: three customers reach a boundary at the same whole minute, 15 to 75
    // seconds after the page loads. The extension's clock is the real one, so this waits.
    const CROSS_HUMAN = "310000000000001";
    page = await inbox(`/latest/inbox/all?crossing=1&selected_item_id=${CROSS_HUMAN}`);
    const tab = await tabOf(page);
    const crossesAt = Date.parse((await page.evaluate(() => window.replica.threads()))[0].crossesAt);
    const states = (rows) => Object.fromEntries(rows.map((row) => [row.customer, row.window]));
    const before = await rowsWhen((r) => r.length === 3, "three rows");
    assert.ok(Date.now() < crossesAt, "read before the minute");
    assert.deepEqual(states(before), { "Cross Closing": "open", "Cross Human": "last-hour", "Cross Closed": "human-agent" });
    await statusWhen(tab, (s) => s.rows === 3 && s.lastHour === 1, "one in its last hour");
    assert.equal((await banner()).window, "last-hour");
    // A promotion is still allowed in the 24 hours. (The last name is there so that the
    // card shows a finding once the whole draft is linted.)
    await page.evaluate((id) => window.replica.openThread(id), CROSS_HUMAN);
    await page.keyboard.type("Hi Cross Human, your order is ready. Use code SALE20 for 20% off next time! Maria", { delay: 2 });
    const shown = (rule) => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(`[data-rule="${rule}"]`);
    await page.waitForFunction(shown, "name-last");
    assert.equal(await page.evaluate(shown, "promo-outside-window"), null, "no promotion finding inside the 24 hours");

    // The minute passes; nothing on the page changes, nobody types.
    // The wait is for the rows' change; it may last until the minute the stamps cross.
    const timeout = Math.max(0, crossesAt - Date.now()) + WAIT_MS;
    const after = await waitForRows(page, (r) => r.some((row) => row.window === "closed"), "a row closed", { timeout });
    assert.deepEqual(states(after), { "Cross Closing": "closing", "Cross Human": "human-agent", "Cross Closed": "closed" });
    // Six days of the seven are left, less the seconds since the minute: "5 days".
    assert.match(after.find((row) => row.customer === "Cross Human").badge, /^Human agent only · 5 days left$/);
    await statusWhen(tab, (s) => s.lastHour === 0, "none in the last hour");
    await bannerWhen((b) => b?.window === "human-agent", "the banner moved on");
    // Nobody typed: the draft's findings followed the window.
    await page.waitForFunction(shown, "promo-outside-window", { timeout: WAIT_MS });
  });

  /** The six threads on the replica in `lang`: every state as in English, the badges in
   * that language (`expected`: Ana's, Aram's, Priya's, Mihai's and Elena's comment's
   * badge, and Aram's from a relative label). */
  /** Meta's inbox in `lang`, and Reply Coach's texts in it too (the agent's "Language of
   * Reply Coach"; the badges speak it, not the page's language). */
  async function localisedInbox(lang, expected) {
    await worker.evaluate((uiLanguage) => chrome.storage.sync.set({ settings: { uiLanguage } }), lang);
    try {
      await localisedRows(lang, expected);
    } finally {
      await worker.evaluate(() => chrome.storage.sync.clear());
    }
  }

  async function localisedRows(lang, expected) {
    page = await inbox(`/latest/inbox/all?lang=${lang}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    // Ana's row shows the Page's reply behind the language's "You:" prefix: read as the
    // Page's, her own time comes from her conversation's stamp, 2 hours ago.
    const marked = await rowsWhen((r) => r.find((row) => row.thread === ANA)?.window === "open", "Ana open");
    const ages = await realAges();
    for (const row of marked) {
      assert.equal(row.badges, 1);
      if (UNKNOWN_UNTIL_OPEN.includes(row.thread)) {
        assert.equal(row.window, "unknown");
        assert.equal(row.badge, expected.unknown);
        continue;
      }
      assert.equal(row.window, STATES[row.thread], row.name);
      assertHours(row, ages[row.thread]);
    }
    const badge = (id) => marked.find((row) => row.thread === id).badge;
    assert.match(badge(ANA), expected.ana);
    assert.match(badge(ARAM), expected.aram);
    assert.equal(badge(PRIYA), expected.closed);
    assert.equal(badge(ELENA), expected.comment);
    // Only relative (messenger) or coarse (business) labels in the list: the worst case,
    // and "about" in that language.
    const inexact = LAYOUT === "business" ? "coarse" : "relative";
    await page.goto(page.url().replace(`lang=${lang}`, `lang=${lang}&listStamps=${inexact}`));
    await page.waitForFunction(() => window.replica?.ready);
    const relative = await rowsWhen((r) => r.find((row) => row.thread === ARAM)?.window === "human-agent", "Aram");
    const aram = relative.find((row) => row.thread === ARAM);
    assert.ok(aram.hours > 72 && aram.hours <= 96.01, `${aram.hours}`);
    assert.match(aram.badge, expected.aramAbout);
  }

  test("a Romanian inbox: Romanian stamps, labels and \"Dvs.:\" snippets read, Romanian badges", async () => {
    await localisedInbox("ro", {
      ana: /^Timp rămas: 2[01] h \d+ min$/,
      aram: /^Doar agent uman · mai sunt [34] zile$/,
      closed: "Închisă",
      unknown: "Oră necunoscută",
      comment: "Comentariu public · fără limită de timp",
      aramAbout: /^Doar agent uman · mai sunt circa [23] zile$/,
    });
  });

  test("an Armenian inbox: Armenian stamps, labels and \"Դուք՝\" snippets read, Armenian badges", async () => {
    await localisedInbox("hy", {
      ana: /^Մնաց 2[01] ժ \d+ ր$/,
      aram: /^Միայն կենդանի օպերատոր · մնաց [34] օր$/,
      closed: "Փակ է",
      unknown: "Ժամն անհայտ է",
      comment: "Հրապարակային մեկնաբանություն · առանց ժամկետի",
      aramAbout: /^Միայն կենդանի օպերատոր · մնաց մոտ [23] օր$/,
    });
  });

  test("a Hindi inbox: Hindi stamps, labels and \"आप:\" snippets read, Hindi badges", async () => {
    await localisedInbox("hi", {
      ana: /^2[01] घंटे \d+ मिनट बाकी$/,
      aram: /^केवल मानव एजेंट · [34] दिन बाकी$/,
      closed: "बंद",
      unknown: "समय अज्ञात",
      comment: "सार्वजनिक टिप्पणी · कोई समय सीमा नहीं",
      aramAbout: /^केवल मानव एजेंट · लगभग [23] दिन बाकी$/,
    });
  });
  /** ?boundaries=1: each customer wrote a minute either side of a state boundary. */
  const BOUNDARY_STATES = {
    "Open Minute": "open", // 19 h 59 min
    "Closing Minute": "closing", // 20 h 1 min
    "Lasthour Minute": "last-hour", // 23 h 1 min
    "Human Minute": "human-agent", // 24 h 1 min
    "Human Days": "human-agent", // 6 days 23 h
    "Closed Minute": "closed", // 7 days 1 min
  };

  test("a minute either side of each state boundary, each row gets its state", async () => {
    page = await inbox("/latest/inbox/all?boundaries=1");
    const marked = await rowsWhen((r) => r.length === 6, "six rows");
    const ages = await realAges();
    const threads = await page.evaluate(() => window.replica.threads());
    assert.deepEqual(
      Object.fromEntries(marked.map((row) => [row.customer, row.window])),
      BOUNDARY_STATES,
      JSON.stringify(marked, null, 1),
    );
    for (const row of marked) {
      assertHours(row, ages[threads.find((t) => t.customer === row.customer).id]);
      assert.equal(row.badgeState, row.window);
    }
    const badge = (name) => marked.find((row) => row.customer === name).badge;
    assert.match(badge("Open Minute"), /^4 h [0-2] min left$/);
    assert.match(badge("Lasthour Minute"), /^5[89] min left$/);
    // An hour left of the seven days: counted in minutes, as the last hour of the 24.
    assert.match(badge("Human Days"), /^Human agent only · 5[89] min left$/);
  });
  test("a thread from a Click-to-Messenger ad keeps its window 7 days: its row, badge, banner and the draft's rules, once its conversation dates the reply", async () => {
    // Lucia replied to an ad 30 hours ago (Meta's policy of 2026-09-28: the thread's
    // standard window may last up to 7 days); the Page's automated greeting is her row's
    // last message, so her row waits for her conversation, which dates the reply.
    page = await inbox(`/latest/inbox/all?selected_item_id=${LUCIA}`);
    const marked = await rowsWhen((r) => r.find((row) => row.thread === LUCIA)?.window === "open", "Lucia open, from her ad");
    const lucia = marked.find((row) => row.thread === LUCIA);
    assertHours(lucia, (await realAges())[LUCIA]);
    assert.match(lucia.badge, /^Ad reply · 5 days 1[78] h left$/);
    await bannerWhen((b) => b?.window === "open" && /Ad reply · 5 days/.test(b.text), "the banner: an ad's window, open");
    // A promotion is allowed in the ad's window, 30 hours after the customer wrote. (The
    // last name is there so that the card shows a finding once the draft is linted.)
    await composerOf(page).click();
    await page.keyboard.type("Hi Lucia Marin, our Easter cakes are at https://lumenbakery.example/easter now! Maria", { delay: 2 });
    const shown = (rule) => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(`[data-rule="${rule}"]`);
    await page.waitForFunction(shown, "name-last");
    assert.equal(await page.evaluate(shown, "promo-outside-window"), null, "no promotion finding inside the ad's window");
  });

  test("the thresholds of the settings page move rows between states, and back", async () => {
    page = await inbox();
    await rowsWhen((r) => r.find((row) => row.thread === ANA)?.window === "open", "Ana open");
    const setThresholds = (settings) => worker.evaluate((settings) => chrome.storage.sync.set({ settings }), settings);
    const ana = (rows) => rows.find((row) => row.thread === ANA);
    try {
      // Red from 1.5 h: Ana (2 h) is in her "last hour", still with Meta's 24 hours left.
      await setThresholds({ closingHours: 1, lastHourHours: 1.5 });
      let marked = await rowsWhen((r) => ana(r)?.window === "last-hour", "Ana red from 1.5 h");
      assert.equal(ana(marked).badgeState, "last-hour");
      assert.match(ana(marked).badge, /^2[01] h \d+ min left$/);
      // A public comment (Elena's, 4 h) has no window to turn red; the others keep theirs.
      const state = (id) => marked.find((row) => row.thread === id).window;
      assert.deepEqual([state(ELENA), state(ARAM), state(PRIYA)], ["open", "human-agent", "closed"]);
      // Amber from 1 h, red from 3 h: Ana is closing.
      await setThresholds({ closingHours: 1, lastHourHours: 3 });
      marked = await rowsWhen((r) => ana(r)?.window === "closing", "Ana amber from 1 h");
      assert.equal(ana(marked).badgeState, "closing");
      // Out of order (amber after red): both thresholds take their defaults.
      await setThresholds({ closingHours: 5, lastHourHours: 3 });
      await rowsWhen((r) => ana(r)?.window === "open", "Ana open again");
    } finally {
      await worker.evaluate(() => chrome.storage.sync.clear());
    }
  });
});
