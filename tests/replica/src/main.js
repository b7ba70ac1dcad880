/*
 * A replica of Meta Business Suite's inbox (business.facebook.com/latest/inbox/...) for the
 * end-to-end tests and the demo, in three layouts (?layout=, default messenger) over the same
 * conversations (threads.js), clock (time.js), composers (composer.js) and test API. Classes
 * are meaningless atomic ones, as Meta's are. Served by tests/e2e/harness.mjs; bundled with
 * the real Lexical by esbuild.
 *
 * layout=messenger (layouts/messenger.js): a Messenger-style page, what the extension was
 * first built for.
 *   - banner (role=banner): the Page's name and the signed-in person (role=img, aria-label).
 *   - conversation list (role=list, aria-label="Conversations"): one role=listitem per
 *     thread holding a link whose href carries selected_item_id=<thread id> and
 *     thread_type; inside it the customer's name, an <abbr> with the relative time ("5m",
 *     "3h", "1d", "1w") whose aria-label and title hold the exact stamp ("Monday, November
 *     21, 2026 at 2:32 PM"), a role=img aria-label naming the channel ("Messenger",
 *     "Instagram", "Facebook comment", "Instagram comment"), the snippet of the last message
 *     ("You: …" when the Page wrote it) and, when unread, a role=img aria-label="Unread".
 *     The open thread's link has aria-current="page". Rows move to the top on new activity.
 *   - open conversation (inside role=main): an <h2> with the customer's name and the channel
 *     beside it; for messages a role=region aria-label="Message list container" of role=row
 *     messages, each with screen-reader text "You sent" / "<name> sent", the text in a
 *     dir=auto element and an <abbr> with the exact stamp in aria-label and title (the
 *     Page's also "Sent by <agent>", but for an automatic answer); a thread from an ad has
 *     a centred "<name> replied to an ad." line (no role) above the reply; for comments a
 *     role=region aria-label="Comments" with the post (role=article "Post by <Page>") and
 *     role=article "Comment by <name>" / "Reply by <Page>" items, stamps likewise.
 *   - composer (default lexical): a Lexical editor (contenteditable, role=textbox,
 *     data-lexical-editor="true", aria-label and aria-placeholder "Reply in Messenger…",
 *     "Reply in Instagram…", "Reply as Lumen Bakery…", "Reply as lumenbakery…"; a sibling
 *     aria-hidden placeholder), or with ?composer=textarea a <textarea> with the same
 *     aria-label; English in every language.
 *   - The address names the open thread from the start (replaceState).
 *
 * layout=business (layouts/business.js): what public captures show of the real page
 * (REAL-INBOX.md): data-pagelet containers, a virtualised list of role=presentation rows
 * with data-surface spans, coarse times with the exact one in data-utime, no thread id in a
 * row, messages told apart by their side, "Sent by <agent>" lines, a textarea composer
 * (default; ?composer=lexical for a Lexical one labelled "Message"), and decoys: a search
 * field, a Notes box in the contact sidebar. Its header comment has the markup.
 *
 * layout=changed (layouts/business.js, HOOKS.changed): the business layout after Meta
 * renames its hooks, as it does every few weeks, so that the built-in profile
 * (src/page_profile/inbox.json) finds nothing: for the extension to say so and be taught the page
 * (issue 15). The same structure, threads, texts, virtualised pool of 13 recycled rows
 * without thread ids, bold unread names, channel img alt, "Sent by" lines, sides, date
 * lines, Notes box and search field; what differs:
 *   - data-pagelet: the list BizInboxConversationCollectionBody (not …ThreadListView), the
 *     conversation BizInboxConversationPanel (not …MessengerDetailView), its header
 *     BizInboxConversationPanelTopBar (not …DetailViewHeaderSectionWrapper);
 *   - data-surface: rows .../bizweb_inbox:conversation_column/conversation_item<N>, the name
 *     in .../lib:participant_name, the chips in .../lib:conversation_chips (no
 *     thread_list/thread_row, lib:thread_title, lib:thread_row_footer);
 *   - the row's time: a bare span, "now", "5m", "3h" within a day, then "Yesterday", "Sun",
 *     "Feb 28", with the exact time in data-timestamp (whole epoch seconds; left out with
 *     ?listStamps=coarse): no abbr, no time, no data-utime, no screen-reader span;
 *   - no role=main (the h2 "Inbox" stays: a heading that is not the customer's name);
 *   - the message list: div[data-pagelet="BizInboxConversationTranscript"], no role, no
 *     aria-label;
 *   - the composer (default ?composer=editable): a plain div[contenteditable=true]
 *     [role=textbox], no Lexical, aria-label and aria-placeholder "Write to <first name>…"
 *     ("Scrie-i lui <first name>…"; strings/changed/*.json), and an icon button
 *     div[role=button][aria-label="Submit reply"] ("Expediază răspunsul") with no text.
 *
 * Every layout: Enter sends, Shift+Enter starts a new paragraph (a new line in the
 * textarea), Ctrl+Z undoes. A Facebook comment reply starts with the commenter as a mention
 * (Backspace takes the last name off), an Instagram one with "@handle ". Clicking a row
 * swaps the conversation without reloading (history.pushState to the thread's address,
 * ?asset_id=…&selected_item_id=<id>&thread_type=…; Back works) and builds a new composer,
 * restoring that thread's draft as Messenger does.
 *
 * The test API, window.replica (main world only), the same on every layout (changed as
 * business):
 *   ready                 true once the page has rendered
 *   layout                "messenger" | "business" | "changed"
 *   pageName, agentName   "Lumen Bakery", "Maria Popa"
 *   threads()             [{id, customer, channel, surface, unread, lastCustomerMessageAt,
 *                         lastFrom, crossesAt, fromAd, adRepliedAt}] (lastFrom: who wrote
 *                         the last message, customer|page; channel: messenger|instagram|
 *                         facebook_comment|instagram_comment; surface: message|comment;
 *                         times as ISO strings; fromAd: the thread came from an ad, whose
 *                         reply was at adRepliedAt)
 *   openThreadId()        the open thread's id
 *   openThread(id)        what clicking its row does (whether or not the row is rendered)
 *   composer()            the open composer's text box (the Lexical root, the textarea or
 *                         the contenteditable div)
 *   sendButton()          the open composer's Send button
 *   composerModelText()   the composer's own model: Lexical's $getRoot().getTextContent()
 *                         (paragraphs joined by "\n\n"), the textarea's value, or the
 *                         contenteditable's text (lines joined by "\n")
 *   replaceDraft(text)    the page replaces the open draft through the composer's own model,
 *                         without an input event (Lexical: each line a paragraph)
 *   recreateComposer()    replaces the composer with a new element and editor holding the
 *                         same draft, as a React re-render does; focus is lost
 *   addCustomerMessage(text)  the customer writes now in the open thread; returns its ISO time
 *   messages()            the open thread's [{from: "customer"|"page", text, at (ISO)}]
 *   rows()                the row elements rendered now, in visual order (messenger: every
 *                         role=listitem; business: the ~13 role=presentation rows)
 *   rowThread(element)    the id of the thread a row element shows now, or null (what the
 *                         page knows and a business row does not say)
 *   rowOf(id)             the row element showing thread `id` now, or null
 *   scrollListTo(index)   scrolls the list so the thread at `index` (in list order) is at the
 *                         top (as far as the list goes); a Promise, resolved once the rows
 *                         have re-rendered
 *   rerenderRows(how)     re-renders every rendered row as a framework may: "children" gives
 *                         each row new children (what an update does), "elements" puts new
 *                         row elements in place, "clone" replaces each row with a deep
 *                         clone of itself (foreign nodes and attributes included, as a
 *                         server-rendered row re-hydrated from markup)
 *   recycleRows()         what a virtualised list does on scroll: the same row elements now
 *                         show other threads (each the next row's element; on the business
 *                         layout the node that showed the first row now shows the last)
 *   addRows(count)        adds that many generated conversations (as ?rows= makes) at once,
 *                         as a list that loads a long history does
 *   removeConversationList()  takes the list's column out of the page, as a redesign might
 *   renameAttributes()    renames every attribute a selector profile would read on the
 *                         layout to data-x-<name>, on the page and on everything rendered
 *                         after (messenger: role, aria-label, aria-level, aria-current, dir,
 *                         title, and row links name the thread as thread_id=; business and
 *                         changed: also data-pagelet, data-surface, alt, data-utime,
 *                         data-timestamp, placeholder, type);
 *                         the page works the same
 *   notesBox(), searchField()  the decoys that are no reply composer (business; null on
 *                         messenger): the sidebar's Notes textarea, the list's search field
 *
 * Query parameters (every layout unless said): ?layout=messenger|business|changed;
 * ?composer=textarea|lexical|editable (default: messenger lexical, business textarea,
 * changed editable);
 * ?rows=500 lists that many conversations (the seven of makeThreads, then generated ones;
 * up to 5000); ?boundaries=1 lists, instead, six conversations whose customers wrote a
 * minute either side of each state boundary (boundaryThreads); ?crossing=1 lists three whose
 * states change at the same minute, soon after the page loads (crossingThreads; threads()
 * gives each one's crossesAt); ?waiting=1 lists five whose waits reach 10, 15 and 16
 * minutes at the same minute, one waiting 2 days and one answered (waitingThreads); ?anaWrites=ro has Ana write her last message in Romanian;
 * ?lang=ro, hy or hi writes the page's texts in Romanian, Armenian or Hindi.
 * Messenger only: ?listStamps=relative leaves the list's <abbr> without its exact stamp,
 * only the relative label, as some rows show; ?listLinks=changed names the thread in the
 * row links' address as thread_id=, not selected_item_id=, as a redesign might.
 * Business and changed: ?listStamps=coarse leaves out data-utime (changed: data-timestamp),
 * so a row has only its coarse time. Business only: ?pagelet=unified names the list's container BizP13NInboxUinifiedThreadListView.
 */

