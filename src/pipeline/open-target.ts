/**
 * Where posts go (`publish.target`): an AtomPub collection (given, or discovered from a service
 * document); a WordPress site (its REST API discovered from the home page, the login checked
 * first); a static site's content folder; or else the bot's own box — the one already running at
 * `box.host:box.port`, or one started in-process for this publish (on an ephemeral port when the
 * configured one is taken; the URLs it answers with are still the canonical ones, see blog-of.ts).
 */
import { resolve } from 'node:path';
import { acceptsEntries, parseServiceDoc } from '../atom/service-doc.js';
import { publishTargetOf } from '../config.js';
import { isWebxError, WebxError } from '../errors.js';
import { createAppClient, refuseInsecureAuth, responseError, type AppClient, type AppClientOptions } from '../publish/app-client.js';
import { atomPubTarget } from '../publish/atompub-target.js';
import { fixedBaseUrl } from '../publish/blog-of.js';
import { staticTarget } from '../publish/static-target.js';
import { BOX_TARGET, openTargetName } from '../publish/target-name.js';
import type { PublishTarget } from '../publish/target.js';
import { checkWordPressLogin, discoverWordPressApi, wordPressTarget } from '../publish/wordpress-target.js';
import { boxUrl } from '../site/box-url.js';
import { BOX_ID_HEADER, boxIdOf } from '../store/box-id.js';
import { describeSources } from '../store/describe-sources.js';
import type { Bot } from './bot.js';
import { knownSecrets, resolveAppCredentials, resolveBoxCredentials, resolveWordPressCredentials, withoutSecrets } from './credentials.js';
import { serveBox } from './serve-box.js';

const LOOPBACK = '127.0.0.1';

export type { PublishTarget };

export async function openTarget(app: Bot, signal?: AbortSignal): Promise<PublishTarget> {
  const { publish, box, harvest } = app.config;
  const clientOptions: Omit<AppClientOptions, 'credentials'> = {
    timeoutMs: publish.timeoutMs,
    retries: publish.retries,
    retryDelayMs: publish.retryDelayMs,
    allowInsecureAuth: publish.allowInsecureAuth,
    userAgent: harvest.userAgent,
    signal,
  };
  const name = openTargetName(app.config);
  const kind = publishTargetOf(publish);
  if (kind === 'wordpress') return openWordPress(app, name, clientOptions);
  if (kind === 'static') return openStatic(app, name, signal);
  if (kind === 'atompub') {
    const client = createAppClient({ ...clientOptions, credentials: resolveAppCredentials(publish, app.env, app.paths.dataDir) });
    const collectionUrl = publish.collectionUrl ?? (await discoverCollection(client, publish.serviceUrl!));
    return atomPubTarget({ name, kind, collectionUrl, client, close: async () => {} });
  }
  const credentials = resolveBoxCredentials(app.env, app.paths.stateDir);
  const client = createAppClient({ ...clientOptions, credentials });
  const configured = boxUrl(box.host, box.port);
  if (box.port !== 0 && (await isOwnBoxUp(app, client, configured))) {
    return atomPubTarget({ name: BOX_TARGET, kind: 'box', collectionUrl: new URL('app/posts', configured).href, client, boxUrl: configured, close: async () => {} });
  }
  // Only this process talks to a box started for one publish: it listens on loopback, whatever box.host
  // says, and writes the canonical address (publish.baseUrl, else box.host:box.port) into what it answers.
  const baseUrl = fixedBaseUrl(publish, box);
  const running = await serveBox(app, { host: LOOPBACK, port: box.port, credentials, baseUrl }).catch((e: unknown) => {
    if (isWebxError(e, 'address-in-use')) return serveBox(app, { host: LOOPBACK, port: 0, credentials, baseUrl });
    throw e;
  });
  app.log(`started the box in-process at ${running.url} for this step`);
  return atomPubTarget({ name: BOX_TARGET, kind: 'box', collectionUrl: new URL('app/posts', running.url).href, client, boxUrl: running.url, close: running.close });
}

/** WordPress: credentials first (a clear error before any request), then the REST root, then a login check. */
async function openWordPress(app: Bot, name: string, clientOptions: Omit<AppClientOptions, 'credentials'>): Promise<PublishTarget> {
  const { wordpress } = app.config.publish;
  const credentials = resolveWordPressCredentials(wordpress, app.env, app.paths.dataDir);
  const options = { ...clientOptions, secretName: 'WordPress Application Password' };
  // Before any request: a home page read over plain HTTP could name any REST root.
  refuseInsecureAuth((wordpress.apiUrl ?? wordpress.url)!, clientOptions.allowInsecureAuth, options.secretName);
  const apiRoot = wordpress.apiUrl ?? (await discoverWordPressApi(createAppClient(options), wordpress.url!));
  const client = createAppClient({ ...options, credentials });
  const target = wordPressTarget({ name, apiRoot, client, categories: wordpress.categories });
  await checkWordPressLogin(client, apiRoot, target.redact);
  return target;
}

function openStatic(app: Bot, name: string, signal?: AbortSignal): PublishTarget {
  const { publish } = app.config;
  const contentDir = resolve(app.paths.dataDir, publish.static.contentDir!);
  return staticTarget({
    name,
    contentDir,
    afterCommand: publish.static.afterCommand,
    afterCommandTimeoutMs: publish.static.afterCommandTimeoutMs,
    afterCommandCwd: publish.static.afterCommandCwd ? resolve(app.paths.dataDir, publish.static.afterCommandCwd) : contentDir,
    env: withoutSecrets(app.env),
    secrets: knownSecrets(app.config, app.env, app.paths.dataDir),
    describe: (post) => describeSources(app.store(), post),
    log: (line) => app.log(line),
    retry: { retries: publish.retries, retryDelayMs: publish.retryDelayMs, signal },
  });
}

/** The first collection of the service document that accepts Atom entries. */
export async function discoverCollection(client: AppClient, serviceUrl: string): Promise<string> {
  const r = await client.sendWithRetries('GET', serviceUrl, { headers: { accept: 'application/atomsvc+xml' } });
  if (r.status !== 200) throw responseError('reading the AtomPub service document', serviceUrl, r);
  const collection = parseServiceDoc(r.body, serviceUrl).find(acceptsEntries);
  if (!collection) {
    throw new WebxError(`the service document at ${serviceUrl} lists no collection that accepts Atom entries`, {
      hint: 'check `publish.serviceUrl`, or name the collection itself in `publish.collectionUrl`',
    });
  }
  return collection.href;
}

/**
 * The box answering at `base`, when it serves this bot's own database (its id header says so).
 * Another bot's box there is not ours to post to; our own box refusing our credentials is an error.
 */
async function isOwnBoxUp(app: Bot, client: AppClient, base: string): Promise<boolean> {
  let r;
  try {
    r = await client.send('GET', new URL('app', base).href, { headers: { accept: 'application/atomsvc+xml' } });
  } catch {
    return false;
  }
  if (r.headers[BOX_ID_HEADER] !== boxIdOf(app.store())) {
    app.log(`something else answers at ${base} (not this bot's box); starting the box on another port`);
    return false;
  }
  if (r.status === 401) {
    throw new WebxError(`the box running at ${base} refused this bot's credentials`, {
      hint: 'give both the same WEBXCRETA_BOX_USER/WEBXCRETA_BOX_PASSWORD (or neither: they then share .webxcreta/box-password)',
    });
  }
  return r.status === 200 && parseServiceDoc(r.body, base).length > 0;
}
