// Takes the README's screenshots (docs/screenshots/) of the built extension on the replica
// inbox: a typed draft with its underlines and card, the card with an explanation open, and
// the template picker opened by "/ref" in a Romanian conversation.
//
//   node tests/screenshots.mjs      (after ./build.sh)

import { launchWithExtension, openInbox, serveReplica } from "./e2e/harness.mjs";

const out = new URL("../docs/screenshots/", import.meta.url);
const { context, worker } = await launchWithExtension();
try {
  await serveReplica(context);
  await worker.evaluate(() => chrome.storage.sync.set({ settings: { agentName: "Maria" } }));
  const page = await openInbox(context);
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.locator("[role=main] [role=textbox]").click();
  await page.keyboard.type("Thank you for contacting us. Dear Ana Popescu, WE CAN BAKE IT!! Your cake is ready on Saturday.");
  const card = page.locator("reply-coach-root .card");
  await page.waitForFunction(() => document.querySelector("[data-rc-findings]")?.dataset.rcFindings >= 4);
  await page.screenshot({ path: new URL("card-and-underlines.png", out).pathname });
  await page.locator('reply-coach-root li[data-rule="name-last"] button.explain').click();
  await card.screenshot({ path: new URL("card-explanation.png", out).pathname });
  await page.close();

  const romanian = await openInbox(context, "/latest/inbox/all?anaWrites=ro");
  await romanian.setViewportSize({ width: 1280, height: 760 });
  await romanian.locator("[role=main] [role=textbox]").click();
  await romanian.keyboard.type("/ref");
  await romanian.waitForFunction(() =>
    /Ana/.test(document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(".preview")?.textContent ?? ""),
  );
  await romanian.screenshot({ path: new URL("template-picker.png", out).pathname });
  console.log(`Wrote ${out.pathname}card-and-underlines.png, card-explanation.png and template-picker.png`);
} finally {
  await context.close();
}
