/**
 * The box: the bot's own blog, served with node:http from the project's database — HTML pages,
 * Atom feeds, readers' comments and an AtomPub endpoint. `startBox` listens and returns its URL
 * and a `close` that waits for open requests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../cli/app.js';
import { resolveBoxCredentials } from '../pipeline/credentials.js';
import { WebxError } from '../errors.js';
import { withSlash } from '../publish/to-entry.js';
import { modelFileOf } from '../pipeline/refresh-model.js';
import type { Credentials } from './basic-auth.js';
import { BOX_ID_HEADER, boxIdOf } from '../store/box-id.js';
import type { BoxContext } from './context.js';
import { handleApp } from './handle-app.js';
import { handleComment } from './handle-comment.js';
import { handlePage } from './handle-pages.js';
import { decodePathPart } from './decode-path.js';
import { boxUrl } from '../site/box-url.js';
import { createRateLimiter } from './rate-limit.js';
import { sendText } from './respond.js';

/** Wrong passwords one address may try per 15 minutes before it gets 429. */
const FAILED_LOGINS = 20;

export interface BoxOptions {
  host: string;
  port: number;
  /** AtomPub credentials; default: from the environment or the stored box password. */
  credentials?: Credentials;
  now?: () => Date;
}

export interface RunningBox {
  url: string;
  close(): Promise<void>;
}

export async function startBox(app: App, options: BoxOptions): Promise<RunningBox> {
  const { box, publish } = app.config;
  let listening = '';
  const ctx: BoxContext = {
    store: app.store(),
    blog: { title: publish.blogTitle, subtitle: publish.blogSubtitle, author: publish.author },
    base: () => withSlash(publish.baseUrl ?? listening),
    credentials: options.credentials ?? resolveBoxCredentials(app),
    boxId: boxIdOf(app.store()),
    csrfSecret: randomBytes(32),
    limiter: createRateLimiter(box.commentsPerWindow, box.commentWindowMs),
    authLimiter: createRateLimiter(FAILED_LOGINS, 15 * 60_000),
    limits: { maxAuthor: box.maxCommentAuthor, maxComment: box.maxCommentLength, maxEntryBytes: box.maxEntryBytes },
    damping: app.config.weight.damping,
    modelFile: modelFileOf(app.paths.stateDir),
    now: options.now ?? (() => new Date()),
  };
  const server = createServer((req, res) => {
    res.setHeader(BOX_ID_HEADER, ctx.boxId);
    route(ctx, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
      app.log(`box: ${req.method} ${req.url}: ${(e as Error).message}`);
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
  return handlePage(ctx, res, path, url.searchParams);
}

