/**
 * The scheduler's two real steps: `harvest` (fetch every source, under the pipeline lock) and `post`
 * (one pass of the lead's `runPipeline`, which takes the lock itself; it harvests too only when
 * nothing was ever harvested). Each records itself in the `runs` table.
 */
import type { Bot } from '../pipeline/bot.js';
import { harvestStep } from '../pipeline/harvest-step.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { finishRun, startRun } from '../store/runs.js';
import { anySourceFetched } from '../store/sources.js';
import type { ScheduledStep } from './scheduler.js';
import { plural } from '../text/plural.js';

export function pipelineSteps(app: Bot): ScheduledStep[] {
  const { schedule } = app.config;
  return [
    {
      name: 'harvest',
      cron: schedule.harvest,
      lock: true,
      async run(signal) {
        const store = app.store();
        const id = startRun(store, 'harvest', new Date().toISOString());
        try {
          const report = await harvestStep(app, { signal });
          const errors = report.feeds.filter((f) => f.outcome === 'error').length;
          const fresh = report.feeds.reduce((a, f) => a + f.newItems, 0);
          const summary = `${plural(report.feeds.length, 'feed')}, ${plural(fresh, 'new item')}, ${errors} failed`;
          finishRun(store, id, new Date().toISOString(), { ok: true, summary: { feeds: report.feeds.length, newItems: fresh, errors } });
          return summary;
        } catch (e) {
          finishRun(store, id, new Date().toISOString(), { ok: false, error: (e as Error).message });
          throw e;
        }
      },
    },
    {
      name: 'post',
      cron: schedule.post,
      lock: false,
      async run(signal) {
        const harvested = anySourceFetched(app.store());
        const result = await runPipeline(app, { harvest: !harvested, signal });
        return `"${result.post.title}"${result.published ? ` ${result.published.url}` : ''}`;
      },
    },
  ];
}
