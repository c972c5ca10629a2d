/**
 * HTML → clean prose for the model, with cheerio (its htmlparser2 build). Drops what is not prose:
 * scripts, styles, navigation, forms, media, preformatted blocks and code (a short `<code>` word
 * inside a sentence stays), tables made mostly of numbers, share/related/subscribe boilerplate (by tag, class or id), hidden elements, and the
 * stock feed footers ("The post … appeared first on …"). Entities are decoded; block elements and
 * double <br> end a paragraph; paragraphs are joined with "\n\n". Pure.
 *
 * One recursive pass over cheerio's document decides everything: CSS selectors (`$('script').remove()`
 * and the like) compiled per item cost more than the parse itself (see bench/harvest.ts).
 */
import { load } from 'cheerio/slim';
import { decodeHTML } from 'entities';

const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'object',
  'embed', 'button', 'select', 'textarea', 'svg', 'math', 'canvas', 'pre', 'img',
  'video', 'audio', 'picture', 'figure', 'map', 'head', 'title', 'del', 's', 'strike', 'sup',
]);
const BOILERPLATE = /(^|[\s_-])(share|sharing|sharedaddy|social|addthis|addtoany|related|subscribe|newsletter|advert|advertisement|ads?|sponsor(ed)?|promo|byline|post-?meta|entry-?meta|entry-?footer|entry-?utility|tags|tag-?links|cat-?links|breadcrumbs?|feedflare|jp-relatedposts|wp-block-buttons|comments?-link|author-?bio|signature|post-?navigation|nav-?links)($|[\s_-])/i;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'caption', 'hr', 'address', 'details', 'summary', 'figcaption', 'center',
]);
/** Dropped elements that are blocks in a browser: what stands around them is not one run of text. */
const DROP_BLOCK = new Set([
  'nav', 'header', 'footer', 'aside', 'form', 'pre', 'figure', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas',
  'map', 'math', 'svg', 'textarea', 'select',
]);
/** Code-like inline elements: a short one inside a sentence is read as words, a long or multi-line one is code. */
const CODE = new Set(['code', 'kbd', 'samp', 'var', 'tt']);
const FOOTER_LINE = /^(share this|like this|related( posts)?:?$|continue reading|read more|read the rest|the post .+ appeared first on|posted in |filed under|tags?:|this entry was posted|subscribe to|click to share|you may also like)/i;
/** Paragraph boundary (block elements) and line break (<br>) marks in the collected text. */
const BREAK = '\u0000';
const LINE = '\u0001';

/** The part of cheerio's (domhandler's) node shape this walk reads. */
interface DomNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/**
 * One loaded (empty) document whose `$(markup)` parses each body as a fragment: `load` per body
 * builds a new Cheerio subclass every call, which cost about as much as parsing the body itself.
 */
const $ = load('');

export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return plainToText(decodeHTML(html));
  const out: string[] = [];
  // The leading empty comment makes cheerio read any body as markup (not as a selector); walk skips comments.
  walk($(`<!---->${html}`).toArray() as unknown as DomNode[], out);
  return toParagraphs(out.join(''));
}

/** Script and style elements have their own node types, so only 'tag' and 'text' nodes are read. */
function walk(nodes: DomNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.data!);
    if (node.type !== 'tag') continue;
    const name = node.name!;
    if (name === 'br') out.push(LINE);
    else if (DROP.has(name) || isHidden(node.attribs!) || (name === 'table' && isNumericTable(cellTexts(node)))) {
      // A dropped block still ends the text before it ("The<aside>…</aside>fifth" is two paragraphs, not "Thefifth").
      if (BLOCK.has(name) || DROP_BLOCK.has(name)) out.push(BREAK);
    } else if (CODE.has(name) && isCodeBlock(textOf(node))) continue;
    else if (BLOCK.has(name)) {
      out.push(BREAK);
      walk(node.children!, out);
      out.push(BREAK);
    } else walk(node.children!, out);
  }
}

function cellTexts(table: DomNode): string[] {
  const cells: string[] = [];
  const visit = (n: DomNode) => {
    if (n.type !== 'tag') return;
    if (n.name === 'td' || n.name === 'th') cells.push(textOf(n));
    else n.children!.forEach(visit);
  };
  table.children!.forEach(visit);
  return cells;
}

const isCodeBlock = (text: string) => text.length > 40 || text.includes('\n') || /[{};=<>]/.test(text);

const textOf = (n: DomNode): string => (n.type === 'text' ? n.data! : (n.children ?? []).map(textOf).join(''));

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
