/**
 * Test hook: when the environment names a point of the publish exchange in WEBXCRETA_TEST_CRASH_AT,
 * the process kills itself with SIGKILL there, so tests can prove a rerun never double-posts.
 */
import type { App } from '../cli/app.js';

export type CrashPoint = 'before-intent' | 'after-intent' | 'request-sent' | 'after-response' | 'after-record';

export function crashAt(app: App, point: CrashPoint): void {
  if (app.io.env.WEBXCRETA_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
