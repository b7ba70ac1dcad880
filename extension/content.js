// @ts-check
// Reply Coach's content script, on the inbox pages only (see the manifest): loads the Rust
// core (WebAssembly) into the page and starts it; the core's DOM layer (src/web) does the
// rest. This file only wires the browser to it: the settings and templates from storage,
// the first names the agent dismissed when the card offered them (kept by background.js
// for the browser session), the page profile's override, the keyboard shortcut's and the
// popup's messages (teach this page, the layout report), and the fallback below.
//
// Storage faults: settings the core cannot use are read leniently (what it can use
// applies, the console says what not), and a change to something that is not settings at
// all (not an object) keeps the settings in use; a template library it cannot read (damaged, or
// from a newer version) is not used: the picker keeps the templates it has (at the start,
// the default pack) and says so in a line of its own.
//
// Reduced mode: Chromium compiles a content script's Wasm under the *page's* CSP, so on a
// page without 'wasm-unsafe-eval' the core cannot start here. Then the same core runs in
// the service worker (whose CSP allows it) and this script sends it the focused draft and
// lists what it finds, with a notice; underlines and one-click fixes need the core in the
// page and are off.
"use strict";

/** The UI texts in the agent's chosen language (i18n.js), for this script and the core. */
/** @type {typeof import("./i18n.js")} */
let i18n;

(async () => {
  i18n = await import(chrome.runtime.getURL("i18n.js"));
  let core;
  try {
    core = await loadCore(0);
  } catch (error) {
    startReducedMode(error);
    return;
  }
  let coach;
  let restarts = 0;
  const start = () => {
    core.onPanic(stopped);
    try {
      coach = new core.Coach();
    } catch (error) {
      // A panic here has already called `stopped`; anything else is a page we cannot use.
      if (!(error instanceof WebAssembly.RuntimeError)) console.error("Reply Coach could not start:", error);
    }
  };
  // Called by the core's panic hook while its instance traps: nothing may call into it
  // from here on, and the recovery waits for the trap to finish. Once per instance.
  let stopping = false;
  const stopped = (what) => {
    if (stopping) return;
    stopping = true;
    coach = undefined;
    const restarting = restarts < MAX_RESTARTS;
    setTimeout(async () => {
      removeUi();
      toBackground({ type: "stopped", what, restarting }).catch(() => {});
      if (!restarting) {
        console.error(`Reply Coach stopped for this page after ${MAX_RESTARTS} restarts; reload the page to start it again.`);
        return;
      }
      restarts++;
      try {
        core = await loadCore(restarts);
      } catch (error) {
        console.error("Reply Coach could not restart:", error);
        return;
      }
      stopping = false;
      start();
      started = false; // The fresh core has no last good library yet: the pack stands in.
      await Promise.all([applySettings(), applyTemplates(), applyDismissed(), applyProfile()]);
    }, 0);
  };
  start();
  // Listening first, reading second: a change made while the first read is on its way
  // must not be lost, nor overwritten by that read's older value (each source counts its
  // changes, and a read is applied only if none came after it started).
  const changes = { settings: 0, templates: 0, profile: 0 };
  // Until the first library is taken, the default pack stands in for one that cannot be read.
  let started = false;
  const applySettings = async () => {
    const seen = ++changes.settings;
    const settings = await storedSettings();
    const uiLanguage = await i18n.useUiLanguage(settings);
    if (seen !== changes.settings) return;
    core.setUiLanguage(uiLanguage);
    coach?.setSettings(settings);
  };
  const applyTemplates = async () => {
    const seen = ++changes.templates;
    const { templates, templateUsage } = await readStorage("local", ["templates", "templateUsage"]);
    const pack = templates === undefined || !started ? await defaultTemplates() : undefined;
    if (seen !== changes.templates || coach === undefined) return;
    coach.setTemplates(templates ?? pack, templateUsage ?? {}, pack);
    started = true;
  };
  // The page profile's override (taught on a page, or a team's file; src/page_profile/file.rs):
  // one the core cannot use is refused as a whole and the built-in profile stays in use.
  const applyProfile = async () => {
    const seen = ++changes.profile;
    const { profileOverride } = await readStorage("local", "profileOverride");
    if (seen !== changes.profile || coach === undefined) return;
    const errors = coach.setProfile(profileOverride);
    if (errors.length > 0) console.warn("Reply Coach: the stored page profile is not used:\n" + errors.join("\n"));
  };
  // The card does not offer a first name the agent dismissed in this browser session, and
  // offers none until it knows which (none are known when the worker cannot say).
  const applyDismissed = async () => {
    const answer = await toBackground({ type: "agentSuggestion" }).catch(() => undefined);
    coach?.setDismissedNames(Array.isArray(answer?.dismissed) ? answer.dismissed : []);
  };
  chrome.storage.onChanged.addListener((changed, area) => {
    if (area === "sync" && "settings" in changed) {
      const settings = changed.settings.newValue;
      if (settings === undefined || (settings !== null && typeof settings === "object" && !Array.isArray(settings))) {
        applySettings();
      } else {
        console.warn("Reply Coach: the stored settings are not settings, so the ones in use stay:", settings);
      }
    }
    // Read again rather than taken from the change: a custom voice is in the other area.
    if (area === "local" && "voiceProfile" in changed) applySettings();
    if (area === "local" && "templates" in changed) applyTemplates();
    if (area === "local" && "profileOverride" in changed) applyProfile();
  });
  // The repair tools (teach this page, the layout report): a module of their own, loaded
  // at the first request, so the inbox's start-up does not pay for them. The teach flow
  // previews its lesson through the coach, as a profile file; cancelled, the stored one
  // comes back.
  let repair;
  const repairTools = async () => {
    if (repair === undefined) {
      const module = await loadModule("reply_coach_repair", 0);
      repair = new module.Repair();
    }
    return repair;
  };
  const layoutReport = async () => {
    const { profileOverride } = await readStorage("local", "profileOverride");
    return { report: (await repairTools()).layoutReport(profileOverride) };
  };
  // From the popup (the health view's buttons) and the service worker (the shortcut).
  chrome.runtime.onMessage.addListener((/** @type {import("./protocol.js").ToContent} */ message, _sender, sendResponse) => {
    if (message?.type === "openTemplates") coach?.openTemplates();
    if (message?.type === "teach") {
      repairTools().then(
        (tools) => tools.teach((file) => (file === null ? applyProfile() : coach?.setProfile(file))),
        (error) => console.error("Reply Coach could not start teaching:", error),
      );
    }
    if (message?.type === "layoutReport") {
      layoutReport().then(sendResponse, (error) => sendResponse({ error: String(error) }));
      return true; // Answered asynchronously.
    }
    return false;
  });
  await Promise.all([applySettings(), applyTemplates(), applyDismissed(), applyProfile()]);
})();

