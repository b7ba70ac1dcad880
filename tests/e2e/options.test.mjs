// The settings page and the translations, as a user gets them: dist/chrome (from
// ./build.sh) loaded into Chromium with a fresh profile, the page driven with real input
// events, and chrome.storage.sync read back from the extension's service worker.
//
//   node --test tests/e2e/options.test.mjs        (after ./build.sh)
//
// The translation checks need no browser: they read extension/_locales and ask the built
// Wasm core (in Node) for its rule ids.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { en, extensionDir, launchWithExtension, message, messagesOf, openInbox, readUntil, serveReplica } from "./harness.mjs";

const localesDir = fileURLToPath(new URL("../../extension/_locales", import.meta.url));

const ruleKey = (id, part) => `rule_${id.replaceAll("-", "_")}_${part}`;

/** What the built core says the settings are (StoredSettings::schema_json), from its Wasm
 * run in Node: the page must show exactly these defaults and rules. */
async function coreSchema() {
  const glue = await import(pathToFileURL(`${extensionDir}/pkg/reply_coach.js`));
  await glue.default({ module_or_path: readFileSync(`${extensionDir}/pkg/reply_coach_bg.wasm`) });
  return glue.settingsSchema();
}

/** Chromium with dist/chrome in a fresh profile, its UI (and so _locales) in `lang`. */
const launchIn = (lang) => launchWithExtension({ args: [`--lang=${lang}`] });

/**
 * The settings page the install opened. Chromium opens it over the blank tab a fresh
 * profile starts with, or in a new tab.
 */
function settingsPageOpenedByInstall(context, url) {
  const opened = (page) => page.waitForURL(url).then(() => page);
  return Promise.any([...context.pages().map(opened), context.waitForEvent("page").then(opened)]);
}

describe("the translations", () => {
  const locales = readdirSync(localesDir);

  test("exist for English, Romanian, Armenian and Hindi", () => {
    assert.deepEqual(locales.sort(), ["en", "hi", "hy", "ro"]);
  });

  test("have exactly the English keys, each with a message and the same placeholders", () => {
    for (const locale of locales) {
      const messages = messagesOf(locale);
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), `${locale}: keys differ from en`);
      for (const [key, { message, placeholders }] of Object.entries(messages)) {
        assert.ok(message.trim().length > 0, `${locale}.${key} is empty`);
        assert.deepEqual(Object.keys(placeholders ?? {}), Object.keys(en[key].placeholders ?? {}), `${locale}.${key}: placeholders`);
        // Every placeholder declared is used, and nothing that looks like one is undeclared.
        const used = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase());
        assert.deepEqual(used.sort(), Object.keys(placeholders ?? {}).sort(), `${locale}.${key}: ${message}`);
      }
      assert.equal(messages.uiLang.message, locale);
    }
  });

  test("are each used: by name in the extension's code and pages or the core's DOM layer, or under a prefix the code completes", () => {
    const read = (dir, keep) =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? read(`${dir}/${entry.name}`, keep) : keep(entry.name) ? [readFileSync(`${dir}/${entry.name}`, "utf8")] : [],
      );
    const extension = fileURLToPath(new URL("../../extension", import.meta.url));
    const web = fileURLToPath(new URL("../../src/web", import.meta.url));
    const code = [
      ...readdirSync(extension).filter((name) => /\.(js|html|json)$/.test(name) && !name.startsWith("package")).map((name) => readFileSync(`${extension}/${name}`, "utf8")),
      ...read(web, (name) => name.endsWith(".rs")),
    ].join("\n");
    // Keys the code builds from a value: `language_${code}`, `rule_${id}_title`, ….
    const PREFIXES = ["language_", "rule_", "voice_", "healthStatus_", "healthPart_", "teachError_", "toolbarCount_", "hoursDay", "weekdayShort"];
    const used = (key) =>
      [`"${key}"`, `__MSG_${key}__`, `data-i18n="${key}"`].some((form) => code.includes(form)) ||
      PREFIXES.some((prefix) => key.startsWith(prefix) && code.includes(prefix));
    assert.deepEqual(Object.keys(en).filter((key) => !used(key)), []);
  });

  test("name and describe every rule of the core, and no other", async () => {
    const ids = (await coreSchema()).ruleIds;
    const ruleKeys = Object.keys(en).filter((key) => key.startsWith("rule_")).sort();
    assert.deepEqual(ruleKeys, ids.flatMap((id) => [ruleKey(id, "title"), ruleKey(id, "description")]).sort());
  });

  test("write Romanian with comma-below ș and ț, not the cedilla look-alikes", () => {
    const text = Object.values(messagesOf("ro")).map(({ message }) => message).join("\n");
    assert.doesNotMatch(text, /[şţŞŢ]/u);
    assert.match(text, /[șț]/u);
  });
});

