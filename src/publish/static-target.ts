/**
 * A static site as a publish target: one Markdown file per post (`SLUG.md`, YAML front matter with
 * the provenance as data) written atomically into the site's content folder, then an optional
 * after-command (an argv array run without a shell, under a timeout — `hugo`, a deploy script).
 * The file's name and contents follow from the post alone, so writing it again never makes a
 * second copy; a post is found again by the `webxcreta.id` in its front matter (in any file of
 * the folder, should the user have renamed it). After a kill between the file and the command,
 * the next run finds the file and runs the command again: it runs at least once per change, so it
 * should be safe to repeat (a site build is).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WebxError } from '../errors.js';
import type { Post } from '../generate/types.js';
import type { SourceInfo } from '../site/render-sentences.js';
import { markdownIdLine, parseMarkdownPost, renderMarkdownPost } from '../site/render-markdown-post.js';
import type { Publication } from '../store/publications.js';
import { writeAtomic } from '../store/write-atomic.js';
import { redactSecrets } from '../text/redact.js';
import { abortableSleep, type PublishItem, type PublishTarget, type RemoteCopy, type RemotePost, type RetryPolicy } from './target.js';

export interface StaticSite {
  /** Key of the target in the publications table (`static:DIR`). */
  name: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  afterCommand?: string[];
  afterCommandTimeoutMs: number;
  /** Absolute working directory of the after-command. */
  afterCommandCwd: string;
  /** The after-command's environment (the caller leaves the bot's secrets out). */
  env: Record<string, string | undefined>;
  /** Secrets to keep out of messages (the command's output could show one). */
  secrets: string[];
  /** Titles and links of a post's sources, for its front matter. */
  describe(post: Post): Record<string, SourceInfo>;
  log(line: string): void;
  retry: RetryPolicy;
}

export function staticTarget(site: StaticSite): PublishTarget {
  const { contentDir } = site;
  const redact = (text: string) => redactSecrets(text, { secrets: site.secrets, maxLength: Number.MAX_SAFE_INTEGER });
  const fileOf = (slug: string) => join(contentDir, `${slug}.md`);
  const at = (file: string): RemotePost => ({ url: pathToFileURL(file).href, remoteId: file });

  function write({ post, entry }: PublishItem, file: string, draft: boolean): void {
    writeAtomic(file, renderMarkdownPost(post, entry, { draft, sources: site.describe(post) }));
  }

  async function afterCommand(why: string): Promise<void> {
    const argv = site.afterCommand;
    if (!argv?.length) return;
    site.log(`publish: running ${argv[0]} (${why})`);
    const result = await runCommand(argv, { cwd: site.afterCommandCwd, env: site.env, timeoutMs: site.afterCommandTimeoutMs });
    if (result.ok) return;
    const said = result.output ? `: ${redact(result.output)}` : '';
    throw new WebxError(`the after-command ${argv[0]} ${result.reason}${said}`, {
      hint: 'fix `publish.static.afterCommand` (an argv array, the program first; no shell); the Markdown file is written, and the next run runs the command again',
    });
  }

  function fileWithId(entryId: string, expected: string): string | undefined {
    const line = markdownIdLine(entryId);
    const has = (file: string) => {
      try {
        return readFileSync(file, 'utf8').split('\n').includes(line);
      } catch {
        return false;
      }
    };
    if (has(expected)) return expected;
    if (!existsSync(contentDir)) return undefined;
    return readdirSync(contentDir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(contentDir, name))
      .find(has);
  }

  const stored = (pub: Publication): string => pub.remoteId ?? fileOf(pub.slug ?? '');

  return {
    name: site.name,
    kind: 'static',
    where: contentDir,
    retry: site.retry,
    async create(item, { draft, onSent }) {
      const file = fileOf(item.entry.slug);
      write(item, file, draft);
      onSent();
      await afterCommand(`after writing ${file}`);
      return { kind: 'created', where: at(file) };
    },
    async find(item) {
      const file = fileWithId(item.entry.id, fileOf(item.entry.slug));
      return file ? at(file) : undefined;
    },
    async resume(_item, where) {
      await afterCommand(`for ${where.remoteId ?? 'the post'}, written by an earlier run`);
    },
    async read(pub): Promise<RemoteCopy | undefined> {
      let text: string;
      try {
        text = readFileSync(stored(pub), 'utf8');
      } catch {
        return undefined;
      }
      const back = parseMarkdownPost(text);
      return { title: back.title ?? '', content: back.body, contentType: 'markdown', draft: back.draft ?? false, url: pathToFileURL(stored(pub)).href };
    },
    async update(item, pub, { draft }) {
      const file = fileWithId(item.entry.id, stored(pub)) ?? fileOf(item.entry.slug);
      write(item, file, draft);
      await afterCommand(`after updating ${file}`);
      return at(file);
    },
    async retract(pub) {
      const file = stored(pub);
      rmSync(file, { force: true });
      await afterCommand(`after removing ${file}`);
    },
    redact,
    sleep: (ms) => abortableSleep(ms, site.retry.signal),
    close: async () => {},
  };
}

interface CommandResult {
  ok: boolean;
  reason: string;
  output: string;
}

/** Runs argv (no shell) with a timeout; the tail of its output is kept for the error message. */
function runCommand(argv: string[], options: { cwd: string; env: Record<string, string | undefined>; timeoutMs: number }): Promise<CommandResult> {
  return new Promise((resolve) => {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-2000);
    };
    let child;
    try {
      child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolve({ ok: false, reason: `could not be started (${(e as Error).message})`, output: '' });
      return;
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: e.code === 'ENOENT' ? 'was not found (is it installed and on PATH?)' : `could not be started (${e.message})`, output: '' });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const tail = output.trim().split('\n').slice(-5).join(' ').replace(/\s+/g, ' ').slice(-400);
      if (timedOut) resolve({ ok: false, reason: `did not finish within ${options.timeoutMs} ms (\`publish.static.afterCommandTimeoutMs\`)`, output: tail });
      else if (code === 0) resolve({ ok: true, reason: '', output: '' });
      else resolve({ ok: false, reason: code === null ? `was killed by ${signal}` : `failed (exit status ${code})`, output: tail });
    });
  });
}
