// @ts-check
// Reply Coach's settings page: a form bound to the "settings" key of chrome.storage.sync,
// the templates section (options-templates.js), the house voice (options-voice.js), the
// business hours (options-hours.js), the
// inbox page profile (options-profile.js) and the response figures' export
// (options-responses.js).
//
// The stored value is the contract with the content script:
//   {version, agentName, language, uiLanguage, previewBudget, maxWords, maxSentenceWords, disabledRules,
//    closingHours, lastHourHours, waitingAmberMinutes, waitingRedMinutes, toolbarCount,
//    businessHours, voice}
// with a missing field meaning its default (the core's: `schema` below). The two clock
// thresholds are hours since the customer's last message (above 0, under Meta's 24,
// closing not after the last hour), the two waiting marks whole minutes a customer's
// message has waited (1 to 1439, amber not after red), both read by
// StoredSettings::from_json in src/context.rs; `toolbarCount` ("lastHour" or "waiting") is
// background.js's; `businessHours` (null, or seven weekdays' hours) is options-hours.js's,
// read by the core for the response figures; `voice` is options-voice.js's. Each change is checked and saved at once;
// a value that fails the check is shown with the reason and never written, so what is
// stored is always valid and a typo cannot lose the previous value.
//
// While the first name is empty, the name an inbox tab saw on the team's messages ("Sent by
// Maria Popa": background.js keeps {sentBy, firstName, dismissed} in chrome.storage.session
// under agentSuggestion) is offered with one click ("Use Maria"); a dismissed name is not
// offered again in this browser session.
//
// Storage faults (docs/ARCHITECTURE.md, "Storage"): settings the core cannot use (damaged,
// or from a newer version) are reported and left as they are until the agent changes a
// setting, newer ones only after the agent chooses to; a write the browser refuses (the
// sync quota, its rate limit) is reported naming the change, which stays in the form,
// marked, and is written with the next save.

import { $ } from "./page.js";
import { message as msg, translateDocument, uiLanguageCode, useUiLanguage } from "./i18n.js";
import { installLanguageData } from "./language-data.js";
import init, * as core from "./pkg/reply_coach.js";
const { checkSettings, settingsSchema } = core;
import { showHours, startHours } from "./options-hours.js";
import { startProfile } from "./options-profile.js";
import { startResponses } from "./options-responses.js";
import { startTemplates } from "./options-templates.js";
import { setUpVoice, showVoice, startVoiceEditor } from "./options-voice.js";

const KEY = "settings";
/**
 * The settings as the core defines them (StoredSettings::schema_json in src/context.rs):
 * `version` (the schema this page writes), `defaults` (every field's), `limits` (word
 * limits, whole numbers from 1), `thresholds` (the clock's hours, above 0 and under 24),
 * `waiting` (the waiting marks, whole minutes), `toolbarCounts` (what the toolbar icon may
 * count), `languages` (the choices, `auto` first) and `ruleIds`. Set once the core has
 * loaded: the page declares none of it again, and does nothing without the core.
 */
