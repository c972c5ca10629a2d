/**
 * Once per test run: at the end, stop the local WordPress if a test file started it
 * (test/helpers/wordpress.ts); its state folder stays, so the next run starts it warm.
 */
import { existsSync, rmSync } from 'node:fs';
import { stopWordPress, WP_STARTED_MARKER } from './helpers/wordpress.js';

export function setup(): void {
  rmSync(WP_STARTED_MARKER, { force: true });
}

export async function teardown(): Promise<void> {
  if (!existsSync(WP_STARTED_MARKER)) return;
  rmSync(WP_STARTED_MARKER, { force: true });
  await stopWordPress();
}
