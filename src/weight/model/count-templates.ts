/**
 * Templates: the slot sequences of real sentences and titles, with damped weights. Brown-like
 * corpora have no titles, so when real titles are scarce, noun-phrase chunks of body sentences
 * ("the Quiet Shape of Winter") stand in as title templates.
 */
import type { DampFn } from '../../model/damping.js';
import type { TemplateTable } from '../../model/language-model.js';
import type { InternedCorpus, InternedSentence } from './intern-corpus.js';
import { round } from './count-contexts.js';

/** Fewer real titles than this and noun-phrase chunks are added as title templates. */
const MIN_TITLE_TEMPLATES = 30;
const MAX_TITLE_WORDS = 10;

interface Acc {
  slots: number[];
  sum: number;
  doc: number;
  docW: number;
}

export function countSentenceTemplates(c: InternedCorpus, damp: DampFn): TemplateTable {
  const accs = new Map<string, Acc>();
  for (const s of c.sentences) {
    if (!s.isTitle && s.clean) add(accs, s.slots, s);
  }
  return finishTemplates(accs, c, damp, 3);
}

export function countTitleTemplates(c: InternedCorpus, damp: DampFn): TemplateTable {
  const accs = new Map<string, Acc>();
  for (const s of c.sentences) {
    if (!s.isTitle || !s.clean) continue;
    let end = s.slots.length;
    while (end > 1 && isPunct(c.slots.list[s.slots[end - 1]])) end--;
    add(accs, s.slots.slice(0, end), s);
  }
  if (accs.size < MIN_TITLE_TEMPLATES) {
    for (const s of c.sentences) {
      if (!s.isTitle) for (const chunk of nounChunks(s.slots, c.slots.list)) add(accs, chunk, s);
    }
  }
  return finishTemplates(accs, c, damp, 1);
}

function add(accs: Map<string, Acc>, slots: number[], s: InternedSentence): void {
  const key = slots.join(',');
  const acc = accs.get(key);
  if (!acc) accs.set(key, { slots, sum: s.weight, doc: s.doc, docW: s.weight });
  else {
    acc.sum += s.weight;
    if (s.weight > acc.docW) {
      acc.doc = s.doc;
      acc.docW = s.weight;
    }
  }
}

function finishTemplates(accs: Map<string, Acc>, c: InternedCorpus, damp: DampFn, minWords: number): TemplateTable {
  const t = { start: [] as number[], slots: [] as number[], weight: [] as number[], length: [] as number[], doc: [] as number[] };
  for (const acc of accs.values()) {
    const length = acc.slots.filter((s) => !isPunct(c.slots.list[s])).length;
    if (length < minWords || (minWords === 1 && length > MAX_TITLE_WORDS)) continue;
    t.start.push(t.slots.length);
    t.slots.push(...acc.slots);
    t.weight.push(round(damp(acc.sum)));
    t.length.push(length);
    t.doc.push(acc.doc);
  }
  t.start.push(t.slots.length);
  return t satisfies TemplateTable;
}

export const isPunct = (slot: string): boolean => slot === '<s>' || /^=[^\p{L}\p{N}]+$/u.test(slot);

const chunkModifier = /^(ADJ|ADJ_S|NOUN_S|PROPN|VERB_G)$/;
const chunkHead = /^(NOUN_S|NOUN_P)$/;
const chunkLink = new Set(['=of', '=and', '=in']);

/**
 * Noun-phrase chunks: ("the")? modifiers* noun, optionally joined by "of"/"and"/"in" to another
 * ("the Quiet Shape of Winter"). A plural noun ends a phrase: "bees city" is no compound.
 */
function nounChunks(slots: number[], names: string[]): number[][] {
  const out: number[][] = [];
  let i = 0;
  while (i < slots.length) {
    const start = names[slots[i]] === '=the' ? i + 1 : i;
    const end = phraseEnd(slots, names, start);
    if (end - start >= 2) {
      let k = end;
      if (k + 1 < slots.length && chunkLink.has(names[slots[k]])) {
        const from = names[slots[k + 1]] === '=the' ? k + 2 : k + 1;
        const tail = phraseEnd(slots, names, from);
        if (tail > from) k = tail;
      }
      out.push(slots.slice(i, k));
    }
    i = Math.max(end, i + 1);
  }
  return out;
}

/** End of a phrase "modifiers* noun" starting at `from` (the end of its last noun), or `from` if none. */
function phraseEnd(slots: number[], names: string[], from: number): number {
  let j = from;
  let end = from;
  while (j < slots.length && chunkModifier.test(names[slots[j]])) {
    if (chunkHead.test(names[slots[j]])) end = j + 1;
    j++;
  }
  if (j < slots.length && names[slots[j]] === 'NOUN_P') end = j + 1;
  return end;
}
