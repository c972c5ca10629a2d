/**
 * A theme per post, drawn from the weighted corpus: a seed document (a source by its damped share,
 * then one of its documents by weight, so the log-squared weighting of sources holds across many
 * posts), the content words that characterise it against the whole corpus (tf-idf), widened by
 * the few documents closest to it. Pure; the per-model index is built once and kept in a WeakMap.
 */
import type { Model } from '../model/types.js';
import type { LanguageModel } from '../model/language-model.js';
import type { Rng } from '../rng.js';
import type { LevelIndex } from './index-contexts.js';
import type { TopicWord } from './find-topic.js';

/** Content tokens a document needs to seed a theme (comments and stubs are too small). */
const MIN_SEED_CONTENT = 40;
/** Words in a theme, and documents related to the seed that widen it. */
const THEME_SIZE = 20;
const SEED_WORDS = 40;
const RELATED = 3;
const MIN_SIMILARITY = 0.1;

export interface Theme {
  seed: number;
  related: number[];
  /** Theme word ids, best first. */
  words: number[];
  /** θ of each theme word, in (0, 1], max 1. */
  weight: Map<number, number>;
}

interface ThemeIndex {
  docs: number;
  idf: Float64Array;
  content: number[];
  /** Eligible seed documents per lm source id. */
  bySource: Map<number, number[]>;
  slots: Map<number, Set<number>>;
}

const indexes = new WeakMap<LanguageModel, ThemeIndex>();

function themeIndex(model: Model): ThemeIndex {
  const { lm } = model;
  let ix = indexes.get(lm);
  if (ix) return ix;
  const t = lm.docTerms;
  const df = new Float64Array(lm.words.length);
  const content: number[] = [];
  const bySource = new Map<number, number[]>();
  for (let d = 0; d < lm.docs.length; d++) {
    let n = 0;
    for (let e = t.start[d]; e < t.start[d + 1]; e++) {
      df[t.word[e]]++;
      n += t.count[e];
    }
    content.push(n);
    if (n >= MIN_SEED_CONTENT && (model.documentWeights[lm.docs[d]] ?? 1) > 0) {
      const list = bySource.get(lm.docSource[d]) ?? [];
      list.push(d);
      bySource.set(lm.docSource[d], list);
    }
  }
  const D = lm.docs.length;
  const idf = df.map((f) => Math.log((1 + D) / (1 + f)) + 1);
  ix = { docs: D, idf, content, bySource, slots: new Map() };
  indexes.set(lm, ix);
  return ix;
}

/** The slots a theme word can fill (as find-topic's slotsOfWord decides, from one index per model). */
export function themeTopic(model: Model, slotLevel: LevelIndex, word: number): TopicWord | undefined {
  const ix = themeIndex(model);
  if (ix.slots.size === 0) indexSlots(model.lm, slotLevel, ix.slots);
  const slots = ix.slots.get(word);
  return slots && slots.size > 0 ? { text: model.lm.words[word], word, slots } : undefined;
}

/** word → the class slots it fills with at least half the weight of its top class (MIN_SLOT_SHARE in find-topic.ts). */
function indexSlots(lm: LanguageModel, slotLevel: LevelIndex, out: Map<number, Set<number>>): void {
  const t = slotLevel.table;
  const best = new Map<number, number>();
  for (let r = 0; r < t.keys.length; r++) {
    for (let e = t.rowStart[r]; e < t.rowStart[r + 1]; e++) best.set(t.word[e], Math.max(best.get(t.word[e]) ?? 0, t.weight[e]));
  }
  for (let r = 0; r < t.keys.length; r++) {
    for (let e = t.rowStart[r]; e < t.rowStart[r + 1]; e++) {
      if (t.weight[e] < 0.5 * best.get(t.word[e])!) continue;
      let set = out.get(t.word[e]);
      if (!set) out.set(t.word[e], (set = new Set()));
      set.add(t.keys[r]);
    }
  }
  if (out.size === 0) out.set(-1, new Set());
  void lm;
}

