/**
 * One document fetched as text (an OPML list, a directory page) through the harvester's client:
 * same timeouts, cap, redirects and User-Agent. A local path is read from disk instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeText } from '../text/decode-text.js';
import { createAgent, fetchUrl } from './fetch-url.js';
import { guardFor } from './guard-address.js';
import type { HarvestConfig } from './harvest-feeds.js';
import { fetchProblem, type Problem } from './messages.js';

export type FetchedText = { ok: true; text: string; url: string } | ({ ok: false } & Problem);

export async function fetchText(location: string, options: HarvestConfig, cwd = '.'): Promise<FetchedText> {
  if (!/^https?:\/\//i.test(location)) {
    const file = resolve(cwd, location);
    try {
      return { ok: true, text: decodeText(readFileSync(file)), url: pathToFileURL(file).href };
    } catch (e) {
      return { ok: false, error: `cannot read ${file}: ${(e as Error).message}`, hint: 'check the path (relative paths start at the current folder)' };
    }
  }
  const agent = createAgent(options.connectTimeoutMs, options.timeoutMs, guardFor([location], options.allowPrivateAddresses));
  try {
    const res = await fetchUrl(location, { ...options, agent, accept: 'text/html, text/x-opml, application/xml;q=0.9, */*;q=0.5' });
    if (!res.ok) return { ok: false, ...fetchProblem(location, res.failure, res.detail, res.status) };
    return { ok: true, text: decodeText(res.body, res.contentType), url: res.url };
  } finally {
    await agent.destroy();
  }
}
