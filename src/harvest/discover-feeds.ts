/**
 * Feed autodiscovery on an HTML page: `<link rel="alternate">` with a feed type (RSS, Atom, RDF,
 * JSON Feed), resolved against `<base href>` and the page URL; the site's main feed before comment
 * feeds. When the page declares none, anchors that look like feed addresses are the fallback. Only the
 * page's <link>, <base> and <a> start tags are read, by a linear scan: a page nested 20,000 elements
 * deep costs no more than a flat one (an HTML parser's open-element stack costs depth²). Pure.
 */
import { load } from 'cheerio/slim';
import { decodeHTML } from 'entities';
import { resolveUrl } from './resolve-url.js';

const FEED_TYPE = /^application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json|json|xml)|^text\/xml/i;
const FEED_HREF = /(\/feed\/?|\/rss\/?|\/atom\/?|\.rss|\.atom|\.rdf|(rss|atom|feed|index)\.xml|feed\.json)([?#].*)?$/i;

/** A <link>, <base> or <a> start tag (quoted attribute values may hold ">"); its name in group 1. */
const WANTED_TAG = /<(link|base|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function tagsOf(html: string): Array<{ name: string; attribs: Record<string, string> }> {
  const tags: Array<{ name: string; attribs: Record<string, string> }> = [];
  for (const m of html.matchAll(WANTED_TAG)) {
    const attribs: Record<string, string> = {};
    for (const a of m[2].matchAll(ATTRIBUTE)) {
      const name = a[1].toLowerCase();
      if (!(name in attribs)) attribs[name] = decodeHTML(a[2] ?? a[3] ?? a[4] ?? '');
    }
    tags.push({ name: m[1].toLowerCase(), attribs });
  }
  return tags;
}

export function discoverFeeds(html: string, pageUrl: string): string[] {
  const tags = tagsOf(html);
  const base = resolveUrl(tags.find((t) => t.name === 'base' && t.attribs.href)?.attribs.href, pageUrl) ?? pageUrl;
  const declared = tags
    .filter((t) => t.name === 'link' && t.attribs.rel !== undefined && t.attribs.href !== undefined)
    .filter((t) => /(^|\s)alternate(\s|$)/i.test(t.attribs.rel) && FEED_TYPE.test(t.attribs.type ?? ''))
    .map((t) => ({ url: resolveUrl(t.attribs.href, base), comments: /comment/i.test(`${t.attribs.title ?? ''} ${t.attribs.href}`) }))
    .sort((a, b) => Number(a.comments) - Number(b.comments))
    .map((l) => l.url);
  const found = declared.length > 0 ? declared : tags.filter((t) => t.name === 'a' && t.attribs.href !== undefined).map((t) => t.attribs.href).filter((h) => FEED_HREF.test(h)).map((h) => resolveUrl(h, base));
  return [...new Set(found.filter((u): u is string => !!u && /^https?:/i.test(u)))];
}

/** Links picked by a CSS selector on a directory page ("top 100 blogs"): the element's href, or its first link's. */
export function selectLinks(html: string, pageUrl: string, selector: string): string[] {
  const $ = load(html);
  const base = resolveUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const urls = $(selector)
    .toArray()
    .map((el) => (el as { attribs?: Record<string, string> }).attribs?.href ?? $(el).find('a[href]').first().attr('href'))
    .map((href) => resolveUrl(href, base));
  return [...new Set(urls.filter((u): u is string => !!u && /^https?:/i.test(u)))];
}
