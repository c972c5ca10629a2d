import { describe, expect, it } from 'vitest';
import { acquireLock, readLocks, releaseLock } from '../../src/store/locks.js';
import { startScheduler, type ScheduledStep } from '../../src/schedule/scheduler.js';
import { openStore } from '../../src/store/open-store.js';

const EVERY_SECOND = '* * * * * *';
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
const waitFor = async (check: () => boolean) => {
  while (!check()) await sleep(20);
};
const messages = (lines: string[]) => lines.map((l) => l.replace(/^\S+ /, ''));

describe('startScheduler', () => {
  it('should never run two steps at once, skip firings while busy, and hold the pipeline lock while a step runs', async () => {
    const store = openStore(':memory:');
    const lines: string[] = [];
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const locksSeen: string[][] = [];
    const step: ScheduledStep = {
      name: 'post',
      cron: EVERY_SECOND,
      lock: true,
      async run(signal) {
        active++;
        maxActive = Math.max(maxActive, active);
        locksSeen.push(readLocks(store).map((l) => l.name));
        await sleep(1_500, signal);
        active--;
        return `run ${++runs}`;
      },
    };
    const scheduler = startScheduler([step], { store, log: (l) => lines.push(l) });
    await waitFor(() => runs >= 2 && messages(lines).some((l) => l.startsWith('post: skipped')));
    await scheduler.stop('finish');
    expect(maxActive).toBe(1);
    expect(locksSeen.every((names) => names.includes('pipeline') && names.includes('scheduler'))).toBe(true);
    expect(messages(lines)).toContain('post: skipped (post is still running)');
    expect(lines.every((l) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /.test(l))).toBe(true);
    expect(messages(lines).at(-1)).toBe('scheduler: stopped');
    expect(readLocks(store)).toEqual([]);
  });

  it('should skip a step while a manual run holds the pipeline lock', async () => {
    const store = openStore(':memory:');
    const lines: string[] = [];
    const manual = acquireLock(store, 'pipeline', 60_000)!;
    let ran = false;
    const scheduler = startScheduler([{ name: 'harvest', cron: EVERY_SECOND, lock: true, run: async () => ((ran = true), '') }], {
      store,
      log: (l) => lines.push(l),
    });
    await waitFor(() => lines.length >= 2);
    expect(messages(lines)[1]).toBe('harvest: skipped (another run holds the pipeline lock)');
    releaseLock(store, manual);
    await waitFor(() => ran);
    await scheduler.stop('finish');
    expect(readLocks(store)).toEqual([]);
  });

  it('should skip a step that takes the lock itself (the post step) while a manual run holds it', async () => {
    const store = openStore(':memory:');
    const lines: string[] = [];
    const manual = acquireLock(store, 'pipeline', 60_000)!;
    const scheduler = startScheduler([{ name: 'post', cron: EVERY_SECOND, lock: false, run: async () => 'ran' }], { store, log: (l) => lines.push(l) });
    await waitFor(() => lines.length >= 2);
    const whileHeld = messages(lines).slice(1);
    releaseLock(store, manual);
    await waitFor(() => messages(lines).some((l) => l.startsWith('post: done')));
    await scheduler.stop('finish');
    expect(whileHeld).toEqual(['post: skipped (another run holds the pipeline lock)']);
    expect(messages(lines)).toContain('post: started');
  });

  it('should refuse a second scheduler on the same database', () => {
    const store = openStore(':memory:');
    const first = startScheduler([], { store, log: () => {} });
    expect(() => startScheduler([], { store, log: () => {} })).toThrow(/another scheduler is already running/);
    return first.stop('finish');
  });

  it('should let the running step finish on stop("finish") and abort it on stop("abandon")', async () => {
    for (const mode of ['finish', 'abandon'] as const) {
      const store = openStore(':memory:');
      const lines: string[] = [];
      let started = false;
      const scheduler = startScheduler(
        [{ name: 'post', cron: EVERY_SECOND, lock: true, run: async (signal) => ((started = true), await sleep(800, signal), 'done') }],
        { store, log: (l) => lines.push(l) },
      );
      await waitFor(() => started);
      await scheduler.stop(mode);
      const end = messages(lines).slice(-3);
      expect(end).toEqual(
        mode === 'finish'
          ? ['scheduler: waiting for post', expect.stringMatching(/^post: done in \d+\.\ds: done$/), 'scheduler: stopped']
          : ['scheduler: abandoning post', 'post: abandoned: aborted', 'scheduler: stopped'],
      );
      expect(readLocks(store)).toEqual([]);
    }
  });

  it('should name a bad cron expression', () => {
    const store = openStore(':memory:');
    expect(() => startScheduler([{ name: 'post', cron: 'every day', lock: false, run: async () => '' }], { store, log: () => {} })).toThrow(
      '"every day" is not a cron expression (schedule.post)',
    );
  });

  it('should not replay firings missed while the process was blocked (no burst)', async () => {
    const store = openStore(':memory:');
    const lines: string[] = [];
    const scheduler = startScheduler([{ name: 'post', cron: EVERY_SECOND, lock: false, run: async () => 'ok' }], { store, log: (l) => lines.push(l) });
    await waitFor(() => messages(lines).includes('post: started'));
    const blockUntil = Date.now() + 3_500;
    while (Date.now() < blockUntil) {
      // the event loop is blocked, as during a sleep: node-cron misses several firings
    }
    await waitFor(() => messages(lines).some((l) => /^post: \d+ missed firings? not replayed/.test(l)));
    await sleep(1_200);
    await scheduler.stop('finish');
    const startSeconds = lines.filter((l) => l.endsWith(' post: started')).map((l) => l.slice(0, 19));
    expect(new Set(startSeconds).size).toBe(startSeconds.length);
  });
});