/** Draws a theme; undefined when no document is big enough to seed one. Two rng draws. */
export function pickTheme(model: Model, slotLevel: LevelIndex, rng: Rng, topics: TopicWord[] = []): Theme | undefined {
  const { lm } = model;
  const ix = themeIndex(model);
  const has = (d: number, w: number): boolean => termCount(lm, d, w) > 0;
  const allowed = (d: number): boolean => topics.length === 0 || topics.every((t) => has(d, t.word));
  const shareOf = new Map(model.sources.map((s) => [s.sourceId, s.dampedShare]));
  const candidates = [...ix.bySource.entries()]
    .map(([src, docs]) => [src, docs.filter(allowed)] as const)
    .filter(([, docs]) => docs.length > 0);
  const u1 = rng();
  const u2 = rng();
  if (candidates.length === 0) return undefined;
  const src = drawBy(candidates, ([s]) => shareOf.get(lm.sources[s]) ?? 1, u1);
  const seed = drawBy(src[1], (d) => model.documentWeights[lm.docs[d]] ?? 1, u2);

  const seedVec = vectorOf(lm, ix, seed, slotLevel, model);
  const top = [...seedVec.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SEED_WORDS);
  const topSet = new Map(top);
  const norm = Math.hypot(...top.map(([, v]) => v));
  const sims: [number, number][] = [];
  for (let d = 0; d < lm.docs.length && norm > 0; d++) {
    if (d === seed || ix.content[d] < MIN_SEED_CONTENT) continue;
    let dot = 0;
    let dn = 0;
    for (let e = lm.docTerms.start[d]; e < lm.docTerms.start[d + 1]; e++) {
      const v = (1 + Math.log(lm.docTerms.count[e])) * ix.idf[lm.docTerms.word[e]];
      dn += v * v;
      const s = topSet.get(lm.docTerms.word[e]);
      if (s !== undefined) dot += s * v;
    }
    const sim = dn > 0 ? dot / (norm * Math.sqrt(dn)) : 0;
    if (sim >= MIN_SIMILARITY) sims.push([d, sim]);
  }
  const related = sims.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED);
  const theta = new Map<number, number>();
  const maxSeed = top.length > 0 ? top[0][1] : 1;
  for (const [w, v] of top) theta.set(w, v / maxSeed);
  for (const [d, sim] of related) {
    const vec = [...vectorOf(lm, ix, d, slotLevel, model).entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SEED_WORDS);
    const max = vec.length > 0 ? vec[0][1] : 1;
    for (const [w, v] of vec) if (topSet.has(w) || theta.has(w) || v / max > 0.5) theta.set(w, (theta.get(w) ?? 0) + 0.5 * sim * (v / max));
  }
  const words = [...theta.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, THEME_SIZE);
  const max = words.length > 0 ? words[0][1] : 1;
  return {
    seed,
    related: related.map(([d]) => d),
    words: words.map(([w]) => w),
    weight: new Map(words.map(([w, v]) => [w, v / max])),
  };
}

/** (1 + ln tf) · idf of a document's generable content words (tf ≥ 2 unless the document is short). */
function vectorOf(lm: LanguageModel, ix: ThemeIndex, d: number, slotLevel: LevelIndex, model: Model): Map<number, number> {
  const out = new Map<number, number>();
  const minTf = ix.content[d] < 80 ? 1 : 2;
  for (let e = lm.docTerms.start[d]; e < lm.docTerms.start[d + 1]; e++) {
    const w = lm.docTerms.word[e];
    const tf = lm.docTerms.count[e];
    if (tf < minTf || !/^\p{L}[\p{L}'-]*$/u.test(lm.words[w])) continue;
    if (!themeTopic(model, slotLevel, w)) continue;
    out.set(w, (1 + Math.log(tf)) * ix.idf[w]);
  }
  return out;
}

function termCount(lm: LanguageModel, d: number, w: number): number {
  let lo = lm.docTerms.start[d];
  let hi = lm.docTerms.start[d + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = lm.docTerms.word[mid];
    if (x === w) return lm.docTerms.count[mid];
    if (x < w) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

function drawBy<T>(items: readonly T[], weight: (x: T) => number, u: number): T {
  const total = items.reduce((a, x) => a + Math.max(0, weight(x)), 0);
  let target = u * total;
  for (const x of items) {
    target -= Math.max(0, weight(x));
    if (target < 0) return x;
  }
  return items[items.length - 1];
}
