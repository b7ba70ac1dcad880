// Element building with DOM APIs only (page text never goes through innerHTML), and the
// atomic class lists each kind of element wears. The names in `cls` are for this source
// only: the page sees the meaningless atomic classes of inbox.css.

/**
 * h("div", {class: cls.row, "aria-label": "…"}, child, "text", …): attributes are set as
 * given; null, undefined and false leave one out, true sets it empty. Children may be
 * nodes, strings or null (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(attributeName(name), value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

/** The attributes renameAttributes() renamed (set by the layout: what a selector profile
 * would read on it), or none yet. */
let renamed = [];

/** What the page calls attribute `name` now: after renameAttributes(), a renamed attribute
 * goes by data-x-<name>, as after a redesign of Meta's markup. */
export function attributeName(name) {
  return renamed.includes(name) ? `data-x-${name}` : name;
}

/** Renames `names` on every element under `root` to data-x-<name>, and on every element
 * rendered from now on (contenteditable never: the editor itself needs it). */
export function renameAttributes(root, names) {
  renamed = names.filter((name) => name !== "contenteditable");
  for (const element of [root, ...root.querySelectorAll("*")]) {
    for (const name of renamed) {
      if (!element.hasAttribute(name)) continue;
      element.setAttribute(attributeName(name), element.getAttribute(name));
      element.removeAttribute(name);
    }
  }
}

/** An inline svg of one path: svgIcon("0 0 24 24", cls.sendIcon, {d: "M…", fill: "…"}). */
export function svgIcon(viewBox, className, pathAttributes) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", viewBox);
  svg.setAttribute("class", className);
  const path = document.createElementNS(ns, "path");
  for (const [name, value] of Object.entries(pathAttributes)) path.setAttribute(name, value);
  svg.append(path);
  return svg;
}

/** Sets an attribute only when its value changes (null removes it), as React patches a
 * node it keeps: an unchanged render writes nothing, so no mutation reaches observers. */
export function setAttr(element, name, value) {
  const actual = attributeName(name);
  if (value === null || value === undefined || value === false) {
    if (element.hasAttribute(actual)) element.removeAttribute(actual);
  } else if (element.getAttribute(actual) !== String(value)) {
    element.setAttribute(actual, String(value));
  }
}

/** Sets an element's text, changing its text node's data in place when it has one (as
 * React updates a text it keeps), and only when it differs. */
export function setText(element, text) {
  const only = element.childNodes.length === 1 ? element.firstChild : null;
  if (only?.nodeType === Node.TEXT_NODE) {
    if (only.data !== text) only.data = text;
  } else if (element.textContent !== text || element.childNodes.length !== 1) {
    element.replaceChildren(text);
  }
}

