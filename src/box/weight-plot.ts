/**
 * The weight stage's own plot, when it provides one (`renderWeightPlot` in src/weight/plot.ts);
 * otherwise undefined, and the about page draws its own bars. Loaded lazily so the box does not
 * depend on a module another stage may not have yet.
 */
import type { SourceShareRow } from './html/render-about.js';

type PlotFn = (sources: SourceShareRow[]) => string;

let cached: Promise<PlotFn | undefined> | undefined;

export async function loadWeightPlot(rows: SourceShareRow[]): Promise<string | undefined> {
  cached ??= import(/* @vite-ignore */ ['..', 'weight', 'plot.js'].join('/'))
    .then((m: { renderWeightPlot?: PlotFn }) => m.renderWeightPlot)
    .catch(() => undefined);
  const plot = await cached;
  if (!plot || rows.length === 0) return undefined;
  try {
    return plot(rows);
  } catch {
    return undefined;
  }
}
