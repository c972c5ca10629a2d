/**
 * `npm start` runs the built code without recompiling when dist/ is up to date: scripts/build-if-stale.mjs
 * builds only when a source is newer than the last build. Checked on a copy of the script in a
 * folder of its own, with a stand-in `tsc` that counts its runs.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = makeTempDir('webx-build-');
afterAll(() => tmp.remove());

function project(): { dir: string; builds: () => number; run: (...args: string[]) => number } {
  const dir = tmp.dir;
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'typescript', 'bin'), { recursive: true });
  copyFileSync(join(root, 'scripts', 'build-if-stale.mjs'), join(dir, 'scripts', 'build-if-stale.mjs'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) writeFileSync(join(dir, f), '{}');
  writeFileSync(join(dir, 'src', 'a.ts'), 'export {};');
  writeFileSync(join(dir, 'src', 'cli', 'b.ts'), 'export {};');
  // The stand-in compiler: appends a line per run, and checks it was asked for an incremental build.
  writeFileSync(join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), `require('node:fs').appendFileSync(${JSON.stringify(join(dir, 'builds.log'))}, process.argv.slice(2).join(' ') + '\\n');`);
  const past = new Date(Date.now() - 60_000);
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'src/a.ts', 'src/cli/b.ts', 'src/cli', 'src']) utimesSync(join(dir, f), past, past);
  const builds = () => {
    try {
      return readFileSync(join(dir, 'builds.log'), 'utf8').trim().split('\n').length;
    } catch {
      return 0;
    }
  };
  const run = (...args: string[]) => {
    try {
      execFileSync(process.execPath, [join(dir, 'scripts', 'build-if-stale.mjs'), ...args], { stdio: 'pipe' });
      return 0;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };
  return { dir, builds, run };
}

describe('npm start', () => {
  it('should start the built code and build at install (prepare), through the freshness check', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node scripts/build-if-stale.mjs && node bin/webxcreta.js run');
    expect(pkg.scripts.prepare).toBe('node scripts/build-if-stale.mjs');
    expect(JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')).compilerOptions.incremental).toBe(true);
  });

  it('should build when dist/ is missing or older than a source, and not when it is up to date', () => {
    const p = project();
    expect(p.run('--check')).toBe(1);
    expect(p.run()).toBe(0);
    expect(p.builds()).toBe(1);
    expect(readFileSync(join(p.dir, 'builds.log'), 'utf8')).toBe(`-b ${join(p.dir, 'tsconfig.build.json')}\n`);
    expect(p.run('--check')).toBe(0);
    expect(p.run()).toBe(0);
    expect(p.run()).toBe(0);
    expect(p.builds()).toBe(1);
    // A source edited after the last build is built again…
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    const stamp = join(p.dir, 'dist', '.build-stamp');
    utimesSync(stamp, ago(30), ago(30));
    utimesSync(join(p.dir, 'src', 'cli', 'b.ts'), ago(20), ago(20));
    expect(p.run('--check')).toBe(1);
    p.run();
    expect(p.builds()).toBe(2);
    expect(p.run('--check')).toBe(0);
    // …and so is a deleted one (its folder changes).
    utimesSync(stamp, ago(30), ago(30));
    rmSync(join(p.dir, 'src', 'a.ts'));
    expect(p.run('--check')).toBe(1);
    p.run();
    expect(p.builds()).toBe(3);
    expect(p.run('--check')).toBe(0);
  });
});
