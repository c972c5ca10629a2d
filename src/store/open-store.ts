/**
 * The bot's state: one SQLite database per data directory (better-sqlite3, WAL mode). Opening it
 * applies pending migrations; a database written by a newer webXcreta is refused, never touched.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { WebxError } from '../errors.js';
import { latestVersion, migrations } from './migrations/index.js';

export type Store = Database.Database;

export function openStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Store;
  try {
    db = new Database(file, { timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    throw new WebxError(`cannot open the database ${file}: ${(e as Error).message}`, {
      hint: 'check that the file is a webXcreta database and that you may write to its folder',
      cause: e,
    });
  }
  migrate(db, file);
  return db;
}

function migrate(db: Store, file: string): void {
  let current: number;
  try {
    current = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    db.close();
    throw new WebxError(`${file} is not a readable SQLite database: ${(e as Error).message}`, {
      hint: 'move it aside and run again to start a fresh database (harvested text will be fetched again)',
      cause: e,
    });
  }
  if (current > latestVersion) {
    db.close();
    throw new WebxError(
      `${file} was written by a newer webXcreta (schema version ${current}; this one knows up to ${latestVersion})`,
      { hint: 'upgrade webXcreta, or use another data directory with --data' },
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
