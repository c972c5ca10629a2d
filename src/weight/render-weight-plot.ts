/**
 * An SVG bar chart of every source's share of the weight under linear weighting (what raw token
 * counts would give) and under log-squared damping, so one can *see* that no voice is silenced
 * and none dominates. Pure: sources in, an SVG document string out; every text is escaped.
 */
import { shareSources } from './share-sources.js';
import type { SourceShare } from '../model/types.js';

export interface WeightPlotOptions {
  /** The own-posts share used for both weightings (default 0.25, the config default). */
  ownShare?: number;
  title?: string;
  /** Sources beyond this many (the smallest) are drawn as one "N more sources" row. */
  maxRows?: number;
}

interface Row {
  label: string;
  linear: number;
  damped: number;
}

const LABEL_W = 240;
const BAR_W = 420;
const ROW_H = 30;
const TOP = 64;
const WIDTH = LABEL_W + BAR_W + 140;

export function renderWeightPlot(sources: SourceShare[], options: WeightPlotOptions = {}): string {
  const rows = toRows(sources, options.ownShare ?? 0.25, options.maxRows ?? 40);
  const max = Math.max(0.0001, ...rows.flatMap((r) => [r.linear, r.damped]));
  const height = TOP + rows.length * ROW_H + 30;
  const title = options.title ?? 'Share of the weight per source: linear vs log-squared';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    legend(10, 44, '#b8b8b8', 'linear (raw token counts)'),
    legend(230, 44, '#2a7ab0', 'log-squared (ln(1+n))²'),
  ];
  rows.forEach((r, i) => parts.push(drawRow(r, TOP + i * ROW_H, max)));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function toRows(sources: SourceShare[], ownShare: number, maxRows: number): Row[] {
  const linear = shareSources(sources, 'linear', ownShare);
  const damped = shareSources(sources, 'log-squared', ownShare);
  const rows = sources
    .map((s, i) => ({ label: `${s.title || s.sourceId}${s.kind === 'own' ? ' (own)' : ''}`, linear: linear[i], damped: damped[i] }))
    .sort((a, b) => b.linear - a.linear || a.label.localeCompare(b.label));
  if (rows.length <= maxRows) return rows;
  const rest = rows.slice(maxRows - 1);
  const sum = (k: 'linear' | 'damped') => rest.reduce((a, r) => a + r[k], 0);
  return [...rows.slice(0, maxRows - 1), { label: `${rest.length} more sources`, linear: sum('linear'), damped: sum('damped') }];
}

function drawRow(r: Row, y: number, max: number): string {
  const w = (share: number) => ((share / max) * BAR_W).toFixed(1);
  const label = r.label.length > 36 ? `${r.label.slice(0, 35)}…` : r.label;
  return [
    `<g>`,
    `<title>${escapeXml(`${r.label}: linear ${percent(r.linear)}, log-squared ${percent(r.damped)}`)}</title>`,
    `<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end">${escapeXml(label)}</text>`,
    `<rect x="${LABEL_W}" y="${y + 2}" width="${w(r.linear)}" height="11" fill="#b8b8b8"/>`,
    `<rect x="${LABEL_W}" y="${y + 14}" width="${w(r.damped)}" height="11" fill="#2a7ab0"/>`,
    `<text x="${LABEL_W + Number(w(Math.max(r.linear, r.damped))) + 6}" y="${y + 18}" fill="#444">${percent(r.linear)} → ${percent(r.damped)}</text>`,
    `</g>`,
  ].join('');
}

const legend = (x: number, y: number, color: string, text: string) =>
  `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${color}"/><text x="${x + 18}" y="${y}">${escapeXml(text)}</text>`;

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 2 : 1)}%`;

/** Escapes XML's five special characters and drops the control characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
