// @ts-check
// The templates section of the settings page: create, edit (the body linted as it is
// typed), duplicate, delete with undo, reorder, filter, import, export and restore.
//
// The library lives in chrome.storage.local under "templates" as the document of
// docs/TEMPLATES.md ({format, version, templates}); the content script reads it and,
// while it is absent, uses the default pack (templates/default.json). This page shows the
// pack until the first change, which stores the changed copy. Every write goes through
// change(): it reads what is stored, applies the change and writes only a library the
// core accepts (checkLibrary), so the picker never meets an invalid one. Template text
// is shown with textContent only: a body holding HTML stays the characters it is.
//
// Storage faults (docs/ARCHITECTURE.md, "Storage"): a stored library the core cannot read
// (damaged, or from a newer version) is listed with its problems and kept as it is; the
// page shows the default pack the inbox uses instead, and only export (a copy of what is
// stored), import and restore are offered. A write the browser refuses (the 10 MB quota)
// is reported naming the change; storage keeps what it had, the editor what was typed.

import { $ } from "./page.js";
import { message as msg } from "./i18n.js";
import { downloadJson, onFileChosen } from "./options-files.js";
import { checkLibrary, lint, maxLibraryBytes, settingsSchema } from "./pkg/reply_coach.js";

const KEY = "templates";
const FORMAT = "reply-coach-templates";
/** A template's languages: the core's, without `auto` (read once the core has loaded). */
const templateLanguages = () => settingsSchema().languages.filter((code) => code !== "auto");
const EXPORT_FILE = "reply-coach-templates.json";
/** How long "Undo" stays offered, unless the pointer or the focus is on it. */
const UNDO_MS = 8000;
/** The editor's fields, in the order their errors are gone through. */
const EDITOR_FIELDS = ["title", "language", "shortcut", "tags", "body", "id"];

const errorText = (e) => (e instanceof Error ? e.message : String(e));
/** The editor's input for a template field ("body" → #templateBody). */
/** The library's rows as listed now. */
const templateRows = () => /** @type {HTMLElement[]} */ ([...$("templateList").children]);
const fieldInput = (field) => $(`template${field[0].toUpperCase()}${field.slice(1)}`);

/** The default pack, fetched once. */
let pack;
/** The stored library, or undefined while the default pack is in use. */
let stored;
/** The core's problems with the stored library when it cannot be read, else null. */
/** @type {string[] | null} */
let unreadable = null;
/** The open editor: the id of the template it edits (null for a new one), whether the
 * agent typed the id (otherwise it follows the title), and the fields whose errors show
 * (those typed in, all after a save attempt). */
/** @type {{id: string | null, idTyped: boolean, touched: Set<string>} | null} */
let editing = null;
/** The notice's undo: {run, timer}, or null. */
/** @type {{run: () => unknown, timer: ReturnType<typeof setTimeout> | number} | null} */
let undo = null;

const library = () => (unreadable ? pack : (stored ?? pack));
/** The templates of a document, skipping what is not an object (a stored library may be damaged). */
const templatesOf = (document) =>
  Array.isArray(document?.templates) ? document.templates.filter((t) => t !== null && typeof t === "object") : [];
const text = (value) => (typeof value === "string" ? value : "");

/** A template with its fields in the document's order, `shortcut` only when it has one.
 * @param {{id: string, title: string, language: string, tags?: string[], shortcut?: string, body: string}} template */
function tidy({ id, title, language, tags = [], shortcut, body }) {
  return { id, title, language, tags, ...(shortcut ? { shortcut } : {}), body };
}

const tidyLibrary = (document) => ({ format: FORMAT, version: 1, templates: templatesOf(document).map(tidy) });

// ---- storage ----

let writing = Promise.resolve(true);

/** The core's problems with a stored library (`undefined`: none stored), or null. */
function problemsOf(library) {
  const problems = library === undefined ? [] : checkLibrary(library).problems;
  return problems.length > 0 ? problems : null;
}

/**
 * Stores `update(library)`, the library being what is stored or the pack: an object is
 * checked by the core and written, `null` removes the stored library (back to the pack),
 * `undefined` changes nothing. `what` names the change for a message. Writes run one
 * after another. Resolves to true once written.
 *
 * A stored library that cannot be read is only replaced as a whole (`whole`: import,
 * restore); undo puts it back as it was (`asItWas`, not checked).
 */
