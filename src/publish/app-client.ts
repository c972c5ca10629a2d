/**
 * The HTTP client of the AtomPub and WordPress targets: authenticated requests with retries. Basic auth goes only over HTTPS or to a
 * loopback host unless the user allows it. Retries with exponential backoff on timeouts, network
 * errors, 5xx and 429 (a Retry-After header wins) — for requests that may be repeated; a POST is
 * never repeated blindly (the publisher reconciles before posting again).
 */
import type { Credentials } from '../atom/types.js';
import { WebxError } from '../errors.js';
import { htmlToText } from '../text/html-to-text.js';
import { redactSecrets } from '../text/redact.js';
import { httpRequest, type HttpResponse } from './http-request.js';

export interface AppClientOptions {
  credentials?: Credentials;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  allowInsecureAuth: boolean;
  userAgent: string;
  signal?: AbortSignal;
  /** What the password is, for the refusal over plain HTTP (default: "AtomPub password"). */
  secretName?: string;
}

export interface SendOptions {
  body?: string;
  headers?: Record<string, string>;
  onSent?: () => void;
}

export interface AppClient {
  options: AppClientOptions;
  /** One attempt; throws on network errors and timeouts. */
  send(method: string, url: string, options?: SendOptions): Promise<HttpResponse>;
  /** Repeats on retryable outcomes; returns the last response (which may be an error status). */
  sendWithRetries(method: string, url: string, options?: SendOptions): Promise<HttpResponse>;
  sleep(ms: number): Promise<void>;
}

export function createAppClient(options: AppClientOptions): AppClient {
  const client: AppClient = {
    options,
    send(method, url, send = {}) {
      const headers: Record<string, string> = { 'user-agent': options.userAgent, ...send.headers };
      if (options.credentials) {
        refuseInsecureAuth(url, options.allowInsecureAuth, options.secretName ?? 'AtomPub password');
        const token = Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64');
        headers.authorization = `Basic ${token}`;
      }
      return httpRequest(url, { method, headers, body: send.body, timeoutMs: options.timeoutMs, signal: options.signal, onSent: send.onSent });
    },
    async sendWithRetries(method, url, send = {}) {
      for (let attempt = 0; ; attempt++) {
        let response: HttpResponse | undefined;
        try {
          response = await client.send(method, url, send);
          if (!isRetryableStatus(response.status) || attempt >= options.retries) return response;
        } catch (e) {
          if (e instanceof WebxError || options.signal?.aborted || attempt >= options.retries) throw e;
        }
        await client.sleep(retryDelay(attempt, options.retryDelayMs, response?.headers['retry-after']));
      }
    },
    sleep: (ms) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        options.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(options.signal?.reason ?? new Error('aborted'));
        }, { once: true });
      }),
  };
  return client;
}

export const isRetryableStatus = (status: number): boolean => status === 429 || status === 408 || status >= 500;

/** Backoff: base · 2^attempt, or the server's Retry-After (seconds or an HTTP date), at most 5 minutes. */
export function retryDelay(attempt: number, baseMs: number, retryAfter?: string, nowMs = Date.now()): number {
  const cap = 5 * 60_000;
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(cap, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.min(cap, Math.max(0, date - nowMs));
  }
  return Math.min(cap, baseMs * 2 ** attempt);
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Throws unless Basic auth to `url` is safe: HTTPS, a loopback host, or allowed by the user. */
export function refuseInsecureAuth(url: string, allow: boolean, secretName: string): void {
  const u = new URL(url);
  if (u.protocol === 'https:' || allow || isLoopback(u.hostname)) return;
  throw new WebxError(`refusing to send the ${secretName} over plain HTTP to ${u.host}`, {
    hint: 'use an https:// URL for the server, or set `publish.allowInsecureAuth: true` if you accept the risk',
    exitCode: 2,
  });
}

export interface ResponseErrorOptions {
  /** Hints replacing the AtomPub ones, per kind of answer. */
  hints?: Partial<Record<'401' | '403' | '404' | 'retry' | 'other', string>>;
  /** Removes the target's secrets from what the server said (a server may echo the Authorization header). */
  redact?: (text: string) => string;
}

/** A clear error for a response that ended the exchange (401/403/4xx, or 5xx after all retries). */
export function responseError(what: string, url: string, r: HttpResponse, options: ResponseErrorOptions = {}): WebxError {
  const detail = redactSecrets((options.redact ?? ((t: string) => t))(serverMessage(r)), { maxLength: 200 });
  const said = detail ? `: ${detail}` : '';
  const host = new URL(url).host;
  const hints = options.hints ?? {};
  if (r.status === 401) {
    return new WebxError(`${what}: the server at ${host} refused the credentials (401)${said}`, {
      hint: hints['401'] ?? 'set `publish.user` (or WEBXCRETA_APP_USER) and WEBXCRETA_APP_PASSWORD (or `publish.passwordFile`); for the box, WEBXCRETA_BOX_USER/WEBXCRETA_BOX_PASSWORD',
      code: 'auth',
    });
  }
  if (r.status === 403) return new WebxError(`${what}: ${host} says this user may not do that (403)${said}`, { hint: hints['403'] ?? 'check the account\'s rights on the blog, or the collection URL', code: 'auth' });
  if (r.status === 404) return new WebxError(`${what}: ${url} was not found (404)`, { hint: hints['404'] ?? 'check `publish.serviceUrl` / `publish.collectionUrl`', code: 'not-found' });
  if (r.status === 429 || r.status >= 500) return new WebxError(`${what}: ${host} answered ${r.status} after all retries${said}`, { hint: hints.retry ?? 'try again later (`publish.retries` sets how often it retries)' });
  return new WebxError(`${what}: ${host} answered ${r.status}${said}`, { hint: hints.other ?? 'the server rejected the request; check its documentation or logs' });
}

/** The server's own words: a JSON error's `message` (WordPress), else the body as text. */
function serverMessage(r: HttpResponse): string {
  const body = r.body.trim();
  if (body.startsWith('{')) {
    try {
      const json = JSON.parse(body) as { message?: unknown; code?: unknown };
      if (typeof json.message === 'string') return htmlToText(json.message).replace(/\s+/g, ' ').trim();
    } catch {
      // not JSON after all: shown as text
    }
  }
  return htmlToText(body).replace(/\s+/g, ' ').trim();
}