import { createEditableComposer, createLexicalComposer, createTextareaComposer } from "./composer.js";
import { createBusinessLayout } from "./layouts/business.js";
import { createMessengerLayout } from "./layouts/messenger.js";
import { LANGUAGES, stringsFor } from "./strings.js";
import { AGENT, adReply, boundaryThreads, CHANNELS, crossingThreads, FIXED_THREADS, makeThreads, moreThreads, PAGE, waitingThreads } from "./threads.js";

const PAGE_ASSET_ID = "104729384756012";
const params = new URL(location.href).searchParams;
const LAYOUTS = {
  messenger: createMessengerLayout,
  business: (app) => createBusinessLayout(app, "business"),
  changed: (app) => createBusinessLayout(app, "changed"),
};
const COMPOSERS = { lexical: createLexicalComposer, textarea: createTextareaComposer, editable: createEditableComposer };
const layoutName = Object.hasOwn(LAYOUTS, params.get("layout")) ? params.get("layout") : "messenger";
const lang = LANGUAGES.includes(params.get("lang")) ? params.get("lang") : "en";
document.documentElement.lang = lang;
const rowCount = Math.min(Math.max(Number(params.get("rows")) || FIXED_THREADS, FIXED_THREADS), 5000);
const threads = params.get("boundaries")
  ? boundaryThreads(Date.now())
  : params.get("crossing")
    ? crossingThreads(Date.now())
    : params.get("waiting")
      ? waitingThreads(Date.now())
      : makeThreads(Date.now(), rowCount, { anaWrites: params.get("anaWrites") === "ro" ? "ro" : "en" });
