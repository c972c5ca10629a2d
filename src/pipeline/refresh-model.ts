/**
 * The model of the harvested corpus, kept up to date: analyse what is new, then reuse the model
 * file when its fingerprint still matches the corpus and settings, else rebuild and save it.
 * An old or damaged model file is simply rebuilt (it is a cache); one from a newer webXcreta is
 * refused unless `rebuild` is set, so a downgrade never silently discards it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeStore, type AnalyzeStoreResult } from './analyze-step.js';
import { loadAnalysis } from '../store/analyses.js';
import type { Bot } from './bot.js';
import { keepRecent, readCorpus } from '../harvest/index.js';
import { buildModel, pickSettings } from '../weight/build-model.js';
import { fingerprintCorpus } from '../weight/fingerprint-corpus.js';
import { saveModel } from '../store/model-file.js';
import { reuseModel } from './model-cache.js';
import { MODEL_FILE_NAME } from '../model/model-format.js';
import type { Model } from '../model/types.js';
import { plural } from '../text/plural.js';

export interface LoadOrBuildOptions {
  rebuild?: boolean;
}

export const modelFileOf = (stateDir: string) => join(stateDir, MODEL_FILE_NAME);

export interface RefreshResult {
  model: Model;
  file: string;
  analyzed: AnalyzeStoreResult;
  /** False when the saved model still matched the corpus and settings. */
  rebuilt: boolean;
  ms: { analyze: number; model: number };
}

export async function loadOrBuildModel(app: Bot, options: LoadOrBuildOptions = {}): Promise<Model> {
  return (await refreshModel(app, options)).model;
}

/** `loadOrBuildModel`, also telling what it did (for `webxcreta analyze`). */
export async function refreshModel(app: Bot, options: LoadOrBuildOptions = {}): Promise<RefreshResult> {
  const store = app.store();
  const settings = pickSettings(app.config.weight);
  const t0 = performance.now();
  const analyzed = analyzeStore(store, { onProgress: reportProgress(app) });
  const t1 = performance.now();
  if (analyzed.analyzed > 0) app.log(`analyzed ${plural(analyzed.analyzed, 'new or changed document')}`);
  const corpus = keepRecent(readCorpus(store, { ownOnly: settings.ownOnly }), app.config.harvest.keepDays, new Date());
  const fingerprint = fingerprintCorpus(corpus, settings);
  const file = modelFileOf(app.paths.stateDir);
  const reused = options.rebuild ? undefined : reuseModel(file, fingerprint, { log: (line) => app.log(line), keepNewer: true });
  let model = reused;
  if (!model) {
    const analysis = loadAnalysis(store, { sourceIds: corpus.sources.map((s) => s.id) });
    model = buildModel(corpus, analysis, settings);
    saveModel(file, model);
    rmSync(join(app.paths.stateDir, 'model.json'), { force: true }); // the JSON model file of format ≤ 3
  }
  const ms = { analyze: Math.round(t1 - t0), model: Math.round(performance.now() - t1) };
  return { model, file, analyzed, rebuilt: !reused, ms };
}

/** A progress line every 10% of the documents (only when there is work to do). */
export function reportProgress(app: Bot): (done: number, total: number) => void {
  let last = -1;
  let first = true;
  return (done, total) => {
    if (first) {
      first = false;
      if (done === total) return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth === last) return;
    last = tenth;
    app.log(`analyzing: ${done}/${total} document${total === 1 ? '' : 's'}`);
  };
}
