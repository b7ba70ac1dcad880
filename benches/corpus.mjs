// Writes the benchmark corpus (benches/corpus.json) from the sentence pools below with a
// seeded generator, so the same drafts come out on every machine:
//
//   node benches/corpus.mjs > benches/corpus.json
//
// The JSON is committed and read by both runs: benches/native.rs (the core natively) and
// benches/browser.mjs (the Wasm, write-good and harper.js in Chromium). Drafts mix clean
// replies with ones that trip rules (shouting, arguing, stock phrases, placeholders), as
// agents' real drafts do, so every rule's path is exercised.

const pools = {
  en: {
    greetings: ["Hi Ana,", "Hello Ana,", "Hi there,", "Dear Mrs Popescu,", "Hi Ana Popescu,", "Hey {first_name},"],
    sentences: [
      "Your parcel left our warehouse this morning and should arrive on Thursday.",
      "I am sorry the jacket arrived damaged, that is not the experience we want for you.",
      "You can track it with the link in your confirmation e-mail.",
      "As I already told you, the refund takes five working days.",
      "WE ARE CLOSED on Sunday!!",
      "We apologize for any inconvenience this may have caused.",
      "I have asked the warehouse to send a replacement today.",
      "Could you send me your order number so I can check it?",
      "Thank you for reaching out to us about your order.",
      "The size guide is on the product page, under the photos.",
      "Our new collection is 20% off this weekend at shop.example.com.",
      "It is not our fault that the courier was late.",
      "I understand how frustrating it is to wait this long.",
      "The store on Main Street opens at nine and closes at six.",
      "I have refunded the delivery fee to your card.",
      "Please reply here if anything else comes up.",
    ],
    signOffs: ["– Maria", "Best, Maria", "Kind regards, Maria Ionescu", "The Support Team", ""],
  },
  ro: {
    greetings: ["Bună, Ana!", "Bună ziua, Ana,", "Stimată doamnă Popescu,", "Bună, {prenume}!"],
    sentences: [
      "Comanda dumneavoastră a plecat azi din depozit și ajunge joi.",
      "Îmi pare rău că geaca a ajuns deteriorată.",
      "Puteți urmări coletul cu linkul din e-mailul de confirmare.",
      "După cum v-am mai spus, rambursarea durează cinci zile lucrătoare.",
      "SUNTEM ÎNCHIȘI duminică!!",
      "Ne cerem scuze pentru orice neplăcere creată.",
      "Am cerut depozitului să trimită un produs nou chiar azi.",
      "Reducerea de 20% și codul promoțional sunt valabile până duminică.",
      "Magazinul din centru este deschis de la nouă la șase.",
      "Vă rog să ne scrieți aici dacă mai aveți nevoie de ceva.",
    ],
    signOffs: ["– Maria", "Cu drag, Maria", "Echipa de suport", ""],
  },
  hy: {
    greetings: ["Բարև Ձեզ, Անի։", "Բարև, Անի։", "Հարգելի հաճախորդ,", "Բարև Ձեզ, [ԱՆՈՒՆ]:"],
    sentences: [
      "Ձեր պատվերը ճանապարհին է։",
      "Պատվերը այսօր դուրս է եկել պահեստից և կհասնի հինգշաբթի։",
      "Ցավում եմ, որ բաճկոնը վնասված է հասել։",
      "Կարող եք հետևել առաքմանը հաստատման նամակի հղումով։",
      "Գումարը կվերադարձվի հինգ աշխատանքային օրվա ընթացքում։",
      "ՄԵՆՔ ՓԱԿ ԵՆՔ կիրակի օրը!!",
      "Խանութը բաց է ժամը իննից մինչև վեցը։",
      "Խնդրում եմ գրեք այստեղ, եթե այլ հարց ունենաք։",
    ],
    signOffs: ["Հարգանքով՝ Մարիա", "– Մարիա", ""],
  },
  hi: {
    greetings: ["नमस्ते प्रिया जी,", "नमस्ते {नाम} जी,", "प्रिय ग्राहक,"],
    sentences: [
      "आपका ऑर्डर आज गोदाम से निकल गया है और गुरुवार तक पहुँच जाएगा।",
      "हमें खेद है कि जैकेट खराब हालत में पहुँची।",
      "आप पुष्टि ईमेल में दिए गए लिंक से पार्सल ट्रैक कर सकते हैं।",
      "रिफंड पाँच कार्य दिवसों में आपके खाते में आ जाएगा।",
      "हमने गोदाम से आज ही नया उत्पाद भेजने को कहा है।",
      "दुकान सुबह नौ बजे से शाम छह बजे तक खुली रहती है।",
      "कृपया कोई और सवाल हो तो यहीं लिखें।",
    ],
    signOffs: ["धन्यवाद, मारिया", "– मारिया", ""],
  },
};

const contexts = [
  { customerName: "Ana Popescu", agentName: "Maria", hoursSinceCustomer: 2 },
  { customerName: "Ana Popescu", agentName: "Maria", hoursSinceCustomer: 30 },
  { customerName: "Ana Popescu", agentName: "Maria", hoursSinceCustomer: 1, surface: "comment" },
  {},
];

// mulberry32: a tiny seeded generator, so the corpus is the same everywhere.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(20261123);
const pick = (list) => list[Math.floor(random() * list.length)];

/** One reply of `min` to `max` characters (code points): greeting, sentences, sign-off. */
function draft(pool, min, max) {
  const signOff = pick(pool.signOffs);
  const target = min + Math.floor(random() * (max - min));
  let body = pick(pool.greetings);
  do {
    // A paragraph break now and then, as long replies have them.
    body += (random() < 0.15 ? "\n\n" : " ") + pick(pool.sentences);
  } while ([...body].length + [...signOff].length < target);
  const text = signOff ? `${body}\n${signOff}` : body;
  // Cut (at a code point) to the class's bound: long drafts are exactly their size.
  return [...text].slice(0, max).join("");
}

function drafts(language, min, max, count) {
  return Array.from({ length: count }, (_, i) => ({ text: draft(pools[language], min, max), context: contexts[i % contexts.length] }));
}

const classes = [
  { name: "short-en", language: "en", drafts: drafts("en", 50, 400, 100) },
  { name: "short-ro", language: "ro", drafts: drafts("ro", 50, 400, 100) },
  { name: "short-hy", language: "hy", drafts: drafts("hy", 50, 400, 100) },
  { name: "short-hi", language: "hi", drafts: drafts("hi", 50, 400, 100) },
  { name: "long-2k-en", language: "en", drafts: drafts("en", 2000, 2000, 20) },
  { name: "long-10k-en", language: "en", drafts: drafts("en", 10000, 10000, 10) },
];
// Short drafts shorter than 50 characters after generation cannot occur: a greeting and
// one sentence are longer. Check the bounds anyway, so a pool edit cannot skew a class.
for (const c of classes) {
  for (const d of c.drafts) {
    const n = [...d.text].length;
    const [lo, hi] = c.name.startsWith("short") ? [50, 400] : [Number(c.name.match(/\d+/)[0]) * 1000, Number(c.name.match(/\d+/)[0]) * 1000];
    if (n < lo || n > hi) throw new Error(`${c.name}: a draft of ${n} characters`);
  }
}
process.stdout.write(JSON.stringify({ classes }, null, 1) + "\n");
