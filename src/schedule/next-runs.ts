/**
 * When the scheduled steps fire next (for `status`): from the running scheduler's own expressions
 * when one runs on this data directory (it records them, with its environment's overrides), else
 * from the configuration.
 */
import cron from 'node-cron';
import type { Config } from '../config.js';
import { isLockHeld, readLocks } from '../store/locks.js';
import type { Store } from '../store/open-store.js';
import { readScheduler } from '../store/scheduler-record.js';
import { SCHEDULER_LOCK } from './scheduler.js';

export interface NextRuns {
  harvest?: string;
  post?: string;
  /** 'scheduler': what the running scheduler fires on; 'config': the configuration (no scheduler runs). */
  from: 'scheduler' | 'config';
  /** The expressions the times come from. */
  cron: { harvest: string; post: string; timezone?: string };
}

export function nextRuns(schedule: Pick<Config['schedule'], 'harvest' | 'post' | 'timezone'>, count = 1): Record<'harvest' | 'post', string[]> {
  const at = (expression: string): string[] => {
    if (!cron.validate(expression)) return [];
    const task = cron.createTask(expression, () => {}, { timezone: schedule.timezone });
    try {
      return task.getNextRuns(count).map((d) => d.toISOString());
    } finally {
      void task.destroy();
    }
  };
  return { harvest: at(schedule.harvest), post: at(schedule.post) };
}

/** The next run of each step, from the running scheduler when there is one, else from `config`. */
export function scheduledRuns(store: Store, config: Config): NextRuns {
  const record = readScheduler(store);
  const lock = readLocks(store).find((l) => l.name === SCHEDULER_LOCK);
  const live = record && lock?.owner === record.owner && isLockHeld(store, SCHEDULER_LOCK);
  const schedule = live
    ? { harvest: record.steps.harvest ?? '', post: record.steps.post ?? '', timezone: record.timezone }
    : { harvest: config.schedule.harvest, post: config.schedule.post, timezone: config.schedule.timezone };
  const next = nextRuns(schedule);
  return { harvest: next.harvest[0], post: next.post[0], from: live ? 'scheduler' : 'config', cron: schedule };
}
