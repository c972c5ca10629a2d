/** HTML → plain text (for titles given as HTML and for comparing contents), through cheerio. */
import { load } from 'cheerio';

export function htmlToText(html: string): string {
  const $ = load(`<body>${html}</body>`);
  $('p, div, br, li, h1, h2, h3, h4, h5, h6, blockquote').each((_, el) => {
    $(el).append('\n');
  });
  return $('body').text().replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}
