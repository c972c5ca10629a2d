/**
 * Parsing and text extraction on worker threads, so a harvest uses the machine's cores while the
 * main thread fetches and writes to SQLite. `size` 0 runs everything inline. When workers cannot
 * start (e.g. under a test runner that transforms TypeScript in-process), the pool falls back to
 * inline for good, re-running anything it had queued: the results are the same either way.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractFeed, type ExtractInput, type Extracted } from './extract-feed.js';

export interface ParsePool {
  extract(input: ExtractInput): Promise<Extracted>;
  close(): Promise<void>;
}

interface Task {
  id: number;
  input: ExtractInput;
  resolve: (r: Extracted) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
}

export function createParsePool(size: number): ParsePool {
  if (size <= 0) return { extract: extractFeed, close: async () => undefined };
  const file = new URL(`./parse-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let inline = false;
  let nextId = 0;

  const runInline = (task: Task) => extractFeed(task.input).then(task.resolve, task.reject);
  const fallBack = () => {
    if (inline) return;
    inline = true;
    for (const slot of slots) {
      if (slot.task) queue.push(slot.task);
      void slot.worker.terminate();
    }
    for (const task of queue.splice(0)) void runInline(task);
  };
  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      slot.task = queue.shift()!;
      slot.worker.postMessage({ id: slot.task.id, input: slot.task.input });
    }
  };
  for (let i = 0; i < size; i++) {
    let worker: Worker;
    try {
      worker = new Worker(file);
    } catch {
      inline = true;
      break;
    }
    const slot: Slot = { worker, ready: false };
    slots.push(slot);
    worker.on('message', (m: { ready?: true; id?: number; result?: Extracted; error?: string }) => {
      if (m.ready) slot.ready = true;
      else if (slot.task && m.id === slot.task.id) {
        const task = slot.task;
        slot.task = undefined;
        if (m.error !== undefined) task.reject(new Error(m.error));
        else task.resolve(m.result!);
      }
      dispatch();
    });
    worker.on('error', fallBack);
    worker.on('exit', (code) => code !== 0 && fallBack());
  }

  return {
    extract(input) {
      return new Promise<Extracted>((resolve, reject) => {
        const task: Task = { id: nextId++, input, resolve, reject };
        if (inline) return void runInline(task);
        queue.push(task);
        dispatch();
      });
    },
    async close() {
      inline = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
