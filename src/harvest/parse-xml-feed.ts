/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and CDF → `ParsedFeed`, read from a namespace-aware,
 * order-keeping element tree (xml-tree.ts), the way long-lived feed parsers read them:
 *
 * - titles by their type: Atom `type="text"` (the default) is literal text ("History of the <blink>
 *   tag"), `html`/`xhtml` and every RSS title are markup (tags stripped, script code dropped);
 * - the richest body: content:encoded (under any prefix bound to its namespace) > Atom content >
 *   description / summary > xhtml:body / body > fullitem > dc:description > media:description (also in
 *   media:group) > itunes:summary; inline XHTML kept in order; base64 content (Atom 0.3 `mode`, or a
 *   non-text media type in 1.0) decoded;
 * - dates: the first that parses of published / pubDate / dc:date / dcterms:issued / issued /
 *   dcterms:created / created, and of updated / modified / dcterms:modified (parse-feed-date.ts);
 * - links: the alternate link (xml:base of the document, feed, entry and link applied), else the RSS
 *   link, else a permalink guid — a `guid isPermaLink="false"` is never a link;
 * - comment counts and comment feeds (slash, thr, wfw). An RSS document without a channel is a feed
 *   with no items. Pure and total: every ending is a value.
 */
import { cleanTitle, inlineText, windows1252Controls } from '../text/html-to-text.js';
import { decodeLenientUtf8 } from '../text/decode-text.js';
import { parseFeedDate } from './parse-feed-date.js';
import type { FeedFormat, ParseFailure, ParsedFeed, ParsedItem } from './parsed-feed.js';
import { resolveUrl } from './resolve-url.js';
import { elements, hasElementChildren, innerHtml, NS, parseXmlTree, textContent, XmlMalformed, XmlTooDeep, type XmlElement } from './xml-tree.js';

/** Element nesting a feed may have: far above real feeds (inline XHTML nests dozens deep); see xml-tree.ts. */
export const MAX_XML_DEPTH = 1_000;

/** Namespaces read as the feed's own vocabulary (their elements are matched by local name alone). */
const CORE = new Set<string>(['', NS.atom, NS.atom03, NS.rss1, NS.rss090]);
const ALIAS = new Map<string, string>([
  [NS.rdf, 'rdf'], [NS.content, 'content'], [NS.dc, 'dc'], [NS.dcterms, 'dcterms'], [NS.media, 'media'], ['http://search.yahoo.com/mrss', 'media'],
  [NS.itunes, 'itunes'], [NS.xhtml, 'xhtml'], [NS.slash, 'slash'], [NS.wfw, 'wfw'], [NS.thr, 'thr'],
]);

/** `title`, `content:encoded`, `dc:date`: the element's name with its namespace's usual prefix. */
function keyOf(el: XmlElement): string {
  if (CORE.has(el.ns)) return el.local;
  const alias = ALIAS.get(el.ns);
  return alias ? `${alias}:${el.local}` : `{${el.ns}}${el.local}`;
}

const isAtomNs = (ns: string) => ns === NS.atom || ns === NS.atom03;

export async function parseXmlFeed(xml: string, feedUrl: string): Promise<ParsedFeed | ParseFailure> {
  let root: XmlElement | undefined;
  try {
    root = parseXmlTree(xml, feedUrl, MAX_XML_DEPTH);
  } catch (e) {
    if (e instanceof XmlMalformed) return { failure: 'malformed', detail: e.message };
    if (e instanceof XmlTooDeep) return { failure: 'limit', detail: e.message };
    throw e;
  }
  if (!root) return { failure: 'not-a-feed', detail: 'XML without a root element' };
  const local = root.local;
  if (local === 'rss' && CORE.has(root.ns)) return rssFeed(root, elements(root).find((c) => keyOf(c) === 'channel'), 'rss');
  if (local === 'RDF' && (root.ns === NS.rdf || root.name === 'rdf:RDF')) return rssFeed(root, elements(root).find((c) => keyOf(c) === 'channel'), 'rdf');
  if (local === 'feed' && CORE.has(root.ns)) return atomFeed(root);
  if (local.toLowerCase() === 'channel' && root.ns === '') return cdfFeed(root);
  return { failure: 'not-a-feed', detail: `XML whose root is not rss, rdf:RDF or feed` };
}

function rssFeed(root: XmlElement, channel: XmlElement | undefined, format: FeedFormat): ParsedFeed {
  // RSS 0.9x and 1.0 keep items beside the channel; 2.0 inside it.
  const items = [...(channel ? elements(channel) : []), ...elements(root)].filter((c) => keyOf(c) === 'item');
  const link = channel && kids(channel, 'link').find((l) => !l.attrs.href && textContent(l).trim());
  return {
    format,
    title: channel ? titleOf(first(channel, 'title'), false) : '',
    siteUrl: link ? resolveUrl(textContent(link).trim(), link.base) : undefined,
    items: items.map((item) => toItem(item, false)),
  };
}

function atomFeed(feed: XmlElement): ParsedFeed {
  const links = kids(feed, 'link').filter((l) => l.attrs.href);
  const site = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate') ?? links[0];
  return {
    format: 'atom',
    title: titleOf(first(feed, 'title'), true),
    siteUrl: site ? resolveUrl(site.attrs.href.trim(), site.base) : undefined,
    items: kids(feed, 'entry').map((entry) => toItem(entry, true)),
  };
}

/** Microsoft's Channel Definition Format: ITEM HREF, TITLE, ABSTRACT, LASTMOD. */
function cdfFeed(channel: XmlElement): ParsedFeed {
  const attr = (el: XmlElement, name: string) => Object.entries(el.attrs).find(([k]) => k.toLowerCase() === name)?.[1]?.trim();
  const child = (el: XmlElement, name: string) => elements(el).find((c) => c.local.toLowerCase() === name);
  const base = resolveUrl(attr(channel, 'base'), channel.base) ?? channel.base;
  const items: ParsedItem[] = [];
  const stack = [channel];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const c of elements(el).reverse()) {
      const name = c.local.toLowerCase();
      if (name === 'channel') stack.push(c);
      if (name !== 'item') continue;
      const abstract = child(c, 'abstract');
      items.push({
        link: resolveUrl(attr(c, 'href'), base),
        title: cleanTitle(textOf(child(c, 'title'))),
        body: abstract ? textContent(abstract).trim() : '',
        bodyIsHtml: false,
        updated: parseFeedDate(attr(c, 'lastmod')),
      });
    }
  }
  const title = child(channel, 'title');
  return { format: 'rss', title: cleanTitle(textOf(title)), siteUrl: resolveUrl(attr(channel, 'href'), base), items: items.reverse() };
}

