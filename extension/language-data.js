// @ts-check
// The core's phrase data (src/lang/data/<name>.txt, a file per language and one shared)
// ship beside the Wasm as files of the extension (data/lang/), not inside it: they would
// be a sixth of the gzipped Wasm every inbox page downloads and compiles (docs/SIZE.md).
// Every page that runs the core hands them over once, after init and before its first
// lint; the core refuses to lint without them rather than quietly find less.

/**
 * Fetches each data file the core names and installs it; rejects naming the file that
 * could not be read or parsed.
 *
 * @param {{languageDataFiles: () => string[], installLanguageData: (name: string, text: string) => void}} core
 */
export async function installLanguageData(core) {
  const texts = await Promise.all(
    core.languageDataFiles().map(async (name) => {
      const response = await fetch(chrome.runtime.getURL(`data/lang/${name}.txt`));
      if (!response.ok) throw new Error(`data/lang/${name}.txt: ${response.status}`);
      return /** @type {const} */ ([name, await response.text()]);
    }),
  );
  for (const [name, text] of texts) core.installLanguageData(name, text);
}
