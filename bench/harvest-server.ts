/**
 * The benchmark's loopback feed server, run as a child process so that serving does not take CPU
 * from the harvester being measured (a real harvest's servers are elsewhere). Sends its URL to the
 * parent over IPC; `GET /feed/<n>.xml` answers feed n.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchFeeds } from './harvest-feeds.js';

const feeds = benchFeeds(Number(process.env.BENCH_FEEDS ?? 200), Number(process.env.BENCH_ITEMS ?? 20)).map((f) => Buffer.from(f));
const server = createServer((req, res) => {
  const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
  if (!(n >= 0 && n < feeds.length)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': n % 2 ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8' }).end(feeds[n]);
});
server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on('disconnect', () => process.exit(0));
