/**
 * HTML → clean prose for the model, with cheerio (htmlparser2 build). Drops what is not prose:
 * scripts, styles, navigation, forms, media, code and preformatted blocks, tables made mostly of
 * numbers, share/related/subscribe boilerplate (by tag, class or id) and the stock feed footers
 * ("The post … appeared first on …"). Entities are decoded; block elements and double <br> end a
 * paragraph; paragraphs are joined with "\n\n". Pure.
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';

const DROP = [
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'object',
  'embed', 'button', 'select', 'textarea', 'svg', 'math', 'canvas', 'code', 'pre', 'kbd', 'samp', 'var', 'img',
  'video', 'audio', 'picture', 'figure', 'map', 'head', 'title', 'meta', 'link', 'del', 's', 'strike', 'sup',
].join(',');
const BOILERPLATE = /(^|[\s_-])(share|sharing|sharedaddy|social|addthis|addtoany|related|subscribe|newsletter|advert|advertisement|ads?|sponsor(ed)?|promo|byline|post-?meta|entry-?meta|entry-?footer|entry-?utility|tags|tag-?links|cat-?links|breadcrumbs?|feedflare|jp-relatedposts|wp-block-buttons|comments?-link|author-?bio|signature)($|[\s_-])/i;
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'caption', 'hr', 'address', 'details', 'summary', 'figcaption', 'center',
]);
const FOOTER_LINE = /^(share this|like this|related( posts)?:?$|continue reading|read more|read the rest|the post .+ appeared first on|posted in |filed under|tags?:|this entry was posted|subscribe to|click to share|you may also like)/i;

export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return plainToText(decodeHTML(html));
  const $ = load(html);
  $(DROP).remove();
  $('[hidden],[aria-hidden="true"],[style*="display:none"],[style*="display: none"]').remove();
  $('[class],[id]').each((_, el) => {
    const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (BOILERPLATE.test(names)) $(el).remove();
  });
  $('table').each((_, table) => {
    if (isNumericTable($(table).find('td,th').toArray().map((c) => $(c).text()))) $(table).remove();
  });
  const parts: string[] = [];
  walk($.root()[0].children, parts);
  return toParagraphs(parts.join(''));
}

/** Plain text (Atom type="text", JSON Feed content_text): blank lines separate paragraphs. */
export function plainToText(text: string): string {
  return toParagraphs(text.replace(/\r\n?/g, '\n').replace(/\n[ \t]*\n/g, '\u0000'));
}

function walk(nodes: AnyNode[], out: string[]): void {
  for (const node of nodes) {
    // Newlines in HTML source are just spaces; only <br> and blocks break lines.
    if (node.type === 'text') out.push((node as unknown as { data: string }).data.replace(/[\t\n\r\f ]+/g, ' '));
    else if (node.type === 'tag') {
      const el = node as Element;
      if (el.name === 'br') {
        out.push('\n');
        continue;
      }
      const block = BLOCK.has(el.name);
      if (block) out.push('\u0000');
      walk(el.children, out);
      if (block) out.push('\u0000');
    }
  }
}

/** "\0" marks a paragraph boundary; two <br> in a row ("\n" + blanks + "\n") also end one. */
function toParagraphs(raw: string): string {
  return raw
    .replace(/\n[ \t\u00a0]*\n/g, '\u0000')
    .split('\u0000')
    .map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0 && /[\p{L}\p{N}]/u.test(p) && !FOOTER_LINE.test(p))
    .join('\n\n');
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
