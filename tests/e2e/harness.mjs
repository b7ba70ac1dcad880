// What the end-to-end tests and the demo share: Chromium with or without the built
// extension, and the replica inbox (tests/replica) served at Business Suite's own addresses
// by request interception, so the shipped extension runs unchanged (its manifest names
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
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, selectors } from "playwright-core";
import { bundleReplica } from "../replica/bundle.mjs";

/** The replica's layouts, and the one the suites run on: RC_LAYOUT, messenger by default. */
export const LAYOUTS = ["messenger", "business", "changed"];
export const LAYOUT = process.env.RC_LAYOUT ?? "messenger";
assert.ok(LAYOUTS.includes(LAYOUT), `RC_LAYOUT is one of ${LAYOUTS.join(", ")}, not ${LAYOUT}`);

export const extensionDir = fileURLToPath(new URL("../../dist/chrome", import.meta.url));
/** The extension's English texts (extension/_locales/en/messages.json). */
export const en = JSON.parse(readFileSync(new URL("../../extension/_locales/en/messages.json", import.meta.url), "utf8"));

/** English message `key` with its placeholders filled, as chrome.i18n.getMessage gives it. */
export function message(key, ...values) {
  let text = en[key].message;
  for (const [name, { content }] of Object.entries(en[key].placeholders ?? {})) {
    text = text.replaceAll(`$${name.toUpperCase()}$`, values[Number(content.slice(1)) - 1]);
  }
  return text;
}
const replicaDir = new URL("../replica/", import.meta.url);

/** The addresses the replica answers at: the inbox paths of these origins. */
export const INBOX_ORIGINS = ["https://business.facebook.com", "https://www.facebook.com"];
/** Where the replica's script and styles come from, as Meta's come from its static host. */
const STATIC_PREFIX = "https://static.xx.fbcdn.net/rsrc.php/v4/replica/";
/** The images the business layout shows: avatars from Meta's CDN (signed URLs) and icons
 * from its static host, answered with small SVGs. */
export const IMAGE_URLS = [/^https:\/\/scontent\.xx\.fbcdn\.net\/v\/[^?]+\.jpg\?/, /^https:\/\/static\.xx\.fbcdn\.net\/rsrc\.php\/v4\/y\w\/r\/[\w-]+\.svg$/];
/** The inbox served with STRICT_CSP, which forbids WebAssembly. */
export const STRICT_PATH = "/latest/inbox/strict";

/**
 * Meta's policy for business.facebook.com and www.facebook.com, abridged to the directives
 * a page script or an extension meets, as public captures of the header show it since 2024
 * (e.g. lockdown-systems/cyd#467, webcompat/web-bugs#145858): scripts by host and nonce,
 * no 'unsafe-inline' or 'unsafe-eval' for scripts, and 'wasm-unsafe-eval', so WebAssembly
 * compiles. The nonce is new for every response, as Meta's is.
 */
export function metaCsp(nonce = randomBytes(6).toString("base64url")) {
  return [
    "default-src blob: 'self' https://*.fbsbx.com *.facebook.com *.fbcdn.net",
    `script-src *.facebook.com *.fbcdn.net *.facebook.net 127.0.0.1:* 'nonce-${nonce}' blob: data: 'self' connect.facebook.net 'wasm-unsafe-eval' https://*.google-analytics.com *.google.com`,
    "style-src *.fbcdn.net data: *.facebook.com 'unsafe-inline' https://fonts.googleapis.com",
    "connect-src *.facebook.com facebook.com *.fbcdn.net *.facebook.net wss://*.facebook.com:* wss://*.whatsapp.com:* attachment.fbsbx.com blob: *.cdninstagram.com 'self' *.fbsbx.com *.fb.com",
    "font-src data: *.facebook.com *.fbcdn.net *.fbsbx.com https://fonts.gstatic.com",
    "img-src *.fbcdn.net *.facebook.com data: https://*.fbsbx.com facebook.com *.cdninstagram.com fbsbx.com fbcdn.net blob:",
    "media-src *.cdninstagram.com blob: *.fbcdn.net *.fbsbx.com www.facebook.com *.facebook.com data:",
    "frame-src *.facebook.com *.fbsbx.com fbsbx.com data: www.instagram.com *.fbcdn.net",
    "worker-src blob: *.facebook.com data:",
    "block-all-mixed-content",
    "upgrade-insecure-requests",
  ].join(";");
}

