/**
 * Fine slots from Universal POS + lemma + word form. Function words stay literal (`=the`), and so
 * do adverbs other than "-ly" ones ("ago", "even", "away" are as picky as function words); open
 * classes keep what agreement needs: noun number, verb form, adjective degree. wink-nlp gives
 * UPOS only, so number and form come from comparing the word with its lemma.
 */
import type { TaggedSentence } from '../../analyze/types.js';

/** Parts of speech whose words are kept literally in templates. */
const literalPos = new Set(['DET', 'ADP', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'INTJ', 'SYM']);


const OPENING_QUOTES = new Set(['"', '“']);

/** Nouns whose lemma equals the plural form in wink's lexicon, or that take plural verbs. */
const pluralNouns = new Set(['people', 'police', 'cattle', 'clergy', 'data', 'media']);

/** Irregular participles that are never a simple past, and simple pasts that are never participles. */
const participlesOnly = new Set(
  ('taken given seen done gone known shown written spoken broken chosen driven eaten fallen forgotten hidden ' +
    'ridden risen stolen thrown worn begun drunk sung swum rung shaken mistaken grown drawn flown blown sworn ' +
    'torn beaten bitten frozen woken proven forgiven forbidden undertaken overtaken withdrawn')
    .split(' '),
);
const pastsOnly = new Set(
  ('took gave saw did went knew wrote spoke broke chose drove ate fell forgot hid rode rose stole threw wore ' +
    'began drank sang swam rang shook grew drew flew blew swore tore beat bit froze woke forgave forbade withdrew')
    .split(' '),
);

/** Auxiliary lemmas after which a past form is a participle ("has taken", "was given"). */
const participleAux = new Set(['have', 'be', 'get']);

export interface SentenceSlots {
  /** Slot name per token. */
  slots: string[];
  /** Normalised surface form per token (sentence-initial case undone, "an" → "a"). */
  forms: string[];
}

/**
 * Lower-case word → its usual tag and lemma away from the sentence start. wink-nlp tends to tag
 * any capitalised first word as PROPN ("Heavy rain fell"); the lexicon undoes that.
 */
export type Lexicon = Map<string, { pos: string; lemma: string }>;

/** Slot names and normalised forms for every token of a tagged sentence. */
export function slotsOf(s: TaggedSentence, lexicon?: Lexicon): SentenceSlots {
  const slots: string[] = [];
  const forms: string[] = [];
  // The sentence's first word, after any opening quotes ('"Go," she said.').
  let first = 0;
  while (first < s.words.length - 1 && OPENING_QUOTES.has(s.words[first])) first++;
  for (let i = 0; i < s.words.length; i++) {
    let pos = s.pos[i];
    const lower = s.words[i].toLowerCase();
    let lemma = s.lemmas[i];
    const usual = i === first && pos === 'PROPN' ? lexicon?.get(lower) : undefined;
    if (usual && usual.pos !== 'PROPN') ({ pos, lemma } = usual);
    if (literalPos.has(pos) || (pos === 'ADV' && !lower.endsWith('ly'))) {
      const form = lower === 'an' ? 'a' : lower === 'i' ? 'I' : lower;
      slots.push(`=${form === 'I' ? 'i' : form}`);
      forms.push(form);
      continue;
    }
    forms.push(i === first ? uncapitalise(s.words[i], pos) : s.words[i]);
    slots.push(classOf(pos, lower, lemma, s, i));
  }
  return { slots, forms };
}

function classOf(pos: string, lower: string, lemma: string, s: TaggedSentence, i: number): string {
  switch (pos) {
    case 'NOUN':
      return pluralNouns.has(lower) || (lower !== lemma && lower.endsWith('s')) || isIrregularPlural(lower, lemma)
        ? 'NOUN_P'
        : 'NOUN_S';
    case 'PROPN':
      return lower !== lemma && lower.endsWith('s') && !lower.endsWith("'s") ? 'PROPN_P' : 'PROPN';
    case 'VERB':
      return verbForm(lower, lemma, s, i);
    case 'ADJ':
      if (lower !== lemma && lower.endsWith('est')) return 'ADJ_S';
      if (lower !== lemma && lower.endsWith('er')) return 'ADJ_C';
      return 'ADJ';
    case 'ADV':
      return 'ADV_LY';
    case 'NUM':
      return lower === 'one' || lower === '1' ? 'NUM_1' : 'NUM';
    default:
      return pos;
  }
}

function verbForm(lower: string, lemma: string, s: TaggedSentence, i: number): string {
  if (lower === lemma) return 'VERB_B';
  if (lower.endsWith('ing')) return 'VERB_G';
  if (lower.endsWith('s') && !lemma.endsWith('s')) return 'VERB_Z';
  if (participlesOnly.has(lower)) return 'VERB_N';
  if (pastsOnly.has(lower)) return 'VERB_D';
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    if (s.pos[j] === 'ADV' || s.pos[j] === 'PART' || s.pos[j] === 'PRON') continue;
    return s.pos[j] === 'AUX' && participleAux.has(s.lemmas[j]) ? 'VERB_N' : 'VERB_D';
  }
  return 'VERB_D';
}

/** The lexicon of a corpus: the majority tag of each lower-case word seen after a sentence start. */
export function buildLexicon(sentences: Iterable<TaggedSentence>): Lexicon {
  const counts = new Map<string, Map<string, number>>();
  const lemmas = new Map<string, string>();
  for (const s of sentences) {
    for (let i = 1; i < s.words.length; i++) {
      const w = s.words[i];
      if (w !== w.toLowerCase()) continue;
      let c = counts.get(w);
      if (!c) counts.set(w, (c = new Map()));
      c.set(s.pos[i], (c.get(s.pos[i]) ?? 0) + 1);
      lemmas.set(`${w} ${s.pos[i]}`, s.lemmas[i]);
    }
  }
  const lexicon: Lexicon = new Map();
  for (const [w, c] of counts) {
    let best = '';
    let n = 0;
    for (const [pos, k] of c) if (k > n || (k === n && pos < best)) [best, n] = [pos, k];
    lexicon.set(w, { pos: best, lemma: lemmas.get(`${w} ${best}`) ?? w });
  }
  return lexicon;
}

/** "men" → "man", "children" → "child": a changed form that is not a prefix extension. */
function isIrregularPlural(lower: string, lemma: string): boolean {
  return lower !== lemma && /(men|ren|ice|eet|eeth)$/.test(lower);
}

/** Undoes sentence-initial capitalisation of a common word ("The" → "the", "NATO" stays). */
function uncapitalise(word: string, pos: string): string {
  if (pos === 'PROPN' || word.length < 2) return word;
  const rest = word.slice(1);
  return rest === rest.toLowerCase() ? word[0].toLowerCase() + rest : word;
}
