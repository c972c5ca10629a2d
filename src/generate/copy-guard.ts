/**
 * The no-copy guard. From the model's hashed corpus words it builds, once per model and run
 * length, a sorted array of the hashes of every (maxSharedRun + 1)-word window of every corpus
 * sentence, and of every whole sentence. A candidate word is refused when the text it completes
 * ends in such a window; a finished sentence is refused when it equals a corpus sentence. Both
 * sides are words of text as written: the corpus as its authors joined it, the sentence as it is
 * printed (`isPrintedCopy` checks the rendered string itself, so no rendering step can hide a copy).
 */
import type { LanguageModel } from '../model/language-model.js';
import { decodeUnits, hashRun, hashUnit, unitsOf } from '../weight/model/hash-units.js';
import { binarySearch } from './binary-search.js';

export interface CopyGuard {
  /** Window length that is forbidden: maxSharedRun + 1. */
  n: number;
  windows: Float64Array;
  sentences: Float64Array;
}

const byModel = new WeakMap<LanguageModel, Map<number, CopyGuard>>();

export function buildCopyGuard(lm: LanguageModel, maxSharedRun: number): CopyGuard {
  let perRun = byModel.get(lm);
  if (!perRun) byModel.set(lm, (perRun = new Map()));
  let guard = perRun.get(maxSharedRun);
  if (!guard) perRun.set(maxSharedRun, (guard = indexCorpus(decodeUnits(lm.guard.units), maxSharedRun + 1)));
  return guard;
}

function indexCorpus(units: Uint32Array, n: number): CopyGuard {
  const windows: number[] = [];
  const sentences: number[] = [];
  let start = 0;
  for (let i = 0; i <= units.length; i++) {
    if (i < units.length && units[i] !== 0) continue;
    if (i > start) sentences.push(hashRun(units, start, i));
    for (let e = start + n; e <= i; e++) windows.push(hashRun(units, e - n, e));
    start = i + 1;
  }
  return { n, windows: sortUnique(windows), sentences: sortUnique(sentences) };
}

function sortUnique(xs: number[]): Float64Array {
  const a = Float64Array.from(xs).sort();
  let k = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[k++] = a[i];
  return a.slice(0, k);
}

export function hasHash(sorted: Float64Array, h: number): boolean {
  return binarySearch(sorted, h) >= 0;
}

/** Whether any forbidden window ends at a word index ≥ `from` of `units`. */
export function endsInCopy(guard: CopyGuard, units: number[], from: number): boolean {
  for (let e = Math.max(from, guard.n - 1); e < units.length; e++) {
    if (hasHash(guard.windows, hashRun(units, e - guard.n + 1, e + 1))) return true;
  }
  return false;
}

export const isCorpusSentence = (guard: CopyGuard, units: number[]): boolean =>
  units.length > 0 && hasHash(guard.sentences, hashRun(units, 0, units.length));

/** Whether printed text copies a corpus sentence or holds a forbidden run of it. */
export function isPrintedCopy(guard: CopyGuard, text: string): boolean {
  const units = unitsOf(text).map(hashUnit);
  return isCorpusSentence(guard, units) || endsInCopy(guard, units, 0);
}