function change(update, what, { whole = false, asItWas = false } = {}) {
  writing = writing.then(async () => {
    try {
      const { [KEY]: now } = await chrome.storage.local.get(KEY);
      const damaged = whole ? null : problemsOf(now);
      if (damaged) {
        showErrors(msg("storageTemplatesUnreadableStored"), damaged);
        return false;
      }
      const next = update(structuredClone(now ?? pack));
      if (next === undefined) return false;
      if (next === null) {
        await chrome.storage.local.remove(KEY);
      } else {
        const { problems } = asItWas ? { problems: [] } : checkLibrary(next);
        if (problems.length > 0) {
          showErrors(msg("templatesNotSaved"), problems);
          return false;
        }
        await chrome.storage.local.set({ [KEY]: next });
      }
      stored = next ?? undefined;
      unreadable = asItWas ? problemsOf(stored) : null;
      render();
      return true;
    } catch (e) {
      // The browser refused the write (the quota): what is stored did not change, and the
      // list still shows it.
      showNotice(msg("storageTemplatesNotSaved", [what, errorText(e)]), null, true);
      return false;
    }
  });
  return writing;
}

// ---- notices and errors ----

function clearUndo() {
  clearTimeout(undo?.timer);
  undo = null;
  $("templateUndo").hidden = true;
}

/** Says `message` in the notice line, with an Undo button for `run` when given. A new notice
 * (any next action) ends the previous one's undo. */
/** @param {string} message @param {(() => unknown) | null} [run] */
function showNotice(message, run = null, isError = false) {
  clearUndo();
  $("templateNoticeText").textContent = message;
  $("templateNotice").classList.toggle("failed", isError);
  if (run) {
    undo = { run, timer: 0 };
    $("templateUndo").hidden = false;
    startUndoTimer();
  }
}

function startUndoTimer() {
  if (!undo) return;
  clearTimeout(undo.timer);
  undo.timer = setTimeout(clearUndo, UNDO_MS);
}

/** Lists `problems` (the core's, or plain lines) under `title`; the notice says nothing. */
function showErrors(title, problems) {
  $("templateImportErrors-title").textContent = title;
  $("templateImportErrors-list").replaceChildren(
    ...problems.map((problem) => {
      const item = document.createElement("li");
      item.textContent = typeof problem === "string" ? problem : problem.text;
      return item;
    }),
  );
  $("templateImportErrors").hidden = false;
}

const hideErrors = () => ($("templateImportErrors").hidden = true);

/** Every user action starts here: the last one's undo and errors end. */
function beginAction() {
  clearUndo();
  hideErrors();
  $("templateNoticeText").textContent = "";
}

// ---- the list ----

function matchesFilters(template) {
  const tag = $("templateTagFilter").value;
  const language = $("templateLanguageFilter").value;
  const tagged = !tag || (Array.isArray(template.tags) && template.tags.includes(tag));
  return tagged && (!language || template.language === language);
}

/** The tag menu: every tag of the library, keeping the choice while the tag exists. */
function fillTagFilter(templates) {
  const select = $("templateTagFilter");
  const chosen = select.value;
  const tagsOf = (t) => (Array.isArray(t.tags) ? t.tags.filter((tag) => typeof tag === "string") : []);
  const tags = [...new Set(templates.flatMap(tagsOf))];
  tags.sort(new Intl.Collator(msg("uiLang")).compare);
  select.replaceChildren(new Option(msg("templatesAllTags"), ""), ...tags.map((tag) => new Option(tag, tag)));
  select.value = tags.includes(chosen) ? chosen : "";
}

const ACTION_LABELS = {
  edit: "templateEdit",
  duplicate: "templateDuplicate",
  up: "templateMoveUp",
  down: "templateMoveDown",
  delete: "templateDelete",
};

/** A template's button; its accessible description is the template's title. */
function actionButton(action, describedBy, disabled = false) {
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.action = action;
  button.textContent = msg(ACTION_LABELS[action]);
  button.setAttribute("aria-describedby", describedBy);
  // The pack shown in place of a library that cannot be read is not edited.
  button.disabled = disabled || unreadable !== null;
  return button;
}

