/**
 * The sentence being built, as word ids, its text so far and that text's judge-style words
 * (hashed), and the one step that grows it: append tokens if the copy guards allow it.
 */
import type { LanguageModel } from '../model/language-model.js';
import { hashUnit, unitsOf } from '../weight/model/hash-units.js';
import { endsInCopy, type CopyGuard } from './copy-guard.js';
import { appendJoined } from '../model/join-tokens.js';

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
  const words = [...state.words, ...tokens];
  // Joined as it will be printed (a join can depend on the pair and on the quotes before it).
  const text = appendJoined(lm, words, state.words.length, state.text);
  const units = unitsOf(text).map(hashUnit);
  const from = Math.max(0, state.units.length - 1);
  if (endsInCopy(guards.guard, units, from)) return 'copy';
  if (soft && guards.soft && endsInCopy(guards.soft, units, from)) return 'near-copy';
  return { words, text, units };
}
