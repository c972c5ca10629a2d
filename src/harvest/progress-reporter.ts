/**
 * Harvest progress for a terminal: a cli-progress bar when the stream is a TTY, else one plain line
 * per finished feed through `log`. The CLI passes its stderr and decides when to be silent.
 */
import cliProgress from 'cli-progress';
import type { FeedResult } from './types.js';

export interface ProgressReporter {
  update: (result: FeedResult, done: number, total: number) => void;
  stop: () => void;
}

export function createProgressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, log: (line: string) => void, silent: boolean): ProgressReporter {
  if (silent) return { update: () => undefined, stop: () => undefined };
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        { stream: stream as never, format: 'harvest [{bar}] {value}/{total} feeds  {feed}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  return {
    update: (result, done, total) => {
      if (bar) {
        if (done === 1) bar.start(total, 0, { feed: '' });
        bar.update(done, { feed: shorten(result.url) });
        return;
      }
      // A problem's message and hint are printed once, in the summary after the harvest.
      const detail = result.outcome === 'error' || result.outcome === 'skipped' ? '' : ` (${result.newItems} new, ${result.comments} comment${result.comments === 1 ? '' : 's'})`;
      log(`[${done}/${total}] ${result.outcome} ${result.url}${detail}`);
    },
    stop: () => bar?.stop(),
  };
}

const shorten = (url: string) => (url.length > 60 ? `…${url.slice(-59)}` : url);
