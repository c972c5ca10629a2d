import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/validate-atom.sh', import.meta.url));

/** Runs the project's RFC 4287 validator (scripts/validate-atom.sh) (jing + Schematron) on a file; returns its output ("OK" or errors). */
export function validateAtom(file: string): string {
  try {
    return execFileSync('bash', [script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).trim();
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`.trim() || String(e);
  }
}
