/**
 * Transactions for callers outside the store: `fn` runs in one SQLite transaction (a savepoint when
 * one is already open), committed when it returns and rolled back when it throws.
 */
import type { Store } from './open-store.js';

export function inTransaction<T>(store: Store, fn: () => T): T {
  return store.transaction(fn)();
}
