/**
 * Markdown → prose paragraphs (pure). Keeps what a reader reads: heading text, list items,
 * quotes, link and emphasis text. Drops code, images, HTML tags, tables and front matter.
 * The first `#` heading, if any, is returned as the title.
 */
import { htmlToText } from '../text/html-to-text.js';

export interface TitledText {
  title: string;
  text: string;
}

export function markdownToText(markdown: string): TitledText {
  let title = '';
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  let fence = false;
  const lines = stripFrontMatter(markdown.replace(/\r\n?/g, '\n')).split('\n');
  for (const raw of lines) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      flush();
      continue;
    }
    if (fence || /^( {4}|\t)/.test(raw) && current.length === 0) continue;
    const line = raw.trim();
    if (!line || /^([-*_=]\s*){3,}$/.test(line) || /^\|.*\|$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[1]);
      if (!title && line.startsWith('# ')) title = text;
      else if (text) paragraphs.push(text);
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) flush();
    current.push(inline((item ? item[1] : line).replace(/^(>\s*)+/, '')));
  }
  flush();
  return { title, text: paragraphs.filter((p) => /[\p{L}\p{N}]/u.test(p)).join('\n\n') };
}

function stripFrontMatter(s: string): string {
  return s.startsWith('---\n') ? s.replace(/^---\n[\s\S]*?\n---\n/, '') : s;
}

/** Inline markup → its text: images dropped, links and emphasis unwrapped, inline HTML stripped. */
function inline(s: string): string {
  const text = s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1');
  return (/<[a-z/!]/i.test(text) || /&\w+;/.test(text) ? htmlToText(text).replace(/\n+/g, ' ') : text).replace(/\s+/g, ' ').trim();
}