let schema;
// One word of letters; hyphens and apostrophes for names such as Ana-Maria or O'Neil, and
// combining marks for Devanagari vowel signs.
const FIRST_NAME = /^\p{L}[\p{L}\p{M}'’-]*$/u;
// Typing saves after this pause rather than on every key: chrome.storage.sync allows
// about two writes a second.
const TYPING_PAUSE_MS = 400;

const isLimit = (value) => Number.isSafeInteger(value) && value >= 1;
const isHours = (value) => Number.isFinite(value) && value > 0 && value < 24;
const isMinutes = (value) => Number.isSafeInteger(value) && value >= 1 && value <= 1439;
/** Each pair of marks (amber first), its check, and how a typed value is read. */
const marks = () => [
  { keys: schema.thresholds, valid: isHours, pattern: /^[0-9]+(\.[0-9]+)?$/ },
  { keys: schema.waiting, valid: isMinutes, pattern: /^[0-9]+$/ },
];

/** The stored settings with every field present; a missing or malformed field takes its default. */
function normalise(stored) {
  const s = stored !== null && typeof stored === "object" ? stored : {};
  return {
    version: schema.version,
    agentName: typeof s.agentName === "string" ? s.agentName : schema.defaults.agentName,
    language: schema.languages.includes(s.language) ? s.language : schema.defaults.language,
    uiLanguage: schema.languages.includes(s.uiLanguage) ? s.uiLanguage : schema.defaults.uiLanguage,
    ...Object.fromEntries(schema.limits.map((key) => [key, isLimit(s[key]) ? s[key] : schema.defaults[key]])),
    // Ids this version does not know are kept: a newer version on a synced device may have them.
    disabledRules: Array.isArray(s.disabledRules)
      ? [...new Set(s.disabledRules.filter((id) => typeof id === "string"))]
      : [...schema.defaults.disabledRules],
    ...Object.assign({}, ...marks().map((marks) => ordered(s, marks))),
    toolbarCount: schema.toolbarCounts.includes(s.toolbarCount) ? s.toolbarCount : schema.defaults.toolbarCount,
    // The core judges the hours (all of their rules are its own): what it would skip is not kept.
    businessHours:
      s.businessHours != null && checkSettings({ businessHours: s.businessHours }).length === 0
        ? s.businessHours
        : schema.defaults.businessHours,
    // The house voice: a built-in profile's name, "custom" (the document in local storage),
    // or a document stored inline by an earlier version (docs/VOICE.md), kept as stored.
    ...(s.voice === undefined ? {} : { voice: s.voice }),
  };
}

/** A pair of marks of `s` (the clock's hours, the wait's minutes), each valid or its
 * default; when the amber one would come after the red one, both defaults (the content
 * script does the same). */
function ordered(s, { keys, valid }) {
  const [amber, red] = keys.map((key) => (valid(s[key]) ? s[key] : schema.defaults[key]));
  return Object.fromEntries(amber <= red ? [[keys[0], amber], [keys[1], red]] : keys.map((key) => [key, schema.defaults[key]]));
}

const parsers = {
  // Empty is allowed: it switches the sign-off checks off.
  agentName: (text) => (text.trim() === "" || FIRST_NAME.test(text.trim()) ? text.trim() : undefined),
  limit: (text) => (/^[0-9]+$/.test(text) && isLimit(Number(text)) ? Number(text) : undefined),
  // A mark of its pair, in order with the other one's value as shown (or its default).
  mark: ({ keys, valid, pattern }, key) => (text) => {
    const value = pattern.test(text) ? Number(text) : NaN;
    if (!valid(value)) return undefined;
    const otherKey = keys.find((other) => other !== key);
    const otherText = $(otherKey).value;
    const other = valid(Number(otherText)) && otherText !== "" ? Number(otherText) : schema.defaults[otherKey];
    const [amber, red] = key === keys[0] ? [value, other] : [other, value];
    return amber <= red ? value : undefined;
  },
};

function showStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("failed", isError);
}

// Saves run one after another, each reading what is stored first, so two quick changes
// (or another tab's) cannot overwrite each other's fields.
let saving = Promise.resolve();
/** Changes not stored yet, by the id of the control they came from, in order: {control,
 * update}. A change leaves once written; one the browser refused stays, marked, and is
 * written with the next save. */
const unsaved = new Map();
/** Set while the stored settings come from a newer version and the agent has not chosen
 * to change them with this one: nothing is written. */
let newerStored = false;

/** What a control changes, as the agent reads it: its label, or its own text (a button). */
const labelOf = (control) => (control.labels?.[0] ?? control).textContent.trim();

/** Stores `update(current settings)`, the change made with `control`, and reports the
 * outcome in the status line. */
