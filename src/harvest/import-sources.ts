/**
 * Adding many sources at once: from an OPML list, or from a "top blogs" directory page whose blog
 * links a CSS selector picks (each link autodiscovered to its feed, as the original bot scraped
 * Bloglines' top 100). Adding is idempotent; `added` says which were new.
 */
import type { Store } from '../store/open-store.js';
import { selectLinks } from './discover-feeds.js';
import { fetchText } from './fetch-text.js';
import { findFeed } from './find-feed.js';
import type { HarvestOptions } from './harvest-feeds.js';
import { parseOpml } from './opml.js';
import { addSource, findSource } from '../store/sources.js';
import { inTransaction } from '../store/transaction.js';
import type { Source } from './types.js';

export interface ImportedSource {
  source: Source;
  added: boolean;
}

export function importOpml(store: Store, xml: string, baseUrl: string): ImportedSource[] {
  const feeds = parseOpml(xml, baseUrl);
  return inTransaction(store, () =>
    feeds.map((f) => {
      const added = !findSource(store, f.xmlUrl);
      return { source: addSource(store, f.xmlUrl, { title: f.title || undefined, siteUrl: f.htmlUrl }), added };
    }),
  );
}

export interface DirectoryImport {
  page: string;
  links: string[];
  imported: ImportedSource[];
  failed: Array<{ url: string; error: string; hint: string }>;
}

export async function importDirectory(store: Store, pageUrl: string, selector: string, options: HarvestOptions & { limit?: number }): Promise<DirectoryImport | { error: string; hint: string }> {
  const page = await fetchText(pageUrl, options);
  if (!page.ok) return page;
  const links = selectLinks(page.text, page.url, selector).slice(0, options.limit ?? Infinity);
  // The links come from someone else's page: only the page's own host may be a private address.
  const found = await findFeed(links, options, [pageUrl]);
  const imported: ImportedSource[] = [];
  const failed: DirectoryImport['failed'] = [];
  for (const f of found) {
    if (!f.ok) {
      failed.push({ url: f.url, error: f.error, hint: f.hint });
      continue;
    }
    const added = !findSource(store, f.feedUrl);
    imported.push({ source: addSource(store, f.feedUrl, { title: f.title || undefined, siteUrl: f.siteUrl ?? f.url }), added });
  }
  return { page: pageUrl, links, imported, failed };
}