export const cls = {
  app: "x78zum5 xdt5ytf xg01cxk x1xgvd2v x1o0tod",
  banner: "x78zum5 x6s0dn4 x1qughib xngnso2 x1hbbu2b x1yvgwvq x1xvq2lg x2lah0s",
  bannerTitle: "x1s688f x1603h9y",
  account: "x78zum5 x6s0dn4 xl56j7k xd7ygy7 x1fqlqnx x1r8a4m5 x1s688f",
  body: "x78zum5 x1iyjqo2 x1ey2m1c",
  listColumn: "x78zum5 xdt5ytf x1v8p93f x2lah0s x1yvgwvq xhaml4f x1odjw0f",
  listHeading: "x1swvt13 x1s688f x1603h9y xdj266r",
  row: "x78zum5 x6s0dn4 x1oo3vh0 x1swvt13 x1nhvcw1 x1hl2dhg x1dr75xp x1ypdohk",
  rowSelected: "x78zum5 x6s0dn4 x1oo3vh0 x1swvt13 x1nhvcw1 x1hl2dhg xiyaj7m x1ypdohk",
  avatar: "x78zum5 x6s0dn4 xl56j7k xd7ygy7 x1fqlqnx x1r8a4m5 x2lah0s x1s688f",
  rowBody: "x78zum5 xdt5ytf x1iyjqo2 xeuugli x1sdyfia",
  rowLine: "x78zum5 x6s0dn4 x1qughib x1c4vz4f",
  name: "xb3r6kr xlyipyv xuxw1ft",
  nameUnread: "xb3r6kr xlyipyv xuxw1ft x117nqv4",
  snippet: "xb3r6kr xlyipyv xuxw1ft xi81zsa x1xlr1w8",
  snippetUnread: "xb3r6kr xlyipyv xuxw1ft x1o0tod x1xlr1w8 x1s688f",
  time: "xi81zsa x1j61zf2 x2lah0s x1hl2dhg",
  dot: "x1wsgfga x1fqlqnx x1xv5n0h x2lah0s",
  channelIcon: "x78zum5 x6s0dn4 xl56j7k x1kpxq89 x1fqlqnx x1vtvx1t x1j61zf2 x2lah0s",
  pane: "x78zum5 xdt5ytf x1iyjqo2 xeuugli x1yvgwvq",
  paneHeader: "x78zum5 xdt5ytf x1swvt13 x1xvq2lg x2lah0s",
  paneTitle: "x1603h9y x1s688f xdj266r",
  paneSubtitle: "xi81zsa x1xlr1w8",
  messages: "x78zum5 xdt5ytf x1iyjqo2 x1ey2m1c x1odjw0f xyamay9 x1c4vz4f",
  messageRow: "x78zum5 xdt5ytf x1sdyfia",
  messageRowPage: "x78zum5 xdt5ytf xuk3077 x1sdyfia",
  bubble: "xz9dl7a x1q0q8m5 x1fqp7bg x1vtvx1t x126k92a x1vvkbs x1y1aw1k",
  bubblePage: "xz9dl7a x1q0q8m5 x1fqp7bg x1xv5n0h x14ctfv x126k92a x1vvkbs x1y1aw1k",
  meta: "xi81zsa x1j61zf2",
  separator: "xi81zsa x1j61zf2 x14vqqas",
  post: "x78zum5 xdt5ytf x1c4vz4f xyamay9 xbsr9hj xx3o462",
  comment: "x78zum5 xdt5ytf x1sdyfia",
  commentReply: "x78zum5 xdt5ytf x1sdyfia x1y332i5",
  commentAuthor: "x1s688f x1xlr1w8",
  commentText: "x126k92a x1vvkbs x1y1aw1k",
  composerBar: "x78zum5 xuk3077 x1c4vz4f x1swvt13 x1b6r0gi x2lah0s",
  composerBox: "x1n2onr6 x1iyjqo2 xeuugli xz9dl7a x1q0q8m5 x1e2mf6k x1c9tyrk x1odjw0f",
  editor: "xzsf02u x1a2a7pz x1n2onr6 x1y1aw1k x1lkfr7t notranslate",
  placeholder: "x10l6tqk x1gslohp x1ldc4uo xi81zsa x47corl x1y1aw1k x1lkfr7t xuxw1ft",
  // A plain contenteditable keeps its spaces as typed (pre-wrap), as Lexical's root does.
  editable: "xzsf02u x1a2a7pz x1n2onr6 x1y1aw1k x1lkfr7t x126k92a x1vvkbs notranslate",
  textarea: "xh8yej3 x1hq5gj4 x972fbf x1rg5ohu x1hmns74 x1a2a7pz x1y1aw1k x9f619",
  send: "xz9dl7a x1s688f x1fey0fg x1ypdohk x2lah0s",
  sendIcon: "x1kpxq89",
  srOnly: "xjm9jq1",
  // The business layout (layouts/business.js).
  bMain: "x78zum5 xdt5ytf x1iyjqo2 x1ey2m1c",
  bHeading: "x1603h9y x1s688f xdj266r x1swvt13 x1yvgwvq x1xvq2lg x2lah0s",
  bListColumn: "x78zum5 xdt5ytf x1v8p93f x2lah0s x1yvgwvq xhaml4f",
  bSearchBar: "x1swvt13 x2lah0s",
  bSearch: "xh8yej3 x9f619 xx3o462 xbsr9hj xz9dl7a x1hmns74 x1e2mf6k",
  bListBody: "x78zum5 xdt5ytf x1iyjqo2 x1ey2m1c",
  bScroller: "x1iyjqo2 x1odjw0f x1ey2m1c",
  bRow: "x1ypdohk x1dr75xp x1rowhv x9f619",
  bRowSelected: "x1ypdohk x1sel5f7 x1rowhv x9f619",
  bRowInner: "x78zum5 x1oo3vh0 xz9dl7a x1n2onr6 x5yr21d x9f619",
  bAvatarBox: "x1n2onr6 xnnlda6 x2lah0s",
  bAvatar: "xnnlda6 x1fqlqnx x1r8a4m5",
  bChannelBox: "x10l6tqk x78zum5 x1fqlqnx x1yvgwvq x1chbox",
  bChannel: "x1kpxq89",
  bRowText: "x78zum5 xdt5ytf x1iyjqo2 xeuugli x1sdyfia x1rtxpad",
  bClamp: "xb3r6kr xlyipyv xuxw1ft x2lah0s",
  bName: "x1lkfr7t",
  bNameUnread: "x1lkfr7t x117nqv4",
  bTime: "x10l6tqk x1gslohp x1grdrt xi81zsa x1j61zf2",
  bGrid: "x10l6tqk x1grdrt x1grdbt x78zum5 x1c4vz4f x1grdop",
  bGridCell: "x1cell20 x1fqlqnx x1vtvx1t",
  bChips: "x78zum5 x1c4vz4f x1wrap0",
  bRowChips: "x78zum5 x1c4vz4f xb3r6kr x2lah0s",
  bChip: "x78zum5 x6s0dn4 x1sdyfia x1chpad xbsr9hj x1vtvx1t x1j61zf2 xuxw1ft xeuugli",
  bAdName: "xb3r6kr xlyipyv xuxw1ft x1adnmw",
  adLogo: "x1adlogo",
  bDetail: "x78zum5 x1iyjqo2 xeuugli x1ey2m1c",
  bConversation: "x78zum5 xdt5ytf x1iyjqo2 xeuugli x1yvgwvq x1ey2m1c",
  bHeader: "x78zum5 x6s0dn4 x1c4vz4f x1swvt13 x1xvq2lg x2lah0s",
  bHeaderText: "x78zum5 xdt5ytf xeuugli",
  bHeaderName: "x1s688f x1603h9y xb3r6kr xlyipyv xuxw1ft",
  bMuted: "xi81zsa x1xlr1w8",
  bFace: "x1fqlqnx x1r8a4m5 x2lah0s",
  bRegion: "x78zum5 xdt5ytf x1iyjqo2 x1ey2m1c x1odjw0f xyamay9",
  bMessages: "x78zum5 xdt5ytf x1c4vz4f",
  bItem: "xh8yej3",
  bSideLeft: "x78zum5 x1ym3pe0 xuk3077 x1c4vz4f",
  bSideRight: "x78zum5 x13a6bvl xuk3077",
  bColumnEnd: "x78zum5 xdt5ytf xuk3077 x1fqp7bg x1sdyfia",
  bBubble: "xz9dl7a x1q0q8m5 x1vtvx1t x126k92a x1vvkbs x1y1aw1k x1fqp7bg",
  bBubblePage: "xz9dl7a x1q0q8m5 xgrad01 x14ctfv x126k92a x1vvkbs x1y1aw1k",
  bSentBy: "xi81zsa x1j61zf2",
  bAuthor: "x1s688f x1xlr1w8",
  bSeparator: "xi81zsa x1j61zf2 x14vqqas",
  bSystem: "xi81zsa x1j61zf2 x14vqqas",
  bLink: "x1fey0fg x1s688f x1ypdohk",
  bPost: "x78zum5 xdt5ytf x1c4vz4f xyamay9 xbsr9hj xx3o462",
  bSidebar: "x78zum5 xdt5ytf x1c4vz4f x1sidew x2lah0s x1swvt13 x1sidebl x1yvgwvq x1odjw0f x9f619",
  bAvatarLarge: "xnnlda6 x1fqlqnx x1r8a4m5",
  bSidebarName: "x1s688f x1603h9y",
  bSectionTitle: "x1s688f x1xlr1w8 x1sectop",
  bNotes: "xh8yej3 x9f619 xx3o462 xbsr9hj xz9dl7a x1hmns74 x1hq5gj4",
  bButton: "xz9dl7a xbsr9hj x1vtvx1t x1s688f x1ypdohk x14vqqas",
  // Lexical's theme: the classes it puts on what it renders.
  paragraph: "xdj266r x1y1aw1k",
  mention: "xiyaj7m x1fey0fg",
};
