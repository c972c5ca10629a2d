/**
 * The built-in sample blogosphere (`corpus/`) served over real HTTP on 127.0.0.1 for the length of
 * a run, so the default job exercises the same fetch path as the real web (ETag, Last-Modified,
 * 304s). Sources are stored under the canonical base BUILTIN_BASE; `urlMap` points it at the
 * server of this run, whose port changes every time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export const BUILTIN_BASE = 'http://builtin.webxcreta.invalid/';
export const BUILTIN_OPML = `${BUILTIN_BASE}blogs.opml`;

/** `corpus/` beside `src/` (or `dist/`): two levels up from this file in both layouts. */
export const builtinCorpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface BuiltinCorpusServer {
  url: string;
  urlMap: (url: string) => string;
  close(): Promise<void>;
}

export async function serveBuiltinCorpus(dir = builtinCorpusDir): Promise<BuiltinCorpusServer> {
  const serve = sirv(dir, { etag: true, dev: false, dotfiles: false, extensions: [] });
  const server = createServer((req, res) => {
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    urlMap: (u) => (u.startsWith(BUILTIN_BASE) ? url + u.slice(BUILTIN_BASE.length) : u),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
