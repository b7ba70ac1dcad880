// When Meta changes the page (issue 15), end to end: the built extension (dist/chrome) in
// Chromium on the replica inbox in each of its layouts, named in every address (this file
// runs once, whatever RC_LAYOUT is). On the business and messenger layouts the health view
// shows every part recognised; on ?layout=changed (the business page with the hooks the
// built-in profile reads renamed) it names the parts that fail, the layout report holds
// the page's structure and none of its text, and the teach flow, driven by clicks as an
// agent would, makes the clock, the lint context and the composer work. The taught profile
// is stored, survives a reload, exports, imports into a fresh browser profile, and a
// damaged or newer file is refused with the working profile kept.
//
// The tests share one browser and run in order: the teach test saves the profile the later
// ones reload, export and reset (each says so when it is missing). No timing is asserted:
// each check waits for the state it expects.
//
//   node --test tests/e2e/profile.test.mjs

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, describe, test } from "node:test";
import {
  composerOf,
  consoleOf,
  en,
  findingsWhen,
  headerNameOf,
  inboxStatusWhen,
  launchOnReplica,
  message,
  openInbox,
  pageErrors,
  readUntil,
  rowOf,
  rowStates,
  tabIdOf,
  waitForRows,
} from "./harness.mjs";

const ANA = "100052384037366";
const ELENA = "122107364918273";
const ARAM = "100071928374650";
/** The parts the health view lists, in its order (src/page_profile/health.rs, Part::ALL). */
const PARTS = ["list", "times", "channel", "conversation", "composer"];
/** The changed layout with Ana's conversation open, as the agent finds it. */
const CHANGED = `/latest/inbox/all?layout=changed&selected_item_id=${ANA}`;
const KEY = "profileOverride";

/** Each part's status in a health report: {list: "ok", …}. */
const statusesOf = (health) => Object.fromEntries((health?.parts ?? []).map((part) => [part.part, part.status]));