function save(control, update) {
  showStatus(""); // Cleared first, so the next "Saved" is announced again.
  if (newerStored) return;
  unsaved.delete(control.id); // A new change to the same control replaces a refused one.
  unsaved.set(control.id, { control, update });
  saving = saving.then(async () => {
    if (!unsaved.has(control.id)) return; // Written by the save before this one.
    const pending = [...unsaved.values()];
    try {
      const { [KEY]: stored } = await chrome.storage.sync.get(KEY);
      const next = pending.reduce((settings, { update }) => normalise(update(settings)), normalise(stored));
      await chrome.storage.sync.set({ [KEY]: next });
    } catch (e) {
      for (const { control } of pending) control.dataset.unsaved = "true";
      const what = pending.map(({ control }) => labelOf(control)).join(", ");
      showStatus(msg("storageSettingsNotSaved", [what, e instanceof Error ? e.message : String(e)]), true);
      return;
    }
    for (const change of pending) {
      delete change.control.dataset.unsaved;
      // Only what was written leaves: a change made meanwhile waits for its own save.
      if (unsaved.get(change.control.id) === change) unsaved.delete(change.control.id);
    }
    showStatus(msg("statusSaved"));
  });
}

const saveField = (key, value) => save($(key), (current) => ({ ...current, [key]: value }));

function showError(input, refused) {
  input.setAttribute("aria-invalid", String(refused));
  $(`${input.id}-error`).hidden = !refused;
}

/** Saves a typed field once typing pauses or the field is left; a refused value is only shown. */
function bindTyped(input, parse) {
  let timer;
  let pending;
  const flush = () => {
    clearTimeout(timer);
    if (pending !== undefined) saveField(input.id, pending);
    pending = undefined;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    showStatus(""); // "Saved" would be untrue while an edit is pending or refused.
    pending = parse(input.value);
    showError(input, pending === undefined);
    if (pending !== undefined) timer = setTimeout(flush, TYPING_PAUSE_MS);
  });
  input.addEventListener("change", flush);
}

function ruleRow(id) {
  const key = `rule_${id.replaceAll("-", "_")}`;
  const row = document.createElement("li");
  const input = document.createElement("input");
  input.type = "checkbox";
  input.setAttribute("role", "switch");
  input.id = `rule-${id}`;
  input.dataset.rule = id;
  const label = document.createElement("label");
  label.htmlFor = input.id;
  label.textContent = msg(`${key}_title`);
  const description = document.createElement("p");
  description.id = `${input.id}-description`;
  description.className = "help";
  description.textContent = msg(`${key}_description`);
  input.setAttribute("aria-describedby", description.id);
  input.addEventListener("change", () => {
    const on = input.checked; // Read now: the save may wait behind another.
    save(input, (current) => ({
      ...current,
      disabledRules: on ? current.disabledRules.filter((other) => other !== id) : [...current.disabledRules, id],
    }));
  });
  row.append(input, label, description);
  return row;
}

/** The form's fields, as the settings name them. */
const formFields = () => ["agentName", "language", "uiLanguage", ...schema.limits, ...schema.thresholds, ...schema.waiting, "toolbarCount"];
/** Fields chosen from a list: no error to show. */
const CHOSEN = ["language", "uiLanguage", "toolbarCount"];

/** Shows `keys` of `settings` in the form, leaving alone the field being edited and the
 * changes not saved yet. */
function fill(settings, keys = [...formFields(), "voice", "disabledRules", "businessHours"]) {
  const kept = (input) => input === document.activeElement || unsaved.has(input.id);
  for (const key of formFields().filter((key) => keys.includes(key))) {
    const input = $(key);
    if (!kept(input)) {
      input.value = String(settings[key]);
      if (!CHOSEN.includes(key)) showError(input, false);
    }
  }
  if (keys.includes("voice")) showVoice(settings.voice);
  if (keys.includes("businessHours") && !$("hours").contains(document.activeElement) && !unsaved.has("businessHours")) {
    showHours(settings.businessHours);
  }
  if (keys.includes("disabledRules")) {
    const switches = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll("[data-rule]")]);
    for (const input of switches.filter((input) => !kept(input))) {
      input.checked = !settings.disabledRules.includes(input.dataset.rule);
    }
  }
}

