// Storage faults, end to end (issue 7): damaged, old and newer data in chrome.storage, a
// full quota and a failed write, with the built extension (dist/chrome) in Chromium on the
// replica inbox (in RC_LAYOUT's layout) and its settings page. Each fault gives a clear message, keeps the last good
// state, and leaves what is stored alone until the agent acts. Last, what the extension
// stores after working through the inbox holds no customer's name or message.
//
//   node --test tests/e2e/storage.test.mjs        (after ./build.sh)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { makeThreads } from "../replica/src/threads.js";
import { composerOf, consoleOf, en, graceForWrongReaction, launchOnReplica, message, openInbox, pageErrors, readUntil } from "./harness.mjs";

const read = (path) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8"));
const PACK = read("../../src/template/pack/default.json");
const FORMAT = "reply-coach-templates";
const MIHAI = "100089273645128";

/** The English text of message `key` before its first placeholder: what a test can match
 * whatever the placeholder's value. */
const opening = (key) => en[key].message.split("$")[0];

describe("storage faults", () => {
  let context;
  let worker;
  let optionsUrl;
  let page;

  before(async () => {
    ({ context, worker, optionsUrl } = await launchOnReplica());
  });

  beforeEach(() => worker.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()])));

  afterEach(async () => {
    if (page) {
      assert.deepEqual(page.errors ?? pageErrors(page), [], "the page threw");
      await page.close();
    }
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  const storage = (area, key) => worker.evaluate(async ([area, key]) => (await chrome.storage[area].get(key))[key], [area, key]);
  const store = (area, items) => worker.evaluate(([area, items]) => chrome.storage[area].set(items), [area, items]);

  /** The settings page, its rule switches and template list built. */
  async function openSettings() {
    page = await context.newPage();
    page.errors = [];
    page.on("pageerror", (error) => page.errors.push(error));
    await page.goto(optionsUrl);
    await page.locator("[data-rule]").first().waitFor();
    await page.locator("#templateList li").first().waitFor();
    return page;
  }

  const status = () => page.locator("#status").textContent();
  const saved = () => page.locator("#status").filter({ hasText: en.statusSaved.message }).waitFor();
  const listedIds = () => page.locator("#templateList li").evaluateAll((rows) => rows.map((row) => row.dataset.templateId));

  /** The template picker as shown: open or not, the listed ids, and its notice line. */
  const pickerView = () =>
    page.evaluate(() => {
      const panel = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[role=dialog]");
      const ids = [...(panel?.querySelectorAll("[role=option]") ?? [])].map((o) => o.dataset.templateId);
      const notice = panel?.querySelector(".status");
      return { open: Boolean(panel && !panel.hidden), ids, notice: !notice || notice.hidden ? null : notice.textContent };
    });

  /** The picker's view once `check` holds; fails with the last one. */
  const pickerWhen = (check, what) => readUntil(pickerView, check, what);

  /** Enter on the highlighted template, then Enter on the form that asks for the agent's
   * first name (no settings are stored, so none is set), pre-filled from the conversation's
   * "Sent by" line: the template goes in. */
  async function insertAskingForTheName() {
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => {
      const input = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".fields:not([hidden]) input");
      return input?.dataset.variable === "agent_name" && input.value === "Maria" && input.getRootNode().activeElement === input;
    });
    await page.keyboard.press("Enter");
  }

  /** The inbox with the picker opened by its button by the composer. */
  async function inboxPicker() {
    page = await openInbox(context);
    await composerOf(page).click();
    await page.locator("reply-coach-root button[data-action=open-templates]").click();
    return pickerWhen((view) => view.open && view.ids.length > 0, "the picker opens");
  }

  describe("settings", () => {
    test("damaged: the settings page says what it cannot use, shows and uses the defaults, and changes nothing until the agent does", async () => {
      for (const damaged of ['{"maxWords": 4', { agentName: "Ioana", maxWords: "many", disabledRules: "brevity" }]) {
        await store("sync", { settings: damaged });
        await openSettings();
        await page.locator("#status.failed").waitFor();
        assert.ok((await status()).startsWith(opening("storageSettingsProblems")), await status());
        assert.equal(await page.inputValue("#maxWords"), "80");
        assert.equal(await page.locator('[data-rule="brevity"]').isChecked(), true);
        if (typeof damaged === "string") {
          assert.match(await status(), /settings must be an object/);
        } else {
          assert.match(await status(), /settings\.maxWords: .*"many"/);
          assert.match(await status(), /settings\.disabledRules: /);
          assert.equal(await page.inputValue("#agentName"), "Ioana", "what can be used is shown");
        }
        await graceForWrongReaction(page);
        assert.deepEqual(await storage("sync", "settings"), damaged, "nothing was written");
        await page.close();
        page = undefined;
      }
      // The inbox lints with what it can use: the draft gets its findings.
      page = await openInbox(context);
      await composerOf(page).click();
      await page.keyboard.type("PLEASE WAIT", { delay: 5 });
      await page.waitForFunction(() => Number(document.querySelector("[data-rc-findings]")?.dataset.rcFindings) > 0);
      await page.close();
      page = undefined;

      // The agent's change is the moment they are replaced, by what the page showed.
      await openSettings();
      await page.fill("#maxSentenceWords", "25");
      await page.press("#maxSentenceWords", "Tab");
      await saved();
      const written = await storage("sync", "settings");
      assert.deepEqual(
        [written.version, written.agentName, written.maxWords, written.maxSentenceWords, written.disabledRules],
        [1, "Ioana", 80, 25, []],
      );
    });

    test("damaged while the inbox is open: the settings in use stay", async () => {
      await store("sync", { settings: { version: 1, agentName: "Ioana", maxWords: 3 } });
      page = await openInbox(context, undefined, { console: true });
      await composerOf(page).click();
      await page.locator("reply-coach-root button[data-action=open-templates]").waitFor(); // The core has started.
      // The brevity finding's words and limit, from its message ("6 words, … stay under 3."),
      // so that a lint of the longer draft can be told from the one before.
      const brevity = () =>
        page.evaluate(() => {
          const text = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector('.findings [data-rule="brevity"]')?.textContent;
          const [, words, limit] = text?.match(/(\d+) words,.* under (\d+)/) ?? [];
          return words ? { words: Number(words), limit: Number(limit) } : null;
        });
      await page.keyboard.type("Hi, your cake is ready to collect", { delay: 5 });
      const before = await readUntil(brevity, (found) => found?.limit === 3, "brevity against the stored limit of 3");
      await store("sync", { settings: '{"version": 1, "maxWords": 3' });
      const refused = (warnings) => warnings.some((text) => text.includes("the stored settings are not settings"));
      await readUntil(() => [...consoleOf(page).warnings], refused, "the inbox refuses the damaged settings");
      await page.keyboard.type(" today", { delay: 5 });
      // Linted again with the word added: with the defaults' 80 words there would be no finding.
      await readUntil(brevity, (found) => found?.words === before.words + 1, "the longer draft linted");
      assert.equal((await brevity()).limit, 3, "the limit of 3 words still applies");
    });

    test("without a version (the original shape): read with every value, and written as version 1 with the next change", async () => {
      const original = { agentName: "Ioana", language: "ro", maxWords: 45, disabledRules: ["brevity"], closingHours: 18, lastHourHours: 22 };
      await store("sync", { settings: original });
      await openSettings();
      assert.equal(await page.inputValue("#maxWords"), "45");
      assert.equal(await page.inputValue("#language"), "ro");
      assert.equal(await page.inputValue("#closingHours"), "18");
      assert.equal(await page.locator('[data-rule="brevity"]').isChecked(), false);
      assert.equal(await status(), "", "an old version is no fault");
      assert.deepEqual(await storage("sync", "settings"), original, "not rewritten by opening the page");
      await page.fill("#previewBudget", "100");
      await page.press("#previewBudget", "Tab");
      await saved();
      const written = await storage("sync", "settings");
      assert.deepEqual(written, { ...written, ...original, version: 1, previewBudget: 100 });
    });

    test("from a newer version: used as far as understood, reported, and not overwritten until the agent chooses to", async () => {
      const newer = { version: 2, agentName: "Ioana", maxWords: 45, signature: { style: "initials" } };
      await store("sync", { settings: newer });
      await openSettings();
      await page.locator("#status.failed").waitFor();
      assert.equal(await status(), message("storageSettingsNewer", "2"));
      assert.equal(await page.inputValue("#maxWords"), "45");
      assert.equal(await page.evaluate(() => document.getElementById("settings").inert), true, "the form is locked");
      await graceForWrongReaction(page);
      assert.deepEqual(await storage("sync", "settings"), newer);

      await page.click("#storageEdit");
      assert.equal(await page.evaluate(() => document.getElementById("settings").inert), false);
      assert.equal(await page.isHidden("#storageEdit"), true);
      await page.fill("#maxWords", "50");
      await page.press("#maxWords", "Tab");
      await saved();
      const written = await storage("sync", "settings");
      assert.deepEqual([written.version, written.agentName, written.maxWords], [1, "Ioana", 50]);
    });

    test("a failed write: the status names it and why, the value stays in the form, marked, storage keeps the last good value, and the next save writes it", async () => {
      await store("sync", { settings: { version: 1, agentName: "Ioana", maxWords: 45 } });
      await openSettings();
      // The browser's refusal, injected where the page writes: chrome.storage.sync.set rejects.
      await page.evaluate(() => {
        const sync = chrome.storage.sync;
        window.realSet = sync.set.bind(sync);
        sync.set = () => Promise.reject(new Error("QUOTA_BYTES_PER_ITEM quota exceeded"));
      });
      await page.fill("#maxWords", "55");
      await page.press("#maxWords", "Tab");
      await page.locator("#status.failed").waitFor();
      assert.equal(
        await status(),
        message("storageSettingsNotSaved", en.maxWordsLabel.message, "QUOTA_BYTES_PER_ITEM quota exceeded"),
      );
      assert.equal(await page.inputValue("#maxWords"), "55", "what was typed is kept");
      assert.equal(await page.getAttribute("#maxWords", "data-unsaved"), "true");
      assert.equal((await storage("sync", "settings")).maxWords, 45, "storage keeps the last good value");

      // A second refused change is named with the first.
      await page.locator('[data-rule="brevity"]').click();
      const both = `${en.maxWordsLabel.message}, ${en.rule_brevity_title.message}`;
      await page.waitForFunction((both) => document.getElementById("status").textContent.includes(both), both);

      // The browser takes writes again: the next change writes every change kept.
      await page.evaluate(() => {
        chrome.storage.sync.set = window.realSet;
      });
      await page.selectOption("#language", "ro");
      await saved();
      const written = await storage("sync", "settings");
      assert.deepEqual([written.maxWords, written.disabledRules, written.language], [55, ["brevity"], "ro"]);
      assert.equal(await page.locator("[data-unsaved]").count(), 0);
    });
  });

  /**
   * Fills chrome.storage.local (10 MB without unlimitedStorage) until a write fails, in ever
   * smaller pieces, down to one character, so that not even a count fits: {pieces, error},
   * the browser's error.
   */
  async function fillLocalStorage() {
    const filled = await worker.evaluate(async () => {
      let pieces = 0;
      for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4, 1]) {
        for (;;) {
          try {
            await chrome.storage.local.set({ [`filler${pieces}`]: "x".repeat(size) });
            pieces++;
          } catch (error) {
            if (size === 1) return { pieces, error: String(error.message ?? error) };
            break;
          }
        }
      }
      return { pieces, error: null };
    });
    assert.match(filled.error, /quota/i);
    return filled;
  }

  const emptyLocalStorage = ({ pieces }) =>
    worker.evaluate((pieces) => chrome.storage.local.remove([...Array(pieces).keys()].map((i) => `filler${i}`)), pieces);

  describe("templates", () => {
    const damagedLibraries = [
      ["not a library", "{ not json"],
      ["a template without its fields", { format: FORMAT, version: 1, templates: [{ id: 3 }] }],
    ];

    test("damaged: the inbox offers the default pack with a notice; the settings page lists the problems, shows the pack, and keeps them", async () => {
      for (const [what, damaged] of damagedLibraries) {
        await store("local", { templates: damaged });
        const picker = await inboxPicker();
        assert.equal(picker.notice, en.storageTemplatesUnreadable.message, what);
        assert.ok(picker.ids.every((id) => PACK.templates.some((t) => t.id === id)), `${what}: ${picker.ids}`);
        await page.close();
        page = undefined;

        await openSettings();
        await page.locator("#templateImportErrors").waitFor({ state: "visible" });
        assert.equal(await page.textContent("#templateImportErrors-title"), en.storageTemplatesUnreadableStored.message);
        assert.ok((await page.locator("#templateImportErrors-list li").count()) > 0, what);
        assert.equal(await page.textContent("#templates-source"), en.storageTemplatesSourcePack.message);
        assert.deepEqual(await listedIds(), PACK.templates.map((t) => t.id));
        assert.equal(await page.isDisabled("#templateNew"), true, "the pack shown in its place is not edited");
        assert.equal(await page.isEnabled("#templateRestore"), true);
        assert.deepEqual(await storage("local", "templates"), damaged, `${what}: kept as it is`);
        await page.close();
        page = undefined;
      }
      // Restoring the defaults is the agent's choice, and Undo puts the damaged library back.
      await openSettings();
      await page.click("#templateRestore");
      await page.locator("#templateNoticeText").filter({ hasText: en.templatesRestored.message }).waitFor();
      assert.equal(await storage("local", "templates"), undefined);
      assert.equal(await page.isEnabled("#templateNew"), true);
      await page.click("#templateUndo");
      await page.locator("#templateNoticeText").filter({ hasText: en.templatesUndone.message }).waitFor();
      assert.deepEqual(await storage("local", "templates"), damagedLibraries.at(-1)[1]);
      assert.equal(await page.isVisible("#templateImportErrors"), true);
    });

    test("damaged while the inbox is open: the picker keeps the last good library and says so", async () => {
      const ours = { format: FORMAT, version: 1, templates: [{ id: "ours.en", title: "Ours", language: "en", body: "Hi {first_name|there}." }] };
      await store("local", { templates: ours });
      const picker = await inboxPicker();
      assert.deepEqual(picker, { open: true, ids: ["ours.en"], notice: null });
      await store("local", { templates: { ...ours, templates: [{ id: "ours.en" }] } });
      const view = await pickerWhen((view) => view.notice !== null, "the notice shows");
      assert.deepEqual(view, { open: true, ids: ["ours.en"], notice: en.storageTemplatesUnreadable.message });
      // A readable library again: taken, and the notice goes.
      await store("local", { templates: ours });
      await pickerWhen((view) => view.notice === null, "the notice goes");
    });

    test("from a newer version: refused with a clear message, the pack used, and the library kept", async () => {
      const newer = { format: FORMAT, version: 2, templates: [{ id: "x.en", title: "X", language: "en", body: "Hi.", mood: "calm" }] };
      await store("local", { templates: newer });
      const picker = await inboxPicker();
      assert.equal(picker.notice, en.storageTemplatesUnreadable.message);
      await page.close();
      page = undefined;
      await openSettings();
      await page.locator("#templateImportErrors").waitFor({ state: "visible" });
      const problems = await page.locator("#templateImportErrors-list li").allTextContents();
      assert.ok(
        problems.includes("version: version 2 comes from a newer Reply Coach; this one reads version 1: update Reply Coach to use this library"),
        JSON.stringify(problems),
      );
      // Export gives a copy of what is stored, as it is.
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#templateExport")]);
      assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), newer);
      assert.deepEqual(await storage("local", "templates"), newer);
    });

    test("a full quota: saving a template says why it was not saved, the editor keeps it, storage keeps the last good library, and it saves once there is room", async () => {
      const filled = await fillLocalStorage();

      await openSettings();
      await page.click("#templateNew");
      await page.fill("#templateTitle", "Opening hours");
      await page.fill("#templateBody", "Hi {first_name|there}, we are open 8 to 18, Monday to Saturday. Maria");
      await page.click("#templateSave");
      await page.locator("#templateNotice.failed").waitFor();
      const notice = await page.textContent("#templateNoticeText");
      assert.ok(notice.startsWith(message("storageTemplatesNotSaved", "Opening hours", "").split(". The browser said")[0]), notice);
      assert.ok(notice.includes(filled.error), notice);
      assert.equal(await page.isVisible("#templateEditor"), true, "the editor stays open");
      assert.equal(await page.inputValue("#templateTitle"), "Opening hours");
      assert.equal(await storage("local", "templates"), undefined, "storage keeps what it had");

      await emptyLocalStorage(filled);
      await page.click("#templateSave");
      await page.locator("#templateNoticeText").filter({ hasText: message("templateCreated", "Opening hours") }).waitFor();
      const library = await storage("local", "templates");
      assert.equal(library.templates.at(-1).title, "Opening hours");
    });

    test("a full quota while inserting: the template goes in, and the use count not stored is a console warning", async () => {
      const filled = await fillLocalStorage();
      page = await openInbox(context);
      const warnings = [];
      page.on("console", (entry) => warnings.push(entry.text()));
      await composerOf(page).click();
      await page.locator("reply-coach-root button[data-action=open-templates]").waitFor(); // The core has started.
      await page.keyboard.type("/thanks", { delay: 10 });
      await pickerWhen((view) => view.open && view.ids[0] === "compliment-thanks.en", "the picker finds /thanks");
      await insertAskingForTheName();
      await page.waitForFunction(() => window.replica.composerModelText().startsWith("Hi Ana, thank you"));
      const notSaved = (all) => all.some((text) => text.includes("template use counts were not saved") && text.includes(filled.error));
      await readUntil(() => [...warnings], notSaved, "the console warns that the use counts were not saved");
      assert.equal(await storage("local", "templateUsage"), undefined);
      await emptyLocalStorage(filled);
    });
  });

  test("after lint, templates and the clock, no customer's name or message is anywhere in storage", async () => {
    const threads = makeThreads(Date.now());
    const personal = threads.flatMap((thread) => [
      thread.customer,
      ...thread.messages.filter((m) => m.from === "customer").map((m) => m.text),
    ]);
    page = await openInbox(context);
    await composerOf(page).click();
    await page.keyboard.type("Hi Ana Popescu, THANK YOU for waiting", { delay: 5 });
    await page.waitForFunction(() => Number(document.querySelector("[data-rc-findings]")?.dataset.rcFindings) > 0);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("/thanks", { delay: 10 });
    await page.waitForFunction(() =>
      document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[role=option][aria-selected=true]"),
    );
    await insertAskingForTheName();
    // The insertion counts the template's use in storage.local.
    await readUntil(() => worker.evaluate(async () => Boolean((await chrome.storage.local.get("templateUsage")).templateUsage)), Boolean, "the template's use counted");
    await page.evaluate((id) => window.replica.openThread(id), MIHAI);
    await page.waitForFunction((id) => window.replica.openThreadId() === id, MIHAI);
    await graceForWrongReaction(page);

    const everything = await worker.evaluate(async () => {
      const [local, sync, session] = await Promise.all(["local", "sync", "session"].map((area) => chrome.storage[area].get(null)));
      return { local, sync, session };
    });
    assert.ok(everything.local.templateUsage, "a template use was counted");
    assert.ok(Object.keys(everything.session).some((key) => key.startsWith("inbox:")), "the tab's status was kept");
    // No name is set here, so the inbox reported the one it saw: a person of the Page's team.
    const team = threads.flatMap((thread) => thread.messages.filter((m) => m.from === "page").map((m) => m.agent));
    const suggestion = everything.session.agentSuggestion;
    assert.ok(team.includes(suggestion?.sentBy), `agentSuggestion: ${JSON.stringify(suggestion)}`);
    const text = JSON.stringify(everything);
    for (const item of personal) assert.ok(!text.includes(item), `storage holds ${JSON.stringify(item)}: ${text}`);
    for (const first of threads.map((thread) => thread.customer.split(" ")[0])) {
      assert.doesNotMatch(text, new RegExp(`\\b${first}\\b`), `storage holds ${first}`);
    }
  });
});
