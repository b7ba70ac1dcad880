// The replica's Page, channels and conversations. Every time is relative to the moment the
// page loads, because the extension's clock (its isolated world and service worker) is the
// real one: Playwright's page.clock cannot reach it.

import { DAY, HOUR, MINUTE, SECOND } from "./time.js";

export const PAGE = { name: "Lumen Bakery", instagram: "lumenbakery" };

/** The signed-in person, who answers for the Page. */
export const AGENT = "Maria Popa";

/**
 * label: what the list row and the conversation header show; threadType: the URL's
 * thread_type, as Business Suite's; composerLabel: the composer's aria-label and placeholder.
 */
export const CHANNELS = {
  messenger: { label: "Messenger", threadType: "FB_MESSAGE", surface: "message", composerLabel: "Reply in Messenger…" },
  instagram: { label: "Instagram", threadType: "IG_MESSAGE", surface: "message", composerLabel: "Reply in Instagram…" },
  facebook_comment: {
    label: "Facebook comment",
    threadType: "FB_COMMENT",
    surface: "comment",
    composerLabel: `Reply as ${PAGE.name}…`,
  },
  instagram_comment: {
    label: "Instagram comment",
    threadType: "IG_COMMENT",
    surface: "comment",
    composerLabel: `Reply as ${PAGE.instagram}…`,
  },
};

/** How many conversations makeThreads always lists before the generated ones. */
export const FIXED_THREADS = 7;

/**
 * The conversations, newest activity first. Ana's row shows the Page's reply (5m) while her
 * own last message is 2 h old: the reply window runs from the customer's message, not from
 * the row's time. Mihai's window has half an hour left, Aram's is past 24 h, Priya's past 7
 * days. The comment threads carry the post they were written under. Lucia came from an ad
 * (Click-to-Messenger): her only message, 30 h ago, answered seconds later by the Page's
 * automatic greeting (no agent), so Meta's policy gives her thread a window of 7 days, not
 * 24 hours. With `anaWrites: "ro"` Ana writes in Romanian (the template picker then offers
 * Romanian templates first).
 *
 * labels: the label chips Business Suite shows in the row's footer; ad: the ad a thread
 * came from (its name shows in the footer); automated: a Page message no agent sent.
 */
export function makeThreads(now, count = 6, { anaWrites = "en" } = {}) {
  const at = (ago) => new Date(now - ago);
  const customer = (text, ago) => ({ from: "customer", text, at: at(ago) });
  const page = (text, ago, agent = AGENT) => ({ from: "page", text, at: at(ago), agent });
  return [
    {
      id: "100052384037366",
      channel: "messenger",
      customer: "Ana Popescu",
      unread: false,
      labels: ["Orders"],
      messages: [
        customer("Hello! Do you deliver to Cluj?", 26 * HOUR),
        page("Hi Ana, yes: we deliver to Cluj on Tuesdays and Fridays. Maria", 25 * HOUR + 50 * MINUTE),
        anaWrites === "ro"
          ? customer("Bună ziua! Ați trimis rambursarea pentru comanda 4821?", 2 * HOUR)
          : customer("Great. Can I order a birthday cake for Saturday? My daughter turns 6.", 2 * HOUR),
        page("Hi Ana, I'm checking with the kitchen and will write back within the hour. Maria", 5 * MINUTE),
      ],
    },
    {
      id: "122107364918273",
      channel: "facebook_comment",
      customer: "Elena Dumitru",
      unread: true,
      post: { text: "Our new sourdough loaf is out of the oven! Available in all our shops from Monday.", at: at(6 * HOUR) },
      messages: [customer("Cât costă o pâine? Livrați și în Iași?", 4 * HOUR)],
    },
    {
      id: "100089273645128",
      channel: "instagram",
      customer: "Mihai Ionescu",
      unread: false,
      labels: ["Complaint"],
      messages: [
        customer("My order #4821 arrived today and the box was crushed. Two of the eclairs are ruined.", 23.5 * HOUR),
        page("Hi Mihai, I'm sorry the eclairs arrived like that. Could you send a photo of the box? Andrei", 23 * HOUR, "Andrei Stan"),
      ],
    },
    {
      id: "178234659012345",
      channel: "instagram_comment",
      customer: "Jordan Lee",
      handle: "jordan.lee",
      unread: false,
      post: { text: "Weekend special: pistachio croissants, while they last.", at: at(2 * DAY) },
      messages: [customer("Are these vegan?? Nobody ever answers here", 26 * HOUR)],
    },
    {
      id: "100097531864202",
      channel: "messenger",
      customer: "Lucia Marin",
      unread: true,
      labels: ["Intake"],
      ad: { name: "Easter cakes – preorder" },
      messages: [
        customer("Hi! Can I still preorder the Easter cake from your ad?", 30 * HOUR),
        { from: "page", text: "Hi Lucia! Thanks for your message. How can we help?", at: at(30 * HOUR - 4 * SECOND), automated: true },
      ],
    },
    {
      id: "100071928374650",
      channel: "messenger",
      customer: "Aram Petrosyan",
      unread: true,
      messages: [customer("Բարև ձեզ, ունե՞ք առանց գլյուտենի հաց:", 3 * DAY)],
    },
    {
      id: "100064758844409",
      channel: "messenger",
      customer: "Priya Sharma",
      unread: false,
      messages: [customer("नमस्ते, क्या आप रविवार को खुले रहते हैं?", 9 * DAY)],
    },
  ].concat(moreThreads(now, count - FIXED_THREADS, 0));
}

