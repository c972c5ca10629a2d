/**
 * What the "about the statistics" page shows: the model's own source shares and the weight stage's
 * plot (`renderWeightPlot`) when a model file exists, else shares counted from the harvest tables
 * and the page's own bars. The model file is large, so its shares are cached by modification time.
 */
import { statSync } from 'node:fs';
import type { Store } from '../store/open-store.js';
import { loadModel } from '../store/model-file.js';
import { renderWeightPlot } from '../weight/render-weight-plot.js';
import type { Damping } from '../model/damping.js';
import type { SourceShare } from '../model/types.js';
import type { SourceShareRow } from '../site/render-about.js';
import { sourceShares } from './source-shares.js';

export interface AboutData {
  rows: SourceShareRow[];
  plotSvg?: string;
}

let cache: { file: string; mtimeMs: number; sources: SourceShare[]; ownShare: number } | undefined;

export function aboutData(store: Store, damping: Damping, modelFile?: string): AboutData {
  const model = modelFile ? readShares(modelFile) : undefined;
  if (!model || model.sources.length === 0) return { rows: sourceShares(store, damping) };
  const rows = model.sources.map((s) => ({ title: s.title || s.sourceId, documents: s.documents, tokens: s.tokens, rawShare: s.rawShare, dampedShare: s.dampedShare }));
  return { rows, plotSvg: `<figure class="plot">${renderWeightPlot(model.sources, { ownShare: model.ownShare })}</figure>` };
}

function readShares(file: string): { sources: SourceShare[]; ownShare: number } | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  if (cache?.file === file && cache.mtimeMs === mtimeMs) return cache;
  try {
    const model = loadModel(file);
    cache = { file, mtimeMs, sources: model.sources, ownShare: model.settings.ownShare };
    return cache;
  } catch {
    return undefined;
  }
}
