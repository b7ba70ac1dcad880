// Live linting in the inbox composer, end to end: the built extension (dist/chrome) in
// Chromium on the replica inbox (tests/replica, in RC_LAYOUT's layout) served at Business
// Suite's own address. Drafts are typed key by key into the real Lexical editor
// (?composer=lexical, which both layouts have) and the textarea; the tests
// read what the agent sees (the card in <reply-coach-root>'s shadow root, the CSS
// highlights), press its buttons, and check the editor's own model text. With no first name
// set, the card offers the one on the conversation's "Sent by" line.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { composerOf, LAYOUT, launchWithExtension, message, openInbox, pageErrors, readUntil, serveReplica, STRICT_PATH, WAIT_MS } from "./harness.mjs";

const THREADS = { ana: "100052384037366", elena: "122107364918273", mihai: "100089273645128", aram: "100071928374650", priya: "100064758844409" };

describe("live linting in the composer", () => {
  let context;
  let worker;
  let served;

  before(async () => {
    ({ context, worker } = await launchWithExtension());
    served = await serveReplica(context);
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { agentName: "Maria" } }));
  });

  after(async () => {
    await context?.close();
  });

  /** Opens the replica (with the Lexical composer unless `path` says otherwise), optionally
   * on a thread, and focuses its composer. */
  async function inbox({ path = "/latest/inbox/all?composer=lexical", thread } = {}) {
    const page = await openInbox(context, path);
    if (thread) await page.evaluate((id) => window.replica.openThread(id), thread);
    await composerOf(page).click();
    return page;
  }

  /** The rule ids the card lists, in its order, once the composer's count matches them. */
  async function shownRules(page, { expect } = {}) {
    const handle = await page.waitForFunction(
      (expect) => {
        const root = document.querySelector("reply-coach-root")?.shadowRoot;
        const composer = document.querySelector("[data-rc-findings]");
        const card = root?.querySelector(".card");
        if (!root || !composer) return null;
        const rules = card.hidden ? [] : [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
        if (Number(composer.dataset.rcFindings) !== rules.length) return null; // Mid-update.
        if (expect && !expect.every((rule) => rules.includes(rule))) return null;
        return rules;
      },
      expect,
      { timeout: WAIT_MS },
    );
    return handle.jsonValue();
  }

  const modelText = (page) => page.evaluate(() => window.replica.composerModelText());

  /** Waits until the composer's own model holds exactly `text`. */
  const waitForModel = (page, text) =>
    page.waitForFunction((text) => window.replica.composerModelText() === text, text);

  /**
   * Types `draft`, presses the fix labelled `label` of the `rule` finding, and checks that
   * the composer's model becomes `fixed` and the finding goes; then that one Ctrl+Z gives
   * the draft back.
   */
  async function fixThenUndo(page, { draft, rule, label, fixed }) {
    await page.keyboard.type(draft, { delay: 5 });
    await shownRules(page, { expect: [rule] });
    await pressFix(page, rule, label);
    await waitForModel(page, fixed);
    // The card is linted again at once, and the finding goes.
    await page.waitForFunction(
      (rule) => !document.querySelector("reply-coach-root").shadowRoot.querySelector(`.findings [data-rule="${rule}"]`),
      rule,
      { timeout: WAIT_MS },
    );
    await page.keyboard.press("Control+z");
    await waitForModel(page, draft);
  }

  /** Presses the card's fix button labelled `label` in the finding of `rule`. */
  async function pressFix(page, rule, label) {
    const button = page.locator(`reply-coach-root li[data-rule="${rule}"] button.fix`, { hasText: label });
    await button.click();
  }

  test("findings appear as the agent types, with underlines under their words", async () => {
    const page = await inbox();
    await page.keyboard.type("Hello Ana Popescu, WE HAVE CAKES!! Ask me anything.", { delay: 5 });
    const rules = await shownRules(page, { expect: ["name-last", "tone-shout"] });
    assert.deepEqual(rules.filter((r) => r === "tone-shout").length, 2, `capitals and "!!": ${rules}`);

    // Each underline covers its finding's words, where the words are on screen.
    const underlines = await page.evaluate(() => {
      const composer = document.querySelector("[data-lexical-editor]");
      const text = composer.querySelector("[data-lexical-text]").firstChild;
      const rectOf = (words) => {
        const range = document.createRange();
        const start = text.data.indexOf(words);
        range.setStart(text, start);
        range.setEnd(text, start + words.length);
        return range.getBoundingClientRect().toJSON();
      };
      const painted = [...CSS.highlights.get("reply-coach-warning")].map((range) => ({
        words: range.toString(),
        rect: range.getBoundingClientRect().toJSON(),
      }));
      return { painted, expected: ["Ana Popescu", "WE HAVE CAKES", "!!"].map((words) => ({ words, rect: rectOf(words) })) };
    });
    assert.deepEqual(
      underlines.painted.sort((a, b) => a.rect.x - b.rect.x),
      underlines.expected,
    );
    assert.deepEqual(pageErrors(page), []);
    await page.close();
  });

  test("a fix edits the Lexical editor's own model in one step, and one Ctrl+Z undoes it", async () => {
    const page = await inbox();
    const draft = "Hello Ana Popescu, your cake is ready for Saturday.";
    const fixed = "Hello Ana, your cake is ready for Saturday.";
    await fixThenUndo(page, { draft, rule: "name-last", label: "Ana", fixed });

    // Again, and the caret stays at the end, where the agent was typing.
    await shownRules(page, { expect: ["name-last"] });
    await pressFix(page, "name-last", "Ana");
    await waitForModel(page, fixed);
    await page.keyboard.type(" See you!", { delay: 5 });
    assert.equal(await modelText(page), `${fixed} See you!`);
    await page.close();
  });

  test("a fix that adds a line (the sign-off) becomes a new paragraph, undone in one step", async () => {
    const page = await inbox();
    const draft = "Hi Ana, your cake is ready for Saturday.";
    // Lexical joins paragraphs with a blank line in its text.
    await fixThenUndo(page, { draft, rule: "sign-off-missing", label: "Maria", fixed: `${draft}\n\n– Maria` });
    await page.close();
  });

  test("in a textarea: underline boxes, a fix, and the textarea's own undo", async () => {
    const page = await inbox({ path: "/latest/inbox/all?composer=textarea" });
    const draft = "Hello Ana Popescu, we will bake it.";
    await fixThenUndo(page, { draft, rule: "name-last", label: "Ana", fixed: "Hello Ana, we will bake it." });
    await shownRules(page, { expect: ["name-last"] });
    const boxes = await page.evaluate(() => {
      const area = window.replica.composer().getBoundingClientRect();
      const marks = [...document.querySelector("reply-coach-root").shadowRoot.querySelectorAll(".marks > div")];
      return { area: area.toJSON(), marks: marks.map((m) => ({ severity: m.className, rect: m.getBoundingClientRect().toJSON() })) };
    });
    const warning = boxes.marks.find((m) => m.severity === "warning");
    assert.ok(warning, `no underline box: ${JSON.stringify(boxes)}`);
    // "Ana Popescu" is on the first line, after "Hello ": inside the box, not at its edge.
    assert.ok(warning.rect.left > boxes.area.left + 20 && warning.rect.right < boxes.area.right, JSON.stringify(boxes));
    assert.ok(warning.rect.top > boxes.area.top && warning.rect.top < boxes.area.top + boxes.area.height / 2 + 20);
    await page.close();
  });

  test("switching conversations mid-draft lints each draft against its own conversation", async () => {
    const page = await inbox();
    await page.keyboard.type("Hello, the cake is ready.", { delay: 5 });
    assert.ok((await shownRules(page, { expect: ["name-missing"] })).includes("name-missing"));
    const nameFix = () => page.locator('reply-coach-root li[data-rule="name-missing"] button.fix').first().textContent();
    assert.match(await nameFix(), /Ana/);

    await page.evaluate((id) => window.replica.openThread(id), THREADS.mihai);
    await composerOf(page).click();
    await page.keyboard.type("Hello, we will send new eclairs.", { delay: 5 });
    await shownRules(page, { expect: ["name-missing"] });
    await page.waitForFunction(() =>
      document.querySelector("reply-coach-root").shadowRoot.querySelector('li[data-rule="name-missing"] .fix')?.textContent.includes("Mihai"),
    );

    // Back to Ana: her draft is restored, and linted for her again.
    await page.evaluate((id) => window.replica.openThread(id), THREADS.ana);
    assert.equal(await modelText(page), "Hello, the cake is ready.");
    await page.waitForFunction(() =>
      document.querySelector("reply-coach-root").shadowRoot.querySelector('li[data-rule="name-missing"] .fix')?.textContent.includes("Ana"),
    );
    await page.close();
  });

  test("a composer re-created by the page is linted again, without focus", async () => {
    const page = await inbox();
    await page.keyboard.type("Hello Ana Popescu!!", { delay: 5 });
    const before = await shownRules(page, { expect: ["name-last", "tone-shout"] });
    await page.evaluate(() => window.replica.recreateComposer());
    await page.waitForFunction((count) => window.replica.composer().dataset.rcFindings === String(count), before.length);
    assert.deepEqual(await shownRules(page), before);
    await page.close();
  });

  test("of several composers, the focused one is linted", async () => {
    const page = await inbox();
    await page.keyboard.type("Hello Ana Popescu!!", { delay: 5 });
    await shownRules(page, { expect: ["name-last"] });
    // A second reply box, as a comment thread shows under each comment, after the composer.
    await page.evaluate(() => {
      const box = document.createElement("textarea");
      box.setAttribute("aria-label", "Reply as Lumen Bakery…");
      window.replica.sendButton().parentElement.after(box);
    });
    await page.locator('textarea[aria-label^="Reply as"]').click();
    await page.keyboard.type("Send me your email address.", { delay: 5 });
    await page.waitForFunction(() => {
      const second = document.querySelector('textarea[aria-label^="Reply as"]');
      const first = document.querySelector("[data-lexical-editor]");
      return second.dataset.rcFindings !== undefined && first.dataset.rcFindings === undefined;
    });
    // Its label says it is a public reply: asking for private data there is a finding.
    assert.ok((await shownRules(page, { expect: ["private-info-public"] })).includes("private-info-public"));
    await page.close();
  });

  test(
    "the Notes box and the search field are no composer: what is typed there is never linted",
    { skip: LAYOUT !== "business" && "the messenger layout has neither a Notes box nor a search field" },
    async () => {
      const page = await inbox();
      // Every mark the extension puts on them, from now on.
      await page.evaluate(() => {
        window.decoyMarks = [];
        const observer = new MutationObserver((records) => window.decoyMarks.push(...records.map((r) => r.target.tagName)));
        for (const decoy of [window.replica.notesBox(), window.replica.searchField()]) {
          observer.observe(decoy, { attributes: true, attributeFilter: ["data-rc-findings"] });
        }
      });
      await page.locator("replica=notes").click();
      await page.keyboard.type("CALL HER BACK!! Ana Popescu prefers mornings", { delay: 5 });
      await page.locator("replica=search").click();
      await page.keyboard.type("ANA POPESCU!!", { delay: 5 });
      // Then a draft in the composer, linted: anything the decoys set off came before it.
      await composerOf(page).click();
      await page.keyboard.type("Hello Ana, WE HAVE IT!! Maria", { delay: 5 });
      await shownRules(page, { expect: ["tone-shout"] });
      assert.deepEqual(await page.evaluate(() => window.decoyMarks), [], "the Notes box or the search field was linted");
      assert.equal(await page.locator("[data-rc-findings]").count(), 1);
      await page.close();
    },
  );

  test("settings changed on the options page apply to the open draft", async () => {
    const page = await inbox();
    await page.keyboard.type("Hello Ana, WE HAVE IT!! Maria", { delay: 5 });
    await shownRules(page, { expect: ["tone-shout"] });
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { agentName: "Maria", disabledRules: ["tone-shout"] } }));
    await page.waitForFunction(
      () => !document.querySelector("reply-coach-root").shadowRoot.querySelector('[data-rule="tone-shout"]'),
    );
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { agentName: "Maria" } }));
    await shownRules(page, { expect: ["tone-shout"] });
    await page.close();
  });

  test("the conversation's facts reach the rules: public comments and the reply window", async () => {
    // A public comment: no private data asked for in public.
    let page = await inbox({ thread: THREADS.elena });
    await page.keyboard.type(" please send us your phone number.", { delay: 5 });
    assert.ok((await shownRules(page, { expect: ["private-info-public"] })).includes("private-info-public"));
    await page.close();

    // Aram wrote 3 days ago: a human agent may answer, without promotion.
    page = await inbox({ thread: THREADS.aram });
    await page.keyboard.type("Hi Aram, we have gluten-free bread. Use code SALE20 for 20% off! Maria", { delay: 2 });
    assert.ok((await shownRules(page, { expect: ["promo-outside-window"] })).includes("promo-outside-window"));
    await page.close();

    // Priya wrote 9 days ago: nothing can be sent any more.
    page = await inbox({ thread: THREADS.priya });
    await page.keyboard.type("Hi Priya, yes, we are open on Sundays. Maria", { delay: 2 });
    assert.ok((await shownRules(page, { expect: ["window-closed"] })).includes("window-closed"));
    await page.close();
  });

  /** The card's status line, its name offer (the question and the button) and the rules
   * it lists, as the agent sees them. */
  const card = (page) =>
    page.evaluate(() => {
      const root = document.querySelector("reply-coach-root")?.shadowRoot;
      const panel = root?.querySelector(".card");
      const status = root?.querySelector(".card .status");
      const offer = root?.querySelector(".card .offer");
      return {
        shown: Boolean(panel && !panel.hidden),
        status: !status || status.hidden ? null : status.textContent,
        offer: !offer || offer.hidden ? null : offer.querySelector(".offer-text").textContent,
        use: !offer || offer.hidden ? null : offer.querySelector("[data-action=use-agent-name]").textContent,
        rules: [...(root?.querySelectorAll(".findings [data-rule]") ?? [])].map((li) => li.dataset.rule),
      };
    });

  /** Settings without a first name (other fields kept, as another device may have set them),
   * and no name suggestion or dismissal left from an earlier test. */
  const withoutName = () =>
    worker.evaluate(() =>
      Promise.all([
        chrome.storage.sync.set({ settings: { version: 1, maxWords: 70 } }),
        chrome.storage.session.remove("agentSuggestion"),
      ]),
    );
  const restoreName = () =>
    worker.evaluate(() =>
      Promise.all([
        chrome.storage.sync.set({ settings: { agentName: "Maria" } }),
        chrome.storage.session.remove("agentSuggestion"),
      ]),
    );

  test("with no first name set, the card offers the one on the conversation's 'Sent by'; one click saves it, and the card follows", async () => {
    await withoutName();
    try {
      const page = await inbox();
      const draft = "Hi Ana, your cake is ready for Saturday.";
      await page.keyboard.type(draft, { delay: 5 });
      // Ana's conversation shows "Sent by Maria Popa": her first name, never "Popa".
      let shown = await readUntil(() => card(page), (c) => c.offer !== null, "the card offers a name");
      assert.equal(shown.offer, message("agentNameOffer", "Maria"));
      assert.equal(shown.use, message("agentNameUse", "Maria"));
      assert.equal(shown.status, message("setYourName"));
      assert.ok(!shown.rules.includes("sign-off-missing"), "no name, no sign-off check");

      await page.locator("reply-coach-root button[data-action=use-agent-name]").click();
      shown = await readUntil(
        () => card(page),
        (c) => c.offer === null && c.status === null && c.rules.includes("sign-off-missing"),
        "the status and the sign-off check follow the saved name",
      );
      const { settings } = await worker.evaluate(() => chrome.storage.sync.get("settings"));
      assert.deepEqual(settings, { version: 1, maxWords: 70, agentName: "Maria" }, "merged into what was stored");
      assert.equal(await page.evaluate(() => window.replica.composerModelText()), draft, "the draft is untouched");
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    } finally {
      await restoreName();
    }
  });

  test("a dismissed name is not offered again in this browser session; another colleague's still is", async () => {
    await withoutName();
    try {
      let page = await inbox();
      await page.keyboard.type("Hi Ana, your cake is ready.", { delay: 5 });
      await readUntil(() => card(page), (c) => c.offer === message("agentNameOffer", "Maria"), "Maria offered");
      await page.locator("reply-coach-root button[data-action=dismiss-agent-name]").click();
      await readUntil(() => card(page), (c) => c.offer === null && c.status === message("setYourName"), "dismissed");
      await readUntil(
        () => worker.evaluate(() => chrome.storage.session.get("agentSuggestion")),
        ({ agentSuggestion }) => agentSuggestion?.dismissed?.includes("Maria"),
        "the dismissal kept for the session",
      );
      await page.close();

      // Another page: Mihai's conversation was answered by Andrei Stan, who is offered (so
      // the dismissed names have arrived); Ana's, by Maria, who is not.
      page = await inbox({ thread: THREADS.mihai });
      await page.keyboard.type("Hi Mihai, the new box is on its way.", { delay: 5 });
      await readUntil(() => card(page), (c) => c.offer === message("agentNameOffer", "Andrei"), "Andrei offered");
      await page.evaluate((id) => window.replica.openThread(id), THREADS.ana);
      await composerOf(page).click();
      await page.keyboard.type("Hi Ana, your cake is ready.", { delay: 5 });
      const shown = await readUntil(() => card(page), (c) => c.shown && c.status === message("setYourName"), "Ana's card");
      assert.equal(shown.offer, null);
      assert.equal((await worker.evaluate(() => chrome.storage.sync.get("settings"))).settings.agentName, undefined);
      await page.close();
    } finally {
      await restoreName();
    }
  });

  test("on a page that forbids WebAssembly the extension says it runs in reduced mode, and still lints", async () => {
    const page = await inbox({ path: STRICT_PATH });
    await page.keyboard.type("WE ARE CLOSED!! Call us.", { delay: 5 });
    await page.waitForFunction(() => {
      const root = document.querySelector("reply-coach-root")?.shadowRoot;
      return root?.querySelector('[data-rc-mode="reduced"]') && root.querySelector('[data-rule="tone-shout"]');
    });
    const composerCount = await page.locator("[data-rc-findings]").getAttribute("data-rc-findings");
    const shown = await page.evaluate(() => document.querySelector("reply-coach-root").shadowRoot.querySelectorAll("[data-rule]").length);
    assert.equal(Number(composerCount), shown);
    await page.close();
  });

  test("nothing leaves the browser", () => {
    // serveReplica aborts and records every request it does not serve from the fixtures.
    assert.deepEqual(served.aborted, []);
  });
});

