/**
 * A post's body as HTML for an Atom entry: one <p> per paragraph, every sentence escaped. The
 * wrapper carries the entry's atom:id in a data attribute, so the reconciler can recognise the
 * entry on servers that keep only title and content (AtomBus); text extraction drops it.
 */
import type { Post } from '../generate/types.js';
import { escapeHtml } from '../text/escape-html.js';
import { xmlSafeText } from '../text/xml-safe-text.js';

export interface RenderPostOptions {
  /** atom:id to mark the content with. */
  atomId?: string;
}

export function renderPostHtml(post: Post, options: RenderPostOptions = {}): string {
  const paragraphs = post.paragraphs.map((p) => `<p>${p.map((s) => escapeHtml(xmlSafeText(s.text))).join(' ')}</p>`);
  const open = options.atomId ? `<div data-entry-id="${escapeHtml(options.atomId)}">` : '<div>';
  return `${open}${paragraphs.join('')}</div>`;
}

/** The plain text of a post (paragraphs separated by a blank line). */
export function postText(post: Post): string {
  return post.paragraphs.map((p) => p.map((s) => s.text).join(' ')).join('\n\n');
}
