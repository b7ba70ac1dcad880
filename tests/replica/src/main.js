/*
 * A replica of Meta Business Suite's inbox (business.facebook.com/latest/inbox/...) for the
 * end-to-end tests and the demo. It models what an extension can rely on in the real page:
 * roles, aria-labels, attributes and structure; its classes are meaningless atomic ones, as
 * Meta's are. Served by tests/e2e/harness.mjs; bundled with the real Lexical by esbuild.
 *
 * The page
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
 *     Page's also "Sent by <agent>"); for comments a role=region aria-label="Comments" with
 *     the post (role=article "Post by <Page>") and role=article "Comment by <name>" /
 *     "Reply by <Page>" items, stamps likewise.
 *   - composer: a Lexical editor (contenteditable, role=textbox, data-lexical-editor="true",
 *     aria-label and aria-placeholder "Reply in Messenger…", "Reply in Instagram…",
 *     "Reply as Lumen Bakery…", "Reply as lumenbakery…"; a sibling aria-hidden placeholder),
 *     or with ?composer=textarea a <textarea> with the same aria-label. Enter sends,
 *     Shift+Enter starts a new paragraph (a new line in the textarea), Ctrl+Z undoes. A
 *     Facebook comment reply starts with the commenter as a mention (Backspace takes the
 *     last name off), an Instagram one with "@handle ".
 *   - Clicking a row swaps the conversation without reloading (history.pushState; Back
 *     works) and builds a new composer, restoring that thread's draft as Messenger does.
 *
 * The test API, window.replica (main world only):
 *   ready                 true once the page has rendered
 *   pageName, agentName   "Lumen Bakery", "Maria Popa"
 *   threads()             [{id, customer, channel, surface, unread, lastCustomerMessageAt,
 *                         lastFrom}] (lastFrom: who wrote the last message, customer|page)
 *                         (channel: messenger|instagram|facebook_comment|instagram_comment;
 *                         surface: message|comment; the time as an ISO string)
 *   openThreadId()        the open thread's id
 *   openThread(id)        what clicking its row does
 *   composer()            the open composer's text box (the Lexical root or the textarea)
 *   composerModelText()   the composer's own model: Lexical's $getRoot().getTextContent()
 *                         (paragraphs joined by "\n\n"), or the textarea's value
 *   replaceDraft(text)    the page replaces the open draft through the composer's own model,
 *                         without an input event (Lexical: each line a paragraph)
 *   recreateComposer()    replaces the composer with a new element and editor holding the
 *                         same draft, as a React re-render does; focus is lost
 *   addCustomerMessage(text)  the customer writes now in the open thread; returns its ISO time
 *   messages()            the open thread's [{from: "customer"|"page", text, at (ISO)}]
 *   rerenderRows(how)     re-renders every row as a framework may: "children" gives each link
 *                         new children (what an update does here), "elements" puts new
 *                         listitem and link elements in place, "clone" replaces each listitem
 *                         with a deep clone of itself (foreign nodes and attributes included,
 *                         as a server-rendered row re-hydrated from markup)
 *   recycleRows()         what a virtualised list does on scroll: the same listitem and link
 *                         elements now show other threads (here: the list's order reversed)
 *   addRows(count)        adds that many generated conversations (as ?rows= makes) at once,
 *                         as a list that loads a long history does
 *   removeConversationList()  takes the list's column out of the page, as a redesign might
 *   renameAttributes()    renames every attribute the extension's selector profile reads
 *                         (role, aria-label, aria-level, aria-current, dir, title: to
 *                         data-x-<name>) on the page and on everything rendered after, and
 *                         names the thread in row links as thread_id= (the page works the same)
 *
 * Query parameters: ?composer=textarea (above); ?listStamps=relative leaves the list's
 * <abbr> without its exact stamp, only the relative label, as some rows show;
 * ?listLinks=changed names the thread in the row links' address as thread_id=, not
 * selected_item_id=, as a redesign of Meta's might (the page works the same);
 * ?rows=500 lists that many conversations (the six above, then generated ones);
 * ?boundaries=1 lists, instead, six conversations whose customers wrote a minute either
 * side of each state boundary (see boundaryThreads in threads.js);
 * ?anaWrites=ro has Ana write her last message in Romanian;
 * ?crossing=1 lists three whose states change at the same minute, soon after the page
 * loads (crossingThreads; threads() gives each one's crossesAt);
 * ?lang=ro, ?lang=hy, ?lang=hi put the list, the stamps and the screen-reader texts in
 * Romanian, Armenian or Hindi.
 */

