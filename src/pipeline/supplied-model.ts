/**
 * The model of a supplied corpus, cached by content: the cache key is the corpus fingerprint
 * (every document's content hash + the weight settings + analyzer and model versions), so the
 * same files give the same model file and a second brainstorm skips tagging entirely. The cache
 * keeps the most recently used few models, in the user's cache folder (`Paths.cacheDir`:
 * $WEBXCRETA_CACHE_DIR, $XDG_CACHE_HOME/webxcreta or ~/.cache/webxcreta), never in the current folder.
 */
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCorpus } from '../analyze/analyze-corpus.js';
import type { Corpus } from '../harvest/types.js';
import { buildModel, pickSettings } from '../weight/build-model.js';
import { fingerprintCorpus } from '../weight/fingerprint-corpus.js';
import { saveModel } from '../store/model-file.js';
import { reuseModel } from './model-cache.js';
import type { Model, WeightSettings } from '../model/types.js';
import { plural } from '../text/plural.js';

export const SUPPLIED_CACHE_DIR = 'supplied';
const KEEP = 8;

export interface SuppliedModel {
  model: Model;
  cached: boolean;
  file: string;
}

export function loadOrBuildSuppliedModel(cacheDir: string, corpus: Corpus, weight: WeightSettings, log: (line: string) => void = () => {}): SuppliedModel {
  // Supplied text has no own posts: the own-posts knobs do not apply.
  const settings = { ...pickSettings(weight), ownOnly: false };
  const dir = join(cacheDir, SUPPLIED_CACHE_DIR);
  const fingerprint = fingerprintCorpus(corpus, settings);
  const file = join(dir, `${fingerprint}.bin`);
  const cached = reuseModel(file, fingerprint, { log, keepNewer: false });
  if (cached) {
    const now = new Date();
    utimesSync(file, now, now);
    return { model: cached, cached: true, file };
  }
  const words = corpus.documents.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  log(`analyzing ${plural(corpus.documents.length, 'document')} (${plural(words, 'word')})…`);
  const model = buildModel(corpus, analyzeCorpus(corpus), settings);
  mkdirSync(dir, { recursive: true });
  saveModel(file, model);
  pruneCache(dir, KEEP);
  return { model, cached: false, file };
}

/** Keeps the `keep` most recently used model files (and drops JSON ones of model format ≤ 3). */
function pruneCache(dir: string, keep: number): void {
  for (const f of readdirSync(dir)) if (f.endsWith('.json')) rmSync(join(dir, f), { force: true });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .map((f) => ({ path: join(dir, f), used: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const f of files.slice(keep)) rmSync(f.path, { force: true });
}
