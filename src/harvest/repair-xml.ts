/**
 * Repairs, on the decoded text, what makes a strict XML parser (or rss-parser) drop a whole feed:
 * junk before the root, control characters, Atom links written as text, HTML entities XML does not define (`&nbsp;`, `&eacute;`, entities from
 * an internal DTD), bare ampersands, and dates that cannot be parsed (rss-parser throws on one bad
 * Atom date and loses the feed, so an unreadable date is emptied here). CDATA is left alone. Pure.
 */
import { decodeHTML } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const DATE_ELEMENTS = /<((?:atom:)?(?:published|updated)|issued|modified|created)(\s[^>]*)?>([^<]*)<\/\1>/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** An ampersand that is not one of the five XML entities or a plainly valid character reference. */
const SUSPICIOUS_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[1-9]\d{0,5}|#x0*(?:[1-9a-fA-F][0-9a-fA-F]{0,4}|10[0-9a-fA-F]{4}));)/;

/** A suspicious ampersand and the reference it starts, if any (name in group 2). */
const AMP_REFERENCE = new RegExp(`${SUSPICIOUS_AMP.source}(#x[0-9a-fA-F]+;|#[0-9]+;|([A-Za-z][\\w.-]*);)?`, 'g');

export function repairXml(text: string): string {
  const start = text.search(/<(\?xml|rss|feed|rdf:RDF|!--|!DOCTYPE)/i);
  let xml = start > 0 ? text.slice(start) : text.trimStart();
  if (CONTROL.test(xml)) xml = xml.replace(new RegExp(CONTROL.source, 'g'), '');
  // Most feeds need neither repair: check cheaply before copying megabytes.
  // rss-parser reads every Atom <link> as having attributes; a bare <link>URL</link> would sink the feed.
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<feed\b/.test(xml) && xml.includes('<link>')) {
    xml = xml.replace(/<link>\s*([^<\s"]+)\s*<\/link>/g, '<link href="$1"/>');
  }
  const entities = SUSPICIOUS_AMP.test(xml);
  const dates = hasBadDate(xml);
  if (!entities && !dates) return xml;
  const declared = entities ? declaredEntities(xml) : new Map<string, string>();
  return mapOutsideCdata(xml, (part) => {
    const fixed = entities ? repairEntities(part, declared) : part;
    return dates ? repairDates(fixed) : fixed;
  });
}

function hasBadDate(xml: string): boolean {
  if (!/<(?:atom:)?(?:published|updated|issued|modified|created)\b/.test(xml)) return false;
  for (const m of xml.matchAll(DATE_ELEMENTS)) if (parseDate(m[3]) === undefined) return true;
  return false;
}

function mapOutsideCdata(xml: string, fn: (s: string) => string): string {
  if (!xml.includes('<![CDATA[')) return fn(xml);
  const out: string[] = [];
  let last = 0;
  for (const m of xml.matchAll(/<!\[CDATA\[[\s\S]*?\]\]>/g)) {
    out.push(fn(xml.slice(last, m.index)), m[0]);
    last = m.index + m[0].length;
  }
  out.push(fn(xml.slice(last)));
  return out.join('');
}

/** `<!ENTITY name "value">` declarations of an internal DTD subset. */
function declaredEntities(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml.slice(0, 20_000));
  if (!doctype) return map;
  for (const m of doctype[1].matchAll(/<!ENTITY\s+([\w.-]+)\s+(["'])([\s\S]*?)\2\s*>/g)) map.set(m[1], m[3]);
  return map;
}

function repairEntities(part: string, declared: Map<string, string>): string {
  if (!SUSPICIOUS_AMP.test(part)) return part;
  return part.replace(new RegExp(`${SUSPICIOUS_AMP.source}(#x[0-9a-fA-F]+;|#[0-9]+;|([A-Za-z][\\w.-]*);)?`, 'g'), (whole, ref: string | undefined, name: string | undefined) => {
    if (!ref) return '&amp;';
    if (!name) return validCharRef(ref) ? whole : '';
    if (XML_ENTITIES.has(name)) return whole;
    const value = declared.get(name) ?? htmlEntity(name);
    if (value === undefined) return `&amp;${name};`;
    return [...value].map((c) => `&#${c.codePointAt(0)};`).join('');
  });
}

function htmlEntity(name: string): string | undefined {
  const decoded = decodeHTML(`&${name};`);
  return decoded === `&${name};` ? undefined : decoded;
}

function validCharRef(ref: string): boolean {
  const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && code !== 0xfffe && code !== 0xffff);
}

function repairDates(part: string): string {
  return part.replace(DATE_ELEMENTS, (whole, tag: string, attrs: string | undefined, value: string) => {
    if (parseDate(value) !== undefined) return whole;
    return `<${tag}${attrs ?? ''}></${tag}>`;
  });
}

/** ISO string of a feed date (RFC 822, ISO 8601 and what Date.parse reads), or undefined. */
export function parseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  let ms = Date.parse(v);
  // "Mon, 05 Feb 2024 10:00:00 +0100 (CET)" and wrong weekday names: retry without the decorations.
  if (Number.isNaN(ms)) ms = Date.parse(v.replace(/\([^)]*\)/g, '').replace(/^[A-Za-z]{3,9},?\s*/, ''));
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1970 || year > 2200) return undefined;
  return new Date(ms).toISOString();
}
