/**
 * The self-referential loop: the bot's own blog is harvested like any other blog (kind 'own'), so
 * its past posts and their comments feed the next post. When the bot publishes to its own box,
 * the box is served on 127.0.0.1 at a passing port for the harvest; its feed is stored under the
 * stable URL OWN_BOX_FEED, and the box writes the blog's canonical address (publish.baseUrl, else
 * box.host:box.port) into the feed, so the harvested posts' links never name the passing port.
 * Pages link the bot's own posts relatively (see describe-sources.ts). When it publishes
 * elsewhere (AtomPub, WordPress, a static site), `sources.own` names that blog's feed.
 */
import type { Bot } from './bot.js';
import { serveBox } from './serve-box.js';
import { addSource } from '../harvest/index.js';
import { publishTargetOf } from '../config.js';
import { hostPortOf } from '../harvest/guard-address.js';
import { fixedBaseUrl } from '../publish/blog-of.js';
import { OWN_BOX_BASE } from '../site/box-url.js';

export { OWN_BOX_BASE };
export const OWN_BOX_FEED = `${OWN_BOX_BASE}feed.atom`;

export interface OwnBlog {
  urlMap: (url: string) => string;
  /** `host:port` of the box served for the harvest (a loopback address the SSRF guard must let through). */
  allowHosts: string[];
  close(): Promise<void>;
}

const nothingToServe: OwnBlog = { urlMap: (url) => url, allowHosts: [], close: async () => {} };

export async function openOwnBlog(app: Bot): Promise<OwnBlog> {
  const { sources, publish, box: boxConfig } = app.config;
  const store = app.store();
  if (sources.own) {
    addSource(store, sources.own, { kind: 'own' });
    return nothingToServe;
  }
  if (publishTargetOf(publish) !== 'box') return nothingToServe;
  addSource(store, OWN_BOX_FEED, { kind: 'own', title: publish.blogTitle });
  const base = fixedBaseUrl(publish, boxConfig) ?? OWN_BOX_BASE;
  const box = await serveBox(app, { host: '127.0.0.1', port: 0, baseUrl: base });
  const onBox = (url: string, prefix: string) => (url.startsWith(prefix) ? new URL(url.slice(prefix.length), box.url).href : undefined);
  return {
    // The feed's own links (comment feeds) name the canonical address; this harvest reads them here.
    urlMap: (url) => onBox(url, OWN_BOX_BASE) ?? onBox(url, base) ?? url,
    allowHosts: [hostPortOf(box.url)],
    close: () => box.close(),
  };
}
