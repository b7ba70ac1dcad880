// Takes the README's screenshots (docs/screenshots/) of the built extension on the replica
// inbox: a typed draft with its underlines and card, the card with an explanation open, the
// template picker opened by "/ref" in a Romanian conversation, and the card in Romanian and
// in Hindi (Reply Coach's UI language, on the inbox in that language). Devanagari and
// Armenian need fonts: Debian's fonts-noto-core.
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
  await romanian.close();

  // The UI language chosen on the settings page, on an inbox in that language.
  const drafts = {
    ro: "Bună ziua, Ana Popescu! Vă rugăm să vă liniștiți, V-AM SPUS DEJA că livrarea durează 5 zile!!",
    hi: "नमस्ते, जैसा मैंने पहले भी बताया था, डिलीवरी 5 दिन में होगी!!! अपना फ़ोन नंबर यहाँ लिखें।",
  };
  for (const [lang, draft] of Object.entries(drafts)) {
    await worker.evaluate((uiLanguage) => chrome.storage.sync.set({ settings: { agentName: "Maria", uiLanguage } }), lang);
    const page = await openInbox(context, `/latest/inbox/all?lang=${lang}${lang === "ro" ? "&anaWrites=ro" : ""}`);
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.locator("[role=main] [role=textbox]").click();
    await page.keyboard.type(draft);
    await page.waitForFunction(() => document.querySelector("[data-rc-findings]")?.dataset.rcFindings >= 3);
    await page.screenshot({ path: new URL(`ui-${lang}.png`, out).pathname });
    await page.close();
  }
  console.log(`Wrote ${out.pathname}: card-and-underlines.png, card-explanation.png, template-picker.png, ui-ro.png, ui-hi.png`);
} finally {
  await context.close();
}
