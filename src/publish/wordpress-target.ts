/**
 * WordPress as a publish target, over its REST API (`/wp-json/wp/v2/`) with Basic auth and an
 * Application Password. The REST root is discovered from the site's home page (`<link
 * rel="https://api.w.org/">` or the same `Link:` header). A post is created with its title, HTML
 * content, excerpt, status `publish` or `draft`, tags (the post's topic words) and categories
 * (from the config), each term created when missing; its stable identifiers are the slug and the
 * post meta `webxcreta_id` (kept where the site registers it) plus the `data-entry-id` its
 * content carries, so a post left in `intent` is found again — by slug, else by a search for the
 * post id — instead of posted twice. Retract moves the post to WordPress's trash.
 */
import { WebxError } from '../errors.js';
import type { Publication } from '../store/publications.js';
import { escapeHtml } from '../text/escape-html.js';
import { redactSecrets } from '../text/redact.js';
import type { HttpResponse } from './http-request.js';
import { isRetryableStatus, responseError, type AppClient, type ResponseErrorOptions } from './app-client.js';
import type { CreateOutcome, PublishItem, PublishTarget, RemoteCopy, RemotePost } from './target.js';

export const WP_API_REL = 'https://api.w.org/';

export interface WordPressSite {
  /** Key of the target in the publications table (`wordpress:URL`). */
  name: string;
  /** The REST root, e.g. `https://blog.example.org/wp-json/` (or `…/?rest_route=/`). */
  apiRoot: string;
  /** Authenticated (user + Application Password). */
  client: AppClient;
  /** Category names every post is filed under. */
  categories: string[];
}

const HINTS: ResponseErrorOptions['hints'] = {
  '401':
    'set `publish.wordpress.user` (or WEBXCRETA_WP_USER) and an Application Password of that user (WordPress: Users → Profile → Application Passwords) in WEBXCRETA_WP_PASSWORD or `publish.wordpress.passwordFile`; the login password does not work over the REST API',
  '403': 'the WordPress user needs a role that may publish posts and create terms (Author, Editor or Administrator)',
  '404': 'check `publish.wordpress.url` (the site\'s home page) or `publish.wordpress.apiUrl` (its REST root, usually …/wp-json/)',
  other: 'WordPress rejected the request; its message says why',
};

interface WpPost {
  id: number;
  link?: string;
  slug?: string;
  status?: string;
  title?: { raw?: string; rendered?: string };
  content?: { raw?: string; rendered?: string };
  meta?: Record<string, unknown> | unknown[];
}

/** A REST route under the root, for both root styles (`/wp-json/` and `?rest_route=/`). */
export function wpRoute(apiRoot: string, route: string, query: Record<string, string> = {}): string {
  const u = new URL(apiRoot);
  if (u.searchParams.has('rest_route')) u.searchParams.set('rest_route', `/${route}`);
  else u.pathname = `${u.pathname.replace(/\/?$/, '/')}${route}`;
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.href;
}

/** The REST root a WordPress home page advertises (Link header first, then the `<link>` element). */
export function findApiLink(r: Pick<HttpResponse, 'headers' | 'body'>, pageUrl: string): string | undefined {
  const header = r.headers.link ?? '';
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (m && /rel\s*=\s*"?https:\/\/api\.w\.org\/"?/i.test(m[2])) return new URL(m[1], pageUrl).href;
  }
  for (const tag of r.body.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (rel?.split(/\s+/).includes(WP_API_REL) && href) return new URL(href.replace(/&amp;/g, '&'), pageUrl).href;
  }
  return undefined;
}