function templateRow(template, index, first, last) {
  const row = document.createElement("li");
  row.dataset.templateId = text(template.id);
  const head = document.createElement("div");
  head.className = "template-head";
  const title = document.createElement("span");
  title.className = "template-title";
  title.id = `template-${index}-title`;
  title.textContent = text(template.title);
  const language = document.createElement("span");
  language.className = "badge";
  const known = templateLanguages().includes(template.language);
  language.textContent = known ? msg(`language_${template.language}`) : text(template.language);
  head.append(title, language);
  if (template.shortcut) {
    const shortcut = document.createElement("code");
    shortcut.className = "shortcut";
    shortcut.textContent = text(template.shortcut);
    head.append(shortcut);
  }
  const body = document.createElement("p");
  body.className = "template-body";
  body.lang = text(template.language);
  body.textContent = text(template.body);
  const tags = document.createElement("p");
  tags.className = "template-tags";
  tags.textContent = Array.isArray(template.tags) ? template.tags.map(text).join(", ") : "";
  const actions = document.createElement("div");
  actions.className = "template-actions";
  actions.append(
    actionButton("edit", title.id),
    actionButton("duplicate", title.id),
    actionButton("up", title.id, first),
    actionButton("down", title.id, last),
    actionButton("delete", title.id),
  );
  row.append(head, body, tags, actions);
  return row;
}

/** Shows the library; the focus stays on the same button of the same template (or, when
 * that one is now disabled, the other move button), or goes to `focus`: [id, action]. */
function render(focus) {
  const active = /** @type {HTMLElement | null} */ (document.activeElement);
  const row = /** @type {HTMLElement | null | undefined} */ (active?.closest?.("#templateList li"));
  focus ??= row ? [row.dataset.templateId, active?.dataset.action] : undefined;

  const templates = templatesOf(library());
  fillTagFilter(templates);
  const shown = templates.map((template, index) => [template, index]).filter(([template]) => matchesFilters(template));
  $("templateList").replaceChildren(
    ...shown.map(([template, index], i) => templateRow(template, index, i === 0, i === shown.length - 1)),
  );
  $("templateCount").textContent =
    shown.length > 0
      ? msg("templatesCount", [String(shown.length), String(templates.length)])
      : msg("templatesNoMatch");
  const source = unreadable ? "storageTemplatesSourcePack" : stored === undefined ? "templatesSourcePack" : "templatesSourceStored";
  $("templates-source").textContent = msg(source);
  $("templateRestore").disabled = stored === undefined;
  $("templateNew").disabled = unreadable !== null;

  if (focus) {
    const [id, action] = focus;
    const item = templateRows().find((li) => li.dataset.templateId === id);
    const other = { up: "down", down: "up" }[action];
    const buttons = [action, other].map((a) => /** @type {HTMLButtonElement | null | undefined} */ (item?.querySelector(`[data-action="${a}"]`)));
    const button = buttons.find((b) => b && !b.disabled);
    button?.focus();
  }
}

// ---- actions on one template ----

const indexOf = (document, id) => templatesOf(document).findIndex((t) => t.id === id);
/** The title of template `id` as listed, to name it in a message. */
const titleOf = (id) => text(templatesOf(library()).find((t) => t.id === id)?.title);

/** An id not in `taken`: `stem.language`, then `stem-2.language`, … (ids are at most 64 characters). */
function freeId(stem, language, taken) {
  const base = (stem || "template").slice(0, 48).replace(/-+$/, "") || "template";
  for (let n = 1; ; n++) {
    const id = `${base}${n > 1 ? `-${n}` : ""}.${language}`;
    if (!taken.has(id)) return id;
  }
}

/** Lowercase ASCII letters, digits and dashes from a title ("Refund sent" → "refund-sent"). */
const slug = (title) =>
  title.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

async function remove(id) {
  let removed;
  const title = titleOf(id);
  const done = await change((document) => {
    const index = indexOf(document, id);
    if (index < 0) return undefined;
    removed = { template: document.templates[index], index };
    document.templates.splice(index, 1);
    return document;
  }, title);
  if (!done) return;
  // Undo puts it back where it was, into the library as it is then (another tab may have
  // changed it meanwhile).
  showNotice(msg("templateDeleted", [text(removed.template.title)]), async () => {
    if (await change((document) => {
      if (indexOf(document, removed.template.id) >= 0) return undefined;
      document.templates.splice(Math.min(removed.index, document.templates.length), 0, removed.template);
      return document;
    }, title)) {
      showNotice(msg("templatesUndone"));
      render([removed.template.id, "delete"]);
    }
  });
  $("templateUndo").focus();
}

