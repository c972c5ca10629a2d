import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams, as `webxcreta ...args` would. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; stdin?: string }): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  stdin.end(options.stdin ?? '');
  const code = await main(['node', 'webxcreta', ...args], {
    stdout,
    stderr,
    stdin,
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout: out, stderr: err };
}
