// The template picker in the inbox, end to end: the built extension (dist/chrome) in
// Chromium on the replica inbox (in RC_LAYOUT's layout; the Lexical composer unless a test
// asks for the textarea), with the default pack (src/template/pack/default.json).
// Opened each way (a `/` typed at the start of a line, the button by the composer, the
// keyboard shortcut's message), searched with a typo, inserted with fill-in fields into the
// real Lexical editor and a textarea; the tests check the editor's own text, the caret, one
// Ctrl+Z, the clipboard, and that nothing else in the draft changed. On a fresh install (no
// first name set) the picker asks for the agent's name, pre-filled from the conversation's
// "Sent by", and refuses to insert while an asked value is blank.

import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import {
  asLexicalText,
  composerOf,
  headerNameOf,
  launchOnReplica,
  launchWithExtension,
  message,
  openInbox,
  pageErrors,
  readUntil,
  renderedTemplate,
  serveReplica,
} from "./harness.mjs";

/** The page the tests are on now. */
let page;

/** What the picker shows in `page`: open or not, the listed ids (the highlighted one first in
 * `active`), the preview and its verdict, the fill-in fields (by label), everything the
 * form asks for (`asked`: label, field or variable, value, marked invalid), the form's
 * refusal, and where the focus is. */
const picker = () =>
  page.evaluate(() => {
    const root = document.querySelector("reply-coach-root")?.shadowRoot;
    const panel = root?.querySelector("[role=dialog]");
    const options = [...(root?.querySelectorAll("[role=listbox] [role=option]") ?? [])];
    const search = root?.querySelector("[role=combobox]");
    const active = options.find((o) => o.getAttribute("aria-selected") === "true");
    return {
      open: Boolean(panel && !panel.hidden),
      ids: options.map((o) => o.dataset.templateId),
      active: active?.dataset.templateId,
      activeDescendantIsActive: Boolean(active) && search?.getAttribute("aria-activedescendant") === active.id,
      preview: root?.querySelector(".preview")?.textContent,
      verdict: root?.querySelector(".verdict")?.textContent,
      fields: [...(root?.querySelectorAll(".fields:not([hidden]) input[data-field]") ?? [])].map((input) => input.dataset.field),
      asked: [...(root?.querySelectorAll(".fields:not([hidden]) input") ?? [])].map((input) => ({
        label: input.closest("label").textContent,
        field: input.dataset.field,
        variable: input.dataset.variable,
        value: input.value,
        invalid: input.getAttribute("aria-invalid") === "true",
      })),
      refusal: root?.querySelector(".fields:not([hidden]) .refusal:not([hidden])")?.textContent ?? null,
      focus: root?.activeElement?.dataset?.field ?? root?.activeElement?.dataset?.variable ?? root?.activeElement?.getAttribute("role") ?? (document.activeElement?.getAttribute("role") || null),
    };
  });

/** Waits until the picker satisfies `check`; fails with the last view. */
const pickerWhen = (check, what) => readUntil(picker, check, what);

const modelText = () => page.evaluate(() => window.replica.composerModelText());
const waitForModel = (text) => page.waitForFunction((text) => window.replica.composerModelText() === text, text);

