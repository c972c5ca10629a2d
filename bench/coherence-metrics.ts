/**
 * Coherence measures for sets of blog posts, each given as `{ title, sentences }`.
 *
 * Everything here is pure except `winkTagger()` (which loads wink-nlp once). The measures take
 * posts that were tagged by a `Tagger` — any function from a sentence to tokens with a lemma, a
 * Universal POS tag and a stop-word verdict — so tests can pass a fake tagger and the bench the
 * real one.
 *
 * Definitions (the exact ones; every number in the bench comes from these):
 *
 * - **token**: what the tagger returns for one sentence (wink-nlp: `readDoc(sentence).tokens()`;
 *   each sentence and each title is tagged on its own, never in the context of its neighbours).
 * - **lemma**: wink-nlp's `its.lemma`, lower-cased (wink already lower-cases; we make sure).
 * - **content lemma**: the lemma of a token whose POS is NOUN, PROPN, VERB, ADJ or ADV, whose
 *   lemma contains a letter, and whose lemma is not a stop word. "Stop word" is decided on the
 *   *lemma*, not the surface form (wink flags "say" but not "said"): a lemma is a stop word when
 *   wink-eng-lite-web-model's `its.stopWordFlag` is true for every token of the lemma read on its
 *   own (so "say", "be", "more", "also" are stop words; "i'm", which wink sometimes tags PROPN,
 *   reads as "i" + "'m" and is one too). AUX, DET, PRON, ADP, NUM, … are never content.
 * - **noun lemma**: a content lemma whose token is NOUN or PROPN.
 * - **sentence vector**: raw counts of the sentence's content lemmas × idf.
 * - **idf**: from a reference corpus of idf documents, idf(l) = ln((1 + N) / (1 + df(l))) + 1,
 *   N = number of documents, df(l) = documents containing l (the smoothed form of scikit-learn's
 *   TfidfVectorizer; a lemma the reference never saw gets the largest idf, ln(1 + N) + 1). The
 *   bench's reference is the real held-out posts, **one idf document per post** (its body's
 *   content lemmas; `--idf sentences` makes each body sentence a document instead). Per-post df
 *   weighs down words every post uses ("time", "year", "man") and up a post's subject words,
 *   which is what a theme measure wants; it also lands nearer the 0.074 / 0.002.
 * - **adjacent pairs**: sentence i and i + 1 of a post's body, for i = 0 … n − 2; paragraph breaks
 *   do not cut pairs (a post reads on across them). The title is never part of a pair.
 *
 * Per-post values are averaged over posts (macro), so a long post does not outweigh a short one;
 * a post with fewer than 2 sentences has no pairs and is left out of the pair measures.
 *
 *  1. cohesion            mean cosine(vector_i, vector_{i+1}); a pair with an empty vector scores 0.
 *  2. nounContinuity      share of adjacent pairs whose noun-lemma sets intersect.
 *  3. titleBody           |title content lemmas ∩ body content lemmas| / |title content lemmas|
 *                         (distinct lemmas); posts whose title has no content lemma are left out.
 *  4. cohesionNoTop       cohesion with each post's most repeated body content lemma (highest
 *                         token count; ties → the lemma with the higher idf, then alphabetical)
 *                         removed from every vector of that post. Guards against a post that
 *                         "coheres" by repeating one word.
 *  5. repeatedContent     share of a post's body content tokens whose lemma already occurred
 *                         earlier in the body: (tokens − distinct lemmas) / tokens.
 *  6. duplicateSentences  share of all body sentences (over the whole set) whose judge-style word
 *                         string equals an earlier one's (the judge's `dup`); also within posts.
 *  7. distinct2           distinct word bigrams / all word bigrams over every body sentence of the
 *                         set, words as the judge reads them (lower case, /[\p{L}\p{N}]+(['’-]…)*​/,
 *                         bigrams never cross sentences). Depends on sample size: compare sets of
 *                         the same number and length of posts.
 *  (8. grammatical        share accepted by ../shared/judge/judge — not computed here: the bench
 *                         runs the judge on the body sentences.)
 *
 * Normalisation: norm(x) = (x − floor) / (ceiling − floor), floor = the measure on random
 * mixtures of real sentences, ceiling = the measure on real held-out posts (so 0 = random,
 * 1 = real). Each measure is normalised against its own floor and ceiling (cohesionNoTop against
 * cohesionNoTop of the real and random posts).
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItsFunction } from 'wink-nlp';

export interface Token {
  lemma: string;
  pos: string;
  stop: boolean;
}

export type Tagger = (sentence: string) => Token[];

export interface PostInput {
  title: string;
  sentences: string[];
}

export interface TaggedSentenceLite {
  text: string;
  /** Content lemmas in order, repeats kept. */
  content: string[];
  /** Noun lemmas (NOUN, PROPN), distinct. */
  nouns: Set<string>;
}

