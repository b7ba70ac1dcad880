// @ts-check
// Reply Coach's background service worker: loads the Rust core (WebAssembly) once and
// answers lint requests from the rest of the extension.
//
// The messages it answers and the status it keeps for the popup are typed in protocol.js:
// lint requests (from reduced mode's content script and the end-to-end tests), the page
// profile's composer selector, each inbox tab's scan report (its toolbar icon and the
// popup's status), a core that stopped, and the agent's first name seen, saved or
// dismissed; and the response turns the inbox saw (kept in chrome.storage.local), their
// figures for the popup and their CSV for the settings page.
//
/** @typedef {import("./protocol.js").ToBackground} ToBackground */

// No network, no eval: the only files fetched are the packaged .wasm modules, and the
// manifest's CSP allows nothing but 'wasm-unsafe-eval' to compile them.

import { message as uiText, useUiLanguage } from "./i18n.js";
import { installLanguageData } from "./language-data.js";
import init, * as core from "./pkg/reply_coach.js";
const { composerSelector, lint, lintWithSettings, onPanic, settingsSchema } = core;
import initOnRequest, { recordResponses, responseReport, responsesCsv } from "./pkg/reply_coach_repair.js";

// Started at once so the first request does not pay for compilation; a service worker
// module may not use top-level await, so requests wait on this promise instead.
const coreReady = init({ module_or_path: chrome.runtime.getURL("pkg/reply_coach_bg.wasm") }).then(() =>
  installLanguageData(core),
);

// The agent's UI language (i18n.js), read once and again when the settings change, not at
// every lint or inbox report: the findings' texts and the toolbar's title speak it.
let uiLanguage = useUiLanguage();
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "sync" && "settings" in changes) uiLanguage = useUiLanguage(changes.settings.newValue ?? {});
});

// What the core's last panic broke. The worker's calls keep no state between them, so the
// next request runs as before; the one that panicked answers with this.
let lastPanic = "";
coreReady.then(() => onPanic((/** @type {string} */ what) => (lastPanic = what))).catch(() => {});

// The response record's code lives in the module loaded on request (the start-up module
// keeps to its size budget, docs/SIZE.md): compiled on the first request that needs it. A
// service worker may not import() late, so its glue is imported above and only the Wasm
// waits.
let onRequestReady;
const responsesCore = () =>
  (onRequestReady ??= initOnRequest({ module_or_path: chrome.runtime.getURL("pkg/reply_coach_repair_bg.wasm") }));

/**
 * Lints one draft. Never rejects: every failure becomes `{error}` so a caller always
 * gets an answer it can show.
 *
 * @param {unknown} draft
 * @param {unknown} context
 * @returns {Promise<import("./protocol.js").LintAnswer>}
 */
async function lintRequest(draft, context, useStoredSettings = false) {
  try {
    await coreReady;
  } catch (e) {
    return { error: `Reply Coach could not load its core: ${messageOf(e)}` };
  }
  // The Wasm glue would turn a non-string into garbage rather than fail, so check here.
  if (typeof draft !== "string") {
    return { error: `draft must be a string (got ${draft === null ? "null" : typeof draft})` };
  }
  // The findings' texts in the agent's chosen language, as in the page (i18n.js).
  core.setUiLanguage(await uiLanguage);
  try {
    if (useStoredSettings) return lintWithSettings(draft, context, await storedSettings());
    return lint(draft, context);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return { error: `Reply Coach's core failed in ${lastPanic}` };
    // The core throws an Error naming the bad context field.
    return { error: messageOf(e) };
  }
}

/** The settings as stored, a custom voice put in place as content.js does: "custom" stands
 * for the document in chrome.storage.local, or neutral when there is none (docs/VOICE.md). */
async function storedSettings() {
  // Damaged or newer settings are read leniently by the core; unreadable ones are none.
  /** @type {{settings?: any}} */
  const { settings } = await chrome.storage.sync.get("settings").catch(() => ({}));
  /** @type {{voiceProfile?: unknown}} */
  const { voiceProfile } =
    settings?.voice === "custom" ? await chrome.storage.local.get("voiceProfile").catch(() => ({})) : {};
  return settings?.voice === "custom" ? { ...settings, voice: voiceProfile ?? "neutral" } : (settings ?? {});
}

