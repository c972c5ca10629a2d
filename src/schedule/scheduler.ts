/**
 * The scheduler: named steps fired by cron expressions (node-cron), one at a time.
 * - Never overlapping: a firing while a step runs is skipped (logged), not queued, so a slow step
 *   or a long downtime never turns into a burst (node-cron does not replay missed firings either).
 * - One scheduler per data directory: it holds the `scheduler` lock in the database while it lives,
 *   and records its effective cron expressions beside it (for `webxcreta status`).
 * - Steps that ask for it run under the `pipeline` lock, the one `webxcreta run` takes.
 * - `stop('finish')` lets the running step end; `stop('abandon')` aborts it through its signal.
 * Every step start, end, skip and failure is one timestamped log line.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { WebxError, describeError } from '../errors.js';
import type { Store } from '../store/open-store.js';
import { acquireLock, isLockHeld, releaseLock, renewLock, type Lock } from '../store/locks.js';
import { clearScheduler, recordScheduler } from '../store/scheduler-record.js';

export interface ScheduledStep {
  name: string;
  cron: string;
  /** Run under the shared `pipeline` lock (false for steps that take it themselves). */
  lock: boolean;
  run(signal: AbortSignal): Promise<string>;
}

export interface SchedulerOptions {
  store: Store;
  log(line: string): void;
  timezone?: string;
  lockTtlMs?: number;
  now?: () => Date;
}

export interface Scheduler {
  stop(mode: 'finish' | 'abandon'): Promise<void>;
  /** Resolves when the scheduler has stopped. */
  stopped: Promise<void>;
  busy(): string | undefined;
}

export const SCHEDULER_LOCK = 'scheduler';
export const PIPELINE_LOCK = 'pipeline';

export function startScheduler(steps: ScheduledStep[], options: SchedulerOptions): Scheduler {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const ttl = options.lockTtlMs ?? 30 * 60_000;
  const log = (line: string) => options.log(`${now().toISOString()} ${line}`);
  for (const step of steps) {
    if (!cron.validate(step.cron)) {
      throw new WebxError(`"${step.cron}" is not a cron expression (schedule.${step.name})`, { hint: 'use five or six fields, e.g. "0 * * * *" for hourly', exitCode: 2 });
    }
  }
  const own = acquireLock(store, SCHEDULER_LOCK, ttl);
  if (!own) throw new WebxError('another scheduler is already running on this data directory', { hint: 'see `webxcreta status`; stop it first' });
  // `status` reads the expressions this scheduler really fires on (env and flags included).
  recordScheduler(store, { owner: own.owner, startedAt: now().toISOString(), timezone: options.timezone, steps: Object.fromEntries(steps.map((s) => [s.name, s.cron])) });
  const renewal = setInterval(() => renewLock(store, own, ttl), Math.max(1_000, Math.floor(ttl / 3)));
  let running: { name: string; controller: AbortController; done: Promise<void> } | undefined;
  let stopping = false;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));

  const fire = (step: ScheduledStep) => {
    if (stopping) return;
    if (running) return log(`${step.name}: skipped (${running.name} is still running)`);
    const controller = new AbortController();
    const done = runStep(step, controller.signal).finally(() => (running = undefined));
    running = { name: step.name, controller, done };
  };

  const runStep = async (step: ScheduledStep, signal: AbortSignal) => {
    let lock: Lock | undefined;
    if (step.lock) lock = acquireLock(store, PIPELINE_LOCK, ttl);
    if (step.lock ? !lock : isLockHeld(store, PIPELINE_LOCK)) return log(`${step.name}: skipped (another run holds the pipeline lock)`);
    const started = Date.now();
    log(`${step.name}: started`);
    try {
      const summary = await step.run(signal);
      log(`${step.name}: done in ${((Date.now() - started) / 1000).toFixed(1)}s${summary ? `: ${summary}` : ''}`);
    } catch (e) {
      log(`${step.name}: ${signal.aborted ? 'abandoned' : 'failed'}: ${describeError(e)}`);
    } finally {
      if (lock) releaseLock(store, lock);
    }
  };

  const tasks: ScheduledTask[] = steps.map((step) => {
    const task = cron.schedule(step.cron, () => fire(step), { name: step.name, timezone: options.timezone, noOverlap: true });
    // After a sleep or a blocked event loop node-cron reports the firings it missed and does not
    // replay them (no burst); say so once per wake-up instead of once per missed firing.
    let missed = 0;
    task.on('execution:missed', () => {
      if (missed++ > 0) return;
      setTimeout(() => {
        log(`${step.name}: ${missed} missed firing${missed === 1 ? '' : 's'} not replayed (the process was asleep or busy)`);
        missed = 0;
      }, 0);
    });
    return task;
  });
  log(`scheduler: started (${steps.map((s) => `${s.name} "${s.cron}"`).join(', ')})`);

  return {
    stopped,
    busy: () => running?.name,
    async stop(mode) {
      if (!stopping) {
        stopping = true;
        await Promise.all(tasks.map((t) => t.destroy()));
      }
      if (running) {
        if (mode === 'abandon') running.controller.abort(new Error('the scheduler is shutting down'));
        log(`scheduler: ${mode === 'abandon' ? 'abandoning' : 'waiting for'} ${running.name}`);
        await running.done;
      }
      clearInterval(renewal);
      clearScheduler(store, own.owner);
      releaseLock(store, own);
      log('scheduler: stopped');
      resolveStopped();
    },
  };
}
