// @ts-check
// The core's data files ship beside the Wasm as files of the extension (data/), not
// inside it: the phrase data (data/lang/, from src/lang/data) would be a sixth of the
// gzipped Wasm every inbox page downloads and compiles (docs/SIZE.md), and the message
// catalogues (data/messages/, from src/catalogue/data) hold the texts of findings in each
// UI language. Every page that runs the core hands them over once, after init and before
// its first lint; the core refuses to lint without them rather than quietly find less.
// Which catalogue speaks is i18n.js's choice (the settings' uiLanguage), told to the core
// with setUiLanguage.

/**
 * Fetches each data file the core names and installs it; rejects naming the file that
 * could not be read or parsed.
 *
 * @param {{languageDataFiles: () => string[], installLanguageData: (name: string, text: string) => void}} core
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
}