/** The REST root of the WordPress site whose home page is `siteUrl`. */
export async function discoverWordPressApi(client: AppClient, siteUrl: string): Promise<string> {
  const r = await client.sendWithRetries('GET', siteUrl, { headers: { accept: 'text/html' } });
  if (r.status < 200 || r.status > 299) throw responseError('reading the WordPress home page to find its REST API', siteUrl, r, { hints: HINTS });
  const root = findApiLink(r, siteUrl);
  if (!root) {
    throw new WebxError(`${siteUrl} does not advertise a WordPress REST API (no <link rel="${WP_API_REL}">)`, {
      hint: 'check `publish.wordpress.url`, or set `publish.wordpress.apiUrl` to the REST root (usually the site\'s address + /wp-json/)',
    });
  }
  return root;
}

/** Checks the user and Application Password before anything is recorded (any 401 is a failed login). */
export async function checkWordPressLogin(client: AppClient, apiRoot: string, redact: (text: string) => string): Promise<void> {
  const url = wpRoute(apiRoot, 'wp/v2/users/me');
  const r = await client.sendWithRetries('GET', url, { headers: { accept: 'application/json' } });
  if (r.status !== 200) throw responseError('logging in to WordPress', url, r, { hints: HINTS, redact });
}

export function wordPressTarget(site: WordPressSite): PublishTarget {
  const { client, apiRoot } = site;
  const credentials = client.options.credentials;
  const redact = (text: string) => redactSecrets(text, { secrets: [credentials?.password], users: [credentials?.user], maxLength: Number.MAX_SAFE_INTEGER });
  const fail = (what: string, url: string, r: HttpResponse) => responseError(what, url, r, { hints: HINTS, redact });
  const postsUrl = wpRoute(apiRoot, 'wp/v2/posts');
  const postUrl = (id: string | number, query: Record<string, string> = {}) => wpRoute(apiRoot, `wp/v2/posts/${id}`, query);
  const json = { 'content-type': 'application/json', accept: 'application/json' };

  async function getJson<T>(what: string, url: string): Promise<T> {
    const r = await client.sendWithRetries('GET', url, { headers: { accept: 'application/json' } });
    if (r.status !== 200) throw fail(what, url, r);
    return parseJson<T>(r, url);
  }

  /** Term ids for names, each created when missing (WordPress answers `term_exists` with the id). */
  async function termIds(taxonomy: 'tags' | 'categories', names: string[]): Promise<number[]> {
    const ids: number[] = [];
    const url = wpRoute(apiRoot, `wp/v2/${taxonomy}`);
    for (const name of [...new Set(names.map((n) => n.trim()).filter(Boolean))]) {
      const r = await client.sendWithRetries('POST', url, { body: JSON.stringify({ name }), headers: json });
      const body = r.status === 201 || r.status === 400 ? parseJson<{ id?: number; code?: string; data?: { term_id?: number } }>(r, url) : undefined;
      const id = r.status === 201 ? body?.id : body?.code === 'term_exists' ? body.data?.term_id : undefined;
      if (typeof id !== 'number') throw fail(`creating the WordPress ${taxonomy === 'tags' ? 'tag' : 'category'} "${name}"`, url, r);
      ids.push(id);
    }
    return ids;
  }

  async function body({ entry }: PublishItem, draft: boolean): Promise<Record<string, unknown>> {
    return {
      title: entry.title,
      content: entry.contentHtml,
      excerpt: entry.summary ?? '',
      status: draft ? 'draft' : 'publish',
      slug: entry.slug,
      tags: await termIds('tags', entry.categories),
      categories: await termIds('categories', site.categories),
      meta: { webxcreta_id: entry.id },
    };
  }

  const where = (p: WpPost): RemotePost => ({ url: p.link, editUrl: postUrl(p.id), remoteId: String(p.id) });

  return {
    name: site.name,
    kind: 'wordpress',
    where: postsUrl,
    retry: { retries: client.options.retries, retryDelayMs: client.options.retryDelayMs, signal: client.options.signal },
    async create(item, { draft, onSent }): Promise<CreateOutcome> {
      const payload = JSON.stringify(await body(item, draft));
      const r = await client.send('POST', postsUrl, { body: payload, headers: json, onSent });
      if (r.status === 201 || r.status === 200) return { kind: 'created', where: where(parseJson<WpPost>(r, postsUrl)) };
      const error = fail(`publishing "${item.entry.title}" to ${postsUrl}`, postsUrl, r);
      if (r.status === 409) return { kind: 'conflict', error };
      if (isRetryableStatus(r.status)) return { kind: 'retry', failure: `HTTP ${r.status}`, retryAfter: r.headers['retry-after'], error };
      return { kind: 'failed', error };
    },
    async find({ entry }): Promise<RemotePost | undefined> {
      const marker = `data-entry-id="${escapeHtml(entry.id)}"`;
      const ours = (p: WpPost) => {
        const meta = p.meta && !Array.isArray(p.meta) ? p.meta.webxcreta_id : undefined;
        if (typeof meta === 'string' && meta) return meta === entry.id;
        return (p.content?.raw ?? p.content?.rendered ?? '').includes(marker);
      };
      const what = 'looking for an earlier copy on WordPress';
      const bySlug = await getJson<WpPost[]>(what, wpRoute(apiRoot, 'wp/v2/posts', { slug: entry.slug, status: 'any', context: 'edit' }));
      const hit = bySlug.find(ours);
      if (hit) return where(hit);
      // WordPress gives a taken slug a -2 suffix: the content still carries the post id.
      const bySearch = await getJson<WpPost[]>(what, wpRoute(apiRoot, 'wp/v2/posts', { search: entry.postId, status: 'any', context: 'edit', per_page: '50' }));
      const found = bySearch.find(ours);
      return found && where(found);
    },
    async read(pub): Promise<RemoteCopy | undefined> {
      const id = remoteIdOf(pub);
      const url = postUrl(id, { context: 'edit' });
      const r = await client.sendWithRetries('GET', url, { headers: { accept: 'application/json' } });
      if (r.status === 404 || r.status === 410) return undefined;
      if (r.status !== 200) throw fail(`reading post ${pub.postId} from WordPress`, url, r);
      const p = parseJson<WpPost>(r, url);
      if (p.status === 'trash') return undefined;
      return { title: p.title?.raw ?? p.title?.rendered ?? '', content: p.content?.raw ?? p.content?.rendered ?? '', contentType: 'html', draft: p.status !== 'publish', url: p.link };
    },
    async update(item, pub, { draft }): Promise<RemotePost> {
      const url = postUrl(remoteIdOf(pub));
      const r = await client.sendWithRetries('POST', url, { body: JSON.stringify(await body(item, draft)), headers: json });
      if (r.status !== 200 && r.status !== 201) throw fail(`updating post ${pub.postId} on WordPress`, url, r);
      return where(parseJson<WpPost>(r, url));
    },
    async retract(pub): Promise<void> {
      const url = postUrl(remoteIdOf(pub));
      const r = await client.sendWithRetries('DELETE', url, { headers: { accept: 'application/json' } });
      if ((r.status < 200 || r.status > 299) && r.status !== 404 && r.status !== 410) throw fail(`retracting post ${pub.postId} from WordPress`, url, r);
    },
    redact,
    sleep: (ms) => client.sleep(ms),
    close: async () => {},
  };
}

function remoteIdOf(pub: Publication): string {
  const id = pub.remoteId ?? /\/wp\/v2\/posts\/(\d+)/.exec(decodeURIComponent(pub.editUrl ?? ''))?.[1];
  if (!id) throw new WebxError(`the WordPress id of post ${pub.postId} is not known`, { hint: 'edit or delete it in WordPress itself' });
  return id;
}

function parseJson<T>(r: HttpResponse, url: string): T {
  try {
    return JSON.parse(r.body) as T;
  } catch {
    throw new WebxError(`the answer from ${new URL(url).host} is not JSON (HTTP ${r.status})`, {
      hint: 'check that `publish.wordpress.url` is a WordPress site and that nothing (a cache, a login page) stands in front of its REST API',
    });
  }
}