import { createLexicalComposer, createTextareaComposer } from "./composer.js";
import { attributeName, cls, h, renameAttributes } from "./dom.js";
import { AGENT, boundaryThreads, CHANNELS, crossingThreads, makeThreads, moreThreads, PAGE } from "./threads.js";
import { clockLabel, exactStamp, HOUR, relativeLabel } from "./time.js";

const PAGE_ASSET_ID = "104729384756012";
const params = new URL(location.href).searchParams;
const useTextarea = params.get("composer") === "textarea";
const listStampsRelative = params.get("listStamps") === "relative";
/** Row links name the thread as thread_id= (?listLinks=changed, or after renameAttributes). */
let listLinksChanged = params.get("listLinks") === "changed";
/** The UI language: ?lang=ro, hy or hi writes the list, the stamps and the screen-reader
 * texts in Romanian, Armenian or Hindi (the composer keeps its English labels). The
 * strings are those of src/profile/inbox.json; the Armenian and Hindi "sent" lines and
 * "Unread" labels are a guess at Meta's, from its Romanian and English ones. */
const lang = ["ro", "hy", "hi"].includes(params.get("lang")) ? params.get("lang") : "en";
document.documentElement.lang = lang;
const UI = {
  en: { you: "You: ", unread: "Unread", youSent: "You sent", sent: (name) => `${name} sent` },
  ro: { you: "Dvs.: ", unread: "Necitit", youSent: "Ați trimis", sent: (name) => `${name} a trimis` },
  hy: { you: "Դուք՝ ", unread: "Չկարդացված", youSent: "Դուք ուղարկել եք", sent: (name) => `${name}-ն ուղարկել է` },
  hi: { you: "आप: ", unread: "अपठित", youSent: "आपने भेजा", sent: (name) => `${name} ने भेजा` },
}[lang];
/** The channel labels of the row's icon, where they differ from the English ones. */
const CHANNEL_LABELS = {
  ro: { facebook_comment: "Comentariu Facebook", instagram_comment: "Comentariu Instagram" },
  hy: { facebook_comment: "Facebook մեկնաբանություն", instagram_comment: "Instagram մեկնաբանություն" },
  hi: { facebook_comment: "Facebook टिप्पणी", instagram_comment: "Instagram टिप्पणी" },
};
const channelLabel = (channel) => CHANNEL_LABELS[lang]?.[channel] ?? CHANNELS[channel].label;
const rowCount = Math.min(Math.max(Number(params.get("rows")) || 6, 6), 5000);
const threads = params.get("boundaries")
  ? boundaryThreads(Date.now())
  : params.get("crossing")
    ? crossingThreads(Date.now())
    : makeThreads(Date.now(), rowCount, { anaWrites: params.get("anaWrites") === "ro" ? "ro" : "en" });
const threadsById = new Map(threads.map((thread) => [thread.id, thread]));
/** How many generated conversations (moreThreads) the list has. */
let generated = threads.length - 6;
/** Thread id → the draft its last composer left (see composer.js). */
const drafts = new Map();
/** Thread id → its row's link, kept across updates as React keeps keyed nodes. */
const rowLinks = new Map();
/** Row link → the thread it shows now (recycleRows gives a link another thread). */
const linkThreads = new WeakMap();

let openThread = null;
let composer = null;
let paneParts = null;

const list = h("div", { role: "list", "aria-label": "Conversations" });
const paneHost = h("div", { class: cls.body, role: "main" });
document.getElementById("mount_0_0_Rc").append(
  h(
    "div",
    { class: cls.app },
    h(
      "div",
      { class: cls.banner, role: "banner" },
      h("div", { class: cls.bannerTitle, role: "button", tabindex: "0", "aria-label": `${PAGE.name}, switch account` }, PAGE.name),
      h("div", { class: cls.account, role: "img", "aria-label": AGENT }, initials(AGENT)),
    ),
    h(
      "div",
      { class: cls.body },
      h("div", { class: cls.listColumn }, h("h1", { class: cls.listHeading }, "Inbox"), list),
      paneHost,
    ),
  ),
);

const lastMessage = (thread) => thread.messages[thread.messages.length - 1];
const lastCustomerMessage = (thread) => thread.messages.findLast((message) => message.from === "customer");

function initials(name) {
  return name
    .split(" ")
    .map((word) => word[0])
    .join("")
    .slice(0, 2);
}

