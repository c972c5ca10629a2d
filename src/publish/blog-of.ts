/**
 * The blog's names and its canonical base URL: `publish.baseUrl`, else the box's configured address
 * (`box.host:box.port`). A box started in-process for one step may listen on another (ephemeral)
 * port, but what is stored, printed and written into feeds is the canonical address, so it still
 * answers once `webxcreta serve` runs there. Only with `box.port` 0 (a port picked per run) is there
 * no fixed address; the running box's URL is used then.
 */
import type { Config } from '../config.js';
import type { Blog } from '../atom/types.js';
import { boxUrl, withSlash } from '../site/box-url.js';

export function canonicalBaseUrl(publish: Pick<Config['publish'], 'baseUrl'>, box: Pick<Config['box'], 'host' | 'port'>, runningBoxUrl?: string): string {
  return fixedBaseUrl(publish, box) ?? (runningBoxUrl ? withSlash(runningBoxUrl) : boxUrl(box.host, box.port));
}

/** The canonical base when there is one whatever port a box listens on (undefined with `box.port` 0). */
export function fixedBaseUrl(publish: Pick<Config['publish'], 'baseUrl'>, box: Pick<Config['box'], 'host' | 'port'>): string | undefined {
  if (publish.baseUrl) return withSlash(publish.baseUrl);
  return box.port === 0 ? undefined : boxUrl(box.host, box.port);
}

export function blogOf(publish: Config['publish'], box: Pick<Config['box'], 'host' | 'port'>, runningBoxUrl?: string): Blog {
  return {
    title: publish.blogTitle,
    subtitle: publish.blogSubtitle,
    author: publish.author,
    baseUrl: canonicalBaseUrl(publish, box, runningBoxUrl),
  };
}

/**
 * A URL stored for a post on the box, on the blog's canonical address: the same path on
 * `fixedBaseUrl` (posts published before the address was fixed, or by a box on a passing port, were
 * stored under that port). Other targets' URLs, and any URL when there is no fixed address, stay.
 */
export function onCanonicalBox(url: string | undefined, target: string, publish: Pick<Config['publish'], 'baseUrl'>, box: Pick<Config['box'], 'host' | 'port'>): string | undefined {
  const base = fixedBaseUrl(publish, box);
  if (!url || target !== 'box' || !base) return url;
  try {
    const u = new URL(url);
    return new URL(`${u.pathname.replace(/^\//, '')}${u.search}${u.hash}`, base).href;
  } catch {
    return url;
  }
}
