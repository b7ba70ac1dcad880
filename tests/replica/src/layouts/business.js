// The "business" layout: what public captures of the real Business Suite inbox show
// (/work/shared/REAL-INBOX.md names the sources). Page text is English, Romanian,
// Armenian or Hindi (strings/business/*.json).
//
//   div[role=main]
//     h2 "Inbox"                                   a page heading, not the customer's name
//     input[type=search][placeholder="Search"]     a decoy: no reply composer
//     div[data-pagelet="GenericBizInboxThreadListViewBody"]   (?pagelet=unified:
//                                                   "BizP13NInboxUinifiedThreadListView")
//       div (scrolls) > div (a spacer as tall as every row together)
//         div[role=presentation] style="position: absolute; top: <index × 84>px; …"   ×≤13
//           span[data-surface=".../bizweb_inbox:thread_list/thread_row<N>"][style="display: contents;"]
//             img[alt=""] (the avatar, a signed scontent URL whose oh= changes per render)
//             img[alt="Messenger"|"Instagram"|"Facebook comment"|"Instagram comment"][width=16][height=16]
//             span[data-surface=".../thread_row<N>/lib:thread_title"][style="display: contents;"]
//               > div  the name (bold, an atomic class, when unread; no other mark)
//             div[style*="-webkit-line-clamp: 1"]  the snippet, "You: …" when the Page wrote last
//             span.accessible_elem "Sunday" + abbr.timestamp[title="Sunday"][aria-hidden=true]
//               [data-utime="1774717339.408"] "Sun"  (coarse text; exact data-utime, which
//               ?listStamps=coarse leaves out)
//             div[role=grid] > div > a[role=row][href="#"] > div[role=gridcell]
//               [aria-label="Move to done" | "Mark as follow up"]
//           span[data-surface=".../thread_row<N>/lib:thread_row_footer"]  label chips, and
//             for a thread from an ad an svg logo and the ad's name
//     div[data-pagelet="BizP13NInboxMessengerDetailView"]
//       div[data-pagelet="BizInboxDetailViewHeaderSectionWrapper"]
//         div[style="-webkit-line-clamp: 1;"]  the customer's name
//       div[role=region][aria-label="Message list container with messages, suggestions, and
//         typing indicators"]: plain divs: centred date lines ("1:00 PM", "Sat 7:19 PM",
//         "1/13/24, 8:22 AM") before a message that follows an hour's silence; the
//         customer's bubbles on the left with img[alt=<name>][width=32][height=32], the
//         Page's on the right (a gradient) with "Sent by <agent>" (not under an automatic
//         answer); lines "<name> replied to an ad.", "Send answer automatically next time?
//         Save". Comments likewise, after the post.
//       the composer bar: textarea[type=text][placeholder="Reply in Messenger…"] (or, with
//         ?composer=lexical, div[aria-label="Message"][contenteditable][role=textbox]
//         [data-lexical-editor]) and div[role=button][aria-label="Send"]
//       a contact sidebar: "Labels" chips, "Notes" with its own textarea ("Add a note…")
//         and "Save": a decoy inside the same pagelet as the composer
//
// No element names a thread: the page knows which thread a row shows, a reader must click
// it and read selected_item_id from the address. Rows are a pool reused as the list
// scrolls, updated in place (text, attributes, src) as React reconciles them.
//
// The "changed" layout is this page after Meta renames its hooks (HOOKS.changed; main.js
// lists what differs): the same code, structure and texts, other hooks.

import { cls, h, renameAttributes, setAttr, setText, svgIcon } from "../dom.js";
import { fill } from "../strings.js";
import { adReply, CHANNELS } from "../threads.js";
import { coarseLabel, HOUR, listStamp, separatorLabel } from "../time.js";

/** The business list's time: a screen-reader span with the full coarse time, then
 * abbr.timestamp with the short one and, unless left out, the exact one in data-utime. */
