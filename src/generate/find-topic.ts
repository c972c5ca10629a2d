/**
 * Topic words: a user's word resolved to a vocabulary id (exact form first, then any casing),
 * and the slots it can fill (the classes it was seen in, or its literal slot).
 */
import type { LanguageModel } from '../model/language-model.js';
import { unknownTopic } from './errors.js';
import type { LevelIndex } from './index-contexts.js';

/** A class counts for a topic word when its weight there is at least this share of its top class. */
const MIN_SLOT_SHARE = 0.5;

export interface TopicWord {
  text: string;
  word: number;
  slots: Set<number>;
}

const lowerIndex = new WeakMap<LanguageModel, Map<string, number[]>>();

function byLower(lm: LanguageModel): Map<string, number[]> {
  let m = lowerIndex.get(lm);
  if (!m) {
    m = new Map();
    lm.words.forEach((w, id) => {
      const k = w.toLowerCase();
      const ids = m!.get(k);
      if (ids) ids.push(id);
      else m!.set(k, [id]);
    });
    lowerIndex.set(lm, m);
  }
  return m;
}

/** Splits topic phrases into words and resolves each; throws for a word the corpus never uses. */
export function findTopicWords(lm: LanguageModel, slotLevel: LevelIndex, topic: string[]): TopicWord[] {
  const texts = topic.flatMap((t) => t.split(/\s+/)).filter((t) => t.length > 0);
  return texts.map((text) => {
    const lower = text.toLowerCase() === 'an' ? 'a' : text.toLowerCase();
    const candidates = [...(lm.words.indexOf(text) > 0 ? [lm.words.indexOf(text)] : []), ...(byLower(lm).get(lower) ?? [])];
    for (const word of candidates) {
      const slots = slotsOfWord(lm, slotLevel, word);
      if (slots.size > 0) return { text, word, slots };
    }
    throw unknownTopic(text, similarWords(lm, lower));
  });
}

/** The slots a word fills: its literal slot, or the classes it was seen in often enough (tagger noise aside). */
function slotsOfWord(lm: LanguageModel, slotLevel: LevelIndex, word: number): Set<number> {
  const slots = new Set<number>();
  lm.slotWord.forEach((w, slot) => {
    if (w === word) slots.add(slot);
  });
  if (slots.size > 0) return slots;
  const weights = new Map<number, number>();
  const t = slotLevel.table;
  for (let r = 0; r < t.keys.length; r++) {
    for (let e = t.rowStart[r]; e < t.rowStart[r + 1]; e++) if (t.word[e] === word) weights.set(t.keys[r], t.weight[e]);
  }
  const max = Math.max(0, ...weights.values());
  for (const [slot, w] of weights) if (w >= MIN_SLOT_SHARE * max) slots.add(slot);
  return slots;
}

/** Up to three corpus words sharing the longest prefix with the unknown word (for the hint). */
function similarWords(lm: LanguageModel, lower: string): string[] {
  for (let k = Math.min(lower.length, 6); k >= 2; k--) {
    const prefix = lower.slice(0, k);
    const found = [...byLower(lm).keys()].filter((w) => w.startsWith(prefix) && /^\p{L}+$/u.test(w)).sort().slice(0, 3);
    if (found.length) return found;
  }
  return [];
}
