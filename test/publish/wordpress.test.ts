/**
 * Publishing to a real WordPress (Debian's wordpress 6.x, MariaDB, PHP's built-in server on
 * 127.0.0.1, started by scripts/wordpress-local.sh): publish a generated post, read it back
 * through the REST API, see it on the front page, update, draft, retract; reconcile after a lost
 * answer and after SIGKILL at the dangerous points (exactly one copy); a wrong Application
 * Password ends with a message that names the fix and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishStep, retractStep, updateStep } from '../../src/pipeline/publish-step.js';
import { listPublications } from '../../src/publish/index.js';
import type { PublishStep as CrashPoint } from '../../src/publish/target.js';
import { findApiLink, wpRoute } from '../../src/publish/wordpress-target.js';
import type { Post } from '../../src/generate/types.js';
import { savePost } from '../../src/store/posts.js';
import { startWordPress, wpAuth, type WordPress } from '../helpers/wordpress.js';
import { generatedPost } from '../fixtures/publish/generated-post.js';
import { runCli } from '../fixtures/publish/spawn-cli.js';
import { makeTestApp, seedCorpus, type TestApp } from '../fixtures/publish/test-app.js';
import { toSlug } from '../../src/text/slug.js';
import { escapeHtml } from '../../src/text/escape-html.js';
import { xmlSafeText } from '../../src/text/xml-safe-text.js';

let wp: WordPress;
beforeAll(async () => {
  wp = await startWordPress();
  await wp.script('reset');
}, 600_000);

interface WpPost {
  id: number;
  link: string;
  slug: string;
  status: string;
  title: { raw: string };
  content: { raw: string };
  tags: number[];
  categories: number[];
  meta: Record<string, string> | unknown[];
}

const rest = async <T>(path: string): Promise<T> => {
  const r = await fetch(`${wp.restUrl}${path}`, { headers: { authorization: wpAuth(wp) } });
  return (await r.json()) as T;
};
/** Every copy of a post on the site (any status but trash), found by the id its content carries. */
const copiesOf = async (post: Post) =>
  (await rest<WpPost[]>(`wp/v2/posts?search=${encodeURIComponent(post.id)}&status=any&context=edit&per_page=100`)).filter((p) => p.content.raw.includes(post.id));

function wpApp(env: Record<string, string> = {}, extra: Record<string, unknown> = {}): TestApp {
  const t = makeTestApp(
    { publish: { target: 'wordpress', retryDelayMs: 10, wordpress: { url: `${wp.baseUrl}/`, user: wp.user, categories: ['Generated'] }, ...extra } },
    { WEBXCRETA_WP_PASSWORD: wp.appPassword, ...env },
  );
  seedCorpus(t.app);
  return t;
}

