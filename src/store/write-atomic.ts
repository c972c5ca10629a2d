/**
 * The one way files are written: a temporary file beside the target, flushed to disk (fsync),
 * renamed over the target, then the folder flushed too, so a crash or power loss leaves either the
 * old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeAtomic(file: string, content: string | Uint8Array, options: { mode?: number } = {}): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'w', options.mode ?? 0o644);
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      // writeSync may write less than asked (a full disk, a signal): loop until all of it is written.
      for (let done = 0; done < bytes.length; ) {
        const n = writeSync(fd, bytes, done, bytes.length - done);
        if (n <= 0) throw new Error(`wrote nothing to ${tmp}`);
        done += n;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDir(dir);
}

/** Flushes a folder's entries (the rename); a no-op where the platform cannot open folders. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the rename is still atomic there
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
