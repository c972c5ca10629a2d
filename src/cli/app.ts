/**
 * What every command gets: the merged configuration, the data directory's paths, the store
 * (opened on first use), and the streams to write to. Built once per CLI invocation.
 */
import { loadConfig, resolveDataDir } from '../load-config.js';
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
  close(): void;
}

export function createApp(globals: GlobalOptions, io: Io, overrides: Record<string, unknown> = {}): App {
  const dataDir = resolveDataDir(globals.data, io.env, io.cwd);
  const { config, paths } = loadConfig(dataDir, io.env, overrides);
  let db: Store | undefined;
  const json = Boolean(globals.json);
  return {
    config,
    paths,
    env: io.env,
    io,
    json,
    store: () => (db ??= openStore(paths.database)),
    log: (line) => {
      if (!json && !globals.quiet) io.stderr.write(`${line}\n`);
    },
    close: () => {
      db?.close();
      db = undefined;
    },
  };
}
