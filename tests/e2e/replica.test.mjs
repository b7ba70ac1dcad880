// The replica inbox (tests/replica) in real Chromium, without the extension: what the
// extension's end-to-end tests rely on it for. The extension is not loaded here, so these
// tests hold whatever state dist/ is in.
//
//   node --test tests/e2e/replica.test.mjs

import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { launchBrowser, openInbox, pageErrors, serveReplica } from "./harness.mjs";

const ANA = "100052384037366";
const MIHAI = "100089273645128";
const ELENA = "122107364918273";
const JORDAN = "178234659012345";
/** "Monday, November 21, 2026 at 2:32 PM" */
const EXACT_STAMP = /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s[AP]M$/;
/** The smallest valid module: the magic number and version 1. */
const EMPTY_WASM = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

describe("the replica inbox in Chromium", () => {
  let context;
  let served;
  let page;

  before(async () => {
    ({ context } = await launchBrowser());
    served = await serveReplica(context);
  });

  afterEach(async () => {
    if (page) assert.deepEqual(pageErrors(page), [], "the replica threw");
    await page?.close();
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  const model = () => page.evaluate(() => window.replica.composerModelText());
  const composer = () => page.getByRole("textbox");
  const row = (name) => page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) });
  const compileWasm = () =>
    page.evaluate(
      (bytes) => WebAssembly.compile(new Uint8Array(bytes)).then(() => "compiled", (error) => error.name),
      EMPTY_WASM,
    );

  test("serves the inbox at both inbox addresses with Meta's CSP in force", async () => {
    for (const origin of ["https://business.facebook.com", "https://www.facebook.com"]) {
      page = await openInbox(context, "/latest/inbox/all", { origin });
      assert.equal(new URL(page.url()).origin, origin);
      // The newest conversation opens and the address names it.
      assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), ANA);
      const csp = (await page.reload()).headers()["content-security-policy"];
      assert.match(csp, /script-src [^;]*'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp, /script-src [^;]*'unsafe-inline'/);
      await page.waitForFunction(() => window.replica?.ready);
      assert.equal(await compileWasm(), "compiled");
      // Enforced, not only sent: an inline script without the nonce does not run.
      const inlineRan = await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.inlineRan = true";
        document.head.append(script);
        return window.inlineRan === true;
      });
      assert.equal(inlineRan, false);
      assert.deepEqual(pageErrors(page), [], "the replica threw");
      await page.close();
    }
    page = undefined;
  });

  test("the strict page forbids WebAssembly and is otherwise the same inbox", async () => {
    page = await openInbox(context, "/latest/inbox/strict");
    assert.equal(await compileWasm(), "CompileError");
    assert.equal(await composer().getAttribute("data-lexical-editor"), "true");
    assert.equal(await page.getByRole("listitem").count(), 6);
  });

  test("refuses every request outside the replica", async () => {
    page = await openInbox(context);
    const result = await page.evaluate(() => fetch("/api/graphql/").then(() => "answered", () => "refused"));
    assert.equal(result, "refused");
    assert.ok(served.aborted.includes("https://business.facebook.com/api/graphql/"), served.aborted.join("\n"));
  });

  test("lists the conversations with channel, relative time, exact stamp, snippet and unread state", async () => {
    page = await openInbox(context);
    const rows = await page.getByRole("list", { name: "Conversations" }).getByRole("link").evaluateAll((links) =>
      links.map((link) => {
        const stamp = link.querySelector("abbr");
        return {
          id: new URL(link.href).searchParams.get("selected_item_id"),
          current: link.getAttribute("aria-current"),
          time: stamp.textContent,
          exact: stamp.getAttribute("aria-label"),
          title: stamp.title,
          channel: link.querySelector('[role="img"]:not([aria-label="Unread"])').getAttribute("aria-label"),
          unread: link.querySelector('[aria-label="Unread"]') !== null,
          text: link.textContent,
        };
      }),
    );
    assert.deepEqual(
      rows.map(({ channel, time, unread }) => [channel, time, unread]),
      [
        ["Messenger", "5m", false],
        ["Facebook comment", "4h", true],
        ["Instagram", "23h", false],
        ["Instagram comment", "1d", false],
        ["Messenger", "3d", true],
        ["Messenger", "1w", false],
      ],
    );
    assert.equal(rows[0].id, ANA);
    assert.equal(rows[0].current, "page");
    assert.ok(rows.slice(1).every((r) => r.current === null));
    assert.match(rows[0].text, /Ana Popescu5m.*You: Hi Ana, I'm checking/);
    for (const r of rows) {
      assert.match(r.exact, EXACT_STAMP);
      assert.equal(r.title, r.exact);
    }
    const threads = await page.evaluate(() => window.replica.threads());
    const hoursAgo = (id) => (Date.now() - Date.parse(threads.find((t) => t.id === id).lastCustomerMessageAt)) / 3.6e6;
    // The window counts from the customer's message (2 h), not from the row's time (5m).
    assert.ok(hoursAgo(ANA) >= 2 && hoursAgo(ANA) < 3);
    assert.ok(hoursAgo(MIHAI) >= 23.5 && hoursAgo(MIHAI) < 24);
  });

  test("shows the open conversation with sender and exact stamp on every message", async () => {
    page = await openInbox(context);
    assert.equal(await page.getByRole("heading", { level: 2 }).textContent(), "Ana Popescu");
    const messages = await page.getByRole("region", { name: "Message list container" }).getByRole("row").evaluateAll((rows) =>
      rows.map((row) => [row.querySelector("span").textContent, row.querySelector('[dir="auto"]').textContent, row.querySelector("abbr").getAttribute("aria-label")]),
    );
    assert.deepEqual(
      messages.map(([sender]) => sender),
      ["Ana Popescu sent", "You sent", "Ana Popescu sent", "You sent"],
    );
    assert.equal(messages[2][1], "Great. Can I order a birthday cake for Saturday? My daughter turns 6.");
    assert.ok(messages.every(([, , exact]) => EXACT_STAMP.test(exact)));
  });

  test("typing key by key changes Lexical's model; Shift+Enter starts a paragraph", async () => {
    page = await openInbox(context);
    const box = composer();
    assert.equal(await box.getAttribute("aria-label"), "Reply in Messenger…");
    await box.click();
    await page.keyboard.type("Hi Ana, yes.");
    assert.equal(await model(), "Hi Ana, yes.");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("Maria");
    assert.equal(await model(), "Hi Ana, yes.\n\nMaria");
    assert.deepEqual(await box.locator("p").allTextContents(), ["Hi Ana, yes.", "Maria"]);
  });

  test("Ctrl+Z undoes in Lexical and Ctrl+Shift+Z redoes", async () => {
    page = await openInbox(context);
    await composer().click();
    await page.keyboard.type("We are closed");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("on Sunday");
    const typed = await model();
    await page.keyboard.press("Control+z");
    const once = await model();
    assert.ok(once.length < typed.length && typed.startsWith(once), `${JSON.stringify(once)} after one undo`);
    // Undo to the start, then redo all of it: how much one step takes depends on timing.
    for (let previous = null, text = once; text !== previous; previous = text, text = await model()) {
      await page.keyboard.press("Control+z");
    }
    assert.equal(await model(), "");
    for (let previous = null, text = ""; text !== previous; previous = text, text = await model()) {
      await page.keyboard.press("Control+Shift+z");
    }
    assert.equal(await model(), typed);
  });

  test("Enter sends the draft: it joins the conversation and the composer empties", async () => {
    page = await openInbox(context);
    await composer().click();
    await page.keyboard.type("Yes, Saturday works. Maria");
    await page.keyboard.press("Enter");
    assert.equal(await model(), "");
    const last = (await page.evaluate(() => window.replica.messages())).at(-1);
    assert.deepEqual([last.from, last.text], ["page", "Yes, Saturday works. Maria"]);
    assert.match(await row("Ana Popescu").textContent(), /Ana Popescunow.*You: Yes, Saturday works/);
  });

  test("switching conversations swaps them without a reload and keeps each draft", async () => {
    page = await openInbox(context);
    await page.evaluate(() => (window.notReloaded = true));
    await composer().click();
    await page.keyboard.type("Hi Ana, the cake");
    await row("Mihai Ionescu").click();
    assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), MIHAI);
    assert.equal(await page.getByRole("heading", { level: 2 }).textContent(), "Mihai Ionescu");
    assert.equal(await composer().getAttribute("aria-label"), "Reply in Instagram…");
    assert.equal(await model(), "");
    // The new composer has the focus, as Messenger's does.
    await page.keyboard.type("Hi Mihai");
    await row("Ana Popescu").click();
    assert.equal(await model(), "Hi Ana, the cake");
    assert.equal(await composer().textContent(), "Hi Ana, the cake");
    await page.goBack();
    assert.equal(await page.evaluate(() => window.replica.openThreadId()), MIHAI);
    assert.equal(await model(), "Hi Mihai");
    assert.equal(await page.evaluate(() => window.notReloaded), true);
  });

  test("recreateComposer puts a new element and editor in place, holding the same text", async () => {
    page = await openInbox(context);
    await composer().click();
    await page.keyboard.type("Hi Ana");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("Maria");
    const old = await composer().elementHandle();
    await page.evaluate(() => window.replica.recreateComposer());
    assert.equal(await old.evaluate((element) => element.isConnected), false);
    assert.equal(await model(), "Hi Ana\n\nMaria");
    assert.deepEqual(await composer().locator("p").allTextContents(), ["Hi Ana", "Maria"]);
    await composer().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" P.");
    assert.equal(await model(), "Hi Ana\n\nMaria P.");
  });

  test("the textarea composer keeps its drafts and survives re-creation too", async () => {
    page = await openInbox(context, "/latest/inbox/all?composer=textarea");
    const box = page.getByRole("textbox", { name: "Reply in Messenger…" });
    assert.equal(await box.evaluate((element) => element.tagName), "TEXTAREA");
    await box.click();
    await page.keyboard.type("Hi Ana");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("Maria");
    assert.equal(await model(), "Hi Ana\nMaria");
    await row("Mihai Ionescu").click();
    assert.equal(await model(), "");
    await row("Ana Popescu").click();
    assert.equal(await composer().inputValue(), "Hi Ana\nMaria");
    await page.evaluate(() => window.replica.recreateComposer());
    assert.equal(await composer().inputValue(), "Hi Ana\nMaria");
    await composer().press("Enter");
    assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "Hi Ana\nMaria");
  });

  test("a Facebook comment reply starts with the commenter as a mention that Backspace shortens", async () => {
    page = await openInbox(context, `/latest/inbox/all?selected_item_id=${ELENA}`);
    assert.ok(await page.getByRole("article", { name: "Post by Lumen Bakery" }).isVisible());
    assert.ok(await page.getByRole("article", { name: "Comment by Elena Dumitru" }).isVisible());
    const box = page.getByRole("textbox", { name: "Reply as Lumen Bakery…" });
    assert.equal(await model(), "Elena Dumitru ");
    await box.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    assert.equal(await model(), "Elena");
    await page.keyboard.type(", o pâine costă 12 lei.");
    await page.keyboard.press("Enter");
    assert.ok(await page.getByRole("article", { name: "Reply by Lumen Bakery" }).isVisible());
    assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "Elena, o pâine costă 12 lei.");
  });

  test("an Instagram comment reply starts with the commenter's @handle", async () => {
    page = await openInbox(context, `/latest/inbox/all?selected_item_id=${JORDAN}`);
    assert.equal(await composer().getAttribute("aria-label"), "Reply as lumenbakery…");
    assert.equal(await model(), "@jordan.lee ");
  });

  test("addCustomerMessage writes in the open conversation now and moves it to the top", async () => {
    page = await openInbox(context, `/latest/inbox/all?selected_item_id=${MIHAI}`);
    const at = await page.evaluate(() => window.replica.addCustomerMessage("Here is the photo."));
    const threads = await page.evaluate(() => window.replica.threads());
    assert.equal(threads.find((t) => t.id === MIHAI).lastCustomerMessageAt, at);
    const rows = page.getByRole("list", { name: "Conversations" }).getByRole("link");
    assert.match(await rows.first().textContent(), /Mihai Ionescunow.*Here is the photo\.$/);
    const last = page.getByRole("region", { name: "Message list container" }).getByRole("row").last();
    assert.equal(await last.locator('[dir="auto"]').textContent(), "Here is the photo.");
  });
});