/** The rule ids of the card, once the composer's count matches them. */
async function findings() {
  const handle = await page.waitForFunction(() => {
    const root = document.querySelector("reply-coach-root")?.shadowRoot;
    const composer = document.querySelector("[data-rc-findings]");
    const card = root?.querySelector(".card");
    if (!root || !composer) return null;
    const rules = card.hidden ? [] : [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
    return Number(composer.dataset.rcFindings) === rules.length ? rules : null;
  });
  return handle.jsonValue();
}

describe("the template picker", () => {
  let context;
  let worker;

  before(async () => {
    ({ context, worker } = await launchOnReplica());
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: "https://business.facebook.com" });
  });

  afterEach(async () => {
    if (page) assert.deepEqual(pageErrors(page), [], "the page threw");
    await page?.close();
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  /** Opens the replica (`query`: more of its parameters) with the Lexical composer unless
   * the query names another, and focuses the composer. */
  async function inbox(query = "") {
    const params = new URLSearchParams(query);
    if (!params.has("composer")) params.set("composer", "lexical");
    page = await openInbox(context, `/latest/inbox/all?${params}`);
    await composerOf(page).click();
    return page;
  }

  /** The default pack's template `id`, rendered as the picker should for Ana and Maria. */
  const rendered = (id, fields) => renderedTemplate(worker, id, fields);

  test("`/ref`, Enter on the Romanian refund template, the order number, Enter: the reply, the caret, no findings, one Ctrl+Z", async () => {
    await inbox("anaWrites=ro");
    await page.evaluate(() => navigator.clipboard.writeText("the agent's clipboard"));
    await page.keyboard.type("/ref", { delay: 10 });
    // Ana wrote in Romanian: the Romanian template comes first, highlighted and previewed
    // for her, with the linter's verdict.
    let shown = await pickerWhen((p) => p.open && p.active === "refund-sent.ro", "the picker opens on refund-sent.ro");
    assert.ok(shown.activeDescendantIsActive, "the combobox points at the highlighted option");
    assert.ok(shown.ids.length > 1 && shown.ids.includes("refund-sent.en"));
    assert.match(shown.preview, /^Bună ziua, Ana! /);
    assert.match(shown.verdict, /No findings/);
    assert.equal(shown.focus, "textbox", "the composer keeps the focus while the agent types the query");

    // Enter asks for the order number (the key does not reach the editor: no new line).
    await page.keyboard.press("Enter");
    shown = await pickerWhen((p) => p.fields.length === 1, "the fill-in field");
    assert.deepEqual(shown.fields, ["Numărul comenzii"]);
    assert.equal(shown.focus, "Numărul comenzii");
    await page.keyboard.type("A-1042", { delay: 5 });
    await page.keyboard.press("Enter");

    const expected = await rendered("refund-sent.ro", { "Numărul comenzii": "A-1042" });
    await waitForModel(asLexicalText(expected.text));
    await pickerWhen((p) => !p.open, "the picker closes");
    assert.deepEqual(await findings(), [], "the personalised reply passes the linter");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "the agent's clipboard", "the clipboard is untouched");
    // The caret is at {cursor}: what the agent types next lands there.
    await page.keyboard.type("!", { delay: 5 });
    const withBang = expected.text.slice(0, expected.cursor) + "!" + expected.text.slice(expected.cursor);
    await waitForModel(asLexicalText(withBang));

    // Ctrl+Z takes the "!" back, then one more removes the whole insertion: "/ref" is back.
    await page.keyboard.press("Control+z");
    await waitForModel(asLexicalText(expected.text));
    await page.keyboard.press("Control+z");
    await waitForModel("/ref");
  });

  test("with the mouse: the button, a search with a typo, a click, the field, Insert; at the caret of a draft", async () => {
    await inbox();
    const before = "Hi Ana,\nthanks for your patience.";
    await page.keyboard.type("Hi Ana,", { delay: 5 });
    // Enter sends, as in Meta's inbox; Shift+Enter starts a line.
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("thanks for your patience.", { delay: 5 });
    await waitForModel(asLexicalText(before));
    // The caret after "Hi Ana,": the template goes there, nothing else changes.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.locator("reply-coach-root button[data-action=open-templates]").click();
    let shown = await pickerWhen((p) => p.open && p.focus === "combobox", "the picker with its search box focused");
    await page.keyboard.type("rfund snet", { delay: 10 });
    shown = await pickerWhen((p) => p.ids[0]?.startsWith("refund-sent."), "the typo still finds the refund template");
    // Ana writes English: the English template first.
    assert.equal(shown.ids[0], "refund-sent.en");
    await page.locator('reply-coach-root [role=option][data-template-id="refund-sent.en"]').click();
    shown = await pickerWhen((p) => p.fields.length === 1, "the fill-in field");
    await page.locator("reply-coach-root .fields input").fill("B-77");
    await page.locator("reply-coach-root button[data-action=insert-template]").click();
    const inserted = await rendered("refund-sent.en", { [shown.fields[0]]: "B-77" });
    const expected = "Hi Ana," + inserted.text + "\nthanks for your patience.";
    await waitForModel(asLexicalText(expected));
    await page.keyboard.press("Control+z");
    await waitForModel(asLexicalText(before));
  });

  test("the keyboard shortcut opens the picker; arrows move the listbox's selection; Escape closes it and gives the composer back", async () => {
    await inbox();
    await page.keyboard.type("Hi", { delay: 5 });
    // The command's listener sends this message to the tab (chrome.commands cannot be
    // pressed from a test: the browser's own shortcut layer is outside the page).
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: "https://business.facebook.com/*" });
      globalThis.replyCoach.openTemplates(tab);
    });
    let shown = await pickerWhen((p) => p.open && p.ids.length > 1 && p.focus === "combobox", "opened by the shortcut");
    const first = shown.active;
    await page.keyboard.press("ArrowDown");
    shown = await pickerWhen((p) => p.active === p.ids[1], "the second option");
    assert.ok(shown.activeDescendantIsActive);
    await page.keyboard.press("ArrowUp");
    await pickerWhen((p) => p.active === first, "back to the first");
    await page.keyboard.press("Escape");
    await pickerWhen((p) => !p.open, "closed");
    await page.keyboard.type(" Ana", { delay: 5 });
    await waitForModel("Hi Ana");
  });

  test("a `/` line nothing matches keeps Enter for the page; a press elsewhere closes the picker", async () => {
    await inbox();
    await page.keyboard.type("/zzqx", { delay: 10 });
    await pickerWhen((p) => p.open && p.ids.length === 0, "open, nothing listed");
    // Enter is the agent's again: the replica, like Meta's inbox, sends the line.
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.replica.messages().at(-1)?.text === "/zzqx");
    await pickerWhen((p) => !p.open, "closed");

    await page.locator("reply-coach-root button[data-action=open-templates]").click();
    await pickerWhen((p) => p.open, "open again");
    await (await headerNameOf(page)).click();
    await pickerWhen((p) => !p.open, "closed by a press outside");
  });

  test("in a textarea: `/` then words, Enter, the textarea's own undo", async () => {
    await inbox("composer=textarea");
    await page.keyboard.type("/thank you compliment", { delay: 10 });
    const shown = await pickerWhen((p) => p.open && p.active?.startsWith("compliment-thanks."), "the picker on compliment-thanks");
    await page.keyboard.press("Enter");
    const expected = await rendered(shown.active);
    const value = () => page.evaluate(() => window.replica.composer().value);
    await page.waitForFunction((text) => window.replica.composer().value === text, expected.text);
    const caret = await page.evaluate(() => window.replica.composer().selectionStart);
    assert.equal(caret, [...expected.text.slice(0, expected.cursor)].reduce((n, c) => n + c.length, 0));
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => window.replica.composer().value === "/thank you compliment");
    assert.equal(await value(), "/thank you compliment");
  });

  test("a draft changed behind the picker is not overwritten: the insertion is refused and says so", async () => {
    await inbox();
    await page.keyboard.type("Hi Ana", { delay: 5 });
    await page.locator("reply-coach-root button[data-action=open-templates]").click();
    await pickerWhen((p) => p.open && p.ids.length > 0, "open");
    // The page changes the draft meanwhile (at its end; the picker keeps the focus).
    await page.evaluate(() => {
      const composer = window.replica.composer();
      const end = document.createRange();
      end.selectNodeContents(composer);
      end.collapse(false);
      getSelection().removeAllRanges();
      getSelection().addRange(end);
      document.execCommand("insertText", false, ", one moment!");
    });
    await waitForModel("Hi Ana, one moment!");
    const first = (await picker()).ids.find((id) => !id.startsWith("refund-sent"));
    await page.locator(`reply-coach-root [role=option][data-template-id="${first}"]`).click();
    await page.waitForFunction(() => /changed/.test(document.querySelector("reply-coach-root").shadowRoot.querySelector(".card .status")?.textContent ?? ""));
    assert.equal(await modelText(), "Hi Ana, one moment!");
  });
});

