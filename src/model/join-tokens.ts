/**
 * How tokens join back into prose, the way the corpus wrote them. wink-nlp splits "cannot" into
 * "can" + "not", "$11" into "$" + "11", "one-fifth" into "one" + "-" + "fifth"; whether a space
 * goes between two tokens is a property of the *pair*, not of the second word alone (a per-word
 * majority glued "fifth" to whatever came before it: "Thefifth district").
 *
 * The rule, for token `w` after token `p` (word ids of `LanguageModel.words`):
 *   1. a straight double quote `"` opens or closes by parity within the sentence: an opening one
 *      takes a space before it and none after it, a closing one none before it;
 *   2. a pair listed in `joinFlips` (the corpus joined it against the default: "can"+"not") flips
 *      the default;
 *   3. the default: no space when `w` attaches to what precedes it (`glue[w]`: punctuation such
 *      as "," ")" "%" and clitics "n't" "'s", never a plain word) or when `p` opens onto what
 *      follows it (`opens`: "$" "(" "“" "#"); otherwise one space.
 * So two plain words only ever join when the corpus joined exactly that pair.
 */
import type { LanguageModel } from './language-model.js';

export const STRAIGHT_QUOTE = '"';

/** Clitics wink-nlp splits off a word: "n't", "'s", "'re", "'ve", "'d", "'ll", "'m". */
const CLITIC = /^(n['’]t|['’](s|re|ve|d|ll|m))$/i;
const STARTS_ALNUM = /^[\p{L}\p{N}]/u;
const ENDS_ALNUM = /[\p{L}\p{N}]$/u;

/** Whether a token may attach to the token before it by default (punctuation, clitics; not words). */
export const mayGlueLeft = (form: string): boolean => form !== STRAIGHT_QUOTE && (!STARTS_ALNUM.test(form) || CLITIC.test(form));

/** Whether the token after this one may attach to it by default ("$", "(", "“"; not words). */
export const mayOpen = (form: string): boolean => form !== STRAIGHT_QUOTE && !ENDS_ALNUM.test(form);

/** The key of the pair (p, w) in `joinFlips`, for a vocabulary of V words. */
export const pairKey = (p: number, w: number, V: number): number => p * V + w;

/** The part of the language model joining reads. */
export type JoinData = Pick<LanguageModel, 'words' | 'glue' | 'opens' | 'joinFlips'>;

interface Joiner {
  opens: Set<number>;
  flips: Set<number>;
  /** Word id of the straight quote, -1 when the model has none. */
  quote: number;
  V: number;
}

const joiners = new WeakMap<object, Joiner>();

function joinerOf(lm: JoinData): Joiner {
  let j = joiners.get(lm);
  if (!j) {
    j = { opens: new Set(lm.opens ?? []), flips: new Set(lm.joinFlips ?? []), quote: lm.words.indexOf(STRAIGHT_QUOTE), V: lm.words.length };
    joiners.set(lm, j);
  }
  return j;
}

/** The default of rule 3 (also what the model builder compares the corpus with). */
export function defaultSpace(glueW: boolean, opensP: boolean): boolean {
  return !glueW && !opensP;
}

/**
 * Appends `forms[i]` for the tokens `words[from..]` to `text` (the join of `words[0..from)`),
 * each spaced by the rule above. Quote parity is read from the tokens before `from`.
 */
export function appendJoined(lm: JoinData, words: number[], from: number, text: string, forms?: string[]): string {
  const j = joinerOf(lm);
  let quoteOpen = false;
  for (let i = 0; i < from; i++) if (words[i] === j.quote) quoteOpen = !quoteOpen;
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    const form = forms ? forms[i] : lm.words[w];
    let space: boolean;
    if (i === 0) space = false;
    else {
      const p = words[i - 1];
      if (w === j.quote) space = !quoteOpen && !j.opens.has(p);
      else if (p === j.quote) space = quoteOpen ? false : defaultSpace(lm.glue[w] === 1, false);
      else {
        const base = defaultSpace(lm.glue[w] === 1, j.opens.has(p));
        space = j.flips.has(pairKey(p, w, j.V)) ? !base : base;
      }
    }
    if (w === j.quote) quoteOpen = !quoteOpen;
    text = space ? `${text} ${form}` : text + form;
  }
  return text;
}

/** The tokens as one string: `forms[i]` for each word, spaced by the rule above. */
export function joinTokens(lm: JoinData, words: number[], forms?: string[]): string {
  return appendJoined(lm, words, 0, '', forms);
}
