/**
 * Box entry → what its page shows. An entry that carries a generated post, unedited, shows that
 * post's sentences with their sources; once a client has changed its content (a PUT), or for any
 * other entry, the page shows the entry's content: HTML as stored (sanitised where it entered, in
 * handle-app.ts, so the page and the feed show the same markup), text as escaped paragraphs.
 */
import { escapeHtml } from '../text/escape-html.js';
import { htmlToText } from '../text/html-to-text.js';
import { xmlSafeText } from '../text/xml-safe-text.js';
import { postText } from '../site/render-post-html.js';
import { readPost } from '../store/posts.js';
import type { Store } from '../store/open-store.js';
import type { BoxEntry } from '../store/box-entries.js';
import { describeSources } from '../store/describe-sources.js';
import { pageTheme, type PageEntry } from '../site/page-entry.js';
import { renderSentences } from '../site/render-sentences.js';
import { boxSite } from '../site/site.js';
import type { Post } from '../generate/types.js';

/** On the box every published own post has its page at /posts/SLUG (describeSources names only those). */
const BOX_LINKS = { ownPost: (slug: string) => boxSite({ title: '' }).post(slug) };

/** `body: false` (the index) skips rendering the body, which only a post's own page shows. */
export function toPageEntry(store: Store, entry: BoxEntry, comments: number, options: { body: boolean } = { body: true }): PageEntry {
  const linked = entry.postId ? readPost(store, entry.postId) : undefined;
  const post = linked && showsPost(entry, linked) ? linked : undefined;
  const bodyHtml = !options.body ? '' : post ? renderSentences(post, describeSources(store, post), BOX_LINKS) : entryHtml(entry);
  return {
    slug: entry.slug,
    title: entry.title,
    author: entry.author,
    published: entry.published,
    categories: entry.categories,
    bodyHtml,
    teaser: firstSentence(post ? (post.paragraphs[0]?.[0]?.text ?? '') : entryText(entry)),
    comments,
    sentences: Boolean(post),
    ...(post?.theme && options.body ? { theme: pageTheme(post.theme, describeSources(store, post)) } : {}),
  };
}

export function entryText(entry: Pick<BoxEntry, 'content' | 'contentType'>): string {
  return entry.contentType === 'text' ? entry.content : htmlToText(entry.content);
}

/** The entry's body as the page and the feed show it: stored (sanitised) HTML, or text as paragraphs. */
export function entryHtml(entry: Pick<BoxEntry, 'content' | 'contentType'>): string {
  return entry.contentType === 'text' ? textToHtml(entry.content) : entry.content;
}

export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

export function firstSentence(text: string): string {
  const m = /^[\s\S]{1,240}?[.!?](?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text.trim().slice(0, 200)).replace(/\s+/g, ' ');
}

const normal = (s: string) => xmlSafeText(s).replace(/\s+/g, ' ').trim();

/** Whether the entry still says what its post says (no client edited it); remembered per entry version, as the index asks often. */
const shown = new Map<string, boolean>();
function showsPost(entry: BoxEntry, post: Post): boolean {
  const key = `${entry.id} ${entry.edited}`;
  let same = shown.get(key);
  if (same === undefined) {
    same = normal(entryText(entry)) === normal(postText(post));
    if (shown.size >= 2_000) shown.delete(shown.keys().next().value as string);
    shown.set(key, same);
  }
  return same;
}
