/**
 * A named lock in the database (table `locks`), shared by the scheduler and one-shot runs so two of
 * them never post at once. A lock expires after its TTL (a crashed holder cannot block forever) and
 * is taken over at once when its holder on this host is no longer alive.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from './open-store.js';

export interface Lock {
  name: string;
  owner: string;
  expiresAt: string;
}

/** A token naming this process (host:pid:random), as locks and publish intents record their owner. */
export function newOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Whether the process an owner token names may still be running (one on another host is trusted). */
export function isOwnerAlive(owner: string): boolean {
  const pid = Number(owner.split(':').at(-2));
  return Number.isInteger(pid) && pid > 0 ? holderAlive(owner, pid) : false;
}

export function acquireLock(store: Store, name: string, ttlMs: number, now: Date = new Date()): Lock | undefined {
  const owner = newOwner();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  return store.transaction(() => {
    if (isLockHeld(store, name, now)) return undefined;
    store
      .prepare(
        `INSERT INTO locks (name, owner, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, pid = excluded.pid,
           acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
      )
      .run(name, owner, process.pid, now.toISOString(), expiresAt);
    return { name, owner, expiresAt };
  }).immediate();
}

/** Whether someone (alive, unexpired) holds the lock now; for a polite "skipped" before trying. */
export function isLockHeld(store: Store, name: string, now: Date = new Date()): boolean {
  const held = store.prepare('SELECT owner, pid, expires_at FROM locks WHERE name = ?').get(name) as
    | { owner: string; pid: number; expires_at: string }
    | undefined;
  return Boolean(held && held.expires_at > now.toISOString() && holderAlive(held.owner, held.pid));
}

/** Extends a lock this process holds; false when it was lost (expired and taken by another). */
export function renewLock(store: Store, lock: Lock, ttlMs: number, now: Date = new Date()): boolean {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const changed = store.prepare('UPDATE locks SET expires_at = ? WHERE name = ? AND owner = ?').run(expiresAt, lock.name, lock.owner).changes;
  if (changed) lock.expiresAt = expiresAt;
  return changed > 0;
}

/**
 * Takes the lock, waiting (polling) while another live process holds it; undefined when it is
 * still held after `waitMs`.
 */
export async function waitForLock(store: Store, name: string, ttlMs: number, options: { waitMs: number; pollMs?: number; signal?: AbortSignal }): Promise<Lock | undefined> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const lock = acquireLock(store, name, ttlMs);
    if (lock || Date.now() >= deadline) return lock;
    options.signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}

export function releaseLock(store: Store, lock: Lock): void {
  store.prepare('DELETE FROM locks WHERE name = ? AND owner = ?').run(lock.name, lock.owner);
}

export interface LockInfo {
  name: string;
  owner: string;
  pid: number;
  acquiredAt: string;
  expiresAt: string;
}

export function readLocks(store: Store): LockInfo[] {
  const rows = store.prepare('SELECT name, owner, pid, acquired_at, expires_at FROM locks ORDER BY name').all() as Array<{
    name: string; owner: string; pid: number; acquired_at: string; expires_at: string;
  }>;
  return rows.map((r) => ({ name: r.name, owner: r.owner, pid: r.pid, acquiredAt: r.acquired_at, expiresAt: r.expires_at }));
}

/** A holder on another host is trusted until its lock expires; one on this host must still run. */
function holderAlive(owner: string, pid: number): boolean {
  if (!owner.startsWith(`${hostname()}:`)) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
