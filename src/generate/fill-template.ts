/**
 * Fills one template left to right. Fixed tokens (literal slots, a placed topic word) are copied;
 * each open slot draws a word given (previous word, slot, next slot), backing off to shorter
 * contexts. Every draw passes the copy guard together with the fixed tokens that follow it; a
 * refused word is excluded and the draw repeats, then backs off. Returns undefined when a slot
 * has no acceptable word, so the caller can try another template (a bounded number of times).
 */
import type { LanguageModel } from '../weight/model/types.js';
import { hashUnit, unitsOf } from '../weight/model/hash-units.js';
import { contextKey } from '../weight/model/count-contexts.js';
import type { Rng } from '../rng.js';
import { drawEntry, rowHasWord, type LevelIndex } from './index-contexts.js';
import { endsInCopy, isCorpusSentence, type CopyGuard } from './copy-guard.js';

/** Draws per back-off level before the next, shorter context is tried. */
const DRAWS_PER_LEVEL = 8;

export interface FillEnv {
  lm: LanguageModel;
  levels: LevelIndex[];
  guard: CopyGuard;
  rng: Rng;
}

/** Where an open slot's word came from: back-off level and table entry (for provenance). */
export interface WordSource {
  position: number;
  level: number;
  entry: number;
}

export interface Filled {
  words: number[];
  sources: WordSource[];
}

interface State {
  words: number[];
  text: string;
  units: number[];
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
  state = extend(env, state, lead);
  if (!state) return undefined;
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
  level: number;
  entry: number;
}

function chooseWord(env: FillEnv, state: State, slots: number[], fixed: number[], i: number, tail: number[]): Picked | undefined {
  const { lm, levels, rng } = env;
  const S = lm.slots.length;
  const prev = i > 0 ? state.words[i - 1] : 0;
  const slot = slots[i];
  const next = i + 1 < slots.length ? slots[i + 1] : 0;
  const topicNext = i + 1 < slots.length && fixed[i + 1] >= 0 && lm.slotWord[next] < 0 ? fixed[i + 1] : -1;
  const excluded = new Set<number>();
  for (const strict of topicNext >= 0 ? [true, false] : [false]) {
    for (let level = 0; level < levels.length; level++) {
      const L = levels[level];
      const r = L.rows.get(contextKey(L.table.level, S, prev, slot, next));
      if (r === undefined) continue;
      const size = L.table.rowStart[r + 1] - L.table.rowStart[r];
      for (let d = 0; d < Math.min(DRAWS_PER_LEVEL, size * 2); d++) {
        const entry = drawEntry(L, r, rng());
        const w = L.table.word[entry];
        if (excluded.has(w)) continue;
        if (strict && !leadsTo(env, w, next, topicNext)) continue;
        const extended = extend(env, state, [w, ...tail]);
        if (!extended) {
          excluded.add(w);
          continue;
        }
        return { state: extended, level, entry };
      }
    }
  }
  return undefined;
}

/** Whether the corpus has `target` right after word w in slot `slot` (so a placed topic word fits). */
function leadsTo(env: FillEnv, w: number, slot: number, target: number): boolean {
  const L = env.levels[1];
  const r = L.rows.get(contextKey('prev-slot', env.lm.slots.length, w, slot, 0));
  return r !== undefined && rowHasWord(L, r, target);
}

/** Appends tokens if the copy guard allows the text they complete. */
function extend(env: FillEnv, state: State, tokens: number[]): State | undefined {
  if (tokens.length === 0) return state;
  const { lm } = env;
  let text = state.text;
  for (const w of tokens) text += text && !lm.glue[w] ? ` ${lm.words[w]}` : lm.words[w];
  const units = unitsOf(text).map(hashUnit);
  if (endsInCopy(env.guard, units, Math.max(0, state.units.length - 1))) return undefined;
  return { words: [...state.words, ...tokens], text, units };
}
