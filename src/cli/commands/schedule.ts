/**
 * `webxcreta schedule`: the unattended bot. Harvests and posts on the cron expressions in the config,
 * serving the box alongside when `schedule.serve` is on. Ctrl-C (or SIGTERM) lets the running step
 * finish; a second one abandons it. `webxcreta run` stays the one-shot for system cron.
 */
import type { Command } from 'commander';
import type { RunningBox } from '../../box/index.js';
import { serveBox } from '../../pipeline/serve-box.js';
import { pipelineSteps } from '../../schedule/pipeline-steps.js';
import { startScheduler } from '../../schedule/scheduler.js';
import type { Io } from '../app.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';

export const registerSchedule: RegisterCommand = (program: Command, io: Io) => {
  program
    .command('schedule')
    .description('run unattended: harvest and post on the cron expressions in the config (schedule.harvest, schedule.post)')
    .option('--no-serve', 'do not serve the box alongside (default: schedule.serve)')
    .addHelpText('after', '\nExamples:\n  webxcreta schedule\n  WEBXCRETA_SCHEDULE_POST="0 9 * * *" webxcreta schedule --no-serve\n\nOne timestamped line per step on stdout. Ctrl-C finishes the running step; a second Ctrl-C abandons it.')
    .action(
      withApp(io, async (app, flags: { serve: boolean }) => {
        const { schedule, box: boxConfig } = app.config;
        const line = (text: string) => io.stdout.write(`${text}\n`);
        let box: RunningBox | undefined;
        if (schedule.serve && flags.serve) {
          box = await serveBox(app, { host: boxConfig.host, port: boxConfig.port });
          line(`${new Date().toISOString()} box: serving ${box.url}`);
        }
        const scheduler = startScheduler(pipelineSteps(app), { store: app.store(), log: line, timezone: schedule.timezone });
        let signals = 0;
        const onSignal = (signal: NodeJS.Signals) => {
          signals++;
          line(`${new Date().toISOString()} scheduler: ${signal}${signals > 1 ? ', abandoning the running step' : ', finishing the running step (again to abandon it)'}`);
          void scheduler.stop(signals > 1 ? 'abandon' : 'finish');
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          await scheduler.stopped;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await box?.close();
        }
      }, undefined, 'use', { signals: 'own' }),
    );
};
