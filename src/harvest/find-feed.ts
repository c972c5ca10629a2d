/**
 * What `feeds add` and `feeds import-directory` need: given a feed or a home page URL, the feed's
 * own URL and title (a home page is autodiscovered). Fetches through the same polite client.
 */
import { createAgent } from './fetch-url.js';
import { hostsOf } from './guard-address.js';
import type { HarvestOptions } from './harvest-feeds.js';
import { limitHosts } from './limit-hosts.js';
import type { Problem } from './messages.js';
import { readFeed } from './read-feed.js';

export type FoundFeed = { ok: true; url: string; feedUrl: string; title: string; siteUrl?: string } | ({ ok: false; url: string } & Problem);

/** `given`: the URLs the user named, whose hosts may be private addresses (default `urls`; a directory import names only its page). */
export async function findFeed(urls: string[], options: HarvestOptions, given: string[] = urls): Promise<FoundFeed[]> {
  const agent = createAgent(options.connectTimeoutMs, options.timeoutMs, {
    allowPrivateAddresses: options.allowPrivateAddresses,
    allowHosts: [...hostsOf(given), ...(options.allowHosts ?? [])],
  });
  const ctx = {
    limit: limitHosts(options.concurrency, options.perHostConcurrency),
    fetch: { ...options, agent },
  };
  try {
    return await Promise.all(
      urls.map(async (url): Promise<FoundFeed> => {
        const read = await readFeed(url, ctx);
        if (read.kind === 'failed') return { ok: false, url, ...read.problem };
        if (read.kind !== 'feed') return { ok: false, url, error: `${url} answered 304 to a first request`, hint: 'try again' };
        const found: FoundFeed = { ok: true, url, feedUrl: read.feedUrl, title: read.feed.title };
        const siteUrl = read.feed.siteUrl ?? read.discoveredFrom;
        if (siteUrl) found.siteUrl = siteUrl;
        return found;
      }),
    );
  } finally {
    await agent.destroy();
  }
}
