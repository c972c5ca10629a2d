/**
 * Runs a command body with an App built from the global options, and always closes it. `access`
 * says what the command may do to its data directory (see `Access`): `use` unless it says otherwise.
 */
import type { Command } from 'commander';
import { createApp, type Access, type App, type GlobalOptions, type Io } from './app.js';
import { watchInterrupt } from './interrupt.js';

export function withApp<A extends unknown[]>(
  io: Io,
  body: (app: App, ...args: A) => Promise<void> | void,
  overrides?: ((...args: A) => Record<string, unknown>) | undefined,
  access: Access = 'use',
  options: { signals?: 'interrupt' | 'own' } = {},
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    const globals = command.optsWithGlobals() as GlobalOptions;
    // Ctrl-C stops the command at its next step and says what it kept (exit 130); `own`: the command
    // (serve, schedule) ends on the signal itself.
    const interrupt = options.signals === 'own' ? undefined : watchInterrupt(io.stderr);
    let app: App | undefined;
    try {
      app = createApp(globals, io, overrides?.(...args) ?? {}, access);
      if (interrupt) app.signal = interrupt.signal;
      await body(app, ...args);
      if (interrupt?.received()) throw interrupt.ending(undefined);
    } catch (e) {
      throw interrupt ? interrupt.ending(e) : e;
    } finally {
      app?.close();
      interrupt?.dispose();
    }
  };
}
