// Time labels as Business Suite writes them, in US English: the exact stamp Meta puts in
// tooltips and aria-labels, the short relative label of the conversation list, and the
// clock time under a message.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Monday, November 21, 2026 at 2:32 PM" */
export function exactStamp(date) {
  const day = date.toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });
  return `${day} at ${clockLabel(date)}`;
}

/** "2:32 PM" */
export function clockLabel(date) {
  return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

/** "now", "5m", "3h", "1d", "1w": how long ago, floored, as the conversation list shows it. */
export function relativeLabel(date, now) {
  const ago = Math.max(0, now - date);
  if (ago < MINUTE) return "now";
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)}m`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)}h`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)}d`;
  return `${Math.floor(ago / (7 * DAY))}w`;
}

export { MINUTE, HOUR, DAY };
