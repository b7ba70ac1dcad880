// The replica inbox (tests/replica) in real Chromium, without the extension: what the
// extension's end-to-end tests rely on it for, on all three layouts (whatever RC_LAYOUT
// says: this suite tests the replica, so it runs once), then what only some layouts have:
// the messenger layout's relative times and role=row messages, the business layout's
// markup as public captures show the real page (REAL-INBOX.md), its virtualised list, its
// decoys and its Romanian strings, and the changed layout's renamed hooks, none of which
// the built-in profile (src/page_profile/inbox.json) finds. The extension is not loaded here, so these tests hold
// whatever state dist/ is in.
//
//   node --test tests/e2e/replica.test.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, afterEach, before, describe, test } from "node:test";
import { consoleOf, headerNameOf, IMAGE_URLS, LAYOUTS, launchBrowser, openInbox, pageErrors, rowOf, serveReplica } from "./harness.mjs";

const ANA = "100052384037366";
const MIHAI = "100089273645128";
const ELENA = "122107364918273";
const JORDAN = "178234659012345";
const LUCIA = "100097531864202";
const PRIYA = "100064758844409";
/** "Monday, November 21, 2026 at 2:32 PM" */
const EXACT_STAMP = /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s[AP]M$/;
/** The smallest valid module: the magic number and version 1. */
const EMPTY_WASM = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SURFACE = "/bizweb:inbox/bizweb:INBOX/lib:bizweb_inbox:main_content/lib:bizweb_inbox:content_layout/lib:inbox:thread_and_detail/bizweb_inbox:thread_list";
const REGION_EN = "Message list container with messages, suggestions, and typing indicators";
const REGION_RO = "Container pentru lista de mesaje cu mesaje, sugestii și indicatori de scriere";
/** The business page's list container and row surfaces on the business and changed layouts. */
const BUSINESS_HOOKS = {
  business: { list: "GenericBizInboxThreadListViewBody", row: "thread_row" },
  changed: { list: "BizInboxConversationCollectionBody", row: "conversation_item" },
};
/** Each layout's default composer (Lexical's, or the text box's tag), and what its composer
 * asks for in Ana's (Messenger), Mihai's (Instagram), Elena's (Facebook comment) and
 * Jordan's (Instagram comment) conversations, whatever the kind of composer. */
const COMPOSERS = {
  messenger: {
    kind: "lexical",
    asks: { [ANA]: "Reply in Messenger…", [MIHAI]: "Reply in Instagram…", [ELENA]: "Reply as Lumen Bakery…", [JORDAN]: "Reply as lumenbakery…" },
  },
  business: {
    kind: "TEXTAREA",
    asks: { [ANA]: "Reply in Messenger…", [MIHAI]: "Reply on Instagram…", [ELENA]: "Reply as Lumen Bakery…", [JORDAN]: "Reply as lumenbakery…" },
  },
  changed: {
    kind: "DIV",
    asks: {
      [ANA]: "Write to Ana…",
      [MIHAI]: "Write to Mihai on Instagram…",
      [ELENA]: "Write a public answer to Elena…",
      [JORDAN]: "Write a public answer to Jordan on Instagram…",
    },
  },
};
/** The built-in page profile the extension reads the page with. */
const PROFILE = JSON.parse(readFileSync(new URL("../../src/page_profile/inbox.json", import.meta.url), "utf8"));
/** The changed layout's message list: a hooked div, no role, no label. */
const TRANSCRIPT = '[data-pagelet="BizInboxConversationTranscript"]';

// What the business layout's coarse times must say, worked out here with the browser-free
// Intl of Node (the replica writes them from its own tables): the test's own oracle.
const plain = (text) => text.replace(/\u202f/g, " ");
const LOCALES = { en: "en-US", ro: "ro-RO" };
function daysBefore(date) {
  const midnight = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((midnight(new Date()) - midnight(date)) / 86_400_000);
}
const clock = (date, lang) =>
  plain(date.toLocaleTimeString(LOCALES[lang], lang === "ro" ? { hour: "2-digit", minute: "2-digit" } : { hour: "numeric", minute: "2-digit" }));