describe('publishing to WordPress (REST API, Application Password)', () => {
  let t: TestApp;
  let post: Post;
  let remoteId: number;
  beforeAll(() => {
    t = wpApp();
    post = generatedPost('wp-one', ['river', 'winter']);
    savePost(t.app.store(), post);
  });
  afterAll(() => t.app.close());

  it('should publish a generated post, readable back through the REST API and on the front page', async () => {
    const pub = await publishStep(t.app, post.id);
    const slug = toSlug(post.title.text, post.id);
    expect(pub).toMatchObject({ postId: post.id, target: `wordpress:${wp.baseUrl}/`, url: `${wp.baseUrl}/${slug}/` });
    remoteId = Number(listPublications(t.app.store())[0].remoteId);
    expect(remoteId).toBeGreaterThan(0);

    const back = await rest<WpPost>(`wp/v2/posts/${remoteId}?context=edit`);
    expect(back).toMatchObject({ status: 'publish', slug, title: { raw: post.title.text } });
    expect(back.meta).toMatchObject({ webxcreta_id: pub.entryId });
    for (const s of post.paragraphs.flat()) expect(back.content.raw).toContain(escapeHtml(xmlSafeText(s.text)));
    const tags = await rest<Array<{ name: string }>>(`wp/v2/tags?include=${back.tags.join(',')}`);
    expect(tags.map((x) => x.name).sort()).toEqual(['river', 'winter']);
    const categories = await rest<Array<{ name: string }>>(`wp/v2/categories?include=${back.categories.join(',')}`);
    expect(categories.map((x) => x.name)).toEqual(['Generated']);

    const home = await (await fetch(`${wp.baseUrl}/`)).text();
    expect(home).toContain(`<article id="post-${remoteId}"`);
    expect(home).toContain(post.paragraphs[0][0].text.replace(/'/g, '&#8217;').split(' ').slice(0, 3).join(' '));

    expect(await publishStep(t.app, post.id)).toMatchObject({ url: pub.url });
    expect(await copiesOf(post)).toHaveLength(1);
  });

  it('should update the post, make it a draft and back, and retract it to the trash', async () => {
    const other = generatedPost('wp-one-changed');
    t.app.store().prepare('UPDATE posts SET data = ? WHERE id = ?').run(JSON.stringify({ ...post, title: other.title }), post.id);
    const updated = await updateStep(t.app, post.id);
    expect(updated).toMatchObject({ state: 'published', draft: false, remoteId: String(remoteId) });
    expect((await rest<WpPost>(`wp/v2/posts/${remoteId}?context=edit`)).title.raw).toBe(other.title.text);

    expect(await updateStep(t.app, post.id, { draft: true })).toMatchObject({ draft: true });
    expect((await rest<WpPost>(`wp/v2/posts/${remoteId}?context=edit`)).status).toBe('draft');
    expect(await (await fetch(`${wp.baseUrl}/`)).text()).not.toContain(`id="post-${remoteId}"`);
    await updateStep(t.app, post.id, { draft: false });
    expect(await (await fetch(`${wp.baseUrl}/`)).text()).toContain(`id="post-${remoteId}"`);

    expect(await retractStep(t.app, post.id)).toMatchObject({ state: 'retracted' });
    expect((await rest<WpPost>(`wp/v2/posts/${remoteId}?context=edit`)).status).toBe('trash');
    expect(await (await fetch(`${wp.baseUrl}/`)).text()).not.toContain(`id="post-${remoteId}"`);
  });

  it('should find its post after a lost answer, on plain core WordPress too (no meta registered)', async () => {
    await wp.script('start', { WP_MU_PLUGIN: '0' });
    try {
      const u = wpApp();
      const p = generatedPost('wp-lost');
      savePost(u.app.store(), p);
      const first = await publishStep(u.app, p.id);
      u.app.store().prepare("UPDATE publications SET state = 'intent', url = NULL, edit_url = NULL, remote_id = NULL").run();
      const again = await publishStep(u.app, p.id);
      expect(again.url).toBe(first.url);
      expect(await copiesOf(p)).toHaveLength(1);
      u.app.close();
    } finally {
      await wp.script('start', { WP_MU_PLUGIN: '1' });
    }
  });

  it('should refuse a wrong Application Password with a message naming the fix, before recording anything', async () => {
    const u = wpApp({ WEBXCRETA_WP_PASSWORD: 'AAAA BBBB CCCC DDDD EEEE FFFF' });
    const p = generatedPost('wp-wrong');
    savePost(u.app.store(), p);
    const error = (await publishStep(u.app, p.id).catch((e: unknown) => e)) as { message: string; hint: string };
    expect(error.message).toMatch(/^logging in to WordPress: the server at 127\.0\.0\.1:\d+ refused the credentials \(401\)/);
    expect(error.hint).toMatch(/Application Password.*WEBXCRETA_WP_PASSWORD/);
    expect(JSON.stringify(error)).not.toContain('AAAA BBBB');
    expect(listPublications(u.app.store())).toEqual([]);
    u.app.close();
  });
});

describe.concurrent('WordPress after SIGKILL', () => {
  // after-intent: nothing is on WordPress yet; request-sent, after-response: the post is there and the database does not know it.
  it.each(['after-intent', 'request-sent', 'after-response'] as CrashPoint[])('should leave exactly one copy when killed at %s and run again', async (point) => {
    const t = wpApp();
    const post = generatedPost(`wp-crash-${point}`);
    savePost(t.app.store(), post);
    const args = ['--data', t.dir, 'publish', post.id, '--json'];
    const env = { WEBXCRETA_WP_PASSWORD: wp.appPassword };
    const killed = await runCli(args, { ...env, WEBXCRETA_TEST_CRASH_AT: point });
    expect(killed.signal).toBe('SIGKILL');
    const rerun = await runCli(args, env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ ok: true, postId: post.id, target: `wordpress:${wp.baseUrl}/` });
    const copies = await copiesOf(post);
    expect(copies).toHaveLength(1);
    expect(copies[0].status).toBe('publish');
    expect(listPublications(t.app.store())).toMatchObject([{ state: 'published', remoteId: String(copies[0].id) }]);
    t.app.close();
  }, 180_000);
});

describe('WordPress credentials', () => {
  it('should refuse to send the Application Password over plain HTTP off loopback, before any request', async () => {
    const t = makeTestApp({ publish: { target: 'wordpress', wordpress: { url: 'http://blog.example.invalid/', user: 'bot' } } }, { WEBXCRETA_WP_PASSWORD: 'pw' });
    seedCorpus(t.app);
    savePost(t.app.store(), generatedPost('wp-http'));
    await expect(publishStep(t.app, generatedPost('wp-http').id)).rejects.toThrow('refusing to send the WordPress Application Password over plain HTTP to blog.example.invalid');
    t.app.close();
  });

  it('should say what is missing when there is no user or no password', async () => {
    const t = makeTestApp({ publish: { target: 'wordpress', wordpress: { url: 'https://blog.example.invalid/' } } }, { WEBXCRETA_WP_PASSWORD: 'pw' });
    seedCorpus(t.app);
    savePost(t.app.store(), generatedPost('wp-nouser'));
    const error = (await publishStep(t.app, generatedPost('wp-nouser').id).catch((e: unknown) => e)) as { message: string; hint: string; exitCode: number };
    expect(error).toMatchObject({ message: 'publishing to WordPress needs a user', exitCode: 2 });
    expect(error.hint).toMatch(/publish\.wordpress\.user.*WEBXCRETA_WP_USER.*WEBXCRETA_WP_PASSWORD.*publish\.wordpress\.passwordFile/);
    t.app.close();
  });
});

describe('WordPress discovery', () => {
  it('should find the REST root in the Link header or the home page', async () => {
    const home = await fetch(`${wp.baseUrl}/`);
    const headers = Object.fromEntries(home.headers);
    const body = await home.text();
    expect(findApiLink({ headers, body }, `${wp.baseUrl}/`)).toBe(`${wp.baseUrl}/wp-json/`);
    expect(findApiLink({ headers: {}, body }, `${wp.baseUrl}/`)).toBe(`${wp.baseUrl}/wp-json/`);
    expect(findApiLink({ headers: {}, body: "<link href='/?rest_route=/' rel='https://api.w.org/'>" }, 'https://b.example/')).toBe('https://b.example/?rest_route=/');
    expect(findApiLink({ headers: {}, body: '<link rel="alternate" href="/feed/">' }, 'https://b.example/')).toBeUndefined();
    expect(wpRoute('https://b.example/?rest_route=/', 'wp/v2/posts', { slug: 'a' })).toBe('https://b.example/?rest_route=%2Fwp%2Fv2%2Fposts&slug=a');
    expect(wpRoute('https://b.example/wp-json', 'wp/v2/posts/3')).toBe('https://b.example/wp-json/wp/v2/posts/3');
  });
});