/** The customer's message that answered the ad a thread came from, or null. */
export const adReply = (thread) => (thread.ad ? thread.messages.find((message) => message.from === "customer") : null);

/** Where the reply window changes state, in minutes since the customer wrote. */
const BOUNDARIES = [20 * 60, 23 * 60, 24 * 60, 7 * 24 * 60];

/**
 * `count` more conversations for a long list (?rows=500, or addRows later, `first` the
 * number of those made before): "Customer 8", …, on Messenger and
 * Instagram, their customers' last messages spread over ten days but never within five
 * minutes of a state boundary (so a test run cannot move one across); every fifth answered
 * by the Page a minute later. The Instagram ones have 39-digit thread ids, as Instagram's
 * are (a number that size is no JavaScript Number: ids are strings).
 */
export function moreThreads(now, count, first) {
  const more = [];
  for (let i = first; i < first + count; i++) {
    let minutes = (i * 53 + 17) % (10 * 24 * 60);
    if (BOUNDARIES.some((b) => Math.abs(minutes - b) < 5)) minutes += 10;
    const at = new Date(now - minutes * MINUTE - 20 * 1000);
    const messages = [{ from: "customer", text: `Question number ${i + FIXED_THREADS + 1}?`, at }];
    if (i % 5 === 4) messages.push({ from: "page", text: "Thank you, we're on it.", at: new Date(at.getTime() + MINUTE), agent: AGENT });
    more.push({
      id: i % 2 ? `340282366920938463${String(i).padStart(21, "0")}` : String(200000000000000 + i),
      channel: i % 2 ? "instagram" : "messenger",
      customer: `Customer ${i + FIXED_THREADS + 1}`,
      unread: i % 3 === 0,
      messages,
    });
  }
  return more;
}

/**
 * The conversations of ?boundaries=1: one customer each, who wrote a minute either side of a
 * state boundary: 19 h 59 min (open), 20 h 1 min (closing), 23 h 1 min (last hour), 24 h 1
 * min and 6 days 23 h (human agent only), 7 days 1 min (closed). A stamp names its minute,
 * whose start is the worst case, so the message under a boundary is put on a minute's start
 * (a little under 19 h 59 min ago); the others may only age into their state's middle.
 */
