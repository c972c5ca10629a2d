/**
 * Hostile-feed benchmark (issue 10, items 1 and 8): each hostile feed of test/harvest/helpers/hostile-feeds.ts
 * harvested in one run beside three normal feeds (50 items each), from a loopback server in this
 * process, with extraction in the main thread (extractWorkers 0) and in one worker. Each case runs in
 * a child process of its own, so its peak memory is its own: the hostile feed's time and outcome, the
 * normal feeds' slowest time (against the same harvest without the hostile feed), the main thread's
 * worst event-loop lag, and the child's RSS high-water mark.
 *   npm run bench:hostile
 * Target: each hostile feed a clear per-feed error in < 2 s, peak RSS < 300 MB, normal feeds in their normal time.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { defaults } from '../src/config.js';
import { createExtractPool } from '../src/harvest/extract-pool.js';
import { harvestFeeds } from '../src/harvest/index.js';
import { openStore } from '../src/store/open-store.js';
import { HOSTILE_FEEDS, normalFeed } from '../test/harvest/helpers/hostile-feeds.js';

const NORMAL = ['/normal-a.xml', '/normal-b.xml', '/normal-c.xml'];

interface Measured {
  hostileMs?: number;
  outcome?: string;
  normalMs: number;
  normalOk: boolean;
  lagMs: number;
  peakMb: number;
}

if (process.env.HOSTILE_CHILD) {
  const base = process.env.HOSTILE_BASE!;
  const path = process.env.HOSTILE_PATH!;
  const extractWorkers = Number(process.env.HOSTILE_WORKERS);
  if (extractWorkers > 0) {
    // A warm worker, as in a daemon or a long run: its start-up (seconds under tsx on a busy machine) is no feed's time.
    const warm = createExtractPool(extractWorkers);
    await warm.extract({ bytes: Buffer.from(normalFeed(1)), url: `${base}/warm.xml` });
    await warm.close();
  }
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const store = openStore(':memory:');
  const urls = [...(path === 'none' ? [] : [path]), ...NORMAL].map((p) => `${base}${p}`);
  const report = await harvestFeeds(store, urls, { ...defaults.harvest, comments: false, extractWorkers });
  lag.disable();
  store.close();
  const hostile = path === 'none' ? undefined : report.feeds[0];
  const normals = report.feeds.filter((f) => NORMAL.some((p) => f.url.endsWith(p)));
  const result: Measured = {
    hostileMs: hostile?.ms,
    outcome: hostile ? (hostile.outcome === 'error' ? `error: ${hostile.error}` : `${hostile.outcome}: ${hostile.newItems} items`) : undefined,
    normalMs: Math.max(...normals.map((f) => f.ms)),
    normalOk: normals.every((f) => f.outcome === 'new' && f.newItems === 50),
    lagMs: lag.max / 1e6,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
  process.send!(result, () => process.exit(0));
} else {
  const bodies = new Map<string, Buffer>([...Object.entries(HOSTILE_FEEDS).filter(([p]) => p !== '/normal.xml').map(([p, make]) => [p, Buffer.from(make())] as const), ...NORMAL.map((p) => [p, Buffer.from(normalFeed(50).replace(/Post |p-|\/p\//g, (m) => `${m}${p.slice(8, 9)}`))] as const)]);
  const server = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const run = (path: string, workers: number) =>
    new Promise<Measured>((resolve, reject) => {
      const child = fork(new URL(import.meta.url), { env: { ...process.env, HOSTILE_CHILD: '1', HOSTILE_BASE: base, HOSTILE_PATH: path, HOSTILE_WORKERS: String(workers) }, execArgv: ['--import', 'tsx'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('message', (m) => resolve(m as Measured));
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`case ${path} died: ${signal ?? code}`));
      });
    });
  console.log(`hostile-feed benchmark, node ${process.version}, ${new Date().toISOString()}, load ${loadavg()[0].toFixed(1)}`);
  console.log('| hostile feed | KB | extraction | hostile ms | outcome | slowest normal feed ms (without the hostile one) | worst loop lag ms (without) | peak RSS MB (without) |');
  console.log('| --- | ---: | --- | ---: | --- | ---: | ---: | ---: |');
  for (const workers of [0, 1]) {
    const alone = await run('none', workers);
    for (const path of bodies.keys()) {
      if (NORMAL.includes(path)) continue;
      const m = await run(path, workers).catch((e: Error) => ({ outcome: e.message, normalMs: NaN, normalOk: false, lagMs: NaN, peakMb: NaN }) as Measured);
      const outcome = (m.outcome ?? '').replace(/http:\/\/127\.0\.0\.1:\d+/, '').slice(0, 110);
      console.log(
        `| ${path} | ${(bodies.get(path)!.length / 1024).toFixed(0)} | ${workers ? 'worker' : 'main thread'} | ${m.hostileMs ?? '–'} | ${outcome} | ${m.normalMs}${m.normalOk ? '' : ' (FAILED)'} (${alone.normalMs}) | ${m.lagMs.toFixed(0)} (${alone.lagMs.toFixed(0)}) | ${m.peakMb.toFixed(0)} (${alone.peakMb.toFixed(0)}) |`,
      );
    }
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  server.close();
}