const PUBLISHED = ['published', 'pubDate', 'dc:date', 'dcterms:issued', 'issued', 'dcterms:created', 'created'];
const UPDATED = ['updated', 'modified', 'dcterms:modified'];

function toItem(item: XmlElement, atom: boolean): ParsedItem {
  const children = elements(item);
  const byKey = new Map<string, XmlElement[]>();
  for (const c of children) {
    const k = keyOf(c);
    const list = byKey.get(k);
    if (list) list.push(c);
    else byKey.set(k, [c]);
  }
  const one = (k: string) => byKey.get(k)?.[0];
  const value = (k: string) => textOf(one(k));
  const links = byKey.get('link') ?? [];
  const hrefLinks = links.filter((l) => l.attrs.href);
  const replies = hrefLinks.find((l) => l.attrs.rel === 'replies' && !/html/i.test(l.attrs.type ?? ''));
  const guidEl = one('guid');
  const guid = textOf(guidEl) || value('id') || (item.attrs['rdf:about'] ?? '').trim();
  const body = bodyOf(byKey);
  const authorEl = one('author');
  const authorName = authorEl && first(authorEl, 'name');
  const author = value('dc:creator') || (authorName ? textOf(authorName) : authorEl && !hasElementChildren(authorEl) ? textOf(authorEl) : '');
  const commentsEl = children.find((c) => c.ns === NS.wfw && c.local.toLowerCase() === 'commentrss');
  return {
    guid: guid || undefined,
    link: linkOf(item, hrefLinks, links, guidEl),
    title: titleOf(one('title'), atom || isAtomNs(one('title')?.ns ?? '')),
    body: body.value,
    bodyIsHtml: body.isHtml,
    author: cleanTitle(author) || undefined,
    published: firstDate(byKey, PUBLISHED),
    updated: firstDate(byKey, UPDATED),
    commentCount: count(value('slash:comments')) ?? count(value('thr:total')) ?? count(replies?.attrs['thr:count']),
    commentsUrl: (commentsEl ? resolveUrl(textOf(commentsEl) || undefined, commentsEl.base) : undefined) ?? (replies ? resolveUrl(replies.attrs.href.trim(), replies.base) : undefined),
  };
}

