/**
 * Fetch → decode → parse, for one feed URL. An HTML page is searched for its feed links
 * (autodiscovery) and, when `followHtml`, the first one is read instead. Total: every ending is a value.
 */
import { extractFeed } from './extract-feed.js';
import type { Extract } from './extract-pool.js';
import { fetchUrl, type FetchOptions } from './fetch-url.js';
import type { RunLimited } from './limit-hosts.js';
import { fetchProblem, parseProblem, type Problem } from './messages.js';
import type { ParsedFeed } from './parsed-feed.js';

export type FeedRead =
  | { kind: 'feed'; feed: ParsedFeed; status: number; feedUrl: string; discoveredFrom?: string; moved?: boolean; etag?: string; lastModified?: string }
  | { kind: 'not-modified'; status: 304 }
  | { kind: 'failed'; problem: Problem; status?: number; retryAfter?: string; html?: { discovered: string[] } };

export interface ReadContext {
  fetch: Omit<FetchOptions, 'etag' | 'lastModified'>;
  limit: RunLimited;
  /** Where extraction runs (a worker pool on large runs); default: this thread. */
  extract?: Extract;
}

export async function readFeed(url: string, ctx: ReadContext, validators: { etag?: string; lastModified?: string } = {}, followHtml = true): Promise<FeedRead> {
  const mapped = ctx.fetch.urlMap ? ctx.fetch.urlMap(url) : url;
  const res = await ctx.limit(mapped, () => fetchUrl(url, { ...ctx.fetch, ...validators }));
  if (!res.ok) return { kind: 'failed', problem: fetchProblem(url, res.failure, res.detail, res.status), status: res.status, retryAfter: res.retryAfter };
  if (res.notModified) return { kind: 'not-modified', status: 304 };
  // Relative links resolve against where the feed really is: the given URL, or the last redirect.
  const base = res.redirects.length > 0 ? res.url : url;
  const extracted = await (ctx.extract ?? extractFeed)({ bytes: res.body, contentType: res.contentType, url: base, maxChars: ctx.fetch.maxBytes });
  if (extracted.ok) return { kind: 'feed', feed: extracted.feed, status: res.status, feedUrl: base, moved: res.moved, etag: res.etag, lastModified: res.lastModified };
  if (extracted.failure.failure !== 'html') return { kind: 'failed', problem: parseProblem(url, extracted.failure), status: res.status };
  const discovered = extracted.discovered.filter((u) => u !== url && u !== base);
  if (!followHtml || discovered.length === 0) {
    return { kind: 'failed', problem: parseProblem(url, extracted.failure, discovered[0]), status: res.status, html: { discovered } };
  }
  const inner = await readFeed(discovered[0], ctx, {}, false);
  return inner.kind === 'feed' ? { ...inner, discoveredFrom: url } : inner;
}
