/**
 * Atom documents (RFC 4287) from plain objects, through feedsmith's generator (which knows the
 * thr: and app: namespaces). feedsmith writes feeds only; a standalone entry document (what
 * AtomPub POSTs and returns) is the single entry of a generated feed, lifted out with the feed's
 * namespace declarations moved onto it.
 */
import { generateAtomFeed, type AtomFeed } from 'feedsmith';

export type AtomEntryObject = AtomFeed.Entry<string>;
export type AtomFeedObject = AtomFeed.Feed<string>;

export function toAtomFeedXml(feed: AtomFeedObject): string {
  return tightenCdata(generateAtomFeed(feed));
}

/**
 * feedsmith pretty-prints, which puts indentation around CDATA sections, and that whitespace would
 * become part of titles, names and text content; keep each CDATA section flush with its element.
 */
function tightenCdata(xml: string): string {
  return xml.replace(/>\n[ \t]*<!\[CDATA\[/g, '><![CDATA[').replace(/\]\]>\n[ \t]*</g, ']]><');
}

export function toAtomEntryXml(entry: AtomEntryObject): string {
  const feedXml = toAtomFeedXml({ id: 'urn:x', title: { value: 'x' }, updated: entry.updated, entries: [entry] });
  const root = /<feed(\s[^>]*)>/.exec(feedXml);
  const start = feedXml.indexOf('<entry>');
  const end = feedXml.lastIndexOf('</entry>');
  if (!root || start < 0 || end < 0) throw new Error('feedsmith produced no entry');
  const body = feedXml.slice(start + '<entry>'.length, end);
  return `<?xml version="1.0" encoding="utf-8"?>\n<entry${root[1]}>${body}</entry>\n`;
}
