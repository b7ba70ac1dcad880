// What the end-to-end harnesses of both browsers share, whatever drives the browser: the
// replica's layouts and its site (tests/replica, answered at Business Suite's own addresses
// with Meta's CSP), the extension's English texts, and the waits for conditions. The page
// helpers take any page with evaluate(fn, arg), which Playwright's and Puppeteer's pages
// both have; tests/e2e/harness.mjs (Chromium) and firefox-harness.mjs (Firefox) build on it.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { bundleReplica } from "../replica/bundle.mjs";

/** The replica's layouts, and the one the suites run on: RC_LAYOUT, messenger by default. */
export const LAYOUTS = ["messenger", "business", "changed"];
export const LAYOUT = process.env.RC_LAYOUT ?? "messenger";
assert.ok(LAYOUTS.includes(LAYOUT), `RC_LAYOUT is one of ${LAYOUTS.join(", ")}, not ${LAYOUT}`);

/** The extension's texts in `locale` (extension/_locales/<locale>/messages.json). */
export const messagesOf = (locale) =>
  JSON.parse(readFileSync(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url), "utf8"));

/** The extension's English texts. */
export const en = messagesOf("en");

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
/** What the replica page itself loads: its document (at any inbox path), script and styles,
 * the icon the browser asks the page's origin for, and (the business layout) the avatars
 * and icons from Meta's CDN and static host. */
export const REPLICA_FILES = [
  /^https:\/\/(business|www)\.facebook\.com\/latest\/inbox\//,
  /^https:\/\/static\.xx\.fbcdn\.net\/rsrc\.php\/v4\/replica\/inbox\.(js|css)$/,
  /^https:\/\/(business|www)\.facebook\.com\/favicon\.ico$/,
  ...IMAGE_URLS,
];
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

let replicaScript;

/**
 * The replica as a web site, for a harness to answer intercepted requests with: resolves to
 * answer({url, isDocument}), which gives {status, contentType, headers, body} for the inbox
 * addresses of INBOX_ORIGINS (a page load; STRICT_PATH with STRICT_CSP, every other
 * /latest/inbox path with Meta's), its script and styles from Meta's static host and the
 * images of IMAGE_URLS, a 404 for the origin's favicon.ico, and null for every other
 * address: a request to refuse.
 */
export async function replicaSite() {
  replicaScript ??= bundleReplica();
  const script = await replicaScript;
  const html = readFileSync(new URL("inbox.html", replicaDir), "utf8");
  const css = readFileSync(new URL("inbox.css", replicaDir), "utf8");
  return ({ url, isDocument }) => {
    const { origin, pathname, href } = new URL(url);
    // An image is a square of a colour of its own: a face or an icon, told apart by colour.
    if (IMAGE_URLS.some((pattern) => pattern.test(href))) {
      let hue = 0;
      for (const char of pathname) hue = (hue * 31 + char.charCodeAt(0)) % 360;
      const body = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue} 45% 60%)"/></svg>`;
      return { status: 200, contentType: "image/svg+xml", body };
    }
    if (href.startsWith(STATIC_PREFIX)) {
      const file = pathname.split("/").pop();
      if (file === "inbox.js") return { status: 200, contentType: "text/javascript; charset=utf-8", body: script };
      if (file === "inbox.css") return { status: 200, contentType: "text/css; charset=utf-8", body: css };
      return null;
    }
    // The icon a browser asks the page's origin for (Firefox does, headless Chromium not).
    if (INBOX_ORIGINS.includes(origin) && pathname === "/favicon.ico") return { status: 404, contentType: "text/plain", body: "" };
    if (INBOX_ORIGINS.includes(origin) && isDocument && /^\/latest\/inbox(\/|$)/.test(pathname)) {
      const strict = pathname === STRICT_PATH || pathname.startsWith(`${STRICT_PATH}/`);
      return {
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "content-security-policy": strict ? STRICT_CSP : metaCsp() },
        body: html,
      };
    }
    return null;
  };
}

/** `path` with layout=LAYOUT in its query, unless it names a layout already. */
export function withLayout(path) {
  const url = new URL(path, "https://replica.invalid");
  if (!url.searchParams.has("layout")) url.searchParams.set("layout", LAYOUT);
  return url.pathname + url.search;
}

/** Lexical keeps each line as a paragraph and joins paragraphs with a blank line in its
 * text: what the agent sees as "a\n\nb" (a, an empty line, b) reads as "a\n\n\n\nb". */
export const asLexicalText = (text) => text.replaceAll("\n", "\n\n");

/**
 * The default pack's template `id` (read through `worker`: the extension's service worker, or any page of the extension)
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

/** The "Expiring soonest" panel's entries in `page`: {thread, name, window, left}. */
export const panelOf = (page) =>
  page.evaluate(() =>
    [...(document.querySelector("reply-coach-panel")?.shadowRoot?.querySelectorAll("li") ?? [])].map((li) => ({
      thread: li.querySelector("button").dataset.thread,
      name: li.querySelector("button").textContent,
      window: li.dataset.rcWindow,
      left: li.querySelector(".left").textContent,
    })),
  );

/** The banner above the composer in `page`: its state and text, or null when hidden. */
export const bannerOf = (page) =>
  page.evaluate(() => {
    const line = document.querySelector("reply-coach-banner")?.shadowRoot?.querySelector("p");
    return line && !line.hidden ? { window: line.dataset.rcWindow, text: line.textContent } : null;
  });

// ---- the extension's view of a tab ----

/** The id of the tab showing `page`, as the extension knows it (`worker`: its service worker, or any page of it). */
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

/** In the page: the rule ids its inbox card lists, or null while the linted composer's count
 * (data-rc-findings) and the card disagree (mid-update). */
function cardRules() {
  const root = document.querySelector("reply-coach-root")?.shadowRoot;
  const composer = document.querySelector("[data-rc-findings]");
  const card = root?.querySelector(".card");
  if (!card || !composer) return null;
  const rules = card.hidden ? [] : [...root.querySelectorAll(".findings [data-rule]")].map((li) => li.dataset.rule);
  return Number(composer.dataset.rcFindings) === rules.length ? rules : null;
}

/**
 * The rule ids the inbox card of `page` lists, once the linted composer's count
 * (data-rc-findings) agrees with the card and the card lists every rule of `has` and none
 * of `lacks`; fails after WAIT_MS.
 */
export const findingsWhen = (page, { has = [], lacks = [] } = {}) =>
  readUntil(
    () => page.evaluate(cardRules),
    (rules) => rules !== null && has.every((id) => rules.includes(id)) && !lacks.some((id) => rules.includes(id)),
    `the card's findings with ${has.join(", ") || "none in particular"} and without ${lacks.join(", ") || "none in particular"}`,
  );
