// No lost draft, end to end: every edit Reply Coach makes (a fix, a template insertion) on
// the replica's Lexical editor and textarea is one undo step, is refused (and says so)
// when the composer no longer holds the text it was made for, and never touches the
// clipboard; on drafts that stress the offsets: 100,000 characters, right-to-left text
// with a Latin name, emoji sequences, and combining marks. Every check is on the editor's
// own model text, character for character. (composer.test.mjs and templates.test.mjs test
// the plain cases; this file is the matrix around them.) On the replica in RC_LAYOUT's
// layout, each composer asked for by name (?composer=lexical|textarea).
//
//   node --test tests/e2e/draft.test.mjs

import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { asLexicalText, composerOf, consoleOf, launchOnReplica, openInbox, readUntil, renderedTemplate, WAIT_MS } from "./harness.mjs";

const CLIPBOARD = "the agent's clipboard";
/** The label of name-last's fix for Ana Popescu ("Keep “Ana”"), in part. */
const ANA_FIX = "“Ana”";

/** Drafts to the open conversation's customer, Ana Popescu: each names her in full, so
 * `name-last` offers to keep "Ana" (the first name alone). One line each: Lexical keeps a
 * line as a paragraph. */
const DRAFTS = {
  long: (() => {
    const head = "Hello Ana Popescu, here is the whole order history you asked for. ";
    const line = "Order 4821: one birthday cake, delivered on Saturday. ";
    return (head + line.repeat(Math.ceil(100_000 / line.length))).slice(0, 100_000);
  })(),
  "right-to-left": "مرحبا Ana Popescu، طلبك جاهز. שלום, העוגה מוכנה ליום שבת.",
  emoji: "Hello Ana Popescu 👋🏽 the family cake 👨‍👩‍👧‍👦 ships to 🇷🇴 Cluj 🏳️‍🌈 today 🧑🏿‍🍳.",
  "combining marks": "Hello Ana Popescu, s\u0326i t\u0326ara, cafe\u0301 and nai\u0308ve: नमस्ते, क्षत्रिय ready.",
};

