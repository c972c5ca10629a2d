/**
 * `harvest.keepDays`: documents published more than `keepDays` days before `now` leave the
 * corpus the model is built from (they stay in the store, so raising the setting brings them
 * back). Comments go with their post; documents without a date are kept (their age is unknown).
 */
import type { Corpus } from './types.js';

const DAY_MS = 86_400_000;

export function keepRecent(corpus: Corpus, keepDays: number | undefined, now: Date): Corpus {
  if (keepDays === undefined) return corpus;
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const old = (published: string | undefined) => published !== undefined && Date.parse(published) < cutoff;
  const dropped = new Set(corpus.documents.filter((d) => old(d.published)).map((d) => d.id));
  const documents = corpus.documents.filter((d) => !dropped.has(d.id) && !(d.parentId !== undefined && dropped.has(d.parentId)));
  return documents.length === corpus.documents.length ? corpus : { ...corpus, documents };
}
