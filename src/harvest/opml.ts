/**
 * OPML 1.0/2.0 subscription lists: reading (nested outlines, any case of `xmlUrl`, relative
 * addresses resolved against where the file came from) and writing. Pure.
 */
import { load } from 'cheerio/slim';
import { escapeAttribute, escapeText } from 'entities';
import { resolveUrl } from './resolve-url.js';
import type { Source } from './types.js';

export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl?: string;
}

export function parseOpml(xml: string, baseUrl: string): OpmlFeed[] {
  const $ = load(xml, { xml: { xmlMode: true, lowerCaseAttributeNames: true } });
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  $('outline').each((_, el) => {
    const a = el.attribs;
    const xmlUrl = resolveUrl(a.xmlurl ?? a.url, baseUrl);
    if (!xmlUrl || seen.has(xmlUrl) || (a.type && !/rss|atom|feed|link/i.test(a.type) && !a.xmlurl)) return;
    seen.add(xmlUrl);
    const feed: OpmlFeed = { title: (a.title ?? a.text ?? '').trim(), xmlUrl };
    const htmlUrl = resolveUrl(a.htmlurl, baseUrl);
    if (htmlUrl) feed.htmlUrl = htmlUrl;
    feeds.push(feed);
  });
  return feeds;
}

export function toOpml(sources: Source[], title: string): string {
  const outlines = sources.map((s) => {
    const name = escapeAttribute(s.title || s.url);
    const html = s.siteUrl ? ` htmlUrl="${escapeAttribute(s.siteUrl)}"` : '';
    const own = s.kind === 'own' ? ' category="own"' : '';
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttribute(s.url)}"${html}${own}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeText(title)}</title></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
