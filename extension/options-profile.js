// @ts-check
// The settings page's "Inbox page profile" section: which profile the inbox tabs read the
// page with (the built-in one, one taught on a page, or a team's file), and the file
// moving it between people: export, import, reset to built-in.
//
// The override is chrome.storage.local `profileOverride`, a profile file
// (src/page_profile/README.md, "Profile files"); the content script of every inbox tab takes it
// from there. A file is checked by the core before it is stored, all or nothing: a
// damaged one, or one from a newer version, is refused with every reason (each names its
// key) and the profile in use is kept.

import { $ } from "./page.js";
import { message as msg } from "./i18n.js";
import { checkProfileFile } from "./pkg/reply_coach.js";
import { downloadJson, onFileChosen } from "./options-files.js";

const KEY = "profileOverride";
/** Larger than any real profile by far; a bigger file is not one. */
const MAX_FILE_BYTES = 256 * 1024;


/** Shows the section and keeps it current. */
export async function startProfile() {
  $("profileExport").addEventListener("click", exportProfile);
  $("profileReset").addEventListener("click", async () => {
    await chrome.storage.local.remove(KEY).catch((e) => notice(msg("saveFailed", [String(e)]), true));
    notice(msg("profileResetDone"));
  });
  onFileChosen($("profileImportButton"), $("profileImport"), importProfile);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && KEY in changes) showInUse(changes[KEY].newValue);
  });
  /** @type {{[KEY]?: unknown}} */
  const { [KEY]: stored } = await chrome.storage.local.get(KEY).catch(() => ({}));
  showInUse(stored);
}

/** What the tabs use: a file the core cannot read counts as none (they use the built-in). */
function showInUse(stored) {
  const file = stored === undefined ? undefined : checkProfileFile(JSON.stringify(stored));
  const usable = file?.errors.length === 0;
  let text;
  if (!usable) {
    text = msg("profileInUseBuiltin");
  } else if (file.name) {
    text = msg("profileInUseFile", [file.name, file.parts.join(", ")]);
  } else {
    text = msg("profileInUseTaught", [formatDate(file.saved), file.parts.join(", ")]);
  }
  $("profileInUse").textContent = text;
  $("profileInUse").dataset.profile = !usable ? "builtin" : file.name ? "file" : "taught";
  $("profileExport").disabled = !usable;
  $("profileReset").disabled = stored === undefined;
}

function formatDate(iso) {
  const date = new Date(iso ?? NaN);
  return Number.isNaN(date.getTime()) ? "?" : date.toLocaleString(msg("uiLang"));
}

async function exportProfile() {
  const { [KEY]: stored } = await chrome.storage.local.get(KEY);
  if (stored === undefined) return;
  downloadJson("reply-coach-profile.json", JSON.stringify(stored, null, 2));
}

/** Checks the chosen file with the core and stores it only when all of it can be used. */
async function importProfile(file) {
  $("profileImportErrors").hidden = true;
  if (file.size > MAX_FILE_BYTES) return refuse([msg("profileTooLarge")]);
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch (e) {
    return refuse([msg("profileNotJson", [e instanceof Error ? e.message : String(e)])]);
  }
  const checked = checkProfileFile(JSON.stringify(parsed));
  if (checked.errors.length > 0) return refuse(checked.errors);
  // A file without a name is known by its file's name.
  const named = parsed.name ? parsed : { ...parsed, name: file.name.replace(/\.json$/i, "") };
  try {
    await chrome.storage.local.set({ [KEY]: named });
  } catch (e) {
    return refuse([msg("saveFailed", [String(e)])]);
  }
  notice(msg("profileImported", [named.name]));
}

function refuse(errors) {
  $("profileImportErrors-title").textContent = msg("profileImportFailed");
  $("profileImportErrors-list").replaceChildren(
    ...errors.map((error) => Object.assign(document.createElement("li"), { textContent: error })),
  );
  $("profileImportErrors").hidden = false;
}

function notice(text, error = false) {
  $("profileNotice").textContent = text;
  $("profileNotice").classList.toggle("error", error);
}
