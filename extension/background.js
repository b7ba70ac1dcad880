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
//   {type: "inbox", rows: number, lastHour: number} from the content script (no answer):
//     how many conversation rows it recognised and how many threads are in the last hour
//     of their reply window. The toolbar icon of that tab shows lastHour (none when 0), or
//     "?" when no row was recognised; the popup reads the status from
//     chrome.storage.session, key `inbox:<tabId>`.
//   {type: "stopped", what: string, restarting: boolean} from the content script (no
//     answer): its core panicked (src/wasm/panic.rs) in `what` ("rule tone-shout
//     (src/rules/tone_shout.rs:42)") and was restarted, or not after too many restarts;
//     kept for the popup under `stopped:<tabId>` until the tab loads another page.
//
// No network, no eval: the only file fetched is the packaged .wasm, and the manifest's
// CSP allows nothing but 'wasm-unsafe-eval' to compile it.

import init, { composerSelector, lint, lintWithSettings, onPanic } from "./pkg/reply_coach.js";

// Started at once so the first request does not pay for compilation; a service worker
// module may not use top-level await, so requests wait on this promise instead.
const coreReady = init({ module_or_path: chrome.runtime.getURL("pkg/reply_coach_bg.wasm") });

// What the core's last panic broke. The worker's calls keep no state between them, so the
// next request runs as before; the one that panicked answers with this.
let lastPanic = "";
coreReady.then(() => onPanic((what) => (lastPanic = what))).catch(() => {});

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
    default:
      return false; // Not ours: let other listeners answer.
  }
});

/** Count for a status field: a whole number, 0 or more; anything else counts as 0. */
const count = (value) => (Number.isSafeInteger(value) && value > 0 ? value : 0);

/**
 * The toolbar badge of the tab, and its status for the popup (kept for the session): the
 * number of threads in their last hour (red), or "?" (grey, the popup's explanation as
 * the icon's tooltip) when no conversation row was recognised, so a page Meta changed is
 * seen without opening the popup.
 */
function showInboxStatus(tabId, message) {
  const status = { rows: count(message.rows), lastHour: count(message.lastHour) };
  const recognised = status.rows > 0;
  const ignore = () => {}; // The tab may have closed meanwhile.
  chrome.action.setBadgeBackgroundColor({ tabId, color: recognised ? "#c5221f" : "#65676b" }).catch(ignore);
  const text = !recognised ? "?" : status.lastHour > 0 ? String(status.lastHour) : "";
  chrome.action.setBadgeText({ tabId, text }).catch(ignore);
  const title = chrome.i18n.getMessage(recognised ? "extName" : "popupNotRecognised");
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
