/**
 * The language model generation walks. Everything is arrays and interned string tables (the big
 * numeric columns are `NumberColumn`s: plain arrays when just built, typed arrays when loaded
 * from the binary model file, see store/model-file.ts): a million-token corpus holds
 * about a million context entries, and one object per entry would cost ten times the memory.
 *
 * Shape of the idea (see README, "The model"):
 * - A *slot* is a word's grammatical role, fine enough to carry agreement: open-class words
 *   become classes that keep number and verb form (`NOUN_P`, `VERB_Z`, `VERB_N`, `ADJ_S`), while
 *   function words stay literal (`=the`, `=of`, `=was`). "a" and "an" share the slot `=a`; the
 *   renderer picks the form the next word needs.
 * - A *template* is the slot sequence of one real sentence (or, for titles, of one real title
 *   or noun phrase), weighted by its damped count.
 * - Words are chosen per slot from tables conditioned on context, one table per context level,
 *   each under its name (`levels['prev-slot-next']`, …), so generation picks its back-off order
 *   by name: (two previous words, slot, next slot) → (previous word, slot, next slot) →
 *   (slot, next slot) → (previous word, slot) → (slot).
 * - `guard` is the corpus as hashed judge-style words, so the generator can refuse any word
 *   that would make a run of more than `maxSharedRun` words shared with a corpus sentence.
 */

/**
 * A read-only column of numbers: a `number[]` as built, a typed array (same values) as loaded.
 * Read it by index and `length` only.
 */
export type NumberColumn = ArrayLike<number>;

/** Elements `from .. to)` of a column as a plain array. */
export const columnSlice = (column: NumberColumn, from: number, to: number): number[] => Array.prototype.slice.call(column, from, to) as number[];

export interface LanguageModel {
  version: 1;
  /** Interned surface forms; id 0 is the sentence start marker "<s>". */
  words: string[];
  /**
   * 1 if the token attaches to the previous token with no space by default (",", ")", "%", "'s",
   * "n't"); never 1 for a plain word. See `join-tokens.ts` for the whole joining rule.
   */
  glue: number[];
  /** Word ids, ascending, of tokens the next token attaches to by default ("$", "(", "“", "#"). */
  opens: number[];
  /**
   * Pairs the corpus joined against the default rule ("can"+"not" as "cannot", "5" + "%" written
   * "5 %"), ascending keys `prev * words.length + word`; pairs with a straight `"` are left out
   * (quotes join by parity).
   */
  joinFlips: number[];
  /** Slot names; literal slots are "=" + lower-case word. */
  slots: string[];
  /** For a literal slot, the word id it always produces; -1 for a class slot. */
  slotWord: number[];
  /** Documents and their sources, for provenance: `docSource[d]` indexes `sources`. */
  docs: string[];
  docSource: number[];
  sources: string[];
  sentences: TemplateTable;
  titles: TemplateTable;
  /** The word tables, one per context level, by name; see `ContextLevel`. */
  levels: ContextTables;
  guard: GuardStream;
  /**
   * Per document, the content words it uses (class slots NOUN/PROPN/VERB/ADJ/ADV_LY, title
   * included) with their counts, for themes (src/generate/pick-theme.ts). CSR: document d covers
   * `word[start[d] .. start[d+1])` (word ids ascending) and `count` in parallel.
   */
  docTerms: DocTerms;
}

/** Content-word bags of the documents (see `LanguageModel.docTerms`). */
export interface DocTerms {
  start: number[];
  word: number[];
  count: number[];
}

/** Templates stored flat: template t has slots `slots[start[t] .. start[t+1])`. */
export interface TemplateTable {
  start: NumberColumn;
  slots: NumberColumn;
  /** Damped weight. */
  weight: NumberColumn;
  /** Words (not punctuation) in the template. */
  length: NumberColumn;
  /** The heaviest document that used this template. */
  doc: NumberColumn;
}

/**
 * Which context a level is keyed on. Keys are numbers: with S slots and V words,
 * `prev2-prev-slot-next` = (((prev2 * V + prev) mod P) * S + slot) * S + next with P = floor(2^53 / S^2),
 * `prev-slot-next` = (prev * S + slot) * S + next, `prev-slot` = prev * S + slot,
 * `slot-next` = slot * S + next, `slot` = slot (see `contextKey` in context-key.ts).
 */
export type ContextLevel = 'prev2-prev-slot-next' | 'prev-slot-next' | 'prev-slot' | 'slot-next' | 'slot';

/** Every level's table under the level's name. */
export type ContextTables = Record<ContextLevel, ContextTable>;

/**
 * One back-off level, rows sorted by key, entries of a row sorted by word id:
 * row r covers entries `rowStart[r] .. rowStart[r+1])`.
 */
export interface ContextTable {
  level: ContextLevel;
  keys: NumberColumn;
  rowStart: NumberColumn;
  word: NumberColumn;
  /** Damped weight of the word in this context. */
  weight: NumberColumn;
  /** The document that contributed most to the entry (provenance). */
  doc: NumberColumn;
}

/**
 * The corpus sentences as written, as judge-style words (lower case, punctuation dropped, "an"
 * read as "a", "cannot" as "can not"),
 * each a 32-bit FNV-1a hash; 0 separates sentences. Stored as base64 of the little-endian
 * Uint32Array (5.3 characters a word instead of about 11 as decimal JSON numbers).
 */
export interface GuardStream {
  units: string;
}
