/**
 * Lookup structures over the model's word tables, built once per model and temperature and kept
 * beside it (a WeakMap, so they vanish with the model). Rows are found by binary search in the
 * sorted keys (a Map of millions of keys would cost more memory than the model); each level gets
 * cumulative weights reshaped by the temperature.
 */
import { CONTEXT_LEVELS } from '../model/context-key.js';
import type { ContextLevel, ContextTable, LanguageModel } from '../model/language-model.js';
import { binarySearch } from './binary-search.js';
import { missingLevel } from './errors.js';

export interface LevelIndex {
  table: ContextTable;
  keys: Float64Array;
  /** cum[e] = sum of tempered weights from the row's first entry through e. */
  cum: Float64Array;
}

/** Every level's index under the level's name. */
export type LevelIndexes = Record<ContextLevel, LevelIndex>;

const byModel = new WeakMap<LanguageModel, Map<number, LevelIndexes>>();

export function indexContexts(lm: LanguageModel, temperature: number): LevelIndexes {
  let perTemp = byModel.get(lm);
  if (!perTemp) byModel.set(lm, (perTemp = new Map()));
  let levels = perTemp.get(temperature);
  if (!levels) perTemp.set(temperature, (levels = indexLevels(lm, temperature)));
  return levels;
}

function indexLevels(lm: LanguageModel, temperature: number): LevelIndexes {
  const levels = {} as LevelIndexes;
  for (const name of CONTEXT_LEVELS) {
    const table = lm.levels?.[name];
    if (table?.level !== name) throw missingLevel(name);
    levels[name] = indexLevel(table, temperature);
  }
  return levels;
}

function indexLevel(table: ContextTable, temperature: number): LevelIndex {
  const cum = new Float64Array(table.word.length);
  const power = 1 / temperature;
  for (let r = 0; r < table.keys.length; r++) {
    let sum = 0;
    for (let e = table.rowStart[r]; e < table.rowStart[r + 1]; e++) {
      sum += power === 1 ? table.weight[e] : Math.pow(table.weight[e], power);
      cum[e] = sum;
    }
  }
  return { table, keys: Float64Array.from(table.keys), cum };
}

/** The row of a context key, or -1 when the corpus never showed that context. */
export function findRow(level: LevelIndex, key: number): number {
  return binarySearch(level.keys, key);
}

/** Draws an entry of row r by weight: binary search of a uniform draw in the row's cumulative sums. */
export function drawEntry(level: LevelIndex, r: number, u: number): number {
  let lo = level.table.rowStart[r];
  let hi = level.table.rowStart[r + 1] - 1;
  const target = u * level.cum[hi];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (level.cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether word w is in row r (entries are sorted by word). */
export function rowHasWord(level: LevelIndex, r: number, w: number): boolean {
  return findEntry(level, r, w) >= 0;
}

/** The entry of word w in row r, or -1. */
export function findEntry(level: LevelIndex, r: number, w: number): number {
  let lo = level.table.rowStart[r];
  let hi = level.table.rowStart[r + 1] - 1;
  const words = level.table.word;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] === w) return mid;
    if (words[mid] < w) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
