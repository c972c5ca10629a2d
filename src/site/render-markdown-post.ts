/**
 * A post as a Markdown file for a static site generator (Hugo, Jekyll, Eleventy): YAML front
 * matter — title, date, draft, slug, tags, summary, and under `webxcreta` the post's stable id,
 * seed, model and provenance as data — then one paragraph per paragraph, every sentence's text
 * escaped so nothing in it is read as Markdown or HTML. Every value in the front matter is
 * written as JSON, which YAML reads as it is (so a title with `: ` or quotes never breaks a
 * build). Pure; `parseMarkdownPost` reads back what this writes.
 */
import type { Entry } from '../atom/types.js';
import type { Post } from '../generate/types.js';
import type { SourceInfo } from './render-sentences.js';

export interface MarkdownPostOptions {
  draft: boolean;
  /** Titles and links of the documents the sentences came from (by document id). */
  sources?: Record<string, SourceInfo>;
}

export function renderMarkdownPost(post: Post, entry: Entry, options: MarkdownPostOptions): string {
  const q = yamlJson;
  const sources = options.sources ?? {};
  const docIds = [...new Set([post.title, ...post.paragraphs.flat()].flatMap((s) => s.provenance.map((p) => p.docId)))];
  const lines = [
    '---',
    `title: ${q(entry.title)}`,
    // Hugo reads an unquoted timestamp as a date; whole seconds, UTC.
    `date: ${entry.published.replace(/\.\d+Z$/, 'Z')}`,
    `draft: ${options.draft ? 'true' : 'false'}`,
    `slug: ${q(entry.slug)}`,
    `tags: ${q(entry.categories)}`,
    ...(entry.summary === undefined ? [] : [`summary: ${q(entry.summary)}`]),
    'webxcreta:',
    `  id: ${q(entry.id)}`,
    `  post: ${q(post.id)}`,
    `  seed: ${q(post.seed)}`,
    `  model: ${q(post.modelFingerprint)}`,
    `  sources: ${q(docIds.map((id) => ({ doc: id, title: sources[id]?.title, url: sources[id]?.url, blog: sources[id]?.sourceTitle })))}`,
    `  sentences: ${q(post.paragraphs.flat().map((s) => ({ text: s.text, template: s.template, from: s.provenance.map((p) => ({ doc: p.docId, source: p.sourceId, weight: p.weight, gave: p.gave })) })))}`,
    '---',
    '',
    ...post.paragraphs.flatMap((p) => [p.map((s) => escapeMarkdown(s.text)).join(' '), '']),
  ];
  return lines.join('\n');
}

/** The `webxcreta.id` line of a file this module wrote (how a post is found again). */
export function markdownIdLine(entryId: string): string {
  return `  id: ${yamlJson(entryId)}`;
}

/** JSON, which YAML reads as the same value; the characters YAML takes for line breaks are escaped too. */
function yamlJson(v: unknown): string {
  return JSON.stringify(v).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ParsedMarkdownPost {
  title?: string;
  draft?: boolean;
  id?: string;
  body: string;
}

/** Reads back the fields `renderMarkdownPost` writes (each a JSON value on its own line). */
export function parseMarkdownPost(text: string): ParsedMarkdownPost {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!m) return { body: text };
  const field = (re: RegExp): unknown => {
    const raw = re.exec(m[1])?.[1];
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  const title = field(/^title: (.*)$/m);
  const draft = field(/^draft: (.*)$/m);
  const id = field(/^ {2}id: (.*)$/m);
  return {
    title: typeof title === 'string' ? title : undefined,
    draft: typeof draft === 'boolean' ? draft : undefined,
    id: typeof id === 'string' ? id : undefined,
    body: m[2].replace(/^\n+/, ''),
  };
}

/** Text that Markdown shows as it is: inline syntax and HTML escaped, and whatever would start a block at a line's start. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]{}<>&|~!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d*)([#+=.)-])$/, '$1\\$2')}`);
}
