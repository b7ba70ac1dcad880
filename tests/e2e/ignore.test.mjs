// "Ignore" on one finding, end to end: the built extension (dist/chrome) in Chromium on the
// replica inbox (in RC_LAYOUT's layout), in the real Lexical editor and in the textarea. One
// of two "!!" is ignored: it leaves the card and its underline goes, the draft is untouched,
// it stays hidden while the agent types elsewhere, Undo brings it back, it comes back when
// its words change, and the next draft starts with nothing ignored (the rule stays on).

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { composerOf, launchOnReplica, message, openInbox, pageErrors } from "./harness.mjs";

const DRAFT = "Thanks!! Your order ships today!! Maria";
const TIMEOUT = { timeout: 60_000 };

describe("ignoring one finding", () => {
  let context;

  before(async () => {
    ({ context } = await launchOnReplica());
  });

  after(async () => {
    await context?.close();
  });

  /** Waits until the card, once the composer's count agrees with it, shows `shouts`
   * tone-shout findings (their underlines as many), and the "hidden" line with its Undo
   * when `undo`; returns what it showed. */
  async function cardWhen(page, { shouts, undo }) {
    const handle = await page.waitForFunction(
      ({ shouts, undo }) => {
        const root = document.querySelector("reply-coach-root")?.shadowRoot;
        const composer = document.querySelector("[data-rc-findings]");
        const card = root?.querySelector(".card");
        if (!card || !composer || card.hidden) return null;
        const rules = [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
        if (Number(composer.dataset.rcFindings) !== rules.length) return null; // Mid-update.
        const line = root.querySelector(".ignored");
        const shown = { shouts: rules.filter((rule) => rule === "tone-shout").length, undo: !line.hidden };
        // Underlines: CSS highlights in Lexical, boxes in the shadow root for a textarea.
        const underlined = window.replica.composer().matches("textarea")
          ? root.querySelectorAll(".marks .warning").length
          : [...(CSS.highlights.get("reply-coach-warning") ?? [])].filter((range) => range.toString().startsWith("!")).length;
        if (shown.shouts !== shouts || shown.undo !== undo || underlined !== shouts) return null;
        return { ...shown, line: line.hidden ? null : line.textContent };
      },
      { shouts, undo },
      { timeout: 10_000 },
    );
    return handle.jsonValue();
  }

  const model = (page) => page.evaluate(() => window.replica.composerModelText());
  const ignoreFirstShout = (page) => page.locator('reply-coach-root li[data-rule="tone-shout"] button.ignore').first().click();

  for (const kind of ["lexical", "textarea"]) {
    test(`${kind}: one "!!" ignored, kept while its words stay, undone, and back when they change`, TIMEOUT, async () => {
      const page = await openInbox(context, `/latest/inbox/all?composer=${kind}`);
      await composerOf(page).click();
      await page.keyboard.type(DRAFT, { delay: 5 });
      await cardWhen(page, { shouts: 2, undo: false });

      await ignoreFirstShout(page);
      const shown = await cardWhen(page, { shouts: 1, undo: true });
      assert.equal(shown.line, message("findingIgnored") + message("undoIgnore"));
      assert.equal(await model(page), DRAFT, "ignoring changes nothing in the draft");

      // Typing before and after the ignored words keeps it hidden.
      await page.keyboard.type(" See you soon.", { delay: 5 });
      await page.keyboard.press("Control+Home");
      await page.keyboard.type("Hi Ana! ", { delay: 5 });
      await page.waitForFunction((text) => window.replica.composerModelText() === text, `Hi Ana! ${DRAFT} See you soon.`);
      await cardWhen(page, { shouts: 1, undo: true });

      // One Undo shows it again.
      await page.locator("reply-coach-root button.undo-ignore").click();
      await cardWhen(page, { shouts: 2, undo: false });

      // Ignored again, then its words change ("!!" to "!!!"): shown again.
      await ignoreFirstShout(page);
      await cardWhen(page, { shouts: 1, undo: true });
      await page.keyboard.press("Control+Home");
      for (let i = 0; i < "Hi Ana! Thanks!!".length; i++) await page.keyboard.press("ArrowRight");
      await page.keyboard.type("!");
      await page.waitForFunction((text) => window.replica.composerModelText() === text, `Hi Ana! Thanks!!! Your order ships today!! Maria See you soon.`);
      await cardWhen(page, { shouts: 2, undo: false });

      // A new draft starts with nothing ignored: the rule itself stays on.
      await ignoreFirstShout(page);
      await cardWhen(page, { shouts: 1, undo: true });
      await page.keyboard.press("Control+a");
      await page.keyboard.press("Backspace");
      await page.waitForFunction(() => window.replica.composerModelText() === "");
      await page.keyboard.type(DRAFT, { delay: 5 });
      await cardWhen(page, { shouts: 2, undo: false });
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });
  }
});
