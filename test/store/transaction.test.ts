import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { addSource, listSources } from '../../src/store/sources.js';
import { inTransaction } from '../../src/store/transaction.js';
import { makeTempStore } from '../helpers/temp-store.js';

describe('inTransaction', () => {
  let t: ReturnType<typeof makeTempStore>;
  beforeEach(() => (t = makeTempStore()));
  afterEach(() => t.remove());

  it('should commit what fn wrote and return its result, unseen by another connection until then', () => {
    const reader = openStore(t.file);
    let seenInside: number | undefined;
    const result = inTransaction(t.store, () => {
      addSource(t.store, 'http://a.example/feed');
      expect(t.store.inTransaction).toBe(true);
      seenInside = listSources(reader).length;
      return 'done';
    });
    expect(result).toBe('done');
    expect(seenInside).toBe(0);
    expect(t.store.inTransaction).toBe(false);
    expect(listSources(reader).map((s) => s.url)).toEqual(['http://a.example/feed']);
    reader.close();
  });

  it('should roll back everything fn wrote when it throws, and rethrow', () => {
    addSource(t.store, 'http://kept.example/feed');
    expect(() =>
      inTransaction(t.store, () => {
        addSource(t.store, 'http://lost.example/feed');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(listSources(t.store).map((s) => s.url)).toEqual(['http://kept.example/feed']);
  });

  it('should roll back only the inner part when nested inside another transaction', () => {
    inTransaction(t.store, () => {
      addSource(t.store, 'http://outer.example/feed');
      try {
        inTransaction(t.store, () => {
          addSource(t.store, 'http://inner.example/feed');
          throw new Error('inner');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(listSources(t.store).map((s) => s.url)).toEqual(['http://outer.example/feed']);
  });
});
