// End to end: loads the built extension (dist/chrome, from ./build.sh) into Chromium and
// lints through it, so the manifest, the CSP, the Wasm loading and the message handler
// are all tested as a user gets them.
//
//   node --test tests/e2e/        (after ./build.sh; ./build.sh test does both)
//
// Chromium and the extension are launched by harness.mjs.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchWithExtension } from "./harness.mjs";

describe("the Reply Coach extension in Chromium", () => {
  let browser;
  let worker;
  let extensionId;

  before(async () => {
    ({ context: browser, worker, extensionId } = await launchWithExtension());
  });

  after(async () => {
    await browser?.close();
  });

  /** Lints in the service worker with the function its message listener calls. */
  const lintInWorker = (draft, context) =>
    worker.evaluate(([draft, context]) => globalThis.replyCoach.lint(draft, context), [draft, context]);

  /** The rule ids of a lint result's findings, failing on an `{error}` answer. */
  const rulesOf = (result) => {
    assert.equal(result.error, undefined, `the extension answered with an error: ${result.error}`);
    assert.ok(Array.isArray(result.findings), `no findings in ${JSON.stringify(result)}`);
    return result.findings.map((finding) => finding.rule);
  };

  test("loads as Manifest V3 with only the storage permission and the inbox hosts", async () => {
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.name, "Reply Coach");
    assert.deepEqual(manifest.permissions, ["storage"]);
    assert.deepEqual(manifest.host_permissions, [
      "https://business.facebook.com/latest/inbox/*",
      "https://www.facebook.com/latest/inbox/*",
    ]);
    assert.equal(
      manifest.content_security_policy.extension_pages,
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  test("its pages' CSP refuses any connection beyond the extension itself", async () => {
    // The policy, not the closed network, stops it: the browser reports the violation.
    const page = await browser.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const outcome = await page.evaluate(async () => {
        const violation = new Promise((resolve) =>
          document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective), { once: true }),
        );
        const fetched = await fetch("https://business.facebook.com/").then(() => "sent", (error) => error.name);
        return { fetched, directive: await violation };
      });
      assert.deepEqual(outcome, { fetched: "TypeError", directive: "connect-src" });
    } finally {
      await page.close();
    }
  });

  test("lints a draft with the Wasm core in the service worker", async () => {
    const result = await lintInWorker("👍👍 STOP SHOUTING", undefined);
    assert.ok(rulesOf(result).includes("tone-shout"));
    assert.equal(result.language, "en");
    const shout = result.findings.find((finding) => finding.rule === "tone-shout");
    // UTF-16 offsets, as the page's text uses: each 👍 is two units.
    assert.deepEqual([shout.start, shout.end], [5, 18]);
    assert.equal(shout.severity, "warning");
    assert.ok(shout.fixes.length > 0 && shout.explanation.length > 0);
  });

  test("uses the conversation context", async () => {
    const draft = "Hi Ana, your parcel left today. – Mihai";
    const context = { customerName: "Ana Popescu", agentName: "Mihai", hoursSinceCustomer: 200 };
    assert.ok(rulesOf(await lintInWorker(draft, context)).includes("window-closed"));
    const disabled = { ...context, settings: { disabledRules: ["window-closed"] } };
    assert.ok(!rulesOf(await lintInWorker(draft, disabled)).includes("window-closed"));
  });

  test("answers lint messages from the rest of the extension", async () => {
    // Any page of the extension's origin can message its worker; one of its icons will do.
    const page = await browser.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/icons/icon-16.png`);
      const send = (message) => page.evaluate((message) => chrome.runtime.sendMessage(message), message);

      const result = await send({ type: "lint", draft: "Hi {name}, WE ARE CLOSED!!", context: null });
      assert.ok(rulesOf(result).includes("placeholder-unfilled"), JSON.stringify(result));
      assert.ok(rulesOf(result).includes("tone-shout"), JSON.stringify(result));

      const badContext = await send({ type: "lint", draft: "Hi", context: { customerNmae: "Ana" } });
      assert.match(badContext.error, /^invalid lint context: .*unknown field `customerNmae`/);

      const notText = await send({ type: "lint", draft: 42 });
      assert.deepEqual(notText, { error: "draft must be a string (got number)" });
    } finally {
      await page.close();
    }
  });
});
