// What the end-to-end tests and the demo share: Chromium with or without the built
// extension, and the replica inbox (tests/replica) served at Business Suite's own addresses
// by request interception (common.mjs's replicaSite), so the shipped extension runs unchanged (its manifest names
// the real inbox hosts only) and no request leaves the machine.
//
//   const { context, worker, extensionId } = await launchWithExtension();
//   await serveReplica(context);
//   const page = await openInbox(context, "/latest/inbox/all?composer=textarea");
//
// The replica has three layouts (tests/replica/src/main.js): RC_LAYOUT=messenger (the
// default), business or changed (the business page with the hooks the built-in profile
// reads renamed) picks the one openInbox opens, so one suite runs on any. The
// suites reach the page's parts through the replica's test API (rowStates, composerOf, …
// below), never through one layout's markup.
//
// playwright-core drives the system Chromium (CHROMIUM, default /usr/bin/chromium): no
// browser is downloaded. Headless extension loading needs Chromium's new headless mode,
// which plain --headless has meant since Chromium 132.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, selectors } from "playwright-core";
import { readUntil, replicaSite, WAIT_MS, withLayout, INBOX_ORIGINS } from "./common.mjs";

// What does not depend on the browser lives in common.mjs; the suites import it from here.
export * from "./common.mjs";

export const extensionDir = fileURLToPath(new URL("../../dist/chrome", import.meta.url));

