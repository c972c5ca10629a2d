import { describe, expect, it } from 'vitest';
import { createRng } from '../src/rng.js';
import { generatePost } from '../src/generate/index.js';
import { goldenOptions } from './generate/golden.js';
import { fixture, modelFromTexts, readTextDocs } from './generate/model-from-texts.js';

/** Seeds that are repetitions of one another: seedrandom's key schedule alone made them collide. */
const seeds = ['1', '11', '111', '2', '22', 'ab', 'abab'];

describe('createRng', () => {
  it('should give the same stream for the same seed', () => {
    const [a, b] = [createRng('x'), createRng('x')];
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('should give every distinct seed its own stream', () => {
    const streams = seeds.map((s) => {
      const rng = createRng(s);
      return Array.from({ length: 4 }, rng).join(',');
    });
    expect(new Set(streams).size).toBe(seeds.length);
    expect(createRng(7)()).toBe(createRng('7')());
  });

  it('should give different posts for seeds 1, 11, 111, 2, 22, ab, abab', () => {
    const model = modelFromTexts(readTextDocs(fixture('corpus.json')));
    const posts = seeds.map((seed) => {
      const post = generatePost(model, goldenOptions, createRng(seed), { seed, now: '2026-01-01T00:00:00.000Z' });
      return [post.title.text, ...post.paragraphs.flat().map((s) => s.text)].join('\n');
    });
    expect(new Set(posts).size).toBe(seeds.length);
  });
});
