import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePost, generateSentences, generateTitle } from '../../src/generate/index.js';
import { createRng } from '../../src/rng.js';
import { WebxError } from '../../src/errors.js';
import { fixture, modelFromTexts, readTextDocs } from './model-from-texts.js';
import { goldenOptions, makeGoldenPost } from './golden.js';

const model = modelFromTexts(readTextDocs(fixture('corpus.json')));
const meta = { seed: 's', now: '2026-01-01T00:00:00.000Z' };
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

describe('generatePost', () => {
  it('should make exactly the golden post for seed 42', () => {
    const expected = JSON.parse(fs.readFileSync(fixture('post.seed42.json'), 'utf8'));
    expect(makeGoldenPost()).toEqual(expected);
  });

  it('should give a byte-identical post for the same seed and a different one for another seed', () => {
    const a = JSON.stringify(generatePost(model, goldenOptions, createRng('7'), meta));
    const b = JSON.stringify(generatePost(model, goldenOptions, createRng('7'), meta));
    const c = JSON.stringify(generatePost(model, goldenOptions, createRng('8'), meta));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('should give the same post from a model saved as JSON and loaded again', () => {
    const loaded = JSON.parse(JSON.stringify(model));
    expect(JSON.stringify(generatePost(loaded, goldenOptions, createRng('9'), meta))).toBe(
      JSON.stringify(generatePost(model, goldenOptions, createRng('9'), meta)),
    );
  });

  it('should find the back-off levels by name, whatever order the model lists them in', () => {
    const names = Object.keys(model.lm.levels) as (keyof typeof model.lm.levels)[];
    for (const name of names) expect(model.lm.levels[name].level).toBe(name);
    const reordered = { ...model, lm: { ...model.lm, levels: Object.fromEntries([...names].reverse().map((n) => [n, model.lm.levels[n]])) as typeof model.lm.levels } };
    expect(Object.keys(reordered.lm.levels)).toEqual([...names].reverse());
    expect(JSON.stringify(generatePost(reordered, { ...goldenOptions, topic: ['garden'] }, createRng('10'), meta))).toBe(
      JSON.stringify(generatePost(model, { ...goldenOptions, topic: ['garden'] }, createRng('10'), meta)),
    );
  });

  it('should refuse a model that lacks a level, with a hint to rebuild', () => {
    const { 'prev-slot': _, ...rest } = model.lm.levels;
    const broken = { ...model, lm: { ...model.lm, levels: rest as typeof model.lm.levels } };
    expect(() => generatePost(broken, goldenOptions, createRng('11'), meta)).toThrow(/no 'prev-slot' word table/);
  });

  it('should give the requested shape with provenance on every sentence', () => {
    const post = generatePost(model, { ...goldenOptions, paragraphs: 3, sentencesPerParagraph: 2 }, createRng('shape'), meta);
    expect(post.paragraphs.map((p) => p.length)).toEqual([2, 2, 2]);
    for (const s of [post.title, ...post.paragraphs.flat()]) {
      expect(s.provenance[0].gave).toBe('template');
      expect(s.provenance.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(1, 3);
    }
    expect(post.seed).toBe('s');
    expect(post.modelFingerprint).toBe('test');
  });

  it('should use every topic word somewhere in the post', () => {
    const post = generatePost(model, { ...goldenOptions, topic: ['river', 'bread'] }, createRng('topic'), meta);
    const all = post.paragraphs.flat().flatMap((s) => words(s.text));
    expect(all).toContain('river');
    expect(all).toContain('bread');
    expect(post.topic).toEqual(['river', 'bread']);
  });
});

describe('generateSentences', () => {
  it('should put the topic word in every sentence, and not only at the start', () => {
    const sentences = generateSentences(model, 20, { ...goldenOptions, topic: ['winter'] }, createRng('w'));
    expect(sentences).toHaveLength(20);
    const positions = sentences.map((s) => words(s.text).indexOf('winter'));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions.some((p) => p > 2)).toBe(true);
  });

  it('should keep sentence lengths within minWords..maxWords', () => {
    const sentences = generateSentences(model, 30, { ...goldenOptions, minWords: 8, maxWords: 10 }, createRng('len'));
    for (const s of sentences) expect(words(s.text).length).toBeGreaterThanOrEqual(7);
    for (const s of sentences) expect(words(s.text).length).toBeLessThanOrEqual(11);
  });

  it('should refuse a topic word the corpus never uses, with a hint', () => {
    const run = () => generateSentences(model, 3, { ...goldenOptions, topic: ['zeppelin'] }, createRng('z'));
    expect(run).toThrow(WebxError);
    expect(run).toThrow(/"zeppelin" never occurs in the corpus/);
    try {
      run();
    } catch (e) {
      expect((e as WebxError).hint).toMatch(/pick a word the corpus uses/);
      expect((e as WebxError).exitCode).toBe(2);
    }
  });

  it('should say so when the topic word fits no template of the requested length', () => {
    // "without" is a literal slot found in one 10-word sentence only
    const run = () => generateSentences(model, 2, { ...goldenOptions, minWords: 5, maxWords: 8, topic: ['without'] }, createRng('h'));
    expect(run).toThrow(/could not place "without" in a new 5–8-word sentence/);
  });

  it('should refuse a length range no corpus sentence has (exit 2)', () => {
    expect(() => generateSentences(model, 1, { ...goldenOptions, minWords: 40, maxWords: 50 }, createRng('l'))).toThrow(
      /no sentence of 40–50 words/,
    );
  });

  it('should refuse an empty model with a hint', () => {
    const empty = modelFromTexts([]);
    expect(() => generateSentences(empty, 1, goldenOptions, createRng('e'))).toThrow(/no sentences to learn from/);
  });
});

describe('generateTitle', () => {
  it('should make a short Title Case title without final punctuation', () => {
    const title = generateTitle(model, goldenOptions, createRng('t'));
    const ws = title.text.split(' ');
    expect(ws.length).toBeLessThanOrEqual(10);
    expect(ws[0][0]).toBe(ws[0][0].toUpperCase());
    expect(title.text).not.toMatch(/[.!?]$/);
  });
});
