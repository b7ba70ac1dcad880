// @ts-check
// The toolbar popup: what the reply clock found in the tab, as the content script last
// reported it to the service worker (chrome.storage.session, key `inbox:<tabId>`, see
// background.js): the number of conversations it shows the clock on and how many are in
// their last hour, or that the inbox layout was not recognised, or that the tab is not
// an inbox; and whether the core stopped on a bug in the tab (`stopped:<tabId>`).
// ?tab=<id> shows another tab than the active one (the end-to-end tests).
//
// The health view: each part of the page Reply Coach reads (the conversation list, the
// rows' times and channels, the open conversation, the reply box) with ✓, ✗ or – (nothing
// to read), what it found (counts only: no names are kept), and for a ✗ what it looked
// for and, when it worked before, since when it stopped matching (the core's Health JSON,
// src/page_profile/health.rs). Its buttons ask the tab's content script for the layout report
// (to the clipboard, or saved as a file) and start the teach flow in the page; the page
// profile in use is named, with "Reset to built-in" when an override is stored.
//
// The response figures (popup-responses.js): today's and the last 7 days' response rate
// and time against Meta's 90% and 15 minutes, a chart per day and today's slowest turns.

import { $ } from "./page.js";
import { message as msg, translateDocument, useUiLanguage } from "./i18n.js";
import { showResponses } from "./popup-responses.js";

const PROFILE_KEY = "profileOverride";

