import { createHash, randomBytes } from 'node:crypto';
import seedrandom from 'seedrandom';

/** The one source of randomness: a seeded generator of floats in [0, 1). */
export type Rng = () => number;

/**
 * The generator for a seed. Its key is the SHA-256 of the seed string, not the string itself:
 * seedrandom's key schedule repeats a short key, so "1", "11" and "111" (or "ab" and "abab") would
 * give one and the same stream; hashed, every distinct seed gets its own.
 */
export function createRng(seed: string | number): Rng {
  const prng = seedrandom(createHash('sha256').update(String(seed), 'utf8').digest('hex'));
  return () => prng.quick();
}

/** A fresh seed for a run that was given none (I/O edge only); the caller prints and stores it. */
export function pickSeed(): string {
  return randomBytes(4).readUInt32BE(0).toString(36);
}

/**
 * The one rule for which seed a run uses: the first one given (a flag, then the config's `seed`),
 * else a fresh one; `picked` says it was fresh, so the caller prints it once.
 */
export function chooseSeed(...given: Array<string | undefined>): { seed: string; picked: boolean } {
  const seed = given.find((s) => s !== undefined && s !== '');
  return seed === undefined ? { seed: pickSeed(), picked: true } : { seed, picked: false };
}
