/** One post's page: title, body, categories, comments and (on the box) the comment form. */
import { escapeHtml as e } from '../text/escape-html.js';
import type { BoxComment } from './page-entry.js';
import { renderLayout } from './layout.js';
import { isLinkable, SENTENCE_HINT } from './render-sentences.js';
import type { PageEntry } from './page-entry.js';
import type { Site } from './site.js';

export interface CommentForm {
  action: string;
  csrfToken: string;
  maxAuthor: number;
  maxText: number;
  /** A message to show above the form (an error from the last attempt). */
  notice?: string;
}

export function renderPostPage(site: Site, entry: PageEntry, comments: BoxComment[] = [], form?: CommentForm, feedHref?: string): string {
  const cats = entry.categories.length
    ? `<p class="cats">${entry.categories.map((c) => `<span class="cat">${e(c)}</span>`).join(' ')}</p>`
    : '';
  const body = `<article class="post">
<h1>${e(entry.title)}</h1>
<p class="meta">by <bdi>${e(entry.author)}</bdi> · <time datetime="${e(entry.published)}">${e(entry.published.slice(0, 10))}</time></p>
${cats}
${entry.sentences ? `<p class="hint">${e(SENTENCE_HINT)}</p>\n` : ''}<div class="body">
${entry.bodyHtml}
</div>
${renderTheme(entry)}</article>
${renderComments(comments, feedHref)}${form ? renderForm(form) : ''}`;
  return renderLayout(site, `${entry.title} · ${site.blogTitle}`, body);
}

/** "This post is about …, drawn from …" for a post made with a theme. */
function renderTheme(entry: PageEntry): string {
  if (!entry.theme || entry.theme.words.length === 0) return '';
  const from = entry.theme.from.map((d) => {
    const title = d.url && isLinkable(d.url) ? `<a href="${e(d.url)}" rel="nofollow noopener">${e(d.title)}</a>` : e(d.title);
    return d.sourceTitle ? `${title} (${e(d.sourceTitle)})` : title;
  });
  return `<p class="theme">This post is about ${entry.theme.words.slice(0, 8).map((w) => `<em>${e(w)}</em>`).join(', ')}, drawn from ${from.join(', ')}.</p>\n`;
}

function renderComments(comments: BoxComment[], feedHref?: string): string {
  const feed = feedHref ? ` <a class="feed" href="${e(feedHref)}">comment feed</a>` : '';
  const items = comments.map(
    // <bdi>: a name with bidi controls (U+202E) or right-to-left letters cannot reorder the rest of the line.
    (c) => `<li class="comment" id="comment-${c.id}"><p class="who"><bdi>${e(c.author)}</bdi> · <time datetime="${e(c.createdAt)}">${e(c.createdAt.slice(0, 16).replace('T', ' '))}</time></p>
<p class="text">${e(c.text).replace(/\r?\n/g, '<br>')}</p></li>`,
  );
  return `<section class="comments"><h2>Comments (${comments.length})${feed}</h2>
${items.length ? `<ol>\n${items.join('\n')}\n</ol>` : '<p class="empty">No comments yet.</p>'}
</section>\n`;
}

function renderForm(f: CommentForm): string {
  return `<form class="comment-form" id="comment-form" method="post" action="${e(f.action)}">
${f.notice ? `<p class="notice">${e(f.notice)}</p>` : ''}
<input type="hidden" name="csrf" value="${e(f.csrfToken)}">
<p class="trap"><label>Leave this empty <input type="text" name="website" tabindex="-1" autocomplete="off"></label></p>
<p><label>Name <input type="text" name="author" maxlength="${f.maxAuthor}" required></label></p>
<p><label>Comment <textarea name="text" rows="5" maxlength="${f.maxText}" required></textarea></label></p>
<p><button type="submit">Post comment</button></p>
</form>
`;
}
