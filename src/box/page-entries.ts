/**
 * Box entry → what its page shows. An entry that carries a generated post shows that post's
 * sentences with their sources; any other entry shows its content as escaped text paragraphs
 * (markup from AtomPub clients is never passed through).
 */
import { escapeHtml } from '../text/escape-html.js';
import { htmlToText } from '../text/html-to-text.js';
import { readPost } from '../store/posts.js';
import type { Store } from '../store/open-store.js';
import type { BoxEntry } from '../store/box-entries.js';
import { describeSources } from '../store/describe-sources.js';
import { pageTheme, type PageEntry } from '../site/page-entry.js';
import { renderSentences } from '../site/render-sentences.js';

/** `body: false` (the index) skips rendering the body, which only a post's own page shows. */
export function toPageEntry(store: Store, entry: BoxEntry, comments: number, options: { body: boolean } = { body: true }): PageEntry {
  const post = entry.postId ? readPost(store, entry.postId) : undefined;
  const text = post ? (post.paragraphs[0]?.[0]?.text ?? '') : entryText(entry);
  const bodyHtml = !options.body ? '' : post ? renderSentences(post, describeSources(store, post)) : textToHtml(text);
  return {
    slug: entry.slug,
    title: entry.title,
    author: entry.author,
    published: entry.published,
    categories: entry.categories,
    bodyHtml,
    teaser: firstSentence(text),
    comments,
    ...(post?.theme && options.body ? { theme: pageTheme(post.theme, describeSources(store, post)) } : {}),
  };
}

export function entryText(entry: Pick<BoxEntry, 'content' | 'contentType'>): string {
  return entry.contentType === 'text' ? entry.content : htmlToText(entry.content);
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
