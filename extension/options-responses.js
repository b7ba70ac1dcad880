// @ts-check
// The settings page's export of the response figures: the record the service worker keeps
// (chrome.storage.local `responses`, numbers only) as a CSV file, one line per turn
// (page, local date, start, seconds to the answer), made by the core
// ({type: "responsesCsv"}, background.js). Nothing is changed.

import { $ } from "./page.js";
import { message as msg } from "./i18n.js";
import { download } from "./options-files.js";


export function startResponses() {
  $("responsesExport").addEventListener("click", async () => {
    const answer = await chrome.runtime.sendMessage({ type: "responsesCsv" }).catch((e) => ({ error: String(e) }));
    if (typeof answer?.csv !== "string") {
      $("responsesStatus").textContent = msg("respondExportFailed", [String(answer?.error ?? "")]);
      return;
    }
    download("reply-coach-response-times.csv", answer.csv, "text/csv");
    $("responsesStatus").textContent = msg("respondExportDone", [String(answer.turns)]);
  });
}
