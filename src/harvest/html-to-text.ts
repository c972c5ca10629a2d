/**
 * HTML → clean prose for the model. Drops what is not prose: scripts, styles, navigation, forms,
 * media, code and preformatted blocks, tables made mostly of numbers, share/related/subscribe
 * boilerplate (by tag, class or id), hidden elements, and the stock feed footers ("The post …
 * appeared first on …"). Entities are decoded; block elements and double <br> end a paragraph;
 * paragraphs are joined with "\n\n". Pure.
 *
 * Why htmlparser2's streaming parser and not a cheerio DOM: cheerio parses with this same parser,
 * but building and querying a DOM for each item cost more than rss-parser's whole parse of the
 * feed (see bench/harvest.ts); one pass over the parser's events does the same work in a third of
 * the time. Cheerio still reads whole pages (autodiscovery, directories, OPML).
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'object',
  'embed', 'button', 'select', 'textarea', 'svg', 'math', 'canvas', 'code', 'pre', 'kbd', 'samp', 'var', 'img',
  'video', 'audio', 'picture', 'figure', 'map', 'head', 'title', 'del', 's', 'strike', 'sup',
]);
const BOILERPLATE = /(^|[\s_-])(share|sharing|sharedaddy|social|addthis|addtoany|related|subscribe|newsletter|advert|advertisement|ads?|sponsor(ed)?|promo|byline|post-?meta|entry-?meta|entry-?footer|entry-?utility|tags|tag-?links|cat-?links|breadcrumbs?|feedflare|jp-relatedposts|wp-block-buttons|comments?-link|author-?bio|signature|post-?navigation|nav-?links)($|[\s_-])/i;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'caption', 'hr', 'address', 'details', 'summary', 'figcaption', 'center',
]);
const FOOTER_LINE = /^(share this|like this|related( posts)?:?$|continue reading|read more|read the rest|the post .+ appeared first on|posted in |filed under|tags?:|this entry was posted|subscribe to|click to share|you may also like)/i;
/** Paragraph boundary (block elements) and line break (<br>) marks in the collected text. */
const BREAK = '\u0000';
const LINE = '\u0001';

/** Text of a table, held back until we know whether it is prose or figures. */
interface TableBuffer {
  out: string[];
  cells: string[];
  cell?: string;
}

export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return plainToText(decodeHTML(html));
  const out: string[] = [];
  const open: Array<{ name: string; dropped: boolean }> = [];
  const tables: TableBuffer[] = [];
  let skipping = 0;
  const sink = () => (tables.length > 0 ? tables[tables.length - 1].out : out);
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const dropped = skipping > 0 || DROP.has(name) || isHidden(attribs);
        open.push({ name, dropped });
        if (dropped) return void skipping++;
        if (name === 'br') sink().push(LINE);
        else if (BLOCK.has(name)) sink().push(BREAK);
        if (name === 'table') tables.push({ out: [], cells: [] });
        else if ((name === 'td' || name === 'th') && tables.length > 0) tables[tables.length - 1].cell = '';
      },
      ontext(text) {
        if (skipping > 0) return;
        sink().push(text);
        const table = tables[tables.length - 1];
        if (table?.cell !== undefined) table.cell += text;
      },
      onclosetag(name) {
        const entry = open.pop();
        if (!entry || entry.dropped) return void (entry && skipping--);
        if (name === 'table' && tables.length > 0) {
          const table = tables.pop()!;
          if (!isNumericTable(table.cells)) sink().push(...table.out);
        } else if ((name === 'td' || name === 'th') && tables.length > 0) {
          const table = tables[tables.length - 1];
          if (table.cell !== undefined) table.cells.push(table.cell);
          table.cell = undefined;
        }
        if (BLOCK.has(name)) sink().push(BREAK);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return toParagraphs(out.join(''));
}

function isHidden(attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  if (attribs.style && /display\s*:\s*none/i.test(attribs.style)) return true;
  const names = (attribs.class ?? '') + ' ' + (attribs.id ?? '');
  return names.length > 1 && BOILERPLATE.test(names);
}

/** Plain text (Atom type="text", JSON Feed content_text): blank lines separate paragraphs. */
export function plainToText(text: string): string {
  return toParagraphs(text.replace(/\r\n?/g, '\n').replace(/\n[ \t]*\n/g, BREAK));
}

/**
 * BREAK ends a paragraph; two LINEs (<br>) with only blanks between end one too; a single LINE and
 * any run of whitespace (source newlines included) are one space.
 */
function toParagraphs(raw: string): string {
  const text = raw.includes(LINE) ? raw.replace(/\u0001\s*\u0001/g, BREAK) : raw;
  const paragraphs: string[] = [];
  // Only runs and odd blanks are rewritten: single spaces, the common case, stay untouched.
  for (const part of text.replace(/[\s\u0001]{2,}|[^\S ]|\u0001/g, ' ').split(BREAK)) {
    const p = part.trim();
    if (p.length > 0 && (/[A-Za-z0-9]/.test(p) || /[\p{L}\p{N}]/u.test(p)) && !FOOTER_LINE.test(p)) paragraphs.push(p);
  }
  return paragraphs.join('\n\n');
}

function isNumericTable(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 4) return false;
  const numeric = filled.filter((c) => /^[-+±~$€£¥%()\d.,:/\s]*\d[-+$€£¥%()\d.,:/\s]*[a-zA-Z%]{0,3}$/.test(c)).length;
  return numeric / filled.length >= 0.5;
}

/** A feed title: entities decoded, tags stripped, whitespace collapsed. */
export function cleanTitle(title: string | undefined): string {
  if (!title) return '';
  const text = /[<&]/.test(title) ? decodeHTML(title.replace(/<[^>]*>/g, '')) : title;
  return text.replace(/\s+/g, ' ').trim();
}
