/**
 * What every command gets: the merged configuration, the data directory's paths, the store
 * (opened on first use), and the streams to write to. Built once per CLI invocation.
 */
import type { Config } from '../config.js';
import { loadConfig, resolveDataDir, type Paths } from '../load-config.js';
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

export interface App {
  config: Config;
  paths: Paths;
  io: Io;
  json: boolean;
  /** Opens the database on first call; later calls return the same handle. */
  store(): Store;
  /** A progress or status line on stderr (silent with --json or --quiet). */
  log(line: string): void;
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
