/** Reads an OPML list named in the config: a local file (relative to the data directory) or a URL. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from '../cli/app.js';
import { WebxError } from '../errors.js';

export async function fetchOpmlText(list: string, app: App): Promise<{ text: string; base: string }> {
  if (/^https?:\/\//i.test(list)) {
    const { harvest } = app.config;
    let response: Response;
    try {
      response = await fetch(list, {
        headers: { 'user-agent': harvest.userAgent },
        signal: AbortSignal.timeout(harvest.timeoutMs),
      });
    } catch (e) {
      throw new WebxError(`cannot fetch the OPML list ${list}: ${(e as Error).message}`, {
        hint: 'check the URL in `sources.opml`, or download the file and name its path instead',
      });
    }
    if (!response.ok) {
      throw new WebxError(`the OPML list ${list} answered HTTP ${response.status}`, { hint: 'check the URL in `sources.opml`' });
    }
    const text = await response.text();
    if (text.length > harvest.maxBytes) throw new WebxError(`the OPML list ${list} is larger than harvest.maxBytes`);
    return { text, base: list };
  }
  const file = resolve(app.paths.dataDir, list);
  try {
    return { text: readFileSync(file, 'utf8'), base: pathToFileURL(file).href };
  } catch (e) {
    throw new WebxError(`cannot read the OPML list ${file}: ${(e as Error).message}`, {
      hint: 'check the path in `sources.opml` (relative paths are read from the data directory)',
    });
  }
}
