// The toolbar popup: what the reply clock found in the tab, as the content script last
// reported it to the service worker (chrome.storage.session, key `inbox:<tabId>`, see
// background.js): the number of conversations it shows the clock on and how many are in
// their last hour, or that the inbox layout was not recognised, or that the tab is not
// an inbox; and whether the core stopped on a bug in the tab (`stopped:<tabId>`). ?tab=<id> shows another tab than the active one (the end-to-end tests).

const $ = (id) => document.getElementById(id);
const msg = (key, substitutions) => chrome.i18n.getMessage(key, substitutions);

async function tabId() {
  const asked = Number(new URL(location.href).searchParams.get("tab"));
  if (Number.isSafeInteger(asked) && asked > 0) return asked;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function show() {
  document.documentElement.lang = msg("uiLang");
  document.documentElement.dir = msg("uiDir");
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = msg(element.dataset.i18n);
  $("settings").addEventListener("click", () => chrome.runtime.openOptionsPage());

  const id = await tabId();
  const key = `inbox:${id}`;
  const stored = id === undefined ? {} : await chrome.storage.session.get([key, `stopped:${id}`]);
  const status = stored[key];
  const stopped = stored[`stopped:${id}`];
  if (stopped !== undefined) {
    $("stopped").textContent = msg(stopped.restarting ? "popupRestarted" : "popupStopped", [stopped.what]);
    $("stopped").hidden = false;
  }
  const state = status === undefined ? "not-inbox" : status.rows > 0 ? "clock" : "not-recognised";
  document.body.dataset.state = state;
  if (state === "not-inbox") {
    $("status").textContent = msg("popupNotInbox");
  } else if (state === "not-recognised") {
    $("status").textContent = msg("popupNotRecognised");
  } else {
    $("status").textContent = msg("popupWatching", [String(status.rows)]);
    $("lastHour").textContent =
      status.lastHour > 0 ? msg("popupLastHour", [String(status.lastHour)]) : msg("popupNoneLastHour");
    $("lastHour").hidden = false;
  }
}

show();
