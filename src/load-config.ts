/**
 * Reading the configuration (I/O edge): data directory, file, environment, flags — merged once,
 * validated once. Errors name the bad field, the expected value, and where it came from.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { CONFIG_FILE, STATE_DIR, configSchema, type Config } from './config.js';
import { WebxError } from './errors.js';

export interface Paths {
  dataDir: string;
  configFile: string;
  stateDir: string;
  database: string;
  outDir: string;
  /** The user's cache folder for models of supplied text (never inside a data directory). */
  cacheDir: string;
}

export interface Loaded {
  config: Config;
  paths: Paths;
}

type Env = Record<string, string | undefined>;
type Json = Record<string, unknown>;

/** `--data DIR`, else `WEBXCRETA_DATA`, else the current directory. */
export function resolveDataDir(flag: string | undefined, env: Env, cwd: string): string {
  return resolve(cwd, flag ?? env.WEBXCRETA_DATA ?? '.');
}

/**
 * What is at a data directory's path: nothing, a file, a folder, or a bot (a folder holding
 * webxcreta.config.json or .webxcreta/).
 */
export function dataDirKind(dataDir: string): 'missing' | 'file' | 'folder' | 'bot' {
  let stat;
  try {
    stat = statSync(dataDir);
  } catch {
    return 'missing';
  }
  if (!stat.isDirectory()) return 'file';
  return existsSync(join(dataDir, CONFIG_FILE)) || existsSync(join(dataDir, STATE_DIR)) ? 'bot' : 'folder';
}

/**
 * The cache folder for supplied-text models: `WEBXCRETA_CACHE_DIR`, else `$XDG_CACHE_HOME/webxcreta`,
 * else `~/.cache/webxcreta` (the XDG Base Directory default).
 */
export function cacheDirOf(env: Env): string {
  if (env.WEBXCRETA_CACHE_DIR) return resolve(env.WEBXCRETA_CACHE_DIR);
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'webxcreta');
  return join(env.HOME || homedir(), '.cache', 'webxcreta');
}

export function loadConfig(dataDir: string, env: Env = {}, overrides: Json = {}): Loaded {
  const configFile = join(dataDir, CONFIG_FILE);
  checkEnvNames(env);
  const fromFile = readConfigFile(configFile);
  const merged = deepMerge(deepMerge(fromFile, fromEnv(env)), overrides);
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new WebxError(`bad configuration: ${formatIssues(parsed.error)}`, {
      hint: `fix it in ${configFile}, in a WEBXCRETA_* environment variable, or in the flags`,
      exitCode: 2,
    });
  }
  const config = parsed.data;
  const stateDir = join(dataDir, STATE_DIR);
  return {
    config,
    paths: {
      dataDir,
      configFile,
      stateDir,
      database: join(stateDir, 'webxcreta.db'),
      outDir: resolve(dataDir, config.publish.outDir),
      cacheDir: cacheDirOf(env),
    },
  };
}

