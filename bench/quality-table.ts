/** The side-by-side quality table, as Markdown. */
import type { Verdict } from './quality-judge.js';

export interface Row {
  name: string;
  verdict: Verdict;
  buildS?: number;
  perSecond?: number;
  peakMb?: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number | undefined, d = 1): string => (x === undefined ? '–' : x.toFixed(d));

export function formatTable(rows: Row[]): string {
  const head = '| generator | grammatical | verbatim | run median/p95/max | share8 | distinct-2 | len mean | build s | sentences/s | peak MB |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const v = r.verdict;
    return `| ${r.name} | ${pct(v.grammatical)} | ${pct(v.verbatim)} | ${v.run_median}/${v.run_p95}/${v.run_max} | ${pct(v.share8)} | ${num(v.distinct2, 3)} | ${num(v.len_mean)} | ${num(r.buildS)} | ${num(r.perSecond, 0)} | ${num(r.peakMb, 0)} |`;
  });
  return [head, sep, ...lines].join('\n');
}
