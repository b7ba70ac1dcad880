// Time labels as Business Suite writes them, in US English: the exact stamp Meta puts in
// tooltips and aria-labels, the short relative label of the conversation list, and the
// clock time under a message.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Monday, November 21, 2026 at 2:32 PM"; in Romanian (lang "ro") "sâmbătă, 21 noiembrie
 * 2026 la 14:32". */
export function exactStamp(date, lang = "en") {
  if (lang === "ro") {
    const day = date.toLocaleDateString("ro-RO", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    return `${day} la ${clockLabel(date, lang)}`;
  }
  const day = date.toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });
  return `${day} at ${clockLabel(date)}`;
}

/** "2:32 PM"; in Romanian "14:32". */
export function clockLabel(date, lang = "en") {
  if (lang === "ro") return date.toLocaleTimeString("ro-RO", { hour: "2-digit", minute: "2-digit" });
  return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

/** "now", "5m", "3h", "1d", "1w": how long ago, floored, as the conversation list shows it;
 * in Romanian "acum", "5 min", "3 ore" ("1 oră"), "1 z", "1 săpt.". */
export function relativeLabel(date, now, lang = "en") {
  const ago = Math.max(0, now - date);
  const ro = lang === "ro";
  if (ago < MINUTE) return ro ? "acum" : "now";
  if (ago < HOUR) return ro ? `${Math.floor(ago / MINUTE)} min` : `${Math.floor(ago / MINUTE)}m`;
  if (ago < DAY) {
    const hours = Math.floor(ago / HOUR);
    return ro ? `${hours} ${hours === 1 ? "oră" : "ore"}` : `${hours}h`;
  }
  if (ago < 7 * DAY) return ro ? `${Math.floor(ago / DAY)} z` : `${Math.floor(ago / DAY)}d`;
  return ro ? `${Math.floor(ago / (7 * DAY))} săpt.` : `${Math.floor(ago / (7 * DAY))}w`;
}

export { MINUTE, HOUR, DAY };
