/**
 * What the "about the statistics" page shows: the shares the model was built with — each source's
 * share of the words and of the weight, heaviest first, and the weight stage's plot of the same
 * numbers — or nothing when no model has been built yet. The model file is large, so what the page
 * needs of it is cached by modification time.
 */
import { statSync } from 'node:fs';
import { loadModel } from '../store/model-file.js';
import { renderWeightPlot, type PlotShares } from '../weight/render-weight-plot.js';
import { shareLabel, sortByShare } from '../model/shares.js';
import type { AboutStats } from '../site/render-about.js';

let cache: { file: string; mtimeMs: number; stats: AboutStats | undefined } | undefined;

/** The page's numbers from the model file, or undefined when there is no (readable) model yet. */
export function aboutData(modelFile: string | undefined): AboutStats | undefined {
  if (!modelFile) return undefined;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(modelFile).mtimeMs;
  } catch {
    return undefined;
  }
  if (cache?.file === modelFile && cache.mtimeMs === mtimeMs) return cache.stats;
  let shares: PlotShares & { settings: { ownShare: number } };
  try {
    shares = loadModel(modelFile);
  } catch {
    return undefined;
  }
  cache = { file: modelFile, mtimeMs, stats: toStats(shares) };
  return cache.stats;
}

function toStats(model: PlotShares & { settings: { ownShare: number } }): AboutStats | undefined {
  if (model.sources.length === 0) return undefined;
  return {
    damping: model.settings.damping,
    own: model.sources.some((s) => s.kind === 'own') ? { ...model.own, settingShare: model.settings.ownShare } : undefined,
    rows: sortByShare(model.sources).map((s) => ({
      title: shareLabel(s),
      documents: s.documents,
      tokens: s.tokens,
      rawShare: s.rawShare,
      dampedShare: s.dampedShare,
    })),
    plotSvg: `<figure class="plot">${renderWeightPlot(model)}</figure>`,
  };
}
