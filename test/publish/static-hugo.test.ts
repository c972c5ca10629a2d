/**
 * The static-site target with Debian's real `hugo`: a post becomes one Markdown file with YAML
 * front matter in the site's content folder, the after-command (hugo itself, no shell) builds the
 * site, and the built page holds the post; drafts and retracted posts leave the site; a title
 * full of YAML and Markdown syntax builds; SIGKILL between the file and the command leaves one
 * file and a built page after the rerun; a failing command is a clear error, retried next time.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishStep, retractStep, updateStep } from '../../src/pipeline/publish-step.js';
import { listPublications } from '../../src/publish/index.js';
import { escapeMarkdown, parseMarkdownPost, renderMarkdownPost } from '../../src/site/render-markdown-post.js';
import { toEntry } from '../../src/publish/to-entry.js';
import { savePost } from '../../src/store/posts.js';
import { toSlug } from '../../src/text/slug.js';
import type { Post } from '../../src/generate/types.js';
import { generatedPost } from '../fixtures/publish/generated-post.js';
import { runCli } from '../fixtures/publish/spawn-cli.js';
import { fixturePost, makeTestApp, seedCorpus, withPosts, type TestApp } from '../fixtures/publish/test-app.js';
import { runMain } from '../fixtures/publish/run-main.js';

/** A themeless Hugo site: posts at /posts/SLUG/, the provenance's id shown in a data attribute. */
function hugoSite(root: string): string {
  mkdirSync(join(root, 'layouts', '_default'), { recursive: true });
  mkdirSync(join(root, 'content', 'posts'), { recursive: true });
  writeFileSync(
    join(root, 'hugo.toml'),
    'baseURL = "http://127.0.0.1:1313/"\ntitle = "test"\ndisableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n[taxonomies]\n  tag = "tags"\n[permalinks]\n  posts = "/posts/:slug/"\n',
  );
  writeFileSync(join(root, 'layouts', '_default', 'baseof.html'), '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n');
  writeFileSync(
    join(root, 'layouts', '_default', 'single.html'),
    '{{ define "main" }}<article><h1>{{ .Title }}</h1><div class="content">{{ .Content }}</div><ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>' +
      '{{ with .Params.webxcreta }}<p class="provenance" data-id="{{ .id }}" data-sources="{{ len .sources }}">{{ range .sources }}<a href="{{ .url }}">{{ .title }}</a>{{ end }}</p>{{ end }}</article>{{ end }}\n',
  );
  writeFileSync(join(root, 'layouts', '_default', 'list.html'), '{{ define "main" }}<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}\n');
  writeFileSync(join(root, 'layouts', 'index.html'), '{{ define "main" }}<ul class="recent">{{ range where .Site.RegularPages "Section" "posts" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n');
  return root;
}

const HUGO = ['hugo', '--quiet', '--destination', 'public', '--cleanDestinationDir'];

