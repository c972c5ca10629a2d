/**
 * Reading the configuration (I/O edge): data directory, file, environment, flags — merged once,
 * validated once. Errors name the bad field, the expected value, and where it came from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CONFIG_FILE, STATE_DIR, configSchema, type Config } from './config.js';
import { WebxError } from './errors.js';

export interface Paths {
  dataDir: string;
  configFile: string;
  stateDir: string;
  database: string;
  outDir: string;
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

export function loadConfig(dataDir: string, env: Env = {}, overrides: Json = {}): Loaded {
  const configFile = join(dataDir, CONFIG_FILE);
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
 * `WEBXCRETA_<SECTION>_<KEY>` sets `section.key` (KEY in SNAKE_CASE for a camelCase key), e.g.
 * `WEBXCRETA_GENERATE_PARAGRAPHS=6`, `WEBXCRETA_WEIGHT_DAMPING=linear`; `WEBXCRETA_SEED` sets the seed.
 * Values are read as JSON when they parse (numbers, booleans, arrays), else as strings.
 */
export function fromEnv(env: Env): Json {
  const out: Json = {};
  const shape = configSchema.shape as Record<string, unknown>;
  if (env.WEBXCRETA_SEED !== undefined) out.seed = env.WEBXCRETA_SEED;
  for (const [section, schema] of Object.entries(shape)) {
    const inner = unwrapObject(schema);
    if (!inner) continue;
    for (const key of Object.keys(inner.shape)) {
      const name = `WEBXCRETA_${toSnake(section)}_${toSnake(key)}`;
      const raw = env[name];
      if (raw === undefined) continue;
      const value = parseEnvValue(raw);
      out[section] = { ...((out[section] as Json) ?? {}), [key]: value };
    }
  }
  return out;
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

const toSnake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

function parseEnvValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.') || '(top level)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
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
