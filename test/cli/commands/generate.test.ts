import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { insertSource, upsertDocument } from '../../fixtures/weight/seed-store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runCli } from '../../helpers/run-cli.js';
import { readTextDocs } from '../../generate/model-from-texts.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('webx-generate-cli-');
  const store = openStore(join(tmp.dir, '.webxcreta', 'webxcreta.db'));
  const docs = readTextDocs(new URL('../../fixtures/generate/corpus.json', import.meta.url).pathname);
  for (const source of new Set(docs.map((d) => d.sourceId))) insertSource(store, source);
  for (const d of docs) upsertDocument(store, { id: d.docId, sourceId: d.sourceId, title: d.title ?? '', text: d.text });
  store.close();
});
afterAll(() => tmp.remove());

const run = (args: string[]) => runCli(['--data', tmp.dir, ...args], { cwd: tmp.dir });

describe('generate', () => {
  it('should print the same post for the same seed, as JSON with provenance', async () => {
    const a = await run(['generate', '--seed', '42', '--paragraphs', '2', '--sentences', '3', '--json']);
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(out.ok).toBe(true);
    expect(out.post.seed).toBe('42');
    expect(out.post.paragraphs.map((p: unknown[]) => p.length)).toEqual([3, 3]);
    expect(out.post.paragraphs[0][0].provenance[0].gave).toBe('template');
    const b = JSON.parse((await run(['generate', '--seed', '42', '--paragraphs', '2', '--sentences', '3', '--json'])).stdout);
    expect({ ...b.post, createdAt: '' }).toEqual({ ...out.post, createdAt: '' });
  });

  it('should print title and paragraphs in words, and the seed it picked on stderr', async () => {
    const r = await run(['generate', '--paragraphs', '2', '--sentences', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^seed: [0-9a-z]+$/m);
    expect(r.stdout.trim().split('\n\n')).toHaveLength(3);
  });

  it('should explain every sentence with its documents and sources', async () => {
    const r = await run(['generate', '--seed', '1', '--paragraphs', '1', '--sentences', '2', '--explain']);
    expect(r.stdout).toMatch(/ {4}template =?\S+/);
    // each document is named by its title and its blog, read back from the store
    expect(r.stdout).toMatch(/^ {4}\d\.\d{3} {2}(template|words at [\d,]+) *"[^"\n]*" in \S+/m);
    expect(r.stdout).not.toMatch(/^ {4}\d\.\d{3} .*\((river-notes|city-days|garden-log)\)$/m);
  });

  it('should use the topic words, and refuse one the corpus never uses (exit 2, with a hint)', async () => {
    const ok = JSON.parse((await run(['generate', '--seed', '3', '--topic', 'river,bread', '--json'])).stdout);
    const text = ok.post.paragraphs.flat().map((s: { text: string }) => s.text).join(' ').toLowerCase();
    expect(text).toMatch(/\briver\b/);
    expect(text).toMatch(/\bbread\b/);
    const bad = await run(['generate', '--topic', 'zeppelin']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"zeppelin" never occurs in the corpus/);
    expect(bad.stderr).toMatch(/hint: /);
  });

  it('should store the post it prints, so that `publish ID` publishes it; --dry-run stores nothing', async () => {
    const preview = JSON.parse((await run(['generate', '--seed', 'dry', '--dry-run', '--json'])).stdout);
    expect(preview.stored).toBe(false);
    const listed = () => runCli(['--data', tmp.dir, 'posts', 'list', '--json'], { cwd: tmp.dir }).then((r) => JSON.parse(r.stdout).posts.map((p: { id: string }) => p.id));
    expect(await listed()).not.toContain(preview.post.id);

    const r = await run(['generate', '--seed', 'keep', '--paragraphs', '1']);
    expect(r.code).toBe(0);
    const [, id] = /stored as post ([0-9a-f]{16}): `webxcreta publish \1` publishes it/.exec(r.stderr) ?? [];
    expect(id).toBeDefined();
    expect(await listed()).toContain(id);
    const env = { WEBXCRETA_BOX_PORT: '0', WEBXCRETA_BOX_PASSWORD: 'pw' };
    const published = await runCli(['--data', tmp.dir, 'publish', id, '--json'], { cwd: tmp.dir, env });
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ ok: true, postId: id, target: 'box' });
    const title = r.stdout.split('\n')[0];
    expect(JSON.parse(published.stdout).url).toMatch(/\/posts\/[a-z0-9-]+$/);
    expect(title.length).toBeGreaterThan(2);
  });

  it('should say in --help that the post is stored, and offer --dry-run and the length flags', async () => {
    const help = (await run(['generate', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('store it (then `webxcreta publish ID` publishes it)');
    expect(help).toContain('--dry-run');
    expect(help).toContain('--min-words <n>');
    expect(help).toContain('--max-words <n>');
  });
});

