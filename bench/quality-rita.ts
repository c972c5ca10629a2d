/** The Markov baseline: RiTa.markov on the same training sentences, timed per sentence. */
import { RiTa } from 'rita';

export interface RitaRun {
  sentences: string[];
  buildMs: number;
  genMs: number;
}

export function runRita(train: string[], n: number, order: number, maxLengthMatch?: number): RitaRun {
  RiTa.randomSeed(42);
  const t0 = performance.now();
  const markov = RiTa.markov(order, maxLengthMatch ? { maxLengthMatch } : {});
  markov.addText(train.join(' ')); // one text: RiTa mis-splits an array of sentences
  const t1 = performance.now();
  const sentences: string[] = [];
  for (let tries = 0; sentences.length < n && tries < n * 3; tries++) {
    try {
      const made: string[] | string = markov.generate(Math.min(10, n - sentences.length), { minLength: 8, maxLength: 32 });
      sentences.push(...(Array.isArray(made) ? made : [made]));
    } catch {
      // RiTa gives up on a batch now and then; count the time and try again
    }
  }
  return { sentences: sentences.slice(0, n), buildMs: t1 - t0, genMs: performance.now() - t1 };
}
