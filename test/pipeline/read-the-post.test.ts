/**
 * After `webxcreta run` the post can be read: the run says where the static blog is and which command
 * serves the box; the URL it prints and stores names the configured address (never the passing port of
 * the in-process box). The box is then served, killed, and served again on another port: every link on
 * a post page answers 200 — the links to the bot's own earlier post among them — and every link in the
 * static export names a file that exists.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { spawnCli } from '../fixtures/publish/spawn-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BOX_ENV = { WEBXCRETA_BOX_USER: 'keeper', WEBXCRETA_BOX_PASSWORD: 'read-the-post' };
const AUTH = `Basic ${Buffer.from('keeper:read-the-post').toString('base64')}`;

async function serve(dir: string, port: number) {
  const run = spawnCli(['--data', dir, '--json', 'serve', '--port', String(port)], BOX_ENV);
  let out = '';
  run.child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 60_000;
  while (!out.trim().endsWith('}')) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`serve did not start: ${out}${(await run.done).stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { url } = JSON.parse(out) as { url: string };
  return { url, stop: async () => { run.child.kill('SIGTERM'); return (await run.done).code; } };
}

/** Every href and src on a page, resolved against it. */
function linksOf(html: string, base: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&'), base).href);
}

describe('reading the post after `webxcreta run`', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let port: number;
  let first: Record<string, any>;
  let second: Record<string, any>;
  let human: string;

  beforeAll(async () => {
    tmp = makeTempDir();
    port = await freePort();
    // The bot's own posts weigh almost everything, so the second post is made of the first one's sentences.
    const env = { ...BOX_ENV, WEBXCRETA_BOX_PORT: String(port), WEBXCRETA_WEIGHT_OWN_SHARE: '0.95', WEBXCRETA_WEIGHT_OWN_RAMP_POSTS: '0' };
    const one = await runCli(['run', '--seed', 'read-one'], { cwd: tmp.dir, env });
    if (one.code !== 0) throw new Error(`run failed (${one.code}): ${one.stderr}\n${one.stdout}`);
    human = one.stdout;
    const posts = await runCli(['posts', 'list', '--json'], { cwd: tmp.dir, env });
    first = JSON.parse(posts.stdout).posts[0];
    const two = await runCli(['run', '--seed', 'read-two', '--json'], { cwd: tmp.dir, env });
    if (two.code !== 0) throw new Error(`second run failed (${two.code}): ${two.stderr}\n${two.stdout}`);
    second = JSON.parse(two.stdout);
  }, 400_000);
  afterAll(() => tmp.remove());

  it('should say where the static blog is and which command serves the post, at the configured address', () => {
    const url = first.publications[0].url as string;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/posts/[a-z0-9-]+$`));
    expect(human).toContain(`published: ${url}\n`);
    // What a user calls the feeds: the built-in sample's 17 blogs, and the bot's own blog.
    expect(human).toMatch(/^harvest: 17 blogs \+ own blog, \d+ new, /m);
    expect(human).toContain('read it: open out/index.html in a browser (the static blog)\n');
    expect(human).toContain(`     or: \`npx webxcreta serve\`, then visit ${url}`);
    expect(existsSync(join(tmp.dir, 'out', 'index.html'))).toBe(true);
    expect(second.published.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/posts/`));
    expect(second.read).toEqual({ staticIndex: join(tmp.dir, 'out', 'index.html'), box: true });
  });

  it('should serve the printed URL, and after a restart on another port every link on the post page answers 200', async () => {
    const url = first.publications[0].url as string;
    await expect(fetch(url)).rejects.toThrow(); // the run's in-process box is gone
    const box = await serve(tmp.dir, port);
    expect((await fetch(url)).status).toBe(200);
    expect(await box.stop()).toBe(0);
    await expect(fetch(url)).rejects.toThrow();

    const elsewhere = await serve(tmp.dir, await freePort());
    try {
      const page = new URL(new URL(second.published.url).pathname, elsewhere.url).href;
      const html = await (await fetch(page)).text();
      const links = [...new Set(linksOf(html, page))];
      // The second post's sources name the first post, the bot's own, by a relative link.
      const firstPath = new URL(url).pathname;
      expect(html).toContain(`<a href="${firstPath}">`);
      expect(links).toContain(new URL(firstPath, elsewhere.url).href);
      const statuses = await Promise.all(links.map(async (l) => [l, (await fetch(l, { headers: { authorization: AUTH } })).status] as const));
      expect(statuses.filter(([, status]) => status !== 200)).toEqual([]);
      expect(links.length).toBeGreaterThan(5);
      expect(links.every((l) => l.startsWith(elsewhere.url))).toBe(true);
    } finally {
      await elsewhere.stop();
    }
  }, 120_000);

  it('should link the static export relatively: every link to the blog itself names a file of the export', () => {
    const out = join(tmp.dir, 'out');
    const pages = ['index.html', 'about.html', ...readdirSync(join(out, 'posts')).map((f) => `posts/${f}`)];
    const missing: string[] = [];
    let own = 0;
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        if (/^[a-z]+:/.test(m[1])) continue; // another blog's page
        const file = resolve(dirname(join(out, page)), m[1].split('#')[0]);
        if (!existsSync(file)) missing.push(`${page} → ${m[1]}`);
        if (page.startsWith('posts/') && m[1].startsWith('../posts/')) own++;
      }
      expect(html).not.toMatch(/127\.0\.0\.1:\d+/);
    }
    expect(missing).toEqual([]);
    expect(own).toBeGreaterThan(0);
  });
});
