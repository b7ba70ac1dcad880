// ./build.sh demo: the built extension (dist/chrome) live on the replica inbox. The
// extension runs only at Business Suite's addresses, so Chromium is started with it loaded
// and the replica answers those addresses by interception (tests/e2e/harness.mjs); nothing
// else is reachable. With a display Chromium opens a window; without one it runs headless
// and a person watches and types through DevTools' remote debugging (chrome://inspect in a
// Chrome on this machine, or over an SSH tunnel to the port), and Enter here saves a
// screenshot. Ctrl+C ends it.
//
//   node tests/demo.mjs      (after ./build.sh; `./build.sh demo` does both)
//   RC_LAYOUT=business node tests/demo.mjs    the replica's business layout first (or changed)

import { mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { INBOX_ORIGINS, LAYOUT, launchWithExtension, openInbox, serveReplica, STRICT_PATH } from "./e2e/harness.mjs";

const DEBUGGING_PORT = Number(process.env.DEMO_DEBUGGING_PORT ?? 9222);
const headless = !process.env.DISPLAY;
const screenshotDir = fileURLToPath(new URL("../target/demo/", import.meta.url));

const { context, extensionId } = await launchWithExtension({
  headless,
  args: headless ? [`--remote-debugging-port=${DEBUGGING_PORT}`] : [],
});
await serveReplica(context);
const page = await openInbox(context);
// The persistent profile opens with a blank tab; the inbox is the one to look at.
for (const other of context.pages()) if (other !== page) await other.close();

const [business, www] = INBOX_ORIGINS;
console.log(`Reply Coach (extension ${extensionId}) is running on the replica inbox (${LAYOUT} layout). Addresses:
  ${business}/latest/inbox/all                          Messenger-style layout, Lexical composer
  ${business}/latest/inbox/all?composer=textarea        the same with a <textarea> composer
  ${business}/latest/inbox/all?selected_item_id=122107364918273   a public Facebook comment
  ${business}/latest/inbox/all?layout=business          Business Suite's layout (textarea composer,
                                                        a virtualised list: add &rows=500)
  ${business}/latest/inbox/all?layout=business&composer=lexical&lang=ro   in Romanian, Lexical composer
  ${business}/latest/inbox/all?layout=changed           the business layout with every hook the
                                                        built-in profile reads renamed
  ${business}${STRICT_PATH}                       a CSP that forbids WebAssembly
  ${www}/latest/inbox/all`);
if (headless) {
  console.log(`No display: Chromium runs headless. To watch and type, open chrome://inspect in a Chrome
on this machine (or tunnel port ${DEBUGGING_PORT}: ssh -L ${DEBUGGING_PORT}:127.0.0.1:${DEBUGGING_PORT} ...), add
localhost:${DEBUGGING_PORT} under "Configure...", and click "inspect" under the inbox.
Press Enter here to save a screenshot of the newest tab in target/demo/.`);
  let shots = 0;
  createInterface({ input: process.stdin }).on("line", async () => {
    const path = `${screenshotDir}inbox-${++shots}.png`;
    mkdirSync(screenshotDir, { recursive: true });
    await context.pages().at(-1).screenshot({ path });
    console.log(`Saved ${path}`);
  });
}
console.log("Ctrl+C to stop.");

context.on("close", () => process.exit(0));
process.on("SIGINT", () => context.close());
