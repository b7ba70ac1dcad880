// The "messenger" layout: a Messenger-style inbox, the replica's first. Every thread is a
// role=listitem with a link naming the thread (selected_item_id=), relative times with the
// exact stamp in aria-label and title, role=img channel and unread labels; the open
// conversation under role=main with an <h2> name and role=row messages, each with a
// screen-reader "You sent" / "<name> sent" and an exact stamp. See main.js for the whole
// page and the test API.

import { attributeName, cls, h, renameAttributes } from "../dom.js";
import { fill } from "../strings.js";
import { adReply, CHANNELS } from "../threads.js";
import { clockLabel, exactStamp, HOUR, relativeLabel } from "../time.js";

/** What a selector profile reads on this layout, renamed by renameAttributes(). */
const PROFILE_ATTRIBUTES = ["role", "aria-label", "aria-level", "aria-current", "dir", "title"];

/**
 * app: {threads, order() (the list's order), isOpen(thread), open(thread) (what a click on
 * its row does), threadHref(thread), strings, lang, params, page, agent, initials(name)}.
 */
export function createMessengerLayout(app) {
  const { strings: UI, lang, params } = app;
  const listStampsRelative = params.get("listStamps") === "relative";
  /** Row links name the thread as thread_id= (?listLinks=changed, or after renameAttributes). */
  let listLinksChanged = params.get("listLinks") === "changed";
  /** Thread id → its row's link, kept across updates as React keeps keyed nodes. */
  const rowLinks = new Map();
  /** Row link → the thread it shows now (recycleRows gives a link another thread). */
  const linkThreads = new WeakMap();
  let root;
  let list;
  let listColumn;
  let paneHost;
  let paneParts = null;

  function stamp(date, visible, { exact: withExact = true } = {}) {
    const exact = withExact ? exactStamp(date, lang) : null;
    return h("abbr", { class: cls.time, "aria-label": exact, title: exact }, visible);
  }

  // ---- the conversation list ----

  function newRowLink() {
    const link = h("a", { role: "link" });
    link.addEventListener("click", (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      app.open(linkThreads.get(link));
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
    const open = app.isOpen(thread);
    const last = thread.messages.at(-1);
    let href = app.threadHref(thread);
    if (listLinksChanged) href = href.replace("selected_item_id=", "thread_id=");
    link.setAttribute("href", href);
    link.className = open ? cls.rowSelected : cls.row;
    if (open) link.setAttribute(attributeName("aria-current"), "page");
    else link.removeAttribute(attributeName("aria-current"));
    link.replaceChildren(
      h("div", { class: cls.avatar, "aria-hidden": "true" }, app.initials(thread.customer)),
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
          h("span", { class: cls.channelIcon, role: "img", "aria-label": UI.channels[thread.channel] }, CHANNELS[thread.channel].label[0].toLowerCase()),
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

  function renderList() {
    for (const thread of app.order()) {
      renderRow(thread);
      list.append(rowLinks.get(thread.id).parentElement);
    }
  }

  function rerenderRows(how) {
    for (const thread of app.threads) {
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

  /** Each row's elements now show the thread of the row below (the last, the first's):
   * every element another thread, however many rows there are. */
  function recycleRows() {
    const order = app.order();
    const links = order.map((thread) => rowLinks.get(thread.id));
    order.forEach((thread, i) => rowLinks.set(thread.id, links[(i + 1) % links.length]));
    renderList();
  }

  // ---- the open conversation ----

  function messageRow(thread, message) {
    const fromPage = message.from === "page";
    return h(
      "div",
      { class: fromPage ? cls.messageRowPage : cls.messageRow, role: "row" },
      h("span", { class: cls.srOnly }, fromPage ? UI.youSent : fill(UI.sent, { name: thread.customer })),
      h("div", { class: fromPage ? cls.bubblePage : cls.bubble, dir: "auto" }, message.text),
      h(
        "div",
        { class: cls.meta },
        stamp(message.at, clockLabel(message.at, lang)),
        // An automatic answer was sent by no one.
        fromPage && message.agent ? h("span", {}, ` · Sent by ${message.agent}`) : null,
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
    const author = fromPage ? app.page.name : thread.customer;
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
    // A thread that began with a reply to an ad says so above that reply, centred like a
    // date line and, like it, no message (no role=row).
    if (message === adReply(thread)) region.append(h("div", { class: cls.separator }, fill(UI.repliedToAd, { name: thread.customer })));
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
          { class: cls.post, role: "article", "aria-label": `Post by ${app.page.name}` },
          h("span", { class: cls.commentAuthor }, app.page.name),
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

  return {
    name: "messenger",
    defaultComposer: "lexical",
    /** The address names the open thread from the start, as Messenger's does. */
    namesOpenThread: true,

    mount(mountPoint) {
      root = mountPoint;
      list = h("div", { role: "list", "aria-label": "Conversations" });
      listColumn = h("div", { class: cls.listColumn }, h("h1", { class: cls.listHeading }, "Inbox"), list);
      paneHost = h("div", { class: cls.body, role: "main" });
      root.append(
        h(
          "div",
          { class: cls.app },
          h(
            "div",
            { class: cls.banner, role: "banner" },
            h("div", { class: cls.bannerTitle, role: "button", tabindex: "0", "aria-label": `${app.page.name}, switch account` }, app.page.name),
            h("div", { class: cls.account, role: "img", "aria-label": app.agent }, app.initials(app.agent)),
          ),
          h("div", { class: cls.body }, listColumn, paneHost),
        ),
      );
    },
    renderList,
    renderPane,
    appendMessage,
    mountComposer: (composer) => paneParts.pane.append(composer.element),
    scrollToEnd: () => {
      paneParts.region.scrollTop = paneParts.region.scrollHeight;
    },
    /** The composer's labels: English whatever the list's language, as before. */
    composerOptions: (thread) => ({ label: CHANNELS[thread.channel].composerLabel }),
    rerenderRows,
    recycleRows,
    rows: () => [...list.children],
    rowThread: (element) => linkThreads.get(element?.querySelector("a")) ?? null,
    rowOf: (id) => {
      const item = rowLinks.get(id)?.parentElement;
      return item?.isConnected ? item : null;
    },
    scrollListTo: (index) => {
      const item = rowLinks.get(app.order()[index]?.id)?.parentElement;
      if (item) listColumn.scrollTop += item.getBoundingClientRect().top - listColumn.getBoundingClientRect().top;
      return new Promise((resolve) => requestAnimationFrame(() => resolve()));
    },
    removeConversationList: () => listColumn.remove(),
    renameAttributes: () => {
      listLinksChanged = true;
      renameAttributes(root, PROFILE_ATTRIBUTES);
      renderList();
    },
    notesBox: () => null,
    searchField: () => null,
  };
}
