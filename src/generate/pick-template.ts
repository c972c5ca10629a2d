/**
 * Choosing a template by weight within a length range: templates sorted by length with
 * cumulative (tempered) weights, so a range is a contiguous stretch and a draw is a binary search.
 * For a topic word, the same over the (template, position) pairs whose slot the word can fill.
 */
import type { TemplateTable } from '../model/language-model.js';

export interface TemplateSampler {
  /** Template ids (or pair ids) sorted by length. */
  order: Int32Array;
  /** Position of the topic word in each pair; empty for plain templates. */
  at: Int32Array;
  lengths: Int32Array;
  cum: Float64Array;
}

const cache = new WeakMap<TemplateTable, Map<string, TemplateSampler>>();

export function samplerFor(table: TemplateTable, temperature: number, slotsFor?: Set<number>, key = ''): TemplateSampler {
  let perKey = cache.get(table);
  if (!perKey) cache.set(table, (perKey = new Map()));
  const k = `${temperature}|${key}`;
  let s = perKey.get(k);
  if (!s) perKey.set(k, (s = buildSampler(table, temperature, slotsFor)));
  return s;
}

function buildSampler(table: TemplateTable, temperature: number, slotsFor?: Set<number>): TemplateSampler {
  const ids: number[] = [];
  const at: number[] = [];
  for (let t = 0; t < table.weight.length; t++) {
    if (!slotsFor) {
      ids.push(t);
      continue;
    }
    for (let p = table.start[t]; p < table.start[t + 1]; p++) {
      if (slotsFor.has(table.slots[p])) {
        ids.push(t);
        at.push(p - table.start[t]);
      }
    }
  }
  const order = ids.map((_, i) => i).sort((a, b) => table.length[ids[a]] - table.length[ids[b]] || a - b);
  const cum = new Float64Array(order.length);
  let sum = 0;
  order.forEach((i, j) => {
    sum += Math.pow(table.weight[ids[i]], 1 / temperature);
    cum[j] = sum;
  });
  return {
    order: Int32Array.from(order, (i) => ids[i]),
    at: Int32Array.from(slotsFor ? order.map((i) => at[i]) : []),
    lengths: Int32Array.from(order, (i) => table.length[ids[i]]),
    cum,
  };
}

/** Index into the sampler of a draw among templates of minWords..maxWords words; -1 if none. */
export function drawTemplate(s: TemplateSampler, minWords: number, maxWords: number, u: number): number {
  const lo = firstAtLeast(s.lengths, minWords);
  const hi = firstAtLeast(s.lengths, maxWords + 1);
  if (hi <= lo) return -1;
  const base = lo > 0 ? s.cum[lo - 1] : 0;
  const target = base + u * (s.cum[hi - 1] - base);
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (s.cum[mid] > target) b = mid;
    else a = mid + 1;
  }
  return a;
}

function firstAtLeast(xs: Int32Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
