/**
 * Fills one template left to right. Fixed tokens (literal slots, a placed topic word) are copied;
 * each open slot draws a word given (previous word, slot, next slot), backing off to shorter
 * contexts. Every draw passes the copy guard together with the fixed tokens that follow it; a
 * refused word is excluded and the draw repeats, then backs off. Returns undefined when a slot
 * has no acceptable word, so the caller can try another template (a bounded number of times).
 */
import { contextKey } from '../model/context-key.js';
import type { ContextLevel, LanguageModel } from '../model/language-model.js';
import type { Rng } from '../rng.js';
import { drawEntry, findEntry, findRow, rowHasWord, type LevelIndex, type LevelIndexes } from './index-contexts.js';
import { isCorpusSentence, type CopyGuard } from './copy-guard.js';
import { extendText, type State } from './extend-text.js';

/** Draws per back-off level before the next, shorter context is tried. */
const DRAWS_PER_LEVEL = 8;
/**
 * Back-off order, by level name: both neighbours first (with the word before the previous one,
 * then without), then the slot with the next slot before the slot with the previous word, then
 * the slot alone.
 */
export const BACK_OFF: readonly ContextLevel[] = ['prev2-prev-slot-next', 'prev-slot-next', 'slot-next', 'prev-slot', 'slot'];
/**
 * Draw passes, pickiest first: a word not used in the last few sentences, whose next word keeps a
 * full context, with no near-copy; then the same allowing recent words; then only no near-copy;
 * then anything the hard guard allows.
 */
const PASSES = [
  { fresh: true, fits: true, soft: true },
  { fresh: false, fits: true, soft: true },
  { fresh: false, fits: false, soft: true },
  { fresh: false, fits: false, soft: false },
];

export interface FillEnv {
  lm: LanguageModel;
  levels: LevelIndexes;
  /** The hard limit (maxSharedRun). */
  guard: CopyGuard;
  /** A shorter run that draws avoid while they can (real unseen text shares about 3 words). */
  soft?: CopyGuard;
  /** Open-class words of the last few sentences, avoided while other words fit. */
  recent?: Set<number>;
  /** Theme words and their boost b: a candidate's weight is multiplied by 1 + b·λ(level) (absent: today's draw). */
  bias?: Map<number, number>;
  rng: Rng;
}

/**
 * How much of the theme boost each back-off level gets: full where the word was seen after the
 * previous word, a quarter with only the next slot, none at the bare slot (that would force theme
 * nouns into any noun slot blindly).
 */
const LEVEL_BIAS: Record<ContextLevel, number> = { 'prev2-prev-slot-next': 1, 'prev-slot-next': 1, 'prev-slot': 1, 'slot-next': 0.25, slot: 0 };

/** Where an open slot's word came from: back-off level and table entry (for provenance). */
export interface WordSource {
  position: number;
  level: ContextLevel;
  entry: number;
}

export interface Filled {
  words: number[];
  sources: WordSource[];
}


export function fillTemplate(env: FillEnv, slots: number[], fixed: number[]): Filled | undefined {
  const n = slots.length;
  let state: State | undefined = { words: [], text: '', units: [] };
  let i = 0;
  const run = (from: number): number[] => {
    const out: number[] = [];
    for (let j = from; j < n && fixed[j] >= 0; j++) out.push(fixed[j]);
    return out;
  };
  const lead = run(0);
  const led = extendText(env.lm, env, state, lead, false);
  if (led === 'copy') return undefined;
  state = led === 'near-copy' ? state : led;
  i = lead.length;
  const sources: WordSource[] = [];
  while (i < n) {
    const tail = run(i + 1);
    const picked = chooseWord(env, state, slots, fixed, i, tail);
    if (!picked) return undefined;
    state = picked.state;
    sources.push({ position: i, level: picked.level, entry: picked.entry });
    i += 1 + tail.length;
  }
  if (isCorpusSentence(env.guard, state.units)) return undefined;
  return { words: state.words, sources };
}

interface Picked {
  state: State;
  level: ContextLevel;
  entry: number;
}