// The core's texts follow the browser's UI language (extension/language-data.js sets it
// with setUiLanguage): in a Romanian Chromium a finding's message, fix and explanation
// are the Romanian catalogue's (src/catalogue/data/ro.txt), whatever the draft's language.
describe("in a Romanian UI", () => {
  let context;

  before(async () => {
    ({ context } = await launchWithExtension({ args: ["--lang=ro"] }));
    await serveReplica(context);
  });

  after(async () => {
    await context?.close();
  });

  test("the card shows the finding in Romanian", async () => {
    const page = await openInbox(context, "/latest/inbox/all?composer=lexical");
    await composerOf(page).click();
    await page.keyboard.type("WE ARE CLOSED today.", { delay: 5 });
    const handle = await page.waitForFunction(
      () => {
        const li = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector('.findings li[data-rule="tone-shout"]');
        if (!li) return null;
        const text = (selector) => li.querySelector(selector)?.textContent ?? "";
        return { message: text(".message"), fix: text("button.fix"), explanation: text(".explanation") };
      },
      undefined,
      { timeout: WAIT_MS },
    );
    const shown = await handle.jsonValue();
    assert.equal(shown.message, "„WE ARE CLOSED” este scris cu majuscule: se citește ca un strigăt.");
    assert.equal(shown.fix, "Scrieți cu litere mici");
    assert.ok(shown.explanation.startsWith("Majusculele și semnele de exclamare înșirate"), shown.explanation);
  });
});
