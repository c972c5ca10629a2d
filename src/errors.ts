/**
 * One error type for everything the user can act on: what happened (`message`) and what to do
 * (`hint`). Inner helpers stay total (return undefined, skip bad input); stage entry points and the
 * CLI throw `WebxError`. The exit code follows the CLI contract: 1 failure, 2 bad usage or config,
 * 130 interrupted (Ctrl-C or SIGTERM; 128 + SIGINT, as shells report it).
 */

export type ExitCode = 1 | 2 | 130;

/**
 * What kind of failure it is, for callers that react to one kind (never match message text).
 * Add a code when a caller needs to tell one failure from the others.
 */
export type ErrorCode =
  | 'failed'
  | 'usage'
  | 'config'
  | 'model-newer'
  | 'model-damaged'
  | 'model-missing'
  | 'address-in-use'
  | 'interrupted'
  | 'not-found'
  | 'locked'
  | 'auth'
  | 'refused'
  | 'unreachable';

export class WebxError extends Error {
  readonly hint?: string;
  readonly exitCode: ExitCode;
  readonly code: ErrorCode;
  /** Extra fields for the `--json` error object (e.g. the per-feed results of a failed harvest). */
  readonly details?: Record<string, unknown>;

  constructor(
    message: string,
    options: { hint?: string; exitCode?: ExitCode; code?: ErrorCode; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'WebxError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
    this.code = options.code ?? (this.exitCode === 2 ? 'usage' : 'failed');
    this.details = options.details;
  }
}

export const isWebxError = (e: unknown, code?: ErrorCode): e is WebxError => e instanceof WebxError && (code === undefined || e.code === code);

/** The message of anything thrown, for logs and JSON output. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The command was stopped by Ctrl-C (or SIGTERM) before it finished; `kept` says what was kept
 * (every write is transactional, so what was stored stays, whole).
 */
export function interrupted(signal: string, during: string, kept: string): WebxError {
  return new WebxError(`interrupted (${signal}) ${during}: ${kept}`, { exitCode: 130, code: 'interrupted', details: { signal } });
}

/** The signal named by an aborted signal's reason (an `interrupted` error), else SIGINT. */
export function interruptSignal(reason: unknown): string {
  const signal = isWebxError(reason, 'interrupted') ? reason.details?.signal : undefined;
  return typeof signal === 'string' ? signal : 'SIGINT';
}
