// Time labels as Business Suite writes them, in US English, Romanian, Armenian and Hindi:
// for the messenger layout the exact stamp Meta puts in tooltips and aria-labels, the short
// relative label of the conversation list, and the clock time under a message; for the
// business layout the list's coarse time (listStamp) and the date lines between messages
// (separatorLabel). The Armenian and Hindi forms are
// built by hand from CLDR's (as src/clock/data/{hy,hi}.txt describes them), not with
// toLocaleString, so a browser's ICU data cannot change them; Meta's exact Armenian and
// Hindi list labels are a guess: CLDR's narrow units without "ago" ("3 ժ", "5 ր"; "3 घंटे",
// "5 मिनट"), as its English list drops "ago".

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Genitive month names, as in an Armenian date ("21 նոյեմբերի"), and the weekdays from Sunday.
const HY_MONTHS = "հունվարի փետրվարի մարտի ապրիլի մայիսի հունիսի հուլիսի օգոստոսի սեպտեմբերի հոկտեմբերի նոյեմբերի դեկտեմբերի".split(" ");
const HY_WEEKDAYS = "կիրակի երկուշաբթի երեքշաբթի չորեքշաբթի հինգշաբթի ուրբաթ շաբաթ".split(" ");
const HI_MONTHS = "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्तूबर नवंबर दिसंबर".split(" ");
const HI_WEEKDAYS = "रविवार सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार".split(" ");

const pad = (n) => String(n).padStart(2, "0");

/** "Monday, November 21, 2026 at 2:32 PM"; in Romanian (lang "ro") "sâmbătă, 21 noiembrie
 * 2026 la 14:32"; in Armenian "շաբաթ, 21 նոյեմբերի 2026 թ., 14:32"; in Hindi "शनिवार,
 * 21 नवंबर 2026 को 2:32 pm". */
export function exactStamp(date, lang = "en") {
  const d = date.getDate();
  const y = date.getFullYear();
  if (lang === "hy") return `${HY_WEEKDAYS[date.getDay()]}, ${d} ${HY_MONTHS[date.getMonth()]} ${y} թ., ${clockLabel(date, lang)}`;
  if (lang === "hi") return `${HI_WEEKDAYS[date.getDay()]}, ${d} ${HI_MONTHS[date.getMonth()]} ${y} को ${clockLabel(date, lang)}`;
  if (lang === "ro") {
    const day = date.toLocaleDateString("ro-RO", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    return `${day} la ${clockLabel(date, lang)}`;
  }
  const day = date.toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });
  return `${day} at ${clockLabel(date)}`;
}

/** "2:32 PM"; in Romanian and Armenian "14:32"; in Hindi "2:32 pm". */
export function clockLabel(date, lang = "en") {
  if (lang === "hy") return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (lang === "hi") return `${date.getHours() % 12 || 12}:${pad(date.getMinutes())} ${date.getHours() < 12 ? "am" : "pm"}`;
  if (lang === "ro") return date.toLocaleTimeString("ro-RO", { hour: "2-digit", minute: "2-digit" });
  return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

/** Each language's relative labels: now, then minutes, hours, days and weeks ago. */
const RELATIVE = {
  en: ["now", (n) => `${n}m`, (n) => `${n}h`, (n) => `${n}d`, (n) => `${n}w`],
  ro: ["acum", (n) => `${n} min`, (n) => `${n} ${n === 1 ? "oră" : "ore"}`, (n) => `${n} z`, (n) => `${n} săpt.`],
  hy: ["հիմա", (n) => `${n} ր`, (n) => `${n} ժ`, (n) => `${n} օր`, (n) => `${n} շաբ`],
  hi: ["अभी", (n) => `${n} मिनट`, (n) => `${n} ${n === 1 ? "घंटा" : "घंटे"}`, (n) => `${n} दिन`, (n) => `${n} सप्ताह`],
};

/** "now", "5m", "3h", "1d", "1w": how long ago, floored, as the conversation list shows it;
 * in Romanian "acum", "5 min", "3 ore" ("1 oră"), "1 z", "1 săpt."; in Armenian "հիմա",
 * "5 ր", "3 ժ", "1 օր", "1 շաբ"; in Hindi "अभी", "5 मिनट", "3 घंटे" ("1 घंटा"), "1 दिन",
 * "1 सप्ताह". */
export function relativeLabel(date, now, lang = "en") {
  const ago = Math.max(0, now - date);
  const [justNow, minutes, hours, days, weeks] = RELATIVE[lang] ?? RELATIVE.en;
  if (ago < MINUTE) return justNow;
  if (ago < HOUR) return minutes(Math.floor(ago / MINUTE));
  if (ago < DAY) return hours(Math.floor(ago / HOUR));
  if (ago < 7 * DAY) return days(Math.floor(ago / DAY));
  return weeks(Math.floor(ago / (7 * DAY)));
}

/**
 * Business Suite's calendar words per language: weekdays from Sunday (long, short), short
 * months, "yesterday", and how a clock time and a short date are written. English and
 * Romanian as Meta writes them; the Armenian and Hindi ones are CLDR's abbreviated forms
 * (a guess at Meta's, as above).
 */
const CALENDAR = {
  en: {
    weekdays: "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" "),
    shortWeekdays: "Sun Mon Tue Wed Thu Fri Sat".split(" "),
    months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" "),
    yesterday: "Yesterday",
    clock: (h, m) => `${h % 12 || 12}:${pad(m)} ${h < 12 ? "AM" : "PM"}`,
    dayMonth: (d, month) => `${month} ${d}`,
    numericDate: (d, mo, y) => `${mo}/${d}/${String(y).slice(2)}`,
  },
  ro: {
    weekdays: "duminică luni marți miercuri joi vineri sâmbătă".split(" "),
    shortWeekdays: "dum. lun. mar. mie. joi vin. sâm.".split(" "),
    months: "ian. feb. mar. apr. mai iun. iul. aug. sept. oct. nov. dec.".split(" "),
    yesterday: "ieri",
    clock: (h, m) => `${pad(h)}:${pad(m)}`,
    dayMonth: (d, month) => `${d} ${month}`,
    numericDate: (d, mo, y) => `${pad(d)}.${pad(mo)}.${y}`,
  },
  hy: {
    weekdays: HY_WEEKDAYS,
    shortWeekdays: "կիր երկ երք չրք հնգ ուր շբթ".split(" "),
    months: "հնվ փտվ մրտ ապր մյս հնս հլս օգս սեպ հոկ նոյ դեկ".split(" "),
    yesterday: "երեկ",
    clock: (h, m) => `${pad(h)}:${pad(m)}`,
    dayMonth: (d, month) => `${d} ${month}`,
    numericDate: (d, mo, y) => `${pad(d)}.${pad(mo)}.${String(y).slice(2)}`,
  },
  hi: {
    weekdays: HI_WEEKDAYS,
    shortWeekdays: "रवि सोम मंगल बुध गुरु शुक्र शनि".split(" "),
    months: "जन॰ फ़र॰ मार्च अप्रैल मई जून जुल॰ अग॰ सित॰ अक्तू॰ नव॰ दिस॰".split(" "),
    yesterday: "कल",
    clock: (h, m) => `${h % 12 || 12}:${pad(m)} ${h < 12 ? "am" : "pm"}`,
    dayMonth: (d, month) => `${d} ${month}`,
    numericDate: (d, mo, y) => `${d}/${mo}/${String(y).slice(2)}`,
  },
};

