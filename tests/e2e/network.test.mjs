// Nothing leaves the browser, end to end: every request is recorded while the extension
// works through all it does (the lint and a fix on the inbox, the reply clock, the template
// picker and an insertion, the toolbar popup, the reduced mode on a page that forbids
// WebAssembly, whose lint runs in the service worker, and the settings page: settings
// saved, the template library exported and imported back), and none to any http(s) or
// ws(s) address may come from the extension. The extension's own chrome-extension://
// files (its scripts, the Wasm, templates/default.json) are not network: they are counted
// apart. Also: the manifest asks for exactly the permissions the extension needs.
//
// Who asked for a request: the service worker's and the extension pages' come from
// Playwright's "request" events (request.serviceWorker(), the frame's address); an inbox
// page's from the DevTools protocol's Network domain, whose initiator stack holds a script
// of the extension's world in the page (content.js, the Wasm glue it loaded, anything run
// there) when the extension caused the request.
// WebSockets likewise. And the page's own requests must be only the replica's own files,
// so a request the extension caused without a script on the stack (a stylesheet's url(),
// an element's src) cannot pass as the page's.
//
//   node --test tests/e2e/network.test.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { composerOf, extensionDir, INBOX_ORIGINS, launchOnReplica, openInbox, readUntil, REPLICA_FILES, STRICT_PATH } from "./harness.mjs";

const NETWORK = /^(https?|wss?):/;

