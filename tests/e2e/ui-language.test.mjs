// Reply Coach's own language (issue 17): the settings' "Language of Reply Coach" puts the
// card, its findings, explanations and fixes, the picker, the badges, the panel, the
// banner, the popup and the settings page in Romanian, Armenian or Hindi, whatever the
// browser's language (here English) and the draft's. For each, every text Reply Coach
// shows is read and the test fails on any English word left in it.
//
// "English" is a word of the English texts (extension/_locales/en/messages.json and the
// core's catalogue) that the chosen language's texts do not use themselves (which lets
// through names such as Reply Coach, Meta or Instagram), and that is not the agent's own
// (the draft, quoted in findings) or data the agent or the pack wrote (template names and
// bodies: a Romanian agent's library holds English templates for English customers).

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, afterEach, before, describe, test } from "node:test";
import {
  composerOf,
  findingsWhen,
  launchWithExtension,
  messagesOf,
  openInbox,
  pageErrors,
  readUntil,
  serveReplica,
  tabIdOf,
  waitForRows,
} from "./harness.mjs";

/** The core's catalogue of `code` (src/catalogue/data), when this build has one: its texts. */
function coreTextsOf(code) {
  const dir = new URL("../../src/catalogue/data/", import.meta.url);
  let files;
  try {
    files = readdirSync(dir).filter((name) => name.startsWith(`${code}.`));
  } catch {
    return [];
  }
  return files.map((name) => readFileSync(new URL(name, dir), "utf8"));
}

/** The core catalogue's text `id` in `code` (src/catalogue/data/<code>.txt: `id = text`). */
function coreText(code, id) {
  const line = coreTextsOf(code)
    .flatMap((text) => text.split("\n"))
    .find((line) => line.startsWith(`${id} = `));
  assert.ok(line, `${code}: ${id} in the core's catalogue`);
  return line.slice(id.length + 3);
}

/** The words of the page profile's format, never translated: the keys of the shipped
 * profile (src/page_profile/inbox.json) and the names of its reads, which the core's
 * errors about a profile file name (`rowTime[0].read: … text, attr, stamp, …`). */
function profileFormatWords() {
  const profile = JSON.parse(readFileSync(new URL("../../src/page_profile/inbox.json", import.meta.url), "utf8"));
  const words = [];
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    for (const [key, item] of Object.entries(value)) {
      words.push(key);
      if (key === "read") words.push(item);
      walk(item);
    }
  };
  walk(profile);
  return wordsOf(words);
}

const LATIN_WORD = /[A-Za-z][A-Za-z'’]+/g;
const wordsOf = (texts) => new Set(texts.flatMap((text) => text.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase()));
const textsOf = (code) => [...Object.values(messagesOf(code)).map(({ message }) => message), ...coreTextsOf(code)];

/** English words of the UI texts that `code`'s own texts never use. */
function englishWordsFor(code) {
  const own = wordsOf(textsOf(code));
  // Placeholders' names ($COUNT$) and one-letter words are no evidence either way.
  return new Set([...wordsOf(textsOf("en"))].filter((word) => !own.has(word) && word.length > 2));
}

/** Fails naming each text of `texts` ({where, text}) that holds a word of `english` not
 * in `allowed` (words of the agent's draft). */
function assertNoEnglish(texts, english, allowed = new Set()) {
  const left = texts.flatMap(({ where, text }) => {
    const found = (text.match(LATIN_WORD) ?? []).filter((word) => english.has(word.toLowerCase()) && !allowed.has(word.toLowerCase()));
    return found.length > 0 ? [`${where}: "${text}" (${[...new Set(found)].join(", ")})`] : [];
  });
  assert.deepEqual(left, [], `English left:\n${left.join("\n")}`);
}

/**
 * In a page: every text Reply Coach put there, as {where, text}: the text nodes and the
 * labels (title, aria-label, placeholder, alt) inside its elements (reply-coach-*, their
 * shadow roots included) and the labels it set on the page's own elements; or, for its own
 * pages (`whole`), the whole document and its <option>s. Template names and bodies (data,
 * not UI) are left out.
 */
function shownTexts(whole) {
  const LABELS = ["title", "aria-label", "placeholder", "alt", "aria-description"];
  const isData = (element) =>
    element.closest(".template-title, .template-body, .template-tags, .shortcut, .preview, [role=option] .name, #templateTagFilter option:not([value=\"\"])") !== null;
  const texts = [];
  const visit = (root, where) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType !== Node.TEXT_NODE && node.nodeType !== Node.ELEMENT_NODE) continue; // The shadow root itself.
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent.trim();
        const parent = node.parentElement;
        if (text && parent && !isData(parent) && !["STYLE", "SCRIPT"].includes(parent.tagName)) {
          const id = parent.closest("[id]")?.id;
          texts.push({ where: id ? `${where} #${id}` : where, text });
        }
        continue;
      }
      if (isData(node)) continue;
      for (const name of LABELS) {
        const value = node.getAttribute(name)?.trim();
        if (value) texts.push({ where: `${where} [${name}]`, text: value });
      }
      if (node.shadowRoot) visit(node.shadowRoot, `${where} > ${node.tagName.toLowerCase()}`);
    }
  };
  if (whole) {
    visit(document.documentElement, location.pathname);
    return texts;
  }
  for (const element of document.querySelectorAll("reply-coach-root, reply-coach-banner, reply-coach-panel, reply-coach-badge, reply-coach-wait")) {
    visit(element, element.tagName.toLowerCase());
  }
  for (const element of document.querySelectorAll("[data-rc-label]")) texts.push({ where: "page label", text: element.getAttribute("aria-label") ?? "" });
  return texts;
}

