/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) → `ParsedFeed`. Pure and total. */
import type { ParseFailure, ParsedFeed, ParsedItem } from './parsed-feed.js';
import { parseDate } from './repair-xml.js';
import { resolveUrl } from './resolve-url.js';

type Json = Record<string, unknown>;

export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed | ParseFailure {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { failure: 'malformed', detail: `invalid JSON: ${(e as Error).message}` };
  }
  const feed = data as Json;
  if (typeof feed !== 'object' || feed === null || !Array.isArray(feed.items) || !String(feed.version ?? '').includes('jsonfeed')) {
    return { failure: 'not-a-feed', detail: 'JSON without a JSON Feed "version" and "items"' };
  }
  return {
    format: 'json',
    title: str(feed.title) ?? '',
    siteUrl: resolveUrl(str(feed.home_page_url), feedUrl),
    items: (feed.items as unknown[]).filter(isObject).map((item) => toItem(item, feedUrl, authorOf(feed))),
  };
}

function toItem(item: Json, feedUrl: string, feedAuthor: string | undefined): ParsedItem {
  const html = str(item.content_html);
  return {
    guid: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined),
    link: resolveUrl(str(item.url) ?? str(item.external_url), feedUrl),
    title: str(item.title) ?? '',
    body: html ?? str(item.content_text) ?? str(item.summary) ?? '',
    bodyIsHtml: html !== undefined,
    author: authorOf(item) ?? feedAuthor,
    published: parseDate(str(item.date_published)),
    updated: parseDate(str(item.date_modified)),
  };
}

function authorOf(o: Json): string | undefined {
  const authors = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
  const first = authors.find(isObject);
  return first ? str(first.name) : undefined;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
