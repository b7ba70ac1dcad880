// Reply Coach's background service worker: loads the Rust core (WebAssembly) once and
// answers lint requests from the rest of the extension.
//
// Requests:
//   {type: "lint", draft: string, context?: object, useStoredSettings?: boolean}
//     → {language, findings} from the core, or {error: message}. With useStoredSettings
//     the agent's settings from chrome.storage.sync apply over the context (reduced mode),
//     a custom voice profile taken from chrome.storage.local.
//   {type: "profile"} → {composerSelector}: what the reduced mode's content script needs
//     of the page profile, having no Wasm of its own.
//   {type: "inbox", rows: number, lastHour: number, health: object} from the content
//     script (no answer): how many conversation rows it recognised, how many threads are
//     in the last hour of their reply window, and what it reads of the page, part by part
//     (the core's Health JSON, src/profile/health.rs: counts and yes/no, no names). The
//     toolbar icon of that tab shows lastHour (none when 0), or "?" when a part of the
//     page is not recognised; the popup reads the status from chrome.storage.session,
//     key `inbox:<tabId>`.
//   {type: "stopped", what: string, restarting: boolean} from the content script (no
//     answer): its core panicked (src/wasm/panic.rs) in `what` ("rule tone-shout
//     (src/rules/tone_shout.rs:42)") and was restarted, or not after too many restarts;
//     kept for the popup under `stopped:<tabId>` until the tab loads another page.
//   {type: "agentSeen", sentBy: string, firstName: string} from the content script (no
//     answer): while no first name is set, the open conversation shows a Page message
//     "Sent by <sentBy>" (a person of the Page's team), whose first name the core took
//     (StoredSettings::suggested_agent_name). Kept for the settings page, which offers it,
//     in chrome.storage.session, key `agentSuggestion`: {sentBy, firstName, dismissed}
//     (never a customer's name or a message); ignored for a dismissed first name.
//   {type: "useAgentName", firstName: string} → {ok: true} or {error: message}: saves it
//     as the agent's first name, merged into chrome.storage.sync `settings` (the stored
//     object with `agentName` and `version: 1`); refused for a name that is not one word
//     of letters, and for settings a newer version saved (the settings page asks first).
//   {type: "dismissAgentName", firstName: string} (no answer): the card or the settings
//     page was told not to offer it: added to `agentSuggestion.dismissed`, and not offered
//     again in this browser session.
//   {type: "agentSuggestion"} → {dismissed: [firstName]}: what a starting content script
//     must not offer.
//   {type: "responses", page: string, tag: number, turns: [[startMs, replyMs|null]]} from
//     the content script (no answer): the response turns of the open conversation (the
//     Page's asset_id, the thread's 16-bit tag, numbers only: src/respond), merged by the
//     core (recordResponses, in the module loaded on request) into chrome.storage.local,
//     key `responses`, one request after another. A record the core cannot read (damaged,
//     or from a newer Reply Coach) is left as it is and nothing is written; that, and a
//     failed write, is a console warning and kept for the popup in
//     chrome.storage.session, key `responsesFault`.
//   {type: "responseReport", page: string} → {report, fault} or {error: message}: the
//     figures of Page `page` (every Page's for "") on today's local day, from the core
//     (responseReport: {today, week, days, slowestToday}), with the settings' business
//     hours (`businessHours`, src/respond/hours.rs) when set and readable; `fault` is the
//     last reason the record was not kept, if any.
//   {type: "responsesCsv"} → {csv, turns} or {error: message}: the record as CSV (the
//     settings page's export; src/respond/store.rs `to_csv`), in local time.
//
// No network, no eval: the only files fetched are the packaged .wasm modules, and the manifest's
// CSP allows nothing but 'wasm-unsafe-eval' to compile it.

import init, { composerSelector, lint, lintWithSettings, onPanic } from "./pkg/reply_coach.js";
import initOnRequest, { recordResponses, responseReport, responsesCsv } from "./pkg/reply_coach_repair.js";

// Started at once so the first request does not pay for compilation; a service worker
// module may not use top-level await, so requests wait on this promise instead.
const coreReady = init({ module_or_path: chrome.runtime.getURL("pkg/reply_coach_bg.wasm") });

// What the core's last panic broke. The worker's calls keep no state between them, so the
// next request runs as before; the one that panicked answers with this.
let lastPanic = "";
coreReady.then(() => onPanic((what) => (lastPanic = what))).catch(() => {});

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
  const { settings } = await chrome.storage.sync.get("settings").catch(() => ({}));
  const { voiceProfile } =
    settings?.voice === "custom" ? await chrome.storage.local.get("voiceProfile").catch(() => ({})) : {};
  return settings?.voice === "custom" ? { ...settings, voice: voiceProfile ?? "neutral" } : (settings ?? {});
}