export interface TaggedPost {
  title: TaggedSentenceLite;
  sentences: TaggedSentenceLite[];
}

export const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV']);
export const NOUN_POS = new Set(['NOUN', 'PROPN']);
const HAS_LETTER = /\p{L}/u;

/** Whether a token is a content word under the definition above. */
export function isContent(t: Token): boolean {
  return CONTENT_POS.has(t.pos) && HAS_LETTER.test(t.lemma) && !t.stop;
}

export function tagSentence(text: string, tagger: Tagger): TaggedSentenceLite {
  const content: string[] = [];
  const nouns = new Set<string>();
  for (const t of tagger(text)) {
    if (!isContent(t)) continue;
    const lemma = t.lemma.toLowerCase();
    content.push(lemma);
    if (NOUN_POS.has(t.pos)) nouns.add(lemma);
  }
  return { text, content, nouns };
}

export function tagPosts(posts: PostInput[], tagger: Tagger): TaggedPost[] {
  return posts.map((p) => ({ title: tagSentence(p.title, tagger), sentences: p.sentences.map((s) => tagSentence(s, tagger)) }));
}

// ---------------------------------------------------------------------------------------- idf

export interface Idf {
  n: number;
  df: Map<string, number>;
}

/** `reference`: one entry per idf document (the bench: one per reference sentence). */
export function buildIdf(reference: { content: string[] }[]): Idf {
  const df = new Map<string, number>();
  for (const s of reference) for (const l of new Set(s.content)) df.set(l, (df.get(l) ?? 0) + 1);
  return { n: reference.length, df };
}

export const idfOf = (idf: Idf, lemma: string): number => Math.log((1 + idf.n) / (1 + (idf.df.get(lemma) ?? 0))) + 1;

type Vec = Map<string, number>;

function vectorOf(s: TaggedSentenceLite, idf: Idf, drop?: string): Vec {
  const v: Vec = new Map();
  for (const l of s.content) if (l !== drop) v.set(l, (v.get(l) ?? 0) + 1);
  for (const [l, c] of v) v.set(l, c * idfOf(idf, l));
  return v;
}

export function cosine(a: Vec, b: Vec): number {
  if (a.size === 0 || b.size === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [l, x] of a) {
    na += x * x;
    const y = b.get(l);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return dot / Math.sqrt(na * nb);
}

// ----------------------------------------------------------------------------------- measures

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Per-post mean adjacent cosine, averaged over posts with ≥ 2 sentences. */
export function cohesion(posts: TaggedPost[], idf: Idf, dropTop = false): number {
  const perPost: number[] = [];
  for (const p of posts) {
    if (p.sentences.length < 2) continue;
    const drop = dropTop ? topLemma(p, idf) : undefined;
    const vs = p.sentences.map((s) => vectorOf(s, idf, drop));
    const pairs: number[] = [];
    for (let i = 0; i + 1 < vs.length; i++) pairs.push(cosine(vs[i], vs[i + 1]));
    perPost.push(mean(pairs));
  }
  return mean(perPost);
}

/** The post's most repeated body content lemma (ties: higher idf, then alphabetical); undefined if none. */
export function topLemma(p: TaggedPost, idf: Idf): string | undefined {
  const counts = new Map<string, number>();
  for (const s of p.sentences) for (const l of s.content) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [l, c] of counts) {
    if (
      best === undefined ||
      c > bestCount ||
      (c === bestCount && (idfOf(idf, l) > idfOf(idf, best) || (idfOf(idf, l) === idfOf(idf, best) && l < best)))
    ) {
      best = l;
      bestCount = c;
    }
  }
  return best;
}

export function nounContinuity(posts: TaggedPost[]): number {
  const perPost: number[] = [];
  for (const p of posts) {
    if (p.sentences.length < 2) continue;
    let shared = 0;
    for (let i = 0; i + 1 < p.sentences.length; i++) {
      const b = p.sentences[i + 1].nouns;
      if ([...p.sentences[i].nouns].some((l) => b.has(l))) shared++;
    }
    perPost.push(shared / (p.sentences.length - 1));
  }
  return mean(perPost);
}

