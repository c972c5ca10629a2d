#!/usr/bin/env node
/**
 * Builds dist/ only when it is older than the sources, so `npm start` runs the built code at once
 * when it is up to date (a stat of each source file, a few milliseconds) and `tsc -b` (incremental:
 * only what changed) when it is not. Used by `npm start` and by `prepare` (the build at install).
 *   node scripts/build-if-stale.mjs          build if stale
 *   node scripts/build-if-stale.mjs --check  exit 1 if stale, without building
 * Stale: dist/.build-stamp is missing, or older than a file or folder under src/ (a deleted file
 * changes its folder's time), tsconfig.json, tsconfig.build.json or package.json.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

function built() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(...['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => newest(join(root, p))));
const stale = built() < sources;
if (process.argv.includes('--check')) process.exit(stale ? 1 : 0);
if (stale) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