async function move(id, step) {
  let position;
  let total;
  let title;
  const done = await change((document) => {
    const list = document.templates;
    const from = indexOf(document, id);
    if (from < 0) return undefined;
    // The neighbour in the filtered view: hidden templates keep their places.
    let to = from + step;
    while (to >= 0 && to < list.length && !matchesFilters(list[to])) to += step;
    if (to < 0 || to >= list.length) return undefined;
    const [template] = list.splice(from, 1);
    list.splice(to, 0, template);
    [position, total, title] = [to + 1, list.length, text(template.title)];
    return document;
  }, titleOf(id));
  if (done) showNotice(msg("templateMoved", [title, String(position), String(total)]));
}

async function duplicate(id) {
  let copy;
  const done = await change((document) => {
    const index = indexOf(document, id);
    if (index < 0) return undefined;
    const original = document.templates[index];
    const originalId = text(original.id);
    const suffix = `.${original.language}`;
    const stem = originalId.endsWith(suffix) ? originalId.slice(0, -suffix.length) : originalId;
    const taken = new Set(document.templates.map((t) => t.id));
    // Without the shortcut: the same one twice in a language is refused.
    copy = tidy({ ...original, id: freeId(stem, original.language, taken), shortcut: undefined });
    document.templates.splice(index + 1, 0, copy);
    return document;
  }, titleOf(id));
  if (!done) return;
  showNotice(msg("templateDuplicated", [text(copy.title)]));
  openEditor(copy);
}

// ---- the editor ----

function openEditor(template) {
  editing = { id: template?.id ?? null, idTyped: template !== null, touched: new Set() };
  $("templateEditor-heading").textContent = msg(template ? "templateEditorEdit" : "templateEditorNew");
  const filterLanguage = $("templateLanguageFilter").value;
  const language = template?.language ?? (filterLanguage || (templateLanguages().includes(msg("uiLang")) ? msg("uiLang") : "en"));
  $("templateTitle").value = text(template?.title);
  $("templateLanguage").value = language;
  $("templateShortcut").value = text(template?.shortcut);
  $("templateTags").value = Array.isArray(template?.tags) ? template.tags.join(", ") : "";
  $("templateBody").value = text(template?.body);
  $("templateId").value = text(template?.id);
  $("templateEditor").hidden = false;
  editorChanged();
  $("templateTitle").focus();
}

/** Closes the editor without saving; the focus goes back to the template's Edit button
 * (found again: the list may have been redrawn meanwhile), or to New. */
function closeEditor() {
  const id = editing?.id;
  editing = null;
  $("templateEditor").hidden = true;
  const row = templateRows().find((li) => li.dataset.templateId === id);
  (/** @type {HTMLButtonElement | null | undefined} */ (row?.querySelector('[data-action="edit"]')) ?? $("templateNew")).focus();
}

/** The template the editor's fields describe. */
function edited() {
  const tags = $("templateTags").value.split(",").map((tag) => tag.trim()).filter(Boolean);
  return tidy({
    id: $("templateId").value.trim(),
    title: $("templateTitle").value,
    language: $("templateLanguage").value,
    tags,
    shortcut: $("templateShortcut").value.trim(),
    body: $("templateBody").value,
  });
}

/** `document` with the edited template in place (or added at the end), and its index. */
function withEdited(document) {
  if (!editing) return -1;
  const index = editing.id === null ? -1 : indexOf(document, editing.id);
  const at = index < 0 ? document.templates.length : index;
  document.templates.splice(at, index < 0 ? 0 : 1, edited());
  return at;
}

/** The core's problems with the edited template, in the library it goes into. */
function editorProblems() {
  const document = structuredClone(library());
  const at = withEdited(document);
  return checkLibrary(document).problems.filter((problem) => problem.template === at);
}

/** Shows the problems of each field whose errors show. */
function showEditorProblems(problems) {
  for (const field of EDITOR_FIELDS) {
    const error = $(`${fieldInput(field).id}-error`);
    const messages = problems.filter((p) => p.field === field).map((p) => p.message);
    const shown = messages.length > 0 && editing !== null && editing.touched.has(field);
    error.textContent = shown ? messages.join(" · ") : "";
    error.hidden = !shown;
    fieldInput(field).setAttribute("aria-invalid", String(shown));
  }
}

