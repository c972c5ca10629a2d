/**
 * The stored form of one document's analysis (column `analyses.data`): compact text, about
 * 1.3 bytes per character of the source, written and read back far faster than JSON.
 *
 *   line 0      the title sentence ('' when the document has none)
 *   line 1..n   one body sentence per line
 *   sentence    TAGS TAB WORDS [TAB LEMMAS]
 *   TAGS        one letter per token: its Universal POS tag, upper case when whitespace precedes
 *               the token, lower case when it does not
 *   WORDS       the tokens joined by US (U+001F)
 *   LEMMAS      `k=lemma` joined by US, only for tokens whose lemma is not the lower-cased word
 *               (about one in six)
 *
 * Column-wise, a sentence is packed with one native `join` instead of a string per token. Words
 * never hold TAB, newline or US: wink-nlp splits on whitespace and `tagTokens` replaces control
 * characters.
 */
import type { TaggedSentence } from '../analyze/types.js';

/** Universal POS tags in a fixed order: their index picks the letter. Never reorder; append. */
export const POS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;

const X_INDEX = POS_TAGS.indexOf('X');
const UPPER_A = 65;
const LOWER_A = 97;
export const US = '\u001f';

const tagIndex: Record<string, number> = Object.fromEntries(POS_TAGS.map((t, i) => [t, i]));

/**
 * Turns strings into one shared instance each, so a million tokens hold a few thousand strings;
 * `lower` gives the shared lower-cased form (the default lemma) without a new string per token.
 */
export type Intern = ((s: string) => string) & { lower(s: string): string };

export function createIntern(): Intern {
  const pool = new Map<string, string>();
  const lowers = new Map<string, string>();
  const intern = ((s: string) => {
    const found = pool.get(s);
    if (found !== undefined) return found;
    pool.set(s, s);
    return s;
  }) as Intern;
  intern.lower = (s) => {
    let l = lowers.get(s);
    if (l === undefined) lowers.set(s, (l = intern(s.toLowerCase())));
    return l;
  };
  return intern;
}

/** The tag letters, [no space before, space before], per tag index. */
const TAG_CHARS = POS_TAGS.map((_, i) => [String.fromCharCode(LOWER_A + i), String.fromCharCode(UPPER_A + i)]);

export const tagOf = (pos: string, space: boolean) => TAG_CHARS[tagIndex[pos] ?? X_INDEX][space ? 1 : 0];

/** The LEMMAS column entry of token k, or '' when its lemma is the lower-cased word. */
export const lemmaEntry = (k: number, word: string, lemma: string) =>
  lemma === word || lemma === word.toLowerCase() ? '' : `${k}=${lemma}`;

export function joinLine(tags: string, words: string, lemmas: string): string {
  return lemmas ? `${tags}\t${words}\t${lemmas}` : `${tags}\t${words}`;
}

export function packSentence(s: TaggedSentence): string {
  let tags = '';
  let lemmas = '';
  for (let k = 0; k < s.words.length; k++) {
    tags += tagOf(s.pos[k], s.spaces[k]);
    const entry = lemmaEntry(k, s.words[k], s.lemmas[k]);
    if (entry) lemmas = lemmas ? `${lemmas}${US}${entry}` : entry;
  }
  return joinLine(tags, s.words.join(US), lemmas);
}

export function unpackSentence(line: string, intern: Intern): TaggedSentence {
  const tab = line.indexOf('\t');
  const tab2 = line.indexOf('\t', tab + 1);
  const tags = line.slice(0, tab);
  const words = (tab2 < 0 ? line.slice(tab + 1) : line.slice(tab + 1, tab2)).split(US);
  const n = Math.min(tags.length, words.length);
  const s: TaggedSentence = { words: new Array(n), lemmas: new Array(n), pos: new Array(n), spaces: new Array(n) };
  for (let k = 0; k < n; k++) {
    const code = tags.charCodeAt(k);
    const upper = code < LOWER_A;
    s.spaces[k] = upper;
    s.pos[k] = POS_TAGS[code - (upper ? UPPER_A : LOWER_A)] ?? 'X';
    const word = intern(words[k]);
    s.words[k] = word;
    s.lemmas[k] = intern.lower(word);
  }
  if (tab2 >= 0) {
    for (const entry of line.slice(tab2 + 1).split(US)) {
      const eq = entry.indexOf('=');
      const k = Number(entry.slice(0, eq));
      if (k >= 0 && k < n) s.lemmas[k] = intern(entry.slice(eq + 1));
    }
  }
  return s;
}

export interface PackedParts {
  title?: TaggedSentence;
  sentences: TaggedSentence[];
}

export function packDocument(doc: PackedParts): string {
  const lines = [doc.title ? packSentence(doc.title) : ''];
  for (const s of doc.sentences) lines.push(packSentence(s));
  return lines.join('\n');
}

export function unpackDocument(data: string, intern: Intern): PackedParts {
  const lines = data.split('\n');
  const sentences: TaggedSentence[] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i]) sentences.push(unpackSentence(lines[i], intern));
  return lines[0] ? { title: unpackSentence(lines[0], intern), sentences } : { sentences };
}
