// The templates section of the settings page, as an agent uses it: dist/chrome (from
// ./build.sh) in Chromium with a fresh profile, the page driven with real input events,
// chrome.storage.local read back from the extension's service worker, import files given
// to the file input, the export caught as a download, and a new template found by the
// picker in the replica inbox.
//
//   node --test tests/e2e/options-templates.test.mjs        (after ./build.sh)

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { composerOf, en, launchOnReplica, message, openInbox, pageErrors, readUntil } from "./harness.mjs";

const PACK = JSON.parse(readFileSync(fileURLToPath(new URL("../../src/template/pack/default.json", import.meta.url)), "utf8"));
const packIds = PACK.templates.map((t) => t.id);
const FORMAT = "reply-coach-templates";
const files = mkdtempSync(join(tmpdir(), "reply-coach-templates-"));

/** A library file on disk with `templates` (or a whole `document`), for setInputFiles. */
function libraryFile(name, templates, document = { format: FORMAT, version: 1, templates }) {
  const path = join(files, name);
  writeFileSync(path, typeof document === "string" ? document : JSON.stringify(document, null, 2));
  return path;
}

const template = (id, fields = {}) => ({
  id,
  title: `Title of ${id}`,
  language: "en",
  tags: ["test"],
  body: "Hi {first_name|there}, your order is on its way.",
  ...fields,
});

