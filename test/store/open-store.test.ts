import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestVersion } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('openStore', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.remove());

  it('should create the database with every migration applied', () => {
    const file = join(tmp.dir, 'state', 'db.sqlite');
    const db = openStore(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['sources', 'documents', 'analyses', 'posts', 'publications', 'runs', 'locks']));
    db.close();
    const again = openStore(file);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion);
    again.close();
  });

  it('should refuse a database from a newer version without touching it', () => {
    const file = join(tmp.dir, 'db.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.exec('CREATE TABLE keep (x)');
    raw.close();
    expect(() => openStore(file)).toThrow(/newer webXcreta/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    check.close();
  });

  it('should explain a file that is not a database', () => {
    const file = join(tmp.dir, 'db.sqlite');
    writeFileSync(file, 'this is not sqlite at all, just text that goes on for a while '.repeat(100));
    expect(() => openStore(file)).toThrow(/not a readable SQLite database|cannot open/);
  });
});
