/** Runs the outside judge (`../shared/judge/judge`) on a file of sentences against the training corpus. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Verdict {
  grammatical: number;
  verbatim: number;
  run_median: number;
  run_p95: number;
  run_max: number;
  share8: number;
  distinct2: number;
  len_mean: number;
  [k: string]: number;
}

export function judgePath(root: string): string {
  return path.resolve(root, '../shared/judge/judge');
}

export function judge(root: string, sentences: string[], corpusFile: string, dir: string, name: string): Verdict {
  const file = path.join(dir, `${name}.txt`);
  fs.writeFileSync(file, `${sentences.map((s) => s.replace(/\s+/g, ' ').trim()).join('\n')}\n`);
  const out = execFileSync(judgePath(root), [file, corpusFile, path.join(dir, `${name}.verdicts.txt`)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Verdict;
}