describe("the settings page in Chromium", () => {
  let context;
  let worker;
  let optionsUrl;
  let ruleIds;
  /** The settings an untouched page stores: the core's defaults, and its version. */
  let DEFAULTS;

  before(async () => {
    let extensionId;
    ({ context, worker, extensionId } = await launchIn("en-US"));
    optionsUrl = `chrome-extension://${extensionId}/options.html`;
    const schema = await coreSchema();
    ruleIds = schema.ruleIds;
    DEFAULTS = { version: schema.version, ...schema.defaults };
    // The replica inbox, for the name an inbox tab suggests.
    await serveReplica(context);
  });

  after(async () => {
    await context?.close();
  });

  const stored = async () => (await worker.evaluate(() => chrome.storage.sync.get("settings"))).settings;

  /** The settings page, loaded: its rule switches are built once the core answered. */
  async function openSettings() {
    const page = await context.newPage();
    await page.goto(optionsUrl);
    await page.locator("[data-rule]").first().waitFor();
    // Inert until then (options.html), so nothing typed before the controls were bound is
    // lost; open once they are.
    assert.deepEqual(await page.locator("main").evaluate((main) => [main.inert, main.ariaBusy]), [false, "false"]);
    return page;
  }

  /** Waits for the status line to say "Saved" (every edit clears it first). */
  const saved = (page) => page.locator("#status").filter({ hasText: en.statusSaved.message }).waitFor();

  const ruleSwitch = (page, id) => page.locator(`[data-rule="${id}"]`);

  // Runs first: the install of this fresh profile opened the page by itself.
  test("opens on a fresh install, asking for the first name", async () => {
    const page = await settingsPageOpenedByInstall(context, optionsUrl);
    await page.locator("#welcome").waitFor({ state: "visible" });
    assert.equal(await page.locator("#welcome").textContent(), en.optionsWelcome.message);
    assert.equal(await page.evaluate(() => document.activeElement.id), "agentName");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await page.close();
  });

  describe("with nothing stored", () => {
    beforeEach(() => worker.evaluate(() => chrome.storage.sync.clear()));

    test("shows the defaults and every rule of the core, switched on, with its title and description", async () => {
      const page = await openSettings();
      assert.equal(await page.inputValue("#agentName"), "");
      assert.equal(await page.inputValue("#language"), "auto");
      for (const key of ["previewBudget", "maxWords", "maxSentenceWords", "closingHours", "lastHourHours", "waitingAmberMinutes", "waitingRedMinutes"]) {
        assert.equal(await page.inputValue(`#${key}`), String(DEFAULTS[key]));
        assert.match(await page.textContent(`#${key}-help`), new RegExp(`${DEFAULTS[key]}\\.$`));
      }
      assert.deepEqual(await page.locator("[data-rule]").evaluateAll((inputs) => inputs.map((i) => i.dataset.rule)), ruleIds);
      for (const id of ruleIds) {
        const toggle = ruleSwitch(page, id);
        assert.equal(await toggle.isChecked(), true, id);
        assert.equal(await page.getByRole("switch", { name: en[ruleKey(id, "title")].message, exact: true }).count(), 1, id);
        assert.equal(await page.textContent(`#rule-${id}-description`), en[ruleKey(id, "description")].message);
      }
      await page.close();
    });

    test("stores exactly the settings schema, and shows it again after a reload", async () => {
      const page = await openSettings();
      await page.fill("#agentName", "Maria");
      await page.press("#agentName", "Tab");
      await saved(page);
      await page.selectOption("#language", "ro");
      await saved(page);
      await page.fill("#maxWords", "60");
      await page.press("#maxWords", "Tab");
      await saved(page);
      await ruleSwitch(page, "tone-shout").click();
      await saved(page);
      await ruleSwitch(page, "brevity").click();
      await saved(page);

      const expected = { ...DEFAULTS, agentName: "Maria", language: "ro", maxWords: 60, disabledRules: ["tone-shout", "brevity"] };
      assert.deepEqual(await stored(), expected);

      await page.reload();
      await page.locator("[data-rule]").first().waitFor();
      assert.equal(await page.inputValue("#agentName"), "Maria");
      assert.equal(await page.inputValue("#language"), "ro");
      assert.equal(await page.inputValue("#maxWords"), "60");
      assert.equal(await ruleSwitch(page, "tone-shout").isChecked(), false);
      assert.equal(await ruleSwitch(page, "brevity").isChecked(), false);
      assert.equal(await ruleSwitch(page, "name-last").isChecked(), true);
      assert.equal(await page.locator("#welcome").isHidden(), true, "the welcome is for a missing name only");

      // Switched back on, a rule leaves the list.
      await ruleSwitch(page, "tone-shout").click();
      await saved(page);
      assert.deepEqual((await stored()).disabledRules, ["brevity"]);
      await page.close();
    });

    test("refuses a bad limit or name with a reason, and keeps what was stored", async () => {
      const page = await openSettings();
      await page.fill("#agentName", "Ana");
      await page.fill("#maxWords", "45");
      await page.press("#maxWords", "Tab");
      await saved(page);
      const before = await stored();
      assert.deepEqual(before, { ...DEFAULTS, agentName: "Ana", maxWords: 45 });

      for (const bad of ["0", "2.5", ""]) {
        await page.fill("#maxWords", bad);
        await page.press("#maxWords", "Tab");
        assert.equal(await page.isVisible("#maxWords-error"), true, `"${bad}" was not refused`);
        assert.equal(await page.textContent("#maxWords-error"), en.limitError.message);
        assert.equal(await page.getAttribute("#maxWords", "aria-invalid"), "true");
        assert.equal(await page.textContent("#status"), "", `"Saved" shown after "${bad}"`);
      }
      for (const bad of ["Ana Popescu", "Ana2"]) {
        await page.fill("#agentName", bad);
        await page.press("#agentName", "Tab");
        assert.equal(await page.textContent("#agentName-error"), en.agentNameError.message);
        assert.equal(await page.isVisible("#agentName-error"), true, `"${bad}" was not refused`);
      }
      // Saves run in order, so once this one is stored every refused edit before it
      // would have been too.
      await ruleSwitch(page, "stock-phrase").click();
      await saved(page);
      assert.deepEqual(await stored(), { ...before, disabledRules: ["stock-phrase"] });
      // The refused text stays in view to be corrected; another change did not wipe it.
      assert.equal(await page.inputValue("#maxWords"), "");

      await page.reload();
      await page.locator("[data-rule]").first().waitFor();
      assert.equal(await page.inputValue("#maxWords"), "45");
      assert.equal(await page.inputValue("#agentName"), "Ana");
      assert.equal(await page.isHidden("#maxWords-error"), true);
      await page.close();
    });

    test("stores the reply clock's thresholds in hours, and refuses them out of range or out of order", async () => {
      const page = await openSettings();
      await page.fill("#closingHours", "18.5");
      await page.press("#closingHours", "Tab");
      await saved(page);
      await page.fill("#lastHourHours", "22");
      await page.press("#lastHourHours", "Tab");
      await saved(page);
      const before = await stored();
      assert.deepEqual(before, { ...DEFAULTS, closingHours: 18.5, lastHourHours: 22 });

      // Not a number of hours, not under Meta's 24, or amber after red (22 h shown beside it).
      for (const [key, bad] of [["closingHours", "0"], ["closingHours", "24"], ["closingHours", "22.5"], ["lastHourHours", "18"], ["lastHourHours", ""]]) {
        await page.fill(`#${key}`, bad);
        await page.press(`#${key}`, "Tab");
        assert.equal(await page.isVisible(`#${key}-error`), true, `${key} "${bad}" was not refused`);
        assert.equal(await page.textContent(`#${key}-error`), en.clockError.message);
        assert.equal(await page.getAttribute(`#${key}`, "aria-invalid"), "true");
        await page.fill(`#${key}`, String(before[key]));
        await page.press(`#${key}`, "Tab");
        assert.equal(await page.isHidden(`#${key}-error`), true);
      }
      // Equal thresholds are allowed: no amber stage.
      await page.fill("#closingHours", "22");
      await page.press("#closingHours", "Tab");
      await saved(page);
      assert.deepEqual(await stored(), { ...before, closingHours: 22 });

      await page.reload();
      await page.locator("[data-rule]").first().waitFor();
      assert.equal(await page.inputValue("#closingHours"), "22");
      assert.equal(await page.inputValue("#lastHourHours"), "22");
      await page.close();
    });

    test("stores the waiting marks in whole minutes, refused out of range or out of order, and the toolbar's count", async () => {
      const page = await openSettings();
      assert.equal(await page.inputValue("#toolbarCount"), "lastHour");
      await page.fill("#waitingAmberMinutes", "8");
      await page.press("#waitingAmberMinutes", "Tab");
      await saved(page);
      await page.fill("#waitingRedMinutes", "12");
      await page.press("#waitingRedMinutes", "Tab");
      await saved(page);
      await page.selectOption("#toolbarCount", "waiting");
      await saved(page);
      const before = await stored();
      assert.deepEqual(before, { ...DEFAULTS, waitingAmberMinutes: 8, waitingRedMinutes: 12, toolbarCount: "waiting" });
      // Not whole minutes, not 1 to 1439, or amber after red (12 shown beside it).
      for (const [key, bad] of [["waitingAmberMinutes", "0"], ["waitingAmberMinutes", "7.5"], ["waitingAmberMinutes", "13"], ["waitingRedMinutes", "1440"], ["waitingRedMinutes", "7"]]) {
        await page.fill(`#${key}`, bad);
        await page.press(`#${key}`, "Tab");
        assert.equal(await page.isVisible(`#${key}-error`), true, `${key} "${bad}" was not refused`);
        assert.equal(await page.textContent(`#${key}-error`), en.waitingError.message);
        assert.equal(await page.getAttribute(`#${key}`, "aria-invalid"), "true");
        await page.fill(`#${key}`, String(before[key]));
        await page.press(`#${key}`, "Tab");
        assert.equal(await page.isHidden(`#${key}-error`), true);
      }
      assert.deepEqual(await stored(), before);
      await page.close();
    });

    test("restores the default limits and keeps the other settings", async () => {
      const page = await openSettings();
      await page.fill("#agentName", "Mihai");
      await page.fill("#previewBudget", "120");
      await page.fill("#maxSentenceWords", "12");
      await page.press("#maxSentenceWords", "Tab");
      await saved(page);
      assert.deepEqual(await stored(), { ...DEFAULTS, agentName: "Mihai", previewBudget: 120, maxSentenceWords: 12 });

      await page.click("#resetLimits");
      await saved(page);
      assert.deepEqual(await stored(), { ...DEFAULTS, agentName: "Mihai" });
      assert.equal(await page.inputValue("#previewBudget"), "90");
      assert.equal(await page.inputValue("#maxSentenceWords"), "30");
      await page.close();
    });

    test("offers the first name an inbox tab saw as 'Sent by', and saves it with one click; a dismissed one stays dismissed", async () => {
      await worker.evaluate(() => chrome.storage.session.remove("agentSuggestion"));
      // An inbox tab with no name set: Ana's conversation shows "Sent by Maria Popa".
      const inbox = await openInbox(context);
      await readUntil(
        () => worker.evaluate(() => chrome.storage.session.get("agentSuggestion")),
        ({ agentSuggestion }) => agentSuggestion?.firstName === "Maria",
        "the inbox tab reported the name",
      );
      const suggestion = (page) =>
        page.evaluate(() => {
          const line = document.getElementById("agentNameSuggestion");
          return line.hidden ? null : line.textContent.replace(/\s+/g, " ").trim();
        });
      let page = await openSettings();
      const offered = `${message("agentNameUse", "Maria")} ${message("agentNameSeen", "Maria Popa")} ${message("agentNameDismiss")}`;
      await readUntil(() => suggestion(page), (text) => text === offered, "the settings page offers Maria");
      assert.equal(await page.textContent("#agentNameUse"), "Use Maria");
      assert.equal(await page.textContent("#agentNameSeen"), "(seen as “Sent by Maria Popa” in the inbox)");
      // Not while the field has a name in it.
      await page.fill("#agentName", "Ana");
      await readUntil(() => suggestion(page), (text) => text === null, "hidden while a name is typed");
      await page.fill("#agentName", "");
      await readUntil(() => suggestion(page), (text) => text === offered, "back once the field is empty");

      await page.click("#agentNameUse");
      await saved(page);
      assert.equal(await page.inputValue("#agentName"), "Maria");
      assert.deepEqual(await stored(), { ...DEFAULTS, agentName: "Maria" });
      assert.equal(await suggestion(page), null);
      await page.close();

      // Emptied again, the name is offered again, until it is dismissed: then not for the
      // rest of the session, on this page or a new one.
      await worker.evaluate(() => chrome.storage.sync.clear());
      page = await openSettings();
      await readUntil(() => suggestion(page), (text) => text === offered, "offered again");
      await page.click("#agentNameDismiss");
      assert.equal(await suggestion(page), null);
      await readUntil(
        () => worker.evaluate(() => chrome.storage.session.get("agentSuggestion")),
        ({ agentSuggestion }) => agentSuggestion?.dismissed?.includes("Maria") && agentSuggestion.firstName === undefined,
        "the dismissal kept for the session",
      );
      await page.reload();
      await page.locator("[data-rule]").first().waitFor();
      assert.equal(await suggestion(page), null);
      assert.equal(await stored(), undefined, "dismissing stores no settings");
      await page.close();
      await inbox.close();
      await worker.evaluate(() => chrome.storage.session.remove("agentSuggestion"));
    });

    test("fills what another tab stored, and keeps fields this page does not show", async () => {
      const page = await openSettings();
      // A newer version on a synced device may disable a rule this core does not have.
      await worker.evaluate(() =>
        chrome.storage.sync.set({ settings: { maxWords: 33, disabledRules: ["future-rule"] } }),
      );
      await page.waitForFunction(() => document.getElementById("maxWords").value === "33");
      await ruleSwitch(page, "name-missing").click();
      await saved(page);
      assert.deepEqual(await stored(), { ...DEFAULTS, maxWords: 33, disabledRules: ["future-rule", "name-missing"] });
      await page.close();
    });
  });
});

describe("the settings page in Romanian", () => {
  let context;
  let extensionId;

  before(async () => {
    ({ context, extensionId } = await launchIn("ro"));
  });

  after(async () => {
    await context?.close();
  });

  test("is written in Romanian and says so", async () => {
    const page = await settingsPageOpenedByInstall(context, `chrome-extension://${extensionId}/options.html`);
    await page.locator("[data-rule]").first().waitFor();
    const ro = messagesOf("ro");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ro");
    assert.equal(await page.title(), ro.optionsTitle.message);
    assert.equal(await page.textContent('label[for="rule-tone-shout"]'), ro.rule_tone_shout_title.message);
    assert.equal(await page.locator("#language option:checked").textContent(), ro.language_auto.message);
    await page.close();
  });
});
