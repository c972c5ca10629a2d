import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/harvest/group-commit.js';
import { openStore } from '../../src/store/open-store.js';

const insert = (store: ReturnType<typeof openStore>, id: string) => () => {
  store.prepare('INSERT INTO sources (id, url, added_at) VALUES (?, ?, ?)').run(id, `http://x/${id}`, '2024-01-01');
  return id;
};

describe('groupCommit', () => {
  it('should run writes queued together in one transaction and resolve each with its result', async () => {
    const store = openStore(':memory:');
    const commit = groupCommit(store);
    const inTransaction: boolean[] = [];
    const write = (id: string) => () => {
      inTransaction.push(store.inTransaction);
      return insert(store, id)();
    };
    expect(await Promise.all(['a', 'b', 'c'].map((id) => commit(write(id))))).toEqual(['a', 'b', 'c']);
    expect(inTransaction).toEqual([true, true, true]);
    expect(store.prepare('SELECT id FROM sources ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
    store.close();
  });

  it('should keep the other writes when one of the batch fails, and roll back all of the failing one', async () => {
    const store = openStore(':memory:');
    const commit = groupCommit(store);
    const failing = () => {
      insert(store, 'half')();
      throw new Error('disk full');
    };
    const settled = await Promise.allSettled([commit(insert(store, 'a')), commit(failing), commit(insert(store, 'b'))]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.prepare('SELECT id FROM sources ORDER BY id').pluck().all()).toEqual(['a', 'b']);
    store.close();
  });
});

describe('groupCommit with a window', () => {
  it('should put writes queued a few milliseconds apart in one transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webxcreta-group-commit-'));
    const store = openStore(join(dir, 'db.sqlite'));
    const reader = openStore(join(dir, 'db.sqlite'));
    const commit = groupCommit(store, 50);
    // What another connection sees while the second write runs: 'a' is not visible until the shared commit.
    let seenBySecond: unknown[] = [];
    const first = commit(insert(store, 'a'));
    await new Promise((r) => setTimeout(r, 5));
    const second = commit(() => {
      seenBySecond = reader.prepare('SELECT id FROM sources').pluck().all();
      return insert(store, 'b')();
    });
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(seenBySecond).toEqual([]);
    expect(reader.prepare('SELECT id FROM sources ORDER BY id').pluck().all()).toEqual(['a', 'b']);
    reader.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
