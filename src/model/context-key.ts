/**
 * The key of a context in a level's table (part of the model format: the weight stage writes the
 * keys, generation looks rows up by them). S is the number of slots, V the number of words.
 */
import type { ContextLevel } from './language-model.js';

/** Every context level, most specific first (the order is documentation only: tables are looked up by name). */
export const CONTEXT_LEVELS: readonly ContextLevel[] = ['prev2-prev-slot-next', 'prev-slot-next', 'prev-slot', 'slot-next', 'slot'];

/**
 * Pairs of previous words are folded modulo floor(2^53 / S^2) so keys stay exact integers: a rare
 * collision only mixes the candidates of two word pairs, never of two slots.
 */
const pairMod = (S: number): number => Math.floor(Number.MAX_SAFE_INTEGER / (S * S));

/** The numeric key of a context; S is the number of slots, V the number of words. */
export function contextKey(level: ContextLevel, S: number, V: number, prev2: number, prev: number, slot: number, next: number): number {
  switch (level) {
    case 'prev2-prev-slot-next':
      return (((prev2 * V + prev) % pairMod(S)) * S + slot) * S + next;
    case 'prev-slot-next':
      return (prev * S + slot) * S + next;
    case 'prev-slot':
      return prev * S + slot;
    case 'slot-next':
      return slot * S + next;
    case 'slot':
      return slot;
  }
}
