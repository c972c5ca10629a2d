/**
 * Secrets, read only here (from the environment the bot was started in and files the user names)
 * and passed down as plain values; never logged.
 * - The box's AtomPub credentials: WEBXCRETA_BOX_USER / WEBXCRETA_BOX_PASSWORD; without them, user
 *   `webxcreta` and a random password made once and kept in the state directory (mode 0600), so an
 *   in-process publish and a separately started `webxcreta serve` agree.
 * - The publisher's credentials for an AtomPub server: user `publish.user` or WEBXCRETA_APP_USER,
 *   password WEBXCRETA_APP_PASSWORD or the file `publish.passwordFile`.
 * - For WordPress: user `publish.wordpress.user` or WEBXCRETA_WP_USER, Application Password
 *   WEBXCRETA_WP_PASSWORD or the file `publish.wordpress.passwordFile`.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Credentials } from '../atom/types.js';
import { WebxError } from '../errors.js';
import type { Config } from '../config.js';
import type { Env } from './bot.js';

export const BOX_USER = 'webxcreta';
const BOX_PASSWORD_FILE = 'box-password';

export function resolveBoxCredentials(env: Env, stateDir: string): Credentials {
  if (env.WEBXCRETA_BOX_PASSWORD) return { user: env.WEBXCRETA_BOX_USER || BOX_USER, password: env.WEBXCRETA_BOX_PASSWORD };
  return { user: env.WEBXCRETA_BOX_USER || BOX_USER, password: storedBoxPassword(stateDir) };
}

function storedBoxPassword(stateDir: string): string {
  const file = join(stateDir, BOX_PASSWORD_FILE);
  mkdirSync(stateDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

export function resolveAppCredentials(publish: Pick<Config['publish'], 'user' | 'passwordFile'>, env: Env, dataDir: string): Credentials | undefined {
  const user = publish.user ?? env.WEBXCRETA_APP_USER;
  const password = env.WEBXCRETA_APP_PASSWORD ?? readPasswordFile(publish.passwordFile, dataDir, 'AtomPub password file', '`publish.passwordFile` in webxcreta.config.json, or set WEBXCRETA_APP_PASSWORD');
  if (user === undefined && password === undefined) return undefined;
  if (!user || password === undefined) {
    throw new WebxError('AtomPub credentials are incomplete: a user needs a password and a password needs a user', {
      hint: 'set `publish.user` (or WEBXCRETA_APP_USER) and WEBXCRETA_APP_PASSWORD (or `publish.passwordFile`)',
      exitCode: 2,
    });
  }
  return { user, password };
}

/** WordPress always needs both: a user and one of its Application Passwords. */
export function resolveWordPressCredentials(wordpress: Pick<Config['publish']['wordpress'], 'user' | 'passwordFile'>, env: Env, dataDir: string): Credentials {
  const user = wordpress.user ?? env.WEBXCRETA_WP_USER;
  const password =
    env.WEBXCRETA_WP_PASSWORD ?? readPasswordFile(wordpress.passwordFile, dataDir, 'WordPress password file', '`publish.wordpress.passwordFile` in webxcreta.config.json, or set WEBXCRETA_WP_PASSWORD');
  if (!user || !password) {
    throw new WebxError(`publishing to WordPress needs ${!user ? 'a user' : 'an Application Password'}`, {
      hint: 'set `publish.wordpress.user` (or WEBXCRETA_WP_USER) and an Application Password of that user (WordPress: Users → Profile → Application Passwords) in WEBXCRETA_WP_PASSWORD or `publish.wordpress.passwordFile`',
      exitCode: 2,
    });
  }
  return { user, password };
}

/** The secrets this bot may hold (passwords from the environment and readable password files), to keep out of logs and stored errors. */
export function knownSecrets(config: Config, env: Env, dataDir: string): string[] {
  const files = [config.publish.passwordFile, config.publish.wordpress.passwordFile].map((f) => {
    try {
      return readPasswordFile(f, dataDir, '', '');
    } catch {
      return undefined;
    }
  });
  return [env.WEBXCRETA_APP_PASSWORD, env.WEBXCRETA_WP_PASSWORD, env.WEBXCRETA_BOX_PASSWORD, ...files].filter((s): s is string => Boolean(s));
}

/** The environment without the bot's secrets, for commands it runs. */
export function withoutSecrets(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^WEBXCRETA_.*(PASSWORD|SECRET|TOKEN)/.test(k)));
}

function readPasswordFile(file: string | undefined, dataDir: string, what: string, fix: string): string | undefined {
  if (!file) return undefined;
  const path = resolve(dataDir, file);
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    throw new WebxError(`cannot read the ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint: `check ${fix}`, exitCode: 2 });
  }
}
