/**
 * The second reading of a feed the strict reader calls malformed (an unclosed tag, a stray `&`):
 * rss-parser over a forgiving sax parser (xml2js `strict: false`), as feedparser reads "bozo" feeds
 * rather than dropping them. Only the fields a text harvester needs; the caller keeps the strict
 * reader's complaint beside the result. Undefined when this reading finds no items either.
 */
import Parser from 'rss-parser';
import { cleanTitle } from '../text/html-to-text.js';
import { parseFeedDate } from './parse-feed-date.js';
import type { ParsedFeed, ParsedItem } from './parsed-feed.js';
import { resolveUrl } from './resolve-url.js';

type Raw = Record<string, unknown>;

const lower = (name: string) => name.toLowerCase();

// Forgiving sax upper-cases names; rss-parser looks for lower-case ones.
const parser = new Parser<Raw, Raw>({
  xml2js: { strict: false, tagNameProcessors: [lower], attrNameProcessors: [lower] },
  customFields: { item: [['slash:comments', 'slashComments'], ['wfw:commentrss', 'wfwCommentRss'], ['thr:total', 'thrTotal']] },
} as ConstructorParameters<typeof Parser>[0]);

/** A forgiving parse never answers on some cut-off documents: it gets this long, then the complaint stands. */
const LENIENT_MS = 2_000;

export async function parseLenientFeed(xml: string, feedUrl: string): Promise<ParsedFeed | undefined> {
  // A document cut off before its root closes is not worth a second reading (and can stall xml2js).
  if (!/<\/(rss|feed|rdf:rdf)\s*>\s*$/i.test(xml.slice(-200))) return undefined;
  let feed: (Raw & { items?: Raw[] }) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), LENIENT_MS)));
    feed = (await Promise.race([parser.parseString(xml), timeout])) as (Raw & { items?: Raw[] }) | undefined;
  } catch {
    // RangeError on pathological nesting included: the strict reader's complaint stands
    return undefined;
  } finally {
    clearTimeout(timer);
  }
  if (!feed) return undefined;
  const items = (feed.items ?? []).map((item) => toItem(item, feedUrl)).filter((i) => i.title || i.body);
  if (items.length === 0) return undefined;
  return { format: /<feed\b/i.test(xml.slice(0, 4096)) ? 'atom' : 'rss', title: cleanTitle(text(feed.title)), siteUrl: resolveUrl(text(feed.link), feedUrl), items };
}

function toItem(item: Raw, base: string): ParsedItem {
  const body = text(item['content:encoded']) || text(item.content) || text(item.summary) || '';
  return {
    guid: text(item.guid) || text(item.id) || undefined,
    link: resolveUrl(text(item.link) || undefined, base),
    title: cleanTitle(text(item.title)),
    body,
    bodyIsHtml: true,
    author: cleanTitle(text(item.creator) || text(item.author)) || undefined,
    published: parseFeedDate(text(item.isoDate) || text(item.pubDate)),
    commentCount: count(item.slashComments) ?? count(item.thrTotal),
    commentsUrl: resolveUrl(text(item.wfwCommentRss) || undefined, base),
  };
}

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object' && '_' in v) return text((v as { _: unknown })._);
  return '';
}

function count(v: unknown): number | undefined {
  const n = Number.parseInt(text(v), 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