const CHROMIUM_ARGS = [
  "--no-sandbox", // We run as root, where Chromium's sandbox refuses to start.
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function launch({ args = [], headless = true } = {}) {
  // An empty user data dir: Playwright makes a fresh temporary profile.
  return chromium.launchPersistentContext("", {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/** Chromium without the extension, for testing the replica alone. */
export async function launchBrowser({ headless = true } = {}) {
  return { context: await launch({ headless }) };
}

/**
 * Chromium with dist/chrome (from ./build.sh) loaded; resolves once its service worker runs.
 * args: more Chromium flags; extension: another build's folder.
 */
export async function launchWithExtension({ headless = true, args = [], extension = extensionDir } = {}) {
  assert.ok(existsSync(`${extension}/manifest.json`), `no extension in ${extension}: run ./build.sh first`);
  const context = await launch({
    headless,
    args: [`--load-extension=${extension}`, `--disable-extensions-except=${extension}`, ...args],
  });
  const isOurs = (w) => w.url().startsWith("chrome-extension://") && w.url().endsWith("/background.js");
  try {
    const worker =
      context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent("serviceworker", { predicate: isOurs }));
    // A fresh install opens its settings page by itself (background.js, onInstalled): wait
    // for it, or it may take over the tab a test opens next ("navigation interrupted").
    await readUntil(
      () => context.pages().map((p) => p.url()),
      (urls) => urls.some((url) => url.endsWith("/options.html")),
      "the settings page a fresh install opens",
    );
    return { context, worker, extensionId: new URL(worker.url()).host };
  } catch (error) {
    // Chromium refuses an extension whose manifest names a missing file, silently: the
    // worker never starts. Closing here keeps the test process from hanging on Chromium.
    await context.close();
    throw new Error(`the extension in ${extension} did not start (does every file its manifest names exist?)`, {
      cause: error,
    });
  }
}

/**
 * The extension on the replica inbox, as most inbox tests need it: launched, the replica
 * served, and the agent's first name saved. Also gives the settings page's address.
 */
export async function launchOnReplica({ agentName = "Maria", extension } = {}) {
  const launched = await launchWithExtension({ extension });
  const served = await serveReplica(launched.context);
  await launched.worker.evaluate((agentName) => chrome.storage.sync.set({ settings: { agentName } }), agentName);
  return { ...launched, served, optionsUrl: `chrome-extension://${launched.extensionId}/options.html` };
}

/**
 * Answers the replica's addresses in `context` (common.mjs's replicaSite) and aborts every
 * other http(s) request. chrome-extension:// and other schemes are never intercepted.
 * Returns {aborted}: the URLs refused so far.
 */
export async function serveReplica(context) {
  const answer = await replicaSite();
  const aborted = [];
  await context.route(
    (url) => url.protocol === "http:" || url.protocol === "https:",
    (route) => {
      const request = route.request();
      const response = answer({ url: request.url(), isDocument: request.resourceType() === "document" });
      if (response) return route.fulfill(response);
      aborted.push(request.url());
      return route.abort("blockedbyclient");
    },
  );
  return { aborted };
}

const errorsByPage = new WeakMap();
const consoleByPage = new WeakMap();

/** The uncaught errors a page opened by openInbox has thrown so far. */
export function pageErrors(page) {
  return errorsByPage.get(page) ?? [];
}

/**
 * What the console of a page opened by openInbox with `{console: true}` has shown so far, from
 * every world in it (the page's and the content script's): {errors} (uncaught exceptions,
 * console.error, the browser's own error entries) and {warnings} (console.warn).
 */
export function consoleOf(page) {
  return consoleByPage.get(page) ?? { errors: [], warnings: [] };
}

/** Records the console of `page` from all its worlds through the DevTools protocol, which
 * sees the content script's isolated world too (Playwright's "console" event may not). */
async function watchConsole(page) {
  const seen = { errors: [], warnings: [] };
  consoleByPage.set(page, seen);
  const cdp = await page.context().newCDPSession(page);
  const text = (args) => args.map((arg) => arg.value ?? arg.description ?? arg.type).join(" ");
  cdp.on("Runtime.exceptionThrown", ({ exceptionDetails }) =>
    seen.errors.push(exceptionDetails.exception?.description ?? exceptionDetails.text),
  );
  cdp.on("Runtime.consoleAPICalled", ({ type, args }) => {
    if (type === "error" || type === "assert") seen.errors.push(text(args));
    if (type === "warning") seen.warnings.push(text(args));
  });
  cdp.on("Log.entryAdded", ({ entry }) => {
    if (entry.level === "error") seen.errors.push(`${entry.source}: ${entry.text}`);
  });
  await cdp.send("Runtime.enable");
  await cdp.send("Log.enable");
}

/**
 * Opens the replica in a new page of a context set up by serveReplica and resolves once it
 * has rendered (window.replica.ready). path may carry a query, e.g.
 * "/latest/inbox/all?composer=textarea", and gets layout=LAYOUT unless it names a layout;
 * origin is one of INBOX_ORIGINS; console: record the page's console from the start
 * (consoleOf); beforeLoad(page): awaited before the page loads (to watch its network from
 * the first request).
 */
export async function openInbox(
  context,
  path = "/latest/inbox/all",
  { origin = INBOX_ORIGINS[0], console = false, beforeLoad } = {},
) {
  path = withLayout(path);
  const page = await context.newPage();
  if (console) await watchConsole(page);
  await beforeLoad?.(page);
  const errors = [];
  errorsByPage.set(page, errors);
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${origin}${path}`);
  try {
    await page.waitForFunction(() => window.replica?.ready === true, null, { timeout: WAIT_MS });
  } catch (error) {
    throw new Error(`the replica at ${origin}${path} did not start: ${errors.join("; ") || error.message}`);
  }
  return page;
}

/**
 * For a check that something does NOT happen (nothing written, nothing shown): gives a wrong
 * reaction `ms` to show itself, in the page's own time. The only wait for a duration the
 * suite allows, since no condition marks "it would have happened by now"; it cannot fail on a
 * slow machine, only miss a late wrong reaction there.
 */
export async function graceForWrongReaction(page, ms = 500) {
  await page.waitForTimeout(ms);
}

// ---- the replica's parts, whatever its layout ----

// `replica=<part>` selects through the page's test API (the engine runs in the page's main
// world): composer, send, notes, search, rows, row:<thread id>. A Locator of one finds the
// element anew at every use, so it follows a composer the page re-created.
await selectors.register("replica", () => {
  const find = (part) => {
    const api = window.replica;
    if (!api) return [];
    const [name, id] = part.split(":");
    if (name === "rows") return api.rows();
    const one = { composer: api.composer, send: api.sendButton, notes: api.notesBox, search: api.searchField }[name];
    return [name === "row" ? api.rowOf(id) : one?.()];
  };
  const queryAll = (root, part) => find(part).filter((element) => element && root.contains(element));
  return { query: (root, part) => queryAll(root, part)[0] ?? null, queryAll };
});

/** The open composer's text box (Lexical's root or the textarea), as a Locator. */
export const composerOf = (page) => page.locator("replica=composer");

/** The row showing thread `id` now (a Locator; none when the row is not rendered). */
export const rowOf = (page, id) => page.locator(`replica=row:${id}`);

/** Where each layout shows the open conversation's customer name: the messenger layout's
 * <h2>, the business and changed headers' one-line name. */
const HEADER_NAMES = {
  messenger: "[role=main] h2",
  business: '[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"] [style*="-webkit-line-clamp: 1"]',
  changed: '[data-pagelet="BizInboxConversationPanelTopBar"] [style*="-webkit-line-clamp: 1"]',
};

/** What shows the open conversation's customer name, in the page's layout (a Locator). */
export const headerNameOf = async (page) => page.locator(HEADER_NAMES[await page.evaluate(() => window.replica.layout)]);
