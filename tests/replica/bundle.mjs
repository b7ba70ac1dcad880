// Bundles the replica's script (src/main.js with the real Lexical from tests/node_modules)
// into one classic script, in memory: the harness serves it from static.xx.fbcdn.net, as
// Meta serves its own. A classic script, not a module, because a cross-origin module would
// need CORS headers Meta's static host does not need for its scripts. Lexical's development
// build: the same editor, with readable errors when a test breaks it.

import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("src/main.js", import.meta.url));

/** The bundled script's text. */
export async function bundleReplica() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    target: "chrome120",
    conditions: ["development"],
    define: { "process.env.NODE_ENV": '"development"' },
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
