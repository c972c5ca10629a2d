/**
 * The `--data` rules: a data directory that is a file, or (except for the commands that make a bot)
 * does not exist, is a usage error; read-only commands create nothing; `init` makes a bot.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('webx-data-dir-');
  writeFileSync(join(tmp.dir, 'afile.txt'), 'not a folder');
});
afterAll(() => tmp.remove());

const cli = (args: string[], cwd = tmp.dir, env: Record<string, string> = {}) => runCli(args, { cwd, env });

describe('--data', () => {
  it('should refuse a file with exit 2, for every command', async () => {
    for (const args of [['status'], ['run'], ['posts', 'list'], ['harvest']]) {
      const r = await cli(['--data', 'afile.txt', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`the data directory ${join(tmp.dir, 'afile.txt')} (--data) is a file, not a folder`);
    }
    const viaEnv = await cli(['status'], tmp.dir, { WEBXCRETA_DATA: join(tmp.dir, 'afile.txt') });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toContain('(WEBXCRETA_DATA) is a file, not a folder');
  });

  it('should refuse a folder that does not exist for commands that do not make a bot, and create nothing', async () => {
    const missing = join(tmp.dir, 'no', 'such', 'bot');
    for (const args of [['status'], ['posts', 'list'], ['inspect'], ['feeds', 'list'], ['generate'], ['publish'], ['serve', '--port', '0'], ['brainstorm', 'afile.txt']]) {
      const r = await cli(['--data', missing, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`there is no data directory ${missing} (--data)`);
      expect(r.stderr).toContain(`hint: check the path, or make a bot there first with \`webxcreta --data ${missing} init\``);
    }
    expect(existsSync(join(tmp.dir, 'no'))).toBe(false);
  });

  it('should let read-only commands look at a folder that holds no bot without creating anything', async () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    const status = await cli(['status'], empty);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('last harvest: never');
    expect((await cli(['posts', 'list'], empty)).stdout).toBe('no posts yet\n');
    expect((await cli(['feeds', 'list', '--json'], empty)).code).toBe(0);
    expect((await cli(['inspect'], empty)).code).toBe(1);
    expect((await cli(['--json', 'status'], empty)).code).toBe(0);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('should refuse commands that change a bot in a folder that holds none, naming init', async () => {
    const empty = join(tmp.dir, 'empty-too');
    mkdirSync(empty);
    const r = await cli(['generate'], empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${empty} holds no bot (no webxcreta.config.json or .webxcreta/ in it)`);
    expect(r.stderr).toContain('hint: make one there with `webxcreta init` (or `run`)');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('should make a bot with init (in a new folder too), once', async () => {
    const bot = join(tmp.dir, 'bots', 'travel');
    const made = await cli(['init', bot, '--json']);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toEqual({ ok: true, dataDir: bot, configFile: join(bot, 'webxcreta.config.json'), database: join(bot, '.webxcreta', 'webxcreta.db'), created: true });
    expect(readdirSync(bot).sort()).toEqual(['.webxcreta', 'webxcreta.config.json']);
    const again = await cli(['--data', bot, 'init']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${bot} already holds a bot; nothing changed`);
    expect((await cli(['--data', bot, 'status'])).code).toBe(0);
    expect((await cli(['--data', bot, 'generate'])).stderr).not.toContain('holds no bot');
    const two = await cli(['--data', bot, 'init', join(tmp.dir, 'elsewhere')]);
    expect(two.code).toBe(2);
  });

  it('should let the commands that make a bot create a missing folder', async () => {
    const bot = join(tmp.dir, 'new-bot');
    const r = await cli(['--data', bot, 'feeds', 'add', '--no-discover', 'http://127.0.0.1:9/feed.xml']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(bot, '.webxcreta', 'webxcreta.db'))).toBe(true);
  });
});