function chooseWord(env: FillEnv, state: State, slots: number[], fixed: number[], i: number, tail: number[]): Picked | undefined {
  const { lm, levels, rng } = env;
  const S = lm.slots.length;
  const V = lm.words.length;
  const prev2 = i > 1 ? state.words[i - 2] : 0;
  const prev = i > 0 ? state.words[i - 1] : 0;
  const slot = slots[i];
  const next = i + 1 < slots.length ? slots[i + 1] : 0;
  const after = i + 2 < slots.length ? slots[i + 2] : 0;
  const topicNext = i + 1 < slots.length && fixed[i + 1] >= 0 && lm.slotWord[next] < 0 ? fixed[i + 1] : -1;
  const openNext = i + 1 < slots.length && fixed[i + 1] < 0;
  // A word "fits" when the next word will have a full context too (or can be the placed topic word).
  const fits = (w: number): boolean =>
    topicNext >= 0 ? leadsTo(env, w, next, topicNext) : !openNext || hasRow(env, 'prev-slot-next', w, next, after);
  const excluded = new Set<number>();
  const nearCopies = new Set<number>();
  for (const pass of PASSES) {
    for (const level of BACK_OFF) {
      const L = levels[level];
      const r = findRow(L, contextKey(level, S, V, prev2, prev, slot, next));
      if (r < 0) continue;
      const size = L.table.rowStart[r + 1] - L.table.rowStart[r];
      for (let d = 0; d < Math.min(DRAWS_PER_LEVEL, size * 2); d++) {
        const entry = env.bias ? drawBiased(L, r, env.bias, LEVEL_BIAS[level], rng()) : drawEntry(L, r, rng());
        const w = L.table.word[entry];
        if (excluded.has(w) || (pass.soft && nearCopies.has(w))) continue;
        if ((pass.fits && !fits(w)) || (pass.fresh && env.recent?.has(w))) continue;
        const extended = extendText(env.lm, env, state, [w, ...tail], pass.soft);
        if (extended === 'copy') excluded.add(w);
        else if (extended === 'near-copy') nearCopies.add(w);
        else return { state: extended, level, entry };
      }
    }
  }
  return undefined;
}

const hasRow = (env: FillEnv, level: ContextLevel, prev: number, slot: number, next: number): boolean =>
  findRow(env.levels[level], contextKey(level, env.lm.slots.length, env.lm.words.length, 0, prev, slot, next)) >= 0;

/** Whether the corpus has `target` right after word w in slot `slot` (so a placed topic word fits). */
function leadsTo(env: FillEnv, w: number, slot: number, target: number): boolean {
  const L = env.levels['prev-slot'];
  const r = findRow(L, contextKey('prev-slot', env.lm.slots.length, env.lm.words.length, 0, w, slot, 0));
  return r >= 0 && rowHasWord(L, r, target);
}

/**
 * Draws an entry of row r with probability ∝ tempered weight × (1 + b·λ) for bias words (one
 * uniform, as drawEntry): the extra mass T of the row's bias words comes first on [0, T), the
 * row's own cumulative weights after it. With no bias word in the row it is drawEntry exactly.
 */
export function drawBiased(L: LevelIndex, r: number, bias: Map<number, number>, lambda: number, u: number): number {
  if (lambda === 0 || bias.size === 0) return drawEntry(L, r, u);
  const start = L.table.rowStart[r];
  const base = L.cum[L.table.rowStart[r + 1] - 1];
  const found: number[] = [];
  const mass: number[] = [];
  let T = 0;
  for (const [w, b] of bias) {
    const e = findEntry(L, r, w);
    if (e < 0 || b <= 0) continue;
    const m = (L.cum[e] - (e > start ? L.cum[e - 1] : 0)) * b * lambda;
    found.push(e);
    mass.push(m);
    T += m;
  }
  if (T === 0) return drawEntry(L, r, u);
  const x = u * (base + T);
  if (x >= T) return drawEntry(L, r, Math.min((x - T) / base, 1 - Number.EPSILON));
  let acc = 0;
  for (let k = 0; k < found.length; k++) {
    acc += mass[k];
    if (x < acc) return found[k];
  }
  return found[found.length - 1];
}
