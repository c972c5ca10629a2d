/**
 * Decoded text → `ParsedFeed`, or why it is not one. Sniffs the body rather than trusting the
 * Content-Type (servers label feeds text/html, text/plain or octet-stream): JSON Feed, an HTML page,
 * or XML handed to rss-parser after `repairXml`.
 */
import { parseJsonFeed } from './parse-json-feed.js';
import { parseXmlFeed } from './parse-xml-feed.js';
import type { ParseFailure, ParsedFeed } from './parsed-feed.js';
import { repairXml } from './repair-xml.js';

export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed | ParseFailure> {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (!head) return { failure: 'empty', detail: 'the response was empty' };
  if (head.startsWith('{')) return parseJsonFeed(text, feedUrl);
  if (looksLikeHtml(head)) return { failure: 'html', detail: 'an HTML page' };
  if (!head.startsWith('<')) return { failure: 'not-a-feed', detail: `it starts with "${head.slice(0, 40).replace(/\s+/g, ' ')}"` };
  return parseXmlFeed(repairXml(text), feedUrl);
}

export function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^(\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/i, '').slice(0, 200).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body');
}
