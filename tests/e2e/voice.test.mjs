// The team's voice, end to end: the house voice chosen on the settings page reaches the
// draft being written in the inbox at once, with no keystroke (issue 8); a team's own
// profile is written, checked, imported and exported there, and kept in local storage.
// The tests with the inbox run on RC_LAYOUT's layout; those of the settings page alone run
// in the messenger run only (SETTINGS_ONLY).

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { composerOf, LAYOUT, launchOnReplica, openInbox, pageErrors } from "./harness.mjs";

const localesDir = fileURLToPath(new URL("../../extension/_locales", import.meta.url));
const en = JSON.parse(readFileSync(`${localesDir}/en/messages.json`, "utf8"));
/** An English message with its placeholders filled in, as chrome.i18n does. */
const enMessage = (key, ...values) => {
  const { message, placeholders = {} } = en[key];
  const value = (name) => values[Number(placeholders[name.toLowerCase()].content.slice(1)) - 1];
  return message.replace(/\$([A-Z]+)\$/g, (_, name) => value(name));
};

/** Informal Romanian ("te rog", "trimiți") to Ana, with her last name, signed by Maria. */
const ROMANIAN_DRAFT = ["Bună ziua, Ana Popescu! Te rog să îmi trimiți numărul comenzii.", "– Maria"];

/** A team's own profile: Romanian "numărul comenzii" is to be avoided, tested by its example. */
const ACME = {
  version: 1,
  name: "Acme România",
  avoid: [
    {
      phrase: "numărul comenzii",
      message: "Spuneți „referința comenzii”.",
      replacements: ["referința comenzii"],
      language: "ro",
    },
  ],
  examples: [{ draft: "Vă rog să îmi trimiteți numărul comenzii.", language: "ro", expect: ["voice-avoid"] }],
};

/** Skips a settings-page-only test in the business run: it does not touch the inbox. */
const SETTINGS_ONLY = { skip: LAYOUT !== "messenger" && "the settings page only: tested in the messenger run" };

