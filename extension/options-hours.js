// @ts-check
// The settings page's business hours: a switch (off is `businessHours: null`, all time
// counts) and, when on, a row per weekday, Monday first, named in the page's language,
// each closed or open from one time to another (<input type=time>).
// The value is the core's (BusinessHours::from_json in src/respond/hours.rs): seven
// entries, each null or [open, close] in minutes after local midnight, a close before the
// open running past midnight, 1440 the midnight ending the day. A row that is not whole
// (a time missing, the two equal) or a week with no day open is shown with the reason and
// not written; options.js's save checks the rest with the core before storing.

import { $ } from "./page.js";
import { message as msg } from "./i18n.js";

/** What switching on offers first: Monday to Friday, 09:00 to 17:00. */
const FIRST_OFFER = [...Array(5).fill([540, 1020]), null, null];

/** "09:30" → 570; "00:00" as a closing time → 1440 (the day's end); undefined if unset. */
function minutesOf(text, closing) {
  const match = /^(\d\d):(\d\d)/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return closing && minutes === 0 ? 1440 : minutes;
}

/** 570 → "09:30"; 1440 → "00:00". */
const timeOf = (minutes) => {
  const within = minutes % 1440;
  return `${String(Math.floor(within / 60)).padStart(2, "0")}:${String(within % 60).padStart(2, "0")}`;
};

/** Monday to Sunday in the page's language. From _locales, not Intl: Chromium's ICU data
 * has no Armenian names and would show English ones. */
const weekdays = () => Array.from({ length: 7 }, (_, day) => msg(`hoursDay${day + 1}`));

/** One weekday's row: a group named by the day, its "Open" checkbox and two times. */
function dayRow(name, day) {
  const row = document.createElement("fieldset");
  row.className = "hours-day";
  row.dataset.day = String(day);
  const legend = Object.assign(document.createElement("legend"), { textContent: name });
  const control = (type, id, labelKey) => {
    const input = Object.assign(document.createElement("input"), { type, id: `hours-${day}-${id}` });
    const label = Object.assign(document.createElement("label"), { htmlFor: input.id, textContent: msg(labelKey) });
    return /** @type {const} */ ([input, label]);
  };
  const [open, openLabel] = control("checkbox", "open", "hoursOpen");
  const [from, fromLabel] = control("time", "from", "hoursFrom");
  const [to, toLabel] = control("time", "to", "hoursTo");
  from.step = to.step = "60";
  const error = Object.assign(document.createElement("p"), { id: `hours-${day}-error`, className: "error", textContent: msg("hoursError") });
  error.hidden = true;
  for (const input of [from, to]) input.setAttribute("aria-describedby", error.id);
  const times = document.createElement("span");
  times.className = "hours-times";
  times.append(fromLabel, from, toLabel, to);
  const closed = Object.assign(document.createElement("span"), { className: "hours-closed", textContent: msg("hoursClosed") });
  row.append(legend, open, openLabel, times, closed, error);
  return row;
}

const inputsOf = (day) => ["open", "from", "to"].map((id) => $(`hours-${day}-${id}`));

/** Shows each row's times or "Closed" as its checkbox says. */
function showOpen(day) {
  const [open] = inputsOf(day);
  const part = (/** @type {string} */ name) => /** @type {HTMLElement} */ (open.closest("fieldset")?.querySelector(name));
  part(".hours-times").hidden = !open.checked;
  part(".hours-closed").hidden = open.checked;
}

/** Shows `hours` (the stored value: null, or seven entries) in the form. */
export function showHours(hours) {
  const on = Array.isArray(hours);
  $("businessHours").checked = on;
  $("hoursDays").hidden = !on;
  $("hoursDays-error").hidden = true;
  const week = on ? hours : FIRST_OFFER;
  week.forEach((opening, day) => {
    const [open, from, to] = inputsOf(day);
    const shown = opening ?? FIRST_OFFER[day] ?? FIRST_OFFER[0];
    open.checked = opening !== null;
    from.value = timeOf(shown[0]);
    to.value = timeOf(shown[1]);
    from.removeAttribute("aria-invalid");
    to.removeAttribute("aria-invalid");
    $(`hours-${day}-error`).hidden = true;
    showOpen(day);
  });
}

/** The week as the form shows it, or undefined (with the reasons shown) when it is not
 * whole: a time missing or the two equal, or no day open. */
function read() {
  if (!$("businessHours").checked) return null;
  let whole = true;
  const week = Array.from({ length: 7 }, (_, day) => {
    const [open, from, to] = inputsOf(day);
    const opening = [minutesOf(from.value, false), minutesOf(to.value, true)];
    const refused = open.checked && (opening.includes(undefined) || opening[0] === opening[1]);
    for (const input of [from, to]) input.setAttribute("aria-invalid", String(refused));
    $(`hours-${day}-error`).hidden = !refused;
    whole &&= !refused;
    return open.checked ? opening : null;
  });
  const noneOpen = week.every((opening) => opening === null);
  $("hoursDays-error").hidden = !noneOpen;
  return whole && !noneOpen ? week : undefined;
}

/** Builds the rows and saves each change with `save(businessHours)`, once it is whole. */
export function startHours(save) {
  $("hoursDays").replaceChildren(...weekdays().map(dayRow));
  showHours(null);
  const changed = () => {
    const hours = read();
    if (hours !== undefined) save(hours);
  };
  $("businessHours").addEventListener("change", () => {
    $("hoursDays").hidden = !$("businessHours").checked;
    changed();
  });
  for (let day = 0; day < 7; day++) {
    const [open, from, to] = inputsOf(day);
    open.addEventListener("change", () => {
      showOpen(day);
      changed();
    });
    // A time is saved once it is whole and the field is left (or the picker chose it).
    for (const input of [from, to]) input.addEventListener("change", changed);
  }
}
