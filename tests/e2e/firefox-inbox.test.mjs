// The extension in Firefox, end to end: dist/firefox installed in Firefox ESR (headless,
// driven over WebDriver BiDi; tests/e2e/firefox-harness.mjs) on the replica inbox, in
// RC_LAYOUT's layout, at Business Suite's own address with Meta's CSP. What Firefox does
// differently where the extension is delicate: the content script sees the page through
// Xray wrappers (the edits it asks Lexical for, the CSS highlights it registers), compiles
// its Wasm under the extension's CSP, and the background is an event page. So: the core
// starts and the clock marks every row; live lint with the card and underlines in Lexical
// and the textarea; a fix in Lexical's own model as one undoable edit; a template from the
// `/` picker by keyboard; the panel and the banner; the toolbar popup; the settings page
// (opened by a fresh install, from the event page); damaged settings and
// templates in storage; and nothing leaves the browser but the replica's own addresses.
//
//   node --test tests/e2e/firefox-inbox.test.mjs        (after ./build.sh)

import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import {
  asLexicalText,
  bannerOf,
  composerOf,
  en,
  findingsWhen,
  inCard,
  launchFirefoxOnReplica,
  panelOf,
  press,
  readUntil,
  renderedTemplate,
  REPLICA_FILES,
  STRICT_PATH,
  tabIdOf,
  waitForRows,
  WAIT_MS,
} from "./firefox-harness.mjs";

const ARAM = "100071928374650";