const ABBR_STAMP = {
  build: (p) => [(p.accessible = h("span", { class: "accessible_elem" })), (p.stamp = h("abbr", { class: "timestamp", "aria-hidden": "true" }))],
  render: (p, at, lang, exact) => {
    const { full, short } = listStamp(at, Date.now(), lang);
    setText(p.accessible, full);
    setText(p.stamp, short);
    setAttr(p.stamp, "title", full);
    setAttr(p.stamp, "data-utime", exact ? (at.getTime() / 1000).toFixed(3) : null);
  },
};

/** The changed list's time: a bare span, "3h" or "Sun", the exact time (unless left out)
 * in whole epoch seconds in data-timestamp. No abbr, no time element, no data-utime. */
const SPAN_STAMP = {
  build: (p) => [(p.stamp = h("span", {}))],
  render: (p, at, lang, exact) => {
    setText(p.stamp, coarseLabel(at, Date.now(), lang));
    setAttr(p.stamp, "data-timestamp", exact ? String(Math.floor(at.getTime() / 1000)) : null);
  },
};

/**
 * The hooks of each variant of the page: "business" as public captures show it, "changed"
 * as after a redesign renames every hook the built-in profile (src/page_profile/inbox.json)
 * reads: data-pagelet values none of its selectors or suffixes match, data-surface paths
 * without thread_list/thread_row, lib:thread_title or lib:thread_row_footer, the time moved
 * out of abbr/data-utime, no role=main, the message list a hooked div (no role, no label),
 * and a plain contenteditable composer labelled "Write to <first name>…" whose Send is an
 * icon labelled "Submit reply" (the labels are strings/changed/*.json).
 */
const HOOKS = {
  business: {
    listPagelet: (params) => (params.get("pagelet") === "unified" ? "BizP13NInboxUinifiedThreadListView" : "GenericBizInboxThreadListViewBody"),
    surface:
      "/bizweb:inbox/bizweb:INBOX/lib:bizweb_inbox:main_content/lib:bizweb_inbox:content_layout/lib:inbox:thread_and_detail/bizweb_inbox:thread_list",
    row: "thread_row",
    title: "lib:thread_title",
    footer: "lib:thread_row_footer",
    stamp: ABBR_STAMP,
    mainRole: "main",
    detailPagelet: "BizP13NInboxMessengerDetailView",
    headerPagelet: "BizInboxDetailViewHeaderSectionWrapper",
    messageList: (UI) => ({ role: "region", "aria-label": UI.messageList }),
    composer: "textarea",
    sendIcon: false,
  },
  changed: {
    listPagelet: () => "BizInboxConversationCollectionBody",
    surface: "/bizweb:inbox/bizweb:INBOX/lib:bizweb_inbox:inbox_root/lib:inbox:split_pane/bizweb_inbox:conversation_column",
    row: "conversation_item",
    title: "lib:participant_name",
    footer: "lib:conversation_chips",
    stamp: SPAN_STAMP,
    mainRole: null,
    detailPagelet: "BizInboxConversationPanel",
    headerPagelet: "BizInboxConversationPanelTopBar",
    messageList: () => ({ "data-pagelet": "BizInboxConversationTranscript" }),
    composer: "editable",
    sendIcon: true,
  },
};
const ROW_HEIGHT = 84;
/** Row nodes in the pool: the rows in view and a few either side, as captures count. */
const POOL = 13;
/** Rows rendered above the first one in view. */
const OVERSCAN = 2;
/** What a selector profile reads on this layout, renamed by renameAttributes(). */
const PROFILE_ATTRIBUTES = [
  "data-pagelet",
  "data-surface",
  "role",
  "aria-label",
  "aria-level",
  "aria-hidden",
  "alt",
  "data-utime",
  "data-timestamp",
  "title",
  "placeholder",
  "type",
];
/** Where Meta's static images live; the harness answers with small SVGs. The file names
 * are made up. */