/** A page that allows its own scripts and nothing that compiles code: no WebAssembly, no
 * eval, no blob: workers. The extension must still work (or say why not) there. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' https://static.xx.fbcdn.net",
  "style-src 'self' https://static.xx.fbcdn.net",
  "img-src 'self' data: https://*.fbcdn.net",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join(";");

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

let replicaScript;

/**
 * Answers the inbox addresses of INBOX_ORIGINS with the replica (STRICT_PATH with
 * STRICT_CSP, every other /latest/inbox path with Meta's), its script and styles from
 * Meta's static host, the images of IMAGE_URLS, and aborts every other http(s) request. chrome-extension:// and
 * other schemes are never intercepted. Returns {aborted}: the URLs refused so far.
 */
export async function serveReplica(context) {
  replicaScript ??= bundleReplica();
  const script = await replicaScript;
  const html = readFileSync(new URL("inbox.html", replicaDir), "utf8");
  const css = readFileSync(new URL("inbox.css", replicaDir), "utf8");
  const aborted = [];

  // Routes run newest first; fallback() hands a request to the one registered before.
  await context.route(
    (url) => url.protocol === "http:" || url.protocol === "https:",
    (route) => {
      aborted.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  // An image is a square of a colour of its own: a face or an icon, told apart by colour.
  await context.route(
    (url) => IMAGE_URLS.some((pattern) => pattern.test(url.href)),
    (route) => {
      const { pathname } = new URL(route.request().url());
      let hue = 0;
      for (const char of pathname) hue = (hue * 31 + char.charCodeAt(0)) % 360;
      const body = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue} 45% 60%)"/></svg>`;
      return route.fulfill({ contentType: "image/svg+xml", body });
    },
  );
  await context.route(`${STATIC_PREFIX}**`, (route) => {
    const file = new URL(route.request().url()).pathname.split("/").pop();
    if (file === "inbox.js") return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: script });
    if (file === "inbox.css") return route.fulfill({ contentType: "text/css; charset=utf-8", body: css });
    return route.fallback();
  });
  for (const origin of INBOX_ORIGINS) {
    await context.route(`${origin}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      if (route.request().resourceType() !== "document" || !/^\/latest\/inbox(\/|$)/.test(pathname)) {
        return route.fallback();
      }
      const strict = pathname === STRICT_PATH || pathname.startsWith(`${STRICT_PATH}/`);
      return route.fulfill({
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": strict ? STRICT_CSP : metaCsp() },
        body: html,
      });
    });
  }
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

/** `path` with layout=LAYOUT in its query, unless it names a layout already. */
export function withLayout(path) {
  const url = new URL(path, "https://replica.invalid");
  if (!url.searchParams.has("layout")) url.searchParams.set("layout", LAYOUT);
  return url.pathname + url.search;
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

/** Lexical keeps each line as a paragraph and joins paragraphs with a blank line in its
 * text: what the agent sees as "a\n\nb" (a, an empty line, b) reads as "a\n\n\n\nb". */
export const asLexicalText = (text) => text.replaceAll("\n", "\n\n");

/**
 * The default pack's template `id` (read through the extension's service worker `worker`)
 * rendered as the picker renders it for Ana, signed by Maria, with `fields` filled in:
 * {text, cursor} (cursor: where {cursor} stands, else the end).
 */
export async function renderedTemplate(worker, id, fields = {}) {
  const template = await worker.evaluate(async (id) => {
    const library = await (await fetch(chrome.runtime.getURL("templates/default.json"))).json();
    return library.templates.find((t) => t.id === id);
  }, id);
  assert.ok(template, `the pack has ${id}`);
  const text = template.body.replace(/\{([^{}]*)\}/g, (whole, inner) => {
    const [name, fallback] = inner.split("|");
    if (name === "cursor") return "\u0000";
    if (name === "first_name") return "Ana";
    if (name === "agent_name") return "Maria";
    if (name.startsWith("field:")) return fields[name.slice(6)] ?? whole;
    return fallback ?? whole;
  });
  const cursor = text.indexOf("\u0000");
  return { text: text.replace("\u0000", ""), cursor: cursor < 0 ? text.length : cursor };
}

/**
 * How long any wait for a condition lasts before it fails. Long, because a test waits for
 * what should happen, not for a time: a condition that holds ends the wait at once, and a
 * busy 2-core machine may take seconds. RC_E2E_WAIT_MS changes it.
 */
export const WAIT_MS = Number(process.env.RC_E2E_WAIT_MS ?? 30_000);

/**
 * For a check that something does NOT happen (nothing written, nothing shown): gives a wrong
 * reaction `ms` to show itself, in the page's own time. The only wait for a duration the
 * suite allows, since no condition marks "it would have happened by now"; it cannot fail on a
 * slow machine, only miss a late wrong reaction there.
 */
export async function graceForWrongReaction(page, ms = 500) {
  await page.waitForTimeout(ms);
}

/**
 * Reads with `read()` every 50 ms, for up to `timeout` (WAIT_MS unless given), until `check` accepts what it
 * read; returns that, or fails with `what` and the last reading.
 */
export async function readUntil(read, check, what, { timeout = WAIT_MS } = {}) {
  let last;
  for (const end = Date.now() + timeout; ; ) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > end) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${what}: ${JSON.stringify(last, null, 1)}`);
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

/**
 * Every rendered row (replica.rows(), in visual order) as the extension marked it:
 * {thread (the id it shows, the page's knowledge), name (that thread's customer), window,
 * hours, customer, awaiting (its data-rc-* marks), badges (how many in the row), badge and
 * badgeState (the first one's text and state), badgeIsLastChild}.
 */
export const rowStates = (page) =>
  page.evaluate(() => {
    const names = new Map(window.replica.threads().map((thread) => [thread.id, thread.customer]));
    return window.replica.rows().map((row) => {
      const badges = row.querySelectorAll("reply-coach-badge");
      const thread = window.replica.rowThread(row);
      const hours = row.dataset.rcHoursSinceCustomer;
      return {
        thread,
        name: names.get(thread),
        window: row.dataset.rcWindow,
        hours: hours === undefined ? undefined : Number(hours),
        customer: row.dataset.rcCustomer,
        awaiting: row.dataset.rcAwaiting,
        badges: badges.length,
        badge: badges[0]?.textContent,
        badgeState: badges[0]?.dataset.state,
        badgeIsLastChild: badges.length === 1 && row.lastElementChild === badges[0],
      };
    });
  });

/**
 * Waits until there are rows, every rendered one is marked (a window state and a badge),
 * and `check(rows)` holds; returns the rows (rowStates), or fails with `what` and the last
 * reading. timeout: how long, WAIT_MS unless given.
 */
export async function waitForRows(page, check = () => true, what = "rows marked", { timeout = WAIT_MS } = {}) {
  const marked = (rows) => rows.length > 0 && rows.every((row) => row.window && row.badges > 0);
  let last = [];
  for (const end = Date.now() + timeout; ; ) {
    last = await rowStates(page);
    if (marked(last) && check(last)) return last;
    if (Date.now() > end) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const shown = last.length > 30 ? [...last.slice(0, 30), `… ${last.length - 30} more`] : last;
  assert.fail(`${what}\nrows: ${JSON.stringify(shown, null, 1)}`);
}

// ---- the extension's view of a tab ----

/** The id of the tab showing `page`, as the extension (its service worker `worker`) knows it. */
export async function tabIdOf(worker, page) {
  const ids = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).map((tab) => tab.id), page.url());
  assert.equal(ids.length, 1, `one tab at ${page.url()}`);
  return ids[0];
}

