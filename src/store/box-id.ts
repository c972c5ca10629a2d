/**
 * Which database a box serves: a random id kept in the `meta` table and sent by the box in the
 * `X-Webxcreta-Box` header. A publisher uses the box at the configured port only when it serves
 * its own database; another bot's box there is left alone.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from './open-store.js';

export const BOX_ID_HEADER = 'x-webxcreta-box';

export function boxIdOf(store: Store): string {
  store.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('box_id', ?)").run(randomBytes(9).toString('base64url'));
  return (store.prepare("SELECT value FROM meta WHERE key = 'box_id'").get() as { value: string }).value;
}