const CHANNEL_ICONS = {
  messenger: "https://static.xx.fbcdn.net/rsrc.php/v4/yQ/r/mR3pL0cKx7a.svg",
  instagram: "https://static.xx.fbcdn.net/rsrc.php/v4/y8/r/Zt1q9WbN4eE.svg",
  facebook_comment: "https://static.xx.fbcdn.net/rsrc.php/v4/yK/r/c0mFb7Hq2sL.svg",
  instagram_comment: "https://static.xx.fbcdn.net/rsrc.php/v4/yK/r/c0mIg3Rt8wP.svg",
};
/** The signed URLs' expiry (oe=), hex seconds, a few days after the page loads. */
const EXPIRES = Math.floor(Date.now() / 1000 + 3 * 86_400).toString(16).toUpperCase();

/** A number from a string (FNV-1a), for stable made-up CDN paths. */
function hash(text) {
  let value = 0x811c9dc5;
  for (const char of text) value = Math.imul(value ^ char.codePointAt(0), 0x01000193) >>> 0;
  return value;
}

const token = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b % 36).toString(36)).join("");

/** A person's avatar as Meta serves it: a signed scontent URL whose path is the person's
 * and whose signature (oh=, _nc_ohc=) is new at every render. */
function avatarUrl(name) {
  const n = hash(name);
  const path = `/v/t39.30808-1/${100000000 + (n % 900000000)}_${hash(`${name}/1`)}${hash(`${name}/2`)}_${hash(`${name}/3`)}_n.jpg`;
  return `https://scontent.xx.fbcdn.net${path}?stp=dst-jpg_p200x200_tt6&_nc_cat=1${n % 10}${(n >> 4) % 10}&ccb=1-7&_nc_sid=e99d92&_nc_ohc=${token()}&_nc_ht=scontent.xx&oh=00_${token()}${token()}&oe=${EXPIRES}`;
}

/** An inline svg (the ad marker): a made-up loop in the spirit of Meta's logo. */
const adLogo = () =>
  svgIcon("0 0 150 100", cls.adLogo, { d: "M20 50C20 8 58 8 75 50S130 92 130 50 92 8 75 50 20 92 20 50Z", fill: "none", stroke: "#0866ff", "stroke-width": "14" });

/** The child-index path from `root` down to `element`, to find its copy in a clone. */
function pathTo(root, element) {
  const path = [];
  for (let node = element; node !== root; node = node.parentNode) path.unshift([...node.parentNode.childNodes].indexOf(node));
  return path;
}

const follow = (root, path) => path.reduce((node, index) => node.childNodes[index], root);