/** The settings schema written here: SETTINGS_VERSION in src/context.rs. */
const SETTINGS_VERSION = 1;
/** One word of letters, as the settings page takes a first name (options.js). */
const isFirstName = (name) => typeof name === "string" && name.length <= 40 && /^\p{L}[\p{L}\p{M}'’-]*$/u.test(name);
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Saves `firstName` as the agent's first name in the stored settings, keeping the rest. */
async function useAgentName(firstName) {
  if (!isFirstName(firstName)) return { error: "not a first name" };
  try {
    const { settings } = await chrome.storage.sync.get("settings");
    const stored = isObject(settings) ? settings : {};
    if (Number.isSafeInteger(stored.version) && stored.version > SETTINGS_VERSION) {
      return { error: chrome.i18n.getMessage("agentNameNewer") };
    }
    await chrome.storage.sync.set({ settings: { ...stored, version: SETTINGS_VERSION, agentName: firstName } });
    return { ok: true };
  } catch (e) {
    return { error: messageOf(e) };
  }
}

// The session's name suggestion, changed one request after another so that a report and a
// dismissal arriving together cannot overwrite each other.
let suggesting = Promise.resolve();
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
    const { settings } = await chrome.storage.sync.get("settings").catch(() => ({}));
    const { responsesFault: fault } = await chrome.storage.session.get("responsesFault").catch(() => ({}));
    const now = Date.now();
    const offset = -new Date(now).getTimezoneOffset();
    const pageId = typeof page === "string" ? page : "";
    let report;
    try {
      report = responseReport(responses, pageId, now, offset, settings?.businessHours ?? null);
    } catch (e) {
      // Hours the core cannot read count all time rather than show nothing.
      if (settings?.businessHours === undefined) throw e;
      report = responseReport(responses, pageId, now, offset, null);
    }
    return { report, fault: typeof fault === "string" ? fault : undefined };
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

function messageOf(e) {
  return e instanceof Error ? e.message : String(e);
}

// Registered synchronously at the top level, as service workers require, so a message
// that wakes the worker is not missed.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
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
      if (sender.tab?.id !== undefined) showInboxStatus(sender.tab.id, message);
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

/** Count for a status field: a whole number, 0 or more; anything else counts as 0. */
const count = (value) => (Number.isSafeInteger(value) && value > 0 ? value : 0);

/**
 * The toolbar badge of the tab, and its status for the popup (kept for the session): the
 * number of threads in their last hour (red), or "?" (grey, the popup's explanation as
 * the icon's tooltip) when a part of the page was not recognised, so a page Meta changed
 * is seen without opening the popup.
 */
function showInboxStatus(tabId, message) {
  const health = isObject(message.health) && Array.isArray(message.health.parts) ? message.health : { parts: [] };
  const status = { rows: count(message.rows), lastHour: count(message.lastHour), health };
  const recognised = status.rows > 0 && !health.parts.some((part) => part?.status === "missing");
  const ignore = () => {}; // The tab may have closed meanwhile.
  chrome.action.setBadgeBackgroundColor({ tabId, color: recognised ? "#c5221f" : "#65676b" }).catch(ignore);
  const text = !recognised ? "?" : status.lastHour > 0 ? String(status.lastHour) : "";
  chrome.action.setBadgeText({ tabId, text }).catch(ignore);
  const title = chrome.i18n.getMessage(recognised ? "extName" : status.rows > 0 ? "popupPartsMissing" : "popupNotRecognised");
  chrome.action.setTitle({ tabId, title }).catch(ignore);
  chrome.storage.session.set({ [`inbox:${tabId}`]: status }).catch(ignore);
}

/** That the tab's core stopped, in what, and whether it restarted, for the popup. */
function keepStopped(tabId, message) {
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
function openTemplates(tab) {
  if (tab?.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: "openTemplates" }).catch(() => {});
}
chrome.commands?.onCommand.addListener((command, tab) => {
  if (command === "open-templates") openTemplates(tab);
});

// The same entry point the message listener uses, reachable from the service worker's
// DevTools console and from the end-to-end test (which cannot send itself a message).
globalThis.replyCoach = Object.freeze({ lint: lintRequest, openTemplates });

// First run: the sign-off checks need the agent's first name, so a fresh install opens the
// settings page, which asks for it. Not on updates, nor when browser sync already brought
// a name from another device.
chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason !== chrome.runtime.OnInstalledReason.INSTALL) {
    return;
  }
  const { settings } = await chrome.storage.sync.get("settings");
  if (!settings?.agentName) {
    await chrome.runtime.openOptionsPage();
  }
});
