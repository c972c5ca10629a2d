/**
 * Per-document content-word bags for themes: each document's open-class words (nouns, names,
 * verbs, adjectives, -ly adverbs) with their counts, in docId order, word ids ascending. Pure.
 */
import type { DocTerms } from '../../model/language-model.js';
import type { InternedCorpus } from './intern-corpus.js';

const CONTENT = /^(NOUN|PROPN|VERB|ADJ|ADV_LY)/;

export function countTerms(c: InternedCorpus, slotWord: number[]): DocTerms {
  const content = c.slots.list.map((s, i) => slotWord[i] < 0 && CONTENT.test(s));
  const bags: Map<number, number>[] = c.docs.map(() => new Map());
  for (const s of c.sentences) {
    const bag = bags[s.doc];
    for (let i = 0; i < s.words.length; i++) {
      if (!content[s.slots[i]] || !/\p{L}/u.test(c.words.list[s.words[i]])) continue;
      bag.set(s.words[i], (bag.get(s.words[i]) ?? 0) + 1);
    }
  }
  const out: DocTerms = { start: [0], word: [], count: [] };
  for (const bag of bags) {
    for (const w of [...bag.keys()].sort((a, b) => a - b)) {
      out.word.push(w);
      out.count.push(bag.get(w)!);
    }
    out.start.push(out.word.length);
  }
  return out;
}