function readConfigFile(file: string): Json {
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new WebxError(`${file} is not valid JSON: ${(e as Error).message}`, {
      hint: 'fix the syntax, or delete the file to use the defaults',
      exitCode: 2,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new WebxError(`${file} must hold a JSON object`, { exitCode: 2 });
  }
  return data as Json;
}

/**
 * The WEBXCRETA_* variables that are not configuration keys: read where they are used, never
 * stored. Every other WEBXCRETA_* name must be one of the configuration's (see `configEnvNames`);
 * an unknown one is an error with a "did you mean", as an unknown key in the file is.
 */
export const NON_CONFIG_ENV: Readonly<Record<string, string>> = {
  WEBXCRETA_DATA: 'the data directory (what --data sets)',
  WEBXCRETA_CACHE_DIR: 'the cache folder for supplied-text models (default $XDG_CACHE_HOME/webxcreta, else ~/.cache/webxcreta)',
  WEBXCRETA_APP_USER: 'the AtomPub user (instead of publish.user)',
  WEBXCRETA_APP_PASSWORD: 'the AtomPub password (instead of publish.passwordFile)',
  WEBXCRETA_BOX_USER: "the box's AtomPub user",
  WEBXCRETA_BOX_PASSWORD: "the box's AtomPub password",
  WEBXCRETA_WP_USER: 'the WordPress user',
  WEBXCRETA_WP_PASSWORD: 'the WordPress Application Password',
  WEBXCRETA_DEBUG: 'print stack traces of unexpected errors',
  WEBXCRETA_TEST_CRASH_AT: 'tests only: a publish step at which the process kills itself',
  WEBXCRETA_TEST_PAUSE_AT: 'tests only: a publish step at which the process waits (to race two publishers)',
};

/**
 * `WEBXCRETA_<SECTION>_<KEY>` sets `section.key` (KEY in SNAKE_CASE for a camelCase key), e.g.
 * `WEBXCRETA_GENERATE_PARAGRAPHS=6`, `WEBXCRETA_WEIGHT_DAMPING=linear`; a nested section's keys add
 * their own part (`WEBXCRETA_PUBLISH_WORDPRESS_URL`); `WEBXCRETA_SEED` sets the seed.
 * Values are read as JSON when they parse (numbers, booleans, arrays), else as strings.
 */
export function fromEnv(env: Env): Json {
  const out: Json = {};
  for (const [name, path] of configEnvNames()) {
    const raw = env[name];
    if (raw === undefined) continue;
    setPath(out, path, parseEnvValue(raw));
  }
  return out;
}

/** Every configuration variable's name and the key path it sets, from the schema itself. */
export function configEnvNames(): Map<string, string[]> {
  const names = new Map<string, string[]>([['WEBXCRETA_SEED', ['seed']]]);
  const visit = (shape: Record<string, unknown>, path: string[]) => {
    for (const [key, schema] of Object.entries(shape)) {
      const inner = unwrapObject(schema);
      const at = [...path, key];
      if (path.length > 0 || !inner) names.set(`WEBXCRETA_${at.map(toSnake).join('_')}`, at);
      if (inner) visit(inner.shape, at);
    }
  };
  visit(configSchema.shape as Record<string, unknown>, []);
  names.delete('WEBXCRETA_VERSION');
  return names;
}

/** Unknown WEBXCRETA_* variables: a misspelt one would otherwise be silently ignored. */
export function checkEnvNames(env: Env): void {
  const known = [...configEnvNames().keys(), ...Object.keys(NON_CONFIG_ENV)];
  const unknown = Object.keys(env).filter((name) => name.startsWith('WEBXCRETA_') && env[name] !== undefined && !known.includes(name)).sort();
  if (unknown.length === 0) return;
  const described = unknown.map((name) => {
    const near = closest(name, known);
    return `${name}${near ? ` (did you mean ${near}?)` : ''}`;
  });
  throw new WebxError(`unknown environment variable${unknown.length === 1 ? '' : 's'} ${described.join(', ')}`, {
    hint: 'fix or unset it: configuration variables are WEBXCRETA_<SECTION>_<KEY> for the keys in webxcreta.config.json (see src/config.ts)',
    exitCode: 2,
    code: 'config',
  });
}

function setPath(out: Json, path: string[], value: unknown): void {
  let at = out;
  for (const part of path.slice(0, -1)) at = (at[part] = isPlain(at[part]) ? at[part] : {}) as Json;
  at[path[path.length - 1]] = value;
}

function unwrapObject(schema: unknown): z.ZodObject | undefined {
  let s = schema as z.ZodType;
  for (let i = 0; i < 4 && s; i++) {
    if (s instanceof z.ZodObject) return s;
    const def = (s as unknown as { def?: { innerType?: z.ZodType; in?: z.ZodType } }).def;
    s = (def?.innerType ?? def?.in) as z.ZodType;
  }
  return undefined;
}

/** The object schema at a key path of the configuration (for naming the keys it knows). */
function objectAt(path: PropertyKey[]): z.ZodObject | undefined {
  let at: z.ZodObject | undefined = configSchema as unknown as z.ZodObject;
  for (const part of path) at = at && unwrapObject((at.shape as Record<string, unknown>)[String(part)]);
  return at;
}

const toSnake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

function parseEnvValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The known name nearest to a misspelt one, when it is near enough to be what was meant. */
export function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.') || '(top level)';
      return `${path}: ${issue.message}${issue.code === 'unrecognized_keys' ? didYouMean(issue.path, issue.keys) : ''}`;
    })
    .join('; ');
}

/** " (did you mean "harvest"?)" for misspelt keys of the object at `path`. */
function didYouMean(path: PropertyKey[], keys: string[]): string {
  const known = Object.keys(objectAt(path)?.shape ?? {});
  const guesses = keys.map((k) => closest(k, known)).filter((k): k is string => k !== undefined);
  return guesses.length ? ` (did you mean ${guesses.map((g) => `"${g}"`).join(', ')}?)` : '';
}

function deepMerge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
