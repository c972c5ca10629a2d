/**
 * Atom entries read back: a standalone entry document (AtomPub POST/PUT bodies, 201 responses) or
 * the entries of a feed (a collection page), through feedsmith's parser. Total: bad input gives
 * undefined or an empty list. DOCTYPEs are refused (no entity tricks).
 */
import { parseAtomFeed, type AtomFeed } from 'feedsmith';
import { escapeHtml } from '../text/escape-html.js';
import { htmlToText } from '../text/html-to-text.js';
import type { ParsedEntry } from './types.js';

type ParsedAtomEntry = AtomFeed.Entry<string>;

export function parseEntryXml(xml: string): ParsedEntry | undefined {
  const body = stripProlog(xml);
  if (body === undefined || !/^<([A-Za-z_][\w.-]*:)?entry[\s>/]/.test(body)) return undefined;
  return parseFeedEntries(`<feed xmlns="http://www.w3.org/2005/Atom">${body}</feed>`)[0];
}

export function parseFeedEntries(xml: string): ParsedEntry[] {
  const feed = parseFeed(xml);
  return (feed?.entries ?? []).map(toParsedEntry);
}

/** The feed's own links (rel → href), e.g. rel="next" for paging through a collection. */
export function parseFeedLinks(xml: string): Record<string, string> {
  return linkMap(parseFeed(xml)?.links);
}

function parseFeed(xml: string): AtomFeed.Feed<string> | undefined {
  if (/<!DOCTYPE/i.test(xml.slice(0, 2048))) return undefined;
  try {
    return parseAtomFeed(xml) as AtomFeed.Feed<string>;
  } catch {
    return undefined;
  }
}

function stripProlog(xml: string): string | undefined {
  if (/<!DOCTYPE/i.test(xml)) return undefined;
  return xml
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^(\s*<!--[\s\S]*?-->)*/, '')
    .trim();
}

function toParsedEntry(e: ParsedAtomEntry): ParsedEntry {
  const type = e.content?.type === 'xhtml' ? 'xhtml' : e.content?.type === 'html' ? 'html' : 'text';
  const raw = e.content?.value ?? '';
  return {
    id: e.id || undefined,
    title: textOf(e.title),
    contentHtml: type === 'text' ? escapeHtml(raw) : raw,
    contentType: type,
    authors: (e.authors ?? []).map((a) => a.name ?? '').filter(Boolean),
    categories: (e.categories ?? []).map((c) => c.term ?? '').filter(Boolean),
    published: e.published,
    updated: e.updated,
    edited: e.app?.edited,
    draft: e.app?.control?.draft === true,
    links: linkMap(e.links),
  };
}

function textOf(text: AtomFeed.Text | undefined): string {
  if (!text?.value) return '';
  return text.type === 'html' || text.type === 'xhtml' ? htmlToText(text.value) : text.value;
}

function linkMap(links: Array<AtomFeed.Link<string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const link of links ?? []) {
    const rel = link.rel ?? 'alternate';
    if (link.href && !(rel in out)) out[rel] = link.href;
  }
  return out;
}
