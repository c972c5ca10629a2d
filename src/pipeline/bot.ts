/**
 * What the wiring layer works with: one bot's merged configuration, its data directory's paths,
 * its store (opened on first use), the environment it was started in (for secrets, read only in
 * `credentials.ts`) and a line logger. The CLI builds one per invocation; stage and edge functions
 * below never see it: the pipeline hands each the slices it uses.
 */
import type { Config } from '../config.js';
import type { Paths } from '../load-config.js';
import type { Store } from '../store/open-store.js';

export type Env = Record<string, string | undefined>;

export interface Bot {
  config: Config;
  paths: Paths;
  env: Env;
  /** Opens the database on first call; later calls return the same handle. */
  store(): Store;
  /** A progress or status line for the user (stderr; silent with --json or --quiet). */
  log(line: string): void;
}