const weekday = (date, lang, weekday) => date.toLocaleDateString(LOCALES[lang], { weekday });
/** The list's {full, short} time of a message at `date`. */
function listStamp(date, lang = "en") {
  const days = daysBefore(date);
  if (days === 0) return { full: clock(date, lang), short: clock(date, lang) };
  if (days === 1) return { full: lang === "ro" ? "ieri" : "Yesterday", short: lang === "ro" ? "ieri" : "Yesterday" };
  if (days < 7) return { full: weekday(date, lang, "long"), short: weekday(date, lang, "short") };
  const options = { month: "short", day: "numeric", year: date.getFullYear() === new Date().getFullYear() ? undefined : "numeric" };
  const text = date.toLocaleDateString(LOCALES[lang], options);
  return { full: text, short: text };
}
/** The date line above a message at `date`. */
function separator(date, lang = "en") {
  const days = daysBefore(date);
  if (days === 0) return clock(date, lang);
  if (days < 7) return `${weekday(date, lang, "short")} ${clock(date, lang)}`;
  const day =
    lang === "ro"
      ? date.toLocaleDateString("ro-RO", { day: "2-digit", month: "2-digit", year: "numeric" })
      : date.toLocaleDateString("en-US", { month: "numeric", day: "numeric", year: "2-digit" });
  return `${day}, ${clock(date, lang)}`;
}

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
  const composer = () => page.locator("replica=composer");
  /** What the composer asks for: its placeholder (a textarea's, or Lexical's aria-placeholder). */
  const placeholder = async () => (await composer().getAttribute("placeholder")) ?? (await composer().getAttribute("aria-placeholder"));
  const compileWasm = () =>
    page.evaluate(
      (bytes) => WebAssembly.compile(new Uint8Array(bytes)).then(() => "compiled", (error) => error.name),
      EMPTY_WASM,
    );
  const threads = () => page.evaluate(() => window.replica.threads());

  for (const layout of LAYOUTS) {
    describe(`every layout: ${layout}`, () => {
      const { kind: defaultKind, asks } = COMPOSERS[layout];
      /** The inbox at `path` in this layout. */
      const inbox = (path = "/latest/inbox/all", options) =>
        openInbox(context, `${path}${path.includes("?") ? "&" : "?"}layout=${layout}`, options);

      test("serves the inbox at both inbox addresses with Meta's CSP in force", async () => {
        for (const origin of ["https://business.facebook.com", "https://www.facebook.com"]) {
          page = await inbox("/latest/inbox/all", { origin });
          assert.equal(new URL(page.url()).origin, origin);
          assert.equal(await page.evaluate(() => window.replica.layout), layout);
          // The newest conversation opens; the messenger layout's address names it, the
          // business one's names no thread before a click.
          assert.equal(await page.evaluate(() => window.replica.openThreadId()), ANA);
          assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), layout === "messenger" ? ANA : null);
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
        page = await inbox("/latest/inbox/strict");
        assert.equal(await compileWasm(), "CompileError");
        const kind = await composer().evaluate((box) => (box.dataset.lexicalEditor ? "lexical" : box.tagName));
        assert.equal(kind, defaultKind, "each layout's default composer");
        assert.equal(await page.locator("replica=rows").count(), 7);
      });

      test("refuses every request outside the replica, and its own images load", async () => {
        page = await inbox("/latest/inbox/all", { console: true });
        // Every image on the page came through (the business layout's avatars and icons),
        // and nothing was refused or logged an error on the way.
        const images = await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().then(() => [img.src, img.naturalWidth]))));
        assert.ok(images.every(([src, width]) => width > 0 && IMAGE_URLS.some((url) => url.test(src))), JSON.stringify(images));
        assert.equal(images.length > 0, layout !== "messenger");
        assert.deepEqual(served.aborted, []);
        assert.deepEqual(consoleOf(page).errors, []);
        const result = await page.evaluate(() => fetch("/api/graphql/").then(() => "answered", () => "refused"));
        assert.equal(result, "refused");
        assert.ok(served.aborted.includes("https://business.facebook.com/api/graphql/"), served.aborted.join("\n"));
        served.aborted.length = 0;
      });

      test("typing key by key changes Lexical's model; Shift+Enter starts a paragraph", async () => {
        page = await inbox("/latest/inbox/all?composer=lexical");
        const box = composer();
        assert.equal(await box.getAttribute("data-lexical-editor"), "true");
        assert.equal(await box.getAttribute("aria-label"), layout === "messenger" ? "Reply in Messenger…" : "Message");
        assert.equal(await placeholder(), asks[ANA]);
        await box.click();
        await page.keyboard.type("Hi Ana, yes.");
        assert.equal(await model(), "Hi Ana, yes.");
        await page.keyboard.press("Shift+Enter");
        await page.keyboard.type("Maria");
        assert.equal(await model(), "Hi Ana, yes.\n\nMaria");
        assert.deepEqual(await box.locator("p").allTextContents(), ["Hi Ana, yes.", "Maria"]);
      });

      test("Ctrl+Z undoes in Lexical and Ctrl+Shift+Z redoes", async () => {
        page = await inbox("/latest/inbox/all?composer=lexical");
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

      test("Enter sends the draft: it joins the conversation, the composer empties, the row shows it", async () => {
        page = await inbox();
        await composer().click();
        await page.keyboard.type("Yes, Saturday works. Maria");
        await page.keyboard.press("Enter");
        assert.equal(await model(), "");
        const last = (await page.evaluate(() => window.replica.messages())).at(-1);
        assert.deepEqual([last.from, last.text], ["page", "Yes, Saturday works. Maria"]);
        assert.match(await rowOf(page, ANA).textContent(), /Ana Popescu.*You: Yes, Saturday works/);
        // The Send button sends too.
        await composer().click();
        await page.keyboard.type("See you then.");
        await page.locator("replica=send").click();
        assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "See you then.");
      });

      test("switching conversations swaps them without a reload and keeps each draft", async () => {
        page = await inbox("/latest/inbox/all?composer=lexical");
        await page.evaluate(() => (window.notReloaded = true));
        await composer().click();
        await page.keyboard.type("Hi Ana, the cake");
        await rowOf(page, MIHAI).click();
        const address = new URL(page.url()).searchParams;
        assert.deepEqual(
          [address.get("selected_item_id"), address.get("thread_type"), address.get("asset_id"), address.get("layout")],
          [MIHAI, "IG_MESSAGE", "104729384756012", layout],
        );
        assert.equal(await (await headerNameOf(page)).textContent(), "Mihai Ionescu");
        assert.equal(await placeholder(), asks[MIHAI]);
        assert.equal(await model(), "");
        // The new composer has the focus, as Messenger's does.
        await page.keyboard.type("Hi Mihai");
        await rowOf(page, ANA).click();
        assert.equal(await model(), "Hi Ana, the cake");
        assert.equal(await composer().textContent(), "Hi Ana, the cake");
        await page.goBack();
        assert.equal(await page.evaluate(() => window.replica.openThreadId()), MIHAI);
        assert.equal(await model(), "Hi Mihai");
        await page.goBack();
        // Back to the address the page opened at: the first conversation again.
        assert.equal(await page.evaluate(() => window.replica.openThreadId()), ANA);
        assert.equal(await page.evaluate(() => window.notReloaded), true);
      });

      test("recreateComposer puts a new element and editor in place, holding the same text", async () => {
        page = await inbox("/latest/inbox/all?composer=lexical");
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
        page = await inbox("/latest/inbox/all?composer=textarea");
        const box = composer();
        assert.equal(await box.evaluate((element) => element.tagName), "TEXTAREA");
        assert.equal(await box.getAttribute("placeholder"), asks[ANA]);
        await box.click();
        await page.keyboard.type("Hi Ana");
        await page.keyboard.press("Shift+Enter");
        await page.keyboard.type("Maria");
        assert.equal(await model(), "Hi Ana\nMaria");
        await rowOf(page, MIHAI).click();
        assert.equal(await model(), "");
        await rowOf(page, ANA).click();
        assert.equal(await composer().inputValue(), "Hi Ana\nMaria");
        await page.evaluate(() => window.replica.recreateComposer());
        assert.equal(await composer().inputValue(), "Hi Ana\nMaria");
        await composer().press("Enter");
        assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "Hi Ana\nMaria");
      });

      test("a Facebook comment reply starts with the commenter as a mention that Backspace shortens", async () => {
        page = await inbox(`/latest/inbox/all?composer=lexical&selected_item_id=${ELENA}`);
        assert.equal(await placeholder(), asks[ELENA]);
        assert.equal(await model(), "Elena Dumitru ");
        await composer().click();
        await page.keyboard.press("Control+End");
        await page.keyboard.press("Backspace");
        await page.keyboard.press("Backspace");
        assert.equal(await model(), "Elena");
        await page.keyboard.type(", o pâine costă 12 lei.");
        await page.keyboard.press("Enter");
        assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "Elena, o pâine costă 12 lei.");
        if (layout === "messenger") {
          assert.ok(await page.getByRole("article", { name: "Post by Lumen Bakery" }).isVisible());
          assert.ok(await page.getByRole("article", { name: "Comment by Elena Dumitru" }).isVisible());
          assert.ok(await page.getByRole("article", { name: "Reply by Lumen Bakery" }).isVisible());
        } else {
          // The post, then the comment on the left with her face, the reply on the right.
          const region = layout === "business" ? page.getByRole("region", { name: REGION_EN }) : page.locator(TRANSCRIPT);
          assert.ok(await region.getByText("Our new sourdough loaf is out of the oven!", { exact: false }).isVisible());
          assert.equal(await region.locator('img[alt="Elena Dumitru"]').count(), 1);
          assert.ok(await region.getByText("Sent by Maria Popa").isVisible());
        }
      });

      test("an Instagram comment reply starts with the commenter's @handle", async () => {
        page = await inbox(`/latest/inbox/all?selected_item_id=${JORDAN}`);
        assert.equal(await placeholder(), asks[JORDAN]);
        assert.equal(await model(), "@jordan.lee ");
      });

      test("addCustomerMessage writes in the open conversation now and moves it to the top", async () => {
        page = await inbox(`/latest/inbox/all?selected_item_id=${MIHAI}`);
        const at = await page.evaluate(() => window.replica.addCustomerMessage("Here is the photo."));
        assert.equal((await threads()).find((t) => t.id === MIHAI).lastCustomerMessageAt, at);
        const first = await page.evaluate(() => window.replica.rowThread(window.replica.rows()[0]));
        assert.equal(first, MIHAI);
        assert.match(await rowOf(page, MIHAI).textContent(), /Mihai Ionescu.*Here is the photo\./);
        assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "Here is the photo.");
      });

      test("the thread from an ad: threads() says so, and the conversation shows the ad's line above her reply", async () => {
        page = await inbox(`/latest/inbox/all?selected_item_id=${LUCIA}`);
        const lucia = (await threads()).find((t) => t.id === LUCIA);
        assert.equal(lucia.fromAd, true);
        assert.equal(lucia.adRepliedAt, lucia.lastCustomerMessageAt);
        const hours = (Date.now() - Date.parse(lucia.adRepliedAt)) / 3.6e6;
        assert.ok(hours > 29.9 && hours < 30.5, `${hours} h`);
        assert.equal(lucia.lastFrom, "page", "the automatic greeting came last");
        assert.ok((await threads()).filter((t) => t.fromAd).length === 1);
        const line = page.getByText("Lucia Marin replied to an ad.", { exact: true });
        assert.ok(await line.isVisible());
        // A line, not a message; the automatic greeting is signed by no one.
        assert.equal(await line.evaluate((element) => element.closest("[role=row], [role=article]")), null);
        assert.equal(await page.getByText(/Sent by/).count(), 0);
        const [lineBox, replyBox] = await Promise.all([line.boundingBox(), page.getByText("Can I still preorder", { exact: false }).boundingBox()]);
        assert.ok(lineBox.y < replyBox.y, "the line is above her reply");
      });
    });
  }

  describe("the messenger layout", () => {
    const inbox = (path = "/latest/inbox/all") => openInbox(context, `${path}${path.includes("?") ? "&" : "?"}layout=messenger`);
    const row = (name) => page.getByRole("list", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) });

    test("lists the conversations with channel, relative time, exact stamp, snippet and unread state", async () => {
      page = await inbox();
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
          ["Messenger", "1d", true],
          ["Messenger", "3d", true],
          ["Messenger", "1w", false],
        ],
      );
      assert.equal(rows[0].id, ANA);
      assert.equal(rows[0].current, "page");
      assert.ok(rows.slice(1).every((r) => r.current === null));
      assert.match(rows[0].text, /Ana Popescu5m.*You: Hi Ana, I'm checking/);
      assert.match(rows[4].text, /Lucia Marin1d.*You: Hi Lucia!/);
      for (const r of rows) {
        assert.match(r.exact, EXACT_STAMP);
        assert.equal(r.title, r.exact);
      }
      const all = await threads();
      const hoursAgo = (id) => (Date.now() - Date.parse(all.find((t) => t.id === id).lastCustomerMessageAt)) / 3.6e6;
      // The window counts from the customer's message (2 h), not from the row's time (5m).
      assert.ok(hoursAgo(ANA) >= 2 && hoursAgo(ANA) < 3);
      assert.ok(hoursAgo(MIHAI) >= 23.5 && hoursAgo(MIHAI) < 24);
    });

    test("shows the open conversation with sender and exact stamp on every message", async () => {
      page = await inbox();
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

    test("rows() are the list items in order, rowThread and rowOf the page's own knowledge of them", async () => {
      page = await inbox();
      const shown = await page.evaluate(() =>
        window.replica.rows().map((row) => [row.getAttribute("role"), window.replica.rowThread(row), window.replica.rowOf(window.replica.rowThread(row)) === row]),
      );
      assert.equal(shown.length, 7);
      assert.ok(shown.every(([role, , same]) => role === "listitem" && same));
      assert.deepEqual(shown[0][1], ANA);
      assert.equal(await page.evaluate(() => [window.replica.notesBox(), window.replica.searchField()].every((part) => part === null)), true);
      // Recycled: the element of the second row now shows Ana's thread, each another one.
      const before = await page.evaluate(() => (window.rowsBefore = window.replica.rows()).map((row) => window.replica.rowThread(row)));
      await page.evaluate(() => window.replica.recycleRows());
      const after = await page.evaluate(() => window.rowsBefore.map((row) => window.replica.rowThread(row)));
      assert.equal(after[1], ANA);
      assert.ok(after.every((thread, i) => thread !== before[i]), `${before} → ${after}`);
      assert.equal(await page.evaluate(() => window.replica.rowOf(window.replica.rowThread(window.rowsBefore[1])) === window.rowsBefore[1]), true);
    });

    test("the Facebook comment and its row", async () => {
      page = await inbox(`/latest/inbox/all?selected_item_id=${ELENA}`);
      assert.ok(await row("Elena Dumitru").isVisible());
      assert.equal(await page.getByRole("textbox", { name: "Reply as Lumen Bakery…" }).count(), 1);
    });
  });

  // What the business page and its changed version share, each with its own hooks.
  for (const [layout, hooks] of Object.entries(BUSINESS_HOOKS)) {
    describe(`the business page's list and addresses: ${layout}`, () => {
      const inbox = (path = "/latest/inbox/all") => openInbox(context, `${path}${path.includes("?") ? "&" : "?"}layout=${layout}`);

      test("no element names a thread: no link, no attribute; a click names it in the address, and Back works", async () => {
        page = await inbox();
        const all = await threads();
        assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), null);
        const naming = await page.evaluate((ids) => {
          const found = [];
          for (const element of document.querySelectorAll("*")) {
            for (const { name, value } of element.attributes) if (ids.some((id) => value.includes(id))) found.push(`${element.tagName} ${name}=${value}`);
          }
          return found;
        }, all.map((t) => t.id));
        assert.deepEqual(naming, []);
        await rowOf(page, MIHAI).click();
        const address = new URL(page.url());
        assert.equal(address.pathname, "/latest/inbox/all");
        assert.deepEqual(
          ["asset_id", "selected_item_id", "thread_type"].map((key) => address.searchParams.get(key)),
          ["104729384756012", MIHAI, "IG_MESSAGE"],
        );
        assert.equal(await (await headerNameOf(page)).textContent(), "Mihai Ionescu");
        await page.goBack();
        assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), null);
        assert.equal(await page.evaluate(() => window.replica.openThreadId()), ANA);
        assert.equal(await (await headerNameOf(page)).textContent(), "Ana Popescu");
      });

      test("the list is virtualised: at most 15 row nodes for 500 threads, reused in place as it scrolls", async () => {
        page = await inbox("/latest/inbox/all?rows=500");
        assert.equal((await threads()).length, 500);
        const before = await page.evaluate(() => {
          window.rowsBefore = window.replica.rows();
          return window.rowsBefore.map((row) => window.replica.rowThread(row));
        });
        assert.ok(before.length >= 10 && before.length <= 15, `${before.length} rows rendered`);
        assert.equal(await page.locator(`[data-pagelet="${hooks.list}"] [role="presentation"]`).count(), before.length);
        const scrollHeight = await page.evaluate(() => window.replica.rows()[0].parentElement.parentElement.scrollHeight);
        assert.ok(scrollHeight > 500 * 60, `the spacer is as tall as 500 rows: ${scrollHeight}`);
        await page.evaluate(() => window.replica.scrollListTo(200));
        const after = await page.evaluate(() => {
          const rows = window.replica.rows();
          return {
            same: rows.length === window.rowsBefore.length && rows.every((row) => window.rowsBefore.includes(row)),
            threads: rows.map((row) => window.replica.rowThread(row)),
            surfaces: rows.map((row) => row.querySelector("span[data-surface]").dataset.surface.split("/").at(-1)),
            tops: rows.map((row) => parseInt(row.style.top, 10)),
          };
        });
        assert.ok(after.same, "the same row nodes");
        assert.ok(after.threads.every((thread, i) => thread !== before[i]), "each shows another thread now");
        assert.ok(after.surfaces.includes(`${hooks.row}200`), after.surfaces.join());
        assert.deepEqual(after.tops, [...after.tops].sort((a, b) => a - b), "rows() in visual order");
        assert.equal(await page.evaluate((id) => window.replica.rowOf(id), before[0]), null, "the first thread is no longer rendered");
        // A row far down the list opens its thread like any other (one in view: a click
        // that scrolled the list would move the threads under the pointer).
        const id = after.threads[after.surfaces.indexOf(`${hooks.row}201`)];
        await rowOf(page, id).click();
        assert.equal(new URL(page.url()).searchParams.get("selected_item_id"), id);
        assert.equal(await page.evaluate(() => window.replica.openThreadId()), id);
      });

      test("5,000 threads: still at most 15 nodes, and the end of the list is reachable", async () => {
        page = await inbox("/latest/inbox/all?rows=5000");
        const all = await threads();
        assert.equal(all.length, 5000);
        await page.evaluate(() => window.replica.scrollListTo(4999));
        const surfaces = await page.evaluate(() => window.replica.rows().map((row) => row.querySelector("span[data-surface]").dataset.surface.split("/").at(-1)));
        assert.ok(surfaces.length <= 15);
        assert.equal(surfaces.at(-1), `${hooks.row}4999`, "the last row is rendered");
        // Long Instagram ids: 39 digits.
        assert.ok(all.some((t) => t.channel === "instagram" && /^\d{39}$/.test(t.id)));
      });

      test("re-rendering and recycling rows: what the page knows follows the node", async () => {
        page = await inbox();
        const snapshot = () =>
          page.evaluate(() => window.replica.rows().map((row) => ({ thread: window.replica.rowThread(row), old: (window.seen ??= new Set()).has(row), add: window.seen.add(row) && 0 })));
        await snapshot();
        // Recycled: the same nodes, each showing another thread; Ana's in another node now.
        await page.evaluate(() => (window.anaRow = window.replica.rowOf("100052384037366")));
        await page.evaluate(() => window.replica.recycleRows());
        let rows = await snapshot();
        assert.ok(rows.every((row) => row.old), "recycled: the same nodes");
        const moved = await page.evaluate(() => [window.replica.rowThread(window.anaRow), window.replica.rowOf("100052384037366") === window.anaRow]);
        assert.notEqual(moved[0], ANA, "Ana's node shows another thread");
        assert.equal(moved[1], false, "another node shows Ana's");
        assert.equal(rows[0].thread, ANA, "her thread is still at the top");
        // A node of someone else's (an extension's badge) stays through "children", is copied by "clone".
        await page.evaluate(() => window.replica.rows().forEach((row) => row.append(document.createElement("x-foreign"))));
        const avatar = () => page.evaluate((id) => window.replica.rowOf(id).querySelector("img").src, ANA);
        const before = await avatar();
        await page.evaluate(() => window.replica.rerenderRows("children"));
        rows = await snapshot();
        assert.ok(rows.every((row) => row.old));
        assert.equal(await page.locator("replica=rows >> x-foreign").count(), 7);
        await page.evaluate(() => window.replica.rerenderRows("clone"));
        rows = await snapshot();
        assert.ok(rows.every((row) => !row.old), "clones");
        assert.equal(await page.locator("replica=rows >> x-foreign").count(), 7);
        await page.evaluate(() => window.replica.rerenderRows("elements"));
        rows = await snapshot();
        assert.ok(rows.every((row) => !row.old), "new elements");
        assert.equal(await page.locator("replica=rows >> x-foreign").count(), 0);
        // The avatar's path is the person's; its signature is new at each render.
        const after = await avatar();
        assert.equal(new URL(after).pathname, new URL(before).pathname);
        assert.notEqual(new URL(after).searchParams.get("oh"), new URL(before).searchParams.get("oh"));
        // Each row still opens its own thread.
        await rowOf(page, ELENA).click();
        assert.equal(await page.evaluate(() => window.replica.openThreadId()), ELENA);
      });
    });
  }

  describe("the business layout", () => {
    const inbox = (path = "/latest/inbox/all", options) => openInbox(context, `${path}${path.includes("?") ? "&" : "?"}layout=business`, options);
    /** A row's parts as a reader sees them, by the page's knowledge of the thread it shows. */
    const rowView = (id) =>
      page.evaluate((id) => {
        const row = window.replica.rowOf(id);
        const surface = row.querySelector(":scope > span[data-surface]");
        const title = row.querySelector('span[data-surface$="/lib:thread_title"]');
        const stamp = row.querySelector("abbr");
        const footer = row.querySelector('span[data-surface$="/lib:thread_row_footer"]');
        const images = [...row.querySelectorAll("img")];
        return {
          role: row.getAttribute("role"),
          position: getComputedStyle(row).position,
          top: row.style.top,
          surface: surface.dataset.surface,
          surfaceStyle: surface.getAttribute("style"),
          title: title.dataset.surface,
          name: title.querySelector("div").textContent,
          weight: getComputedStyle(title.querySelector("div")).fontWeight,
          snippet: [...row.querySelectorAll('[style*="-webkit-line-clamp: 1"]')].at(-1).textContent,
          images: images.map((img) => ({ alt: img.alt, src: img.getAttribute("src"), width: img.getAttribute("width"), height: img.getAttribute("height") })),
          accessible: row.querySelector("span.accessible_elem").textContent,
          stamp: { text: stamp.textContent, title: stamp.title, hidden: stamp.getAttribute("aria-hidden"), utime: stamp.getAttribute("data-utime"), className: stamp.className },
          grid: [...row.querySelectorAll('[role="grid"] a[role="row"][href="#"] [role="gridcell"]')].map((cell) => cell.getAttribute("aria-label")),
          footer: footer.dataset.surface,
          footerText: footer.textContent,
          svg: footer.querySelector("svg") !== null,
          background: getComputedStyle(row).backgroundColor,
          links: row.querySelectorAll("a[href]:not([href='#'])").length,
        };
      }, id);

    test("a row is Business Suite's: role=presentation, data-surface spans, images, coarse time with data-utime, actions, footer", async () => {
      page = await inbox();
      const all = await threads();
      const ana = await rowView(ANA);
      assert.equal(ana.role, "presentation");
      assert.equal(ana.position, "absolute");
      assert.equal(ana.top, "0px");
      assert.equal(ana.surface, `${SURFACE}/thread_row0`);
      assert.equal(ana.surfaceStyle, "display: contents;");
      assert.equal(ana.title, `${SURFACE}/thread_row0/lib:thread_title`);
      assert.equal(ana.footer, `${SURFACE}/thread_row0/lib:thread_row_footer`);
      assert.equal(ana.name, "Ana Popescu");
      assert.equal(ana.snippet, "You: Hi Ana, I'm checking with the kitchen and will write back within the hour. Maria");
      assert.equal(ana.images.length, 2);
      assert.equal(ana.images[0].alt, "");
      assert.match(ana.images[0].src, /^https:\/\/scontent\.xx\.fbcdn\.net\/v\/t39\.30808-1\/\d+_\d+_\d+_n\.jpg\?stp=.*&oh=00_\w+&oe=[0-9A-F]+$/);
      assert.deepEqual([ana.images[1].alt, ana.images[1].width, ana.images[1].height], ["Messenger", "16", "16"]);
      assert.match(ana.images[1].src, /^https:\/\/static\.xx\.fbcdn\.net\/rsrc\.php\//);
      // The exact time in data-utime (seconds, with milliseconds); the text and title coarse.
      const anaLast = (await page.evaluate(() => window.replica.messages())).at(-1).at;
      assert.equal(ana.stamp.utime, (Date.parse(anaLast) / 1000).toFixed(3));
      assert.deepEqual({ ...ana.stamp, utime: undefined }, { text: listStamp(new Date(anaLast)).short, title: listStamp(new Date(anaLast)).full, hidden: "true", utime: undefined, className: "timestamp" });
      assert.equal(ana.accessible, ana.stamp.title);
      assert.deepEqual(ana.grid, ["Move to done", "Mark as follow up"]);
      assert.equal(ana.footerText, "Orders");
      assert.equal(ana.links, 0);

      // Priya wrote 9 days ago: a date; Aram 3 days ago: a weekday, full in the title.
      const priyaAt = new Date(all.find((t) => t.id === PRIYA).lastCustomerMessageAt);
      const priya = await rowView(PRIYA);
      assert.deepEqual([priya.stamp.text, priya.stamp.title], [listStamp(priyaAt).short, listStamp(priyaAt).full]);
      const aram = await rowView("100071928374650");
      assert.match(aram.stamp.title, /^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$/);
      assert.equal(aram.stamp.text, aram.stamp.title.slice(0, 3));
      // Unread is bold only: Elena's and Aram's names are; Ana's is not; no "Unread" label.
      assert.deepEqual([(await rowView(ELENA)).weight, aram.weight, ana.weight], ["700", "700", "400"]);
      assert.equal(await page.locator('#mount_0_0_Rc :is([aria-label="Unread"], [role="img"], [dir])').count(), 0);
      // Each channel in its icon's alt.
      assert.equal((await rowView(ELENA)).images[1].alt, "Facebook comment");
      assert.equal((await rowView(JORDAN)).images[1].alt, "Instagram comment");
      assert.equal((await rowView(MIHAI)).images[1].alt, "Instagram");
      // The ad's thread: its label chip, the logo and the ad's name in the footer.
      const lucia = await rowView(LUCIA);
      assert.equal(lucia.footerText, "IntakeEaster cakes – preorder");
      assert.equal(lucia.svg, true);
      assert.match(lucia.snippet, /^You: Hi Lucia!/);
      // The open thread's row has its own background.
      assert.notEqual(ana.background, (await rowView(MIHAI)).background);
      // The list's container, as captured.
      assert.equal(await page.locator('[data-pagelet="GenericBizInboxThreadListViewBody"] [role="presentation"]').count(), 7);
    });

    test("?pagelet=unified names the list's container BizP13NInboxUinifiedThreadListView; ?listStamps=coarse leaves out data-utime", async () => {
      page = await inbox("/latest/inbox/all?pagelet=unified&listStamps=coarse");
      assert.equal(await page.locator('[data-pagelet="BizP13NInboxUinifiedThreadListView"] [role="presentation"]').count(), 7);
      assert.equal(await page.locator('[data-pagelet="GenericBizInboxThreadListViewBody"]').count(), 0);
      assert.equal(await page.locator("abbr[data-utime]").count(), 0);
      assert.equal(await page.locator("abbr.timestamp[title]").count(), 7);
    });

    test("the conversation: its pagelets, the header's name, a heading that is not it, date lines, sides, Sent by", async () => {
      page = await inbox();
      const detail = page.locator('[data-pagelet="BizP13NInboxMessengerDetailView"]');
      const header = detail.locator('[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"]');
      assert.equal(await header.locator('[style*="-webkit-line-clamp: 1"]').textContent(), "Ana Popescu");
      assert.equal(await header.locator('[style="-webkit-line-clamp: 1;"]').count(), 1);
      assert.deepEqual(await page.getByRole("heading").allTextContents(), ["Inbox"]);
      assert.equal(await page.getByRole("main").getByRole("heading", { name: "Inbox" }).count(), 1);
      const region = detail.getByRole("region", { name: REGION_EN });
      // Plain divs: no roles, no per-message time.
      assert.equal(await region.locator("[role], abbr, time, [title], [aria-label]").count(), 0);
      const messages = await page.evaluate(() => window.replica.messages());
      // A date line before the first message and before each that follows an hour's silence.
      const expected = [];
      messages.forEach((message, i) => {
        if (i === 0 || Date.parse(message.at) - Date.parse(messages[i - 1].at) >= 3.6e6) expected.push(separator(new Date(message.at)));
        expected.push(message.text);
        if (message.from === "page") expected.push("Sent by Maria Popa");
      });
      const shown = await region.evaluate((element) => element.innerText.split("\n").filter(Boolean));
      assert.deepEqual(shown, expected);
      // The customer's bubbles on the left, with her face; the Page's on the right.
      const box = (text) => region.getByText(text, { exact: true }).boundingBox();
      const area = await region.boundingBox();
      const hers = await box(messages[2].text);
      const ours = await box(messages[3].text);
      assert.ok(hers.x < area.x + 80, `hers at the left: ${JSON.stringify([hers, area])}`);
      assert.ok(ours.x + ours.width > area.x + area.width - 40, `ours at the right: ${JSON.stringify([ours, area])}`);
      assert.ok(hers.x + hers.width / 2 < ours.x + ours.width / 2);
      const faces = region.locator('img[alt="Ana Popescu"][width="32"][height="32"]');
      assert.equal(await faces.count(), 2);
      for (const face of await faces.all()) assert.ok((await face.boundingBox()).x < area.x + area.width / 2);
      // The composer and the send button in the same pagelet.
      assert.equal(await detail.locator('textarea[type="text"][placeholder="Reply in Messenger…"]').count(), 1);
      assert.equal(await detail.locator('[aria-label="Send"][role="button"]').count(), 1);
      assert.equal(await composer().getAttribute("aria-label"), null);
    });

    test("the thread from an ad: the ad's line, the automatic greeting without Sent by, and its Save line", async () => {
      page = await inbox(`/latest/inbox/all?selected_item_id=${LUCIA}`);
      const region = page.getByRole("region", { name: REGION_EN });
      const lines = await region.evaluate((element) => element.innerText.split("\n").filter(Boolean));
      const lucia = (await threads()).find((t) => t.id === LUCIA);
      assert.deepEqual(lines, [
        separator(new Date(lucia.adRepliedAt)),
        "Lucia Marin replied to an ad.",
        "Hi! Can I still preorder the Easter cake from your ad?",
        "Hi Lucia! Thanks for your message. How can we help?",
        "Send answer automatically next time? Save",
      ]);
    });

    test("decoys: the Notes box and its Save in the composer's pagelet, the search field; neither is the composer", async () => {
      page = await inbox();
      const parts = await page.evaluate(() => {
        const pagelet = (element) => element.closest("[data-pagelet]")?.closest('[data-pagelet="BizP13NInboxMessengerDetailView"]') !== null;
        const notes = window.replica.notesBox();
        const search = window.replica.searchField();
        return {
          notes: [notes.tagName, notes.placeholder, pagelet(notes), notes === window.replica.composer()],
          composer: [window.replica.composer().tagName, pagelet(window.replica.composer())],
          search: [search.tagName, search.type, search.placeholder],
        };
      });
      assert.deepEqual(parts.notes, ["TEXTAREA", "Add a note…", true, false]);
      assert.deepEqual(parts.composer, ["TEXTAREA", true]);
      assert.deepEqual(parts.search, ["INPUT", "search", "Search"]);
      assert.ok(await page.getByText("Notes", { exact: true }).isVisible());
      assert.ok(await page.getByText("Labels", { exact: true }).isVisible());
      assert.equal(await page.locator('[data-pagelet="BizP13NInboxMessengerDetailView"] [role="button"]', { hasText: "Save" }).count(), 1);
      // Typing in them leaves the draft alone.
      await page.locator("replica=notes").fill("Prefers morning delivery");
      await page.locator("replica=search").fill("Mihai");
      assert.equal(await model(), "");
      await composer().click();
      await page.keyboard.type("Hi Ana");
      assert.equal(await page.locator("replica=notes").inputValue(), "Prefers morning delivery");
      assert.equal(await model(), "Hi Ana");
    });

    test("?composer=lexical: a Lexical box labelled Message, its placeholder the channel's", async () => {
      page = await inbox(`/latest/inbox/all?composer=lexical&selected_item_id=${MIHAI}`);
      const box = page.locator('[data-pagelet="BizP13NInboxMessengerDetailView"] div[aria-label="Message"][contenteditable="true"][data-lexical-editor="true"][role="textbox"]');
      assert.equal(await box.count(), 1);
      assert.equal(await box.getAttribute("aria-placeholder"), "Reply on Instagram…");
    });

    test("in Romanian", async () => {
      page = await inbox(`/latest/inbox/all?lang=ro&selected_item_id=${LUCIA}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "ro");
      assert.deepEqual(await page.getByRole("heading").allTextContents(), ["Mesaje"]);
      assert.equal(await page.locator("replica=search").getAttribute("placeholder"), "Caută");
      assert.equal(await page.locator("replica=notes").getAttribute("placeholder"), "Adaugă o notă…");
      assert.ok(await page.getByText("Note", { exact: true }).isVisible());
      assert.equal(await page.locator("replica=send").getAttribute("aria-label"), "Trimite");
      const region = page.getByRole("region", { name: REGION_RO });
      assert.ok(await region.getByText("Lucia Marin a răspuns la un anunț.", { exact: true }).isVisible());
      const all = await threads();
      const lucia = all.find((t) => t.id === LUCIA);
      assert.ok(await region.getByText(separator(new Date(lucia.adRepliedAt), "ro"), { exact: true }).isVisible());
      assert.deepEqual((await rowView(ANA)).grid, ["Mută în Finalizate", "Marchează pentru urmărire"]);
      assert.match((await rowView(ANA)).snippet, /^Dvs\.: Hi Ana/);
      for (const thread of all.filter((t) => t.lastFrom === "customer")) {
        const shown = (await rowView(thread.id)).stamp;
        const { full, short } = listStamp(new Date(thread.lastCustomerMessageAt), "ro");
        assert.deepEqual([shown.text, shown.title], [short, full], thread.customer);
      }
      // The forms themselves: Aram's weekday, Priya's date.
      assert.match((await rowView("100071928374650")).stamp.title, /^(duminică|luni|marți|miercuri|joi|vineri|sâmbătă)$/);
      assert.match((await rowView(PRIYA)).stamp.text, /^\d{1,2} (ian|feb|mar|apr|mai|iun|iul|aug|sept|oct|nov|dec)\.?( \d{4})?$/);
      // Ana's conversation: "Trimis de" under the Page's replies, Romanian date lines.
      await rowOf(page, ANA).click();
      assert.equal(await page.getByText("Trimis de Maria Popa", { exact: true }).count(), 2);
      const messages = await page.evaluate(() => window.replica.messages());
      assert.ok(await region.getByText(separator(new Date(messages.at(-1).at), "ro"), { exact: true }).isVisible());
    });

    test("renameAttributes renames what a profile reads, and the page works the same", async () => {
      page = await inbox("/latest/inbox/all?composer=lexical");
      await page.evaluate(() => window.replica.renameAttributes());
      const left = await page.evaluate(() =>
        ["data-pagelet", "data-surface", "role", "aria-label", "alt", "data-utime", "title", "placeholder"].filter((name) => document.querySelector(`#mount_0_0_Rc [${name}]`)),
      );
      assert.deepEqual(left, []);
      assert.ok((await page.locator("[data-x-data-surface]").count()) > 0);
      await rowOf(page, MIHAI).click();
      assert.equal(await page.evaluate(() => window.replica.openThreadId()), MIHAI);
      await page.evaluate(() => window.replica.addCustomerMessage("Hello?"));
      await page.evaluate(() => window.replica.scrollListTo(3));
      assert.equal(await page.evaluate(() => document.querySelectorAll("#mount_0_0_Rc [role], #mount_0_0_Rc [data-surface]").length), 0, "nothing rendered later has them");
      await composer().click();
      await page.keyboard.type("Hi Mihai");
      assert.equal(await model(), "Hi Mihai");
    });
  });
  describe("the changed layout", () => {
    const inbox = (path = "/latest/inbox/all") => openInbox(context, `${path}${path.includes("?") ? "&" : "?"}layout=changed`);
    /** A row's time element, name and channel, by the page's knowledge of the thread it shows. */
    const rowView = (id) =>
      page.evaluate((id) => {
        const row = window.replica.rowOf(id);
        const stamp = row.querySelector("[data-timestamp]");
        const name = row.querySelector('[data-surface$="/lib:participant_name"] div');
        return {
          surfaces: [...row.querySelectorAll("[data-surface]")].map((element) => element.dataset.surface.split("/").slice(-2).join("/")),
          name: name.textContent,
          weight: getComputedStyle(name).fontWeight,
          channel: row.querySelectorAll("img")[1].alt,
          stamp: { tag: stamp.tagName, text: stamp.textContent, timestamp: stamp.dataset.timestamp, attributes: stamp.getAttributeNames() },
        };
      }, id);

    test("the hooks are renamed: pagelets, data-surface paths, the row's time in a span's data-timestamp, the message list a hooked div", async () => {
      page = await inbox();
      assert.equal(await page.evaluate(() => window.replica.layout), "changed");
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("[data-pagelet]")].map((element) => element.dataset.pagelet)), [
        "BizInboxConversationCollectionBody",
        "BizInboxConversationPanel",
        "BizInboxConversationPanelTopBar",
        "BizInboxConversationTranscript",
      ]);
      const all = await threads();
      const lastAt = (id) => Date.parse(all.find((t) => t.id === id).lastCustomerMessageAt);
      const ana = await rowView(ANA);
      assert.deepEqual(ana.surfaces, ["bizweb_inbox:conversation_column/conversation_item0", "conversation_item0/lib:participant_name", "conversation_item0/lib:conversation_chips"]);
      assert.equal(ana.name, "Ana Popescu");
      assert.equal(ana.channel, "Messenger");
      // Ana's row shows the Page's reply a few minutes ago: "5m", its exact second in data-timestamp.
      const anaLast = Date.parse((await page.evaluate(() => window.replica.messages())).at(-1).at);
      assert.deepEqual({ ...ana.stamp, text: undefined }, { tag: "SPAN", text: undefined, timestamp: String(Math.floor(anaLast / 1000)), attributes: ["data-timestamp"] });
      assert.match(ana.stamp.text, /^\d+m$/);
      // Mihai wrote 23 and a half hours ago: "23h"; Aram 3 days ago: a weekday; Priya 9: a date.
      assert.equal((await rowView(MIHAI)).stamp.text, "23h");
      assert.equal((await rowView("100071928374650")).stamp.text, listStamp(new Date(lastAt("100071928374650"))).short);
      assert.equal((await rowView(PRIYA)).stamp.text, listStamp(new Date(lastAt(PRIYA))).short);
      assert.equal((await rowView(PRIYA)).stamp.timestamp, String(Math.floor(lastAt(PRIYA) / 1000)));
      // The rest is the business page's: bold unread names, channels in img alt, sides, Sent by.
      assert.deepEqual([(await rowView(ELENA)).weight, ana.weight], ["700", "400"]);
      assert.equal((await rowView(JORDAN)).channel, "Instagram comment");
      assert.equal(await (await headerNameOf(page)).textContent(), "Ana Popescu");
      const transcript = page.locator(TRANSCRIPT);
      assert.deepEqual(await transcript.evaluate((element) => element.getAttributeNames().sort()), ["class", "data-pagelet", "tabindex"]);
      assert.equal(await transcript.locator("[role], abbr, time, [aria-label]").count(), 0);
      assert.equal(await transcript.getByText("Sent by Maria Popa", { exact: true }).count(), 2);
      assert.equal(await transcript.locator('img[alt="Ana Popescu"]').count(), 2);
      // The decoys are still there, and are no composer.
      assert.deepEqual(
        await page.evaluate(() => [window.replica.notesBox().placeholder, window.replica.searchField().type, window.replica.notesBox() === window.replica.composer()]),
        ["Add a note…", "search", false],
      );
      // ?listStamps=coarse leaves the exact time out.
      await page.close();
      page = await inbox("/latest/inbox/all?listStamps=coarse");
      assert.equal(await page.locator("[data-timestamp]").count(), 0);
    });

    test("nothing the built-in profile reads is there, in English and Romanian", async () => {
      for (const lang of ["en", "ro"]) {
        page = await inbox(`/latest/inbox/all?lang=${lang}`);
        const found = await page.evaluate((profile) => {
          const matching = (selectors) => selectors.filter((css) => document.querySelector(css));
          const probes = (list) => matching(list.filter((probe) => probe.css).map((probe) => probe.css));
          const label = (box) => (box.getAttribute("aria-label") ?? box.getAttribute("aria-placeholder") ?? box.getAttribute("placeholder") ?? "").toLowerCase();
          const startsWithAny = (text, starts) => starts.some((start) => text.startsWith(start.toLowerCase()));
          return {
            anyOfThem: document.querySelector("[data-utime], abbr, time, [data-lexical-editor], [role=main]") !== null,
            list: matching(profile.list),
            rows: matching(profile.rows.map((finder) => finder.css ?? finder.repeated)),
            rowTime: probes(profile.rowTime),
            rowAd: probes(profile.rowAd),
            rowThread: probes(profile.rowThread),
            pane: matching(profile.pane),
            // Only the page's heading, which is never a name.
            names: profile.customerName.flatMap((css) => [...document.querySelectorAll(css)].map((element) => element.textContent)).filter((text) => !profile.notNames.includes(text)),
            messageList: matching(profile.messageList),
            messageTime: probes(profile.messageTime),
            send: matching([profile.composer.send]),
            replyLabelled: [...document.querySelectorAll(profile.composer.candidates)].map(label).filter((text) => startsWithAny(text, profile.composer.replyLabels)),
            // The composer is still a text box a taught profile can name.
            composerIsCandidate: window.replica.composer().matches(profile.composer.candidates),
          };
        }, PROFILE);
        assert.deepEqual(found, {
          anyOfThem: false,
          list: [],
          rows: [],
          rowTime: [],
          rowAd: [],
          rowThread: [],
          pane: [],
          names: [],
          messageList: [],
          messageTime: [],
          send: [],
          replyLabelled: [],
          composerIsCandidate: true,
        }, lang);
        await page.close();
      }
      page = undefined;
    });

    test("the composer is a plain contenteditable: typing, a line break, insertion as an extension makes it, undo, drafts, Enter and the icon button send", async () => {
      page = await inbox();
      const box = composer();
      assert.deepEqual(
        await box.evaluate((element) => [element.tagName, element.getAttribute("contenteditable"), element.getAttribute("role"), element.getAttribute("aria-label"), element.isContentEditable]),
        ["DIV", "true", "textbox", "Write to Ana…", true],
      );
      const send = page.locator("replica=send");
      assert.deepEqual(await send.evaluate((element) => [element.getAttribute("role"), element.getAttribute("aria-label"), element.textContent, element.querySelector("svg") !== null]), ["button", "Submit reply", "", true]);
      const placeholderShown = () => page.getByText("Write to Ana…", { exact: true }).isVisible();
      assert.equal(await placeholderShown(), true);
      // The browser edits the box itself: a key fires beforeinput then input, and Shift+Enter
      // is its own line break.
      const events = () => page.evaluate(() => window.inputEvents.splice(0));
      await box.evaluate((element) => {
        window.inputEvents = [];
        for (const type of ["beforeinput", "input"]) element.addEventListener(type, (event) => window.inputEvents.push(`${type} ${event.inputType}`));
      });
      await box.click();
      await page.keyboard.type("Hi Ana");
      assert.deepEqual((await events()).slice(0, 2), ["beforeinput insertText", "input insertText"]);
      await page.keyboard.press("Shift+Enter");
      assert.deepEqual(await events(), ["beforeinput insertLineBreak", "input insertLineBreak"]);
      await page.keyboard.type("Maria");
      assert.equal(await model(), "Hi Ana\nMaria");
      assert.equal(await placeholderShown(), false);
      // An insertion at the caret as an extension makes one (execCommand: input, no
      // beforeinput, as browsers do).
      await events();
      await box.evaluate((element) => {
        getSelection().selectAllChildren(element);
        getSelection().collapseToEnd();
        document.execCommand("insertText", false, " P.");
      });
      assert.deepEqual(await events(), ["input insertText"]);
      assert.equal(await model(), "Hi Ana\nMaria P.");
      const typed = await model();
      await page.keyboard.press("Control+z");
      const undone = await model();
      assert.ok(undone.length < typed.length && typed.startsWith(undone), `${JSON.stringify(undone)} after one undo`);
      await page.keyboard.press("Control+Shift+z");
      assert.equal(await model(), typed);
      // Each conversation keeps its draft, and a re-created composer holds it.
      await rowOf(page, MIHAI).click();
      assert.equal(await model(), "");
      assert.equal(await box.getAttribute("aria-label"), "Write to Mihai on Instagram…");
      await rowOf(page, ANA).click();
      await page.evaluate(() => window.replica.recreateComposer());
      assert.equal(await model(), typed);
      await box.click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      const sent = (await page.evaluate(() => window.replica.messages())).at(-1);
      assert.deepEqual([sent.from, sent.text], ["page", typed]);
      assert.equal(await model(), "");
      assert.equal(await placeholderShown(), true);
      await box.click();
      await page.keyboard.type("See you then.");
      await send.click();
      assert.equal((await page.evaluate(() => window.replica.messages())).at(-1).text, "See you then.");
      // The page replaces the draft itself, without an input event.
      await page.evaluate(() => window.replica.replaceDraft("Line one\nLine two"));
      assert.equal(await model(), "Line one\nLine two");
    });

    test("in Romanian: the composer's label and the icon button's", async () => {
      page = await inbox("/latest/inbox/all?lang=ro");
      assert.equal(await composer().getAttribute("aria-label"), "Scrie-i lui Ana…");
      assert.equal(await page.locator("replica=send").getAttribute("aria-label"), "Expediază răspunsul");
      assert.deepEqual(await page.getByRole("heading").allTextContents(), ["Mesaje"]);
      assert.equal(await page.locator(TRANSCRIPT).getByText("Trimis de Maria Popa", { exact: true }).count(), 2);
    });
  });
});
