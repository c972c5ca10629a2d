/**
 * The joining data of the language model (see src/model/join-tokens.ts): which tokens attach to
 * the one before (`glue`), which ones the next token attaches to (`opens`), and the pairs the
 * corpus joined against that default (`joinFlips`), each decided by the majority of the corpus.
 * Only punctuation and clitics glue or open by default, so two words join only where the corpus
 * joined exactly those two.
 */
import { defaultSpace, mayGlueLeft, mayOpen, pairKey, STRAIGHT_QUOTE } from '../../model/join-tokens.js';
import { GLUED_PAIR_BASE, type InternedCorpus } from './intern-corpus.js';

export interface Joins {
  glue: number[];
  opens: number[];
  joinFlips: number[];
}

export function countJoins(c: InternedCorpus): Joins {
  const forms = c.words.list;
  const V = forms.length;
  const glue = forms.map((f, w) => (mayGlueLeft(f) && c.glued[w] > c.spaced[w] ? 1 : 0));
  // Followers of each token that do not glue anyway (so "approx." + ")" says nothing), all and glued.
  const quote = c.words.ids.get(STRAIGHT_QUOTE) ?? -1;
  const counts = (w: number) => glue[w] === 0 && w !== quote;
  const next = new Float64Array(V);
  const nextGlued = new Float64Array(V);
  for (const s of c.sentences) for (let i = 1; i < s.words.length; i++) if (counts(s.words[i])) next[s.words[i - 1]]++;
  for (const [key, n] of c.gluedPairs) if (counts(key % GLUED_PAIR_BASE)) nextGlued[Math.floor(key / GLUED_PAIR_BASE)] += n;
  const isOpen = new Uint8Array(V);
  const opens: number[] = [];
  for (let w = 1; w < V; w++) {
    if (mayOpen(forms[w]) && nextGlued[w] * 2 > next[w]) {
      isOpen[w] = 1;
      opens.push(w);
    }
  }
  // Every pair that was glued at least once, or that the default glues: how often it occurs.
  const seen = new Map<number, number>();
  for (const s of c.sentences) {
    for (let i = 1; i < s.words.length; i++) {
      const [p, w] = [s.words[i - 1], s.words[i]];
      if (p === quote || w === quote) continue;
      const key = p * GLUED_PAIR_BASE + w;
      if (c.gluedPairs.has(key) || !defaultSpace(glue[w] === 1, isOpen[p] === 1)) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const joinFlips: number[] = [];
  for (const [key, n] of seen) {
    const [p, w] = [Math.floor(key / GLUED_PAIR_BASE), key % GLUED_PAIR_BASE];
    const spaced = (c.gluedPairs.get(key) ?? 0) * 2 <= n;
    if (spaced !== defaultSpace(glue[w] === 1, isOpen[p] === 1)) joinFlips.push(pairKey(p, w, V));
  }
  joinFlips.sort((a, b) => a - b);
  return { glue, opens, joinFlips };
}
