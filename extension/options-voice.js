// @ts-check
// The house voice on the settings page: the menu (the built-in profiles and "Custom…") and
// the editor of a team's own voice profile (docs/VOICE.md), with its import and export.
//
// Storage: the menu's choice is `voice` in the settings (chrome.storage.sync): "neutral",
// "formal", "friendly" or "custom". A team's document can outgrow sync's 8 KB per item, so
// it lives in chrome.storage.local under "voiceProfile", and "custom" stands for it:
// content.js and background.js put it in place, or neutral when none is stored (as on a
// device that synced "custom" but not the document, which this page then says). A document
// stored inline in `voice` (the older form) still applies, and shows here as custom.
//
// Only a document the core's checkVoice accepts (the check `reply-coach voice check`
// makes) is stored. The editor's text is the agent's: it is replaced only by their own
// "Start from", import or a change from another tab, and then only after asking when it
// holds unsaved edits. Profile text is shown with textContent only.

import { $ } from "./page.js";
import { message as msg } from "./i18n.js";
import { downloadJson, onFileChosen } from "./options-files.js";
import { builtInVoice, checkVoice, maxVoiceBytes } from "./pkg/reply_coach.js";

const KEY = "voiceProfile";
const CUSTOM = "custom";
// The built-in profiles (src/voice/profiles); "neutral" is the default.
const VOICES = ["neutral", "formal", "friendly"];
// The check runs once typing pauses: a profile's examples are linted on each check.
const CHECK_PAUSE_MS = 200;

const errorText = (e) => (e instanceof Error ? e.message : String(e));
const isDocument = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const sameDocument = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const pretty = (profileJson) => `${JSON.stringify(profileJson, null, 2)}\n`;
const kilobytes = (bytes) =>
  new Intl.NumberFormat(msg("uiLang"), { maximumFractionDigits: 1 }).format(bytes / 1024);
/** The problem of a profile over the core's limit, in kilobytes. */
const tooLarge = (bytes) => ({
  field: null,
  message: msg("voiceTooLarge", [kilobytes(bytes), kilobytes(maxVoiceBytes())]),
});

/** options.js's save(update) of the settings. */
let saveSettings;
/** `voice` as stored in the settings. */
let storedVoice;
/** The document in chrome.storage.local, or undefined. */
let profile;
/** Whether the core loaded: the editor needs it. */
let editorReady = false;
/** The editor's text as this page last put it there: anything else is the agent's edit. */
/** @type {string | null} */
let filledText = null;
/** The editor's document when it passes the core's check, else null. */
/** @type {{profile: unknown} | null} */
let valid = null;
let checkTimer;

/** The team's own profile in effect: the stored document, or one inline in the settings. */
const ownProfile = () => (isDocument(storedVoice) ? storedVoice : storedVoice === CUSTOM ? profile : undefined);
/** The saved document the editor and export start from, in use or not. */
const savedProfile = () => (isDocument(storedVoice) ? storedVoice : profile);
const edited = () => filledText !== null && $("voiceDocument").value !== filledText;

/** Fills the menus and binds the voice menu; `save` is options.js's save(update). */
export function setUpVoice(save) {
  saveSettings = save;
  for (const name of VOICES) {
    $("voice").add(new Option(msg(`voice_${name}`), name));
    $("voiceBase").add(new Option(msg(`voice_${name}`), name));
  }
  const custom = new Option(msg("voice_custom"), CUSTOM);
  custom.disabled = true; // Until the core, which checks profiles, has loaded.
  $("voice").add(custom);
  $("voice").addEventListener("change", chooseVoice);
}

/** Shows the stored `voice` (a built-in's name, "custom", a document, or undefined). */
export function showVoice(voice) {
  storedVoice = voice;
  $("voice").value = VOICES.includes(voice) ? voice : voice === undefined ? "neutral" : CUSTOM;
  if (VOICES.includes(voice)) $("voiceBase").value = voice;
  showEditor();
}

/** Sets up the editor once the core has loaded. */
export async function startVoiceEditor() {
  // Listening first, reading second: another tab may save while the read is on its way.
  let changes = 0;
  chrome.storage.onChanged.addListener((changed, area) => {
    if (area !== "local" || !(KEY in changed)) return;
    changes++;
    takeProfile(changed[KEY].newValue);
  });
  const seen = changes;
  const { [KEY]: stored } = await chrome.storage.local.get(KEY);
  if (seen === changes) profile = stored;
  editorReady = true;
  /** @type {HTMLOptionElement} */ ($("voice").querySelector(`option[value="${CUSTOM}"]`)).disabled = false;
  $("voiceDocument").addEventListener("input", () => {
    clearTimeout(checkTimer);
    $("voiceCheck").setAttribute("aria-busy", "true");
    checkTimer = setTimeout(check, CHECK_PAUSE_MS);
  });
  $("voiceStart").addEventListener("click", () => {
    if (confirmReplace()) fill(builtInVoice($("voiceBase").value) ?? "");
  });
  $("voiceSave").addEventListener("click", async () => {
    check(); // A pending check runs now: what is saved is what is shown.
    const text = $("voiceDocument").value;
    if (valid && (await store(valid.profile, msg("voiceSaved")))) filledText = text;
  });
  $("voiceExport").addEventListener("click", exportProfile);
  onFileChosen($("voiceImportButton"), $("voiceImport"), importFile);
  showEditor();
}

function chooseVoice() {
  const choice = $("voice").value;
  if (choice !== CUSTOM) {
    saveSettings((current) => ({ ...current, voice: choice }));
  } else if (profile !== undefined && !isDocument(storedVoice)) {
    // A profile saved before is taken up again at once.
    saveSettings((current) => ({ ...current, voice: CUSTOM }));
  }
  showEditor();
}

