/**
 * A generated post's body with its statistics showing: paragraphs of flowing prose in which each
 * sentence is an inline `<details>` (no script: the CSP allows none). Its summary is the sentence;
 * opened (click, or Enter/Space on the focused sentence) it shows, as a card over the text below
 * the line, the documents that fed it (template or words) and their share. The line itself never
 * breaks (see box-css.ts).
 *
 * Links to the bot's own earlier posts are the site's own relative links (`ownPost`), so they
 * survive restarts and port changes; other documents link to where they were harvested from.
 */
import type { Post, ProvenanceSource } from '../generate/types.js';
import { escapeHtml as e } from '../text/escape-html.js';

export interface SourceInfo {
  title: string;
  /** Where the document lives, when it can be linked (never the own box's passing address). */
  url?: string;
  sourceTitle: string;
  /** The slug of the bot's own post on its box, when the document is one of them (or a comment on one). */
  ownSlug?: string;
  /** The part of the own post's page the document is (a comment's `#comment-N`). */
  fragment?: string;
}

export interface SentenceLinks {
  /** The site's link to one of its own posts, or undefined when that post has no page here. */
  ownPost(slug: string): string | undefined;
}

export const SENTENCE_HINT = 'Every sentence opens: click it (or focus it and press Enter) to see the blogs it came from.';

export function renderSentences(post: Post, sources: Record<string, SourceInfo>, links?: SentenceLinks): string {
  return post.paragraphs
    .map((p) => `<div class="para">\n${p.map((s) => renderSentence(s.text, s.provenance, sources, links)).join('\n')}\n</div>`)
    .join('\n');
}

function renderSentence(text: string, provenance: ProvenanceSource[], sources: Record<string, SourceInfo>, links: SentenceLinks | undefined): string {
  const items = [...provenance]
    .sort((a, b) => b.weight - a.weight)
    .map((p) => `<li>${renderSource(p, sources[p.docId], links)}</li>`);
  const list = items.length ? `<ul class="sources">${items.join('')}</ul>` : '<span class="sources">no recorded sources</span>';
  return `<details class="sentence"><summary>${e(text)}</summary>${list}</details>`;
}

function renderSource(p: ProvenanceSource, info: SourceInfo | undefined, links: SentenceLinks | undefined): string {
  const share = `${Math.round(p.weight * 100)}%`;
  const gave = p.gave === 'template' ? 'the sentence pattern' : `words${p.positions?.length ? ` (${p.positions.length})` : ''}`;
  const title = info ? e(info.title || '(untitled)') : e(p.docId);
  const href = info ? hrefOf(info, links) : undefined;
  const linked = href ? `<a href="${e(href)}"${info?.ownSlug ? '' : ' rel="nofollow noopener"'}>${title}</a>` : title;
  const from = info ? ` <span class="blog">in ${e(info.sourceTitle || p.sourceId)}</span>` : '';
  return `<span class="share">${share}</span> ${gave} from ${linked}${from}`;
}

function hrefOf(info: SourceInfo, links: SentenceLinks | undefined): string | undefined {
  if (info.ownSlug !== undefined) {
    const page = links?.ownPost(info.ownSlug);
    return page === undefined ? undefined : `${page}${info.fragment ?? ''}`;
  }
  return info.url && isLinkable(info.url) ? info.url : undefined;
}

/** Web pages only (no javascript: or data: URLs), and not the reserved .invalid names (built-in corpus, own box). */
export function isLinkable(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname.endsWith('.invalid');
  } catch {
    return false;
  }
}
