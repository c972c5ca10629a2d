/**
 * Where `extractFeed` (decode, repair, parse, HTML→text: the CPU-heavy half of a harvest) runs: in
 * the main thread, or in worker threads while the main thread keeps fetching and writing SQLite.
 * Workers pay off only on a large run with a spare core (starting one costs tens of milliseconds),
 * so `extractWorkers` unset means: one worker when there are at least `workerMinFeeds` feeds and 2+
 * cores, else none.
 *
 * A worker is also where a hostile feed can do no harm: it runs under V8 heap limits
 * (`resourceLimits`), and a feed whose extraction is not done within the run's timeout is answered
 * `{ failure: 'timeout' }` and its worker terminated (which stops even a synchronous loop) and
 * replaced; one that exhausts the heap is answered `{ failure: 'memory' }` the same way. The feeds
 * queued behind it go on in the new worker: one feed never delays another, and neither ever moves to
 * the main thread. A worker that dies for any other reason (or keeps dying) hands its pending feeds
 * back to the main thread: a run never fails because of the pool.
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
  timeoutMs: number;
  resolve: (r: Extracted) => void;
  reject: (e: unknown) => void;
}

export interface PoolOptions {
  /** How long one feed's extraction may take in a worker, from when the worker starts it (harvest.timeoutMs). */
  timeoutMs?: number;
}

/** Without a run's timeout: generous, a backstop only (the parse limits stop hostile feeds long before). */
const DEFAULT_TIMEOUT_MS = 20_000;
/** Workers replaced after a timeout or out-of-memory, per thread, before it gives up and hands feeds to the main thread. */
const MAX_RESTARTS = 20;

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
export function createExtractPool(workers: number, options: PoolOptions = {}): ExtractPool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
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
      return t.send(input, timeoutMs);
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
 * Parsing allocates a lot of short-lived objects (the element tree, the DOM of each body): a young
 * generation larger than the default scavenges less often (about 5% less CPU in the worker, measured).
 * The old generation is capped far above what a 10 MB feed needs (about 150 MB): past it, the feed is
 * stopped, not the process.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 96, maxOldGenerationSizeMb: 512 };

function startWorker() {
  const pending = new Map<number, Pending>();
  let ids = 0;
  let restarts = 0;
  let worker: Worker;
  /** The job the worker is on (the oldest pending: it works through them in order) and its deadline. */
  let timer: NodeJS.Timeout | undefined;
  let timed: number | undefined;
  /** The worker has loaded its modules: deadlines run from then (start-up is not a feed's time). */
  let ready = false;
  const state = {
    alive: true,
    pending,
    send(input: ExtractInput, timeoutMs: number): Promise<Extracted> {
      return new Promise<Extracted>((resolve, reject) => {
        const id = ids++;
        pending.set(id, { input, timeoutMs, resolve, reject });
        post(id, input);
        watch();
      });
    },
    async stop() {
      state.alive = false;
      clearTimeout(timer);
      await worker.terminate();
    },
  };
  const post = (id: number, input: ExtractInput) => {
    // Copy the body into a buffer of its own and hand that over (a pooled Buffer shares its memory).
    const bytes = new Uint8Array(input.bytes);
    worker.postMessage({ id, input: { ...input, bytes } }, [bytes.buffer]);
  };
  /** Arms the deadline of the job now running, when it changed. */
  const watch = () => {
    if (!ready) return;
    const head = pending.keys().next();
    if (head.done) {
      clearTimeout(timer);
      timed = undefined;
      return;
    }
    if (timed === head.value) return;
    clearTimeout(timer);
    timed = head.value;
    const job = pending.get(head.value)!;
    timer = setTimeout(() => stopJob(head.value, { failure: 'timeout', detail: `stopped after ${job.timeoutMs.toLocaleString('en-US')} ms` }), job.timeoutMs);
    timer.unref();
  };
  /** The running job failed (timeout, heap): answer it, replace the worker, resend the rest. */
  const stopJob = (id: number, failure: { failure: 'timeout' | 'memory'; detail: string }) => {
    const job = pending.get(id);
    if (!job || !state.alive) return;
    pending.delete(id);
    timed = undefined;
    job.resolve({ ok: false, failure, discovered: [] });
    const old = worker;
    old.removeAllListeners();
    old.on('error', () => undefined);
    void old.terminate();
    if (++restarts > MAX_RESTARTS) return fallBack();
    spawn();
    for (const [rest, p] of pending) post(rest, p.input);
    watch();
  };
  const fallBack = () => {
    state.alive = false;
    clearTimeout(timer);
    for (const p of pending.values()) extractFeed(p.input).then(p.resolve, p.reject);
    pending.clear();
  };
  const spawn = () => {
    worker = import.meta.url.endsWith('.ts') ? startTsWorker() : new Worker(new URL('./extract-worker.js', import.meta.url), { resourceLimits: WORKER_LIMITS });
    worker.unref();
    ready = false;
    worker.on('message', (m: { id: number; ready?: true; result?: Extracted; error?: string }) => {
      if (m.ready) {
        ready = true;
        return watch();
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      watch();
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const head = pending.keys().next();
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' && !head.done) {
        stopJob(head.value, { failure: 'memory', detail: `it passed the parser's ${WORKER_LIMITS.maxOldGenerationSizeMb} MB heap limit` });
      } else fallBack();
    });
    worker.on('exit', () => {
      if (state.alive) fallBack();
    });
  };
  spawn();
  return state;
}

/** Under tsx (bench, dev) or vitest the worker is TypeScript too: it registers tsx's loader first (workers do not inherit it). */
function startTsWorker(): Worker {
  const url = new URL('./extract-worker.ts', import.meta.url).href;
  return new Worker(`(async () => { (await import('tsx/esm/api')).register(); await import(${JSON.stringify(url)}); })()`, { eval: true, resourceLimits: WORKER_LIMITS });
}
