/**
 * `webxcreta feeds …`: the list of sources. add (a feed, or a home page whose feed is
 * autodiscovered), remove, list, import (OPML file or URL), import-directory (a "top blogs" page
 * and a CSS selector for its blog links), export (OPML).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WebxError } from '../../errors.js';
import { addSource, fetchText, findFeed, importDirectory, importOpml, listSources, removeSource, toOpml, type ImportedSource } from '../../harvest/index.js';
import { formatTable } from '../../harvest/render-report.js';
import { findSource } from '../../store/sources.js';
import { BUILTIN_BASE } from '../../pipeline/serve-builtin-corpus.js';
import type { Io } from '../app.js';
import { emit } from '../output.js';
import { withApp } from '../with-app.js';
import type { RegisterCommand } from './index.js';
import { plural } from '../../text/plural.js';

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}`;
const importLine = (i: ImportedSource) => `${i.added ? 'added ' : 'exists'}  ${i.source.url}${i.source.title ? `  (${i.source.title})` : ''}`;

export const registerFeeds: RegisterCommand = (program: Command, io: Io) => {
  const feeds = program.command('feeds').description('manage the feeds to harvest: add, remove, list, import, import-directory, export');

  feeds
    .command('add')
    .description('add a feed; a home-page URL is fetched and its feed found by autodiscovery (<link rel="alternate">)')
    .argument('<url>', 'feed URL or a blog\'s home page')
    .option('--own', 'this is the bot\'s own blog (harvested like any other, flagged as its own)')
    .option('--title <title>', 'title to show instead of the feed\'s own')
    .option('--no-discover', 'add the URL as given, without fetching it')
    .addHelpText('after', examples('webxcreta feeds add https://example.org/', 'webxcreta feeds add http://127.0.0.1:8080/feed.xml --own'))
    .action(
      withApp(io, async (app, url: string, flags: { own?: boolean; title?: string; discover: boolean }) => {
        let feedUrl = url;
        let found: { title?: string; siteUrl?: string } = {};
        if (flags.discover) {
          const [f] = await findFeed([url], app.config.harvest);
          if (!f.ok) throw new WebxError(f.error, { hint: `${f.hint}; or add it unchecked with \`webxcreta feeds add --no-discover ${url}\`` });
          feedUrl = f.feedUrl;
          found = f;
        }
        const added = !findSource(app.store(), feedUrl);
        const source = addSource(app.store(), feedUrl, { kind: flags.own ? 'own' : undefined, title: flags.title ?? (found.title || undefined), siteUrl: found.siteUrl });
        const verb = added ? 'added' : 'already a feed:';
        emit(app, { ok: true, source, added }, (r) => `${verb} ${r.source.url}${r.source.title ? ` (${r.source.title})` : ''}${feedUrl !== url ? `\n  found from ${url}` : ''}`);
      }, undefined, 'create'),
    );

  feeds
    .command('remove')
    .description('remove a feed and everything harvested from it')
    .argument('<url-or-id>', 'the feed URL or source id, as `webxcreta feeds list` shows them')
    .action(
      withApp(io, async (app, urlOrId: string) => {
        const source = findSource(app.store(), urlOrId);
        if (!source || !removeSource(app.store(), source.id)) throw new WebxError(`no feed ${urlOrId}`, { hint: 'see the feeds with `webxcreta feeds list`' });
        const comesBack = app.config.sources.builtin && source.url.startsWith(BUILTIN_BASE);
        const note = comesBack ? '\n  note: the built-in sample feeds are added again on the next harvest; set `sources.builtin` to false to drop them all' : '';
        emit(app, { ok: true, removed: urlOrId }, (r) => `removed ${r.removed}${note}`);
      }),
    );

  feeds
    .command('list')
    .description('list the feeds with their document counts and last fetch status')
    .action(
      withApp(io, async (app) => {
        const sources = listSources(app.store());
        emit(app, { ok: true, sources }, (r) =>
          r.sources.length === 0
            ? 'no feeds yet: add one with `webxcreta feeds add URL` (the built-in sample is added on the first harvest)'
            : formatTable(
                ['id', 'kind', 'docs', 'http', 'last fetched', 'url'],
                r.sources.map((s) => [s.id, s.kind, String(s.documents), s.lastStatus ? String(s.lastStatus) : '-', s.lastFetchedAt?.slice(0, 16) ?? '-', s.url]),
              ),
        );
      }, undefined, 'read'),
    );

  feeds
    .command('import')
    .description('add every feed of an OPML subscription list (a file or a URL)')
    .argument('<file-or-url>', 'an .opml file or its URL')
    .addHelpText('after', examples('webxcreta feeds import blogs.opml', 'webxcreta feeds import https://example.org/blogroll.opml'))
    .action(
      withApp(io, async (app, location: string) => {
        const got = await fetchText(location, app.config.harvest, app.io.cwd);
        if (!got.ok) throw new WebxError(got.error, { hint: got.hint });
        const imported = importOpml(app.store(), got.text, got.url);
        if (imported.length === 0) throw new WebxError(`no feeds found in ${location}`, { hint: 'an OPML list has <outline xmlUrl="…"> elements; check the file' });
        emit(app, { ok: true, imported }, (r) => r.imported.map(importLine).join('\n'));
      }, undefined, 'create'),
    );

  feeds
    .command('import-directory')
    .description('add the blogs a "top blogs" directory page links to: pick the links with a CSS selector, find each blog\'s feed')
    .argument('<url>', 'the directory page')
    .requiredOption('-s, --selector <css>', 'CSS selector of the blog links (an <a>, or an element containing one)')
    .option('--limit <n>', 'take only the first N links', (v) => Number.parseInt(v, 10))
    .addHelpText('after', examples(`webxcreta feeds import-directory https://example.org/top100 --selector 'ol.blogs a.blog'`, `webxcreta feeds import-directory https://example.org/top100 -s 'td.name' --limit 20`))
    .action(
      withApp(io, async (app, url: string, flags: { selector: string; limit?: number }) => {
        const result = await importDirectory(app.store(), url, flags.selector, { ...app.config.harvest, limit: flags.limit });
        if ('error' in result) throw new WebxError(result.error, { hint: result.hint });
        if (result.links.length === 0) throw new WebxError(`the selector ${flags.selector} matched no links on ${url}`, { hint: 'open the page and check the selector (it must pick <a href> elements or elements containing one)' });
        emit(app, { ok: true, ...result }, (r) =>
          [`${r.links.length} links on ${r.page}`, ...r.imported.map(importLine), ...r.failed.map((f) => `failed  ${f.url}: ${f.error}`)].join('\n'),
        );
      }, undefined, 'create'),
    );

  feeds
    .command('export')
    .description('write the feeds as an OPML list (to FILE, else to stdout)')
    .argument('[file]', 'where to write the OPML file')
    .action(
      withApp(io, async (app, file: string | undefined) => {
        const sources = listSources(app.store());
        const opml = toOpml(sources, `${app.config.publish.blogTitle} feeds`);
        if (!file) {
          if (app.json) emit(app, { ok: true, feeds: sources.length, opml }, () => '');
          else app.io.stdout.write(opml);
          return;
        }
        const path = resolve(app.io.cwd, file);
        writeFileSync(path, opml);
        emit(app, { ok: true, feeds: sources.length, file: path }, (r) => `wrote ${plural(r.feeds, 'feed')} to ${r.file}`);
      }, undefined, 'read'),
    );
};