function linkOf(item: XmlElement, hrefLinks: XmlElement[], links: XmlElement[], guid: XmlElement | undefined): string | undefined {
  const alternate = hrefLinks.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
  if (alternate) return resolveUrl(alternate.attrs.href.trim(), alternate.base);
  const text = links.find((l) => !l.attrs.href && textContent(l).trim());
  if (text) return resolveUrl(textContent(text).trim(), text.base);
  if (hrefLinks[0]) return resolveUrl(hrefLinks[0].attrs.href.trim(), hrefLinks[0].base);
  const permalink = guid && (attrCi(guid, 'ispermalink') ?? 'true').trim().toLowerCase() !== 'false';
  const g = textOf(guid);
  return permalink && /^https?:/i.test(g) ? resolveUrl(g, item.base) : undefined;
}

/** A title by its type: Atom text (the default) literal, Atom html/xhtml and RSS titles markup. */
function titleOf(el: XmlElement | undefined, atom: boolean): string {
  if (!el) return '';
  if (!atom) return inlineText(hasElementChildren(el) ? innerHtml(el) : textContent(el));
  const type = (el.attrs.type ?? 'text').trim().toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return inlineText(innerHtml(el));
  if (type === 'html' || type === 'text/html') return inlineText(textContent(el));
  return windows1252Controls(textContent(el)).replace(/\s+/g, ' ').trim();
}

type Body = { value: string; isHtml: boolean };

/** The richest body the item has, in the order of the module comment. */
function bodyOf(byKey: Map<string, XmlElement[]>): Body {
  const one = (k: string) => byKey.get(k)?.[0];
  const group = one('media:group');
  const candidates: Array<() => Body | undefined> = [
    () => markup(one('content:encoded')),
    () => atomContent(one('content')),
    () => markup(one('description')),
    () => atomContent(one('summary')),
    () => markup(one('xhtml:body')),
    () => markup(one('body')),
    () => markup(one('fullitem')),
    () => markup(one('dc:description')),
    () => media(one('media:description')),
    () => media(group && elements(group).find((c) => keyOf(c) === 'media:description')),
    () => markup(one('itunes:summary')),
  ];
  for (const candidate of candidates) {
    const body = candidate();
    if (body && body.value.trim()) return body;
  }
  return { value: '', isHtml: true };
}

/** An element whose text is HTML, or that holds inline (X)HTML elements. */
function markup(el: XmlElement | undefined): Body | undefined {
  if (!el) return undefined;
  return { value: hasElementChildren(el) ? innerHtml(el) : textContent(el), isHtml: true };
}

function media(el: XmlElement | undefined): Body | undefined {
  if (!el) return undefined;
  const html = (el.attrs.type ?? '').trim().toLowerCase() === 'html';
  return html ? markup(el) : { value: textContent(el), isHtml: false };
}

/**
 * Atom content/summary (RFC 4287 §4.1.3, Atom 0.3 `mode`): text is plain; html and xhtml are markup;
 * base64 (0.3) and non-text media types (1.0) are decoded. No type reads as HTML: feeds that omit it
 * mostly carry escaped HTML, and plain text reads the same either way.
 */
function atomContent(el: XmlElement | undefined): Body | undefined {
  if (!el || el.attrs.src) return undefined;
  const type = (el.attrs.type ?? '').trim().toLowerCase();
  const mode = (el.attrs.mode ?? '').trim().toLowerCase();
  if (mode === 'base64' || (type.includes('/') && !/^text\/|[/+]xml$|^application\/xhtml\+xml$/.test(type))) {
    return { value: decodeLenientUtf8(Buffer.from(textContent(el).replace(/\s+/g, ''), 'base64')), isHtml: /html/.test(type) };
  }
  if (type === 'text' || type === 'text/plain') return { value: textContent(el), isHtml: false };
  return markup(el);
}

function firstDate(byKey: Map<string, XmlElement[]>, keys: string[]): string | undefined {
  for (const k of keys) {
    for (const el of byKey.get(k) ?? []) {
      const date = parseFeedDate(textContent(el));
      if (date) return date;
    }
  }
  return undefined;
}

const kids = (el: XmlElement, key: string) => elements(el).filter((c) => keyOf(c) === key);
const first = (el: XmlElement, key: string) => elements(el).find((c) => keyOf(c) === key);
const textOf = (el: XmlElement | undefined) => (el ? textContent(el).trim() : '');
const attrCi = (el: XmlElement, name: string) => Object.entries(el.attrs).find(([k]) => k.toLowerCase() === name)?.[1];

function count(v: string | undefined): number | undefined {
  const n = Number.parseInt((v ?? '').trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