/** Whether `stored` settings come from a newer version than this page writes. */
const isNewer = (stored) => Number.isSafeInteger(stored?.version) && stored.version > schema.version;

/**
 * Says what is wrong with `stored`, the settings as stored, if anything; the form shows
 * what the inbox uses (the default for a value it cannot use), and storage keeps them as
 * they are until the agent changes a setting. Settings from a newer version are not
 * changed at all until the agent chooses to (`chosen`).
 */
function reportStored(stored, chosen = false) {
  newerStored = isNewer(stored) && !chosen;
  $("settings").inert = newerStored;
  $("storageEdit").hidden = !newerStored;
  if (newerStored) {
    showStatus(msg("storageSettingsNewer", [String(stored.version)]), true);
    return;
  }
  const problems = checkSettings(stored);
  if (problems.length > 0) showStatus(msg("storageSettingsProblems", [problems.join("; ")]), true);
}

/** The button that lets the agent change settings a newer version stored. */
function editButton() {
  const button = document.createElement("button");
  button.type = "button";
  button.id = "storageEdit";
  button.textContent = msg("storageSettingsEdit");
  button.hidden = true;
  $("status").after(button);
  return button;
}

/** What an inbox tab saw ({sentBy, firstName, dismissed}: background.js, in
 * chrome.storage.session), as last read; `seenChanged` once a change was heard. */
let seen;
let seenChanged = false;

/** Offers the first name the inbox saw, while the name field is empty and the agent has
 * not dismissed it; hides the offer otherwise. Names are set as text only. */
function showSuggestion() {
  const firstName = typeof seen?.firstName === "string" && FIRST_NAME.test(seen.firstName) ? seen.firstName : "";
  const dismissed = Array.isArray(seen?.dismissed) && seen.dismissed.includes(firstName);
  const offered = firstName !== "" && typeof seen.sentBy === "string" && !dismissed && !newerStored;
  const show = offered && $("agentName").value.trim() === "";
  $("agentNameSuggestion").hidden = !show;
  if (!show) return;
  $("agentNameUse").textContent = msg("agentNameUse", [firstName]);
  $("agentNameUse").dataset.name = firstName;
  $("agentNameSeen").textContent = msg("agentNameSeen", [seen.sentBy]);
}

/** The suggestion as stored now (none when session storage cannot be read). */
const storedSuggestion = () =>
  chrome.storage.session.get("agentSuggestion").then(
    ({ agentSuggestion }) => agentSuggestion,
    () => undefined,
  );

function bindSuggestion() {
  $("agentNameUse").addEventListener("click", () => {
    // As if typed and confirmed: the field's own path checks and saves it at once, in
    // place of an edit still waiting for its typing pause.
    $("agentName").value = $("agentNameUse").dataset.name ?? "";
    $("agentName").dispatchEvent(new Event("input"));
    $("agentName").dispatchEvent(new Event("change"));
    $("agentName").focus();
  });
  $("agentNameDismiss").addEventListener("click", () => {
    const firstName = $("agentNameUse").dataset.name;
    seen = { ...seen, dismissed: [...(Array.isArray(seen?.dismissed) ? seen.dismissed : []), firstName] };
    showSuggestion();
    chrome.runtime.sendMessage({ type: "dismissAgentName", firstName }).catch(() => {});
    $("agentName").focus();
  });
  $("agentName").addEventListener("input", showSuggestion);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "session" || !("agentSuggestion" in changes)) return;
    seen = changes.agentSuggestion.newValue;
    seenChanged = true;
    showSuggestion();
  });
}

/** What the form takes from the core's schema: each limit's and mark's default, the
 * languages, the toolbar's counts. */
