/**
 * The `webxcreta` command line: global options, one subcommand per stage and for the whole job,
 * and the exit-status contract (0 success, 1 failure, 2 bad usage or bad config).
 */
import { VERSION } from '../version.js';
import { Command, CommanderError } from 'commander';
import { isWebxError, describeError } from '../errors.js';
import { redactSecrets } from '../text/redact.js';
import type { Io } from './app.js';
import { commands } from './commands/index.js';

export function buildProgram(io: Io): Command {
  const program = new Command('webxcreta')
    .description('Reads many blogs, writes new posts that carry their statistics, and publishes them.')
    .option('--data <dir>', 'data directory holding webxcreta.config.json and .webxcreta/ (default: $WEBXCRETA_DATA or .)')
    .option('--json', 'print a machine-readable JSON result on stdout')
    .option('-q, --quiet', 'no progress output on stderr')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of commands) register(program, io);
  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    return exitCodeOf(e, io, program.opts().json === true);
  }
}

function exitCodeOf(e: unknown, io: Io, json: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
    return 2;
  }
  const code = isWebxError(e) ? e.exitCode : 1;
  const hint = isWebxError(e) ? e.hint : undefined;
  const details = isWebxError(e) ? e.details : undefined;
  // The last guard: no password from the environment, URL userinfo or auth token is ever printed.
  const secrets = [io.env.WEBXCRETA_APP_PASSWORD, io.env.WEBXCRETA_WP_PASSWORD, io.env.WEBXCRETA_BOX_PASSWORD];
  const message = redactSecrets(describeError(e), { secrets, maxLength: 4000 });
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: message, hint, ...details }, null, 2)}\n`);
  io.stderr.write(`webxcreta: ${message}\n`);
  if (hint) io.stderr.write(`  hint: ${hint}\n`);
  if (!isWebxError(e) && e instanceof Error && process.env.WEBXCRETA_DEBUG) io.stderr.write(`${e.stack}\n`);
  return code;
}

function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}
