/**
 * POS tagging with wink-nlp: text in, tagged tokens out. The model loads on first use (about
 * 0.1 s), so commands that only read a saved model never pay for it; after that all is pure and
 * synchronous. Tokens are read in bulk (one `out()` per attribute for the whole text, not one call
 * per token): that keeps analysis close to wink-nlp's raw tagging speed.
 * Whitespace tokens (tag SPACE, e.g. a paragraph break) are dropped; they only mark that the next
 * token is preceded by space.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItsFunction } from 'wink-nlp';
import type { TaggedSentence } from './types.js';

type Nlp = ReturnType<typeof winkNLP>;

const require = createRequire(import.meta.url);
let nlp: Nlp | undefined;

function getNlp(): Nlp {
  nlp ??= (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  return nlp;
}

/** A text's tokens column-wise, with each sentence's first and last token index (inclusive). */
export interface TaggedTokens {
  words: string[];
  lemmas: string[];
  pos: string[];
  /** Whitespace before each token ('' for none). */
  spaces: string[];
  spans: [number, number][];
}

/** Control characters that could clash with the packed storage format (tab, newline stay). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function tagTokens(text: string): TaggedTokens {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(HAS_CONTROL.test(text) ? text.replace(CONTROL, ' ') : text);
  const tokens = doc.tokens();
  const words = tokens.out() as string[];
  if (words.length === 0) return { words, lemmas: [], pos: [], spaces: [], spans: [] };
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as ItsFunction<string>) as string[];
  // wink-nlp gives no lemma for a few contractions ("cannot" as AUX): use the word itself.
  for (let i = 0; i < lemmas.length; i++) if (typeof lemmas[i] !== 'string') lemmas[i] = words[i].toLowerCase();
  return {
    words,
    lemmas,
    pos,
    spaces: tokens.out(its.precedingSpaces) as string[],
    spans: doc.sentences().out(its.span) as unknown as [number, number][],
  };
}

/** Splits `text` into sentences and tags every token with its Universal POS tag and lemma. */
export function tagText(text: string): TaggedSentence[] {
  return toSentences(tagTokens(text));
}

export function toSentences(t: TaggedTokens): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  forEachSentence(t, (start, end, spaceBefore) => {
    const sentence = hasSpace(t.pos, start, end)
      ? collectSentence(t, start, end)
      : {
          words: t.words.slice(start, end + 1),
          lemmas: t.lemmas.slice(start, end + 1),
          pos: t.pos.slice(start, end + 1),
          spaces: t.spaces.slice(start, end + 1).map((sp) => sp !== ''),
        };
    if (spaceBefore) sentence.spaces[0] = true;
    out.push(sentence);
  });
  return out;
}

/**
 * Calls `visit` for each sentence with at least one real token: its range without leading
 * whitespace tokens, and whether such tokens were skipped (then its first token follows space).
 */
export function forEachSentence(t: TaggedTokens, visit: (start: number, end: number, spaceBefore: boolean) => void): void {
  for (const [first, end] of t.spans) {
    let start = first;
    while (start <= end && t.pos[start] === 'SPACE') start++;
    if (start <= end) visit(start, end, start > first);
  }
}

export function hasSpace(pos: string[], start: number, end: number): boolean {
  for (let i = start; i <= end; i++) if (pos[i] === 'SPACE') return true;
  return false;
}

/** The slow path: a sentence with whitespace tokens inside (rare: a line break mid-sentence). */
export function collectSentence(t: TaggedTokens, start: number, end: number): TaggedSentence {
  const sentence: TaggedSentence = { words: [], lemmas: [], pos: [], spaces: [] };
  let spaceBefore = false;
  for (let i = start; i <= end; i++) {
    if (t.pos[i] === 'SPACE') {
      spaceBefore = true;
      continue;
    }
    sentence.words.push(t.words[i]);
    sentence.lemmas.push(t.lemmas[i]);
    sentence.pos.push(t.pos[i]);
    sentence.spaces.push(spaceBefore || t.spaces[i] !== '');
    spaceBefore = false;
  }
  return sentence;
}
