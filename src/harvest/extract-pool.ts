/**
 * Where `extractFeed` (decode, repair, parse, HTML→text: the CPU-heavy half of a harvest) runs: in
 * the main thread, or in worker threads while the main thread keeps fetching and writing SQLite.
 * Workers pay off only on a large run with a spare core (starting one costs tens of milliseconds),
 * so `extractWorkers` unset means: one worker when there are at least `workerMinFeeds` feeds and 2+
 * cores, else none. A worker that dies hands its pending feeds back to the main thread: a run never
 * fails because of the pool.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractFeed, type Extracted, type ExtractInput } from './extract-feed.js';

export type Extract = (input: ExtractInput) => Promise<Extracted>;

export interface ExtractPool {
  extract: Extract;
  /** Worker threads up and running (0: extraction runs in this thread). */
  live(): number;
  close(): Promise<void>;
}

interface Pending {
  input: ExtractInput;
  resolve: (r: Extracted) => void;
  reject: (e: unknown) => void;
}

/** Workers for a run of `feeds` feeds: `configured` when set, else the automatic choice above. */
export function workerCount(feeds: number, configured: number | undefined, minFeeds: number): number {
  if (configured !== undefined) return configured;
  return feeds >= minFeeds && availableParallelism() >= 2 ? 1 : 0;
}

/**
 * Pending feeds per worker above which the main thread parses the next one itself. Measured on the
 * 200-feed bench: 4 makes the main thread the bottleneck (−10%), 30 and 60 gain about 10% over none.
 */
const BACKLOG = 30;

/** Workers stay up this long after a run, so the next run (the daemon's, a benchmark's) finds them warm. */
const IDLE_MS = 30_000;

type Thread = ReturnType<typeof startWorker>;
let shared: { threads: Thread[]; users: number; idle?: NodeJS.Timeout } | undefined;

/** The pool of `workers` threads, shared by the runs that overlap; `close` when the run is done. */
export function createExtractPool(workers: number): ExtractPool {
  if (workers <= 0) return { extract: extractFeed, live: () => 0, close: async () => undefined };
  if (!shared || shared.threads.length !== workers || shared.threads.some((t) => !t.alive)) {
    shared?.threads.forEach((t) => void t.stop());
    shared = { threads: Array.from({ length: workers }, () => startWorker()), users: 0 };
  }
  const pool = shared;
  clearTimeout(pool.idle);
  pool.users++;
  let next = 0;
  let closed = false;
  return {
    extract: (input) => {
      const live = pool.threads.filter((t) => t.alive);
      if (live.length === 0) return extractFeed(input);
      // Fewest pending first, round-robin among equals.
      const t = live.reduce((best, w) => (w.pending.size < best.pending.size ? w : best), live[next++ % live.length]);
      // Parsing a feed is about twice rss-parser's work alone (its XML, then each body's HTML): one worker
      // cannot keep up with a fast network by itself. When every worker has a backlog, this thread takes the
      // feed: the cores share the parsing.
      if (t.pending.size >= BACKLOG) return extractFeed(input);
      return t.send(input);
    },
    live: () => pool.threads.filter((t) => t.alive).length,
    close: async () => {
      if (closed) return;
      closed = true;
      if (--pool.users > 0) return;
      pool.idle = setTimeout(() => {
        if (shared === pool) shared = undefined;
        pool.threads.forEach((t) => void t.stop());
      }, IDLE_MS);
      pool.idle.unref();
    },
  };
}

/**
 * Parsing allocates a lot of short-lived objects (xml2js, the DOM of each body): a young generation
 * larger than the default scavenges less often (about 5% less CPU in the worker, measured).
 */
const LIMITS = { maxYoungGenerationSizeMb: 96 };

function startWorker() {
  const worker = import.meta.url.endsWith('.ts') ? startTsWorker() : new Worker(new URL('./extract-worker.js', import.meta.url), { resourceLimits: LIMITS });
  worker.unref();
  const pending = new Map<number, Pending>();
  let ids = 0;
  const state = {
    alive: true,
    pending,
    send(input: ExtractInput): Promise<Extracted> {
      return new Promise<Extracted>((resolve, reject) => {
        const id = ids++;
        pending.set(id, { input, resolve, reject });
        // Copy the body into a buffer of its own and hand that over (a pooled Buffer shares its memory).
        const bytes = new Uint8Array(input.bytes);
        worker.postMessage({ id, input: { ...input, bytes } }, [bytes.buffer]);
      });
    },
    async stop() {
      state.alive = false;
      await worker.terminate();
    },
  };
  worker.on('message', (m: { id: number; result?: Extracted; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.result) p.resolve(m.result);
    else p.reject(new Error(m.error));
  });
  const fallBack = () => {
    state.alive = false;
    for (const p of pending.values()) extractFeed(p.input).then(p.resolve, p.reject);
    pending.clear();
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return state;
}

/** Under tsx (bench, dev) or vitest the worker is TypeScript too: it registers tsx's loader first (workers do not inherit it). */
function startTsWorker(): Worker {
  const url = new URL('./extract-worker.ts', import.meta.url).href;
  return new Worker(`(async () => { (await import('tsx/esm/api')).register(); await import(${JSON.stringify(url)}); })()`, { eval: true, resourceLimits: LIMITS });
}