/**
 * Waits until the status the content script last reported for tab `tabId` (the service
 * worker's chrome.storage.session `inbox:<tabId>`: {rows, lastHour, health}) exists and
 * `check(status)` holds; returns it, or fails with `what` and the last reading.
 */
export const inboxStatusWhen = (worker, tabId, check, what) =>
  readUntil(
    () => worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] ?? null, `inbox:${tabId}`),
    (status) => status !== null && check(status),
    what,
  );

/**
 * The rule ids the inbox card of `page` lists, once the linted composer's count
 * (data-rc-findings) agrees with the card and the card lists every rule of `has` and none
 * of `lacks`; fails after 10 s (a loaded machine is slow).
 */
export async function findingsWhen(page, { has = [], lacks = [] } = {}) {
  const handle = await page.waitForFunction(
    ({ has, lacks }) => {
      const root = document.querySelector("reply-coach-root")?.shadowRoot;
      const composer = document.querySelector("[data-rc-findings]");
      const card = root?.querySelector(".card");
      if (!card || !composer) return null;
      const rules = card.hidden ? [] : [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
      if (Number(composer.dataset.rcFindings) !== rules.length) return null; // Mid-update.
      return has.every((id) => rules.includes(id)) && !lacks.some((id) => rules.includes(id)) ? rules : null;
    },
    { has, lacks },
    { timeout: WAIT_MS },
  );
  return handle.jsonValue();
}
