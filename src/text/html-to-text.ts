/**
 * HTML → clean prose for the model, parsed by htmlparser2 (what cheerio/slim's `$()` runs). Drops what
 * is not prose: scripts, styles, navigation, forms, media, preformatted blocks and code (a short `<code>`
 * word inside a sentence stays), tables made mostly of numbers, share/related/subscribe boilerplate (by
 * tag, class or id), hidden elements, and the stock feed footers ("The post … appeared first on …").
 * Text inside inline SVG and MathML is kept. Entities are decoded (numeric references 128–159 as the
 * windows-1252 characters, as browsers do); block elements and double <br> end a paragraph;
 * paragraphs are joined with "\n\n". Pure.
 *
 * One pass over the parsed fragment decides everything (CSS selectors compiled per item cost more than
 * the parse itself, see bench/harvest.ts). Every walk is iterative, with an explicit stack, so any
 * nesting depth works; the helpers that re-read a subtree (is this table numeric? is this <code> a
 * block?) share a visit budget per document, so nested tables cannot make the pass quadratic.
 * htmlparser2 keeps its open-element stack with `Array.unshift` (parsing costs depth²: 20,000 nested
 * <div>s take seconds), so a body nesting deeper than MAX_HTML_DEPTH, or with more than
 * MAX_HTML_ELEMENTS elements, is read by a linear tag-stripping fallback instead: its words are kept
 * and its feed does not fail.
 */
import { DomHandler } from 'domhandler';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'object',
  'embed', 'button', 'select', 'textarea', 'canvas', 'pre', 'img',
  'video', 'audio', 'picture', 'figure', 'map', 'head', 'title', 'del', 's', 'strike', 'sup',
]);
const BOILERPLATE = /(^|[\s_-])(share|sharing|sharedaddy|social|addthis|addtoany|related|subscribe|newsletter|advert|advertisement|ads?|sponsor(ed)?|promo|byline|post-?meta|entry-?meta|entry-?footer|entry-?utility|tags|tag-?links|cat-?links|breadcrumbs?|feedflare|jp-relatedposts|wp-block-buttons|comments?-link|author-?bio|signature|post-?navigation|nav-?links)($|[\s_-])/i;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'caption', 'hr', 'address', 'details', 'summary', 'figcaption', 'center',
  'svg', 'math', 'text', 'desc',
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

/** Open elements an item's HTML may nest: far above real posts (dozens), low enough that htmlparser2's depth² stays cheap. */
export const MAX_HTML_DEPTH = 1_000;
/**
 * Elements in one item's HTML: a long post with a big table has tens of thousands. Parsing costs about
 * 6 µs per element (10 MB of `<p>x</p>`, 1.3 M elements: 8 s in htmlparser2 alone), so this bounds one body to well under a second.
 */
export const MAX_HTML_ELEMENTS = 100_000;

/** Thrown inside the parse when a body is past the limits above; htmlToText then strips its tags instead. */
class TooComplex extends Error {}

class DepthLimitedHandler extends DomHandler {
  private elements = 0;
  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the root too.
    if (this.tagStack.length > MAX_HTML_DEPTH || ++this.elements > MAX_HTML_ELEMENTS) throw new TooComplex();
    super.onopentag(name, attribs);
  }
}

/** Body HTML → its top-level nodes, as cheerio/slim's `$(html)` parses it (htmlparser2 defaults); undefined when past the limits. */
function parseFragment(html: string): DomNode[] | undefined {
  const handler = new DepthLimitedHandler();
  try {
    new Parser(handler).end(html);
  } catch (e) {
    if (e instanceof TooComplex) return undefined;
    throw e;
  }
  return handler.root.children as unknown as DomNode[];
}

/** The linear fallback: scripts and styles dropped, block tags as paragraph breaks, every other tag as nothing. */
function strippedText(html: string): string {
  const text = html
    .replace(/<(script|style|template|noscript)\b[^]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<\/?(?:p|div|section|article|blockquote|li|ul|ol|h[1-6]|table|tr|td|th|br)\b[^>]*>/gi, BREAK)
    .replace(/<[^>]*>/g, '');
  return toParagraphs(windows1252Controls(decodeHTML(text)));
}

export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return plainToText(windows1252Controls(decodeHTML(html)));
  const nodes = parseFragment(html);
  if (!nodes) return strippedText(html);
  const out: string[] = [];
  walk(nodes, out, { visits: HELPER_VISITS });
  return toParagraphs(windows1252Controls(out.join('')));
}

/**
 * A title (or author) written as HTML → its text on one line: tags stripped, script and style code
 * dropped, entities decoded, whitespace collapsed. A bare "<" that opens no tag stays ("5 < 6").
 * Nothing else is filtered: a title "Read more about X" is a title.
 */
