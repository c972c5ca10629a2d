import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { validateAtom } from '../helpers/validate-atom.js';

/** End to end: `webxcreta run` on the built-in default, twice, in a fresh data directory. */
describe('webxcreta run (built-in default)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const env = { WEBXCRETA_BOX_PORT: '0' };
  let first: Record<string, any>;

  beforeAll(async () => {
    tmp = makeTempDir();
    const r = await runCli(['--data', tmp.dir, 'run', '--seed', 'e2e-one', '--json'], { cwd: tmp.dir, env });
    if (r.code !== 0) throw new Error(`run failed (${r.code}): ${r.stderr}\n${r.stdout}`);
    first = JSON.parse(r.stdout);
  }, 300_000);
  afterAll(() => tmp.remove());

  it('should harvest every built-in blog over HTTP with no errors', () => {
    expect(first.harvest.feeds).toBeGreaterThanOrEqual(14);
    expect(first.harvest.errors).toBe(0);
    expect(first.harvest.newItems).toBeGreaterThan(900);
    expect(first.harvest.comments).toBeGreaterThan(1000);
  });

  it('should generate a titled post of several paragraphs with the given seed', () => {
    expect(first.ok).toBe(true);
    expect(first.seed).toBe('e2e-one');
    expect(first.post.title.length).toBeGreaterThan(3);
    expect(first.post.paragraphs.length).toBeGreaterThanOrEqual(3);
    for (const p of first.post.paragraphs) expect(p.split(/\s+/).length).toBeGreaterThan(15);
  });

  it('should write an Atom feed that the RFC 4287 validator accepts, and HTML pages', () => {
    expect(existsSync(first.feedFile)).toBe(true);
    expect(validateAtom(first.feedFile)).toMatch(/^OK/m);
    expect(readdirSync(first.pagesDir).some((f) => f.endsWith('.html'))).toBe(true);
    expect(first.published.url).toMatch(/^https?:\/\//);
  });

  it('should add a second entry on a second run and keep the first', async () => {
    const r = await runCli(['--data', tmp.dir, 'run', '--seed', 'e2e-two', '--json'], { cwd: tmp.dir, env });
    expect(r.code, r.stderr).toBe(0);
    const second = JSON.parse(r.stdout);
    expect(second.post.id).not.toBe(first.post.id);
    // the sample blogs answer 304; the bot's own blog (its box) has one new item: the first post
    expect(second.harvest.unchanged).toBe(second.harvest.feeds - 1);
    expect(second.harvest.newItems).toBe(1);
    expect(second.model.sources).toBe(first.model.sources);
    expect(second.model.documents).toBe(first.model.documents + 1);
    const feed = readFileSync(second.feedFile, 'utf8');
    expect(feed.match(/<entry[\s>]/g)?.length).toBe(2);
    expect(feed).toContain(escapeXml(first.post.title));
    expect(feed).toContain(escapeXml(second.post.title));
    expect(validateAtom(second.feedFile)).toMatch(/^OK/m);
  }, 300_000);
});

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