/** app: as createMessengerLayout's; variant: "business" or "changed" (HOOKS). */
export function createBusinessLayout(app, variant = "business") {
  const { strings: UI, lang, params } = app;
  const hooks = HOOKS[variant];
  const exactListStamps = params.get("listStamps") !== "coarse";
  const listPagelet = hooks.listPagelet(params);
  /** The row nodes, in visual order: pool[k] shows the thread at first + k. */
  let pool = [];
  /** Row node → {parts: its elements, thread shown, footer key}. */
  const rowState = new WeakMap();
  /** Thread id → the text of its Notes box. */
  const notes = new Map();
  let root;
  let listColumn;
  let scroller;
  let spacer;
  let search;
  let detail;
  let pane = null;

  // ---- the conversation list ----

  /** A row's elements, built once; renderRow fills them in. */
  function rowParts() {
    const p = {};
    const clamp = "line-height: 18px; height: 18px; -webkit-line-clamp: 1;";
    const action = (key) => h("div", {}, h("a", { role: "row", href: "#" }, (p[key] = h("div", { class: cls.bGridCell, role: "gridcell" }))));
    p.surface = h(
      "span",
      { "data-surface-wrapper": "1", style: "display: contents;" },
      h(
        "div",
        { class: cls.bRowInner },
        h(
          "div",
          { class: cls.bAvatarBox },
          (p.avatar = h("img", { class: cls.bAvatar, alt: "" })),
          h("div", { class: cls.bChannelBox, style: "bottom: -1px; right: -1px;" }, (p.channel = h("img", { class: cls.bChannel, width: "16", height: "16" }))),
        ),
        h(
          "div",
          { class: cls.bRowText },
          h("div", { class: cls.bClamp, style: clamp }, (p.title = h("span", { "data-surface-wrapper": "1", style: "display: contents;" }, (p.name = h("div", {}))))),
          (p.snippet = h("div", { class: cls.bClamp, style: clamp })),
          (p.footer = h("span", { "data-surface-wrapper": "1", style: "display: contents;" }, (p.chips = h("div", { class: cls.bRowChips })))),
        ),
        h("div", { class: cls.bTime }, ...hooks.stamp.build(p)),
        h("div", { class: cls.bGrid, tabindex: "-1", role: "grid" }, action("done"), action("followUp")),
      ),
    );
    return p;
  }

  function newRow() {
    const parts = rowParts();
    const node = h("div", { role: "presentation" }, parts.surface);
    rowState.set(node, { parts, thread: null, footer: null });
    return node;
  }

  function renderRow(node, thread, index) {
    const state = rowState.get(node);
    const { parts: p } = state;
    const last = thread.messages.at(-1);
    const row = `${hooks.surface}/${hooks.row}${index}`;
    setAttr(node, "class", app.isOpen(thread) ? cls.bRowSelected : cls.bRow);
    setAttr(node, "style", `position: absolute; top: ${index * ROW_HEIGHT}px; left: 0px; right: 0px; height: ${ROW_HEIGHT}px;`);
    setAttr(p.surface, "data-surface", row);
    setAttr(p.title, "data-surface", `${row}/${hooks.title}`);
    setAttr(p.footer, "data-surface", `${row}/${hooks.footer}`);
    // A node given another thread gets that person's avatar, freshly signed.
    if (state.thread !== thread) setAttr(p.avatar, "src", avatarUrl(thread.customer));
    state.thread = thread;
    setAttr(p.channel, "alt", UI.channels[thread.channel]);
    setAttr(p.channel, "src", CHANNEL_ICONS[thread.channel]);
    setAttr(p.name, "class", thread.unread ? cls.bNameUnread : cls.bName);
    setText(p.name, thread.customer);
    setText(p.snippet, last.from === "page" ? `${UI.you}${last.text}` : last.text);
    hooks.stamp.render(p, last.at, lang, exactListStamps);
    setAttr(p.done, "aria-label", UI.moveToDone);
    setAttr(p.followUp, "aria-label", UI.markFollowUp);
    const footer = JSON.stringify([thread.labels, thread.ad?.name]);
    if (state.footer !== footer) {
      state.footer = footer;
      const chips = (thread.labels ?? []).map((label) => h("div", { class: cls.bChip }, label));
      if (thread.ad) chips.push(h("div", { class: cls.bChip }, adLogo(), h("div", { class: cls.bAdName }, thread.ad.name)));
      p.chips.replaceChildren(...chips);
    }
  }

  /** Renders the rows in view (and OVERSCAN either side) into the pool's nodes. */
  function renderList() {
    const order = app.order();
    setAttr(spacer, "style", `position: relative; height: ${order.length * ROW_HEIGHT}px;`);
    const count = Math.min(POOL, order.length);
    const first = Math.max(0, Math.min(Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN, order.length - count));
    while (pool.length < count) {
      const node = newRow();
      pool.push(node);
      spacer.append(node);
    }
    while (pool.length > count) pool.pop().remove();
    pool.forEach((node, k) => renderRow(node, order[first + k], first + k));
  }

  function rerenderRows(how) {
    pool = pool.map((node) => {
      const state = rowState.get(node);
      if (how === "children") {
        // New children for the same node; nodes of others (a badge) stay where they are.
        const parts = rowParts();
        state.parts.surface.replaceWith(parts.surface);
        rowState.set(node, { parts, thread: null, footer: null });
        return node;
      }
      if (how === "elements") {
        const fresh = newRow();
        node.replaceWith(fresh);
        return fresh;
      }
      const copy = node.cloneNode(true);
      const parts = Object.fromEntries(Object.entries(state.parts).map(([key, part]) => [key, follow(copy, pathTo(node, part))]));
      rowState.set(copy, { ...state, parts });
      node.replaceWith(copy);
      return copy;
    });
    renderList();
  }

  /** The node that showed the first row now shows the last, and every other one the row
   * after its own, as a pool does on a scroll of one row. */
  function recycleRows() {
    pool.push(pool.shift());
    renderList();
  }

  /** A click anywhere in a row opens its thread, as React's delegated handler does. */
  function onListClick(event) {
    if (event.button !== 0 || event.defaultPrevented) return;
    let node = event.target;
    while (node && node.parentNode !== spacer) node = node.parentNode;
    const thread = node && rowState.get(node)?.thread;
    if (thread) app.open(thread);
  }

  // ---- the open conversation ----

  const systemLine = (...children) => h("div", { class: cls.bItem }, h("div", { class: cls.bSystem }, ...children));

  function bubble(thread, message, comment) {
    if (message.from === "customer") {
      return h(
        "div",
        { class: cls.bItem },
        h(
          "div",
          { class: cls.bSideLeft },
          h("div", {}, h("img", { class: cls.bFace, alt: thread.customer, height: "32", width: "32", src: avatarUrl(thread.customer) })),
          h("div", { class: cls.bBubble }, comment ? h("div", { class: cls.bAuthor }, thread.customer) : null, message.text),
        ),
      );
    }
    return h(
      "div",
      { class: cls.bItem },
      h(
        "div",
        { class: cls.bSideRight },
        h(
          "div",
          { class: cls.bColumnEnd },
          h("div", { class: cls.bBubblePage }, message.text),
          // An automatic answer was sent by no one.
          message.agent ? h("div", { class: cls.bSentBy }, fill(UI.sentBy, { name: message.agent })) : null,
        ),
      ),
    );
  }

  function appendMessage(thread, message, previous) {
    const list = pane.messages;
    if (!previous || message.at - previous.at >= HOUR) list.append(h("div", { class: cls.bSeparator }, separatorLabel(message.at, Date.now(), lang)));
    if (message === adReply(thread)) list.append(systemLine(fill(UI.repliedToAd, { name: thread.customer })));
    list.append(bubble(thread, message, CHANNELS[thread.channel].surface === "comment"));
    // Under an automatic answer; its "Save" is a link-like text (no role: the region holds
    // plain divs).
    if (message.automated) list.append(systemLine(`${UI.autoAnswer} `, h("span", { class: cls.bLink }, UI.save)));
  }

  function sidebar(thread) {
    const box = h("textarea", { class: cls.bNotes, placeholder: UI.addNote, rows: "3" });
    box.value = notes.get(thread.id) ?? "";
    box.addEventListener("input", () => notes.set(thread.id, box.value));
    return h(
      "div",
      { class: cls.bSidebar },
      h("img", { class: cls.bAvatarLarge, alt: "", src: avatarUrl(thread.customer) }),
      h("div", { class: cls.bSidebarName }, thread.customer),
      h("div", { class: cls.bMuted }, UI.contact),
      h("div", { class: cls.bSectionTitle }, UI.labels),
      h("div", { class: cls.bChips }, ...(thread.labels ?? []).map((label) => h("div", { class: cls.bChip }, label))),
      h("div", { class: cls.bSectionTitle }, UI.notes),
      box,
      h("div", { class: cls.bButton, role: "button", tabindex: "0" }, UI.save),
    );
  }

  function renderPane(thread) {
    const channel = CHANNELS[thread.channel];
    const messages = h("div", { class: cls.bMessages });
    if (channel.surface === "comment") {
      messages.append(
        h(
          "div",
          { class: cls.bPost },
          h("img", { class: cls.bFace, alt: app.page.name, height: "32", width: "32", src: avatarUrl(app.page.name) }),
          h("div", { class: cls.bAuthor }, app.page.name),
          h("div", {}, thread.post.text),
        ),
      );
    }
    const region = h("div", { class: cls.bRegion, ...hooks.messageList(UI), tabindex: "0" }, messages);
    const conversation = h(
      "div",
      { class: cls.bConversation },
      h(
        "div",
        { class: cls.bHeader, "data-pagelet": hooks.headerPagelet },
        h("img", { class: cls.bFace, alt: "", height: "32", width: "32", src: avatarUrl(thread.customer) }),
        h("div", { class: cls.bHeaderText }, h("div", { class: cls.bHeaderName, style: "-webkit-line-clamp: 1;" }, thread.customer), h("div", { class: cls.bMuted }, UI.channels[thread.channel])),
      ),
      region,
    );
    const side = sidebar(thread);
    pane = { conversation, region, messages, notes: side.querySelector("textarea") };
    thread.messages.forEach((message, index) => appendMessage(thread, message, thread.messages[index - 1]));
    detail.replaceChildren(conversation, side);
  }

  return {
    name: variant,
    defaultComposer: hooks.composer,
    /** The address names a thread only once a row is clicked. */
    namesOpenThread: false,

    mount(mountPoint) {
      root = mountPoint;
      spacer = h("div", {});
      scroller = h("div", { class: cls.bScroller }, spacer);
      scroller.addEventListener("scroll", () => renderList());
      spacer.addEventListener("click", onListClick);
      // The row's action cells are links to "#": they act in place, never navigate.
      spacer.addEventListener("click", (event) => {
        if (event.target.closest("a")) event.preventDefault();
      }, true);
      search = h("input", { class: cls.bSearch, type: "search", placeholder: UI.search, "aria-label": UI.search });
      listColumn = h("div", { class: cls.bListColumn }, h("div", { class: cls.bSearchBar }, search), h("div", { class: cls.bListBody, "data-pagelet": listPagelet }, scroller));
      detail = h("div", { class: cls.bDetail, "data-pagelet": hooks.detailPagelet });
      root.append(
        h(
          "div",
          { class: cls.app },
          h("div", { class: cls.banner }, h("div", { class: cls.bannerTitle }, app.page.name), h("img", { class: cls.bFace, alt: app.agent, height: "32", width: "32", src: avatarUrl(app.agent) })),
          h("div", { class: cls.bMain, role: hooks.mainRole }, h("h2", { class: cls.bHeading }, UI.inbox), h("div", { class: cls.body }, listColumn, detail)),
        ),
      );
    },
    renderList,
    renderPane,
    appendMessage,
    mountComposer: (composer) => pane.conversation.append(composer.element),
    scrollToEnd: () => {
      pane.region.scrollTop = pane.region.scrollHeight;
    },
    /** The placeholder names the channel (changed: the customer's first name); the
     * textarea has no aria-label, the Lexical box is labelled "Message", a plain
     * contenteditable with its placeholder. */
    composerOptions: (thread, kind) => {
      const label = fill(UI.composer[thread.channel], { page: app.page.name, handle: app.page.instagram, name: thread.customer.split(" ")[0] });
      return {
        label,
        ariaLabel: { lexical: UI.message, textarea: null, editable: label }[kind],
        sendLabel: UI.send,
        sendIcon: hooks.sendIcon,
        attributes: { type: "text", dir: null },
      };
    },
    rerenderRows,
    recycleRows,
    rows: () => pool.filter((node) => node.isConnected),
    rowThread: (element) => (pool.includes(element) && element.isConnected ? rowState.get(element).thread : null),
    rowOf: (id) => pool.find((node) => node.isConnected && rowState.get(node).thread?.id === id) ?? null,
    scrollListTo: (index) => {
      scroller.scrollTop = index * ROW_HEIGHT;
      renderList();
      return new Promise((resolve) => requestAnimationFrame(() => resolve()));
    },
    removeConversationList: () => listColumn.remove(),
    renameAttributes: () => {
      renameAttributes(root, PROFILE_ATTRIBUTES);
      renderList();
    },
    notesBox: () => pane?.notes ?? null,
    searchField: () => search,
  };
}
