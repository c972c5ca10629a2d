/**
 * What every command gets: the merged configuration, the data directory's paths, the store
 * (opened on first use), and the streams to write to. Built once per CLI invocation.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { WebxError } from '../errors.js';
import { dataDirKind, loadConfig, resolveDataDir } from '../load-config.js';
import type { Bot } from '../pipeline/bot.js';
import { openStore, type Store } from '../store/open-store.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface GlobalOptions {
  data?: string;
  json?: boolean;
  quiet?: boolean;
}

/** A Bot (what the pipeline works with) plus the CLI's own streams and output mode. */
export interface App extends Bot {
  io: Io;
  json: boolean;
  /** Aborted by Ctrl-C (or SIGTERM): long work passes it on and stops at its next step. */
  signal?: AbortSignal;
  close(): void;
}

/**
 * What a command may do to its data directory:
 * - `create`: make the bot when there is none (`run`, `harvest`, `feeds add/import`, `init`): a
 *   missing folder is created;
 * - `use`: work on an existing bot (a folder with webxcreta.config.json or .webxcreta/), whose state
 *   it may write;
 * - `read`: look only (`status`, `posts list`, `inspect`, …): never creates a file; where there is
 *   no database yet, it reads an empty one in memory.
 * A `--data` that is a file, or (except for `create`) does not exist, is a usage error (exit 2).
 */
export type Access = 'create' | 'use' | 'read';

export function createApp(globals: GlobalOptions, io: Io, overrides: Record<string, unknown> = {}, access: Access = 'create'): App {
  const dataDir = resolveDataDir(globals.data, io.env, io.cwd);
  checkDataDir(dataDir, access, globals.data !== undefined ? '--data' : io.env.WEBXCRETA_DATA !== undefined ? 'WEBXCRETA_DATA' : 'the current folder');
  const { config, paths } = loadConfig(dataDir, io.env, overrides);
  if (access === 'create') mkdirSync(dataDir, { recursive: true });
  const readOnly = access === 'read' && !existsSync(paths.database);
  let db: Store | undefined;
  const json = Boolean(globals.json);
  return {
    config,
    paths,
    env: io.env,
    io,
    json,
    // Reading a folder that holds no database yet: an empty one in memory, so nothing is created.
    store: () => (db ??= openStore(readOnly ? ':memory:' : paths.database)),
    log: (line) => {
      if (!json && !globals.quiet) io.stderr.write(`${line}\n`);
    },
    close: () => {
      db?.close();
      db = undefined;
    },
  };
}

function checkDataDir(dataDir: string, access: Access, named: string): void {
  const kind = dataDirKind(dataDir);
  const init = named === '--data' ? `webxcreta --data ${dataDir} init` : 'webxcreta init';
  if (kind === 'file') {
    throw new WebxError(`the data directory ${dataDir} (${named}) is a file, not a folder`, {
      hint: 'point --data (or WEBXCRETA_DATA) at the folder that holds the bot: its webxcreta.config.json and .webxcreta/',
      exitCode: 2,
    });
  }
  if (kind === 'missing' && access !== 'create') {
    throw new WebxError(`there is no data directory ${dataDir} (${named})`, {
      hint: `check the path, or make a bot there first with \`${init}\` (or \`run\`)`,
      exitCode: 2,
    });
  }
  if (kind === 'folder' && access === 'use') {
    throw new WebxError(`${dataDir} holds no bot (no webxcreta.config.json or .webxcreta/ in it)`, {
      hint: `make one there with \`${init}\` (or \`run\`), or point --data at a bot's folder`,
      exitCode: 2,
    });
  }
}