export function inlineText(html: string): string {
  if (!/[<&]/.test(html)) return windows1252Controls(html).replace(/\s+/g, ' ').trim();
  const nodes = parseFragment(html);
  const raw = nodes ? collectText(nodes) : strippedText(html);
  return windows1252Controls(nodes ? raw : raw.replace(/\n+/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Text of nodes in document order, skipping script/style/noscript/template. */
function collectText(nodes: DomNode[]): string {
  const out: string[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push(n.data!);
    else if (n.type === 'tag' && !INLINE_DROP.has(n.name!) && n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out.join('');
}

const INLINE_DROP = new Set(['script', 'style', 'noscript', 'template']);

/** Windows-1252's characters for 0x80–0x9F (undefined: the five bytes it leaves unassigned, kept as they are). */
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/**
 * C1 control characters (U+0080–U+009F) in text are windows-1252 characters that went through a wrong
 * door (`&#147;` in XML, or a mislabelled byte): read as browsers read them.
 */
export function windows1252Controls(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0)] ?? c) : text;
}

/**
 * Node visits the subtree re-reads (tables, code) may make per document, in all: far above any real post
 * (a 2,000-cell table is 4,000 visits), and what stops 20,000 nested tables from costing 20,000² visits.
 * Once spent, a table is kept as prose and a <code> is dropped as code.
 */
const HELPER_VISITS = 1_000_000;
interface Budget {
  visits: number;
}

/** What the walk's stack holds: a node to read, a mark to write once its element's children are done, or the end of an <svg>. */
type Step = DomNode | typeof BREAK | typeof END_SVG;
const END_SVG = '\u0002';

/** Script and style elements have their own node types, so only 'tag' and 'text' nodes are read. */
function walk(nodes: DomNode[], out: string[], budget: Budget): void {
  const stack: Step[] = [];
  // Inside an <svg>, <title> is the figure's text (in HTML it is the page's, dropped with <head>).
  let svgDepth = 0;
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BREAK) {
      out.push(BREAK);
      continue;
    }
    if (node === END_SVG) {
      svgDepth--;
      continue;
    }
    if (node.type === 'text') out.push(node.data!);
    if (node.type !== 'tag') continue;
    const name = node.name!;
    if (name === 'br') out.push(LINE);
    else if ((DROP.has(name) && !(name === 'title' && svgDepth > 0)) || isHidden(node.attribs!) || (name === 'table' && isNumericTable(cellTexts(node, budget)))) {
      // A dropped block still ends the text before it ("The<aside>…</aside>fifth" is two paragraphs, not "Thefifth").
      if (BLOCK.has(name) || DROP_BLOCK.has(name)) out.push(BREAK);
    } else if (CODE.has(name) && isCodeBlock(textOf(node, budget, 41))) continue;
    else {
      if (name === 'svg') {
        svgDepth++;
        stack.push(END_SVG);
      }
      if (BLOCK.has(name) || (svgDepth > 0 && name === 'title')) {
        out.push(BREAK);
        stack.push(BREAK);
      }
      const children = node.children!;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}

/** Texts of the table's cells (td/th, not looking inside a cell for more cells), in document order. */
function cellTexts(table: DomNode, budget: Budget): string[] {
  const cells: string[] = [];
  const stack = [...table.children!].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (--budget.visits < 0) return [];
    if (n.type !== 'tag') continue;
    if (n.name === 'td' || n.name === 'th') cells.push(textOf(n, budget));
    else for (let i = n.children!.length - 1; i >= 0; i--) stack.push(n.children![i]);
  }
  return cells;
}

const isCodeBlock = (text: string) => text.length > 40 || text.includes('\n') || /[{};=<>]/.test(text);

/**
 * Concatenated text of a subtree, in document order. `enough`: stop once that many characters are
 * collected (isCodeBlock decides on 41). With the budget spent, what was collected so far, padded past
 * `enough` so a <code> reads as a block.
 */
function textOf(n: DomNode, budget: Budget, enough = Infinity): string {
  if (n.type === 'text') return n.data!;
  const parts: string[] = [];
  let length = 0;
  const stack = [...(n.children ?? [])].reverse();
  while (stack.length > 0 && length < enough) {
    const c = stack.pop()!;
    if (--budget.visits < 0) return enough === Infinity ? parts.join('') : parts.join('').padEnd(enough + 1);
    if (c.type === 'text') {
      parts.push(c.data!);
      length += c.data!.length;
    } else if (c.children) for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]);
  }
  return parts.join('');
}

function isHidden(attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  if (attribs.style && /display\s*:\s*none/i.test(attribs.style)) return true;
  const names = (attribs.class ?? '') + ' ' + (attribs.id ?? '');
  return names.length > 1 && BOILERPLATE.test(names);
}

/** Plain text (Atom type="text", JSON Feed content_text): blank lines separate paragraphs. */
export function plainToText(text: string): string {
  return toParagraphs(windows1252Controls(text).replace(/\r\n?/g, '\n').replace(/\n[ \t]*\n/g, BREAK));
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

/** A title written as HTML (RSS titles, Atom type="html"): `inlineText`, empty for none. */
export function cleanTitle(title: string | undefined): string {
  return title ? inlineText(title) : '';
}
