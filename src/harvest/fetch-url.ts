/**
 * The harvester's one door to the network (I/O edge). One GET with conditional headers, redirects
 * followed by hand (limit + loop detection), a connect timeout (the Agent), a total timeout that
 * aborts the socket, a byte cap enforced while streaming, and gzip/deflate/br decoded under the same
 * cap. Never throws: every ending is a `FetchResult`. The Agent checks every address it connects to
 * (guard-address.ts): a refused one, at any redirect hop, ends as the failure 'refused-address'.
 */
import { Agent, request } from 'undici';
import { decompressBody } from './decompress-body.js';
import { guardedConnector, refusalMessage, refusalOf, type AddressGuard } from './guard-address.js';
import { readCapped } from './read-capped.js';

export interface FetchOptions {
  agent: Agent;
  timeoutMs: number;
  /** For the message only: the Agent enforces it. */
  connectTimeoutMs?: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  etag?: string;
  lastModified?: string;
  accept?: string;
  urlMap?: (url: string) => string;
  signal?: AbortSignal;
}

export type FetchFailure =
  | 'http'
  | 'timeout'
  | 'connect-timeout'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-url'
  | 'network'
  | 'bad-encoding'
  | 'refused-address'
  | 'aborted';

export type FetchResult =
  | {
      ok: true;
      /** The URL that answered (after redirects, in the caller's URL space when no redirect happened). */
      url: string;
      status: number;
      notModified: boolean;
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      redirects: string[];
      /** Every redirect followed was permanent (301/308): the feed has moved for good. */
      moved: boolean;
    }
  | { ok: false; url: string; failure: FetchFailure; detail: string; status?: number; retryAfter?: string; redirects: string[] };

/** The harvester's connection pool; `guard` says which private addresses it may reach (none by default). */
export function createAgent(connectTimeoutMs: number, timeoutMs: number, guard: AddressGuard): Agent {
  return new Agent({
    connect: guardedConnector({ timeout: connectTimeoutMs }, guard),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
    connections: 64,
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
  const redirects: string[] = [];
  const seen = new Set<string>();
  let moved = true;
  let current = url;
  try {
    for (;;) {
      const target = options.urlMap ? options.urlMap(current) : current;
      if (!/^https?:\/\//i.test(target)) return fail(current, 'bad-url', `not an http(s) URL: ${current}`);
      seen.add(target);
      const res = await request(target, {
        method: 'GET',
        dispatcher: options.agent,
        signal,
        headers: requestHeaders(options, redirects.length === 0),
      });
      // Destroying a body emits 'error'; without a listener that would crash the process.
      res.body.on('error', () => undefined);
      const header = (name: string) => firstHeader(res.headers[name]);
      if (REDIRECTS.has(res.statusCode) && header('location')) {
        res.body.destroy();
        const next = resolveLocation(header('location')!, current);
        if (!next) return fail(current, 'bad-url', `bad redirect Location "${header('location')}"`);
        redirects.push(next);
        moved &&= res.statusCode === 301 || res.statusCode === 308;
        const mapped = options.urlMap ? options.urlMap(next) : next;
        if (seen.has(mapped)) return fail(current, 'redirect-loop', [url, ...redirects].join(' → '));
        if (redirects.length > options.maxRedirects) return fail(current, 'too-many-redirects', `${redirects.length}`);
        current = next;
        continue;
      }
      if (res.statusCode === 304) {
        res.body.destroy();
        return { ok: true, url: current, status: 304, notModified: true, body: Buffer.alloc(0), redirects, moved: moved && redirects.length > 0 };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        res.body.destroy();
        return { ...fail(current, 'http', `HTTP ${res.statusCode}`), status: res.statusCode, retryAfter: header('retry-after') };
      }
      const raw = await readCapped(res.body, options.maxBytes, timer);
      if (raw === undefined) return fail(current, 'too-large', `${options.maxBytes}`);
      const body = await decompressBody(raw, header('content-encoding'), options.maxBytes);
      if (body === 'too-large') return fail(current, 'too-large', `${options.maxBytes}`);
      if (body === 'corrupt') return fail(current, 'bad-encoding', header('content-encoding') ?? '');
      return {
        ok: true,
        url: current,
        status: res.statusCode,
        notModified: false,
        body,
        contentType: header('content-type'),
        etag: header('etag'),
        lastModified: header('last-modified'),
        redirects,
        moved: moved && redirects.length > 0,
      };
    }
  } catch (e) {
    if (options.signal?.aborted) return fail(current, 'aborted', 'the run was cancelled');
    const refused = refusalOf(e);
    if (refused) return fail(current, 'refused-address', `${current === url ? '' : `the redirect to ${current}: `}${refusalMessage(refused)}`);
    if ((e as { code?: string }).code === 'UND_ERR_CONNECT_TIMEOUT') return fail(current, 'connect-timeout', `${options.connectTimeoutMs ?? '?'}`);
    if (timer.signal.aborted || isTimeoutError(e)) return fail(current, 'timeout', `${options.timeoutMs}`);
    return fail(current, 'network', networkDetail(e));
  } finally {
    clearTimeout(timeout);
  }

  function fail(at: string, failure: FetchFailure, detail: string) {
    return { ok: false as const, url: at, failure, detail, redirects };
  }
}

function requestHeaders(options: FetchOptions, first: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept ?? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (first && options.etag) headers['if-none-match'] = options.etag;
  if (first && options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

const firstHeader = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function isTimeoutError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

function networkDetail(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? err.code;
  const message = err.cause?.message ?? err.message ?? String(e);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
