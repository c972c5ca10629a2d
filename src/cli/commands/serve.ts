/** `webxcreta serve`: run the box (the bot's own blog: pages, feeds, comments, AtomPub) until stopped. */
import type { Command } from 'commander';
import { serveBox } from '../../pipeline/serve-box.js';
import { WebxError } from '../../errors.js';
import { isLoopback } from '../../publish/app-client.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';
import { waitForShutdown } from './wait-for-shutdown.js';

export const registerServe: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('serve')
    .description('serve the bot\'s own blog (HTML, Atom feeds, comments, AtomPub) until Ctrl-C')
    .option('--host <host>', 'address to listen on (default: box.host, 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: box.port, 8080; 0 picks a free one)')
    .addHelpText('after', '\nExamples:\n  webxcreta serve\n  WEBXCRETA_BOX_PASSWORD=… webxcreta serve --host 0.0.0.0 --port 8080\n\nAtomPub: service document at /app, Basic auth with WEBXCRETA_BOX_USER/WEBXCRETA_BOX_PASSWORD\n(default user "webxcreta" and a password kept in .webxcreta/box-password).')
    .action(
      withApp(io, async (app, flags: { host?: string; port?: string }) => {
        const port = flags.port === undefined ? app.config.box.port : Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new WebxError(`--port must be a port number (0–65535), not ${flags.port}`, { exitCode: 2 });
        }
        const host = flags.host ?? app.config.box.host;
        const box = await serveBox(app, { host, port });
        if (!app.config.publish.baseUrl && !isLoopback(host)) {
          app.log(`links in pages and feeds say ${box.url}; set publish.baseUrl to the address readers use`);
        }
        emit(app, { ok: true, url: box.url, service: `${box.url}app`, feed: `${box.url}feed.atom` }, (r) => `serving ${r.url} (feed ${r.feed}, AtomPub ${r.service}); Ctrl-C stops`);
        await waitForShutdown();
        await box.close();
        app.log('box stopped');
      }, undefined, 'use', { signals: 'own' }),
    );
};
