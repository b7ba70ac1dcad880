// Input methods in the composer, end to end: the built extension (dist/chrome) in Chromium
// on the replica inbox (in RC_LAYOUT's layout), in the real Lexical editor and in the
// textarea. A Hindi and an Armenian word are composed the way an input method composes
// them: the browser's own IME path, driven through the DevTools protocol
// (Input.imeSetComposition for each step of the word, Input.insertText to commit it), so
// the page sees real compositionstart / compositionupdate / insertCompositionText input /
// compositionend events, and keys pressed meanwhile carry isComposing and key code 229.
//
// While the word is being composed Reply Coach must change nothing: no lint, no fix (one
// pressed meanwhile is refused, with a line in the card; a template, in the picker), no
// picker key; once it is
// committed the draft is linted, and the editor's own model holds exactly what was typed.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { composerOf, findingsWhen, launchOnReplica, message, openInbox, pageErrors, STRICT_PATH } from "./harness.mjs";

/** Each word as an input method builds it, step by step, after a prefix typed as it is. The
 * prefix has a finding with a fix ("!!"); the committed word completes a stock phrase. */
const WORDS = {
  Hindi: { prefix: "नमस्ते Ana!! आपकी समझ के लिए ", steps: ["ध", "धन", "धन्", "धन्य", "धन्यव", "धन्यवा", "धन्यवाद"] },
  Armenian: { prefix: "Բարեւ Ana!! ձեր կարծիքը կարևոր է մեզ ", steps: ["հ", "հա", "համ", "համա", "համար"] },
};
const COMPOSERS = ["lexical", "textarea"];
const TIMEOUT = { timeout: 60_000 };

