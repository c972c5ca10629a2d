/**
 * The golden fidelity suite: each feed of test/fixtures/harvest/fidelity/<class>/ harvested into a
 * store must give exactly its .expected.json documents (titles, content, dates, encodings, identity,
 * formats). `npm run bench:fidelity` prints the same suite as a pass table beside rss-parser alone.
 */
import { describe, expect, it } from 'vitest';
import { compareCase, loadCases } from './helpers/fidelity-suite.js';
import { harvestIntoStore } from './helpers/harvest-into-store.js';

const cases = loadCases();

describe('harvest fidelity', () => {
  it('should have fixtures for every class', () => {
    expect(new Set(cases.map((c) => c.cls))).toEqual(new Set(['content', 'dates', 'encodings', 'formats', 'identity', 'titles']));
  });

  for (const cls of [...new Set(cases.map((c) => c.cls))]) {
    describe(cls, () => {
      it.each(cases.filter((c) => c.cls === cls).map((c) => [c.name, c] as const))('%s', async (_, c) => {
        const got = await harvestIntoStore(c.bytes, { contentType: c.expected.contentType, url: `http://fixtures.example/${c.cls}/${c.name}.xml` });
        expect(compareCase(c.expected, got).problems).toEqual([]);
      });
    });
  }
});
