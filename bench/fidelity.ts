/**
 * Fidelity benchmark: the project's golden fixture suite (test/fixtures/harvest/fidelity/, the cases
 * test/harvest/fidelity.test.ts asserts) run in the same process against webXcreta's harvester (decode,
 * repair, parse, HTML→text, entry keys, SQLite rows) and against rss-parser alone (bytes read as UTF-8,
 * as its parseURL does; title, contentSnippet, isoDate, link, guid ?? id), printed as pass tables by
 * class. Also the time per case of each, for scale.
 *   npm run bench:fidelity            (--fails: list every failing field)
 */
import Parser from 'rss-parser';
import { failureReport, loadCases, passTable, runSuite, type HarvestResult } from '../test/harvest/helpers/fidelity-suite.js';
import { harvestIntoStore } from '../test/harvest/helpers/harvest-into-store.js';

const parser = new Parser();
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v === undefined || v === null ? undefined : typeof v === 'object' && typeof (v as { _?: unknown })._ === 'string' ? (v as { _: string })._ : JSON.stringify(v);

async function rssParserAlone(bytes: Buffer): Promise<HarvestResult> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(bytes.toString('utf8'));
  } catch (e) {
    return { error: String((e as Error).message).split('\n')[0] };
  }
  return {
    entries: (feed.items ?? []).map((it) => ({
      title: str(it.title),
      text: str(it.contentSnippet) ?? str((it as Record<string, unknown>).summary),
      published: it.isoDate ?? null,
      link: str(it.link) ?? null,
      id: str(it.guid) ?? str((it as Record<string, unknown>).id) ?? null,
    })),
  };
}

const cases = loadCases();
const timed = async (h: Parameters<typeof runSuite>[0]) => {
  const t = performance.now();
  const results = await runSuite(h, cases);
  return { results, msPerCase: (performance.now() - t) / cases.length };
};
const ours = await timed(harvestIntoStore);
const alone = await timed(rssParserAlone);
const version = (await import('rss-parser/package.json', { with: { type: 'json' } })).default.version as string;

console.log(`fidelity benchmark: ${cases.length} golden cases (${[...new Set(cases.map((c) => c.cls))].join(', ')}), node ${process.version}, ${new Date().toISOString()}\n`);
console.log(passTable(ours.results, 'webXcreta harvester'));
console.log();
console.log(passTable(alone.results, `rss-parser ${version} alone`));
console.log(`\ntime per case: webXcreta ${ours.msPerCase.toFixed(1)} ms (into a fresh SQLite store each), rss-parser ${alone.msPerCase.toFixed(1)} ms`);
if (process.argv.includes('--fails')) {
  console.log(`\nwebXcreta failures:\n${failureReport(ours.results) || '(none)'}`);
  console.log(`\nrss-parser failures:\n${failureReport(alone.results) || '(none)'}`);
}
