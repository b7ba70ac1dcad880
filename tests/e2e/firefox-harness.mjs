// The end-to-end harness for Firefox: Debian's Firefox ESR (FIREFOX, default
// /usr/bin/firefox-esr) headless, driven over WebDriver BiDi by puppeteer-core (no
// geckodriver, no browser downloaded), with dist/firefox installed as a temporary add-on
// and the replica served at the inbox's own addresses exactly as the Chromium harness
// serves it (common.mjs's replicaSite), every other http(s) request refused.
//
//   const firefox = await launchFirefoxOnReplica();
//   const page = await firefox.openInbox("/latest/inbox/all?composer=textarea");
//   ...
//   await firefox.close();
//
// What differs from Chromium's harness (harness.mjs):
// - Requests are intercepted per page (BiDi has no browser-wide interception in
//   Puppeteer), so every page is opened here, and `served.seen` counts every request the
//   interception saw.
// - The extension's background runs as an event page Puppeteer cannot reach; its storage
//   and tabs are reached from one of its own pages (`extension`, the settings page),
//   opened with -remote-allow-system-access. A moz-extension:// page's load never reports
//   finished over BiDi, so openExtensionPage polls its address and readyState instead.
// - A fixed extensions.webextensions.uuids pref gives the add-on a known host.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { INBOX_ORIGINS, readUntil, replicaSite, WAIT_MS, withLayout } from "./common.mjs";

export * from "./common.mjs";

export const extensionDir = fileURLToPath(new URL("../../dist/firefox", import.meta.url));
/** The add-on's host: any fixed UUID, given to Firefox for the add-on id of the manifest. */
const EXTENSION_UUID = "5d1f6c1e-8a4b-4c1d-9b7e-2f3a6c0e9d41";
export const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;

/** A key or a chord as Playwright writes it ("Control+z", "Enter"), pressed in `page`. */
export async function press(page, chord) {
  const keys = chord.split("+");
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
  await page.keyboard.press(keys.at(-1));
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
}

/** The open composer's text box (Lexical's root or the textarea), as an element handle. */
export const composerOf = (page) => page.evaluateHandle(() => window.replica.composer());

/** The element of the extension's shadow root (<reply-coach-root>) that `selector` finds
 * first, once there is one, as an element handle. */
export async function inCard(page, selector) {
  const handle = await page.waitForFunction(
    (selector) => document.querySelector("reply-coach-root")?.shadowRoot?.querySelector(selector),
    { timeout: WAIT_MS },
    selector,
  );
  return handle.asElement();
}

/**
 * Firefox with dist/firefox (from ./build.sh) installed and the replica served; the agent's
 * first name saved unless `agentName` is null. Resolves to the harness: {browser, extension
 * (the settings page, for the add-on's storage and tabs), served: {seen, aborted} (every
 * http(s)/ws(s) request the interception saw, and those it refused), openInbox,
 * openExtensionPage, close}.
 */
export async function launchFirefoxOnReplica({ agentName = "Maria" } = {}) {
  assert.ok(existsSync(`${extensionDir}/manifest.json`), `no extension in ${extensionDir}: run ./build.sh first`);
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, "utf8"));
  const addonId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    // Playwright's default, so both browsers lay the replica out alike (Puppeteer's is 800×600).
    defaultViewport: { width: 1280, height: 720 },
    args: ["-remote-allow-system-access"],
    extraPrefsFirefox: { "extensions.webextensions.uuids": JSON.stringify({ [addonId]: EXTENSION_UUID }) },
  });
  try {
    assert.equal(await browser.installExtension(extensionDir), addonId);
    const answer = await replicaSite();
    const served = { seen: [], aborted: [] };

    /** A new page whose every http(s) and ws(s) request is answered by the replica or refused. */
    const servedPage = async () => {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        const url = request.url();
        if (!/^(https?|wss?):/.test(url)) return request.continue();
        served.seen.push(url);
        const response = answer({ url, isDocument: request.isNavigationRequest() });
        if (response) return request.respond(response);
        served.aborted.push(url);
        return request.abort("blockedbyclient");
      });
      return page;
    };

    /** Opens the extension's page `path` (e.g. "popup.html?tab=3") and resolves once it has
     * loaded: its load is never reported over BiDi, so the address and readyState are read. */
    const openExtensionPage = async (path) => {
      const page = await servedPage();
      const url = `${extensionOrigin}/${path}`;
      page.goto(url).catch(() => {}); // Never resolves; a timeout or a close rejects it.
      await readUntil(
        () => page.evaluate(() => [location.href, document.readyState]).catch((error) => [error.message]),
        ([href, state]) => href === url && state === "complete",
        `the extension's page ${path} loaded`,
      );
      return page;
    };

    /** Opens the replica like harness.mjs's openInbox (path gets layout=LAYOUT) and resolves
     * once it has rendered; records its uncaught errors in page.errors, and apart from them
     * the CSP violations Firefox reports as errors of the page in page.cspReports. */
    const openInbox = async (path = "/latest/inbox/all", { origin = INBOX_ORIGINS[0] } = {}) => {
      const page = await servedPage();
      page.errors = [];
      page.cspReports = [];
      page.on("pageerror", (error) => {
        const text = error.message ?? String(error);
        (text.startsWith("Content-Security-Policy:") ? page.cspReports : page.errors).push(text);
      });
      await page.goto(`${origin}${withLayout(path)}`);
      await page.waitForFunction(() => window.replica?.ready === true, { timeout: WAIT_MS });
      return page;
    };

    const extension = await openExtensionPage("options.html");
    if (agentName !== null) await extension.evaluate((agentName) => chrome.storage.sync.set({ settings: { agentName } }), agentName);
    return { browser, extension, served, openInbox, openExtensionPage, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
