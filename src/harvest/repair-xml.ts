/**
 * Repairs, on the decoded text, what makes a strict XML parser drop a whole feed: junk before the
 * root, control characters, Atom links written as text, HTML entities XML does not define (`&nbsp;`,
 * `&eacute;`), entities from an internal DTD (expanded under the budget of parse-limits.ts), and bare
 * ampersands. CDATA is left alone. Throws `FeedLimitError` past the limits. Pure.
 */
import { decodeHTML } from 'entities';
import { parseFeedDate } from './parse-feed-date.js';
import { checkDocumentSize, declaredEntities, DEFAULT_LIMITS, expansionBudget, type ParseLimits } from './parse-limits.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** An ampersand that is not one of the five XML entities or a plainly valid character reference. */
const SUSPICIOUS_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[1-9]\d{0,5}|#x0*(?:[1-9a-fA-F][0-9a-fA-F]{0,4}|10[0-9a-fA-F]{4}));)/;

export function repairXml(text: string, limits: ParseLimits = DEFAULT_LIMITS): string {
  const start = text.search(/<(\?xml|rss|feed|rdf:RDF|!--|!DOCTYPE|CHANNEL)/i);
  let xml = start > 0 ? text.slice(start) : text.trimStart();
  if (CONTROL.test(xml)) xml = xml.replace(new RegExp(CONTROL.source, 'g'), '');
  // Most feeds need neither repair: check cheaply before copying megabytes.
  // An Atom <link> carries its URL in href; a bare <link>URL</link> is given one.
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<feed\b/.test(xml) && xml.includes('<link>')) {
    xml = xml.replace(/<link>\s*([^<\s"]+)\s*<\/link>/g, '<link href="$1"/>');
  }
  if (!SUSPICIOUS_AMP.test(xml)) {
    checkDocumentSize(xml, limits);
    return xml;
  }
  const declared = declaredEntities(xml, limits);
  const budget = expansionBudget(limits);
  const repaired = mapOutsideCdata(xml, (part) => repairEntities(part, declared, budget));
  checkDocumentSize(repaired, limits);
  return repaired;
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

function repairEntities(part: string, declared: Map<string, string>, budget: ReturnType<typeof expansionBudget>): string {
  if (!SUSPICIOUS_AMP.test(part)) return part;
  return part.replace(new RegExp(`${SUSPICIOUS_AMP.source}(#x[0-9a-fA-F]+;|#[0-9]+;|([A-Za-z][\\w.-]*);)?`, 'g'), (whole, ref: string | undefined, name: string | undefined) => {
    if (!ref) return '&amp;';
    if (!name) return validCharRef(ref) ? whole : '';
    if (XML_ENTITIES.has(name)) return whole;
    // A declared entity is paid for from the budget and inserted as escaped text, 1:1 in size.
    const own = declared.get(name);
    if (own !== undefined) return budget.take(name, own);
    const value = htmlEntity(name);
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

/** ISO string of a feed date, or undefined (parse-feed-date.ts; kept under this name for its callers). */
export const parseDate = (value: string | undefined): string | undefined => parseFeedDate(value);
