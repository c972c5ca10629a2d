/**
 * POS tagging with wink-nlp: text in, tagged sentences out. The model loads once per process
 * (about 0.3 s); everything after that is pure and synchronous.
 */
import winkNLP, { type ItemSentence, type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TaggedSentence } from './types.js';

type Nlp = ReturnType<typeof winkNLP>;

let nlp: Nlp | undefined;

function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Splits `text` into sentences and tags every token with its Universal POS tag and lemma. */
export function tagText(text: string): TaggedSentence[] {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const out: TaggedSentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const words: string[] = [];
    const lemmas: string[] = [];
    const pos: string[] = [];
    const spaces: boolean[] = [];
    sentence.tokens().each((token: ItemToken) => {
      words.push(token.out());
      lemmas.push(token.out(its.lemma as ItsFunction<string>));
      pos.push(token.out(its.pos));
      spaces.push(token.out(its.precedingSpaces) !== '');
    });
    if (words.length > 0) out.push({ words, lemmas, pos, spaces });
  });
  return out;
}