/** A data directory whose config publishes to the Hugo site in its `site/` folder, hugo run there after each change. */
function staticApp(afterCommand: string[] = HUGO): TestApp & { site: string; content: string; page: (slug: string) => string | undefined } {
  const t = makeTestApp({ publish: { target: 'static', retryDelayMs: 10, static: { contentDir: 'site/content/posts', afterCommandCwd: 'site', afterCommand } } });
  const site = hugoSite(join(t.dir, 'site'));
  seedCorpus(t.app);
  const page = (slug: string) => {
    const file = join(site, 'public', 'posts', slug, 'index.html');
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return { ...t, site, content: join(site, 'content', 'posts'), page };
}

describe('publishing to a static site (Markdown + front matter, built by Debian hugo)', () => {
  it('should write one Markdown file that hugo builds into a page holding the post, and never write it twice', async () => {
    const t = staticApp();
    const post = { ...generatedPost('static-one'), topic: ['river', 'Winter'] };
    savePost(t.app.store(), post);
    const pub = await publishStep(t.app, post.id);
    const slug = toSlug(post.title.text, post.id);
    const file = join(t.content, `${slug}.md`);
    expect(pub).toMatchObject({ postId: post.id, target: 'static:site/content/posts', url: `file://${file}` });
    expect(readdirSync(t.content)).toEqual([`${slug}.md`]);
    const md = readFileSync(file, 'utf8');
    expect(md).toMatch(/^---\ntitle: ".*"\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\ndraft: false\nslug: ".*"\ntags: \["river","Winter"\]\n/);
    expect(parseMarkdownPost(md)).toMatchObject({ title: post.title.text, draft: false, id: pub.entryId });

    const page = t.page(slug)!;
    expect(page).toContain(`<h1>${htmlText(post.title.text)}</h1>`);
    for (const s of post.paragraphs.flat()) expect(page).toContain(htmlText(s.text));
    expect(page).toContain(`data-id="${pub.entryId}"`);
    expect(page).toContain('<li>river</li><li>Winter</li>');
    expect(readFileSync(join(t.site, 'public', 'index.html'), 'utf8')).toContain(`href="/posts/${slug}/"`);

    const before = readFileSync(file, 'utf8');
    expect(await publishStep(t.app, post.id)).toMatchObject({ url: pub.url });
    expect(readdirSync(t.content)).toEqual([`${slug}.md`]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    t.app.close();
  });

  it('should build a title and text full of YAML and Markdown syntax as plain text', async () => {
    const t = staticApp();
    const base = fixturePost('post-river');
    const post: Post = {
      ...base,
      id: 'p-nasty-0003',
      title: { ...base.title, text: 'Rivers: "the" trade — # not a heading, *not* bold [nor] a link' },
      paragraphs: [[{ ...base.paragraphs[0][0], text: '- not a list; 1. nor this; <b>no html</b> & `no code` {{< nor a shortcode >}}' }]],
      createdAt: new Date().toISOString(),
    };
    savePost(t.app.store(), post);
    const pub = await publishStep(t.app, post.id);
    const page = t.page(toSlug(post.title.text, post.id))!;
    expect(page).toContain('<h1>Rivers: &#34;the&#34; trade — # not a heading, *not* bold [nor] a link</h1>');
    expect(page).toContain('<p>- not a list; 1. nor this; &lt;b&gt;no html&lt;/b&gt; &amp; `no code` {{&lt; nor a shortcode &gt;}}</p>');
    expect(page).toContain('data-sources="2"');
    expect(page).toContain('<a href="http://127.0.0.1:1/a/1">On rivers</a>');
    expect(pub.url).toMatch(/^file:/);
    t.app.close();
  });

  it('should take a post off the site as a draft and back, update it, and retract it', async () => {
    // hugo leaves the pages of drafts and removed posts in an existing public/: a build script starts afresh.
    const t = staticApp(['bash', 'build.sh']);
    writeFileSync(join(t.site, 'build.sh'), 'set -e\nrm -rf public\nexec hugo --quiet --destination public\n');
    const post = generatedPost('static-two');
    savePost(t.app.store(), post);
    await publishStep(t.app, post.id);
    const slug = toSlug(post.title.text, post.id);
    expect(t.page(slug)).toBeDefined();
    expect(await updateStep(t.app, post.id, { draft: true })).toMatchObject({ draft: true });
    expect(readFileSync(join(t.content, `${slug}.md`), 'utf8')).toContain('\ndraft: true\n');
    expect(t.page(slug)).toBeUndefined();
    await updateStep(t.app, post.id, { draft: false });
    expect(t.page(slug)).toBeDefined();
    const changed = { ...post, title: generatedPost('static-two-b').title };
    t.app.store().prepare('UPDATE posts SET data = ? WHERE id = ?').run(JSON.stringify(changed), post.id);
    await updateStep(t.app, post.id);
    expect(readdirSync(t.content)).toEqual([`${slug}.md`]);
    expect(t.page(slug)).toContain(`<h1>${htmlText(changed.title.text)}</h1>`);
    expect(await retractStep(t.app, post.id)).toMatchObject({ state: 'retracted' });
    expect(readdirSync(t.content)).toEqual([]);
    expect(t.page(slug)).toBeUndefined();
    t.app.close();
  });

  it('should end with a clear error when the after-command fails, and finish on the next publish', async () => {
    const t = staticApp(['false']);
    const post = generatedPost('static-three');
    savePost(t.app.store(), post);
    await expect(publishStep(t.app, post.id)).rejects.toThrow('the after-command false failed (exit status 1)');
    expect(listPublications(t.app.store())).toMatchObject([{ state: 'intent' }]);
    t.app.config.publish.static.afterCommand = HUGO;
    await publishStep(t.app, post.id);
    expect(listPublications(t.app.store())).toMatchObject([{ state: 'published' }]);
    expect(readdirSync(t.content)).toHaveLength(1);
    expect(t.page(toSlug(post.title.text, post.id))).toBeDefined();
    t.app.config.publish.static.afterCommand = ['no-such-command-webx'];
    const other = generatedPost('static-four');
    savePost(t.app.store(), other);
    await expect(publishStep(t.app, other.id)).rejects.toThrow('the after-command no-such-command-webx was not found');
    t.app.close();
  });

  it('should leave one file and a built page when killed between the file and the command, and run again', async () => {
    const t = staticApp();
    const post = generatedPost('static-crash');
    savePost(t.app.store(), post);
    const args = ['--data', t.dir, 'publish', post.id, '--json'];
    const killed = await runCli(args, { WEBXCRETA_TEST_CRASH_AT: 'request-sent' });
    expect(killed.signal).toBe('SIGKILL');
    const slug = toSlug(post.title.text, post.id);
    expect(readdirSync(t.content)).toEqual([`${slug}.md`]);
    expect(t.page(slug)).toBeUndefined();
    const rerun = await runCli(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(readdirSync(t.content)).toEqual([`${slug}.md`]);
    expect(t.page(slug)).toBeDefined();
    expect(listPublications(t.app.store())).toMatchObject([{ state: 'published', attempts: 1 }]);
    t.app.close();
  }, 120_000);
});

describe('webxcreta publish --to', () => {
  it('should publish to the named target instead of publish.target, and refuse an unknown name with exit 2', async () => {
    const t = makeTestApp({ publish: { static: { contentDir: 'md' } } });
    withPosts(t, 'post-hills');
    t.app.close();
    const to = await runMain(['--data', t.dir, '--json', 'publish', '--to', 'static'], t.dir);
    expect(to.code, to.stderr).toBe(0);
    expect(JSON.parse(to.stdout)).toMatchObject({ ok: true, postId: 'p-hills-0002', target: 'static:md' });
    expect(readdirSync(join(t.dir, 'md'))).toEqual(['rain-over-the-southern-hills-phills00.md']);
    const bad = await runMain(['--data', t.dir, '--json', 'publish', '--to', 'blogger'], t.dir);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatch(/publish\.target: Invalid option: expected one of "box"\|"atompub"\|"wordpress"\|"static"/);
    const unset = await runMain(['--data', t.dir, '--json', 'publish', '--to', 'wordpress'], t.dir);
    expect(unset.code).toBe(2);
    expect(JSON.parse(unset.stdout).error).toMatch(/publish\.wordpress\.url: "wordpress" needs the site's address/);
  });
});

describe('renderMarkdownPost', () => {
  it('should escape what Markdown would read as syntax, and put the provenance in the front matter', () => {
    expect(escapeMarkdown('# a *b* _c_ [d](e) <f> & g | h ~ `i`')).toBe('\\# a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\& g \\| h \\~ \\`i\\`');
    expect(escapeMarkdown('12. twelve')).toBe('12\\. twelve');
    expect(escapeMarkdown('- dash')).toBe('\\- dash');
    const post = fixturePost('post-river');
    const md = renderMarkdownPost(post, toEntry(post, { baseUrl: 'http://b.example/', author: 'a', title: 't' }), {
      draft: false,
      sources: { 'doc-a': { title: 'On rivers', url: 'http://a.example/1', sourceTitle: 'Alpha' } },
    });
    expect(md.split('\n').slice(0, 12)).toEqual([
      '---',
      'title: "The river trade of the northern towns"',
      'date: 2026-11-20T09:00:00Z',
      'draft: false',
      'slug: "the-river-trade-of-the-northern-towns-priver00"',
      'tags: ["river","trade"]',
      'summary: "The river carries grain and timber to the coast every spring."',
      'webxcreta:',
      '  id: "tag:webxcreta,2026-11-20:post/p-river-0001"',
      '  post: "p-river-0001"',
      '  seed: "42"',
      '  model: "fp-test"',
    ]);
    expect(md).toContain('  sources: [{"doc":"doc-a","title":"On rivers","url":"http://a.example/1","blog":"Alpha"},{"doc":"doc-b"},{"doc":"doc-c"}]');
    expect(md).toContain('{"text":"Merchants say the tolls are <high> & \\"rising\\".","template":"t2","from":[{"doc":"doc-b","source":"src-b","weight":1,"gave":"template"}]}');
    expect(md).toContain('\n---\n\nThe river carries grain and timber to the coast every spring. Merchants say the tolls are \\<high\\> \\& "rising".\n\nIn winter');
  });
});

/** Text as Hugo's templates escape it. */
function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}
