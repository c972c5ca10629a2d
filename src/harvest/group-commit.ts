/**
 * Group commit: the writes of feeds that finish at about the same time share one SQLite transaction
 * (one commit instead of one per feed, the largest cost of storing). Each feed's writes are still
 * all-or-nothing: if a shared transaction fails, each feed's writes are retried in a transaction of
 * their own, so one failing feed never takes the others down.
 */
import type { Store } from '../store/open-store.js';
import { inTransaction } from '../store/transaction.js';

export type Commit = <T>(writes: () => T) => Promise<T>;

interface Pending {
  writes: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * `windowMs` 0: writes queued in the same turn of the event loop share a transaction. Above 0: a
 * batch stays open that long after its first write (or until `maxBatch` writes), so feeds finishing
 * a few milliseconds apart share one commit too (a large run commits 10× less often).
 */
export function groupCommit(store: Store, windowMs = 0, maxBatch = 64): Commit {
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const results: unknown[] = [];
    try {
      inTransaction(store, () => {
        results.length = 0;
        for (const p of batch) results.push(p.writes());
      });
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch {
      for (const p of batch) {
        try {
          p.resolve(inTransaction(store, p.writes));
        } catch (e) {
          p.reject(e);
        }
      }
    }
  };
  return <T>(writes: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) {
        if (windowMs > 0) timer = setTimeout(flush, windowMs);
        else setImmediate(flush);
      }
      queue.push({ writes, resolve: resolve as (v: unknown) => void, reject });
      if (windowMs > 0 && queue.length >= maxBatch) setImmediate(flush);
    });
}
