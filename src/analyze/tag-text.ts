/**
 * POS tagging with wink-nlp: text in, tagged sentences out. The model loads once per process
 * (about 0.3 s); everything after that is pure and synchronous.
 * Tokens are read in bulk (one `out()` per attribute for the whole text, not one call per token):
 * that keeps analysis close to wink-nlp's raw tagging speed. Whitespace tokens (tag SPACE, e.g. a
 * paragraph break) are dropped; they only mark that the next token is preceded by space.
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TaggedSentence } from './types.js';

type Nlp = ReturnType<typeof winkNLP>;

let nlp: Nlp | undefined;

function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Control characters that could clash with the packed storage format (tab, newline stay). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Splits `text` into sentences and tags every token with its Universal POS tag and lemma. */
export function tagText(text: string): TaggedSentence[] {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text.replace(CONTROL, ' '));
  const tokens = doc.tokens();
  const words = tokens.out() as string[];
  if (words.length === 0) return [];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as ItsFunction<string>) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const out: TaggedSentence[] = [];
  for (const [first, end] of spans) {
    let start = first;
    while (start <= end && pos[start] === 'SPACE') start++;
    if (start > end) continue;
    const sentence = hasSpace(pos, start, end)
      ? collect(words, lemmas, pos, spaces, start, end)
      : {
          words: words.slice(start, end + 1),
          lemmas: lemmas.slice(start, end + 1),
          pos: pos.slice(start, end + 1),
          spaces: spaces.slice(start, end + 1).map((sp) => sp !== ''),
        };
    if (start > first) sentence.spaces[0] = true;
    out.push(sentence);
  }
  return out;
}

function hasSpace(pos: string[], start: number, end: number): boolean {
  for (let i = start; i <= end; i++) if (pos[i] === 'SPACE') return true;
  return false;
}

/** The slow path: a sentence with whitespace tokens inside (rare: a line break mid-sentence). */
function collect(words: string[], lemmas: string[], pos: string[], spaces: string[], start: number, end: number): TaggedSentence {
  const sentence: TaggedSentence = { words: [], lemmas: [], pos: [], spaces: [] };
  let spaceBefore = false;
  for (let i = start; i <= end; i++) {
    if (pos[i] === 'SPACE') {
      spaceBefore = true;
      continue;
    }
    sentence.words.push(words[i]);
    sentence.lemmas.push(lemmas[i]);
    sentence.pos.push(pos[i]);
    sentence.spaces.push(spaceBefore || spaces[i] !== '');
    spaceBefore = false;
  }
  return sentence;
}