/** A message to the service worker (the protocol: protocol.js).
 * @param {import("./protocol.js").ToBackground} message
 * @returns {Promise<any>} */
function toBackground(message) {
  return chrome.runtime.sendMessage(message);
}

// A panic in the core (src/wasm/panic.rs) stops its instance; a fresh copy of the module
// takes over, at most this many times on one page: a bug met on every keystroke must not
// restart forever.
const MAX_RESTARTS = 3;

/** A Wasm module of the extension's (pkg/<name>.js and its _bg.wasm: the core, or the
 * repair tools), instantiated; `restart` > 0 loads a fresh copy (a new URL is a new
 * module, with its own instance), beside a stopped one. */
/** The core (pkg/reply_coach), instantiated, with its language data (language-data.js),
 * speaking the UI language the settings choose (i18n.js). */
async function loadCore(restart) {
  const core = await loadModule("reply_coach", restart);
  const { installLanguageData } = await import(chrome.runtime.getURL("language-data.js"));
  await installLanguageData(core);
  core.setUiLanguage(await i18n.useUiLanguage(await storedSettings()));
  return core;
}

async function loadModule(name, restart) {
  const glue = chrome.runtime.getURL(`pkg/${name}.js`) + (restart > 0 ? `?restart=${restart}` : "");
  const module = await import(glue);
  await module.default({ module_or_path: chrome.runtime.getURL(`pkg/${name}_bg.wasm`) });
  return module;
}

/** Takes what a stopped core left on the page: its elements (the names src/web mounts)
 * and its underlines (src/web/underline.rs), so a new core starts clean and a core that
 * stays stopped leaves nothing that looks alive. */
