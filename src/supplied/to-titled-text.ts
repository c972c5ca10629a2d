/** A supplied text in any format → a title (maybe empty) and prose paragraphs joined by "\n\n". */
import { load } from 'cheerio/slim';
import { cleanTitle, htmlToText, plainToText } from '../text/html-to-text.js';
import { markdownToText, type TitledText } from './markdown-to-text.js';
import { dropPlainTextMarks } from './plain-text-marks.js';
import type { SuppliedText } from './types.js';

export function toTitledText(supplied: SuppliedText): TitledText {
  switch (supplied.format) {
    case 'markdown':
      // A fortune file whose entries look like Markdown: its `%` separators still end an entry.
      return markdownToText(supplied.content.replace(/^[ \t]*%%?[ \t]*$/gm, ''));
    case 'html':
      return { title: htmlTitle(supplied.content), text: htmlToText(supplied.content) };
    case 'text':
      return { title: '', text: plainToText(dropPlainTextMarks(supplied.content)) };
  }
}

function htmlTitle(html: string): string {
  const $ = load(html);
  return cleanTitle($('h1').first().text() || $('title').first().text());
}
