/**
 * The box: the bot's own blog, served with node:http from the project's database — HTML pages,
 * Atom feeds, readers' comments and an AtomPub endpoint. `startBox` listens and returns its URL
 * and a `close` that waits for open requests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials } from '../atom/types.js';
import type { Config } from '../config.js';
import { WebxError } from '../errors.js';
import type { Damping } from '../model/damping.js';
import { boxUrl, withSlash } from '../site/box-url.js';
import { BOX_ID_HEADER, boxIdOf } from '../store/box-id.js';
import type { Store } from '../store/open-store.js';
import type { BoxContext } from './context.js';
import { handleApp } from './handle-app.js';
import { handleComment } from './handle-comment.js';
import { handlePage } from './handle-pages.js';
import { decodePathPart } from './decode-path.js';
import { createLoginThrottle, createRateLimiter } from './rate-limit.js';
import { sendText } from './respond.js';
import { boxSecret } from '../store/box-state.js';
import { cleanStoredEntries } from './clean-entries.js';
import { clip } from '../text/clip.js';

export interface BoxOptions {
  store: Store;
  host: string;
  port: number;
  /** The blog's names, and its public base URL when it has one (else where the box listens). */
  blog: { title: string; subtitle?: string; author: string; baseUrl?: string };
  /** Limits on readers' comments and AtomPub bodies. */
  limits: Pick<Config['box'], 'commentsPerWindow' | 'commentWindowMs' | 'maxCommentAuthor' | 'maxCommentLength' | 'maxEntryBytes' | 'authFailures' | 'authWindowMs'>;
  /** AtomPub credentials (resolved by the caller: the box reads no environment). */
  credentials: Credentials;
  /** The damping the statistics page names, and the model file it reads the shares from. */
  damping: Damping;
  modelFile?: string;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface RunningBox {
  url: string;
  close(): Promise<void>;
}

export async function startBox(options: BoxOptions): Promise<RunningBox> {
  const { store, blog, limits } = options;
  const log = options.log ?? (() => {});
  let listening = '';
  const cleaned = cleanStoredEntries(store);
  if (cleaned > 0) log(`box: sanitised the content of ${cleaned} entries stored by an older webXcreta`);
  const ctx: BoxContext = {
    store,
    blog: { title: blog.title, subtitle: blog.subtitle, author: blog.author },
    base: () => withSlash(blog.baseUrl ?? listening),
    credentials: options.credentials,
    boxId: boxIdOf(store),
    csrfSecret: boxSecret(store, 'csrf', () => randomBytes(32)),
    limiter: createRateLimiter(store, 'comments', limits.commentsPerWindow, limits.commentWindowMs),
    loginThrottle: createLoginThrottle(store, limits.authFailures, limits.authWindowMs),
    limits: { maxAuthor: limits.maxCommentAuthor, maxComment: limits.maxCommentLength, maxEntryBytes: limits.maxEntryBytes },
    damping: options.damping,
    modelFile: options.modelFile,
    now: options.now ?? (() => new Date()),
  };
  const server = createServer((req, res) => {
    res.setHeader(BOX_ID_HEADER, ctx.boxId);
    route(ctx, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
      // The path only (no query), clipped: a log line never carries unbounded input from the web.
      log(`box: ${clip(req.method ?? '', 10)} ${clip((req.url ?? '').split('?')[0], 200)}: ${clip((e as Error).message, 300)}`);
    });
  });
  // Slow or stalled clients are cut off instead of holding connections open.
  server.keepAliveTimeout = 2_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new WebxError(`the box cannot listen on ${options.host}:${options.port}: ${e.code ?? e.message}`, {
        hint: e.code === 'EADDRINUSE' ? 'another program uses that port; pass --port or set box.port' : 'check box.host and box.port',
        code: e.code === 'EADDRINUSE' ? 'address-in-use' : 'failed',
        cause: e,
      })),
    );
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  listening = boxUrl(address.address, address.port);
  return {
    url: listening,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function route(ctx: BoxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://box.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path === '/app' || path.startsWith('/app/')) return handleApp(ctx, req, res, path, url.searchParams);
  const comment = /^\/posts\/([^/]+)\/comments$/.exec(path);
  if (comment && method === 'POST') return handleComment(ctx, req, res, decodePathPart(comment[1]) ?? '');
  if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
  return handlePage(ctx, req, res, path, url.searchParams);
}