describe("the template picker on a fresh install, with no first name set", () => {
  let context;
  let worker;

  before(async () => {
    // No settings at all: the install's own state (its settings page opens by itself).
    ({ context, worker } = await launchWithExtension());
    await serveReplica(context);
  });

  afterEach(async () => {
    if (page) assert.deepEqual(pageErrors(page), [], "the page threw");
    await page?.close();
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  /** The replica with the Lexical composer (the business layout's default is a textarea). */
  async function inbox() {
    page = await openInbox(context, "/latest/inbox/all?composer=lexical");
    await composerOf(page).click();
    return page;
  }

  test("asks for the agent's first name, pre-filled from the page's 'Sent by'; a blank one is refused, the typed one inserted", async () => {
    await inbox();
    await page.keyboard.type("/thanks", { delay: 10 });
    let shown = await pickerWhen((p) => p.open && p.active === "compliment-thanks.en", "the picker on compliment-thanks.en");
    // The preview shows what will be asked, not a placeholder.
    assert.match(shown.preview, /– \[Your first name\]$/);
    assert.doesNotMatch(shown.preview, /\{/);
    await page.keyboard.press("Enter");
    // Ana's conversation shows "Sent by Maria Popa": her first name is offered, never "Popa".
    shown = await pickerWhen((p) => p.asked.length === 1, "the form asks for the agent's name");
    assert.deepEqual(shown.asked, [
      { label: message("askAgentName"), field: undefined, variable: "agent_name", value: "Maria", invalid: false },
    ]);
    assert.equal(shown.focus, "agent_name");

    // Emptied, it is refused: the form stays open and says why, the draft is untouched.
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    shown = await pickerWhen((p) => p.refusal !== null, "the refusal");
    assert.equal(shown.refusal, message("templatesAskBlank"));
    assert.ok(shown.open && shown.asked[0].invalid && shown.focus === "agent_name", JSON.stringify(shown));
    await page.locator("reply-coach-root button[data-action=insert-template]").click();
    await pickerWhen((p) => p.open && p.refusal !== null, "still refused by the button");
    assert.equal(await modelText(), "/thanks");

    // Typed (a name other than the suggestion), it goes in, and no placeholder with it.
    await page.keyboard.type("Ioana", { delay: 5 });
    await page.keyboard.press("Enter");
    const expected = await renderedTemplate(worker, "compliment-thanks.en");
    const text = expected.text.replace(/– Maria$/, "– Ioana");
    await waitForModel(asLexicalText(text));
    await pickerWhen((p) => !p.open, "the picker closes");
    assert.doesNotMatch(await modelText(), /[{}[\]]/);
    // Nothing was saved: the name typed in the picker is for this reply.
    assert.equal((await worker.evaluate(() => chrome.storage.sync.get("settings"))).settings, undefined);
  });

  test("asks for every value it lacks with the fill-in fields, in the body's order; the Page's name too", async () => {
    const library = {
      format: "reply-coach-templates",
      version: 1,
      templates: [
        {
          id: "welcome.en",
          title: "Welcome",
          language: "en",
          body: "Hi {first_name|there}, welcome to {page_name}! Your order {field:Order number} is ready.{cursor}\n\n– {agent_name}",
        },
      ],
    };
    await worker.evaluate((library) => chrome.storage.local.set({ templates: library }), library);
    try {
      await inbox();
      await page.locator("reply-coach-root button[data-action=open-templates]").click();
      await pickerWhen((p) => p.open && p.active === "welcome.en", "the picker on the stored template");
      await page.locator('reply-coach-root [role=option][data-template-id="welcome.en"]').click();
      let shown = await pickerWhen((p) => p.asked.length === 3, "three values asked");
      assert.deepEqual(
        shown.asked.map(({ label, value }) => [label, value]),
        [
          [message("askPageName"), ""],
          ["Order number", ""],
          [message("askAgentName"), "Maria"],
        ],
      );
      assert.equal(shown.focus, "page_name", "the first empty one has the focus");
      await page.keyboard.type("Lumen Bakery", { delay: 5 });
      await page.keyboard.press("Enter");
      // The order number is still empty: Enter moves to it; Insert refuses while it is.
      await pickerWhen((p) => p.focus === "Order number", "the next field");
      await page.locator("reply-coach-root button[data-action=insert-template]").click();
      shown = await pickerWhen((p) => p.refusal !== null, "refused");
      assert.deepEqual(shown.asked.map((a) => a.invalid), [false, true, false]);
      assert.equal(shown.focus, "Order number");
      await page.keyboard.type("A-1042", { delay: 5 });
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await waitForModel(asLexicalText("Hi Ana, welcome to Lumen Bakery! Your order A-1042 is ready.\n\n– Maria"));
    } finally {
      await worker.evaluate(() => chrome.storage.local.remove("templates"));
    }
  });
});