/** What the body's check puts in place of the fields it does not depend on. */
const SAMPLE_NAMES = { id: "sample", title: "Sample", shortcut: undefined };

/** The body rendered with sample values for its language and linted, as it would be sent. */
function lintBody() {
  const template = edited();
  const findings = $("templateFindings");
  findings.replaceChildren();
  $("templatePreview").textContent = "";
  $("templatePreview").lang = template.language;
  if (template.body.trim() === "") {
    $("templateLintSummary").textContent = "";
    return;
  }
  // The body with the language and tags, alone in a library: the other fields, maybe half
  // typed, do not stop the check. Tags the core refuses are left out rather than stopping it.
  const sampled = (tags) =>
    checkLibrary({ format: FORMAT, version: 1, templates: [{ ...template, ...SAMPLE_NAMES, tags }] }, 0);
  let { problems, sample } = sampled(template.tags);
  if (!sample && problems.some((p) => p.field === "tags")) ({ problems, sample } = sampled([]));
  if (!sample) {
    // A body that does not parse has no rendering: the summary says why.
    $("templateLintSummary").textContent = problems[0]?.message ?? "";
    return;
  }
  const result = lint(sample.text, { ...sample.context, language: template.language });
  $("templatePreview").textContent = sample.text;
  $("templateLintSummary").textContent =
    result.findings.length === 0 ? msg("templateClean") : msg("templateFindings", [String(result.findings.length)]);
  for (const finding of result.findings) {
    const item = document.createElement("li");
    item.dataset.rule = finding.rule;
    item.className = finding.severity;
    const severity = msg(`severity${finding.severity[0].toUpperCase()}${finding.severity.slice(1)}`);
    const rule = msg(`rule_${finding.rule.replaceAll("-", "_")}_title`) || finding.rule;
    item.textContent = `${severity} · ${rule}: ${finding.message}`;
    findings.append(item);
  }
}

function editorChanged() {
  if (!editing) return;
  if (!editing.idTyped) {
    const taken = new Set(templatesOf(library()).map((t) => t.id));
    $("templateId").value = freeId(slug($("templateTitle").value), $("templateLanguage").value, taken);
  }
  showEditorProblems(editorProblems());
  lintBody();
}

async function saveEditor(event) {
  event.preventDefault();
  beginAction();
  if (!editing) return;
  const problems = editorProblems();
  for (const field of EDITOR_FIELDS) editing.touched.add(field);
  showEditorProblems(problems);
  if (problems.length > 0) {
    const first = EDITOR_FIELDS.find((field) => problems.some((p) => p.field === field));
    fieldInput(first ?? "title").focus();
    return;
  }
  const template = edited();
  const wasNew = editing.id === null;
  // Refused by the browser, the edit stays in the editor, to save again.
  const done = await change((document) => {
    withEdited(document);
    return document;
  }, template.title);
  if (!done) return;
  editing = null;
  $("templateEditor").hidden = true;
  if (!matchesFilters(template)) {
    $("templateTagFilter").value = "";
    $("templateLanguageFilter").value = "";
  }
  render([template.id, "edit"]);
  showNotice(msg(wasNew ? "templateCreated" : "templateSaved", [template.title]));
}

// ---- the whole library ----

const megabytes = (bytes) =>
  new Intl.NumberFormat(msg("uiLang"), { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));

async function importFile(file) {
  beginAction();
  const refused = (problems) => showErrors(msg("templatesImportFailed", [file.name]), problems);
  // Checked before reading: a huge file is never read into the page.
  if (file.size > maxLibraryBytes()) {
    refused([msg("templatesTooLarge", [megabytes(file.size), megabytes(maxLibraryBytes())])]);
    return;
  }
  let document;
  try {
    document = JSON.parse(await file.text());
  } catch (e) {
    refused([msg("templatesNotJson", [errorText(e)])]);
    return;
  }
  const { problems } = checkLibrary(document);
  if (problems.length > 0) {
    refused(problems);
    return;
  }
  const previous = stored ?? null;
  if (await change(() => tidyLibrary(document), file.name, { whole: true })) {
    const count = String(templatesOf(document).length);
    showNotice(msg("templatesImported", [count, file.name]), () => undoWhole(previous));
  }
}

