/**
 * Feed autodiscovery on an HTML page: `<link rel="alternate">` with a feed type (RSS, Atom, RDF,
 * JSON Feed), resolved against `<base href>` and the page URL; the site's main feed before comment
 * feeds. When the page declares none, anchors that look like feed addresses are the fallback. Pure.
 */
import { load } from 'cheerio/slim';
import { resolveUrl } from './resolve-url.js';

const FEED_TYPE = /^application\/(rss\+xml|atom\+xml|rdf\+xml|feed\+json|json|xml)|^text\/xml/i;
const FEED_HREF = /(\/feed\/?|\/rss\/?|\/atom\/?|\.rss|\.atom|\.rdf|(rss|atom|feed|index)\.xml|feed\.json)([?#].*)?$/i;

export function discoverFeeds(html: string, pageUrl: string): string[] {
  const $ = load(html);
  const base = resolveUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const declared = $('link[rel][href]')
    .toArray()
    .filter((el) => /(^|\s)alternate(\s|$)/i.test(el.attribs.rel) && FEED_TYPE.test(el.attribs.type ?? ''))
    .map((el) => ({ url: resolveUrl(el.attribs.href, base), comments: /comment/i.test(`${el.attribs.title ?? ''} ${el.attribs.href}`) }))
    .sort((a, b) => Number(a.comments) - Number(b.comments))
    .map((l) => l.url);
  const found = declared.length > 0 ? declared : $('a[href]').toArray().map((el) => el.attribs.href).filter((h) => FEED_HREF.test(h)).map((h) => resolveUrl(h, base));
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
