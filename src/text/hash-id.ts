/** Stable ids and content hashes (sha1, hex, cut to 16 characters: 64 bits, ample for a blog corpus). */
import { hash } from 'node:crypto';

export function hashOf(...parts: string[]): string {
  // One-shot hash of the joined string: no Hash object per call (thousands of calls per run).
  return hash('sha1', `${parts.join('\u0000')}\u0000`, 'hex').slice(0, 16);
}

/** A source's id: a hash of its URL as first added. */
export const sourceIdOf = (url: string) => `s-${hashOf(url)}`;

/** A document's id: a hash of its source id and guid, so a re-harvest finds the same row. */
export const documentIdOf = (sourceId: string, guid: string) => `d-${hashOf(sourceId, guid)}`;

/** Changes when the document is edited: title + text. */
export const contentHashOf = (title: string, text: string) => hashOf(title, text);