function showSchema() {
  for (const key of [...schema.limits, ...schema.thresholds, ...schema.waiting]) {
    $(`${key}-help`).append(" ", msg("limitDefault", [String(schema.defaults[key])]));
  }
  for (const code of schema.languages) {
    $("language").add(new Option(msg(`language_${code}`), code));
    // Each language also by its own name, for an agent who cannot read the one shown.
    const own = code === "auto" ? "" : ` · ${msg(`language_${code}_own`)}`;
    $("uiLanguage").add(new Option(msg(`language_${code}`) + own, code));
  }
  for (const count of schema.toolbarCounts) {
    $("toolbarCount").add(new Option(msg(`toolbarCount_${count}`), count));
  }
}

/** Lets the agent in: until now the page was inert (options.html), as its controls were
 * not bound yet and what was typed into them would have been lost. */
function ready() {
  const page = /** @type {HTMLElement} */ (document.querySelector("main"));
  page.inert = false;
  page.setAttribute("aria-busy", "false");
}

async function main() {
  const shownIn = await useUiLanguage();
  translateDocument();
  const reading = Promise.all([chrome.storage.sync.get(KEY), storedSuggestion()]);
  try {
    await init({ module_or_path: "pkg/reply_coach_bg.wasm" });
    await installLanguageData(core);
    core.setUiLanguage(shownIn);
  } catch (e) {
    // Without the core the page knows neither the settings' defaults nor how to check
    // them: it says so and changes nothing.
    showStatus(msg("coreFailed", [e instanceof Error ? e.message : String(e)]), true);
    $("settings").inert = true;
    $("templates").hidden = true;
    $("profile").hidden = true;
    ready();
    return;
  }
  schema = settingsSchema();
  showSchema();
  bindTyped($("agentName"), parsers.agentName);
  bindSuggestion();
  for (const key of schema.limits) bindTyped($(key), parsers.limit);
  for (const pair of marks()) for (const key of pair.keys) bindTyped($(key), parsers.mark(pair, key));
  for (const key of CHOSEN) $(key).addEventListener("change", () => saveField(key, $(key).value));
  setUpVoice((update) => save($("voice"), update));
  startHours((hours) => save($("businessHours"), (current) => ({ ...current, businessHours: hours })));
  startResponses();
  $("resetLimits").addEventListener("click", () => {
    const defaults = Object.fromEntries(schema.limits.map((key) => [key, schema.defaults[key]]));
    for (const key of schema.limits) {
      $(key).value = String(schema.defaults[key]);
      showError($(key), false);
    }
    save($("resetLimits"), (current) => ({ ...current, ...defaults }));
  });

  const [{ [KEY]: stored }, suggestion] = await reading;
  if (!seenChanged) seen = suggestion; // A change heard meanwhile is newer than this read.
  // The rule list comes from the core itself, so the page never offers a rule it lacks.
  $("rules").replaceChildren(...schema.ruleIds.map(ruleRow));
  startTemplates();
  startVoiceEditor();
  startProfile();
  const settings = normalise(stored);
  fill(settings);
  let chosen = false;
  editButton().addEventListener("click", () => {
    chosen = true;
    reportStored(stored, chosen);
    showStatus("");
    showSuggestion();
    $("agentName").focus();
  });
  reportStored(stored);
  ready();
  // Other tabs and synced devices change the settings too: show the fields they changed
  // (only those, so a refused value being corrected here stays in view).
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "sync" || !(KEY in changes)) return;
    const before = normalise(changes[KEY].oldValue);
    const after = normalise(changes[KEY].newValue);
    // Another UI language: every text of the page is read again in it.
    if (uiLanguageCode(after.uiLanguage) !== shownIn) location.reload();
    fill(after, Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])));
    // A newer version on a synced device: from now on this page leaves them alone too.
    if (isNewer(changes[KEY].newValue) && !chosen) reportStored(changes[KEY].newValue);
    showSuggestion();
  });
  showSuggestion();
  // The sign-off checks need the name: without one the page opens by asking for it, and
  // points to the house voice next to it.
  if (settings.agentName === "") {
    $("welcome").hidden = false;
    $("welcomeVoice").hidden = false;
    $("agentName").focus();
  }
}

main();