function stamp(date, visible, { exact: withExact = true } = {}) {
  const exact = withExact ? exactStamp(date, lang) : null;
  return h("abbr", { class: cls.time, "aria-label": exact, title: exact }, visible);
}

function threadHref(thread) {
  const url = new URL(location.href);
  url.searchParams.set("asset_id", PAGE_ASSET_ID);
  url.searchParams.set("selected_item_id", thread.id);
  url.searchParams.set("thread_type", CHANNELS[thread.channel].threadType);
  return url.pathname + url.search;
}

// ---- the conversation list ----

function newRowLink() {
  const link = h("a", { role: "link" });
  link.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const thread = linkThreads.get(link);
    history.pushState(null, "", threadHref(thread));
    showThread(thread.id, { focus: true });
  });
  return link;
}

function renderRow(thread) {
  let link = rowLinks.get(thread.id);
  if (!link) {
    link = newRowLink();
    rowLinks.set(thread.id, link);
    list.append(h("div", { role: "listitem" }, link));
  }
  linkThreads.set(link, thread);
  const open = thread === openThread;
  const last = lastMessage(thread);
  const channel = CHANNELS[thread.channel];
  let href = threadHref(thread);
  if (listLinksChanged) href = href.replace("selected_item_id=", "thread_id=");
  link.setAttribute("href", href);
  link.className = open ? cls.rowSelected : cls.row;
  if (open) link.setAttribute(attributeName("aria-current"), "page");
  else link.removeAttribute(attributeName("aria-current"));
  link.replaceChildren(
    h("div", { class: cls.avatar, "aria-hidden": "true" }, initials(thread.customer)),
    h(
      "div",
      { class: cls.rowBody },
      h(
        "div",
        { class: cls.rowLine },
        h("span", { class: thread.unread ? cls.nameUnread : cls.name, dir: "auto" }, thread.customer),
        stamp(last.at, relativeLabel(last.at, Date.now(), lang), { exact: !listStampsRelative }),
      ),
      h(
        "div",
        { class: cls.rowLine },
        h("span", { class: cls.channelIcon, role: "img", "aria-label": channelLabel(thread.channel) }, channel.label[0].toLowerCase()),
        h(
          "span",
          { class: `${thread.unread ? cls.snippetUnread : cls.snippet} x1iyjqo2`, dir: "auto" },
          last.from === "page" ? `${UI.you}${last.text}` : last.text,
        ),
        thread.unread ? h("span", { class: cls.dot, role: "img", "aria-label": UI.unread }) : null,
      ),
    ),
  );
}

const newestFirst = () => [...threads].sort((a, b) => lastMessage(b).at - lastMessage(a).at);

function renderList() {
  for (const thread of newestFirst()) {
    renderRow(thread);
    list.append(rowLinks.get(thread.id).parentElement);
  }
}

function rerenderRows(how) {
  if (!["children", "elements", "clone"].includes(how)) throw new Error(`no way to re-render rows "${how}"`);
  for (const thread of threads) {
    const link = rowLinks.get(thread.id);
    const item = link.parentElement;
    if (how === "elements") {
      const fresh = newRowLink();
      rowLinks.set(thread.id, fresh);
      item.replaceWith(h("div", { role: "listitem" }, fresh));
    } else if (how === "clone") {
      const copy = item.cloneNode(true);
      const copiedLink = copy.querySelector("a");
      const fresh = newRowLink();
      copiedLink.replaceWith(fresh);
      fresh.append(...copiedLink.childNodes);
      rowLinks.set(thread.id, fresh);
      item.replaceWith(copy);
    }
  }
  renderList();
}

function recycleRows() {
  const order = newestFirst();
  const links = order.map((thread) => rowLinks.get(thread.id));
  order.reverse().forEach((thread, i) => rowLinks.set(thread.id, links[i]));
  renderList();
}

// ---- the open conversation ----

function messageRow(thread, message) {
  const fromPage = message.from === "page";
  return h(
    "div",
    { class: fromPage ? cls.messageRowPage : cls.messageRow, role: "row" },
    h("span", { class: cls.srOnly }, fromPage ? UI.youSent : UI.sent(thread.customer)),
    h("div", { class: fromPage ? cls.bubblePage : cls.bubble, dir: "auto" }, message.text),
    h(
      "div",
      { class: cls.meta },
      stamp(message.at, clockLabel(message.at, lang)),
      fromPage ? h("span", {}, ` · Sent by ${message.agent}`) : null,
    ),
  );
}