describe("the house voice", () => {
  let context;
  let worker;
  let optionsUrl;

  before(async () => {
    ({ context, worker, optionsUrl } = await launchOnReplica());
  });

  after(async () => {
    await context?.close();
  });

  /** The rule ids of the card once the composer's count matches them, the card lists every
   * rule of `has` and none of `lacks`. */
  async function findingsWhen(page, { has, lacks }) {
    const handle = await page.waitForFunction(({ has, lacks }) => {
      const root = document.querySelector("reply-coach-root")?.shadowRoot;
      const composer = document.querySelector("[data-rc-findings]");
      const card = root?.querySelector(".card");
      if (!root || !composer) return null;
      const rules = card.hidden ? [] : [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
      if (Number(composer.dataset.rcFindings) !== rules.length) return null;
      return has.every((id) => rules.includes(id)) && !lacks.some((id) => rules.includes(id)) ? rules : null;
    }, { has, lacks });
    return handle.jsonValue();
  }

  /** The replica inbox with ROMANIAN_DRAFT typed into Ana's conversation. */
  async function inboxWithDraft() {
    const inbox = await openInbox(context, "/latest/inbox/all?anaWrites=ro");
    await composerOf(inbox).click();
    await inbox.keyboard.type(ROMANIAN_DRAFT[0], { delay: 3 });
    await inbox.keyboard.press("Shift+Enter");
    await inbox.keyboard.type(ROMANIAN_DRAFT[1], { delay: 3 });
    return inbox;
  }

  const storedVoice = async () => {
    const [{ settings }, { voiceProfile }] = await worker.evaluate(() =>
      Promise.all([chrome.storage.sync.get("settings"), chrome.storage.local.get("voiceProfile")]),
    );
    return { voice: settings?.voice, voiceProfile };
  };

  /** The settings page with "Custom…" chosen: the editor open, its first check done. */
  async function openEditor() {
    const page = await context.newPage();
    await page.goto(optionsUrl);
    await page.locator('#voice option[value="custom"]:not([disabled])').waitFor({ state: "attached" });
    await page.locator("#voice").selectOption("custom");
    await page.locator("#voiceEditor").waitFor({ state: "visible" });
    return page;
  }

  /** Types `text` into the editor (as one input) and waits for the check of it, which runs
   * once typing pauses (the results are aria-busy until then). */
  async function edit(page, text) {
    await page.locator("#voiceDocument").fill(text);
    await page.locator('#voiceCheck[aria-busy="false"]').waitFor({ state: "attached" });
  }

  const problems = (id, page) =>
    page.$$eval(`#${id}-list li`, (items) =>
      items.map((li) => ({ field: li.dataset.field ?? null, text: li.textContent })),
    );

  /** A file on disk for setInputFiles. */
  function profileFile(name, content) {
    const path = join(mkdtempSync(join(tmpdir(), "voice-")), name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return path;
  }

  test("choosing Formal, then Friendly, on the settings page changes the open draft's findings", async () => {
    // Informal Romanian: fine for the default, neutral voice. (Her last name is there so
    // the card always has a finding to show the draft was linted.)
    const inbox = await inboxWithDraft();
    await findingsWhen(inbox, { has: ["name-last"], lacks: ["register-mismatch"] });

    const settings = await context.newPage();
    await settings.goto(optionsUrl);
    await settings.locator("[data-rule]").first().waitFor(); // Ready: every control is bound once the rules are listed.
    await settings.locator("#voice").selectOption("formal");
    await inbox.bringToFront();
    // A formal team is told the draft is informal.
    await findingsWhen(inbox, { has: ["name-last", "register-mismatch"], lacks: [] });

    await settings.locator("#voice").selectOption("friendly");
    await findingsWhen(inbox, { has: ["name-last"], lacks: ["register-mismatch"] });
    const stored = await worker.evaluate(() => chrome.storage.sync.get("settings"));
    assert.equal(stored.settings.voice, "friendly");
    assert.deepEqual(pageErrors(inbox), []);
    await settings.close();
    await inbox.close();
  });

  test("an invalid profile shows its problem, naming the field, and stores nothing", SETTINGS_ONLY, async () => {
    const before = await storedVoice();
    const page = await openEditor();
    // The editor starts from the built-in profile the menu had (Friendly, from the test above).
    assert.equal(JSON.parse(await page.inputValue("#voiceDocument")).name, "friendly");

    // A phrase that can never match.
    await edit(page, JSON.stringify({ ...ACME, avoid: [{ phrase: "număr*ul" }] }, null, 2));
    const [problem] = await problems("voiceProblems", page);
    assert.equal(problem.field, "avoid[0].phrase");
    assert.match(problem.text, /^avoid\[0\]\.phrase: “număr\*ul” can never match/);
    assert.equal(await page.textContent("#voiceProblems-title"), en.voiceProblemsTitle.message);
    assert.equal(await page.getAttribute("#voiceDocument", "aria-invalid"), "true");
    assert.equal(await page.isDisabled("#voiceSave"), true);

    // JSON's own syntax, with the line and column.
    await edit(page, '{\n  "version": 1,\n  "name": "x"\n  "emoji": "allowed"\n}');
    const [syntax] = await problems("voiceProblems", page);
    assert.equal(syntax.field, null);
    assert.match(syntax.text, /^Not valid JSON: .*line 4 column 3/);
    // HTML in a profile stays text.
    await edit(page, JSON.stringify({ version: 1, emoji: "<img src=x onerror=alert(1)>" }));
    assert.match((await problems("voiceProblems", page))[0].text, /^emoji: must be one of .*<img src=x/);
    assert.equal(await page.locator("#voiceProblems img").count(), 0);

    assert.deepEqual(await storedVoice(), before);
    assert.equal(await page.isVisible("#voice-note"), true, "Custom… is chosen, not yet saved");
    assert.equal(await page.textContent("#voice-note"), en.voiceCustomUnsaved.message);
    await page.close();
  });

  test("a custom profile saved on the settings page changes the open draft's findings at once", async () => {
    const inbox = await inboxWithDraft();
    await findingsWhen(inbox, { has: ["name-last"], lacks: ["voice-avoid"] });

    const settings = await openEditor();
    await edit(settings, JSON.stringify(ACME, null, 2));
    assert.equal(await settings.textContent("#voiceExamplesSummary"), enMessage("voiceExamplesSummary", "1", "1"));
    assert.equal(await settings.getAttribute("#voiceExamples li", "data-passed"), "true");
    assert.deepEqual(await problems("voiceProblems", settings), []);
    await settings.click("#voiceSave");
    await settings.locator("#voiceNotice").filter({ hasText: en.voiceSaved.message }).waitFor();
    await inbox.bringToFront();
    // No keystroke in the inbox: the stored profile reached the open draft.
    await findingsWhen(inbox, { has: ["name-last", "voice-avoid"], lacks: ["register-mismatch"] });
    assert.deepEqual(await storedVoice(), { voice: "custom", voiceProfile: ACME });
    // Reduced mode (the core in the service worker) resolves "custom" the same way.
    const draft = ROMANIAN_DRAFT.join("\n");
    const reduced = await worker.evaluate((draft) => globalThis.replyCoach.lint(draft, {}, true), draft);
    assert.ok(reduced.findings.some((finding) => finding.rule === "voice-avoid"), JSON.stringify(reduced));
    // The editor keeps the agent's text and has nothing more to save.
    assert.deepEqual(JSON.parse(await settings.inputValue("#voiceDocument")), ACME);
    assert.equal(await settings.isDisabled("#voiceSave"), true);

    // "custom" with no document in this browser (as after sync from another device): neutral, and the page says so.
    await worker.evaluate(() => chrome.storage.local.remove("voiceProfile"));
    await findingsWhen(inbox, { has: ["name-last"], lacks: ["voice-avoid"] });
    await settings.locator("#voice-note").filter({ hasText: en.voiceCustomMissing.message }).waitFor();
    const kept = await settings.inputValue("#voiceDocument");
    assert.equal(kept, JSON.stringify(ACME, null, 2), "the editor keeps its text");
    await settings.click("#voiceSave");
    await findingsWhen(inbox, { has: ["name-last", "voice-avoid"], lacks: [] });
    assert.equal(await settings.isHidden("#voice-note"), true);
    assert.deepEqual(pageErrors(inbox), []);
    await settings.close();
    await inbox.close();
  });

  test("a profile whose self-test fails shows what its example expected and found", SETTINGS_ONLY, async () => {
    const page = await openEditor();
    const failing = {
      ...ACME,
      examples: [
        { draft: "Trimiteți numărul comenzii.", language: "ro", expect: [] },
        // A context is read as lint's is, misspelt fields named.
        { draft: "Mulțumim.", language: "ro", context: { agentNme: "Maria" }, expect: [] },
      ],
    };
    await edit(page, JSON.stringify(failing, null, 2));
    assert.equal(await page.textContent("#voiceExamplesSummary"), enMessage("voiceExamplesSummary", "0", "2"));
    assert.match(await page.getAttribute("#voiceExamplesSummary", "class"), /failed/);
    const examples = page.locator("#voiceExamples li");
    assert.deepEqual(await examples.evaluateAll((items) => items.map((li) => li.dataset.passed)), ["false", "false"]);
    assert.equal(
      await examples.first().textContent(),
      `Trimiteți numărul comenzii. ${enMessage("voiceExampleFailed", en.voiceExampleNothing.message, "voice-avoid")}`,
    );
    assert.match(await examples.nth(1).textContent(), /^Mulțumim\. context: agentNme: unknown field `agentNme`/);
    assert.equal(await page.isDisabled("#voiceSave"), false, "a valid profile can be saved, its failures shown");
    await page.close();
  });

  test("import is all or nothing; export gives back the same document", SETTINGS_ONLY, async () => {
    const page = await openEditor();
    const before = await storedVoice();
    const text = await page.inputValue("#voiceDocument");

    await page.setInputFiles("#voiceImport", profileFile("bad.json", { ...ACME, limits: { max_words: 2 } }));
    await page.locator("#voiceImportErrors").waitFor({ state: "visible" });
    assert.equal(await page.textContent("#voiceImportErrors-title"), enMessage("voiceImportFailed", "bad.json"));
    const [problem] = await problems("voiceImportErrors", page);
    assert.equal(problem.field, "limits.max_words");
    const huge = { ...ACME, description: "x".repeat(70 * 1024) };
    await page.setInputFiles("#voiceImport", profileFile("huge.json", huge));
    await page.locator("#voiceImportErrors-title").filter({ hasText: "huge.json" }).waitFor();
    const [tooLarge] = await problems("voiceImportErrors", page);
    assert.match(tooLarge.text, /^The profile is 70\.\d KB; a voice profile may be at most 64 KB\.$/);
    await page.setInputFiles("#voiceImport", profileFile("typo.json", "{ \"version\": 1, }"));
    await page.locator("#voiceImportErrors-title").filter({ hasText: "typo.json" }).waitFor();
    assert.deepEqual(await storedVoice(), before, "nothing stored");
    assert.equal(await page.inputValue("#voiceDocument"), text, "the editor keeps its text");

    const formal = { ...ACME, name: "Acme Bank, Formal", register: "formal", emoji: "not-allowed", examples: [] };
    await page.setInputFiles("#voiceImport", profileFile("acme-bank.json", formal));
    await page.locator("#voiceNotice").filter({ hasText: enMessage("voiceImported", "acme-bank.json") }).waitFor();
    assert.equal(await page.isHidden("#voiceImportErrors"), true);
    assert.deepEqual(await storedVoice(), { voice: "custom", voiceProfile: formal });
    assert.deepEqual(JSON.parse(await page.inputValue("#voiceDocument")), formal);
    assert.equal(await page.textContent("#voiceExamplesSummary"), en.voiceExamplesNone.message);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#voiceExport")]);
    assert.equal(download.suggestedFilename(), "acme-bank-formal.json");
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), formal);
    await page.close();
  });

  test("at first run the welcome points to the house voice, next to the name", SETTINGS_ONLY, async () => {
    const { settings } = await worker.evaluate(() => chrome.storage.sync.get("settings"));
    await worker.evaluate(() => chrome.storage.sync.set({ settings: {} }));
    const page = await context.newPage();
    await page.goto(optionsUrl);
    await page.locator("#welcomeVoice").waitFor({ state: "visible" });
    assert.equal(await page.textContent("#welcomeVoice"), en.voiceWelcome.message);
    assert.equal(await page.isVisible("#voice"), true);
    await page.close();
    await worker.evaluate((settings) => chrome.storage.sync.set({ settings }), settings);
  });
});
