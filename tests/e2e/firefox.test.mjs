// The Firefox build (dist/firefox, from ./build.sh) checked by web-ext lint, the linter
// addons.mozilla.org runs on every upload: an error there is a rejected add-on.
// Warnings do not fail the test; they are printed so they stay visible.
//
//   node --test tests/e2e/firefox.test.mjs        (after ./build.sh)
//
// web-ext is a build tool of the extension (extension/package.json), not of the tests.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const sourceDir = fileURLToPath(new URL("../../dist/firefox", import.meta.url));
const webExtEntry = fileURLToPath(new URL("../../extension/node_modules/web-ext/index.js", import.meta.url));

/** One linter message on one line: code, place, message and its detail. */
const describeMessage = ({ code, file, line, message, description }) =>
  `${code} ${file ?? ""}${line ? `:${line}` : ""}: ${message}${description ? ` (${[description].flat().join(" ")})` : ""}`;

test("web-ext lint finds no errors in dist/firefox", async (t) => {
  assert.ok(existsSync(`${sourceDir}/manifest.json`), `no extension in ${sourceDir}: run ./build.sh first`);
  assert.ok(existsSync(webExtEntry), "web-ext is missing: run ./build.sh (it installs extension/node_modules)");
  const { default: webExt } = await import(pathToFileURL(webExtEntry));
  // output "none": the result comes back as an object instead of being printed.
  const result = await webExt.cmd.lint({ sourceDir, output: "none" }, { shouldExitProgram: false });

  for (const warning of result.warnings) t.diagnostic(`warning: ${describeMessage(warning)}`);
  for (const notice of result.notices) t.diagnostic(`notice: ${describeMessage(notice)}`);
  assert.deepEqual(result.errors.map(describeMessage), []);
});