export function titleBody(posts: TaggedPost[]): { value: number; posts: number } {
  const perPost: number[] = [];
  for (const p of posts) {
    const title = new Set(p.title.content);
    if (title.size === 0) continue;
    const body = new Set(p.sentences.flatMap((s) => s.content));
    perPost.push([...title].filter((l) => body.has(l)).length / title.size);
  }
  return { value: mean(perPost), posts: perPost.length };
}

export function repeatedContent(posts: TaggedPost[]): number {
  const perPost: number[] = [];
  for (const p of posts) {
    const all = p.sentences.flatMap((s) => s.content);
    if (all.length === 0) continue;
    perPost.push((all.length - new Set(all).size) / all.length);
  }
  return mean(perPost);
}

/** Words as ../shared/judge/metrics.mjs reads them. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
export const judgeWords = (s: string): string[] => s.toLowerCase().match(WORD) ?? [];

export function duplicateSentences(posts: PostInput[]): { set: number; withinPost: number } {
  const seen = new Set<string>();
  let dup = 0;
  let within = 0;
  let n = 0;
  for (const p of posts) {
    const local = new Set<string>();
    for (const s of p.sentences) {
      const k = judgeWords(s).join(' ');
      n++;
      if (seen.has(k)) dup++;
      if (local.has(k)) within++;
      seen.add(k);
      local.add(k);
    }
  }
  return { set: n ? dup / n : 0, withinPost: n ? within / n : 0 };
}

export function distinct2(posts: PostInput[]): number {
  const seen = new Set<string>();
  let total = 0;
  for (const p of posts) {
    for (const s of p.sentences) {
      const w = judgeWords(s);
      for (let i = 0; i + 1 < w.length; i++) {
        seen.add(`${w[i]} ${w[i + 1]}`);
        total++;
      }
    }
  }
  return total ? seen.size / total : 0;
}

export interface CoherenceScores {
  posts: number;
  sentences: number;
  cohesion: number;
  nounContinuity: number;
  titleBody: number;
  /** Posts whose title had a content lemma (the titleBody denominator). */
  titledPosts: number;
  cohesionNoTop: number;
  repeatedContent: number;
  duplicateSentences: number;
  duplicateWithinPost: number;
  distinct2: number;
}

/** All measures of one post set; `tagged` must be `tagPosts(posts, …)`. */
export function scorePosts(posts: PostInput[], tagged: TaggedPost[], idf: Idf): CoherenceScores {
  const tb = titleBody(tagged);
  const dup = duplicateSentences(posts);
  return {
    posts: posts.length,
    sentences: posts.reduce((a, p) => a + p.sentences.length, 0),
    cohesion: cohesion(tagged, idf),
    nounContinuity: nounContinuity(tagged),
    titleBody: tb.value,
    titledPosts: tb.posts,
    cohesionNoTop: cohesion(tagged, idf, true),
    repeatedContent: repeatedContent(tagged),
    duplicateSentences: dup.set,
    duplicateWithinPost: dup.withinPost,
    distinct2: distinct2(posts),
  };
}

export const normalise = (x: number, floor: number, ceiling: number): number => (x - floor) / (ceiling - floor);

// ------------------------------------------------------------------------------ the wink tagger

/**
 * wink-nlp with wink-eng-lite-web-model (the versions webXcreta uses: ^2.4 / ^1.8), with the
 * pipeline src/analyze/tag-text.ts uses (`sbd`, `pos`). Stop words are judged on the lemma
 * (see the header) and cached.
 */
export function winkTagger(): Tagger {
  const require = createRequire(import.meta.url);
  const nlp = (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  const its = nlp.its;
  const stopCache = new Map<string, boolean>();
  const isStop = (lemma: string): boolean => {
    let s = stopCache.get(lemma);
    if (s === undefined) {
      const flags = nlp.readDoc(lemma).tokens().out(its.stopWordFlag) as boolean[];
      s = flags.length > 0 && flags.every(Boolean);
      stopCache.set(lemma, s);
    }
    return s;
  };
  return (sentence: string): Token[] => {
    const tokens = nlp.readDoc(sentence).tokens();
    const pos = tokens.out(its.pos) as string[];
    const lemmas = tokens.out(its.lemma as ItsFunction<string>) as (string | undefined)[];
    const words = tokens.out() as string[];
    return pos.map((p, i) => {
      const lemma = (typeof lemmas[i] === 'string' ? lemmas[i]! : words[i]).toLowerCase();
      return { lemma, pos: p, stop: CONTENT_POS.has(p) && HAS_LETTER.test(lemma) ? isStop(lemma) : true };
    });
  };
}
