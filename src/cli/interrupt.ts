/**
 * Ctrl-C (SIGINT) and SIGTERM during a command: the first one aborts the command's signal, so its
 * work stops at the next step it can stop at and it says what it kept (exit 130); a second one
 * stops the process at once (still exit 130; every write is transactional, so nothing stored is
 * damaged). `serve` and `schedule` handle the signals themselves: stopping is how they end.
 */
import { interrupted, isWebxError, describeError } from '../errors.js';

export interface Interrupt {
  signal: AbortSignal;
  /** The signal that arrived, if one did. */
  received(): NodeJS.Signals | undefined;
  /** The error to end the command with, once it was interrupted: `e` when it says what was kept already. */
  ending(e: unknown): unknown;
  dispose(): void;
}

export function watchInterrupt(stderr: NodeJS.WritableStream): Interrupt {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const on = (signal: NodeJS.Signals) => {
    if (received) {
      stderr.write(`${signal} again: stopping at once\n`);
      process.exit(130);
    }
    received = signal;
    stderr.write(`\n${signal}: stopping after the step in progress (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again stops at once)…\n`);
    controller.abort(interrupted(signal, 'before the end', 'nothing stored was lost'));
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    signal: controller.signal,
    received: () => received,
    ending: (e) => {
      if (!received || isWebxError(e, 'interrupted')) return e;
      // Whatever stopped (an aborted request, a cancelled read) is the interrupt's doing.
      return interrupted(received, 'before the end', `nothing stored was lost${e ? ` (it stopped at: ${describeError(e)})` : ''}`);
    },
    dispose: () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}
