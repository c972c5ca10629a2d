/**
 * "About the statistics": how much each blog weighs in what the bot writes — its share of the words
 * and its share of the weight in the model, as the weight stage's plot and a table, heaviest first
 * — or, before the bot has built its model, a note saying so.
 */
import { formatShare as pct } from '../model/shares.js';
import { escapeHtml as e } from '../text/escape-html.js';
import { renderLayout } from './layout.js';
import type { Site } from './site.js';

export interface SourceShareRow {
  /** As every view labels a source ("(own)" for the bot's own blog). */
  title: string;
  documents: number;
  tokens: number;
  /** Share of the words (raw token counts). */
  rawShare: number;
  /** Share of the weight in the model. */
  dampedShare: number;
}

/** The model's shares, as the page shows them. */
export interface AboutStats {
  /** The damping the model was built with. */
  damping: string;
  /** The own blog's share of the weight (after the ramp) and the setting it grows towards; absent without an own blog. */
  own?: { posts: number; share: number; settingShare: number };
  /** Heaviest first. */
  rows: SourceShareRow[];
  /** The weight stage's plot of the same rows, in a <figure>. */
  plotSvg: string;
}

/** `damping` is the configured one, named while there is no model yet. */
export function renderAbout(site: Site, stats: AboutStats | undefined, damping: string): string {
  const intro = `<h1>About the statistics</h1>
<p>Every post here is sampled from the blogs the bot reads. A blog's voice counts by its size, damped
(${e(stats?.damping ?? damping)}): a big blog weighs more than a small one, but far less than its size alone would give, so no
voice is silenced and no majority takes over.</p>`;
  if (!stats) {
    const body = `${intro}
<p class="empty">No model has been built yet, so there are no shares to show. They appear here once the bot has
learned from what it harvested (<code>webxcreta run</code> or <code>webxcreta analyze</code>).</p>`;
    return renderLayout(site, `About the statistics · ${site.blogTitle}`, body);
  }
  const own = stats.own
    ? `\n<p>The bot's own posts count too: ${pct(stats.own.share)} of the weight, from ${stats.own.posts} post${stats.own.posts === 1 ? '' : 's'}
(it grows towards ${pct(stats.own.settingShare)} as the bot writes more).</p>`
    : '';
  const table = `<table class="shares"><thead><tr><th>blog</th><th>documents</th><th>words</th><th>share of the words</th><th>share of the weight</th></tr></thead><tbody>
${stats.rows.map((r) => `<tr><td>${e(r.title)}</td><td>${r.documents}</td><td>${r.tokens}</td><td>${pct(r.rawShare)}</td><td>${pct(r.dampedShare)}</td></tr>`).join('\n')}
</tbody></table>`;
  return renderLayout(site, `About the statistics · ${site.blogTitle}`, `${intro}${own}\n${stats.plotSvg}\n${table}`);
}
