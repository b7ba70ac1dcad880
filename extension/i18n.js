// @ts-check
// The extension's UI texts (extension/_locales/<code>/messages.json) in the language the
// agent chose for Reply Coach (the settings' `uiLanguage`), which need not be the browser's
// nor the draft's: a Romanian agent may run an English Chromium. chrome.i18n.getMessage
// answers only in the browser's language, so the chosen file is read here and looked up
// the same way (named placeholders, `$1`… substitutions); `auto`, the default, is the
// language chrome.i18n picked among ours (its `uiLang` message), so no list of languages
// is kept here. A key the chosen file lacks falls back to chrome.i18n, then to the key
// itself, so a missing text shows up as a key rather than as nothing.
//
// Every page of the extension and the content script read their texts through `message`;
// the core's DOM layer (src/web/dom.rs) calls it as `globalThis.replyCoachMessage`.

/** @typedef {{message: string, placeholders?: Record<string, {content: string}>}} Entry */

/** @type {Record<string, Entry> | undefined} */
let chosen;
let chosenCode = "";

/**
 * The UI language `choice` stands for: a language code of ours, or `auto` (or anything
 * else) for the one the browser's language picked.
 *
 * @param {unknown} choice
 */
export function uiLanguageCode(choice) {
  return typeof choice === "string" && choice !== "auto" && /^[a-z]{2,3}$/.test(choice) ? choice : chrome.i18n.getMessage("uiLang");
}

/**
 * Reads the texts of the language the stored settings choose (`settings` when given, as
 * the content script has them, else chrome.storage.sync's) and uses them from now on;
 * returns its code. A file that cannot be read leaves the browser's language in use.
 *
 * @param {unknown} [settings]
 */
export async function useUiLanguage(settings) {
  if (settings === undefined) settings = await storedSettings();
  const choice = settings !== null && typeof settings === "object" ? /** @type {{uiLanguage?: unknown}} */ (settings).uiLanguage : undefined;
  const code = uiLanguageCode(choice);
  if (code === chosenCode) return code;
  try {
    const response = await fetch(chrome.runtime.getURL(`_locales/${code}/messages.json`));
    if (!response.ok) throw new Error(`_locales/${code}/messages.json: ${response.status}`);
    chosen = await response.json();
    chosenCode = code;
  } catch (error) {
    console.warn(`Reply Coach: the texts in ${code} could not be read, so the browser's language is used:`, String(error));
    chosen = undefined;
    chosenCode = chrome.i18n.getMessage("uiLang");
  }
  return chosenCode;
}

/**
 * The text `key` in the chosen UI language, its placeholders filled from `substitutions`
 * as chrome.i18n.getMessage fills them.
 *
 * @param {string} key
 * @param {string | string[]} [substitutions]
 */
export function message(key, substitutions) {
  const entry = chosen?.[key];
  if (entry === undefined) return chrome.i18n.getMessage(key, substitutions) || key;
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const contents = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  const substitute = (/** @type {string} */ text) => text.replace(/\$(\$|[1-9])/g, (_, which) => (which === "$" ? "$" : values[Number(which) - 1] ?? ""));
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$/g, (whole, name) =>
    name === undefined ? "$" : substitute(contents.get(name.toLowerCase()) ?? whole),
  );
}

/** Puts the chosen language on `document` (its `lang` and direction) and the text of each
 * `[data-i18n]` element. */
export function translateDocument() {
  document.documentElement.lang = message("uiLang");
  document.documentElement.dir = message("uiDir");
  for (const element of document.querySelectorAll("[data-i18n]")) {
    if (element instanceof HTMLElement && element.dataset.i18n) element.textContent = message(element.dataset.i18n);
  }
}

/** The settings in chrome.storage.sync, or nothing when the browser cannot read them (the
 * browser's language then applies). */
async function storedSettings() {
  try {
    return (await chrome.storage.sync.get("settings")).settings;
  } catch {
    return undefined;
  }
}

/** @type {{replyCoachMessage?: typeof message}} */ (globalThis).replyCoachMessage = message;