describe("the extension in Firefox", () => {
  let firefox;
  /** The page the test is on now; closed after it, when it must not have thrown. */
  let page;

  before(async () => {
    firefox = await launchFirefoxOnReplica();
  });

  afterEach(async () => {
    if (page) assert.deepEqual(page.errors, [], "the page threw");
    await page?.close();
    page = undefined;
  });

  after(async () => {
    await firefox?.close();
  });

  /** Opens the replica with the Lexical composer unless `query` names another, and focuses
   * the composer. */
  async function inbox(query = "") {
    const params = new URLSearchParams(query);
    if (!params.has("composer")) params.set("composer", "lexical");
    page = await firefox.openInbox(`/latest/inbox/all?${params}`);
    await (await composerOf(page)).click();
    return page;
  }

  const modelText = () => page.evaluate(() => window.replica.composerModelText());
  /** Waits until the composer's own model (Lexical's, or the textarea's value) holds `text`. */
  const waitForModel = (text) => readUntil(modelText, (model) => model === text, `the composer's model is ${JSON.stringify(text)}`);

  /** Types `draft`, presses the fix labelled `label` of the `rule` finding, and checks that
   * the composer's model becomes `fixed` and the finding goes; then that one Ctrl+Z gives
   * the draft back. */
  async function fixThenUndo({ draft, rule, label, fixed }) {
    await page.keyboard.type(draft, { delay: 5 });
    await findingsWhen(page, { has: [rule] });
    const button = await page.waitForFunction(
      (rule, label) =>
        [...document.querySelector("reply-coach-root").shadowRoot.querySelectorAll(`li[data-rule="${rule}"] button.fix`)].find(
          (fix) => fix.textContent.includes(label),
        ),
      { timeout: WAIT_MS },
      rule,
      label,
    );
    await button.asElement().click();
    await waitForModel(fixed);
    await findingsWhen(page, { lacks: [rule] });
    await press(page, "Control+z");
    await waitForModel(draft);
  }

  test("a fresh install opens the settings page (onInstalled in the event page)", async () => {
    // The harness opened one to reach the storage; the install opens the other.
    const settingsTabs = () =>
      firefox.extension.evaluate(async () => (await chrome.tabs.query({})).filter((tab) => tab.url.endsWith("/options.html")).length);
    await readUntil(settingsTabs, (count) => count === 2, "the settings page the install opened");
  });

  test("the core starts: every row gets its reply window and a badge", async () => {
    page = await firefox.openInbox("/latest/inbox/all");
    const rows = await waitForRows(page, (rows) => rows.every((row) => row.badgeIsLastChild), "every row with one badge, last");
    // Each badge shows its row's window state, and says something.
    for (const row of rows) {
      assert.equal(row.badgeState, row.window, JSON.stringify(row));
      assert.ok(row.badge.length > 0, JSON.stringify(row));
    }
    assert.ok(rows.some((row) => row.window === "open" && /left/.test(row.badge)), JSON.stringify(rows));
  });

  test("Lexical: findings appear as the agent types, with underlines under their words", async () => {
    await inbox();
    await page.keyboard.type("Hello Ana Popescu, WE HAVE CAKES!! Ask me anything.", { delay: 5 });
    const rules = await findingsWhen(page, { has: ["name-last", "tone-shout"] });
    assert.equal(rules.filter((rule) => rule === "tone-shout").length, 2, `capitals and "!!": ${rules}`);

    // Each underline covers its finding's words, where the words are on screen: the
    // content script's ranges reach the page's highlight registry through Firefox's Xrays.
    const underlines = await page.evaluate(() => {
      const text = document.querySelector("[data-lexical-editor] [data-lexical-text]").firstChild;
      const rectOf = (words) => {
        const range = document.createRange();
        const start = text.data.indexOf(words);
        range.setStart(text, start);
        range.setEnd(text, start + words.length);
        return range.getBoundingClientRect().toJSON();
      };
      const painted = [...(CSS.highlights.get("reply-coach-warning") ?? [])].map((range) => ({
        words: range.toString(),
        rect: range.getBoundingClientRect().toJSON(),
      }));
      return { painted, expected: ["Ana Popescu", "WE HAVE CAKES", "!!"].map((words) => ({ words, rect: rectOf(words) })) };
    });
    assert.deepEqual(
      underlines.painted.sort((a, b) => a.rect.x - b.rect.x),
      underlines.expected,
    );
  });

  test("Lexical: a fix edits the editor's own model in one step, and one Ctrl+Z undoes it", async () => {
    await inbox();
    const fixed = "Hello Ana, your cake is ready for Saturday.";
    await fixThenUndo({ draft: "Hello Ana Popescu, your cake is ready for Saturday.", rule: "name-last", label: "Ana", fixed });
    // The editor still takes typing where the agent was, after the undo.
    await page.keyboard.type(" See you!", { delay: 5 });
    await waitForModel("Hello Ana Popescu, your cake is ready for Saturday. See you!");
  });

  test("Lexical: a fix that adds a line (the sign-off) becomes a new paragraph, undone in one step", async () => {
    await inbox();
    const draft = "Hi Ana, your cake is ready for Saturday.";
    // Lexical joins paragraphs with a blank line in its text.
    await fixThenUndo({ draft, rule: "sign-off-missing", label: "Maria", fixed: `${draft}\n\n– Maria` });
  });

  test("a page whose CSP forbids WebAssembly: the core still runs in the page, with underlines; no reduced mode", async () => {
    // Firefox compiles a content script's Wasm under the extension's CSP, not the page's
    // (Chromium applies the page's, and the extension falls back to its reduced mode).
    page = await firefox.openInbox(`${STRICT_PATH}?composer=lexical`);
    await (await composerOf(page)).click();
    await page.keyboard.type("Hello Ana Popescu, WE ARE CLOSED!!", { delay: 5 });
    await findingsWhen(page, { has: ["name-last", "tone-shout"] });
    const shown = await page.evaluate(() => ({
      reduced: Boolean(document.querySelector("reply-coach-root").shadowRoot.querySelector('[data-rc-mode="reduced"]')),
      underlined: [...(CSS.highlights.get("reply-coach-warning") ?? [])].map((range) => range.toString()).sort(),
    }));
    assert.deepEqual(shown, { reduced: false, underlined: ["!!", "Ana Popescu", "WE ARE CLOSED"] });
    // The page's policy refused nothing of the extension's: what it reports is the business
    // layout's own style attributes.
    assert.deepEqual(page.cspReports.filter((report) => !report.includes("(style-src-attr)")), []);
  });

  test("textarea: underline boxes, a fix, and the textarea's own undo", async () => {
    await inbox("composer=textarea");
    await fixThenUndo({ draft: "Hello Ana Popescu, we will bake it.", rule: "name-last", label: "Ana", fixed: "Hello Ana, we will bake it." });
    await findingsWhen(page, { has: ["name-last"] });
    const boxes = await page.evaluate(() => {
      const area = window.replica.composer().getBoundingClientRect();
      const marks = [...document.querySelector("reply-coach-root").shadowRoot.querySelectorAll(".marks > div")];
      return { area: area.toJSON(), marks: marks.map((m) => ({ severity: m.className, rect: m.getBoundingClientRect().toJSON() })) };
    });
    const warning = boxes.marks.find((mark) => mark.severity === "warning");
    assert.ok(warning, `no underline box: ${JSON.stringify(boxes)}`);
    // "Ana Popescu" is on the first line, after "Hello ": inside the box, not at its edge.
    assert.ok(warning.rect.left > boxes.area.left + 20 && warning.rect.right < boxes.area.right, JSON.stringify(boxes));
    assert.ok(warning.rect.top > boxes.area.top && warning.rect.top < boxes.area.top + boxes.area.height / 2 + 20, JSON.stringify(boxes));
  });

  test("the panel lists the thread awaiting a reply and opens it; the banner above the composer shows the open conversation's window", async () => {
    page = await firefox.openInbox("/latest/inbox/all");
    // Aram wrote last, 3 days ago: the only thread awaiting a reply that still can have one.
    const [entry] = await readUntil(() => panelOf(page), (entries) => entries.length === 1, "one thread awaiting a reply");
    assert.equal(entry.name, "Aram Petrosyan");
    assert.equal(entry.window, "human-agent");
    const ana = await readUntil(() => bannerOf(page), (banner) => banner?.window === "open", "Ana's window open");
    assert.match(ana.text, /^Reply window: 2[01] h \d+ min left$/);
    const entryButton = await page.waitForFunction(
      () => document.querySelector("reply-coach-panel")?.shadowRoot?.querySelector("li button"),
      { timeout: WAIT_MS },
    );
    await entryButton.asElement().click();
    await readUntil(() => page.evaluate(() => window.replica.openThreadId()), (id) => id === ARAM, "Aram's conversation open");
    const aram = await readUntil(() => bannerOf(page), (banner) => banner?.window === "human-agent", "Aram's banner");
    assert.match(aram.text, /^Reply window: Human agent only · [34] days left$/);
    // The banner sits just above the composer.
    const [banner, composer] = await page.evaluate(() => [
      document.querySelector("reply-coach-banner").shadowRoot.querySelector("p").getBoundingClientRect().toJSON(),
      window.replica.composer().getBoundingClientRect().toJSON(),
    ]);
    assert.ok(banner.bottom <= composer.top + 1 && banner.top >= composer.top - 40, JSON.stringify([banner, composer]));
  });

  for (const [composer, asModelText] of [
    ["lexical", asLexicalText],
    ["textarea", (text) => text],
  ]) {
    test(`${composer}: \`/ref\`, Enter, the order number, Enter: the template in the composer's model, one Ctrl+Z takes it back`, async () => {
      await inbox(`composer=${composer}`);
      await page.keyboard.type("/ref", { delay: 10 });
      const active = () =>
        page.evaluate(() => {
          const root = document.querySelector("reply-coach-root")?.shadowRoot;
          const panel = root?.querySelector("[role=dialog]");
          const option = root?.querySelector('[role=listbox] [role=option][aria-selected="true"]');
          return panel && !panel.hidden ? (option?.dataset.templateId ?? null) : null;
        });
      // Ana writes English: the English refund template is highlighted.
      await readUntil(active, (id) => id === "refund-sent.en", "the picker open on refund-sent.en");
      await press(page, "Enter");
      const field = await inCard(page, ".fields:not([hidden]) input[data-field]");
      const fieldName = await field.evaluate((input) => input.dataset.field);
      await readUntil(
        () => page.evaluate(() => document.querySelector("reply-coach-root").shadowRoot.activeElement?.dataset.field ?? null),
        (focused) => focused === fieldName,
        "the fill-in field focused",
      );
      await page.keyboard.type("A-1042", { delay: 5 });
      await press(page, "Enter");
      const expected = await renderedTemplate(firefox.extension, "refund-sent.en", { [fieldName]: "A-1042" });
      await waitForModel(asModelText(expected.text));
      await readUntil(active, (id) => id === null, "the picker closed");
      await press(page, "Control+z");
      await waitForModel("/ref");
    });
  }

  test("the toolbar popup shows the tab's clock", async () => {
    page = await firefox.openInbox("/latest/inbox/all");
    await waitForRows(page);
    const tabId = await tabIdOf(firefox.extension, page);
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    try {
      await readUntil(() => popup.evaluate(() => document.body.dataset.state), (state) => state === "clock", "the popup's clock");
    } finally {
      await popup.close();
    }
  });

  /** The extension's storage area `area` (sync, local) as its pages see it. */
  const storage = (area) => firefox.extension.evaluate((area) => chrome.storage[area].get(null), area);
  const store = (area, items) => firefox.extension.evaluate((area, items) => chrome.storage[area].set(items), area, items);

  /** The settings page, once the core answered (its rule switches built) and the template
   * list is shown: both run the core's Wasm in an extension page. */
  async function openSettings() {
    const settings = await firefox.openExtensionPage("options.html");
    await settings.waitForFunction(() => document.querySelector("[data-rule]") && document.querySelector("#templateList li"), {
      timeout: WAIT_MS,
    });
    return settings;
  }

  test("the settings page: a first name typed there is stored, and the inbox card signs with it", async () => {
    const settings = await openSettings();
    try {
      await settings.click("#agentName", { count: 3 });
      await settings.keyboard.type("Mara", { delay: 5 });
      await press(settings, "Tab");
      await readUntil(() => settings.$eval("#status", (status) => status.textContent), (text) => text === en.statusSaved.message, "Saved");
      assert.equal((await storage("sync")).settings.agentName, "Mara");
    } finally {
      await settings.close();
    }
    await inbox();
    await page.keyboard.type("Hi Ana, your cake is ready.", { delay: 5 });
    await findingsWhen(page, { has: ["sign-off-missing"] });
    const fix = await inCard(page, 'li[data-rule="sign-off-missing"] button.fix');
    assert.match(await fix.evaluate((button) => button.textContent), /Mara/);
    await store("sync", { settings: { agentName: "Maria" } });
  });

  test("storage faults: damaged settings are named on the settings page and left as stored; the inbox lints with what it can use", async () => {
    const damaged = '{"maxWords": 4';
    await store("sync", { settings: damaged });
    try {
      const settings = await openSettings();
      try {
        const status = await readUntil(
          () => settings.$eval("#status", (status) => (status.classList.contains("failed") ? status.textContent : null)),
          (text) => text !== null,
          "the settings page's refusal",
        );
        assert.ok(status.startsWith(en.storageSettingsProblems.message.split("$")[0]), status);
        assert.match(status, /settings must be an object/);
        assert.equal(await settings.$eval("#maxWords", (input) => input.value), "80");
      } finally {
        await settings.close();
      }
      assert.equal((await storage("sync")).settings, damaged, "nothing was written");
      await inbox();
      await page.keyboard.type("PLEASE WAIT", { delay: 5 });
      await findingsWhen(page, { has: ["tone-shout"] });
    } finally {
      await store("sync", { settings: { agentName: "Maria" } });
    }
  });

  test("storage faults: a damaged template library; the picker offers the default pack and says so", async () => {
    await store("local", { templates: "{ not json" });
    try {
      await inbox();
      await (await inCard(page, "button[data-action=open-templates]")).click();
      const view = () =>
        page.evaluate(() => {
          const panel = document.querySelector("reply-coach-root")?.shadowRoot?.querySelector("[role=dialog]");
          const notice = panel?.querySelector(".status");
          return {
            open: Boolean(panel && !panel.hidden),
            ids: [...(panel?.querySelectorAll("[role=option]") ?? [])].map((option) => option.dataset.templateId),
            notice: !notice || notice.hidden ? null : notice.textContent,
          };
        });
      const shown = await readUntil(view, (picker) => picker.open && picker.ids.length > 0 && picker.notice !== null, "the picker with its notice");
      assert.equal(shown.notice, en.storageTemplatesUnreadable.message);
      assert.ok(shown.ids.includes("refund-sent.en"), shown.ids.join(", "));
      assert.equal((await storage("local")).templates, "{ not json", "kept as it is");
    } finally {
      await firefox.extension.evaluate(() => chrome.storage.local.remove("templates"));
    }
  });

  // What the interception sees: every request of the tabs and extension pages this harness
  // opened, the page's own, those of elements the content script adds, and a content
  // script's own fetch (checked with a probe add-on: seen on a page without a CSP; under
  // Meta's CSP Firefox refuses a content script's fetch to an address outside connect-src
  // before it is made). Which of them the extension caused is told apart in Chromium only
  // (tests/e2e/network.test.mjs); here, all must be the replica's own files.
  test("nothing leaves the browser: every request the interception saw is the replica's own", async () => {
    // The extension's CSP (default-src 'self') refuses its pages any other origin: a
    // request made there on purpose fails before the interception sees it.
    const probe = "https://reply-coach-probe.invalid/";
    assert.equal(await firefox.extension.evaluate((url) => fetch(url).then(() => "answered", () => "refused"), probe), "refused");
    const { seen, aborted } = firefox.served;
    assert.ok(seen.length > 0, "the interception saw the replica's requests");
    assert.deepEqual(seen.filter((url) => !REPLICA_FILES.some((file) => file.test(url))), [], "requests that are not the replica's");
    assert.deepEqual(aborted, [], "requests refused by the harness");
    console.log(`# requests to the network: ${seen.length}, all the replica's own`);
  });
});
