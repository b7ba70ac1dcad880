// The team's voice, end to end: the house voice chosen on the settings page reaches the
// draft being written in the inbox at once, with no keystroke (issue 8).

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchOnReplica, openInbox, pageErrors } from "./harness.mjs";

describe("the house voice", () => {
  let context;
  let worker;
  let optionsUrl;

  before(async () => {
    ({ context, worker, optionsUrl } = await launchOnReplica());
  });

  after(async () => {
    await context?.close();
  });

  /** The rule ids of the card once the composer's count matches them, the card lists every
   * rule of `has` and none of `lacks`. */
  async function findingsWhen(page, { has, lacks }) {
    const handle = await page.waitForFunction(({ has, lacks }) => {
      const root = document.querySelector("reply-coach-root")?.shadowRoot;
      const composer = document.querySelector("[data-rc-findings]");
      const card = root?.querySelector(".card");
      if (!root || !composer) return null;
      const rules = card.hidden ? [] : [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
      if (Number(composer.dataset.rcFindings) !== rules.length) return null;
      return has.every((id) => rules.includes(id)) && !lacks.some((id) => rules.includes(id)) ? rules : null;
    }, { has, lacks });
    return handle.jsonValue();
  }

  test("choosing Formal, then Friendly, on the settings page changes the open draft's findings", async () => {
    const inbox = await openInbox(context, "/latest/inbox/all?anaWrites=ro");
    await inbox.locator("[role=main] [role=textbox]").click();
    // Informal Romanian ("te rog", "trimiți"): fine for the default, neutral voice. (Her
    // last name is there so the card always has a finding to show the draft was linted.)
    await inbox.keyboard.type("Bună ziua, Ana Popescu! Te rog să îmi trimiți numărul comenzii.", { delay: 3 });
    await inbox.keyboard.press("Shift+Enter");
    await inbox.keyboard.type("– Maria", { delay: 3 });
    await findingsWhen(inbox, { has: ["name-last"], lacks: ["register-mismatch"] });

    const settings = await context.newPage();
    await settings.goto(optionsUrl);
    await settings.locator("#voice").selectOption("formal");
    await inbox.bringToFront();
    // A formal team is told the draft is informal.
    await findingsWhen(inbox, { has: ["name-last", "register-mismatch"], lacks: [] });

    await settings.locator("#voice").selectOption("friendly");
    await findingsWhen(inbox, { has: ["name-last"], lacks: ["register-mismatch"] });
    const stored = await worker.evaluate(() => chrome.storage.sync.get("settings"));
    assert.equal(stored.settings.voice, "friendly");
    assert.deepEqual(pageErrors(inbox), []);
    await settings.close();
    await inbox.close();
  });
});
