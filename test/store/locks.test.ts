import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireLock, readLocks, releaseLock, renewLock } from '../../src/store/locks.js';
import { openStore } from '../../src/store/open-store.js';

const at = (iso: string) => new Date(iso);

describe('acquireLock', () => {
  it('should give the lock to one holder at a time and free it on release', () => {
    const store = openStore(':memory:');
    const a = acquireLock(store, 'pipeline', 60_000, at('2026-01-01T00:00:00Z'));
    expect(a).toMatchObject({ name: 'pipeline', expiresAt: '2026-01-01T00:01:00.000Z' });
    expect(acquireLock(store, 'pipeline', 60_000, at('2026-01-01T00:00:30Z'))).toBeUndefined();
    expect(acquireLock(store, 'other', 60_000, at('2026-01-01T00:00:30Z'))).toBeDefined();
    releaseLock(store, a!);
    expect(acquireLock(store, 'pipeline', 60_000, at('2026-01-01T00:00:31Z'))).toBeDefined();
  });

  it('should take over an expired lock, and a renewed one only after its new expiry', () => {
    const store = openStore(':memory:');
    const a = acquireLock(store, 'pipeline', 60_000, at('2026-01-01T00:00:00Z'))!;
    expect(renewLock(store, a, 60_000, at('2026-01-01T00:00:50Z'))).toBe(true);
    expect(acquireLock(store, 'pipeline', 60_000, at('2026-01-01T00:01:10Z'))).toBeUndefined();
    const b = acquireLock(store, 'pipeline', 60_000, at('2026-01-01T00:01:51Z'));
    expect(b).toBeDefined();
    expect(renewLock(store, a, 60_000, at('2026-01-01T00:01:52Z'))).toBe(false);
    releaseLock(store, a);
    expect(readLocks(store).map((l) => l.owner)).toEqual([b!.owner]);
  });

  it('should take over at once a lock whose holder on this host has died', () => {
    const store = openStore(':memory:');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    const hostOwner = `${acquireLock(store, 'probe', 1)!.owner.split(':')[0]}:${pid}:dead`;
    store
      .prepare('INSERT INTO locks (name, owner, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run('pipeline', hostOwner, pid, '2026-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z');
    expect(acquireLock(store, 'pipeline', 60_000)).toBeDefined();
  });
});
