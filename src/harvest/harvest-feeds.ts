/**
 * The harvest stage's entry: every selected feed harvested concurrently (requests throttled globally
 * and per host), one `FeedResult` each, in the order of the sources. One bad feed never stops the others.
 */
import type { Config } from '../config.js';
import type { Store } from '../store/open-store.js';
import { createExtractPool, workerCount } from './extract-pool.js';
import { createAgent } from './fetch-url.js';
import { hostsOf } from './guard-address.js';
import { harvestFeed } from './harvest-feed.js';
import { groupCommit } from './group-commit.js';
import { limitHosts } from './limit-hosts.js';
import { addSource, enabledSources, findSource, type SourceRow } from '../store/sources.js';
import type { FeedResult, HarvestReport } from './types.js';

export type HarvestConfig = Config['harvest'];

export interface HarvestOptions extends HarvestConfig {
  /** Applied to every URL right before it is fetched (stored URLs stay as given). The built-in run uses it to map
   *  the canonical base http://builtin.webxcreta.invalid/ to the loopback server it starts. */
  urlMap?: (url: string) => string;
  /**
   * `host:port` pairs `urlMap` points at (the built-in corpus server, the own box) that may be private
   * addresses; the hosts of the sources' own URLs always may (see guard-address.ts).
   */
  allowHosts?: string[];
  onFeedDone?: (result: FeedResult, done: number, total: number) => void;
  signal?: AbortSignal;
}

/** `urls` undefined → all enabled sources; given URLs not yet in the store are added (kind 'blog'). */
export async function harvestFeeds(store: Store, urls: string[] | undefined, options: HarvestOptions): Promise<HarvestReport> {
  const startedAt = new Date().toISOString();
  const sources = selectSources(store, urls);
  const agent = createAgent(options.connectTimeoutMs, options.timeoutMs, {
    allowPrivateAddresses: options.allowPrivateAddresses,
    allowHosts: [...hostsOf(sources.map((s) => s.url)), ...(options.allowHosts ?? [])],
  });
  const pool = createExtractPool(workerCount(sources.length, options.extractWorkers, options.workerMinFeeds), { timeoutMs: options.timeoutMs });
  const ctx = {
    // Feeds finishing within 20 ms of each other share a commit: a few ms of delay, far fewer commits.
    commit: groupCommit(store, 20),
    store,
    force: options.force ?? false,
    comments: options.comments,
    maxCommentFeeds: options.maxCommentFeeds ?? 200,
    limit: limitHosts(options.concurrency, options.perHostConcurrency),
    extract: pool.extract,
    fetch: {
      agent,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      maxBytes: options.maxBytes,
      maxRedirects: options.maxRedirects,
      userAgent: options.userAgent,
      urlMap: options.urlMap,
      signal: options.signal,
    },
  };
  let done = 0;
  try {
    const feeds = await Promise.all(
      sources.map(async (source) => {
        const result = await harvestFeed(source, ctx);
        options.onFeedDone?.(result, ++done, sources.length);
        return result;
      }),
    );
    return { startedAt, finishedAt: new Date().toISOString(), feeds };
  } finally {
    await Promise.all([agent.destroy(), pool.close()]);
  }
}

function selectSources(store: Store, urls: string[] | undefined): SourceRow[] {
  if (urls === undefined) return enabledSources(store).filter((s) => s.kind !== 'file');
  const rows = urls.map((url) => findSource(store, url) ?? findSource(store, addSource(store, url).id)!);
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}
