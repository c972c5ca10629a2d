/** The index page: the newest posts, each with its date, title and first sentence. */
import { escapeHtml as e } from '../text/escape-html.js';
import { renderLayout } from './layout.js';
import type { PageEntry } from './page-entry.js';
import type { Site } from './site.js';

export function renderIndex(site: Site, entries: PageEntry[], pager?: { newer?: string; older?: string }): string {
  const items = entries.map(
    (p) => `<li class="entry"><time datetime="${e(p.published)}">${e(p.published.slice(0, 10))}</time>
<a class="title" href="${e(site.post(p.slug))}">${e(p.title)}</a>
<p class="teaser">${e(p.teaser)}</p>${p.comments ? `<span class="count">${p.comments} comment${p.comments === 1 ? '' : 's'}</span>` : ''}</li>`,
  );
  const list = items.length ? `<ol class="entries">\n${items.join('\n')}\n</ol>` : '<p class="empty">No posts yet.</p>';
  const nav = [pager?.newer && `<a rel="prev" href="${e(pager.newer)}">newer</a>`, pager?.older && `<a rel="next" href="${e(pager.older)}">older</a>`]
    .filter(Boolean)
    .join(' ');
  return renderLayout(site, site.blogTitle, `<h1>${e(site.blogTitle)}</h1>\n${list}${nav ? `\n<nav class="pager">${nav}</nav>` : ''}`);
}
