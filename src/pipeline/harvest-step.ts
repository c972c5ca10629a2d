/**
 * The harvest step of a run: register the configured sources (the built-in sample blogosphere,
 * feed URLs, OPML lists), then harvest every enabled source. The built-in corpus is served on
 * 127.0.0.1 only while this step runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bot } from './bot.js';
import { WebxError } from '../errors.js';
import { addSource, fetchText, harvestFeeds, importOpml, type HarvestOptions } from '../harvest/index.js';
import type { HarvestReport } from '../harvest/types.js';
import { hostPortOf } from '../harvest/guard-address.js';
import { openOwnBlog } from './own-blog.js';
import { BUILTIN_OPML, builtinCorpusDir, serveBuiltinCorpus } from './serve-builtin-corpus.js';

export interface HarvestStepOptions {
  /** Extra URL mapping, e.g. the bot's own box served in-process. */
  urlMap?: (url: string) => string;
  /** `host:port` pairs that extra mapping points at, which may be loopback or private addresses. */
  allowHosts?: string[];
  onFeedDone?: HarvestOptions['onFeedDone'];
  signal?: AbortSignal;
}

export async function registerConfiguredSources(app: Bot): Promise<number> {
  const store = app.store();
  const { sources } = app.config;
  let count = 0;
  if (sources.builtin) {
    const opml = readFileSync(join(builtinCorpusDir, 'blogs.opml'), 'utf8');
    count += importOpml(store, opml, BUILTIN_OPML).length;
  }
  for (const url of sources.feeds) {
    addSource(store, url);
    count++;
  }
  for (const list of sources.opml) {
    const fetched = await fetchText(list, app.config.harvest, app.paths.dataDir);
    if (!fetched.ok) throw new WebxError(`cannot read the OPML list ${list}: ${fetched.error}`, { hint: `${fetched.hint}; the list is named in \`sources.opml\`` });
    const imported = importOpml(store, fetched.text, fetched.url);
    if (imported.length === 0) throw new WebxError(`no feeds found in the OPML list ${list}`, { hint: 'check `sources.opml` in webxcreta.config.json' });
    count += imported.length;
  }
  return count;
}

export async function harvestStep(app: Bot, options: HarvestStepOptions = {}): Promise<HarvestReport> {
  await registerConfiguredSources(app);
  const own = await openOwnBlog(app);
  const builtin = app.config.sources.builtin ? await serveBuiltinCorpus().catch(async (e) => { await own.close(); throw e; }) : undefined;
  const urlMap = (url: string) => {
    const mapped = own.urlMap(builtin ? builtin.urlMap(url) : url);
    return options.urlMap ? options.urlMap(mapped) : mapped;
  };
  try {
    return await harvestFeeds(app.store(), undefined, {
      ...app.config.harvest,
      urlMap,
      allowHosts: [...(builtin ? [hostPortOf(builtin.url)] : []), ...own.allowHosts, ...(options.allowHosts ?? [])],
      onFeedDone: options.onFeedDone,
      signal: options.signal,
    });
  } finally {
    await Promise.all([builtin?.close(), own.close()]);
  }
}