/** Whole calendar days from `date` to `now` (0: the same day), in the page's time zone. */
function daysBefore(date, now) {
  const midnight = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((midnight(new Date(now)) - midnight(date)) / DAY);
}

/**
 * The coarse time of Business Suite's thread list, {full, short}: the full form is the
 * screen-reader text and the <abbr>'s title, the short one its text. Today a clock time
 * ("10:32 AM"), then "Yesterday", a weekday within the week (full "Sunday", short "Sun"),
 * a date beyond ("Feb 28"; "Feb 28, 2025" in another year). Romanian: "13:00", "ieri",
 * "duminică"/"dum.", "28 feb.".
 */
export function listStamp(date, now, lang = "en") {
  const c = CALENDAR[lang] ?? CALENDAR.en;
  const days = daysBefore(date, now);
  const same = (text) => ({ full: text, short: text });
  if (days <= 0) return same(c.clock(date.getHours(), date.getMinutes()));
  if (days === 1) return same(c.yesterday);
  if (days < 7) return { full: c.weekdays[date.getDay()], short: c.shortWeekdays[date.getDay()] };
  let text = c.dayMonth(date.getDate(), c.months[date.getMonth()]);
  if (date.getFullYear() !== new Date(now).getFullYear()) text += lang === "en" ? `, ${date.getFullYear()}` : ` ${date.getFullYear()}`;
  return same(text);
}

/**
 * The centred date line Business Suite puts above a group of messages: "1:00 PM" today,
 * "Sat 7:19 PM" within the week, "1/13/24, 8:22 AM" before; in Romanian "13:00",
 * "sâm. 19:19", "13.01.2024, 08:22".
 */
export function separatorLabel(date, now, lang = "en") {
  const c = CALENDAR[lang] ?? CALENDAR.en;
  const days = daysBefore(date, now);
  const clock = c.clock(date.getHours(), date.getMinutes());
  if (days <= 0) return clock;
  if (days < 7) return `${c.shortWeekdays[date.getDay()]} ${clock}`;
  return `${c.numericDate(date.getDate(), date.getMonth() + 1, date.getFullYear())}, ${clock}`;
}

/**
 * The list's time on the changed layout, coarser than Business Suite's: how long ago within
 * the day ("now", "5m", "3h"; relativeLabel's forms), then listStamp's short form
 * ("Yesterday", "Sun", "Feb 28").
 */
export function coarseLabel(date, now, lang = "en") {
  return now - date < DAY ? relativeLabel(date, now, lang) : listStamp(date, now, lang).short;
}

export { SECOND, MINUTE, HOUR, DAY };
