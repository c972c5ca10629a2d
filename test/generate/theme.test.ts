import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePost, generateSentences } from '../../src/generate/index.js';
import { pickTheme } from '../../src/generate/pick-theme.js';
import { drawBiased } from '../../src/generate/fill-template.js';
import { drawEntry, indexContexts, type LevelIndex } from '../../src/generate/index-contexts.js';
import { createRng } from '../../src/rng.js';
import type { ContextTable } from '../../src/model/language-model.js';
import { goldenOptions, makeGoldenPost, makeThemedPost, themedOptions } from './golden.js';
import { fixture, modelFromTexts, readTextDocs } from './model-from-texts.js';

const model = modelFromTexts(readTextDocs(fixture('corpus.json')));
const meta = { seed: 's', now: '2026-01-01T00:00:00.000Z' };
const texts = (p: ReturnType<typeof makeGoldenPost>): string[] => [p.title, ...p.paragraphs.flat()].map((s) => s.text);

describe('themed posts (generate.focus)', () => {
  it('should make exactly the themed golden post for seed 42', () => {
    expect(JSON.stringify(makeThemedPost(), null, 2) + '\n').toBe(fs.readFileSync(fixture('post.themed.seed42.json'), 'utf8'));
  });

  it('should keep focus 0 byte-identical to the golden made before themes', () => {
    expect(JSON.stringify(makeGoldenPost(), null, 2) + '\n').toBe(fs.readFileSync(fixture('post.seed42.json'), 'utf8'));
    expect(makeGoldenPost().theme).toBeUndefined();
  });

  it('should record the theme and its documents, and use its words in the body', () => {
    const post = makeThemedPost();
    expect(post.theme?.words.length).toBeGreaterThan(3);
    expect(model.lm.docs).toContain(post.theme!.seed);
    const body = post.paragraphs.flat().map((s) => s.text.toLowerCase()).join(' ');
    const used = post.theme!.words.filter((w) => new RegExp(`\\b${w.toLowerCase()}\\b`).test(body));
    expect(used.length).toBeGreaterThanOrEqual(2);
  });

  it('should draw theme seeds by source share', () => {
    const ix = indexContexts(model.lm, 1);
    const shares = [0.6, 0.3, 0.1];
    const sources = model.lm.sources.map((sourceId, i) => ({ sourceId, title: sourceId, kind: 'blog' as const, documents: 1, tokens: 1, rawShare: 0, dampedShare: shares[i % 3] / Math.ceil(model.lm.sources.length / 3) }));
    const weighted = { ...model, sources };
    const counts = new Map<string, number>();
    const rng = createRng('shares');
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const t = pickTheme(weighted, ix.slot, rng)!;
      const src = model.lm.sources[model.lm.docSource[t.seed]];
      counts.set(src, (counts.get(src) ?? 0) + 1);
    }
    const total = sources.filter((s) => counts.has(s.sourceId)).reduce((a, s) => a + s.dampedShare, 0);
    expect(counts.size).toBeGreaterThan(1);
    for (const [src, n] of counts) expect(Math.abs(n / N - sources.find((s) => s.sourceId === src)!.dampedShare / total)).toBeLessThan(0.03);
  });
});

describe('biased draws', () => {
  const table: ContextTable = { level: 'prev-slot', keys: [1], rowStart: [0, 3], word: [5, 7, 9], weight: [1, 2, 1], doc: [0, 0, 0] };
  const L: LevelIndex = { table, keys: Float64Array.from([1]), cum: Float64Array.from([1, 3, 4]) };
  const grid = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);

  it('should be drawEntry exactly when no bias word is in the row', () => {
    for (const u of grid) expect(drawBiased(L, 0, new Map([[6, 10]]), 1, u)).toBe(drawEntry(L, 0, u));
    for (const u of grid) expect(drawBiased(L, 0, new Map([[9, 10]]), 0, u)).toBe(drawEntry(L, 0, u));
  });

  it('should sample in proportion to weight × (1 + b)', () => {
    const counts = [0, 0, 0];
    for (const u of grid) counts[drawBiased(L, 0, new Map([[9, 3]]), 1, u)]++;
    // weights 1, 2, 1 × (1 + 3) = 1, 2, 4 of 7
    expect(counts.map((c) => Math.round((c / 1000) * 7))).toEqual([1, 2, 4]);
  });
});

describe('variety', () => {
  it('should not repeat a sentence of the posts passed in', () => {
    const first = generatePost(model, themedOptions, createRng('v'), meta);
    const again = generatePost(model, { ...themedOptions, avoidSentences: texts(first) }, createRng('v'), meta);
    const seen = new Set(texts(first));
    expect(texts(again).filter((t) => seen.has(t))).toEqual([]);
  });

  it('should avoid the templates of recent posts while others remain (templateCooldown)', () => {
    const first = generatePost(model, goldenOptions, createRng('c'), meta);
    const templates = first.paragraphs.flat().map((s) => s.template);
    const same = generatePost(model, goldenOptions, createRng('c'), meta);
    const cooled = generatePost(model, { ...goldenOptions, avoidTemplates: templates }, createRng('c'), meta);
    const overlap = (p: typeof first) => p.paragraphs.flat().filter((s) => templates.includes(s.template)).length;
    expect(overlap(same)).toBe(templates.length);
    expect(overlap(cooled)).toBeLessThan(templates.length / 2);
  });

  it('should print no sentence twice in a brainstorm batch', () => {
    const lines = generateSentences(model, 1000, { ...goldenOptions, minWords: 5, maxWords: 20 }, createRng('batch')).map((s) => s.text);
    expect(lines.length).toBeGreaterThan(300);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