async function tabId() {
  const asked = Number(new URL(location.href).searchParams.get("tab"));
  if (Number.isSafeInteger(asked) && asked > 0) return asked;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function show() {
  await useUiLanguage();
  translateDocument();
  $("settings").addEventListener("click", () => chrome.runtime.openOptionsPage());

  const id = await tabId();
  await showResponses(id);
  const key = `inbox:${id}`;
  const stored = id === undefined ? {} : await chrome.storage.session.get([key, `stopped:${id}`]);
  const status = /** @type {import("./protocol.js").InboxStatus | undefined} */ (stored[key]);
  const stopped = /** @type {import("./protocol.js").StoppedStatus | undefined} */ (stored[`stopped:${id}`]);
  if (stopped !== undefined) {
    $("stopped").textContent = msg(stopped.restarting ? "popupRestarted" : "popupStopped", [stopped.what]);
    $("stopped").hidden = false;
  }
  const state = status === undefined ? "not-inbox" : status.rows > 0 ? "clock" : "not-recognised";
  document.body.dataset.state = state;
  if (status === undefined) {
    $("status").textContent = msg("popupNotInbox");
    return;
  }
  if (state === "not-recognised") {
    $("status").textContent = msg("popupNotRecognised");
  } else {
    $("status").textContent = msg("popupWatching", [String(status.rows)]);
    $("lastHour").textContent =
      status.lastHour > 0 ? msg("popupLastHour", [String(status.lastHour)]) : msg("popupNoneLastHour");
    $("lastHour").hidden = false;
  }
  showHealth(status.health);
  bindButtons(id);
  await showProfile();
}

/** One list item per part of the page, from the core's Health JSON. */
function showHealth(health) {
  const parts = Array.isArray(health?.parts) ? health.parts : [];
  $("healthParts").replaceChildren(...parts.map(partItem));
  $("health").hidden = false;
}

const MARKS = { ok: "✓", missing: "✗", idle: "–" };

function partItem(part) {
  const item = document.createElement("li");
  const status = MARKS[part.status] ? part.status : "missing";
  item.dataset.part = String(part.part);
  item.dataset.status = status;
  const line = document.createElement("div");
  const mark = Object.assign(document.createElement("span"), { className: "mark", textContent: MARKS[status] });
  mark.setAttribute("aria-label", msg(`healthStatus_${status}`));
  line.append(mark, msg(`healthPart_${part.part}`) || String(part.part));
  item.append(line);
  const detail = partDetail(part, status);
  if (detail) item.append(Object.assign(document.createElement("p"), { className: "detail", textContent: detail }));
  if (Number.isFinite(part.stoppedAtMs)) {
    const time = new Date(part.stoppedAtMs).toLocaleTimeString(msg("uiLang"), { hour: "2-digit", minute: "2-digit" });
    item.append(Object.assign(document.createElement("p"), { className: "stopped", textContent: msg("healthStopped", [time]) }));
  }
  if (status === "missing" && Array.isArray(part.lookedFor) && part.lookedFor.length > 0) {
    const looked = msg("healthLookedFor", [part.lookedFor.join(" · ")]);
    item.append(Object.assign(document.createElement("p"), { className: "looked", textContent: looked }));
  }
  return item;
}

const yesNo = (found) => (found ? "✓" : "✗");

/** What a part found, in words; counts and yes/no only. */
function partDetail(part, status) {
  // The times and channels are read from the rows; the reply box in the conversation.
  if (status === "idle") return msg(part.part === "times" || part.part === "channel" ? "healthIdleNoRows" : "healthIdle");
  const n = (value) => String(Number.isSafeInteger(value) ? value : 0);
  switch (part.part) {
    case "list":
      return status === "ok" ? msg("healthListOk", [n(part.rows)]) : msg("healthListMissing", [n(part.rowLike)]);
    case "times":
      return msg("healthTimes", [n(part.parsed), n(part.unparsed)]);
    case "channel":
      return msg("healthChannel", [n(part.withChannel), n(part.withoutChannel)]);
    case "conversation":
      return msg("healthConversation", [
        yesNo(part.customer),
        yesNo(part.lastCustomerMessage),
        yesNo(part.lastCustomerTime),
        yesNo(part.lastSender === "customer" || part.lastSender === "page"),
      ]);
    case "composer":
      return msg(status === "ok" ? "healthComposerOk" : "healthComposerMissing");
    default:
      return "";
  }
}

function bindButtons(id) {
  const report = async () => {
    const answer = await chrome.tabs.sendMessage(id, { type: "layoutReport" }).catch((e) => ({ error: String(e) }));
    if (typeof answer?.report !== "string") {
      $("reportStatus").textContent = msg("healthReportFailed", [String(answer?.error ?? "")]);
      return undefined;
    }
    return answer.report;
  };
  $("copyReport").addEventListener("click", async () => {
    const text = await report();
    if (text === undefined) return;
    try {
      await navigator.clipboard.writeText(text);
      $("reportStatus").textContent = msg("healthReportCopied");
    } catch (e) {
      $("reportStatus").textContent = msg("healthReportFailed", [String(e)]);
    }
  });
  $("saveReport").addEventListener("click", async () => {
    const text = await report();
    if (text === undefined) return;
    const link = Object.assign(document.createElement("a"), { download: "reply-coach-layout-report.txt" });
    link.href = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    $("reportStatus").textContent = msg("healthReportSaved");
  });
  $("teach").addEventListener("click", async () => {
    await chrome.tabs.sendMessage(id, { type: "teach" }).catch(() => {});
    window.close(); // The picker runs in the page, which needs the clicks.
  });
  $("profileReset").addEventListener("click", async () => {
    await chrome.storage.local.remove(PROFILE_KEY).catch(() => {});
    await showProfile();
  });
}

/** The page profile in use: built-in, taught (with its date) or a team's file (its name). */
async function showProfile() {
  /** @type {{[PROFILE_KEY]?: {name?: unknown, saved?: unknown}}} */
  const { [PROFILE_KEY]: stored } = await chrome.storage.local.get(PROFILE_KEY).catch(() => ({}));
  const name = typeof stored?.name === "string" ? stored.name : "";
  const saved = new Date(typeof stored?.saved === "string" || typeof stored?.saved === "number" ? stored.saved : NaN);
  const date = Number.isNaN(saved.getTime()) ? "?" : saved.toLocaleString(msg("uiLang"));
  $("profileInUse").textContent =
    stored === undefined ? msg("popupProfileBuiltin") : name ? msg("popupProfileFile", [name]) : msg("popupProfileTaught", [date]);
  $("profileReset").hidden = stored === undefined;
}

show();