/** One word of letters, as the settings page takes a first name (options.js).
 * @param {unknown} name
 * @returns {name is string} */
const isFirstName = (name) => typeof name === "string" && name.length <= 40 && /^\p{L}[\p{L}\p{M}'’-]*$/u.test(name);
/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Saves `firstName` as the agent's first name in the stored settings, keeping the rest.
 * @param {unknown} firstName */
async function useAgentName(firstName) {
  if (!isFirstName(firstName)) return { error: "not a first name" };
  try {
    await coreReady;
    // The settings schema written here, as the core defines it.
    const version = settingsSchema().version;
    const { settings } = await chrome.storage.sync.get("settings");
    /** @type {Record<string, any>} */
    const stored = isObject(settings) ? settings : {};
    if (Number.isSafeInteger(stored.version) && stored.version > version) {
      await uiLanguage;
      return { error: uiText("agentNameNewer") };
    }
    await chrome.storage.sync.set({ settings: { ...stored, version, agentName: firstName } });
    return { ok: true };
  } catch (e) {
    return { error: messageOf(e) };
  }
}

// The session's name suggestion, changed one request after another so that a report and a
// dismissal arriving together cannot overwrite each other.
let suggesting = Promise.resolve();
/** @param {(current: import("./protocol.js").AgentSuggestion) => import("./protocol.js").AgentSuggestion | undefined} change */
function changeSuggestion(change) {
  suggesting = suggesting.then(async () => {
    const { agentSuggestion } = await chrome.storage.session.get("agentSuggestion");
    const current = isObject(agentSuggestion) ? agentSuggestion : {};
    const dismissed = Array.isArray(current.dismissed) ? current.dismissed.filter(isFirstName) : [];
    const next = change({ ...current, dismissed });
    if (next) await chrome.storage.session.set({ agentSuggestion: next });
  }).catch((e) => console.warn("Reply Coach: the name suggestion was not kept:", messageOf(e)));
  return suggesting;
}

/** The first names dismissed in this browser session. */
async function dismissedNames() {
  await suggesting;
  /** @type {{agentSuggestion?: any}} */
  const { agentSuggestion } = await chrome.storage.session.get("agentSuggestion").catch(() => ({}));
  return { dismissed: Array.isArray(agentSuggestion?.dismissed) ? agentSuggestion.dismissed.filter(isFirstName) : [] };
}

// The response record, changed one request after another so that two scans reporting
// together cannot overwrite each other's turns.
let recording = Promise.resolve();
const isTag = (tag) => Number.isInteger(tag) && tag >= 0 && tag <= 0xffff;
function keepResponses({ page, tag, turns }) {
  if (typeof page !== "string" || !isTag(tag) || !Array.isArray(turns)) return recording;
  recording = recording
    .then(async () => {
      await responsesCore();
      const { responses } = await chrome.storage.local.get("responses");
      const now = Date.now();
      // Throws, and nothing is written, when the stored record cannot be read.
      const record = recordResponses(responses, page, tag, turns, now, -new Date(now).getTimezoneOffset());
      await chrome.storage.local.set({ responses: record });
      await chrome.storage.session.remove("responsesFault");
    })
    .catch((e) => {
      const fault = messageOf(e);
      console.warn("Reply Coach: the response figures were not kept:", fault);
      return chrome.storage.session.set({ responsesFault: fault }).catch(() => {});
    });
  return recording;
}

/** The figures for the popup. Never rejects. */
async function reportResponses(page) {
  try {
    await responsesCore();
    await recording;
    const { responses } = await chrome.storage.local.get("responses");
    /** @type {{settings?: any}} */
    const { settings } = await chrome.storage.sync.get("settings").catch(() => ({}));
    /** @type {{responsesFault?: unknown}} */
    const { responsesFault: fault } = await chrome.storage.session.get("responsesFault").catch(() => ({}));
    const now = Date.now();
    const offset = -new Date(now).getTimezoneOffset();
    const pageId = typeof page === "string" ? page : "";
    let report;
    let hours = settings?.businessHours ?? null;
    try {
      report = responseReport(responses, pageId, now, offset, hours);
    } catch (e) {
      // Hours the core cannot read count all time rather than show nothing.
      if (hours === null) throw e;
      hours = null;
      report = responseReport(responses, pageId, now, offset, null);
    }
    return { report, hours: hours !== null, fault: typeof fault === "string" ? fault : undefined };
  } catch (e) {
    return { error: messageOf(e) };
  }
}

/** The record as CSV for the settings page. Never rejects. */
async function exportResponses() {
  try {
    await responsesCore();
    await recording;
    const { responses } = await chrome.storage.local.get("responses");
    const csv = responsesCsv(responses, -new Date().getTimezoneOffset());
    return { csv, turns: csv.trimEnd().split("\n").length - 1 };
  } catch (e) {
    return { error: messageOf(e) };
  }
}

/** @param {unknown} e */
function messageOf(e) {
  return e instanceof Error ? e.message : String(e);
}

// Registered synchronously at the top level, as service workers require, so a message
// that wakes the worker is not missed.
chrome.runtime.onMessage.addListener((/** @type {ToBackground} */ message, sender, sendResponse) => {
  switch (message?.type) {
    case "lint":
      lintRequest(message.draft, message.context, message.useStoredSettings === true).then(sendResponse);
      return true; // The response is sent asynchronously.
    case "profile":
      coreReady.then(
        () => sendResponse({ composerSelector: composerSelector() }),
        (e) => sendResponse({ error: messageOf(e) }),
      );
      return true;
    case "inbox":
      if (sender.tab?.id !== undefined) showInOrder(sender.tab.id, message);
      return false;
    case "stopped":
      if (sender.tab?.id !== undefined) keepStopped(sender.tab.id, message);
      return false;
    case "agentSeen": {
      const sentBy = typeof message.sentBy === "string" ? message.sentBy.trim().slice(0, 200) : "";
      if (sender.tab?.id === undefined || sentBy === "" || !isFirstName(message.firstName)) return false;
      changeSuggestion((current) =>
        current.dismissed.includes(message.firstName) ? undefined : { ...current, sentBy, firstName: message.firstName },
      );
      return false;
    }
    case "useAgentName":
      useAgentName(message.firstName).then(sendResponse);
      return true;
    case "dismissAgentName":
      if (isFirstName(message.firstName)) {
        changeSuggestion(({ sentBy, firstName, dismissed }) => {
          const next = { dismissed: [...new Set([...dismissed, message.firstName])] };
          return firstName === undefined || firstName === message.firstName ? next : { ...next, sentBy, firstName };
        });
      }
      return false;
    case "agentSuggestion":
      dismissedNames().then(sendResponse);
      return true;
    case "responses":
      if (sender.tab?.id !== undefined) keepResponses(message);
      return false;
    case "responseReport":
      reportResponses(message.page).then(sendResponse);
      return true;
    case "responsesCsv":
      exportResponses().then(sendResponse);
      return true;
    default:
      return false; // Not ours: let other listeners answer.
  }
});

/** Count for a status field: a whole number, 0 or more; anything else counts as 0.
 * @param {unknown} value
 * @returns {number} */
const count = (value) => (typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : 0);

// Statuses are shown one after another, so an older one never lands after a newer one
// while the settings are read.
let showing = Promise.resolve();
const showInOrder = (tabId, message) => (showing = showing.then(() => showInboxStatus(tabId, message)));

/** Which count the toolbar shows: the settings' toolbarCount, "lastHour" (the default,
 * also for a value this version does not know) or "waiting". */
async function toolbarCount() {
  /** @type {{settings?: any}} */
  const { settings } = await chrome.storage.sync.get("settings").catch(() => ({}));
  return settings?.toolbarCount === "waiting" ? "waiting" : "lastHour";
}

/**
 * The toolbar badge of the tab, and its status for the popup (kept for the session): the
 * number of threads in their last hour, or of those waiting past the red mark, as the
 * settings choose (red), or "?" (grey, the popup's explanation as the icon's tooltip) when
 * a part of the page was not recognised, so a page Meta changed is seen without opening
 * the popup.
 */
/** @param {number} tabId @param {import("./protocol.js").InboxReport} message */
async function showInboxStatus(tabId, message) {
  const health = /** @type {{parts: any[]}} */ (
    isObject(message.health) && Array.isArray(message.health.parts) ? message.health : { parts: [] }
  );
  /** @type {import("./protocol.js").InboxStatus} */
  const status = { rows: count(message.rows), lastHour: count(message.lastHour), waiting: count(message.waiting), health };
  const recognised = status.rows > 0 && !health.parts.some((part) => part?.status === "missing");
  const ignore = () => {}; // The tab may have closed meanwhile.
  // Kept first: the popup's status must not wait on the settings.
  chrome.storage.session.set({ [`inbox:${tabId}`]: status }).catch(ignore);
  const shown = status[await toolbarCount()];
  chrome.action.setBadgeBackgroundColor({ tabId, color: recognised ? "#c5221f" : "#65676b" }).catch(ignore);
  const text = !recognised ? "?" : shown > 0 ? String(shown) : "";
  chrome.action.setBadgeText({ tabId, text }).catch(ignore);
  await uiLanguage;
  const title = uiText(recognised ? "extName" : status.rows > 0 ? "popupPartsMissing" : "popupNotRecognised");
  chrome.action.setTitle({ tabId, title }).catch(ignore);
}

// The agent chose the other count: every inbox tab's badge follows from its kept status.
chrome.storage.onChanged.addListener(async (changes, area) => {
  /** @type {{oldValue?: any, newValue?: any}} */
  const change = changes.settings ?? {};
  if (area !== "sync" || change.oldValue?.toolbarCount === change.newValue?.toolbarCount) return;
  const kept = await chrome.storage.session.get(null).catch(() => ({}));
  for (const [key, status] of Object.entries(kept)) {
    const tabId = Number(key.slice("inbox:".length));
    if (key.startsWith("inbox:") && Number.isSafeInteger(tabId)) showInOrder(tabId, status);
  }
});

/** That the tab's core stopped, in what, and whether it restarted, for the popup. */
/** @param {number} tabId @param {import("./protocol.js").StoppedReport} message */
function keepStopped(tabId, message) {
  /** @type {import("./protocol.js").StoppedStatus} */
  const stopped = { what: String(message.what ?? ""), restarting: message.restarting === true };
  chrome.storage.session.set({ [`stopped:${tabId}`]: stopped }).catch(() => {});
}

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove([`inbox:${tabId}`, `stopped:${tabId}`]).catch(() => {});
});
// A new page in the tab has a new core: what stopped on the last one is history.
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading") chrome.storage.session.remove(`stopped:${tabId}`).catch(() => {});
});

// The template picker's keyboard shortcut (chrome://extensions/shortcuts): the inbox tab's
// content script opens the picker for its composer.
/** @param {chrome.tabs.Tab | undefined} tab */
function openTemplates(tab) {
  /** @type {import("./protocol.js").ToContent} */
  const message = { type: "openTemplates" };
  if (tab?.id !== undefined) chrome.tabs.sendMessage(tab.id, message).catch(() => {});
}
chrome.commands?.onCommand.addListener((command, tab) => {
  if (command === "open-templates") openTemplates(tab);
});

// The same entry point the message listener uses, reachable from the service worker's
// DevTools console and from the end-to-end test (which cannot send itself a message).
/** @type {any} */ (globalThis).replyCoach = Object.freeze({ lint: lintRequest, openTemplates });

// First run: the sign-off checks need the agent's first name, so a fresh install opens the
// settings page, which asks for it. Not on updates, nor when browser sync already brought
// a name from another device.
chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason !== chrome.runtime.OnInstalledReason.INSTALL) {
    return;
  }
  /** @type {{settings?: any}} */
  const { settings } = await chrome.storage.sync.get("settings");
  if (!settings?.agentName) {
    await chrome.runtime.openOptionsPage();
  }
});
