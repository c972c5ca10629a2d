/**
 * Group commit: the writes of feeds that finish at about the same time share one SQLite transaction
 * (one commit instead of one per feed, the largest cost of storing). Each feed's writes are still
 * all-or-nothing: if a shared transaction fails, each feed's writes are retried in a transaction of
 * their own, so one failing feed never takes the others down.
 */
import type { Store } from '../store/open-store.js';

export type Commit = <T>(writes: () => T) => Promise<T>;

interface Pending {
  writes: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export function groupCommit(store: Store): Commit {
  let queue: Pending[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    const results: unknown[] = [];
    try {
      store.transaction(() => {
        results.length = 0;
        for (const p of batch) results.push(p.writes());
      })();
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch {
      for (const p of batch) {
        try {
          p.resolve(store.transaction(p.writes)());
        } catch (e) {
          p.reject(e);
        }
      }
    }
  };
  return <T>(writes: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ writes, resolve: resolve as (v: unknown) => void, reject });
    });
}
