/**
 * HTML from outside (an AtomPub client's entry content) made safe to serve, once, where it enters:
 * sanitize-html with an allow-list — text-level and block markup, links to http(s)/mailto only
 * (marked nofollow), no scripts, styles, event handlers, frames, forms or images — and nesting
 * capped (deeper tags dropped, their text kept) so no page walk can recurse too deep and no parser
 * goes quadratic. The result is what the page and the feed both show. Pure.
 */
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import { capNesting } from './cap-nesting.js';

/** Deepest element nesting client HTML keeps. */
export const MAX_HTML_NESTING = 64;

const options = (sanitizeHtml: typeof SanitizeHtml): SanitizeHtml.IOptions => ({
  allowedTags: sanitizeHtml.defaults.allowedTags,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    time: ['datetime'],
    ol: ['start', 'reversed'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    // The publisher marks a post's content with its atom:id, so it can find the entry again.
    div: ['data-entry-id'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nestingLimit: MAX_HTML_NESTING,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener ugc' } }),
  },
});

/** sanitize-html (with postcss) takes ~100 ms to load: loaded on first use, not by every command that can start a box. */
let loaded: { sanitize: typeof SanitizeHtml; options: SanitizeHtml.IOptions } | undefined;

export function sanitizeClientHtml(html: string): string {
  if (!loaded) {
    const sanitize = createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml;
    loaded = { sanitize, options: options(sanitize) };
  }
  return loaded.sanitize(capNesting(html, MAX_HTML_NESTING), loaded.options);
}
