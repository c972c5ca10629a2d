/**
 * A generated post's body with its statistics showing: each sentence is a <details> whose summary is
 * the sentence and whose body lists the documents that fed it (template or words) and their share.
 */
import type { Post, ProvenanceSource } from '../generate/types.js';
import { escapeHtml as e } from '../text/escape-html.js';

export interface SourceInfo {
  title: string;
  url?: string;
  sourceTitle: string;
}

export function renderSentences(post: Post, sources: Record<string, SourceInfo>): string {
  return post.paragraphs
    .map((p) => `<div class="para">\n${p.map((s) => renderSentence(s.text, s.provenance, sources)).join('\n')}\n</div>`)
    .join('\n');
}

function renderSentence(text: string, provenance: ProvenanceSource[], sources: Record<string, SourceInfo>): string {
  const items = [...provenance]
    .sort((a, b) => b.weight - a.weight)
    .map((p) => `<li>${renderSource(p, sources[p.docId])}</li>`);
  const list = items.length ? `<ul class="sources">${items.join('')}</ul>` : '<p class="sources">no recorded sources</p>';
  return `<details class="sentence"><summary>${e(text)}</summary>${list}</details>`;
}

function renderSource(p: ProvenanceSource, info: SourceInfo | undefined): string {
  const share = `${Math.round(p.weight * 100)}%`;
  const gave = p.gave === 'template' ? 'the sentence pattern' : `words${p.positions?.length ? ` (${p.positions.length})` : ''}`;
  const title = info ? e(info.title || '(untitled)') : e(p.docId);
  const linked = info?.url && isLinkable(info.url) ? `<a href="${e(info.url)}" rel="nofollow noopener">${title}</a>` : title;
  const from = info ? ` <span class="blog">in ${e(info.sourceTitle || p.sourceId)}</span>` : '';
  return `<span class="share">${share}</span> ${gave} from ${linked}${from}`;
}

/** Web pages only (no javascript: or data: URLs), and not the built-in corpus's reserved .invalid names. */
function isLinkable(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname.endsWith('.invalid');
  } catch {
    return false;
  }
}
