/**
 * "About the statistics": how much each blog weighs in what the bot writes, before and after
 * damping, as an SVG bar chart (or the weight stage's own plot when it provides one) and a table.
 */
import { escapeHtml as e } from '../text/escape-html.js';
import { renderLayout } from './layout.js';
import type { Site } from './site.js';

export interface SourceShareRow {
  title: string;
  documents: number;
  tokens: number;
  rawShare: number;
  dampedShare: number;
}

export function renderAbout(site: Site, rows: SourceShareRow[], damping: string, plotSvg?: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const table = rows.length
    ? `<table class="shares"><thead><tr><th>blog</th><th>documents</th><th>words</th><th>raw share</th><th>damped share</th></tr></thead><tbody>
${rows.map((r) => `<tr><td>${e(r.title)}</td><td>${r.documents}</td><td>${r.tokens}</td><td>${pct(r.rawShare)}</td><td>${pct(r.dampedShare)}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p class="empty">Nothing harvested yet.</p>';
  const body = `<h1>About the statistics</h1>
<p>Every post here is sampled from the blogs the bot reads. A blog's voice counts by its size, damped
(${e(damping)}): a big blog weighs more than a small one, but far less than its size alone would give, so no
voice is silenced and no majority takes over.</p>
${plotSvg ?? renderBars(rows)}
${table}`;
  return renderLayout(site, `About the statistics · ${site.blogTitle}`, body);
}

/** Two bars per blog: raw share (light) and damped share (dark). */
export function renderBars(rows: SourceShareRow[]): string {
  if (!rows.length) return '';
  const rowH = 22;
  const labelW = 220;
  const barW = 400;
  const max = Math.max(...rows.map((r) => Math.max(r.rawShare, r.dampedShare)), 0.0001);
  const bars = rows.map((r, i) => {
    const y = i * rowH;
    const raw = (r.rawShare / max) * barW;
    const damped = (r.dampedShare / max) * barW;
    return `<text x="0" y="${y + 14}" font-size="12">${e(r.title.slice(0, 32))}</text>
<rect x="${labelW}" y="${y + 3}" width="${raw.toFixed(1)}" height="7" fill="#c8c8d8"/>
<rect x="${labelW}" y="${y + 11}" width="${damped.toFixed(1)}" height="7" fill="#3a3a7a"/>`;
  });
  const h = rows.length * rowH;
  return `<figure class="plot"><svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW}" height="${h}" viewBox="0 0 ${labelW + barW} ${h}" role="img" aria-label="share of each blog, raw and damped">
${bars.join('\n')}
</svg><figcaption>Light: share by size. Dark: share after damping.</figcaption></figure>`;
}
