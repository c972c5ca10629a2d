/** When the scheduled steps fire next, from the cron expressions in the config (for `status`). */
import cron from 'node-cron';
import type { Config } from '../config.js';

export function nextRuns(config: Config, count = 1): Record<'harvest' | 'post', string[]> {
  const at = (expression: string): string[] => {
    if (!cron.validate(expression)) return [];
    const task = cron.createTask(expression, () => {}, { timezone: config.schedule.timezone });
    try {
      return task.getNextRuns(count).map((d) => d.toISOString());
    } finally {
      void task.destroy();
    }
  };
  return { harvest: at(config.schedule.harvest), post: at(config.schedule.post) };
}
