// @ts-check
// The popup's response figures: today's and the last 7 days' response rate and response
// time (the average of the fastest 90%, as Meta computes it) against the Very Responsive
// marks, 90% and 15 minutes (with a line saying so when business hours leave time out);
// an inline SVG chart of the response time per day, readable at
// 320 px; and today's slowest answered turns as times, no names. The service worker
// computes them from the stored record ({type: "responseReport"}, background.js) for the
// Page of the tab (its address's asset_id), or every Page's outside an inbox.
// Everything is built with textContent and createElementNS: no markup is parsed.

import { $ } from "./page.js";
import { message as msg } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const MINUTE = 60_000;
/** Meta's mark for the response time, drawn as the chart's dashed line. */
const TIME_MARK = 15 * MINUTE;

/** "12 min", "1 h 20 min" (rounded up to the minute: never faster than measured). */
export function duration(ms) {
  const minutes = Math.ceil(Math.max(0, ms) / MINUTE);
  if (minutes < 60) return msg("respondMinutes", [String(minutes)]);
  return msg("respondHours", [String(Math.floor(minutes / 60)), String(minutes % 60)]);
}

/** The Page of tab `id`, from its address; "" (every Page) when there is none. */
async function pageOf(id) {
  if (id === undefined) return "";
  const tab = await chrome.tabs.get(id).catch(() => undefined);
  try {
    return new URL(tab?.url ?? "").searchParams.get("asset_id") ?? "";
  } catch {
    return "";
  }
}

export async function showResponses(id) {
  const answer = await chrome.runtime.sendMessage({ type: "responseReport", page: await pageOf(id) }).catch(() => undefined);
  if (answer?.fault || answer?.error) {
    $("responsesFault").textContent = msg("respondFault", [String(answer.fault ?? answer.error)]);
    $("responsesFault").hidden = false;
    $("responses").hidden = false;
  }
  const report = answer?.report;
  if (!report || report.week.needed === 0) return;
  figures($("respondToday"), msg("respondToday"), report.today);
  figures($("respondWeek"), msg("respondWeek"), report.week);
  $("respondHours").hidden = answer.hours !== true;
  $("respondChart").replaceChildren(chart(report.days));
  slowest(report.slowestToday);
  $("responses").hidden = false;
}

/** A span's rate and time, each marked against its target. */
function figures(box, title, f) {
  box.dataset.needed = String(f.needed);
  box.dataset.answered = String(f.answered);
  box.dataset.timeMs = f.timeMs === null ? "" : String(f.timeMs);
  const heading = Object.assign(document.createElement("h3"), { textContent: title });
  if (f.needed === 0) {
    box.replaceChildren(heading, Object.assign(document.createElement("p"), { textContent: msg("respondNone") }));
    return;
  }
  // Rounded down, so 89.9% never reads as the 90% it misses.
  const rate = Math.floor((f.answered * 100) / f.needed);
  const line = (text, met, name) => {
    const p = Object.assign(document.createElement("p"), { textContent: `${text} · ${msg(met ? "respondMet" : "respondMissed")}` });
    p.dataset.figure = name;
    p.dataset.met = String(met);
    return p;
  };
  const time = f.timeMs === null ? msg("respondNoTime") : msg("respondTime", [duration(f.timeMs)]);
  box.replaceChildren(
    heading,
    line(msg("respondRate", [String(rate), String(f.answered), String(f.needed)]), f.rateMet, "rate"),
    line(time, f.timeMet, "time"),
  );
}

const svg = (name, attributes, text) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};

/** One bar per day (the response time, capped at 30 minutes so the 15-minute line sits
 * half way up, green within it), the line, and under each bar its weekday and response
 * rate; each day's exact figures in its <title>. */
function chart(days) {
  const [width, height, top, bottom] = [300, 130, 14, 34];
  const plot = height - top - bottom;
  const cap = 2 * TIME_MARK;
  const y = (ms) => top + plot - (Math.min(ms, cap) / cap) * plot;
  const slot = width / days.length;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": msg("respondChart") });
  root.classList.add("chart");
  days.forEach(({ day, figures: f }, i) => {
    const x = i * slot;
    // From _locales, not Intl: Chromium's ICU data has no Armenian names. Day 0 of the
    // epoch was a Thursday; the keys count from Monday.
    const weekday = msg(`weekdayShort${((day + 3) % 7) + 1}`);
    const group = svg("g", { "data-day": day });
    const rate = f.needed > 0 ? `${Math.floor((f.answered * 100) / f.needed)}%` : "–";
    const time = f.timeMs === null ? "–" : duration(f.timeMs);
    group.append(svg("title", {}, `${weekday}: ${rate}, ${time}`));
    if (f.timeMs !== null) {
      const barTop = y(f.timeMs);
      const bar = svg("rect", { x: x + slot * 0.2, y: barTop, width: slot * 0.6, height: Math.max(1, top + plot - barTop) });
      bar.classList.add(f.timeMet ? "met" : "missed");
      group.append(bar);
    }
    const label = (text, dy) => svg("text", { x: x + slot / 2, y: height - bottom + dy, "text-anchor": "middle" }, text);
    group.append(label(weekday, 14), label(rate, 28));
    root.append(group);
  });
  const mark = svg("line", { x1: 0, x2: width, y1: y(TIME_MARK), y2: y(TIME_MARK) });
  mark.classList.add("mark");
  root.append(mark);
  return root;
}

/** Today's slowest answered turns: when the customer wrote, and how long it took. */
function slowest(turns) {
  const box = $("respondSlowest");
  if (turns.length === 0) return box.replaceChildren();
  const lang = msg("uiLang");
  const items = turns.map(({ startMs, timeMs }) => {
    const start = new Date(startMs).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
    return Object.assign(document.createElement("li"), { textContent: msg("respondSlow", [start, duration(timeMs)]) });
  });
  const list = document.createElement("ul");
  list.append(...items);
  box.replaceChildren(Object.assign(document.createElement("h3"), { textContent: msg("respondSlowest") }), list);
}