function removeUi() {
  for (const element of document.querySelectorAll(
    "reply-coach-root, reply-coach-banner, reply-coach-panel, reply-coach-badge, reply-coach-wait, reply-coach-teach",
  )) {
    element.remove();
  }
  for (const severity of ["error", "warning", "info"]) globalThis.CSS?.highlights?.delete(`reply-coach-${severity}`);
}

/** The default pack shipped with the extension (src/template/pack/default.json), until the
 * agent saves a library of their own on the options page. */
async function defaultTemplates() {
  const response = await fetch(chrome.runtime.getURL("templates/default.json"));
  return response.json();
}

/** The agent's settings as the options page stores them ({} until they save any), with
 * `voice: "custom"` replaced by the team's profile from chrome.storage.local (too large for
 * sync), or neutral when none is stored there (docs/VOICE.md). */
async function storedSettings() {
  const { settings } = await readStorage("sync", "settings");
  if (settings?.voice !== "custom") return settings ?? {};
  const { voiceProfile } = await readStorage("local", "voiceProfile");
  return { ...settings, voice: voiceProfile ?? "neutral" };
}

/** `keys` of the storage `area`; when the browser cannot read it, nothing (so the defaults
 * apply), said on the console. */
async function readStorage(area, keys) {
  try {
    return await chrome.storage[area].get(keys);
  } catch (error) {
    console.warn(`Reply Coach: chrome.storage.${area} could not be read, so the defaults apply:`, String(error));
    return {};
  }
}

async function startReducedMode(reason) {
  console.info("Reply Coach: reduced mode, the page does not allow WebAssembly here:", String(reason));
  await i18n.useUiLanguage();
  const ask = toBackground;
  const { composerSelector } = await ask({ type: "profile" });
  const card = reducedCard();
  let timer;
  let linted;
  // While an input method composes a word nothing is linted (the composer's attribute is
  // not written under it); the word is linted once committed.
  let composing = false;

  const lintFocused = async () => {
    const composer = document.activeElement?.closest?.(composerSelector);
    if (!composer || composing) return;
    const draft = composer instanceof HTMLTextAreaElement ? composer.value : composer.innerText;
    if (linted?.composer === composer && linted.draft === draft) return;
    linted = { composer, draft };
    const result = await ask({ type: "lint", draft, context: {}, useStoredSettings: true });
    if (linted.draft !== draft) return; // A newer draft is on its way.
    const findings = result.findings ?? [];
    composer.setAttribute("data-rc-findings", String(findings.length));
    card.show(draft.trim() === "" ? [] : findings, result.error);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(lintFocused, 150);
  };
  document.addEventListener("input", later, true);
  document.addEventListener("focusin", later, true);
  document.addEventListener("compositionstart", () => (composing = true), true);
  document.addEventListener(
    "compositionend",
    () => {
      composing = false;
      later();
    },
    true,
  );
  later();
}

/** The reduced mode's card: the notice and the findings' messages, no fixes. */
function reducedCard() {
  const host = document.createElement("reply-coach-root");
  const root = host.attachShadow({ mode: "open" });
  const text = (tag, content, attributes = {}) => {
    const element = document.createElement(tag);
    element.textContent = content;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };
  const style = text("style", `
    section { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; width: 320px;
      max-height: 40vh; overflow: auto; padding: 8px 10px; border: 1px solid #c9ccd1;
      border-radius: 8px; background: #fff; color: #1c1e21; font: 13px/1.4 system-ui, sans-serif;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.15); }
    .mode { margin: 0 0 6px; padding: 4px 6px; border-radius: 4px; background: #fff4e5; }
    ol { margin: 0; padding-left: 18px; }`);
  const section = text("section", "", { "aria-label": i18n.message("cardTitle") });
  const mode = text("p", i18n.message("reducedMode"), {
    class: "mode",
    "data-rc-mode": "reduced",
    title: i18n.message("reducedModeDetail"),
  });
  const detail = text("p", i18n.message("reducedModeDetail"));
  const list = text("ol", "");
  section.append(mode, detail, list);
  root.append(style, section);
  document.documentElement.append(host);
  return {
    show(findings, error) {
      list.replaceChildren(
        ...findings.map((finding) => text("li", finding.message, { "data-rule": finding.rule, class: finding.severity })),
      );
      if (error) list.append(text("li", i18n.message("coreFailed", [error])));
    },
  };
}
