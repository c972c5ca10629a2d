/**
 * Pass one of the model build: every sentence (and title) of every document becomes word ids and
 * slot ids in shared string tables, with its document's weight. Ids follow first appearance in
 * docId order, so the same documents give the same model whatever order they came in.
 */
import type { AnalyzedDocument, TaggedSentence } from '../../analyze/types.js';
import { buildLexicon, slotsOf, type Lexicon } from './slot-of.js';
import { hashUnit, unitsOf } from './hash-units.js';

export interface Interner {
  ids: Map<string, number>;
  list: string[];
}

export interface InternedSentence {
  words: number[];
  slots: number[];
  doc: number;
  weight: number;
  isTitle: boolean;
  /** Fit to serve as a template: starts with a word, plain punctuation, no foreign (X) words, ends like a sentence. */
  clean: boolean;
}

export interface InternedCorpus {
  words: Interner;
  slots: Interner;
  /** Per word: occurrences with and without a space before them. */
  spaced: number[];
  glued: number[];
  /** How often each pair was written with no space between: key `prev * GLUED_PAIR_BASE + word`. */
  gluedPairs: Map<number, number>;
  docs: string[];
  docSource: number[];
  sources: Interner;
  sentences: InternedSentence[];
  guardUnits: number[];
}

/** Punctuation a template may contain besides quotes: brackets and dashes need a partner or a style. */
const plainPunct = new Set([',', '.', '?', '!', ';', ':']);
const finalPunct = new Set(['.', '?', '!']);
/** Double quotes a template may contain when they pair up (see `quotesBalance`). */
const QUOTES = new Set(['"', '“', '”']);
/** Key base of `gluedPairs` (vocabularies stay below 2^26 words). */
export const GLUED_PAIR_BASE = 0x4000000;

export const createInterner = (first: string[]): Interner => ({
  ids: new Map(first.map((s, i) => [s, i])),
  list: [...first],
});

export function intern(t: Interner, s: string): number {
  let id = t.ids.get(s);
  if (id === undefined) {
    id = t.list.length;
    t.ids.set(s, id);
    t.list.push(s);
  }
  return id;
}

export function internCorpus(docs: AnalyzedDocument[], weights: Record<string, number>): InternedCorpus {
  const c: InternedCorpus = {
    words: createInterner(['<s>']),
    slots: createInterner(['<s>']),
    spaced: [0],
    glued: [0],
    gluedPairs: new Map(),
    docs: [],
    docSource: [],
    sources: createInterner([]),
    sentences: [],
    guardUnits: [],
  };
  const sorted = [...docs].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  const scale = meanWeightScale(sorted, weights);
  const lexicon = buildLexicon(allSentences(sorted));
  for (const doc of sorted) {
    const weight = (weights[doc.docId] ?? 1) * scale;
    if (!(weight > 0)) continue;
    const d = c.docs.length;
    c.docs.push(doc.docId);
    c.docSource.push(intern(c.sources, doc.sourceId));
    if (doc.title) addSentence(c, lexicon, doc.title, d, weight, true);
    for (const s of doc.sentences) addSentence(c, lexicon, s, d, weight, false);
  }
  return c;
}

/** Scales document weights to mean 1, so a typical document counts as one occurrence. */
function meanWeightScale(docs: AnalyzedDocument[], weights: Record<string, number>): number {
  let sum = 0;
  let n = 0;
  for (const doc of docs) {
    const w = weights[doc.docId] ?? 1;
    if (w > 0) {
      sum += w;
      n++;
    }
  }
  return sum > 0 ? n / sum : 1;
}

function* allSentences(docs: AnalyzedDocument[]): Generator<TaggedSentence> {
  for (const doc of docs) {
    if (doc.title) yield doc.title;
    yield* doc.sentences;
  }
}

/** Ends with . ? or !, perhaps followed by closing quotes ('"Aye, I come!"'). */
function endsLikeSentence(words: string[]): boolean {
  let end = words.length - 1;
  while (end > 0 && (words[end] === '"' || words[end] === '”')) end--;
  return finalPunct.has(words[end]);
}

/**
 * Whether the double quotes of a sentence pair up: an even number of straight ones (they open and
 * close by turns), curly ones opened before they close, and no quote with nothing inside.
 */
export function quotesBalance(words: string[]): boolean {
  let straight = 0;
  let curly = 0;
  let last = -2;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '"') straight++;
    else if (w === '“') curly++;
    else if (w === '”') curly--;
    else continue;
    if (curly < 0 || i === last + 1) return false;
    last = i;
  }
  return straight % 2 === 0 && curly === 0;
}

function addSentence(c: InternedCorpus, lexicon: Lexicon, s: TaggedSentence, doc: number, weight: number, isTitle: boolean): void {
  if (s.words.length === 0) return;
  const { slots, forms } = slotsOf(s, lexicon);
  const words: number[] = [];
  const slotIds: number[] = [];
  let clean = (s.pos[0] !== 'PUNCT' || QUOTES.has(s.words[0])) && (isTitle || endsLikeSentence(s.words)) && quotesBalance(s.words);
  for (let i = 0; i < forms.length; i++) {
    const w = intern(c.words, forms[i]);
    if (w === c.spaced.length) {
      c.spaced.push(0);
      c.glued.push(0);
    }
    if (i > 0 && !s.spaces[i]) {
      c.glued[w]++;
      const key = words[i - 1] * GLUED_PAIR_BASE + w;
      c.gluedPairs.set(key, (c.gluedPairs.get(key) ?? 0) + 1);
    } else c.spaced[w]++;
    words.push(w);
    slotIds.push(intern(c.slots, slots[i]));
    if ((s.pos[i] === 'PUNCT' && !plainPunct.has(s.words[i]) && !QUOTES.has(s.words[i])) || s.pos[i] === 'X') clean = false;
  }
  c.sentences.push({ words, slots: slotIds, doc, weight, isTitle, clean });
  const text = s.words.map((w, i) => (i > 0 && s.spaces[i] ? ` ${w}` : w)).join('');
  for (const u of unitsOf(text)) c.guardUnits.push(hashUnit(u));
  c.guardUnits.push(0);
}
