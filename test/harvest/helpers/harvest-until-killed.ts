/**
 * Run with tsx by harvest-feeds.kill.test.ts: harvests `count` feeds from `server` into the database
 * at `db`, printing "harvesting" when it starts, so the test can kill it mid-run with SIGKILL.
 */
import { defaults } from '../../../src/config.js';
import { addSource, harvestFeeds } from '../../../src/harvest/index.js';
import { openStore } from '../../../src/store/open-store.js';

const [db, server, count] = process.argv.slice(2);
const store = openStore(db);
for (let n = 0; n < Number(count); n++) addSource(store, `${server}/feed/${n}.xml`);
process.stdout.write('harvesting\n');
await harvestFeeds(store, undefined, { ...defaults.harvest, comments: false, concurrency: 4, perHostConcurrency: 4 });
process.stdout.write('done\n');
