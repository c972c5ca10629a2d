/**
 * Parsed feed items → documents ready to store: clean text, and a key (`guid`) for every item that
 * tells its entries apart. Entries are the same entry when they share their id and their link: two
 * entries that share only an id (or only a link) stay two documents. Pure.
 *
 * The key is the feed's id when no other entry of the feed has it; an id shared by several entries
 * gets the link's hash beside it (so an edited entry still finds its row), or the content's hash when
 * the link is shared too. An entry without an id is keyed by its link the same way, and one with
 * neither by its content.
 */
import { contentHashOf, hashOf } from '../text/hash-id.js';
import { htmlToText, plainToText } from '../text/html-to-text.js';
import type { ParsedItem } from './parsed-feed.js';
import type { HarvestedDocument } from '../store/documents.js';

export function toPostDocuments(items: ParsedItem[]): HarvestedDocument[] {
  return keyed(items, (item) => toDocument(item, 'post'));
}

export function toCommentDocuments(items: ParsedItem[], parentId: string): HarvestedDocument[] {
  return keyed(items, (item) => toDocument(item, 'comment', parentId));
}

/** One item alone (its key as if no other entry shared its id or link). */
export function toPostDocument(item: ParsedItem): HarvestedDocument | undefined {
  return toPostDocuments([item])[0];
}

function keyed(items: ParsedItem[], make: (item: ParsedItem) => HarvestedDocument | undefined): HarvestedDocument[] {
  const made = items.map((item) => ({ item, doc: make(item) })).filter((m): m is { item: ParsedItem; doc: HarvestedDocument } => !!m.doc);
  const ids = tally(made.map((m) => m.item.guid));
  const links = tally(made.map((m) => (m.item.guid === undefined ? m.item.link : undefined)));
  const pairs = tally(made.map((m) => (m.item.guid !== undefined ? `${m.item.guid}\u0000${m.item.link ?? ''}` : undefined)));
  for (const { item, doc } of made) {
    const content = () => contentHashOf(doc.title, doc.text);
    if (item.guid !== undefined) {
      if (ids.get(item.guid)! > 1) doc.guid = `${item.guid}#${pairs.get(`${item.guid}\u0000${item.link ?? ''}`)! > 1 ? content() : `link-${hashOf(item.link ?? '')}`}`;
    } else if (item.link !== undefined && links.get(item.link)! > 1) {
      doc.guid = `${item.link}#${content()}`;
    }
  }
  return made.map((m) => m.doc);
}

function tally(values: (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function toDocument(item: ParsedItem, kind: 'post' | 'comment', parentId?: string): HarvestedDocument | undefined {
  const text = item.text ?? (item.bodyIsHtml ? htmlToText(item.body) : plainToText(item.body));
  if (!text && !item.title) return undefined;
  const doc: HarvestedDocument = {
    kind,
    // Feeds without guids still need a stable key: the link, else the content (scoped to the post for comments).
    guid: item.guid ?? item.link ?? `hash:${contentHashOf(`${parentId ?? ''}${item.author ?? ''}${item.title}`, text)}`,
    title: item.title,
    text,
  };
  if (parentId) doc.parentId = parentId;
  if (item.link) doc.url = item.link;
  if (item.author) doc.author = item.author;
  if (item.published ?? item.updated) doc.published = item.published ?? item.updated;
  if (item.commentCount !== undefined) doc.commentCount = item.commentCount;
  if (item.commentsUrl) doc.commentsUrl = item.commentsUrl;
  return doc;
}