const threadsById = new Map(threads.map((thread) => [thread.id, thread]));
/** How many generated conversations (moreThreads) the list has. */
let generated = Math.max(threads.length - FIXED_THREADS, 0);
/** Thread id → the draft its last composer left (see composer.js). */
const drafts = new Map();

let openThread = null;
let composer = null;

const lastMessage = (thread) => thread.messages[thread.messages.length - 1];
const lastCustomerMessage = (thread) => thread.messages.findLast((message) => message.from === "customer");
/** The list's order, newest activity first: sorted again only after a message or new
 * threads (a scroll of 5,000 rows must not sort them each time). Not to be changed. */
let order = null;
const newestFirst = () => (order ??= [...threads].sort((a, b) => lastMessage(b).at - lastMessage(a).at));

/** The thread's address: the page's own, naming the Page, the thread and its type. */
function threadHref(thread) {
  const url = new URL(location.href);
  url.searchParams.set("asset_id", PAGE_ASSET_ID);
  url.searchParams.set("selected_item_id", thread.id);
  url.searchParams.set("thread_type", CHANNELS[thread.channel].threadType);
  return url.pathname + url.search;
}

/** What a click on a thread's row does: its address, then its conversation. */
function open(thread) {
  history.pushState(null, "", threadHref(thread));
  showThread(thread.id, { focus: true });
}

