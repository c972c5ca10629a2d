import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

describe('main', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.remove());

  it('should print help and exit 0 for --help', async () => {
    const r = await runCli(['--help'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: webxcreta/);
    expect(r.stdout).toMatch(/\brun\b/);
  });

  it('should exit 2 on an unknown command or option', async () => {
    expect((await runCli(['frobnicate'], { cwd: tmp.dir })).code).toBe(2);
    const r = await runCli(['run', '--no-such-flag'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-flag'/);
  });

  it('should exit 2 with the bad field named when the config is bad', async () => {
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), JSON.stringify({ generate: { paragraphs: 0 } }));
    const r = await runCli(['run', '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.error).toMatch(/generate\.paragraphs/);
    expect(r.stderr).toMatch(/hint: fix it in .*webxcreta\.config\.json/);
  });

  it('should read the data directory from WEBXCRETA_DATA when --data is not given', async () => {
    writeFileSync(join(tmp.dir, 'webxcreta.config.json'), '{ broken');
    const r = await runCli(['run'], { cwd: '/', env: { WEBXCRETA_DATA: tmp.dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(tmp.dir, 'webxcreta.config.json'));
  });
});
