// @ts-check
// The core's data files ship beside the Wasm as files of the extension (data/), not
// inside it: the phrase data (data/lang/, from src/lang/data) would be a sixth of the
// gzipped Wasm every inbox page downloads and compiles (docs/SIZE.md), and the message
// catalogues (data/messages/, from src/catalogue/data) hold the texts of findings in each
// UI language. Every page that runs the core hands them over once, after init and before
// its first lint; the core refuses to lint without them rather than quietly find less.

/** The UI languages the core's catalogues are written in. */
const UI_LANGUAGES = ["en", "ro", "hy", "hi"];

/**
 * The browser's UI language as the extension's pages speak it: the code of the _locales
 * folder chrome.i18n picked for it (its `uiLang` message; en when the browser's language
 * has none), so the core's texts match the card's buttons. Not getUILanguage(): with
 * `--lang=ro` Chromium picks _locales/ro but still reports en-US there.
 *
 * @returns {string}
 */
export function browserUiLanguage() {
  const code = chrome.i18n.getMessage("uiLang");
  return UI_LANGUAGES.includes(code) ? code : "en";
}

/**
 * Fetches each data file the core names and installs it, then sets the core's UI
 * language to the browser's; rejects naming the file that could not be read or parsed.
 *
 * @param {{languageDataFiles: () => string[], installLanguageData: (name: string, text: string) => void, setUiLanguage: (code: string) => boolean}} core
 */
export async function installLanguageData(core) {
  const texts = await Promise.all(
    core.languageDataFiles().map(async (name) => {
      const response = await fetch(chrome.runtime.getURL(`data/${name}.txt`));
      if (!response.ok) throw new Error(`data/${name}.txt: ${response.status}`);
      return /** @type {const} */ ([name, await response.text()]);
    }),
  );
  for (const [name, text] of texts) core.installLanguageData(name, text);
  core.setUiLanguage(browserUiLanguage());
}
