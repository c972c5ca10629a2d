/**
 * `webxcreta init [DIR]`: make a bot in a folder (the data directory, or DIR): the folder, its
 * webxcreta.config.json (only `version`; every other field has its default) and its database in
 * .webxcreta/. Idempotent: an existing bot is left as it is.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config.js';
import { WebxError } from '../../errors.js';
import { createApp, type GlobalOptions, type Io } from '../app.js';
import { emit } from '../output.js';
import type { RegisterCommand } from './index.js';

export interface InitOutput {
  ok: true;
  dataDir: string;
  configFile: string;
  database: string;
  /** False when the folder already held a bot (nothing was changed). */
  created: boolean;
}

export const registerInit: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('init')
    .description('make a bot in a folder: the folder, its webxcreta.config.json and its database (.webxcreta/)')
    .argument('[dir]', 'the folder (default: --data, $WEBXCRETA_DATA, else the current folder)')
    .addHelpText('after', '\nExamples:\n  webxcreta init ~/bots/travel\n  webxcreta --data ~/bots/travel init\n\nThen: webxcreta --data ~/bots/travel run')
    .action(async (dir: string | undefined, _flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals() as GlobalOptions;
      if (dir !== undefined && globals.data !== undefined && resolve(io.cwd, dir) !== resolve(io.cwd, globals.data)) {
        throw new WebxError(`init was given two folders: ${dir} and --data ${globals.data}`, { hint: 'give one of them', exitCode: 2 });
      }
      const app = createApp(dir === undefined ? globals : { ...globals, data: dir }, io, {}, 'create');
      try {
        const { configFile, database, dataDir } = app.paths;
        const created = !existsSync(database);
        if (!existsSync(configFile)) writeFileSync(configFile, `${JSON.stringify({ version: 1 }, null, 2)}\n`);
        app.store();
        const at = relative(io.cwd, dataDir) || '.';
        const data = dataDir === resolve(io.cwd) ? '' : ` --data ${at}`;
        emit<InitOutput>(app, { ok: true, dataDir, configFile, database, created }, (r) =>
          [
            r.created ? `made a bot in ${r.dataDir}` : `${r.dataDir} already holds a bot; nothing changed`,
            `  config:   ${r.configFile} (every field is optional; see the README's Configuration)`,
            `  database: ${r.database}`,
            `next: \`webxcreta${data} run\` (harvest, write and publish a post), or \`webxcreta${data} feeds add URL\``,
          ].join('\n'),
        );
      } finally {
        app.close();
      }
    });
};
