/** Parsed feed items → documents ready to store: clean text, a guid for every item. Pure. */
import { contentHashOf } from '../text/hash-id.js';
import { htmlToText, plainToText } from '../text/html-to-text.js';
import type { ParsedItem } from './parsed-feed.js';
import type { HarvestedDocument } from '../store/documents.js';

export function toPostDocument(item: ParsedItem): HarvestedDocument | undefined {
  return toDocument(item, 'post');
}

export function toCommentDocument(item: ParsedItem, parentId: string): HarvestedDocument | undefined {
  return toDocument(item, 'comment', parentId);
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