describe("nothing leaves the browser", () => {
  let context;
  let worker;
  let extensionId;
  let optionsUrl;
  let served;
  /** Every request seen: {url, from: "page" | "content script" | "service worker" | "extension page"}. */
  const seen = [];
  const inboxPages = new WeakSet();

  before(async () => {
    ({ context, worker, extensionId, optionsUrl, served } = await launchOnReplica());
    // Every page but the inbox pages (whose requests watchNetwork records, with their
    // initiator) is the extension's: the popup, the settings page.
    context.on("request", (request) => {
      if (request.serviceWorker()) seen.push({ url: request.url(), from: "service worker" });
      else if (!inboxPages.has(request.frame().page())) seen.push({ url: request.url(), from: "extension page" });
    });
    context.on("page", (page) =>
      page.on("websocket", (socket) => {
        if (!inboxPages.has(page)) seen.push({ url: socket.url(), from: "extension page" });
      }),
    );
  });

  after(async () => {
    await context?.close();
  });


  /** Records an inbox page's requests and WebSockets from its first one, telling the
   * page's own from the content script's by the initiator's stack. */
  async function watchNetwork(page) {
    inboxPages.add(page);
    const cdp = await page.context().newCDPSession(page);
    /** The extension's worlds in the page, and every script compiled in them (content.js,
     * the Wasm glue, anything evaluated there). */
    const worlds = [];
    const extensionScripts = new Set();
    const fromExtension = (initiator) => {
      const frames = [];
      for (let stack = initiator?.stack; stack; stack = stack.parent) frames.push(...stack.callFrames);
      return (
        frames.some((frame) => frame.url.startsWith("chrome-extension://") || extensionScripts.has(frame.scriptId)) ||
        initiator?.url?.startsWith("chrome-extension://")
      );
    };
    const record = (url, initiator) => seen.push({ url, from: fromExtension(initiator) ? "content script" : "page" });
    cdp.on("Network.requestWillBeSent", ({ request, initiator }) => record(request.url, initiator));
    cdp.on("Network.webSocketCreated", ({ url, initiator }) => record(url, initiator));
    cdp.on("Runtime.executionContextCreated", ({ context }) => {
      if (context.origin === `chrome-extension://${extensionId}`) worlds.push(context.id);
    });
    cdp.on("Debugger.scriptParsed", ({ scriptId, executionContextId, url }) => {
      if (worlds.includes(executionContextId) || url.startsWith("chrome-extension://")) extensionScripts.add(scriptId);
    });
    await cdp.send("Network.enable");
    await cdp.send("Runtime.enable");
    await cdp.send("Debugger.enable");
    /** Runs `expression` in the content script's world. */
    page.inContentScript = (expression) =>
      cdp.send("Runtime.evaluate", { expression, contextId: worlds.at(-1), awaitPromise: true });
  }

  const inbox = (path) => openInbox(context, path, { beforeLoad: watchNetwork });

  test("the manifest asks for storage and the two inbox addresses, nothing more", () => {
    const shipped = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, "utf8"));
    const source = JSON.parse(readFileSync(fileURLToPath(new URL("../../extension/manifest.json", import.meta.url)), "utf8"));
    const firefox = JSON.parse(readFileSync(`${extensionDir}/../firefox/manifest.json`, "utf8"));
    const inboxes = INBOX_ORIGINS.map((origin) => `${origin}/latest/inbox/*`);
    for (const manifest of [shipped, source, firefox]) {
      assert.deepEqual(manifest.permissions, ["storage"]);
      assert.deepEqual(manifest.host_permissions, inboxes);
      assert.equal(manifest.optional_permissions, undefined);
      assert.equal(manifest.optional_host_permissions, undefined);
      assert.deepEqual(manifest.content_scripts.map((script) => script.matches), [inboxes]);
      assert.equal(manifest.externally_connectable, undefined);
      // The extension's pages run only its own scripts and reach no other origin.
      const csp = manifest.content_security_policy.extension_pages.split(";").map((directive) => directive.trim());
      assert.ok(csp.includes("script-src 'self' 'wasm-unsafe-eval'"), csp.join("; "));
      assert.ok(csp.some((directive) => directive.startsWith("default-src 'self'")), csp.join("; "));
      assert.ok(!csp.some((directive) => /\*|https?:|wss?:|'unsafe-(eval|inline)'/.test(directive)), csp.join("; "));
    }
    assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  });

  test("lint, fix, clock, templates, popup, reduced mode and settings: no request to the network from the extension", async () => {
    // The extension's CSP (default-src 'self') refuses its service worker any connection
    // to another origin: a request made there on purpose fails before it reaches the
    // network (where the harness would refuse it and Playwright report it, as it reports a
    // worker's requests; nothing below is seen from the worker for that reason).
    const probe = "https://reply-coach-probe.invalid/";
    assert.equal(await worker.evaluate((url) => fetch(url).then(() => "answered", () => "refused"), probe), "refused");
    assert.ok(!served.aborted.includes(probe) && !seen.some((request) => request.url === probe), "refused by the CSP, not the network");

    // The inbox: the clock on the list, a draft linted and fixed, a template inserted.
    let page = await inbox("/latest/inbox/all");
    // The recorder tells the content script's requests from the page's: one made on purpose
    // from the content script's world, then forgotten.
    const fromContentScript = "https://reply-coach-probe.invalid/content-script";
    await page.inContentScript(`fetch(${JSON.stringify(fromContentScript)}).catch(() => "refused")`);
    await readUntil(
      () => seen.find((request) => request.url === fromContentScript),
      (request) => request?.from === "content script",
      "the content script's probe seen as the content script's",
    );
    seen.splice(seen.findIndex((request) => request.url === fromContentScript), 1);
    served.aborted.splice(served.aborted.indexOf(fromContentScript), 1);
    await page.waitForFunction(() => document.querySelectorAll("reply-coach-badge").length === 7);
    await composerOf(page).click();
    await page.keyboard.type("Hello Ana Popescu, WE HAVE IT!!", { delay: 5 });
    await page.locator('reply-coach-root li[data-rule="name-last"] button.fix').first().click();
    await page.waitForFunction(() => window.replica.composerModelText().startsWith("Hello Ana, WE HAVE IT"));
    await page.keyboard.press("Control+End");
    await page.locator("reply-coach-root button[data-action=open-templates]").click();
    await page.keyboard.type("thank you compliment", { delay: 5 });
    await page.locator('reply-coach-root [role=option][aria-selected="true"]').waitFor();
    const before = await page.evaluate(() => window.replica.composerModelText().length);
    await page.keyboard.press("Enter");
    await page.waitForFunction((before) => window.replica.composerModelText().length > before, before);
    // The slash picker too.
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("/ref", { delay: 10 });
    await page.locator('reply-coach-root [role=option][aria-selected="true"]').waitFor();
    await page.keyboard.press("Escape");

    // The toolbar popup of that tab.
    const [tabId] = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).map((tab) => tab.id), page.url());
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.body.dataset.state === "clock");
    await popup.close();
    await page.close();

    // The reduced mode: the content script asks the service worker to lint.
    page = await inbox(STRICT_PATH);
    await composerOf(page).click();
    await page.keyboard.type("WE ARE CLOSED!! Call us.", { delay: 5 });
    await page.waitForFunction(() => document.querySelector("reply-coach-root")?.shadowRoot.querySelector('[data-rule="tone-shout"]'));
    await page.close();

    // The settings page: a setting saved, the library exported and imported back.
    const options = await context.newPage();
    await options.goto(optionsUrl);
    await options.locator("[data-rule]").first().waitFor(); // Ready: every control is bound once the rules are listed.
    await options.fill("#agentName", "Mara");
    await options.press("#agentName", "Tab");
    await options.locator("#templateList li").first().waitFor();
    const [download] = await Promise.all([options.waitForEvent("download"), options.click("#templateExport")]);
    await options.setInputFiles("#templateImport", await download.path());
    await readUntil(() => worker.evaluate(async () => Boolean((await chrome.storage.local.get("templates")).templates)), Boolean, "the imported templates stored");
    assert.equal((await worker.evaluate(() => chrome.storage.sync.get("settings"))).settings.agentName, "Mara");
    await options.close();

    const network = seen.filter((request) => NETWORK.test(request.url));
    const fromExtension = network.filter((request) => request.from !== "page");
    assert.deepEqual(fromExtension, [], "network requests from the extension");
    const unexplained = network.filter((request) => !REPLICA_FILES.some((file) => file.test(request.url)));
    assert.deepEqual(unexplained, [], "requests the replica page does not make itself");
    assert.deepEqual(served.aborted, [], "requests refused by the harness");

    const tally = (requests, key) => {
      const counts = {};
      for (const request of requests) counts[key(request)] = (counts[key(request)] ?? 0) + 1;
      return Object.entries(counts).map(([name, n]) => `${name} ${n}`).join(", ");
    };
    const files = seen.filter((request) => request.url.startsWith("chrome-extension://"));
    const other = seen.filter((request) => !NETWORK.test(request.url) && !request.url.startsWith("chrome-extension://"));
    console.log(`# requests to the network: ${network.length}, from the page itself: ${tally(network, (r) => new URL(r.url).origin)}; from the extension: 0`);
    console.log(`# the extension's own files: ${files.length}: ${tally(files, (r) => `${r.from} ${new URL(r.url).pathname}`)}`);
    console.log(`# other schemes (data:, blob:): ${other.length}`);
  });
});
