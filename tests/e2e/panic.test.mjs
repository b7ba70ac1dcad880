// A panic in the core is contained, end to end: the extension built with the `panic-test`
// feature (target/panic-test/extension, from `./build.sh test`: a rule that panics when the
// draft holds U+E000, src/rules/panic_test.rs) on the replica inbox. The agent types the
// trigger; the panic hook (src/wasm/panic.rs) reports the rule to the console and the
// popup, content.js starts a fresh copy of the core, and the next lint works (on the replica
// in RC_LAYOUT's layout), with one
// card, the row badges back and the draft untouched. After three restarts it stays off and
// says so. The service worker's core answers the panicking request with the rule and the
// next one as before.

import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { after, afterEach, before, describe, test } from "node:test";
import { composerOf, graceForWrongReaction, launchOnReplica, openInbox, readUntil, WAIT_MS } from "./harness.mjs";

const extension = fileURLToPath(new URL("../../target/panic-test/extension", import.meta.url));
const TRIGGER = "\uE000";
const ANA = "100052384037366";

describe("a panic in the core", () => {
  let context;
  let worker;
  let extensionId;
  let page;
  let consoleErrors;

  before(async () => {
    ({ context, worker, extensionId } = await launchOnReplica({ extension }));
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  async function inbox() {
    page = await openInbox(context, `/latest/inbox/all?selected_item_id=${ANA}`);
    consoleErrors = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await composerOf(page).click();
    return page;
  }

  /** What the extension shows on the page: its hosts by tag, the card's rules, the badges. */
  const shown = () =>
    page.evaluate(() => {
      const count = (selector) => document.querySelectorAll(selector).length;
      const card = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".card");
      const rows = window.replica.rows();
      return {
        roots: count("reply-coach-root"),
        banners: count("reply-coach-banner"),
        rules: card && !card.hidden ? [...card.querySelectorAll("[data-rule]")].map((li) => li.dataset.rule) : [],
        badges: count("reply-coach-badge"),
        rowsWithTwoBadges: rows.filter((row) => row.querySelectorAll("reply-coach-badge").length > 1).length,
      };
    });

  const shownWhen = (check, what) => readUntil(shown, check, what);

  const tabId = () =>
    worker.evaluate(async (url) => (await chrome.tabs.query({ url })).map((tab) => tab.id)[0], page.url());

  async function stoppedStatus(check = () => true, what = "a stopped status for the tab") {
    const key = `stopped:${await tabId()}`;
    const read = () => worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key], key);
    return readUntil(read, (status) => status && check(status), what);
  }

  async function popupText() {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabId()}`);
    await popup.waitForFunction(() => document.body.dataset.state);
    const text = await popup.evaluate(() => {
      const stopped = document.getElementById("stopped");
      return stopped.hidden ? null : stopped.textContent;
    });
    await popup.close();
    return text;
  }

  const modelText = () => page.evaluate(() => window.replica.composerModelText());

  /** Types the trigger, waits for the report, and deletes it again. */
  async function panicOnce() {
    const before = await modelText();
    await page.keyboard.insertText(TRIGGER);
    await page.waitForFunction(() => document.querySelectorAll("reply-coach-root").length === 0, null, { timeout: WAIT_MS });
    await page.keyboard.press("Backspace");
    await page.waitForFunction((text) => window.replica.composerModelText() === text, before);
  }

  test("is reported with its rule, and a fresh core lints the next keystroke", async () => {
    await inbox();
    await page.keyboard.type("Hello Ana Popescu");
    await shownWhen((s) => s.rules.includes("name-last") && s.badges > 0, "the first core lints and badges");
    const badges = (await shown()).badges;

    await panicOnce();
    assert.ok(
      consoleErrors.some((text) => /^Reply Coach stopped: rule panic-test \(src\/rules\/panic_test\.rs:\d+\): panicked/.test(text)),
      `the console names the rule: ${JSON.stringify(consoleErrors)}`,
    );
    const status = await stoppedStatus();
    assert.equal(status.restarting, true);
    assert.match(status.what, /^rule panic-test \(src\/rules\/panic_test\.rs:\d+\)$/);
    assert.doesNotMatch(status.what, /Ana|Popescu|U\+E000 is in/, "only the rule and the place are kept, never the text");
    assert.match(await popupText(), /bug in this tab \(rule panic-test \(src\/rules\/panic_test\.rs:\d+\)\) and restarted itself/);

    // The next lint works, in a new core, with one of everything and the draft as typed.
    await page.keyboard.type("!!");
    const after = await shownWhen(
      (s) => s.roots === 1 && s.rules.includes("tone-shout") && s.rules.includes("name-last") && s.badges === badges,
      "the restarted core lints the draft and badges the rows once",
    );
    assert.equal(after.rowsWithTwoBadges, 0);
    assert.ok(after.banners <= 1);
    assert.equal(await modelText(), "Hello Ana Popescu!!");
  });

  test("stays off after three restarts and says so, leaving the draft alone", async () => {
    await inbox();
    await page.keyboard.type("Hello Ana");
    await shownWhen((s) => s.roots === 1, "the first core runs");
    for (let restart = 1; restart <= 3; restart++) {
      await panicOnce();
      await shownWhen((s) => s.roots === 1, `restart ${restart} runs`);
    }
    await page.keyboard.insertText(TRIGGER);
    const status = await stoppedStatus((s) => !s.restarting, "the fourth panic stops the core");
    assert.match(status.what, /^rule panic-test/);
    assert.match(await popupText(), /has stopped here.*Reload the page/s);
    assert.ok(consoleErrors.some((text) => text.includes("stopped for this page after 3 restarts")));

    // Nothing of the stopped core is left to look alive, and typing goes on untouched.
    await page.keyboard.press("Backspace");
    await page.keyboard.type(" HELLO AGAIN");
    await graceForWrongReaction(page);
    assert.deepEqual(await shown(), { roots: 0, banners: 0, rules: [], badges: 0, rowsWithTwoBadges: 0 });
    assert.equal(await modelText(), "Hello Ana HELLO AGAIN");
  });

  test("in the service worker: the panicking request names the rule, the next one lints", async () => {
    const failed = await worker.evaluate((draft) => globalThis.replyCoach.lint(draft, {}), `Hi ${TRIGGER}`);
    assert.match(failed.error, /^Reply Coach's core failed in rule panic-test \(src\/rules\/panic_test\.rs:\d+\)$/);
    const next = await worker.evaluate(() => globalThis.replyCoach.lint("STOP SHOUTING AT ME", {}));
    assert.ok(next.findings?.some((finding) => finding.rule === "tone-shout"), JSON.stringify(next));
  });
});
