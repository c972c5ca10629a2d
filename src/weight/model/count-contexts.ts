/**
 * Pass two: the word tables, one per back-off level. Each open-class token adds its document's
 * weight to (context, word) at every level; the sums are damped, so a word that fills a context
 * a thousand times is likelier than one seen once, but not a thousand times likelier.
 */
import { CONTEXT_LEVELS, contextKey } from '../../model/context-key.js';
import type { DampFn } from '../../model/damping.js';
import type { ContextLevel, ContextTable, ContextTables } from '../../model/language-model.js';
import type { InternedCorpus } from './intern-corpus.js';

/** A word seen this often is judged by its tags: a class it takes less than MIN_SHARE of the time is tagger noise. */
const MIN_SEEN = 10;
const MIN_SHARE = 0.1;

/** One table per context level, each under its name. */
export function countContexts(c: InternedCorpus, slotWord: number[], damp: DampFn): ContextTables {
  const usual = usualClasses(c, slotWord);
  return Object.fromEntries(CONTEXT_LEVELS.map((level) => [level, countLevel(c, slotWord, usual, damp, level)])) as ContextTables;
}

/**
 * Which (word, class) pairs to learn from: all of a rare word's, and a frequent word's classes
 * that make up at least MIN_SHARE of its uses ("necessary" as a verb once in 200 is a tagging slip).
 */
function usualClasses(c: InternedCorpus, slotWord: number[]): (word: number, slot: number) => boolean {
  const S = c.slots.list.length;
  const pairs = new Map<number, number>();
  const totals = new Map<number, number>();
  for (const s of c.sentences) {
    for (let i = 0; i < s.words.length; i++) {
      if (slotWord[s.slots[i]] >= 0) continue;
      const w = s.words[i];
      pairs.set(w * S + s.slots[i], (pairs.get(w * S + s.slots[i]) ?? 0) + 1);
      totals.set(w, (totals.get(w) ?? 0) + 1);
    }
  }
  return (word, slot) => {
    const total = totals.get(word) ?? 0;
    return total < MIN_SEEN || (pairs.get(word * S + slot) ?? 0) >= MIN_SHARE * total;
  };
}

function countLevel(
  c: InternedCorpus,
  slotWord: number[],
  usual: (word: number, slot: number) => boolean,
  damp: DampFn,
  level: ContextLevel,
): ContextTable {
  const S = c.slots.list.length;
  const V = c.words.list.length;
  const ctxOf = new Map<number, number>();
  const ctxKeys: number[] = [];
  const entryOf = new Map<number, number>();
  const eCtx: number[] = [];
  const eWord: number[] = [];
  const eSum: number[] = [];
  const eDoc: number[] = [];
  const eDocW: number[] = [];
  for (const s of c.sentences) {
    for (let i = 0; i < s.words.length; i++) {
      const slot = s.slots[i];
      if (slotWord[slot] >= 0 || !usual(s.words[i], slot)) continue;
      const prev2 = i > 1 ? s.words[i - 2] : 0;
      const prev = i > 0 ? s.words[i - 1] : 0;
      const next = i + 1 < s.slots.length ? s.slots[i + 1] : 0;
      const key = contextKey(level, S, V, prev2, prev, slot, next);
      let ctx = ctxOf.get(key);
      if (ctx === undefined) {
        ctx = ctxKeys.length;
        ctxOf.set(key, ctx);
        ctxKeys.push(key);
      }
      const pair = ctx * V + s.words[i];
      const e = entryOf.get(pair);
      if (e === undefined) {
        entryOf.set(pair, eCtx.length);
        eCtx.push(ctx);
        eWord.push(s.words[i]);
        eSum.push(s.weight);
        eDoc.push(s.doc);
        eDocW.push(s.weight);
      } else {
        eSum[e] += s.weight;
        if (s.weight > eDocW[e]) {
          eDoc[e] = s.doc;
          eDocW[e] = s.weight;
        }
      }
    }
  }
  return finishTable(level, ctxKeys, eCtx, eWord, eSum, eDoc, damp);
}

/** Rows sorted by key, entries by word: the table's order never depends on insertion order. */
function finishTable(
  level: ContextLevel,
  ctxKeys: number[],
  eCtx: number[],
  eWord: number[],
  eSum: number[],
  eDoc: number[],
  damp: DampFn,
): ContextTable {
  const ctxOrder = ctxKeys.map((_, i) => i).sort((a, b) => ctxKeys[a] - ctxKeys[b]);
  const rank = new Int32Array(ctxKeys.length);
  ctxOrder.forEach((ctx, r) => (rank[ctx] = r));
  const order = eCtx.map((_, i) => i).sort((a, b) => rank[eCtx[a]] - rank[eCtx[b]] || eWord[a] - eWord[b]);
  const rowStart: number[] = [];
  const word: number[] = [];
  const weight: number[] = [];
  const doc: number[] = [];
  let row = -1;
  for (const e of order) {
    while (row < rank[eCtx[e]]) {
      row++;
      rowStart.push(word.length);
    }
    word.push(eWord[e]);
    weight.push(round(damp(eSum[e])));
    doc.push(eDoc[e]);
  }
  rowStart.push(word.length);
  return { level, keys: ctxOrder.map((i) => ctxKeys[i]), rowStart, word, weight, doc };
}

/** Four significant digits keep the JSON small and the arithmetic identical after a round trip. */
export const round = (x: number): number => Number(x.toPrecision(4));
