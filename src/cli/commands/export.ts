/** `webxcreta export DIR`: write the blog as static files (HTML pages + Atom feed) for any static host. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { blogOf, exportBlog } from '../../publish/index.js';
import { modelFileOf } from '../../pipeline/refresh-model.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

export const registerExport: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('export')
    .argument('[dir]', 'output folder (default: publish.outDir in the data directory)')
    .description('write the blog as static HTML pages and an Atom feed')
    .addHelpText('after', '\nExamples:\n  webxcreta export site/\n  webxcreta export --json\n\nLinks use publish.baseUrl (set it to where the files will be served).')
    .action(
      withApp(io, async (app, dir: string | undefined) => {
        const outDir = dir ? resolve(app.io.cwd, dir) : app.paths.outDir;
        const result = exportBlog(app.store(), outDir, blogOf(app.config.publish, app.config.box), { damping: app.config.weight.damping, modelFile: modelFileOf(app.paths.stateDir) });
        emit(app, { ok: true, ...result }, (r) => `exported ${r.posts} post${r.posts === 1 ? '' : 's'} to ${r.pagesDir}\nfeed: ${r.feedFile}`);
      }),
    );
};