for (const code of ["ro", "hy", "hi"]) {
  const own = messagesOf(code);
  describe(`Reply Coach in ${own[`language_${code}`].message} (uiLanguage "${code}") in an English browser`, () => {
    const english = englishWordsFor(code);
    let context;
    let worker;
    let extensionId;
    let page;

    before(async () => {
      ({ context, worker, extensionId } = await launchWithExtension({ args: ["--lang=en-US"] }));
      await serveReplica(context);
      await worker.evaluate((uiLanguage) => chrome.storage.sync.set({ settings: { agentName: "Maria", uiLanguage } }), code);
    });

    afterEach(async () => {
      if (page) assert.deepEqual(pageErrors(page), [], "the page threw");
      await page?.close();
      page = undefined;
    });

    after(async () => {
      await context?.close();
    });

    test("the inbox: badges, waits, the panel, the banner, the card with every finding, its explanations and fixes, the picker", async () => {
      page = await openInbox(context, "/latest/inbox/all?composer=lexical&waiting=1");
      await waitForRows(page);
      // A draft that sets off many rules: no greeting, capitals, an argument, a promotion,
      // a private detail asked in public, a placeholder, no sign-off.
      const draft = "YOU ARE WRONG!!! as I already said, send us your card number and phone here. Buy now with 20% off [add date]";
      await composerOf(page).click();
      await page.keyboard.type(draft, { delay: 2 });
      await findingsWhen(page, { has: ["tone-shout", "sign-off-missing"] });
      // Every explanation shown, as an agent would read them.
      await page.evaluate(() => {
        for (const explanation of document.querySelector("reply-coach-root").shadowRoot.querySelectorAll(".explanation")) explanation.hidden = false;
      });
      const card = await page.evaluate(shownTexts, false);
      assert.ok(card.some(({ where }) => where.startsWith("reply-coach-root")), "the card's texts were read");
      // The agent's own words, and the names of the people in the inbox, are no UI text.
      const people = await page.evaluate(() => window.replica.threads().map((thread) => thread.customer));
      const theirs = wordsOf([draft, "Maria", ...people]);
      assertNoEnglish(card, english, theirs);

      // The template picker, opened with its shortcut on an empty line.
      await page.keyboard.press("Enter");
      await page.keyboard.type("/", { delay: 2 });
      await readUntil(
        () => page.evaluate(() => Boolean(document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[role=dialog]:not([hidden])"))),
        Boolean,
        "the picker opens",
      );
      assertNoEnglish(await page.evaluate(shownTexts, false), english, theirs);
    });

    test("the settings page and the popup", async () => {
      page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.locator("[data-rule]").first().waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), code);
      assert.equal(await page.inputValue("#uiLanguage"), code);
      assertNoEnglish(await page.evaluate(shownTexts, true), english);

      // A page-profile file refused for its strategies, rows and composer: each reason is
      // the chosen language's, after the path of the key at fault as the file writes it.
      const refused = {
        replyCoachProfile: 1,
        parts: {
          rows: [{ css: "[role=row]", xpath: "//div" }],
          rowName: [{ css: "" }],
          rowSnippet: [{ css: "b", read: "block" }],
          rowTime: [{ css: "span[data-timestamp]", read: "when" }],
          rowAvatar: [{ css: "img", read: "attr" }],
          composer: { sendDepth: 20 },
        },
      };
      await page.setInputFiles("#profileImport", { name: "refused.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(refused)) });
      const reasons = await readUntil(
        () => page.$$eval("#profileImportErrors-list li", (items) => items.map((li) => li.textContent)),
        (shown) => shown.length === 6,
        "the file's six reasons listed",
      );
      for (const path of ["parts.rows[0]", "parts.rowName[0].css", "parts.rowSnippet[0].css", "parts.rowTime[0].read", "parts.rowAvatar[0].attr", "parts.composer.sendDepth"]) {
        assert.ok(reasons.some((reason) => reason.startsWith(`${path}: `)), `${path} in ${JSON.stringify(reasons)}`);
      }
      const fileWords = new Set([...wordsOf([JSON.stringify(refused)]), ...profileFormatWords()]);
      assertNoEnglish(await page.evaluate(shownTexts, true), english, fileWords);

      const inbox = await openInbox(context, "/latest/inbox/all");
      await waitForRows(inbox);
      const tabId = await tabIdOf(worker, inbox);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await readUntil(() => popup.evaluate(() => document.documentElement.lang), (lang) => lang === code, "the popup in the chosen language");
      await popup.locator("#healthParts li").first().waitFor();
      const people = await inbox.evaluate(() => window.replica.threads().map((thread) => thread.customer));
      assertNoEnglish(await popup.evaluate(shownTexts, true), english, wordsOf(people));
      await Promise.all([popup.close(), inbox.close()]);
    });
  });
}

describe("choosing the language of Reply Coach on the settings page", () => {
  let context;
  let worker;
  let extensionId;

  before(async () => {
    ({ context, worker, extensionId } = await launchWithExtension({ args: ["--lang=en-US"] }));
    await serveReplica(context);
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { agentName: "Maria" } }));
  });

  after(async () => {
    await context?.close();
  });

  test("turns the open inbox's card and the page itself to Hindi at once, and Automatic back to the browser's English", async () => {
    const inbox = await openInbox(context, "/latest/inbox/all?composer=lexical");
    await composerOf(inbox).click();
    await inbox.keyboard.type("STOP SHOUTING please", { delay: 2 });
    await findingsWhen(inbox, { has: ["tone-shout"] });
    const cardLabel = () => inbox.evaluate(() => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[aria-label]")?.getAttribute("aria-label"));
    const cardButtons = () => inbox.evaluate(() => [...document.querySelector("reply-coach-root").shadowRoot.querySelectorAll("button")].map((b) => b.textContent).join(" | "));
    const englishButtons = await cardButtons();

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator("[data-rule]").first().waitFor();
    assert.equal(await options.evaluate(() => document.documentElement.lang), "en");
    // Each language is offered by its own name too.
    assert.deepEqual(
      await options.locator("#uiLanguage option").evaluateAll((all) => all.map((o) => o.textContent)),
      ["Automatic", "English · English", "Romanian · Română", "Armenian · Հայերեն", "Hindi · हिन्दी"],
    );
    await options.selectOption("#uiLanguage", "hi");
    await readUntil(() => options.evaluate(() => document.documentElement.lang).catch(() => ""), (lang) => lang === "hi", "the settings page in Hindi");
    await options.locator("[data-rule]").first().waitFor();
    assert.equal(await options.locator("label[for=uiLanguage]").textContent(), messagesOf("hi").uiLanguageLabel.message);
    assert.equal((await worker.evaluate(() => chrome.storage.sync.get("settings"))).settings.uiLanguage, "hi");

    // The open inbox follows without a reload: its card's buttons are Hindi now.
    // Its own words and the core's: "Ignore" and the fix's label ("Write it in lower case").
    const hindi = [messagesOf("hi").ignoreFinding.message, coreText("hi", "tone-shout.fix.lower-case")];
    await readUntil(cardButtons, (buttons) => hindi.every((text) => buttons.includes(text)), "the card's buttons in Hindi");
    assert.notEqual(await cardLabel(), null);

    await options.selectOption("#uiLanguage", "auto");
    await readUntil(() => options.evaluate(() => document.documentElement.lang).catch(() => ""), (lang) => lang === "en", "the settings page back in English");
    await readUntil(cardButtons, (buttons) => buttons === englishButtons, "the card's buttons back in English");
    await options.close();
    await inbox.close();
  });
});
