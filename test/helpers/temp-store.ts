import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/open-store.js';
import { makeTempDir } from './temp-dir.js';

/** A fresh store in its own temporary folder (a real SQLite file in WAL mode), and its removal. */
export function makeTempStore(): { store: Store; file: string; remove(): void } {
  const tmp = makeTempDir('webxcreta-store-');
  const file = join(tmp.dir, 'db.sqlite');
  const store = openStore(file);
  return {
    store,
    file,
    remove: () => {
      if (store.open) store.close();
      tmp.remove();
    },
  };
}