describe("templates on the settings page", () => {
  let context;
  let worker;
  let optionsUrl;
  let page;

  before(async () => {
    ({ context, worker, optionsUrl } = await launchOnReplica());
  });

  beforeEach(() => worker.evaluate(() => chrome.storage.local.clear()));

  afterEach(async () => {
    if (page) {
      assert.deepEqual(page.errors, [], "the settings page threw");
      await page.close();
    }
    page = undefined;
  });

  after(async () => {
    await context?.close();
  });

  const stored = async () => (await worker.evaluate(() => chrome.storage.local.get("templates"))).templates;
  const storedIds = async () => (await stored())?.templates.map((t) => t.id);

  /** The settings page with its template list shown. */
  async function openSettings() {
    page = await context.newPage();
    page.errors = [];
    page.on("pageerror", (error) => page.errors.push(error));
    await page.goto(optionsUrl);
    await page.locator("#templateList li").first().waitFor();
    return page;
  }

  const listedIds = () => page.locator("#templateList li").evaluateAll((rows) => rows.map((row) => row.dataset.templateId));
  const row = (id) => page.locator(`#templateList li[data-template-id="${id}"]`);
  const button = (id, action) => row(id).locator(`[data-action="${action}"]`);
  const notice = () => page.locator("#templateNoticeText").textContent();
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      return [active.closest("li")?.dataset.templateId ?? active.id, active.dataset.action];
    });
  const importErrors = () => page.locator("#templateImportErrors-list li").allTextContents();

  /** Waits until what is stored satisfies `check`; fails with the last value. */
  const storedWhen = (check, what) => readUntil(stored, check, what);

  async function importFile(path) {
    await page.setInputFiles("#templateImport", path);
  }

  /** Creates a template through the editor, typing each field. */
  async function create({ title, language = "en", shortcut = "", tags = "", body }) {
    await page.click("#templateNew");
    assert.equal(await page.evaluate(() => document.activeElement.id), "templateTitle");
    await page.keyboard.type(title);
    await page.selectOption("#templateLanguage", language);
    await page.fill("#templateShortcut", shortcut);
    await page.fill("#templateTags", tags);
    await page.fill("#templateBody", body);
    await page.click("#templateSave");
  }

  test("show the default pack until the first change, which stores the pack with the new template", async () => {
    await openSettings();
    assert.deepEqual(await listedIds(), packIds);
    assert.equal(await page.textContent("#templates-source"), en.templatesSourcePack.message);
    assert.equal(await page.isDisabled("#templateRestore"), true, "nothing to restore yet");
    assert.equal(await stored(), undefined);

    await create({
      title: "Zebra delivery",
      shortcut: "/zebra",
      tags: "delivery, test",
      body: "Hi {first_name|there}, your zebra is on its way.{cursor}\n\n– {agent_name}",
    });
    const library = await storedWhen((l) => l?.templates.length === PACK.templates.length + 1, "the new template is stored");
    assert.deepEqual(library.templates.slice(0, -1), PACK.templates, "the pack, unchanged, before it");
    assert.deepEqual(library.templates.at(-1), {
      id: "zebra-delivery.en", // From the title and the language.
      title: "Zebra delivery",
      language: "en",
      tags: ["delivery", "test"],
      shortcut: "/zebra",
      body: "Hi {first_name|there}, your zebra is on its way.{cursor}\n\n– {agent_name}",
    });
    assert.equal(await page.isHidden("#templateEditor"), true);
    assert.deepEqual(await focused(), ["zebra-delivery.en", "edit"]);
    assert.equal(await notice(), message("templateCreated", "Zebra delivery"));
    assert.equal(await page.textContent("#templates-source"), en.templatesSourceStored.message);
  });

  test("edit: the body's sample rendering and findings follow the typing; a body error names its position; save", async () => {
    await openSettings();
    const id = packIds[0];
    await button(id, "edit").click();
    assert.equal(await page.inputValue("#templateBody"), PACK.templates[0].body);
    assert.equal(await page.textContent("#templateLintSummary"), en.templateClean.message, "the pack is clean");

    // A literal "{first_name}" stays in the text: the linter flags it as the agent types.
    await page.fill("#templateBody", "");
    await page.locator("#templateBody").pressSequentially("Hi {{first_name}}, thanks for waiting.", { delay: 5 });
    await page.locator('#templateFindings [data-rule="placeholder-unfilled"]').waitFor();
    assert.match(await page.textContent("#templatePreview"), /^Hi \{first_name\}, thanks/);
    const count = await page.locator("#templateFindings li").count();
    assert.equal(await page.textContent("#templateLintSummary"), message("templateFindings", String(count)));

    // A body that does not parse: the error under the body, with the position.
    await page.fill("#templateBody", "Hi {order}");
    assert.match(await page.textContent("#templateBody-error"), /^at character 3: unknown variable `\{order\}`/);
    assert.equal(await page.getAttribute("#templateBody", "aria-invalid"), "true");

    // Fixed: the findings go as the sign-off is typed, the sample rendering has the
    // customer's first name and the agent's.
    await page.fill("#templateBody", "");
    await page.locator("#templateBody").pressSequentially("Hi {first_name|there}, thanks for waiting.", { delay: 5 });
    await page.locator('#templateFindings [data-rule="sign-off-missing"]').waitFor();
    assert.equal(await page.locator('#templateFindings [data-rule="placeholder-unfilled"]').count(), 0);
    await page.locator("#templateBody").pressSequentially("\n\n– {agent_name}", { delay: 5 });
    await page.locator("#templateLintSummary").filter({ hasText: en.templateClean.message }).waitFor();
    assert.equal(await page.locator("#templateFindings li").count(), 0);
    assert.equal(await page.isHidden("#templateBody-error"), true);
    assert.equal(await page.textContent("#templatePreview"), "Hi John, thanks for waiting.\n\n– Sam");

    await page.click("#templateSave");
    const body = "Hi {first_name|there}, thanks for waiting.\n\n– {agent_name}";
    const library = await storedWhen((l) => l?.templates[0].body === body, "the edit is stored");
    assert.deepEqual(library.templates[0], { ...PACK.templates[0], body });
    assert.equal(await notice(), message("templateSaved", PACK.templates[0].title));
  });

  test("the editor refuses a duplicate shortcut or id and an empty title, naming the field, and stores nothing", async () => {
    await openSettings();
    const taken = PACK.templates.find((t) => t.shortcut && t.language === "en");
    await page.click("#templateNew");
    await page.keyboard.type("Answer");
    await page.selectOption("#templateLanguage", "en");
    await page.fill("#templateShortcut", taken.shortcut);
    await page.fill("#templateBody", "Hi there.");
    await page.fill("#templateId", PACK.templates[0].id);
    await page.click("#templateSave");
    const taker = PACK.templates.indexOf(taken);
    assert.equal(await page.textContent("#templateShortcut-error"), `${taken.shortcut} is already the shortcut of templates[${taker}] in en`);
    assert.equal(await page.textContent("#templateId-error"), "duplicate of templates[0]");
    assert.equal(await page.evaluate(() => document.activeElement.id), "templateShortcut", "the first field at fault");
    // Uniqueness is checked among valid templates only: an empty title is the one error.
    await page.fill("#templateTitle", "");
    assert.equal(await page.textContent("#templateTitle-error"), "must not be empty");
    assert.equal(await page.isHidden("#templateShortcut-error"), true);
    assert.equal(await stored(), undefined);
    await page.click("#templateCancel");
    assert.equal(await page.isHidden("#templateEditor"), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), "templateNew");
  });

  test("duplicate adds a copy after the original, without its shortcut, and opens it", async () => {
    await openSettings();
    const original = PACK.templates[0];
    await button(original.id, "duplicate").click();
    const library = await storedWhen((l) => l?.templates.length === PACK.templates.length + 1, "the copy is stored");
    const stem = original.id.replace(/\.[a-z]+$/, "");
    const copy = { ...original, id: `${stem}-2.${original.language}` };
    delete copy.shortcut;
    assert.deepEqual(library.templates.slice(0, 2), [original, copy]);
    assert.equal(await page.isVisible("#templateEditor"), true);
    assert.equal(await page.inputValue("#templateId"), copy.id);
    assert.equal(await page.textContent("#templateEditor-heading"), en.templateEditorEdit.message);
  });

  test("delete offers Undo, which puts the template back in its place; the next action ends the offer", async () => {
    await openSettings();
    const [first, second] = PACK.templates;
    await button(second.id, "delete").click();
    await storedWhen((l) => l && !l.templates.some((t) => t.id === second.id), "the deletion is stored");
    assert.equal(await row(second.id).count(), 0);
    assert.equal(await notice(), message("templateDeleted", second.title));
    assert.equal(await page.isVisible("#templateUndo"), true);
    assert.deepEqual(await focused(), ["templateUndo", undefined], "Undo is one key away");

    await page.keyboard.press("Enter");
    await storedWhen((l) => l.templates[1]?.id === second.id, "undone");
    assert.deepEqual((await stored()).templates, PACK.templates);
    assert.equal(await notice(), en.templatesUndone.message);
    assert.equal(await page.isHidden("#templateUndo"), true);

    // Deleted, then another action: Undo is gone.
    await button(first.id, "delete").click();
    await storedWhen((l) => l.templates[0].id !== first.id, "the second deletion is stored");
    await button(second.id, "down").click();
    await storedWhen((l) => l.templates[1]?.id === second.id, "the move is stored");
    assert.equal(await page.isHidden("#templateUndo"), true);
  });

  test("reorder with the keyboard: the focus stays on the moved template; moves skip what the filters hide", async () => {
    await openSettings();
    const [a, b] = packIds;
    assert.equal(await button(a, "up").isDisabled(), true, "the first cannot go up");
    await button(a, "down").focus();
    await page.keyboard.press("Enter");
    await storedWhen((l) => l?.templates[0].id === b && l.templates[1].id === a, "moved down");
    assert.deepEqual(await focused(), [a, "down"]);
    assert.equal(await notice(), message("templateMoved", PACK.templates[0].title, "2", String(packIds.length)));
    // Up again to the top: its "Move up" is disabled there, so the focus goes to "Move down".
    await button(a, "up").focus();
    await page.keyboard.press("Enter");
    await storedWhen((l) => l.templates[0].id === a, "moved up");
    assert.deepEqual(await focused(), [a, "down"]);

    // Only Romanian shown: moving the first Romanian template down passes it after the second,
    // over the others in between.
    await page.selectOption("#templateLanguageFilter", "ro");
    const ro = PACK.templates.filter((t) => t.language === "ro").map((t) => t.id);
    assert.deepEqual(await listedIds(), ro);
    await button(ro[0], "down").click();
    const place = (library, id) => library.templates.findIndex((t) => t.id === id);
    const library = await storedWhen((l) => place(l, ro[0]) > place(l, ro[1]), "moved past the next Romanian one");
    const order = library.templates.map((t) => t.id);
    assert.equal(order.indexOf(ro[0]), order.indexOf(ro[1]) + 1);
    assert.deepEqual(await listedIds(), [ro[1], ro[0], ...ro.slice(2)]);
  });

  test("filter by tag and by language", async () => {
    await openSettings();
    const tag = PACK.templates.find((t) => t.tags.length > 0).tags[0];
    await page.selectOption("#templateTagFilter", tag);
    assert.deepEqual(await listedIds(), PACK.templates.filter((t) => t.tags.includes(tag)).map((t) => t.id));
    await page.selectOption("#templateLanguageFilter", "hy");
    const both = PACK.templates.filter((t) => t.tags.includes(tag) && t.language === "hy").map((t) => t.id);
    assert.deepEqual(await listedIds(), both);
    assert.equal(await page.textContent("#templateCount"), message("templatesCount", String(both.length), String(packIds.length)));
    await page.selectOption("#templateTagFilter", "");
    assert.deepEqual(await listedIds(), PACK.templates.filter((t) => t.language === "hy").map((t) => t.id));
    const tags = await page.locator("#templateTagFilter option").allTextContents();
    assert.equal(tags[0], en.templatesAllTags.message);
    assert.deepEqual(new Set(tags.slice(1)), new Set(PACK.templates.flatMap((t) => t.tags)));
  });

  test("import: a valid file replaces the library (Undo brings back the previous one)", async () => {
    await openSettings();
    const templates = [template("a.en", { shortcut: "/a" }), template("a.ro", { language: "ro", shortcut: "/a", tags: [] })];
    await importFile(libraryFile("team.json", templates));
    await storedWhen((l) => l?.templates.length === 2, "the import is stored");
    assert.deepEqual(await stored(), { format: FORMAT, version: 1, templates });
    assert.deepEqual(await listedIds(), ["a.en", "a.ro"]);
    assert.equal(await notice(), message("templatesImported", "2", "team.json"));
    await page.click("#templateUndo");
    await storedWhen((l) => l === undefined, "undone: back to the pack");
    assert.deepEqual(await listedIds(), packIds);
  });

  test("import: an invalid file changes nothing, and every error names the template and the field", async () => {
    await openSettings();
    await importFile(libraryFile("ok.json", [template("keep.en")]));
    await storedWhen((l) => l?.templates.length === 1, "a library to keep");
    const before = await stored();

    const refused = async (path, expected) => {
      await importFile(path);
      await page.locator("#templateImportErrors").waitFor({ state: "visible" });
      assert.equal(await page.textContent("#templateImportErrors-title"), message("templatesImportFailed", path.split("/").pop()));
      const errors = await importErrors();
      for (const line of expected) assert.ok(errors.includes(line), `${JSON.stringify(errors)} lacks ${line}`);
      assert.deepEqual(await stored(), before, "nothing changed");
      assert.deepEqual(await listedIds(), ["keep.en"]);
    };
    await refused(libraryFile("bad.json", [template("a.en"), template("b.en", { title: "" }), template("c.en", { body: "Hi {order}" })]), [
      'templates[1] ("b.en").title: must not be empty',
      'templates[2] ("c.en").body: at character 3: unknown variable `{order}`: use first_name, agent_name, page_name, field:LABEL or cursor',
    ]);
    await refused(libraryFile("dup.json", [template("a.en"), template("a.en", { title: "Again" })]), [
      'templates[1] ("a.en").id: duplicate of templates[0]',
    ]);
    await refused(libraryFile("v2.json", [], { format: FORMAT, version: 2, templates: [] }), [
      "version: version 2 comes from a newer Reply Coach; this one reads version 1: update Reply Coach to use this library",
    ]);
    await refused(libraryFile("typo.json", [{ ...template("a.en"), tittle: "x" }]), [
      'templates[0] ("a.en").tittle: unknown field (expected id, title, language, tags, shortcut, body)',
    ]);
    const notJson = await (async () => {
      await importFile(libraryFile("broken.json", [], "{ not json"));
      await page.locator("#templateImportErrors").waitFor({ state: "visible" });
      return importErrors();
    })();
    assert.match(notJson[0], /^The file is not valid JSON: /);
    assert.deepEqual(await stored(), before);

    // Ten megabytes: refused by its size before it is read.
    const huge = join(files, "huge.json");
    writeFileSync(huge, Buffer.alloc(10 * 1024 * 1024, " "));
    await importFile(huge);
    await page.locator("#templateImportErrors-list li", { hasText: "10 MB" }).waitFor();
    assert.deepEqual(await importErrors(), [message("templatesTooLarge", "10", "2")]);
    assert.deepEqual(await stored(), before);
  });

  test("import: HTML and script in a body stay text, shown literally and never run", async () => {
    await openSettings();
    const body = '<img src=x onerror="window.ran=1"><script>window.ran=2</script><b>bold</b>';
    await importFile(libraryFile("html.json", [template("html.en", { title: "<i>Title</i>", body })]));
    await storedWhen((l) => l?.templates[0]?.id === "html.en", "imported");
    assert.equal((await stored()).templates[0].body, body);
    assert.equal(await row("html.en").locator(".template-body").textContent(), body);
    assert.equal(await row("html.en").locator(".template-title").textContent(), "<i>Title</i>");
    assert.equal(await page.locator("#templateList img, #templateList script, #templateList b, #templateList i").count(), 0);
    await button("html.en", "edit").click();
    assert.equal(await page.inputValue("#templateBody"), body);
    assert.equal(await page.textContent("#templatePreview"), body);
    assert.equal(await page.evaluate(() => window.ran), undefined);
  });

  test("export downloads the library file, which imports back equal; restore brings the pack back, with Undo", async () => {
    await openSettings();
    const body = "Bună, {first_name|acolo}! Comanda {field:Număr} e pe drum.";
    await create({ title: "Round trip", language: "ro", shortcut: "/tur", tags: "test", body });
    const library = await storedWhen((l) => l?.templates.some((t) => t.id === "round-trip.ro"), "created");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#templateExport")]);
    assert.equal(download.suggestedFilename(), "reply-coach-templates.json");
    const exported = readFileSync(await download.path(), "utf8");
    assert.deepEqual(JSON.parse(exported), library);
    assert.match(exported, /^\{\n {2}"format": "reply-coach-templates",\n {2}"version": 1,/);

    await page.click("#templateRestore");
    await storedWhen((l) => l === undefined, "restored: nothing stored");
    assert.deepEqual(await listedIds(), packIds);
    assert.equal(await notice(), en.templatesRestored.message);
    await page.click("#templateUndo");
    await storedWhen((l) => l !== undefined, "restore undone");
    assert.deepEqual(await stored(), library);

    await page.click("#templateRestore");
    await storedWhen((l) => l === undefined, "restored again");
    const path = join(files, "exported.json");
    writeFileSync(path, exported);
    await importFile(path);
    await storedWhen((l) => l !== undefined, "the export imported");
    assert.deepEqual(await stored(), library);
  });

  test("a template created here is offered by the picker in the inbox", async () => {
    await openSettings();
    await create({ title: "Zebra delivery", shortcut: "/zebra", tags: "delivery", body: "Hi {first_name|there}, your zebra is on its way." });
    await storedWhen((l) => l?.templates.some((t) => t.id === "zebra-delivery.en"), "created");

    const inbox = await openInbox(context, "/latest/inbox/all");
    try {
      await composerOf(inbox).click();
      await inbox.keyboard.type("/zebra", { delay: 10 });
      const option = inbox.locator('reply-coach-root [role=option][data-template-id="zebra-delivery.en"]');
      await option.waitFor();
      assert.match(await option.textContent(), /Zebra delivery/);
      assert.deepEqual(pageErrors(inbox), []);
    } finally {
      await inbox.close();
    }
  });
});
