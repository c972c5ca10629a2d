/**
 * Decoded text → `ParsedFeed`, or why it is not one. Sniffs the body rather than trusting the
 * Content-Type (servers label feeds text/html, text/plain or octet-stream): JSON Feed, an HTML page,
 * or XML read by parse-xml-feed after `repairXml`, all within the parse limits (parse-limits.ts). XML
 * the strict reader calls malformed gets a second, forgiving reading (parse-lenient-feed.ts, rss-parser).
 */
import { parseJsonFeed } from './parse-json-feed.js';
import { DEFAULT_LIMITS, FeedLimitError, type ParseLimits } from './parse-limits.js';
import { parseLenientFeed } from './parse-lenient-feed.js';
import { parseXmlFeed } from './parse-xml-feed.js';
import type { ParseFailure, ParsedFeed } from './parsed-feed.js';
import { repairXml } from './repair-xml.js';

export async function parseFeed(text: string, feedUrl: string, limits: ParseLimits = DEFAULT_LIMITS): Promise<ParsedFeed | ParseFailure> {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (!head) return { failure: 'empty', detail: 'the response was empty' };
  if (head.startsWith('{')) return parseJsonFeed(text, feedUrl);
  if (looksLikeHtml(head)) return { failure: 'html', detail: 'an HTML page' };
  if (!head.startsWith('<')) return { failure: 'not-a-feed', detail: `it starts with "${head.slice(0, 40).replace(/\s+/g, ' ')}"` };
  let xml: string;
  try {
    xml = repairXml(text, limits);
  } catch (e) {
    if (e instanceof FeedLimitError) return { failure: 'limit', detail: e.message };
    throw e;
  }
  const strict = await parseXmlFeed(xml, feedUrl);
  if (!('failure' in strict) || strict.failure !== 'malformed') return strict;
  const lenient = await parseLenientFeed(xml, feedUrl);
  return lenient ? { ...lenient, malformed: strict.detail } : strict;
}

export function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^(\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/i, '').slice(0, 200).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body');
}
