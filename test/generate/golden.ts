/**
 * The golden post: its options and seed, shared by the test and by the script that rewrites the
 * fixture after an intended change (`npx tsx test/generate/golden.ts --write`).
 */
import fs from 'node:fs';
import { generatePost, type GenerateOptions } from '../../src/generate/index.js';
import { defaults } from '../../src/config.js';
import { createRng } from '../../src/rng.js';
import type { Post } from '../../src/generate/types.js';
import { fixture, modelFromTexts, readTextDocs } from './model-from-texts.js';

export const goldenOptions: GenerateOptions = {
  ...defaults.generate,
  paragraphs: 2,
  sentencesPerParagraph: 3,
  minWords: 5,
  maxWords: 20,
  topic: [],
  // the golden post predates themes: focus 0 must keep reproducing it byte for byte
  focus: 0,
};

/** The themed golden: the same options at the default focus. */
export const themedOptions: GenerateOptions = { ...goldenOptions, focus: 0.6 };

export function makeThemedPost(): Post {
  const model = modelFromTexts(readTextDocs(fixture('corpus.json')));
  return generatePost(model, themedOptions, createRng('42'), { seed: '42', now: '2026-01-01T00:00:00.000Z' });
}

export function makeGoldenPost(): Post {
  const model = modelFromTexts(readTextDocs(fixture('corpus.json')));
  return generatePost(model, goldenOptions, createRng('42'), { seed: '42', now: '2026-01-01T00:00:00.000Z' });
}

if (process.argv.includes('--write')) {
  fs.writeFileSync(fixture('post.seed42.json'), `${JSON.stringify(makeGoldenPost(), null, 2)}\n`);
  fs.writeFileSync(fixture('post.themed.seed42.json'), `${JSON.stringify(makeThemedPost(), null, 2)}\n`);
}
