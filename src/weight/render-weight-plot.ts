/**
 * An SVG bar chart of every source's shares, as the model recorded them: its share of the words
 * (raw token counts, what its size alone would give) and its share of the weight in the model
 * (after damping and the own blog's share), heaviest first — so one can *see* that no voice is
 * silenced and none dominates. The same numbers as `inspect` and the blog's /about page.
 * Pure: shares in, an SVG document string out; every text is escaped.
 */
import { escapeXml } from '../text/xml-safe-text.js';
import { formatShare as percent, shareLabel, sortByShare } from '../model/shares.js';
import type { Damping } from '../model/damping.js';
import type { Model } from '../model/types.js';

/** What the plot reads of a model. */
export type PlotShares = Pick<Model, 'sources' | 'own'> & { settings: Pick<Model['settings'], 'damping'> };

export interface WeightPlotOptions {
  title?: string;
  /** Sources beyond this many (the smallest) are drawn as one "N more sources" row. */
  maxRows?: number;
}

interface Row {
  label: string;
  raw: number;
  weight: number;
}

const LABEL_W = 240;
const BAR_W = 420;
const ROW_H = 30;
const TOP = 64;
const WIDTH = LABEL_W + BAR_W + 140;

const DAMPING_NAMES: Record<Damping, string> = {
  'log-squared': 'log-squared damping (ln(1+n))²',
  log: 'log damping ln(1+n)',
  linear: 'no damping',
};

export function renderWeightPlot(model: PlotShares, options: WeightPlotOptions = {}): string {
  const rows = toRows(model, options.maxRows ?? 40);
  const max = Math.max(0.0001, ...rows.flatMap((r) => [r.raw, r.weight]));
  const height = TOP + rows.length * ROW_H + 30;
  const title = options.title ?? 'Each source\'s share: of the words, and of the weight in the model';
  const hasOwn = model.sources.some((s) => s.kind === 'own');
  const weightLegend = `share of the weight in the model (${DAMPING_NAMES[model.settings.damping] ?? model.settings.damping}${hasOwn ? `, own blog ${percent(model.own.share)}` : ''})`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    legend(10, 44, '#b8b8b8', 'share of the words (raw token counts)'),
    legend(270, 44, '#2a7ab0', weightLegend),
  ];
  rows.forEach((r, i) => parts.push(drawRow(r, TOP + i * ROW_H, max)));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function toRows(model: PlotShares, maxRows: number): Row[] {
  const rows = sortByShare(model.sources).map((s) => ({ label: shareLabel(s), raw: s.rawShare, weight: s.dampedShare }));
  if (rows.length <= maxRows) return rows;
  const rest = rows.slice(maxRows - 1);
  const sum = (k: 'raw' | 'weight') => rest.reduce((a, r) => a + r[k], 0);
  return [...rows.slice(0, maxRows - 1), { label: `${rest.length} more sources`, raw: sum('raw'), weight: sum('weight') }];
}

function drawRow(r: Row, y: number, max: number): string {
  const w = (share: number) => ((share / max) * BAR_W).toFixed(1);
  const label = r.label.length > 36 ? `${r.label.slice(0, 35)}…` : r.label;
  return [
    `<g>`,
    `<title>${escapeXml(`${r.label}: ${percent(r.raw)} of the words, ${percent(r.weight)} of the weight`)}</title>`,
    `<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end">${escapeXml(label)}</text>`,
    `<rect x="${LABEL_W}" y="${y + 2}" width="${w(r.raw)}" height="11" fill="#b8b8b8"/>`,
    `<rect x="${LABEL_W}" y="${y + 14}" width="${w(r.weight)}" height="11" fill="#2a7ab0"/>`,
    `<text x="${LABEL_W + Number(w(Math.max(r.raw, r.weight))) + 6}" y="${y + 18}" fill="#444">${percent(r.raw)} → ${percent(r.weight)}</text>`,
    `</g>`,
  ].join('');
}

const legend = (x: number, y: number, color: string, text: string) =>
  `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${color}"/><text x="${x + 18}" y="${y}">${escapeXml(text)}</text>`;

