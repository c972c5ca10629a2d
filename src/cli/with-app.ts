/**
 * Runs a command body with an App built from the global options, and always closes it. `access`
 * says what the command may do to its data directory (see `Access`): `use` unless it says otherwise.
 */
import type { Command } from 'commander';
import { createApp, type Access, type App, type GlobalOptions, type Io } from './app.js';

export function withApp<A extends unknown[]>(
  io: Io,
  body: (app: App, ...args: A) => Promise<void> | void,
  overrides?: ((...args: A) => Record<string, unknown>) | undefined,
  access: Access = 'use',
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    const globals = command.optsWithGlobals() as GlobalOptions;
    const app = createApp(globals, io, overrides?.(...args) ?? {}, access);
    try {
      await body(app, ...args);
    } finally {
      app.close();
    }
  };
}
