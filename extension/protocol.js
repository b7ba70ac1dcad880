// @ts-check
// The messages between Reply Coach's parts: the content script (content.js and the Wasm's
// web layer, src/web), the service worker (background.js) and the extension's pages
// (popup.js, options*.js). Types only: `tsc` (./build.sh test, tests/typecheck) checks
// every sender and receiver that names them, so the protocol is written once, here.
//
// Nothing in a message names a customer or quotes a message, except a lint request's
// draft, which never leaves the browser and is not stored.

/**
 * To the service worker, from the content script or a page.
 *
 * @typedef {LintRequest | ProfileRequest | InboxReport | StoppedReport | AgentSeen | UseAgentName
 *   | DismissAgentName | AgentSuggestionRequest | Responses | ResponseReportRequest
 *   | ResponsesCsvRequest} ToBackground
 */

/**
 * Lints a draft: with `useStoredSettings`, the agent's settings from chrome.storage.sync
 * apply over the context (reduced mode, where the page's CSP keeps the Wasm out of the
 * content script), a custom voice profile taken from chrome.storage.local.
 * Answer: {@link LintAnswer}.
 *
 * @typedef {{type: "lint", draft: string, context?: object, useStoredSettings?: boolean}} LintRequest
 */

/**
 * The core's result (`{language, findings}`, src/wasm/write.rs), or why there is none.
 *
 * @typedef {{language: string, findings: object[]} | {error: string}} LintAnswer
 */

/**
 * What the reduced mode's content script, having no Wasm of its own, needs of the page
 * profile. Answer: `{composerSelector: string}` or `{error: string}`.
 *
 * @typedef {{type: "profile"}} ProfileRequest
 */

/**
 * From the content script after each inbox scan that changed something (no answer): the
 * conversation rows recognised, the threads in the last hour of their reply window, those
 * waiting for a reply past the red mark (15 minutes by default), and what it reads of the
 * page part by part (the core's Health JSON, src/page_profile/health.rs: counts and yes/no, no
 * names). The tab's toolbar icon shows `lastHour`, or `waiting` when the settings'
 * `toolbarCount` is "waiting" (none when 0), or "?" when a part is not recognised; kept
 * for the popup in chrome.storage.session under `inbox:<tabId>` as an {@link InboxStatus}.
 *
 * @typedef {{type: "inbox", rows: number, lastHour: number, waiting: number, health: object}} InboxReport
 */

/**
 * @typedef {{rows: number, lastHour: number, waiting: number, health: {parts: object[]}}} InboxStatus
 */

/**
 * From the content script (no answer): its core panicked (src/wasm/panic.rs) in `what`
 * ("rule tone-shout (src/rules/tone_shout.rs:42)") and was restarted, or not after too
 * many restarts; kept for the popup under `stopped:<tabId>` as a {@link StoppedStatus}
 * until the tab loads another page.
 *
 * @typedef {{type: "stopped", what: string, restarting: boolean}} StoppedReport
 * @typedef {{what: string, restarting: boolean}} StoppedStatus
 */

/**
 * From the content script (no answer), while no first name is set: the open conversation
 * shows a Page message "Sent by <sentBy>" (a person of the Page's team), whose first name
 * the core took (StoredSettings::suggested_agent_name). Kept for the settings page in
 * chrome.storage.session under `agentSuggestion` as an {@link AgentSuggestion}; ignored
 * for a dismissed first name.
 *
 * @typedef {{type: "agentSeen", sentBy: string, firstName: string}} AgentSeen
 * @typedef {{sentBy?: string, firstName?: string, dismissed: string[]}} AgentSuggestion
 */

/**
 * Saves a first name as the agent's, merged into chrome.storage.sync `settings`; refused
 * for a name that is not one word of letters, and for settings a newer version saved.
 * Answer: `{ok: true}` or `{error: string}`.
 *
 * @typedef {{type: "useAgentName", firstName: string}} UseAgentName
 */

/**
 * The card or the settings page was told not to offer this name (no answer): not offered
 * again in this browser session.
 *
 * @typedef {{type: "dismissAgentName", firstName: string}} DismissAgentName
 */

/**
 * What a starting content script must not offer. Answer: `{dismissed: string[]}`.
 *
 * @typedef {{type: "agentSuggestion"}} AgentSuggestionRequest
 */

/**
 * From the content script (no answer): the response turns of the open conversation, numbers
 * only (src/respond): the Page's `asset_id`, the thread's 16-bit tag, and each turn's start
 * and first reply by a person (epoch ms; null while unanswered). Merged by the core
 * (`recordResponses`, in the module loaded on request) into chrome.storage.local
 * `responses`, one request after another. A record the core cannot read (damaged, or from a
 * newer Reply Coach) is left as it is and nothing is written; that, and a failed write, is
 * a console warning and kept for the popup in chrome.storage.session `responsesFault`.
 *
 * @typedef {{type: "responses", page: string, tag: number, turns: Array<[number, number | null]>}} Responses
 */

/**
 * The popup's figures of Page `page` (every Page's for "") on today's local day, from the
 * core (`responseReport`: {today, week, days, slowestToday}), with the settings' business
 * hours when set and readable. Answer: `{report: object, hours: boolean, fault?: string}`
 * (`hours`: whether business hours left time out) or `{error: string}`.
 *
 * @typedef {{type: "responseReport", page: string}} ResponseReportRequest
 */

/**
 * The settings page's export: the record as CSV in local time. Answer: `{csv: string,
 * turns: number}` or `{error: string}`.
 *
 * @typedef {{type: "responsesCsv"}} ResponsesCsvRequest
 */

/**
 * To the content script of an inbox tab, from the service worker or the popup.
 * `openTemplates`: the picker's keyboard shortcut. `teach`: start "Teach this page" (no
 * answer). `layoutReport`: answer `{report: string}` or `{error: string}`.
 *
 * @typedef {{type: "openTemplates"} | {type: "teach"} | {type: "layoutReport"}} ToContent
 */

export {};