/** Puts back a whole library (or the pack, for null) replaced by import or restore, as
 * it was, even one that could not be read. */
async function undoWhole(previous) {
  if (!(await change(() => previous, msg("templatesUndo"), { whole: true, asItWas: true }))) return;
  showNotice(msg("templatesUndone"));
  if (unreadable) showErrors(msg("storageTemplatesUnreadableStored"), unreadable);
}

/** Downloads the library; one that cannot be read, as stored (a copy to keep or repair). */
function exportLibrary() {
  beginAction();
  downloadJson(EXPORT_FILE, `${JSON.stringify(unreadable ? stored : tidyLibrary(library()), null, 2)}\n`);
  showNotice(msg("templatesExported", [EXPORT_FILE]));
}

async function restoreDefaults() {
  beginAction();
  const previous = stored ?? null;
  if (previous && (await change(() => null, msg("templatesRestore"), { whole: true }))) {
    showNotice(msg("templatesRestored"), () => undoWhole(previous));
    $("templateUndo").focus();
  }
}

// ---- wiring ----

function onListClick(event) {
  const button = event.target.closest("button[data-action]");
  const id = button?.closest("li")?.dataset.templateId;
  if (!button || id === undefined) return;
  beginAction();
  const template = templatesOf(library()).find((t) => t.id === id);
  if (!template) return;
  ({
    edit: () => openEditor(template),
    duplicate: () => duplicate(id),
    up: () => move(id, -1),
    down: () => move(id, 1),
    delete: () => remove(id),
  })[button.dataset.action]();
}

function translateSection() {
  $("templateLanguageFilter").add(new Option(msg("templatesAllLanguages"), ""));
  for (const code of templateLanguages()) {
    $("templateLanguageFilter").add(new Option(msg(`language_${code}`), code));
    $("templateLanguage").add(new Option(msg(`language_${code}`), code));
  }
}

/** Sets up the section once the core is loaded (its exports check and lint). */
export async function startTemplates() {
  translateSection();
  try {
    const response = await fetch("templates/default.json");
    pack = await response.json();
  } catch (e) {
    pack = { format: FORMAT, version: 1, templates: [] };
    showNotice(msg("templatesPackFailed", [errorText(e)]), null, true);
  }
  ({ [KEY]: stored } = await chrome.storage.local.get(KEY));
  unreadable = problemsOf(stored);
  render();
  if (unreadable) showErrors(msg("storageTemplatesUnreadableStored"), unreadable);

  $("templateList").addEventListener("click", onListClick);
  for (const filter of ["templateTagFilter", "templateLanguageFilter"]) {
    $(filter).addEventListener("change", () => render());
  }
  $("templateNew").addEventListener("click", () => {
    beginAction();
    openEditor(null);
  });
  $("templateEditor").addEventListener("submit", saveEditor);
  $("templateEditor").addEventListener("input", (event) => {
    const field = EDITOR_FIELDS.find((f) => fieldInput(f) === event.target);
    if (field) editing?.touched.add(field);
    if (field === "id" && editing) editing.idTyped = true;
    editorChanged();
  });
  $("templateCancel").addEventListener("click", closeEditor);
  $("templateUndo").addEventListener("click", () => {
    const run = undo?.run;
    clearUndo();
    run?.();
  });
  // The offer stays while the agent is on it.
  for (const [pause, resume] of [["mouseenter", "mouseleave"], ["focusin", "focusout"]]) {
    $("templateNotice").addEventListener(pause, () => clearTimeout(undo?.timer));
    $("templateNotice").addEventListener(resume, startUndoTimer);
  }
  $("templateExport").addEventListener("click", exportLibrary);
  onFileChosen($("templateImportButton"), $("templateImport"), importFile);
  $("templateRestore").addEventListener("click", restoreDefaults);
  // Another tab of this page, or an import there, changes the library too.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !(KEY in changes)) return;
    stored = changes[KEY].newValue;
    const wasUnreadable = unreadable !== null;
    unreadable = problemsOf(stored);
    render();
    if (unreadable) showErrors(msg("storageTemplatesUnreadableStored"), unreadable);
    else if (wasUnreadable) hideErrors();
    if (editing) editorChanged();
  });
}