const layout = LAYOUTS[layoutName]({
  threads,
  order: newestFirst,
  isOpen: (thread) => thread === openThread,
  open,
  threadHref,
  strings: stringsFor(layoutName, lang),
  lang,
  params,
  page: PAGE,
  agent: AGENT,
  initials: (name) =>
    name
      .split(" ")
      .map((word) => word[0])
      .join("")
      .slice(0, 2),
});
const composerKind = Object.hasOwn(COMPOSERS, params.get("composer")) ? params.get("composer") : layout.defaultComposer;
layout.mount(document.getElementById("mount_0_0_Rc"));

function newComposer(thread) {
  return COMPOSERS[composerKind]({
    ...layout.composerOptions(thread, composerKind),
    draft: drafts.get(thread.id) ?? null,
    mention: thread.channel === "facebook_comment" ? thread.customer : null,
    prefix: thread.handle ? `@${thread.handle} ` : null,
    onChange: (draft) => drafts.set(thread.id, draft),
    onSend: (text) => {
      addMessage(thread, { from: "page", text, at: new Date(), agent: AGENT });
      composer.clear();
    },
  });
}

function addMessage(thread, message) {
  const previous = lastMessage(thread);
  thread.messages.push(message);
  order = null;
  if (thread === openThread) {
    layout.appendMessage(thread, message, previous);
    layout.scrollToEnd();
  }
  layout.renderList();
}

function showThread(id, { focus = false } = {}) {
  const thread = threadsById.get(id);
  composer?.destroy();
  openThread = thread;
  thread.unread = false;
  layout.renderPane(thread);
  composer = newComposer(thread);
  layout.mountComposer(composer);
  layout.scrollToEnd();
  layout.renderList();
  if (focus) composer.focus();
}

function threadFromUrl() {
  const id = new URL(location.href).searchParams.get("selected_item_id");
  return threadsById.has(id) ? id : null;
}

// The newest conversation opens when the address names none. The messenger layout then
// names it in the address; on the business one the address names a thread only once a row
// is clicked (Back to that address shows the first one again).
const firstId = threadFromUrl() ?? newestFirst()[0].id;
showThread(firstId);
if (layout.namesOpenThread) history.replaceState(null, "", threadHref(openThread));

window.addEventListener("popstate", () => {
  const id = threadFromUrl() ?? firstId;
  if (id !== openThread.id) showThread(id);
});

window.replica = Object.freeze({
  ready: true,
  layout: layout.name,
  pageName: PAGE.name,
  agentName: AGENT,
  threads: () =>
    threads.map((thread) => ({
      id: thread.id,
      customer: thread.customer,
      channel: thread.channel,
      surface: CHANNELS[thread.channel].surface,
      unread: thread.unread,
      lastCustomerMessageAt: lastCustomerMessage(thread).at.toISOString(),
      lastFrom: lastMessage(thread).from,
      crossesAt: thread.crossesAt,
      fromAd: Boolean(thread.ad),
      adRepliedAt: adReply(thread)?.at.toISOString(),
    })),
  openThreadId: () => openThread.id,
  openThread: (id) => {
    const thread = threadsById.get(id);
    if (!thread) throw new Error(`no thread ${id}`);
    open(thread);
  },
  composer: () => composer.input,
  sendButton: () => composer.sendButton,
  composerModelText: () => composer.modelText(),
  replaceDraft: (text) => composer.replaceText(text),
  recreateComposer: () => {
    const old = composer;
    old.destroy();
    composer = newComposer(openThread);
    old.element.replaceWith(composer.element);
  },
  addCustomerMessage: (text) => {
    const at = new Date();
    addMessage(openThread, { from: "customer", text, at });
    return at.toISOString();
  },
  messages: () => openThread.messages.map(({ from, text, at }) => ({ from, text, at: at.toISOString() })),
  rows: () => layout.rows(),
  rowThread: (element) => layout.rowThread(element)?.id ?? null,
  rowOf: (id) => layout.rowOf(id),
  scrollListTo: (index) => layout.scrollListTo(index),
  rerenderRows: (how) => {
    if (!["children", "elements", "clone"].includes(how)) throw new Error(`no way to re-render rows "${how}"`);
    layout.rerenderRows(how);
  },
  recycleRows: () => layout.recycleRows(),
  addRows: (count) => {
    for (const thread of moreThreads(Date.now(), count, generated)) {
      threads.push(thread);
      threadsById.set(thread.id, thread);
    }
    generated += count;
    order = null;
    layout.renderList();
  },
  removeConversationList: () => layout.removeConversationList(),
  renameAttributes: () => layout.renameAttributes(),
  notesBox: () => layout.notesBox(),
  searchField: () => layout.searchField(),
});
