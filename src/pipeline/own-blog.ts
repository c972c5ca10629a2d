/**
 * The self-referential loop: the bot's own blog is harvested like any other blog (kind 'own'), so
 * its past posts and their comments feed the next post. When the bot publishes to its own box,
 * the box is served on 127.0.0.1 for the harvest and its feed is stored under the canonical URL
 * OWN_BOX_FEED (the box's port changes from run to run); when it publishes elsewhere (AtomPub,
 * WordPress, a static site), `sources.own` names that blog's feed.
 */
import type { Bot } from './bot.js';
import { serveBox } from './serve-box.js';
import { addSource } from '../harvest/index.js';
import { publishTargetOf } from '../config.js';
import { hostPortOf } from '../harvest/guard-address.js';

export const OWN_BOX_BASE = 'http://own.webxcreta.invalid/';
export const OWN_BOX_FEED = `${OWN_BOX_BASE}feed.atom`;

export interface OwnBlog {
  urlMap: (url: string) => string;
  /** `host:port` of the box served for the harvest (a loopback address the SSRF guard must let through). */
  allowHosts: string[];
  close(): Promise<void>;
}

const nothingToServe: OwnBlog = { urlMap: (url) => url, allowHosts: [], close: async () => {} };

export async function openOwnBlog(app: Bot): Promise<OwnBlog> {
  const { sources, publish } = app.config;
  const store = app.store();
  if (sources.own) {
    addSource(store, sources.own, { kind: 'own' });
    return nothingToServe;
  }
  if (publishTargetOf(publish) !== 'box') return nothingToServe;
  addSource(store, OWN_BOX_FEED, { kind: 'own', title: publish.blogTitle });
  const box = await serveBox(app, { host: '127.0.0.1', port: 0 });
  return {
    urlMap: (url) => (url.startsWith(OWN_BOX_BASE) ? new URL(url.slice(OWN_BOX_BASE.length), box.url).href : url),
    allowHosts: [hostPortOf(box.url)],
    close: () => box.close(),
  };
}
