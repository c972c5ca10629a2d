/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 through rss-parser's `parseString`, plus what it
 * leaves out: xml:base (root, feed/channel, entry and link level), comment counts and comment feeds
 * (slash, wfw, thr via customFields), Atom 0.3 dates, and per-item date parsing that never throws.
 */
import Parser from 'rss-parser';
import { cleanTitle } from '../text/html-to-text.js';
import type { FeedFormat, ParseFailure, ParsedFeed, ParsedItem } from './parsed-feed.js';
import { parseDate } from './repair-xml.js';
import { resolveUrl } from './resolve-url.js';

type Raw = Record<string, unknown>;
type LinkElement = { $?: Record<string, string> };

const parser = new Parser<Raw, Raw>({
  defaultRSS: 2,
  customFields: {
    feed: [['$', 'attrs', { keepArray: true }]] as never,
    item: [
      ['slash:comments', 'slashComments'],
      ['wfw:commentRss', 'wfwCommentRss'],
      ['wfw:commentRSS', 'wfwCommentRSS'],
      ['thr:total', 'thrTotal'],
      ['link', 'linkElements', { keepArray: true }],
      ['$', 'attrs', { keepArray: true }],
      ['content', 'contentElements', { keepArray: true }],
      ['published', 'published'],
      ['updated', 'updated'],
      ['issued', 'issued'],
      ['modified', 'modified'],
      ['created', 'created'],
    ],
  },
});

export async function parseXmlFeed(xml: string, feedUrl: string): Promise<ParsedFeed | ParseFailure> {
  let feed: Raw & { items: Raw[] };
  try {
    feed = (await parser.parseString(xml)) as unknown as Raw & { items: Raw[] };
  } catch (e) {
    const message = (e as Error).message.replace(/\s+/g, ' ').trim();
    if (/not recognized/i.test(message)) return { failure: 'not-a-feed', detail: `XML whose root is not rss, rdf:RDF or feed` };
    return { failure: 'malformed', detail: message };
  }
  const rootBase = /<(?:rss|feed|rdf:RDF)\b[^>]*\sxml:base\s*=\s*["']([^"']+)["']/.exec(xml.slice(0, 4096))?.[1];
  const feedBase = resolveUrl(attr(feed.attrs, 'xml:base'), resolveUrl(rootBase, feedUrl) ?? feedUrl) ?? feedUrl;
  return {
    format: formatOf(xml),
    title: cleanTitle(text(feed.title)),
    siteUrl: resolveUrl(text(feed.link), feedBase),
    items: (feed.items ?? []).map((item) => toItem(item, feedBase)),
  };
}

function toItem(item: Raw, feedBase: string): ParsedItem {
  const base = resolveUrl(attr(item.attrs, 'xml:base'), feedBase) ?? feedBase;
  const links = Array.isArray(item.linkElements) ? (item.linkElements as unknown[]).filter(isLinkElement) : [];
  const replies = links.find((l) => l.$?.rel === 'replies' && !/html/i.test(l.$?.type ?? ''));
  const encoded = text(item['content:encoded']);
  const contentType = attr((item.contentElements as LinkElement[] | undefined)?.[0]?.$, 'type');
  const body = encoded || text(item.content) || text(item.summary) || '';
  return {
    guid: text(item.guid) || text(item.id) || text(item['rdf:about']) || undefined,
    link: linkOf(item, links, base),
    title: cleanTitle(text(item.title)),
    body,
    bodyIsHtml: encoded !== '' || contentType !== 'text',
    author: cleanTitle(text(item.creator) || text(item.author)) || undefined,
    published: parseDate(text(item.published) || text(item.pubDate) || text(item.date) || text(item.issued) || text(item.created)),
    updated: parseDate(text(item.updated) || text(item.modified)),
    commentCount: count(item.slashComments) ?? count(item.thrTotal) ?? count(replies?.$?.['thr:count']),
    commentsUrl: resolveUrl(text(item.wfwCommentRss) || text(item.wfwCommentRSS) || undefined, base) ??
      (replies ? resolveUrl(replies.$?.href, resolveUrl(replies.$?.['xml:base'], base) ?? base) : undefined),
  };
}

/** Atom links carry their own xml:base; RSS <link> is text. */
function linkOf(item: Raw, links: LinkElement[], base: string): string | undefined {
  const alternate = links.find((l) => (l.$?.rel ?? 'alternate') === 'alternate' && l.$?.href) ?? links.find((l) => l.$?.href);
  if (alternate) return resolveUrl(alternate.$!.href, resolveUrl(alternate.$!['xml:base'], base) ?? base);
  const guid = text(item.guid);
  return resolveUrl(text(item.link) || (/^https?:/.test(guid) ? guid : undefined), base);
}

function formatOf(xml: string): FeedFormat {
  const head = xml.slice(0, 4096);
  if (/<rdf:RDF\b/.test(head)) return 'rdf';
  if (/<feed\b/.test(head) && !/<rss\b/.test(head)) return 'atom';
  return 'rss';
}

const isLinkElement = (l: unknown): l is LinkElement => typeof l === 'object' && l !== null && '$' in l;

/** Text of an xml2js value: a string, `{ _: text }`, or the text inside inline XHTML (type="xhtml"). */
function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v !== 'object' || v === null) return '';
  if (typeof (v as { _?: unknown })._ === 'string') return (v as { _: string })._.trim();
  const parts: string[] = [];
  for (const [key, child] of Object.entries(v)) {
    if (key === '$') continue;
    for (const c of Array.isArray(child) ? child : [child]) parts.push(text(c));
  }
  return parts.filter(Boolean).join(' ');
}

const attr = (attrs: unknown, name: string) => (typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, string>)[name] : undefined);

function count(v: unknown): number | undefined {
  const n = Number.parseInt(text(v), 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