/** The editor open while the menu says "Custom…", filled the first time it opens; the note
 * under the menu when the custom choice is not (yet) a stored profile. */
function showEditor() {
  const open = editorReady && $("voice").value === CUSTOM;
  $("voiceEditor").hidden = !open;
  if (open && filledText === null) {
    fill(savedProfile() ? pretty(savedProfile()) : (builtInVoice($("voiceBase").value) ?? ""));
  }
  let note = "";
  if (editorReady && storedVoice === CUSTOM && profile === undefined) note = msg("voiceCustomMissing");
  else if (open && ownProfile() === undefined) note = msg("voiceCustomUnsaved");
  $("voice-note").textContent = note;
  $("voice-note").hidden = note === "";
  showButtons();
}

/** A document stored by another tab (or this one): shown unless the agent is editing. */
function takeProfile(stored) {
  profile = stored;
  if (filledText !== null && !edited() && stored !== undefined && !sameDocument(valid?.profile, stored)) {
    fill(pretty(stored));
  }
  showEditor();
}

/** Asks before replacing edits the agent has not saved. */
function confirmReplace() {
  return !edited() || window.confirm(msg("voiceReplaceConfirm"));
}

function fill(text) {
  $("voiceDocument").value = text;
  filledText = text;
  check();
}

/** Checks the editor's text: its size, JSON syntax, then the core; shows the outcome. */
function check() {
  clearTimeout(checkTimer);
  $("voiceCheck").setAttribute("aria-busy", "false");
  const { profile: checked, problems, examples } = verdict($("voiceDocument").value);
  valid = problems.length === 0 ? { profile: checked } : null;
  $("voiceDocument").setAttribute("aria-invalid", String(!valid));
  showProblems("voiceProblems", msg("voiceProblemsTitle"), problems);
  showExamples(examples);
  showButtons();
}

/** `{profile, problems, examples}` for a profile's text: the parsed document, and what
 * checkVoice says of it. */
function verdict(text) {
  const bytes = new Blob([text]).size;
  if (bytes > maxVoiceBytes()) return { problems: [tooLarge(bytes)] };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problems: [{ field: null, message: msg("voiceNotJson", [jsonError(e, text)]) }] };
  }
  return { profile: parsed, ...checkVoice(parsed) };
}

/** JSON.parse's message, with the line and column when it gives only the position. */
function jsonError(e, text) {
  const message = errorText(e);
  const position = /at position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1])).split("\n");
  return `${message} (line ${before.length} column ${before.at(-1).length + 1})`;
}

function showProblems(id, title, problems) {
  $(id).hidden = problems.length === 0;
  $(`${id}-title`).textContent = title;
  $(`${id}-list`).replaceChildren(
    ...problems.map(({ field, message }) => {
      const item = document.createElement("li");
      item.textContent = message;
      if (field) item.dataset.field = field;
      return item;
    }),
  );
}

/** The self-test: each example's draft, and what it expected and found when it failed. */
function showExamples(examples) {
  const passed = examples.filter((example) => example.passed).length;
  $("voiceExamplesSummary").textContent =
    examples.length === 0
      ? msg("voiceExamplesNone")
      : msg("voiceExamplesSummary", [String(passed), String(examples.length)]);
  $("voiceExamplesSummary").classList.toggle("failed", passed < examples.length);
  const ids = (list) => (list.length === 0 ? msg("voiceExampleNothing") : list.join(", "));
  $("voiceExamples").replaceChildren(
    ...examples.map((example) => {
      const item = document.createElement("li");
      item.className = example.passed ? "passed" : "error";
      item.dataset.passed = String(example.passed);
      const draft = document.createElement("q");
      draft.textContent = example.draft;
      const outcome = example.passed
        ? msg("voiceExamplePassed", [ids(example.expected)])
        : (example.error ?? msg("voiceExampleFailed", [ids(example.expected), ids(example.found)]));
      item.append(draft, ` ${outcome}`);
      return item;
    }),
  );
}

function showButtons() {
  $("voiceSave").disabled = !valid || sameDocument(valid.profile, ownProfile());
  $("voiceExport").disabled = savedProfile() === undefined;
}

function notice(text, isError = false) {
  $("voiceNotice").textContent = text;
  $("voiceNotice").classList.toggle("failed", isError);
}

/** Stores a checked document and makes it the house voice; the editor keeps its text. */
async function store(checked, saved) {
  notice("");
  try {
    await chrome.storage.local.set({ [KEY]: checked });
  } catch (e) {
    notice(msg("saveFailed", [errorText(e)]), true);
    return false;
  }
  profile = checked;
  storedVoice = CUSTOM; // Shown at once; the settings' own change follows.
  saveSettings((current) => ({ ...current, voice: CUSTOM }));
  showEditor();
  notice(saved);
  return true;
}

/** Imports a profile file, all or nothing: an invalid one stores nothing and changes no text. */
async function importFile(file) {
  notice("");
  const refused = (problems) => showProblems("voiceImportErrors", msg("voiceImportFailed", [file.name]), problems);
  // Checked before reading: a huge file is never read into the page.
  if (file.size > maxVoiceBytes()) {
    refused([tooLarge(file.size)]);
    return;
  }
  const { profile: imported, problems } = verdict(await file.text());
  if (problems.length > 0) {
    refused(problems);
    return;
  }
  refused([]);
  if (!confirmReplace()) return;
  if (await store(imported, msg("voiceImported", [file.name]))) fill(pretty(imported));
}

/** Downloads the saved profile, named from its `name`. */
function exportProfile() {
  const saved = savedProfile();
  if (saved === undefined) return;
  const stem = String(saved.name ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
  const name = `${stem || "voice-profile"}.json`;
  downloadJson(name, pretty(saved));
  notice(msg("voiceExported", [name]));
}
