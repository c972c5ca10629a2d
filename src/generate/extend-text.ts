/**
 * The sentence being built, as word ids, its text so far and that text's judge-style words
 * (hashed), and the one step that grows it: append tokens if the copy guards allow it.
 */
import type { LanguageModel } from '../model/language-model.js';
import { hashUnit, unitsOf } from '../weight/model/hash-units.js';
import { endsInCopy, type CopyGuard } from './copy-guard.js';

export interface State {
  words: number[];
  text: string;
  units: number[];
}

export interface Guards {
  guard: CopyGuard;
  soft?: CopyGuard;
}

/**
 * Appends tokens unless the text they complete ends in a corpus run longer than maxSharedRun
 * ('copy'), or, when `soft`, longer than the soft limit ('near-copy').
 */
export function extendText(lm: LanguageModel, guards: Guards, state: State, tokens: number[], soft: boolean): State | 'copy' | 'near-copy' {
  if (tokens.length === 0) return state;
  let text = state.text;
  for (const w of tokens) text += text && !lm.glue[w] ? ` ${lm.words[w]}` : lm.words[w];
  const units = unitsOf(text).map(hashUnit);
  const from = Math.max(0, state.units.length - 1);
  if (endsInCopy(guards.guard, units, from)) return 'copy';
  if (soft && guards.soft && endsInCopy(guards.soft, units, from)) return 'near-copy';
  return { words: [...state.words, ...tokens], text, units };
}
