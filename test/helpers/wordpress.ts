/**
 * A real WordPress on 127.0.0.1 for the publish tests (scripts/wordpress-local.sh: Debian's
 * wordpress + mariadb-server, PHP's built-in server). Its state lives in a folder under the
 * system's temp directory named after this checkout, so it is reused across test files and runs
 * (a warm start takes seconds); the port it got first is kept. test/global-setup.ts stops it at
 * the end of the test run when a test started it.
 */
import { freePort } from './free-port.js';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WP_SCRIPT = join(ROOT, 'scripts', 'wordpress-local.sh');
/** Short (the MariaDB socket path must stay under 100 characters) and one per checkout. */
export const WP_STATE_DIR = join(tmpdir(), `webxcreta-wp-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`);
/** Written when a test started WordPress: the global teardown then stops it. */
export const WP_STARTED_MARKER = `${WP_STATE_DIR}.started`;

export interface WordPress {
  baseUrl: string;
  user: string;
  appPassword: string;
  restUrl: string;
  /** Runs the script with a command (reset, status…) against this instance. */
  script(command: string, env?: Record<string, string>): Promise<string>;
}

export async function startWordPress(options: { muPlugin?: boolean } = {}): Promise<WordPress> {
  const portFile = join(WP_STATE_DIR, 'php.port');
  const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : await freePort();
  const env = (p: number, extra: Record<string, string> = {}) => ({
    WP_STATE_DIR,
    WP_PORT: String(p),
    WP_MU_PLUGIN: options.muPlugin === false ? '0' : '1',
    ...extra,
  });
  let used = port;
  let out: string;
  try {
    out = await run(['start'], env(port));
  } catch (e) {
    // The port kept from an earlier run may have been taken by something else since.
    if (!/already in use/.test((e as Error).message)) throw e;
    used = await freePort();
    out = await run(['start'], env(used));
  }
  writeFileSync(WP_STARTED_MARKER, String(process.pid));
  const info = JSON.parse(out.trim().split('\n').pop()!) as { baseUrl: string; user: string; appPassword: string; restUrl: string };
  return { ...info, script: (command, extra) => run([command], env(used, extra)) };
}

export async function stopWordPress(): Promise<void> {
  await run(['stop'], { WP_STATE_DIR });
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [WP_SCRIPT, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wordpress-local.sh ${args.join(' ')} failed: ${stderr.split('\n').slice(-15).join('\n')}`));
      else resolve(stdout);
    });
  });
}


/** Basic auth for the test's own requests to the REST API. */
export const wpAuth = (wp: Pick<WordPress, 'user' | 'appPassword'>) => `Basic ${Buffer.from(`${wp.user}:${wp.appPassword}`).toString('base64')}`;
