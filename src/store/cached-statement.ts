/** Prepared statements cached per database handle (the harvester runs the same few thousands of times). */
import type { Statement } from 'better-sqlite3';
import type { Store } from './open-store.js';

const cache = new WeakMap<Store, Map<string, Statement>>();

export function cachedStatement(store: Store, sql: string): Statement {
  let byStore = cache.get(store);
  if (!byStore) cache.set(store, (byStore = new Map()));
  let stmt = byStore.get(sql);
  if (!stmt) byStore.set(sql, (stmt = store.prepare(sql)));
  return stmt;
}