describe("input method compositions in the composer", () => {
  let context;

  before(async () => {
    ({ context } = await launchOnReplica());
  });

  after(async () => {
    await context?.close();
  });

  /** The replica with composer `kind`, focused, a DevTools session on it, and a log in the
   * page of the composition events, Reply Coach's updates (its `reply-coach:update`
   * measures) and lints (each write of the composer's data-rc-findings), each with its time;
   * `path`: the inbox's address. */
  async function composing(kind, path = "/latest/inbox/all") {
    const page = await openInbox(context, `${path}?composer=${kind}`);
    await composerOf(page).click();
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => {
      const log = (window.compositionLog = []);
      for (const type of ["compositionstart", "compositionend"]) {
        document.addEventListener(type, (event) => log.push({ type, at: event.timeStamp, data: event.data }), true);
      }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === "reply-coach:update") log.push({ type: "update", at: entry.startTime });
        }
      }).observe({ type: "measure" });
      new MutationObserver((records) => {
        for (const _ of records) log.push({ type: "lint", at: performance.now() });
      }).observe(document.documentElement, { subtree: true, attributeFilter: ["data-rc-findings"] });
    });
    return { page, cdp };
  }

  /** What the composer shows: the textarea's value, or the editor's text in the DOM, less
   * the zero-width space Lexical keeps after a word being composed. */
  const shownText = () => {
    const box = window.replica.composer();
    return box.value ?? box.textContent.replaceAll("\u200b", "");
  };
  const shown = (page) => page.evaluate(shownText);
  /** The composer's own model: Lexical's editor state, or the textarea's value. */
  const model = (page) => page.evaluate(() => window.replica.composerModelText());
  const log = (page) => page.evaluate(() => window.compositionLog);

  /** Composes `steps` (the last is the word) without committing it, each step shown first. */
  async function composeSteps(page, cdp, prefix, steps) {
    for (const step of steps) {
      await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
      await page.waitForFunction(`(${shownText})() === ${JSON.stringify(prefix + step)}`);
    }
  }

  /** Checks the log: one composition that committed `word`, no update or lint during it,
   * and a lint after it. */
  async function checkLog(page, word) {
    const entries = await log(page);
    const starts = entries.filter((e) => e.type === "compositionstart");
    const ends = entries.filter((e) => e.type === "compositionend");
    assert.equal(starts.length, 1, JSON.stringify(entries));
    assert.equal(ends.length, 1, JSON.stringify(entries));
    assert.equal(ends[0].data, word);
    const [start, end] = [starts[0].at, ends[0].at];
    const during = entries.filter((e) => (e.type === "update" || e.type === "lint") && e.at > start && e.at < end);
    assert.deepEqual(during, [], "nothing linted or updated while the word was composed");
    assert.ok(
      entries.some((e) => e.type === "lint" && e.at > end),
      `a lint after compositionend: ${JSON.stringify(entries)}`,
    );
  }

  /** The card's status line, or null while it is hidden. */
  const cardStatus = (page) =>
    page.evaluate(() => {
      const status = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".card .status");
      return status && !status.hidden ? status.textContent : null;
    });

  for (const kind of COMPOSERS) {
    for (const [language, { prefix, steps }] of Object.entries(WORDS)) {
      const word = steps.at(-1);

      test(`${kind}: a ${language} word is left alone while composed, and linted once committed`, TIMEOUT, async () => {
        const { page, cdp } = await composing(kind);
        await page.keyboard.insertText(prefix);
        await findingsWhen(page, { has: ["tone-shout"], lacks: ["stock-phrase"] });
        assert.equal(await model(page), prefix);

        await composeSteps(page, cdp, prefix, steps);
        // A fix pressed mid-word is refused where the agent looks, and touches nothing.
        const before = { shown: await shown(page), model: await model(page) };
        await page.locator('reply-coach-root li[data-rule="tone-shout"] button.fix').click();
        await page.waitForFunction(
          (text) =>
            document.querySelector("reply-coach-root").shadowRoot.querySelector(".card .status")?.textContent === text,
          message("composingWait"),
        );
        assert.deepEqual({ shown: await shown(page), model: await model(page) }, before, "the fix changed nothing");
        assert.equal(before.shown, prefix + word);

        await cdp.send("Input.insertText", { text: word });
        await page.waitForFunction(() => window.compositionLog.some((entry) => entry.type === "compositionend"));
        // The committed word is linted: the stock phrase it completes is found, and the
        // shouting the refused fix would have repaired is still there.
        await findingsWhen(page, { has: ["stock-phrase", "tone-shout"] });
        assert.equal(await model(page), prefix + word, "the editor's model holds exactly what was typed");
        assert.equal(await shown(page), prefix + word);
        // The refusal gave way to the lint after the word.
        assert.notEqual(await cardStatus(page), message("composingWait"));

        await checkLog(page, word);
        assert.deepEqual(pageErrors(page), []);
        await page.close();
      });

      test(`${kind}: the Enter that commits a ${language} word is not the slash picker's`, TIMEOUT, async () => {
        const { page, cdp } = await composing(kind);
        const sent = await page.evaluate(() => window.replica.messages().length);
        await page.keyboard.type("/");
        const pickerOpen = () =>
          page.evaluate(() => {
            const panel = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[role=dialog]");
            return Boolean(panel && !panel.hidden);
          });
        await page.waitForFunction(() => {
          const panel = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[role=dialog]");
          return panel && !panel.hidden;
        });

        await composeSteps(page, cdp, "/", steps);
        // The input method takes Enter to commit the word: the key arrives composing, with
        // key code 229, and the word is committed.
        const enter = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
        await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...enter });
        await cdp.send("Input.insertText", { text: word });
        await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...enter, windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });

        // The picker searches for the committed word, and nothing was inserted or sent.
        await page.waitForFunction(
          (word) => document.querySelector("reply-coach-root").shadowRoot.querySelector("[role=combobox]").value === word,
          word,
        );
        assert.equal(await pickerOpen(), true, "the picker stays open on the query");
        assert.equal(await model(page), `/${word}`);
        assert.equal(await page.evaluate(() => window.replica.messages().length), sent, "nothing was sent");
        const entries = await log(page);
        assert.equal(entries.filter((e) => e.type === "compositionend").length, 1, JSON.stringify(entries));
        assert.deepEqual(pageErrors(page), []);
        await page.close();
      });

      test(`${kind}: a template picked while a ${language} word is composed is refused`, TIMEOUT, async () => {
        const { page, cdp } = await composing(kind);
        await page.keyboard.type("/thanks", { delay: 5 });
        const option = page.locator('reply-coach-root [role=option][data-template-id="compliment-thanks.en"]');
        await option.waitFor();
        await composeSteps(page, cdp, "/thanks", steps);
        await option.click();
        await page.waitForFunction(
          (text) => document.querySelector("reply-coach-root").shadowRoot.querySelector(".picker .status")?.textContent === text,
          message("composingWait"),
        );
        await cdp.send("Input.insertText", { text: word });
        await page.waitForFunction(() => window.compositionLog.some((entry) => entry.type === "compositionend"));
        assert.equal(await model(page), `/thanks${word}`, "nothing was inserted");
        assert.deepEqual(pageErrors(page), []);
        await page.close();
      });

      // Reduced mode (a page that forbids WebAssembly) lints through the service worker and
      // writes only the composer's count. This proves the lint after the word and the exact
      // text; its "nothing during" holds only as long as the composition outlasts the mode's
      // pause, which these quick ones may not (the tests above hold a word open longer).
      test(`${kind}, reduced mode: a ${language} word is linted once committed`, TIMEOUT, async () => {
        const { page, cdp } = await composing(kind, STRICT_PATH);
        const cardHas = (rule) =>
          page.waitForFunction((rule) => {
            const root = document.querySelector("reply-coach-root")?.shadowRoot;
            return root?.querySelector('[data-rc-mode="reduced"]') && root.querySelector(`[data-rule="${rule}"]`);
          }, rule);
        // Key by key: reduced mode lints on input events, and Lexical fires none for text
        // it inserts itself (the first key of a line, or a whole paste of text).
        await page.keyboard.type(prefix, { delay: 5 });
        await cardHas("tone-shout");
        await composeSteps(page, cdp, prefix, steps);
        await cdp.send("Input.insertText", { text: word });
        await cardHas("stock-phrase");
        assert.equal(await model(page), prefix + word);
        await checkLog(page, word);
        await page.close();
      });
    }
  }
});