export function boundaryThreads(now) {
  const ages = [
    ["Open Minute", 19 * HOUR + 59 * MINUTE],
    ["Closing Minute", 20 * HOUR + MINUTE],
    ["Lasthour Minute", 23 * HOUR + MINUTE],
    ["Human Minute", 24 * HOUR + MINUTE],
    ["Human Days", 6 * DAY + 23 * HOUR],
    ["Closed Minute", 7 * DAY + MINUTE],
  ];
  return ages.map(([customer, ago], i) => {
    let at = now - ago;
    if (i === 0) at = Math.ceil(at / MINUTE) * MINUTE;
    return {
      id: String(300000000000000 + i),
      channel: i % 2 ? "instagram" : "messenger",
      customer,
      unread: true,
      messages: [{ from: "customer", text: `Is the ${customer.toLowerCase()} order ready?`, at: new Date(at) }],
    };
  });
}

/**
 * The conversations of ?crossing=1: customers whose worst-case age reaches a state boundary
 * at the same whole minute, soon after the page loads (a stamp names its minute, so states
 * change only there): one crosses 20 h (open → closing), one 24 h (last hour → human agent
 * only), one 7 days (human agent only → closed). The minute is the next one, or the one
 * after when the next is under 15 seconds away, so the states before it can be seen.
 */
export function crossingThreads(now) {
  let crossing = Math.ceil(now / MINUTE) * MINUTE;
  if (crossing - now < 15_000) crossing += MINUTE;
  const ages = [
    ["Cross Closing", 20 * HOUR, "messenger"],
    ["Cross Human", 24 * HOUR, "messenger"],
    ["Cross Closed", 7 * DAY, "instagram"],
  ];
  return ages.map(([customer, age, channel], i) => ({
    id: String(310000000000000 + i),
    channel,
    customer,
    unread: true,
    crossesAt: new Date(crossing).toISOString(),
    messages: [{ from: "customer", text: `Is the ${customer.toLowerCase()} order ready?`, at: new Date(crossing - age) }],
  }));
}

/**
 * The conversations of ?waiting=1: customers awaiting a reply whose worst-case wait reaches
 * a mark of the waiting time at the same whole minute, soon after the page loads (each
 * message at a minute's start, as a stamp names it): one crosses 10 minutes (calm → amber),
 * one 15 (amber → red), one 16 (red, still); one has waited 2 days and an hour (a human
 * agent's reply, 4 days left: last by time left, first by waiting time); and one the Page
 * answered, which waits for nothing. The minute is the next one, or the one after when the
 * next is under 30 seconds away, so the waits of the minute before it can be read in
 * time (threads() gives crossesAt).
 */
export function waitingThreads(now) {
  let crossing = Math.ceil(now / MINUTE) * MINUTE;
  if (crossing - now < 30_000) crossing += MINUTE;
  const at = (ago) => new Date(crossing - ago);
  const ages = [
    ["Wait Ten", 10 * MINUTE],
    ["Wait Fifteen", 15 * MINUTE],
    ["Wait Sixteen", 16 * MINUTE],
    ["Wait Days", 2 * DAY + HOUR],
  ];
  const waiting = ages.map(([customer, age], i) => ({
    id: String(320000000000000 + i),
    channel: i % 2 ? "instagram" : "messenger",
    customer,
    unread: true,
    crossesAt: new Date(crossing).toISOString(),
    messages: [{ from: "customer", text: `Is the ${customer.toLowerCase()} order ready?`, at: at(age) }],
  }));
  const answered = {
    id: String(320000000000000 + ages.length),
    channel: "messenger",
    customer: "Wait Answered",
    unread: false,
    crossesAt: new Date(crossing).toISOString(),
    messages: [
      { from: "customer", text: "Is the answered order ready?", at: at(30 * MINUTE) },
      { from: "page", text: "Yes, it is ready.", at: at(5 * MINUTE), agent: AGENT },
    ],
  };
  return [...waiting, answered];
}

