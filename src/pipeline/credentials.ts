/**
 * Secrets, read only here (from the environment the bot was started in and files the user names)
 * and passed down as plain values; never logged.
 * - The box's AtomPub credentials: WEBXCRETA_BOX_USER / WEBXCRETA_BOX_PASSWORD; without them, user
 *   `webxcreta` and a random password made once and kept in the state directory (mode 0600), so an
 *   in-process publish and a separately started `webxcreta serve` agree.
 * - The publisher's credentials for an AtomPub server: user `publish.user` or WEBXCRETA_APP_USER,
 *   password WEBXCRETA_APP_PASSWORD or the file `publish.passwordFile`.
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
  let password = env.WEBXCRETA_APP_PASSWORD;
  const file = publish.passwordFile;
  if (password === undefined && file) {
    const path = resolve(dataDir, file);
    try {
      password = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new WebxError(`cannot read the AtomPub password file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
        hint: 'check `publish.passwordFile` in webxcreta.config.json, or set WEBXCRETA_APP_PASSWORD',
        exitCode: 2,
      });
    }
  }
  if (user === undefined && password === undefined) return undefined;
  if (!user || password === undefined) {
    throw new WebxError('AtomPub credentials are incomplete: a user needs a password and a password needs a user', {
      hint: 'set `publish.user` (or WEBXCRETA_APP_USER) and WEBXCRETA_APP_PASSWORD (or `publish.passwordFile`)',
      exitCode: 2,
    });
  }
  return { user, password };
}
