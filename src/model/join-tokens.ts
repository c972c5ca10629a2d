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

const opensByModel = new WeakMap<object, Set<number>>();
const flipsByModel = new WeakMap<object, Set<number>>();

function setOf(cache: WeakMap<object, Set<number>>, lm: JoinData, list: number[] | undefined): Set<number> {
  let s = cache.get(lm);
  if (!s) cache.set(lm, (s = new Set(list ?? [])));
  return s;
}

/** The default of rule 3 (also what the model builder compares the corpus with). */
export function defaultSpace(glueW: boolean, opensP: boolean): boolean {
  return !glueW && !opensP;
}

/**
 * Whether a space goes before each token of `words` (index 0: false), following the rule above.
 */
export function spacesBefore(lm: JoinData, words: number[]): boolean[] {
  const opens = setOf(opensByModel, lm, lm.opens);
  const flips = setOf(flipsByModel, lm, lm.joinFlips);
  const V = lm.words.length;
  const out: boolean[] = new Array(words.length);
  let quoteOpen = false;
  let afterOpening = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const isQuote = lm.words[w] === STRAIGHT_QUOTE;
    if (i === 0) out[i] = false;
    else if (isQuote) out[i] = !quoteOpen && !opens.has(words[i - 1]);
    else if (afterOpening) out[i] = false;
    else {
      const p = words[i - 1];
      const base = lm.words[p] === STRAIGHT_QUOTE ? defaultSpace(lm.glue[w] === 1, false) : defaultSpace(lm.glue[w] === 1, opens.has(p));
      out[i] = flips.has(pairKey(p, w, V)) ? !base : base;
    }
    if (isQuote) {
      afterOpening = !quoteOpen;
      quoteOpen = !quoteOpen;
    } else afterOpening = false;
  }
  return out;
}

/** The tokens as one string: `forms[i]` for each word, spaced by `spacesBefore`. */
export function joinTokens(lm: JoinData, words: number[], forms: string[] = words.map((w) => lm.words[w])): string {
  const spaces = spacesBefore(lm, words);
  let text = '';
  for (let i = 0; i < words.length; i++) text += spaces[i] ? ` ${forms[i]}` : forms[i];
  return text;
}
