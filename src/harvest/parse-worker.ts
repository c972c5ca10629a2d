/** Worker-thread entry of the parse pool: runs `extractFeed` on each message and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { extractFeed, type ExtractInput } from './extract-feed.js';

parentPort?.on('message', async ({ id, input }: { id: number; input: ExtractInput }) => {
  try {
    parentPort!.postMessage({ id, result: await extractFeed(input) });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message });
  }
});
parentPort?.postMessage({ ready: true });
