// The replica's UI strings are data: one JSON file per layout and language in strings/
// (English, Romanian, Armenian, Hindi). English and Romanian are Meta's words as public
// captures show them (REAL-INBOX.md) or as src/page_profile/inbox.json reads them; the
// Armenian and Hindi ones, and any Romanian one no capture shows (the composers'
// placeholders, "Save", the automatic-answer line), are a guess at Meta's. The changed
// layout's files hold only what it says differently (the composer's labels, Send): the
// rest is the business layout's, as a redesign keeps most of a page's words.

import businessEn from "./strings/business/en.json";
import businessHi from "./strings/business/hi.json";
import businessHy from "./strings/business/hy.json";
import businessRo from "./strings/business/ro.json";
import changedEn from "./strings/changed/en.json";
import changedHi from "./strings/changed/hi.json";
import changedHy from "./strings/changed/hy.json";
import changedRo from "./strings/changed/ro.json";
import messengerEn from "./strings/messenger/en.json";
import messengerHi from "./strings/messenger/hi.json";
import messengerHy from "./strings/messenger/hy.json";
import messengerRo from "./strings/messenger/ro.json";

const STRINGS = {
  messenger: { en: messengerEn, ro: messengerRo, hy: messengerHy, hi: messengerHi },
  business: { en: businessEn, ro: businessRo, hy: businessHy, hi: businessHi },
  changed: {
    en: { ...businessEn, ...changedEn },
    ro: { ...businessRo, ...changedRo },
    hy: { ...businessHy, ...changedHy },
    hi: { ...businessHi, ...changedHi },
  },
};

export const LANGUAGES = ["en", "ro", "hy", "hi"];

/** The strings of `layout` in `lang`. */
export const stringsFor = (layout, lang) => STRINGS[layout][lang];

/** A string with its {placeholders} filled: fill("Sent by {name}", {name: "Maria"}). */
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
