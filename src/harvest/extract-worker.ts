/**
 * Worker-thread side of the extract pool: `{ ready: true }` once loaded, then messages `{ id, input:
 * ExtractInput }` in, `{ id, result: Extracted }` or `{ id, error }` out, one at a time. The same `extractFeed` as in the main thread; only where it
 * runs changes.
 */
import { parentPort } from 'node:worker_threads';
import { extractFeed, type ExtractInput } from './extract-feed.js';

parentPort!.on('message', async ({ id, input }: { id: number; input: ExtractInput }) => {
  try {
    parentPort!.postMessage({ id, result: await extractFeed(input) });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message ?? String(e) });
  }
});

parentPort!.postMessage({ ready: true });