/** A file on disk, named `name`, for setInputFiles. */
function fileOnDisk(name, content) {
  const path = join(mkdtempSync(join(tmpdir(), "rc-profile-")), name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

/**
 * The window state each of the replica's threads must show, by its own record: a public
 * comment is open; a thread the Page wrote to last is unknown until its conversation is
 * read (the open one is); one from an ad is open for 7 days; else by the customer's age.
 * The replica's ages are far from every boundary but Mihai's (23.5 h, half an hour from
 * his next one), more than a run takes.
 */
const expectedWindows = (page) =>
  page.evaluate(() => {
    const open = window.replica.openThreadId();
    const stateAt = (hours) =>
      hours >= 168 ? "closed" : hours >= 24 ? "human-agent" : hours >= 23 ? "last-hour" : hours >= 20 ? "closing" : "open";
    return Object.fromEntries(
      window.replica.threads().map((thread) => {
        const hours = (Date.now() - Date.parse(thread.lastCustomerMessageAt)) / 3_600_000;
        if (thread.surface === "comment") return [thread.id, "open"];
        if (thread.lastFrom === "page" && thread.id !== open) return [thread.id, "unknown"];
        if (thread.fromAd && hours < 168) return [thread.id, "open"];
        return [thread.id, stateAt(hours)];
      }),
    );
  });

/** Waits until every rendered row of `page` carries its thread's window state (one badge
 * each, for the thread it shows); returns the rows. */
async function rowsRightly(page, what) {
  const want = await expectedWindows(page);
  const count = Object.keys(want).length;
  const rows = await waitForRows(
    page,
    (r) => r.length === count && r.every((row) => row.window === want[row.thread] && row.customer === row.name),
    `${what}: ${JSON.stringify(want)}`,
  );
  for (const row of rows) {
    assert.equal(row.badges, 1, `${row.name}: one badge`);
    assert.equal(row.badgeState, row.window, row.name);
  }
  return rows;
}

/** Waits until no row of `page` carries a mark or a badge (the profile in use finds none). */
const rowsUnmarked = (page, what) =>
  readUntil(
    () => rowStates(page),
    (rows) => rows.length > 0 && rows.every((row) => row.window === undefined && row.badges === 0),
    what,
  );

/** The customer's last message in the open conversation of the changed layout (a Locator). */
async function customerMessageOf(page) {
  const text = await page.evaluate(() => window.replica.messages().findLast((m) => m.from === "customer").text);
  return page.locator('[data-pagelet="BizInboxConversationTranscript"]').getByText(text, { exact: true });
}

/** Types a draft naming Ana in full into the open (Ana's) composer and waits for the
 * card's name-last finding: the lint reads the customer's name and the composer. */
async function lintAnasDraft(page) {
  await composerOf(page).click();
  await page.keyboard.type("Hello Ana Popescu, your cake is ready for Saturday.", { delay: 3 });
  return findingsWhen(page, { has: ["name-last"] });
}

describe("when Meta changes the page: health, layout report, teaching, profile files", () => {
  let context;
  let worker;
  let extensionId;
  let optionsUrl;
  /** Pages a test opened, closed after it (the inbox ones checked for errors first). */
  let pages = [];
  let inboxes = [];
  /** Other browsers a test launched, closed after its pages. */
  let browsers = [];
  /** The profile file the teach test saved, for the tests after it. */
  let taught;

  before(async () => {
    ({ context, worker, extensionId, optionsUrl } = await launchOnReplica());
  });

  afterEach(async () => {
    for (const page of inboxes) {
      if (page.isClosed()) continue;
      assert.deepEqual(pageErrors(page), [], "the page threw");
      assert.deepEqual(consoleOf(page).errors, [], "errors in the page's console");
    }
    for (const page of [...pages, ...inboxes]) await page.close();
    for (const browser of browsers) await browser.close();
    pages = [];
    inboxes = [];
    browsers = [];
  });

  after(async () => {
    await context?.close();
  });

  async function inbox(path, where = context) {
    const page = await openInbox(where, path, { console: true });
    inboxes.push(page);
    return page;
  }

  const storedOverride = () => worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key] ?? null, KEY);
  const badgeText = (tabId) => worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);

  /** The toolbar popup for tab `tabId`, opened as a page, once it has shown its state. */
  async function popupFor(tabId) {
    const popup = await context.newPage();
    pages.push(popup);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.body.dataset.state);
    return popup;
  }

  /** The health view as the popup shows it: one entry per part, in its order. */
  const healthShown = (popup) =>
    popup.$$eval("#healthParts li", (items) =>
      items.map((li) => ({
        part: li.dataset.part,
        status: li.dataset.status,
        mark: li.querySelector(".mark")?.textContent,
        detail: li.querySelector(".detail")?.textContent ?? null,
        looked: li.querySelector(".looked")?.textContent ?? null,
        stopped: li.querySelector(".stopped")?.textContent ?? null,
      })),
    );

  /** The settings page, once its profile section says which profile is in use. */
  async function settingsPage(where = context, url = optionsUrl) {
    const page = await where.newPage();
    pages.push(page);
    await page.goto(url);
    await page.locator("#profileInUse[data-profile]").waitFor({ state: "attached" });
    return page;
  }

  const profileInUse = (settings) => settings.locator("#profileInUse").getAttribute("data-profile");

  /** Waits until the settings page names profile `kind` in use. */
  const inUseIs = (settings, kind) => settings.locator(`#profileInUse[data-profile="${kind}"]`).waitFor({ state: "attached" });

  for (const layout of ["business", "messenger"]) {
    test(`on the ${layout} layout with a conversation open, every part is recognised: stored, in the popup, no "?"`, async () => {
      const page = await inbox(`/latest/inbox/all?layout=${layout}&selected_item_id=${ANA}`);
      const tab = await tabIdOf(worker, page);
      const status = await inboxStatusWhen(
        worker,
        tab,
        (s) => PARTS.every((part) => statusesOf(s.health)[part] === "ok"),
        "every part ok",
      );
      assert.deepEqual(status.health.parts.map((part) => part.part), PARTS);
      assert.equal(status.rows, 7);
      assert.notEqual(await badgeText(tab), "?");

      const shown = await healthShown(await popupFor(tab));
      assert.deepEqual(
        shown.map(({ part, status, mark }) => ({ part, status, mark })),
        PARTS.map((part) => ({ part, status: "ok", mark: "✓" })),
      );
      for (const part of shown) assert.equal(part.looked, null, `${part.part}: nothing looked for in vain`);
      assert.equal(shown[0].detail, message("healthListOk", "7"));
    });
  }

  test("on the changed layout the built-in profile fails, and the health view names exactly the parts that fail", async () => {
    const page = await inbox(CHANGED);
    const tab = await tabIdOf(worker, page);
    // No rows: the list is missing and its times and channels have nothing to read; the
    // conversation is open (its address says so) but not read, nor is its reply box.
    const expected = { list: "missing", times: "idle", channel: "idle", conversation: "missing", composer: "missing" };
    const status = await inboxStatusWhen(
      worker,
      tab,
      (s) => JSON.stringify(statusesOf(s.health)) === JSON.stringify(expected),
      "the changed layout's parts",
    );
    assert.equal(status.rows, 0);
    assert.equal(await badgeText(tab), "?");
    // The scan that reported this marked no row.
    assert.deepEqual(
      (await rowStates(page)).filter((row) => row.window !== undefined || row.badges > 0),
      [],
      "no row badged",
    );

    const popup = await popupFor(tab);
    assert.equal(await popup.evaluate(() => document.body.dataset.state), "not-recognised");
    const shown = Object.fromEntries((await healthShown(popup)).map((part) => [part.part, part]));
    assert.deepEqual(Object.keys(shown), PARTS);
    const marks = { ok: "✓", missing: "✗", idle: "–" };
    for (const part of PARTS) {
      assert.equal(shown[part].status, expected[part], part);
      assert.equal(shown[part].mark, marks[expected[part]], part);
      // A missing part says what it looked for; the others do not.
      if (expected[part] === "missing") assert.match(shown[part].looked ?? "", /^Looked for: \S/, part);
      else assert.equal(shown[part].looked, null, part);
      // It never worked on this page, so it did not "stop".
      assert.equal(shown[part].stopped, null, part);
    }
    assert.equal(shown.composer.detail, message("healthComposerMissing"));
    assert.match(shown.list.detail, /^No conversation recognised \(\d+ elements looked like rows\)\.$/);
    assert.match(await popup.locator("#profileInUse").textContent(), /^Page profile: built-in\.$/);
    assert.equal(await popup.locator("#profileReset").isHidden(), true);
    // Ana's conversation is open: the idle times and channels must not say none is.
    for (const part of ["times", "channel"]) {
      assert.notEqual(shown[part].detail, message("healthIdle"), `${part}: "${message("healthIdle")}" while Ana's conversation is open`);
    }
  });

  test("the layout report holds the changed page's structure and none of its names, messages or address", async () => {
    const page = await inbox(CHANGED);
    const tab = await tabIdOf(worker, page);
    await inboxStatusWhen(worker, tab, (s) => statusesOf(s.health).list === "missing", "the list missing");
    // Every text the report must not hold: each customer's first and last name, every
    // message of every thread (read by opening each, as the agent would), the agent's
    // and the Page's names, and the thread ids the address carries.
    const secrets = await page.evaluate(async () => {
      const api = window.replica;
      const threads = api.threads();
      const messages = [];
      for (const thread of threads) {
        api.openThread(thread.id);
        messages.push(...api.messages().map((m) => m.text));
      }
      return {
        names: [...threads.flatMap((t) => t.customer.split(" ")), ...api.agentName.split(" "), api.agentName, api.pageName],
        messages,
        ids: threads.map((t) => t.id),
      };
    });
    assert.ok(secrets.messages.length >= 10, `${secrets.messages.length} messages`);
    // Back to Ana's conversation, the one the page opened with.
    await page.evaluate((id) => window.replica.openThread(id), ANA);

    /** Fails when `report` is too large, lacks the changed layout's hooks or holds a secret. */
    const check = (report, how) => {
      assert.ok(Buffer.byteLength(report, "utf8") <= 65_536, `${how}: ${Buffer.byteLength(report, "utf8")} bytes`);
      // The renamed hooks of the parts that failed: the list's and the conversation's
      // data-pagelet values, the rows' data-surface path.
      for (const hook of ["BizInboxConversationCollectionBody", "BizInboxConversationPanel", "conversation_item"]) {
        assert.ok(report.includes(hook), `${how}: holds ${hook}`);
      }
      const word = (text) => new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
      for (const name of secrets.names) assert.doesNotMatch(report, word(name), `${how}: a name`);
      for (const text of secrets.messages) assert.ok(!report.includes(text), `${how}: holds the message ${JSON.stringify(text)}`);
      for (const id of secrets.ids) assert.ok(!report.includes(id), `${how}: holds the thread id ${id}`);
      assert.doesNotMatch(report, /selected_item_id=\w/, `${how}: an address's thread`);
      assert.doesNotMatch(report, /asset_id=\w/, `${how}: an address's Page`);
    };

    // As the content script gives it to the popup.
    const answer = await worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: "layoutReport" }), tab);
    assert.equal(typeof answer?.report, "string", JSON.stringify(answer));
    check(answer.report, "the content script's answer");

    // Saved as a file from the popup.
    const popup = await popupFor(tab);
    const [download] = await Promise.all([popup.waitForEvent("download"), popup.click("#saveReport")]);
    assert.equal(download.suggestedFilename(), "reply-coach-layout-report.txt");
    check(readFileSync(await download.path(), "utf8"), "the saved file");
    await popup.locator("#reportStatus", { hasText: message("healthReportSaved") }).waitFor();

    // Copied to the clipboard from the popup. Chromium grants no permission to an
    // extension's origin, so the test reads the clipboard back from the inbox page.
    await popup.bringToFront();
    await popup.click("#copyReport");
    await popup.locator("#reportStatus", { hasText: message("healthReportCopied") }).waitFor();
    await context.grantPermissions(["clipboard-read"], { origin: new URL(page.url()).origin });
    await page.bringToFront();
    check(await page.evaluate(() => navigator.clipboard.readText()), "the clipboard");
  });

  /** The teach panel's parts in `page`. */
  const panelOf = (page) => {
    const host = page.locator("reply-coach-teach");
    return {
      host,
      dialog: host.locator("section[role=dialog]"),
      step: host.locator(".step"),
      result: host.locator(".result"),
      summary: host.locator(".summary"),
      save: host.locator("button.save"),
      mark: host.locator(".mark"),
    };
  };

  /** Waits until the panel shows step `n` (1-based) of five, with `message key`. */
  const stepShown = (panel, n, key) => panel.step.filter({ hasText: message(key, String(n), "5") }).waitFor();

  /** The teach flow's error texts: a refused pick says one of these. */
  const TEACH_ERRORS = Object.entries(en)
    .filter(([key]) => key.startsWith("teachError_"))
    .map(([, { message }]) => message);

  /** Waits until the panel's result is of `kind` (ok or error) and says `text` (for ok;
   * for an error, one of the teach flow's error texts). */
  async function resultShown(panel, kind, text) {
    await panel.host.locator(`.result[data-kind="${kind}"]`).waitFor();
    const shown = await panel.result.textContent();
    if (text !== undefined) assert.equal(shown, text);
    if (kind === "error") assert.ok(TEACH_ERRORS.includes(shown), `an error text of the teach flow: ${JSON.stringify(shown)}`);
  }

  /** The changed layout with no profile stored, its list missing, and the teach flow
   * started through the service worker, at its first step. */
  async function teachChanged() {
    assert.equal(await storedOverride(), null, "no override before");
    const page = await inbox(CHANGED);
    const tab = await tabIdOf(worker, page);
    await inboxStatusWhen(worker, tab, (s) => statusesOf(s.health).list === "missing", "the list missing");
    await worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: "teach" }), tab);
    const panel = panelOf(page);
    await stepShown(panel, 1, "teachStepRow");
    return { page, tab, panel };
  }

  test("the teach flow by keyboard: the arrows highlight, Escape cancels, and nothing is stored", async () => {
    const { page, tab, panel } = await teachChanged();
    await page.bringToFront();
    const address = page.url();
    await page.keyboard.press("ArrowDown");
    await panel.mark.waitFor({ state: "visible" });
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Escape");
    await panel.host.waitFor({ state: "detached" });
    assert.equal(await storedOverride(), null, "nothing stored");
    assert.equal(page.url(), address, "the page did not move");
    // The built-in profile is back: the list is still not recognised.
    await inboxStatusWhen(worker, tab, (s) => statusesOf(s.health).list === "missing", "the list missing after cancel");
  });

  test("a lesson that skips the list still lints the draft, and the card names the part not recognised", async () => {
    const { page, tab, panel } = await teachChanged();
    // The list and its times are skipped: only the conversation is taught.
    await panel.host.locator("button.skip").click();
    await stepShown(panel, 2, "teachStepTime");
    await panel.host.locator("button.skip").click();
    await stepShown(panel, 3, "teachStepName");
    await (await headerNameOf(page)).click();
    await stepShown(panel, 4, "teachStepMessage");
    await (await customerMessageOf(page)).click();
    await stepShown(panel, 5, "teachStepReplyBox");
    await composerOf(page).click();
    await panel.save.waitFor();
    // The preview: the conversation and the reply box are read, the list still is not; the
    // lint works without it, and its card says what is missing.
    await inboxStatusWhen(
      worker,
      tab,
      (s) => {
        const parts = statusesOf(s.health);
        return parts.list === "missing" && parts.conversation === "ok" && parts.composer === "ok";
      },
      "the conversation read, the list not",
    );
    await lintAnasDraft(page);
    const status = () =>
      page.evaluate(() => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".status")?.textContent);
    await readUntil(status, (text) => text === message("cardHealth", message("healthPart_list")), "the card's line");
    // Cancelled, the built-in profile is back and nothing is stored.
    await panel.host.locator("button.cancel").click();
    await panel.host.waitFor({ state: "detached" });
    await inboxStatusWhen(worker, tab, (s) => statusesOf(s.health).composer === "missing", "the built-in profile back");
    assert.equal(await storedOverride(), null, "nothing stored");
  });

  test("a part that worked and stops matching is reported as such, with the time", async () => {
    const page = await inbox(`/latest/inbox/all?layout=business&selected_item_id=${ANA}`);
    const tab = await tabIdOf(worker, page);
    await inboxStatusWhen(worker, tab, (s) => PARTS.every((part) => statusesOf(s.health)[part] === "ok"), "every part ok");
    // Meta renames its hooks under the agent's eyes.
    await page.evaluate(() => window.replica.renameAttributes());
    const status = await inboxStatusWhen(
      worker,
      tab,
      (s) => s.health.parts.some((part) => part.status === "missing"),
      "a part stops matching",
    );
    const popup = await popupFor(tab);
    for (const part of status.health.parts) {
      const shown = (await healthShown(popup)).find((entry) => entry.part === part.part);
      if (part.status !== "missing") {
        assert.equal(shown.stopped, null, `${part.part}: nothing stopped`);
        continue;
      }
      assert.equal(typeof part.stoppedAtMs, "number", `${part.part}: when it stopped`);
      const time = new Date(part.stoppedAtMs).toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit" });
      assert.equal(shown.stopped, message("healthStopped", time), part.part);
    }
  });

  test("the teach flow by clicks makes the clock, the lint context and the composer work, and saves the profile", async () => {
    const page = await inbox(CHANGED);
    const tab = await tabIdOf(worker, page);
    await inboxStatusWhen(worker, tab, (s) => statusesOf(s.health).list === "missing", "the list missing");
    await popupFor(tab).then((popup) => popup.click("#teach", { noWaitAfter: true }));
    await page.bringToFront();
    const panel = panelOf(page);
    await panel.dialog.waitFor();
    await stepShown(panel, 1, "teachStepRow");
    const address = page.url();
    const openThread = () => page.evaluate(() => window.replica.openThreadId());

    // A wrong click (the name in the conversation's header is no row) is refused; the step stays.
    await (await headerNameOf(page)).click();
    await resultShown(panel, "error");
    await stepShown(panel, 1, "teachStepRow");

    // Step 1: Elena's row. The click is a pick only: her conversation does not open.
    await rowOf(page, ELENA).click();
    await stepShown(panel, 2, "teachStepTime");
    await resultShown(panel, "ok", message("teachLearntRows", "7"));
    assert.equal(page.url(), address, "the address did not change");
    assert.equal(await openThread(), ANA, "Ana's conversation is still open");

    // Step 2: the time in her row.
    await rowOf(page, ELENA).locator("span[data-timestamp]").click();
    await stepShown(panel, 3, "teachStepName");
    await resultShown(panel, "ok", message("teachLearntTimes", "7", "7"));

    // Step 3: the customer's name at the top of the open conversation.
    await (await headerNameOf(page)).click();
    await stepShown(panel, 4, "teachStepMessage");
    await resultShown(panel, "ok", message("teachLearntName"));

    // Step 4: one of Ana's messages.
    await (await customerMessageOf(page)).click();
    await stepShown(panel, 5, "teachStepReplyBox");
    await resultShown(panel, "ok", message("teachLearntMessage"));

    // The Notes box is no reply box: refused, the step stays.
    await page.locator("replica=notes").click();
    await resultShown(panel, "error");
    await stepShown(panel, 5, "teachStepReplyBox");

    // Step 5: the reply box. The lesson is previewed at once: the rows get their states.
    await composerOf(page).click();
    await panel.step.filter({ hasText: message("teachPreview") }).waitFor();
    await resultShown(panel, "ok", message("teachLearntReplyBox"));
    assert.equal(
      await panel.summary.textContent(),
      [
        message("teachSummaryRows", "7", "7"),
        message("teachSummaryName", "✓"),
        message("teachSummaryMessage", "✓"),
        message("teachSummaryReplyBox", "✓"),
      ].join("\n"),
    );
    await rowsRightly(page, "the preview's rows");
    assert.equal(await storedOverride(), null, "nothing stored before Save");
    assert.equal(page.url(), address, "the address did not change while teaching");
    assert.equal(await openThread(), ANA);

    await panel.save.click();
    await panel.host.waitFor({ state: "detached" });
    taught = await readUntil(storedOverride, (stored) => stored !== null, "the taught profile stored");
    assert.equal(taught.replyCoachProfile, 1);
    assert.equal(taught.taughtOn, "/latest/inbox/all");
    assert.ok(!Number.isNaN(Date.parse(taught.saved)), `saved: ${taught.saved}`);
    assert.equal(taught.name, undefined, "a taught profile has no name");
    assert.ok(Object.keys(taught.parts ?? {}).length > 0, JSON.stringify(taught));

    // The clock, with the profile in use.
    await rowsRightly(page, "the taught rows");
    // The lint's context (the customer's name) and the composer.
    await lintAnasDraft(page);
    // Aram wrote 3 days ago: his conversation read, a promotion is flagged.
    await page.evaluate((id) => window.replica.openThread(id), ARAM);
    await composerOf(page).click();
    await page.keyboard.type("Hi Aram, see our offers at https://example.com/sale", { delay: 3 });
    await findingsWhen(page, { has: ["promo-outside-window"] });

    // The health view: every part recognised now, the taught profile named.
    const status = await inboxStatusWhen(
      worker,
      tab,
      (s) => PARTS.every((part) => statusesOf(s.health)[part] === "ok"),
      "every part ok with the taught profile",
    );
    assert.equal(status.rows, 7);
    assert.notEqual(await badgeText(tab), "?");
    const popup = await popupFor(tab);
    assert.deepEqual(
      (await healthShown(popup)).map(({ part, status }) => ({ part, status })),
      PARTS.map((part) => ({ part, status: "ok" })),
    );
    assert.match(await popup.locator("#profileInUse").textContent(), /^Page profile: taught on /);
    assert.equal(await popup.locator("#profileReset").isVisible(), true);
  });

  test("the taught profile survives a reload: the rows are badged again without teaching", async () => {
    assert.ok(taught, "needs the profile the teach test saved");
    const page = await inbox(CHANGED);
    await rowsRightly(page, "rows badged from the stored profile");
    await page.reload();
    await page.waitForFunction(() => window.replica?.ready === true);
    await rowsRightly(page, "rows badged after the reload");
    await lintAnasDraft(page);
  });

  test("the settings page exports the profile, and a fresh browser imports it and reads the changed page", async () => {
    assert.ok(taught, "needs the profile the teach test saved");
    const settings = await settingsPage();
    await inUseIs(settings, "taught");
    const [download] = await Promise.all([settings.waitForEvent("download"), settings.click("#profileExport")]);
    assert.equal(download.suggestedFilename(), "reply-coach-profile.json");
    // Saved under its own name: an imported file without a name is known by it.
    const path = join(mkdtempSync(join(tmpdir(), "rc-export-")), download.suggestedFilename());
    await download.saveAs(path);
    assert.deepEqual(JSON.parse(readFileSync(path, "utf8")), taught);

    // A fresh browser profile: another agent of the team.
    const fresh = await launchOnReplica();
    browsers.push(fresh.context);
    const theirs = await settingsPage(fresh.context, fresh.optionsUrl);
    await inUseIs(theirs, "builtin");
    await theirs.setInputFiles("#profileImport", path);
    await inUseIs(theirs, "file");
    await theirs.locator("#profileNotice", { hasText: message("profileImported", "reply-coach-profile") }).waitFor();
    assert.equal(await theirs.locator("#profileImportErrors").isHidden(), true);
    const stored = await fresh.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], KEY);
    assert.deepEqual(stored, { ...taught, name: "reply-coach-profile" });

    const page = await inbox(CHANGED, fresh.context);
    await rowsRightly(page, "rows badged in the fresh browser");
    await lintAnasDraft(page);
  });

  test("a damaged or newer file is refused with its reasons, the working profile kept; Reset goes back to built-in", async () => {
    assert.ok(taught, "needs the profile the teach test saved");
    const page = await inbox(CHANGED);
    await rowsRightly(page, "rows badged with the taught profile");
    const settings = await settingsPage();
    await inUseIs(settings, "taught");

    const refused = [
      { name: "damaged.json", content: '{"replyCoachProfile": 1, "parts": {"rowTime": [', reasons: [/not JSON/] },
      {
        name: "bad-strategy.json",
        content: { replyCoachProfile: 1, parts: { rowTime: [{ css: "span[data-timestamp]", read: "when", attr: "data-timestamp" }] } },
        reasons: [/parts\.rowTime/, /when/],
      },
      { name: "newer.json", content: { replyCoachProfile: 2, parts: {} }, reasons: [/replyCoachProfile/, /newer/] },
    ];
    const errorsShown = () => settings.$$eval("#profileImportErrors-list li", (items) => items.map((li) => li.textContent));
    for (const { name, content, reasons } of refused) {
      const before = JSON.stringify(await errorsShown());
      await settings.setInputFiles("#profileImport", fileOnDisk(name, content));
      // Each file gets its own list: wait for the one naming this file's reasons.
      const errors = await readUntil(
        errorsShown,
        (shown) => JSON.stringify(shown) !== before && shown.some((error) => reasons.every((reason) => reason.test(error))),
        `${name} refused with ${reasons}`,
      );
      assert.ok(errors.length >= 1, name);
      await settings.locator("#profileImportErrors").waitFor({ state: "visible" });
      assert.equal(await settings.locator("#profileImportErrors-title").textContent(), message("profileImportFailed"));
      assert.deepEqual(await storedOverride(), taught, `${name}: the working profile is kept`);
      assert.equal(await profileInUse(settings), "taught", name);
    }
    // A newer file gets one reason: the rest of it is in a format this version does not know.
    assert.equal((await errorsShown()).length, 1, JSON.stringify(await errorsShown()));
    // The open inbox still reads the page.
    await rowsRightly(page, "rows still badged after the refusals");

    await settings.click("#profileReset");
    await inUseIs(settings, "builtin");
    await settings.locator("#profileNotice", { hasText: message("profileResetDone") }).waitFor();
    assert.equal(await storedOverride(), null, "the override is removed");
    await rowsUnmarked(page, "the changed layout's rows unbadged with the built-in profile");
    const tab = await tabIdOf(worker, page);
    await inboxStatusWhen(worker, tab, (s) => statusesOf(s.health).list === "missing", "the list missing again");
  });
});
