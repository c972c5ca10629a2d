/**
 * Finding an entry again on the server after a crash or a lost answer: page through the collection
 * (rel="next") and match the entry by its atom:id, by the atom:id carried in its content (servers
 * that assign their own ids, such as AtomBus), or by the same title and the same text.
 */
import type { AppClient } from './app-client.js';
import { responseError } from './app-client.js';
import { htmlToText } from '../text/html-to-text.js';
import { parseFeedEntries, parseFeedLinks } from '../atom/parse-entry.js';
import type { Entry, ParsedEntry } from '../atom/types.js';

const MAX_PAGES = 20;

export interface FoundEntry {
  url?: string;
  editUrl?: string;
}

export async function findOnServer(client: AppClient, collectionUrl: string, entry: Entry, redact?: (text: string) => string): Promise<FoundEntry | undefined> {
  const text = htmlToText(entry.contentHtml);
  let page: string | undefined = collectionUrl;
  const seen = new Set<string>();
  for (let i = 0; page && i < MAX_PAGES && !seen.has(page); i++) {
    seen.add(page);
    const r = await client.sendWithRetries('GET', page, { headers: { accept: 'application/atom+xml' } });
    if (r.status === 404 && page === collectionUrl) return undefined; // a collection some servers create on the first POST
    if (r.status !== 200) throw responseError('reading the collection to check for an earlier copy', page, r, { redact });
    const match = parseFeedEntries(r.body).find((e) => isSame(e, entry, text));
    if (match) return locate(match, page);
    const next = parseFeedLinks(r.body).next;
    page = next ? new URL(next, page).href : undefined;
  }
  return undefined;
}

function isSame(found: ParsedEntry, entry: Entry, text: string): boolean {
  if (found.id === entry.id) return true;
  if (found.contentHtml.includes(`data-entry-id="${entry.id}"`)) return true;
  return found.title.trim() === entry.title.trim() && htmlToText(found.contentHtml) === text;
}

export function locate(e: ParsedEntry, base: string): FoundEntry {
  const abs = (href?: string) => (href ? new URL(href, base).href : undefined);
  return { url: abs(e.links.alternate ?? e.links.self), editUrl: abs(e.links.edit) };
}