describe("no lost draft", () => {
  let context;
  let worker;
  let page;

  before(async () => {
    ({ context, worker } = await launchOnReplica());
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://business.facebook.com" });
  });

  afterEach(async () => {
    if (page) {
      assert.deepEqual(consoleOf(page).errors, [], "errors in the page's console");
      // Nothing read or wrote the clipboard: no copy, cut or paste event, and its text is the agent's.
      assert.deepEqual(await page.evaluate(() => window.clipboardEvents), [], "clipboard events");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CLIPBOARD, "the clipboard is untouched");
    }
    await page?.close();
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  /** Opens the inbox with `kind` of composer, holding `draft` (put there by the page, as a
   * restored draft is), the caret at its end, the clipboard holding the agent's text. */
  async function inbox(kind, draft) {
    page = await openInbox(context, `/latest/inbox/all?composer=${kind}`, { console: true });
    await page.evaluate((text) => {
      window.clipboardEvents = [];
      for (const type of ["copy", "cut", "paste"]) {
        document.addEventListener(type, (event) => window.clipboardEvents.push(event.type), true);
      }
      return navigator.clipboard.writeText(text);
    }, CLIPBOARD);
    await page.evaluate((draft) => window.replica.replaceDraft(draft), draft);
    await composerOf(page).focus();
    await page.keyboard.press("Control+End");
    // Lexical may still be reconciling the draft it was given.
    await waitForModel(draft);
  }

  const modelText = () => page.evaluate(() => window.replica.composerModelText());

  /** Waits until the composer's own model holds exactly `text`; fails showing the
   * difference. */
  async function waitForModel(text, what = "the draft") {
    try {
      await page.waitForFunction((text) => window.replica.composerModelText() === text, text, { timeout: WAIT_MS });
    } catch {
      const now = await modelText();
      let at = 0;
      while (at < now.length && now[at] === text[at]) at++;
      assert.fail(
        `${what}: the model differs at ${at} (length ${now.length}, expected ${text.length}): ` +
          `${JSON.stringify(now.slice(Math.max(0, at - 20), at + 40))} vs ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 40))}`,
      );
    }
  }

  /** Waits until the card offers the fix labelled `label` for `rule`. */
  const fixOffered = (rule, label) =>
    page.waitForFunction(
      ({ rule, label }) =>
        [...(document.querySelector("reply-coach-root")?.shadowRoot.querySelectorAll(`li[data-rule="${rule}"] button.fix`) ?? [])].some(
          (button) => button.textContent.includes(label),
        ),
      { rule, label },
      { timeout: WAIT_MS },
    );

  const pressFix = (rule, label) =>
    page.locator(`reply-coach-root li[data-rule="${rule}"] button.fix`, { hasText: label }).first().click();

  /** Waits until the card's status line matches `pattern`. */
  const statusSays = (pattern) =>
    page.waitForFunction(
      (source) =>
        new RegExp(source).test(document.querySelector("reply-coach-root").shadowRoot.querySelector(".card .status")?.textContent ?? ""),
      pattern.source,
      { timeout: WAIT_MS },
    );

  /** What the picker shows: open, its listed ids and the highlighted one. */
  const picker = () =>
    page.evaluate(() => {
      const root = document.querySelector("reply-coach-root")?.shadowRoot;
      const panel = root?.querySelector("[role=dialog]");
      const active = root?.querySelector('[role=listbox] [role=option][aria-selected="true"]');
      return { open: Boolean(panel && !panel.hidden), active: active?.dataset.templateId, focus: root?.activeElement?.getAttribute("role") };
    });

  const pickerWhen = (check, what) => readUntil(picker, check, what);

  /** Opens the picker from its button, searches, and inserts the highlighted template
   * with Enter; returns its id. */
  async function insertTemplate(query) {
    await page.locator("reply-coach-root button[data-action=open-templates]").click();
    await pickerWhen((p) => p.open && p.focus === "combobox", "the picker with its search box focused");
    await page.keyboard.type(query, { delay: 5 });
    const { active } = await pickerWhen((p) => p.active?.startsWith("compliment-thanks."), `"${query}" finds the template`);
    await page.keyboard.press("Enter");
    return active;
  }

  for (const kind of ["lexical", "textarea"]) {
    for (const [name, draft] of Object.entries(DRAFTS)) {
      test(`${kind}, ${name}: a fix and a template insertion, each undone by one Ctrl+Z, character for character`, async () => {
        await inbox(kind, draft);
        const model = (text) => (kind === "lexical" ? asLexicalText(text) : text);

        // The fix: "Ana Popescu" becomes "Ana", nothing else moves.
        await fixOffered("name-last", ANA_FIX);
        await pressFix("name-last", ANA_FIX);
        const fixed = draft.replace("Ana Popescu", "Ana");
        await waitForModel(fixed, "after the fix");
        await statusSays(/./);
        await page.keyboard.press("Control+z");
        await waitForModel(draft, "after undoing the fix");

        // The template, at the caret (the draft's end).
        await page.keyboard.press("Control+End");
        const id = await insertTemplate("thank you compliment");
        const { text: inserted } = await renderedTemplate(worker, id);
        await waitForModel(model(draft + inserted), "after the insertion");
        await page.keyboard.press("Control+z");
        await waitForModel(draft, "after undoing the insertion");
      });
    }
  }

  for (const kind of ["lexical", "textarea"]) {
    test(`${kind}: a fix for a draft the page changed behind the card is refused and says so; the page's text stays`, async () => {
      const draft = DRAFTS["right-to-left"];
      await inbox(kind, draft);
      await fixOffered("name-last", ANA_FIX);
      // The page rewrites the draft (another device, the page's own autocorrect): the
      // full name is gone, and with it the finding the fix was made for.
      const rewritten = DRAFTS.emoji.replace("Ana Popescu", "Ana");
      await page.evaluate(({ text, label }) => {
        // The editor takes the page's change at once (a discrete update); the agent's
        // press comes before the extension can lint again (in the same task: no timer of
        // the extension's can run in between).
        window.replica.replaceDraft(text);
        const fixes = document.querySelector("reply-coach-root").shadowRoot.querySelectorAll('li[data-rule="name-last"] button.fix');
        [...fixes].find((button) => button.textContent.includes(label)).click();
      }, { text: rewritten, label: ANA_FIX });
      await statusSays(/changed/);
      assert.equal(await modelText(), kind === "lexical" ? asLexicalText(rewritten) : rewritten);
    });

    test(`${kind}: a template for a draft the page changed behind the picker is refused and says so; the page's text stays`, async () => {
      const draft = DRAFTS["combining marks"];
      await inbox(kind, draft);
      await page.locator("reply-coach-root button[data-action=open-templates]").click();
      await pickerWhen((p) => p.open && p.focus === "combobox", "the picker open");
      await page.keyboard.type("thank you compliment", { delay: 5 });
      await pickerWhen((p) => p.active?.startsWith("compliment-thanks."), "the template found");
      const rewritten = `${draft} Maria`;
      await page.evaluate((text) => window.replica.replaceDraft(text), rewritten);
      await page.keyboard.press("Enter");
      await statusSays(/changed/);
      assert.equal(await modelText(), rewritten);
    });
  }
});
