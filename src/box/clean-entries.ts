/**
 * Entries stored by a webXcreta older than the edge's sanitiser, cleaned once when a box starts:
 * HTML content sanitised (an entry with thousands of nested tags, a script), and text content
 * unescaped (it used to be stored HTML-escaped, and then was escaped again on the way out).
 */
import { decodeHTML } from 'entities';
import { listUnsanitizedEntries, markEntrySanitized } from '../store/box-entries.js';
import type { Store } from '../store/open-store.js';
import { inTransaction } from '../store/transaction.js';
import { sanitizeClientHtml } from '../text/sanitize-client-html.js';

export function cleanStoredEntries(store: Store): number {
  const entries = listUnsanitizedEntries(store);
  if (entries.length === 0) return 0;
  inTransaction(store, () => {
    for (const e of entries) {
      if (e.contentType === 'text') markEntrySanitized(store, e.id, decodeHTML(e.content), 'text');
      else markEntrySanitized(store, e.id, sanitizeClientHtml(e.content), 'html');
    }
  });
  return entries.length;
}