/** A centred date line before a message that follows an hour of silence, as Messenger's. */
function separator(date) {
  const text = date.toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  return h("div", { class: cls.separator }, text);
}

function commentItem(thread, message) {
  const fromPage = message.from === "page";
  const author = fromPage ? PAGE.name : thread.customer;
  return h(
    "div",
    {
      class: fromPage ? cls.commentReply : cls.comment,
      role: "article",
      "aria-label": fromPage ? `Reply by ${author}` : `Comment by ${author}`,
    },
    h("span", { class: cls.commentAuthor, dir: "auto" }, author),
    h("div", { class: cls.commentText, dir: "auto" }, message.text),
    stamp(message.at, relativeLabel(message.at, Date.now(), lang)),
  );
}

function appendMessage(thread, message, previous) {
  const region = paneParts.region;
  if (CHANNELS[thread.channel].surface === "comment") {
    region.append(commentItem(thread, message));
    return;
  }
  if (!previous || message.at - previous.at >= HOUR) region.append(separator(message.at));
  region.append(messageRow(thread, message));
}

function renderPane(thread) {
  const channel = CHANNELS[thread.channel];
  const comments = channel.surface === "comment";
  const region = h("div", {
    class: cls.messages,
    role: "region",
    "aria-label": comments ? "Comments" : "Message list container",
  });
  if (comments) {
    region.append(
      h(
        "div",
        { class: cls.post, role: "article", "aria-label": `Post by ${PAGE.name}` },
        h("span", { class: cls.commentAuthor }, PAGE.name),
        h("div", { class: cls.commentText, dir: "auto" }, thread.post.text),
        stamp(thread.post.at, relativeLabel(thread.post.at, Date.now(), lang)),
      ),
    );
  }
  const pane = h(
    "div",
    { class: cls.pane },
    h(
      "div",
      { class: cls.paneHeader },
      h("h2", { class: cls.paneTitle, dir: "auto" }, thread.customer),
      h("span", { class: cls.paneSubtitle }, channel.label),
    ),
    region,
  );
  paneParts = { pane, region };
  thread.messages.forEach((message, index) => appendMessage(thread, message, thread.messages[index - 1]));
  paneHost.replaceChildren(pane);
}

function newComposer(thread) {
  const channel = CHANNELS[thread.channel];
  const create = useTextarea ? createTextareaComposer : createLexicalComposer;
  return create({
    label: channel.composerLabel,
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
  if (thread === openThread) {
    appendMessage(thread, message, previous);
    paneParts.region.scrollTop = paneParts.region.scrollHeight;
  }
  renderList();
}

function showThread(id, { focus = false } = {}) {
  const thread = threadsById.get(id);
  composer?.destroy();
  openThread = thread;
  thread.unread = false;
  renderPane(thread);
  composer = newComposer(thread);
  paneParts.pane.append(composer.element);
  paneParts.region.scrollTop = paneParts.region.scrollHeight;
  renderList();
  if (focus) composer.focus();
}

function threadFromUrl() {
  const id = new URL(location.href).searchParams.get("selected_item_id");
  return threadsById.has(id) ? id : null;
}

window.addEventListener("popstate", () => {
  const id = threadFromUrl();
  if (id && id !== openThread.id) showThread(id);
});

// The newest conversation opens when the address names none, and the address then names
// it, as Business Suite's does.
const firstId = threadFromUrl() ?? newestFirst()[0].id;
showThread(firstId);
history.replaceState(null, "", threadHref(openThread));

window.replica = Object.freeze({
  ready: true,
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
    })),
  openThreadId: () => openThread.id,
  openThread: (id) => {
    const thread = threadsById.get(id);
    if (!thread) throw new Error(`no thread ${id}`);
    history.pushState(null, "", threadHref(thread));
    showThread(id, { focus: true });
  },
  composer: () => composer.input,
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
  rerenderRows,
  recycleRows,
  addRows: (count) => {
    const more = moreThreads(Date.now(), count, Math.max(generated, 0));
    generated = Math.max(generated, 0) + count;
    for (const thread of more) {
      threads.push(thread);
      threadsById.set(thread.id, thread);
    }
    renderList();
  },
  removeConversationList: () => list.parentElement.remove(),
  renameAttributes: () => {
    listLinksChanged = true;
    renameAttributes(document.getElementById("mount_0_0_Rc"));
    renderList();
  },
});
