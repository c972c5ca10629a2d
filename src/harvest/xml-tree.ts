/**
 * XML text → a small namespace-aware element tree that keeps document order and mixed content (what a
 * feed reader needs and xml2js throws away), built with htmlparser2's tokenizer in XML mode and
 * checked for well-formedness as strictly as a feed needs: every element closed, in order. Every
 * element knows its namespace URI (prefixes resolved through the xmlns declarations in scope; a prefix
 * nobody declared falls back to the namespace that prefix conventionally names) and its xml:base.
 * Iterative throughout (no recursion on depth); deeper nesting than `maxDepth` is refused, since
 * htmlparser2's own element stack costs depth² beyond that. Pure.
 */
import { Parser } from 'htmlparser2';
import { resolveUrl } from './resolve-url.js';

export interface XmlElement {
  /** The name as written (`content:encoded`). */
  name: string;
  /** The local name (`encoded`). */
  local: string;
  /** Namespace URI, or '' for none. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The absolute base URL in effect for this element (xml:base of it and its ancestors, then the document URL). */
  base: string;
}
export type XmlNode = XmlElement | string;

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  thr: 'http://purl.org/syndication/thread/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Prefixes feeds use without declaring them, and what they mean. */
const CONVENTIONAL: Record<string, string> = {
  atom: NS.atom, rdf: NS.rdf, content: NS.content, dc: NS.dc, dcterms: NS.dcterms, media: NS.media, itunes: NS.itunes,
  xhtml: NS.xhtml, slash: NS.slash, wfw: NS.wfw, thr: NS.thr, xml: NS.xml,
};

export class XmlTooDeep extends Error {}
export class XmlMalformed extends Error {}

/** Parses `xml` (a repaired feed text). Throws XmlMalformed (with a line number) or XmlTooDeep. */
export function parseXmlTree(xml: string, documentUrl: string, maxDepth: number): XmlElement | undefined {
  const root: XmlElement = { name: '#document', local: '#document', ns: '', attrs: {}, children: [], base: documentUrl };
  const stack: XmlElement[] = [root];
  const scopes: Array<Record<string, string>> = [{ xml: NS.xml }];
  let problem: string | undefined;
  const doc = stripDoctype(xml);
  const text = (data: string) => {
    const top = stack[stack.length - 1];
    if (top === root) return;
    const last = top.children.length - 1;
    if (last >= 0 && typeof top.children[last] === 'string') top.children[last] = (top.children[last] as string) + data;
    else top.children.push(data);
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (stack.length > maxDepth) throw new XmlTooDeep(`the feed nests elements more than ${maxDepth.toLocaleString('en-US')} levels deep`);
        let scope = scopes[scopes.length - 1];
        for (const a in attrs) {
          if (a === 'xmlns' || a.startsWith('xmlns:')) {
            if (scope === scopes[scopes.length - 1]) scope = { ...scope };
            scope[a === 'xmlns' ? '' : a.slice(6)] = attrs[a].trim();
          }
        }
        scopes.push(scope);
        const colon = name.indexOf(':');
        const prefix = colon > 0 ? name.slice(0, colon) : '';
        const ns = scope[prefix] ?? (prefix ? CONVENTIONAL[prefix.toLowerCase()] ?? `urn:undeclared:${prefix}` : '');
        const parent = stack[stack.length - 1];
        const xmlBase = attrs['xml:base'];
        const el: XmlElement = { name, local: colon > 0 ? name.slice(colon + 1) : name, ns, attrs, children: [], base: xmlBase ? resolveUrl(xmlBase.trim(), parent.base) ?? parent.base : parent.base };
        parent.children.push(el);
        stack.push(el);
      },
      onclosetag(name, implied) {
        // Implied: closed by a parent's end tag or by the end of the document, not by its own end tag
        // (htmlparser2 calls `<a/>` implied too: that one ends in "/>").
        if (implied && problem === undefined && !(doc.charCodeAt(parser.endIndex) === 0x3e && doc.charCodeAt(parser.endIndex - 1) === 0x2f)) {
          problem = `<${name}> is not closed (near line ${lineAt(doc, parser.endIndex)})`;
        }
        stack.pop();
        scopes.pop();
      },
      ontext: text,
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(doc);
  if (problem) throw new XmlMalformed(problem);
  return root.children.find((c): c is XmlElement => typeof c !== 'string');
}

/** The DOCTYPE (its internal subset may hold `>`), which htmlparser2 would end at the first `>`: its entities were expanded by repairXml. */
function stripDoctype(xml: string): string {
  const at = xml.search(/<!DOCTYPE/i);
  if (at === -1 || at > 4096) return xml;
  let bracket = 0;
  for (let j = at + 9; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (c === 0x22 || c === 0x27) {
      const q = xml.indexOf(xml[j], j + 1);
      if (q === -1) return xml;
      j = q;
    } else if (c === 0x5b) bracket++;
    else if (c === 0x5d) bracket--;
    else if (c === 0x3e && bracket <= 0) return xml.slice(0, at) + xml.slice(j + 1);
  }
  return xml;
}

function lineAt(s: string, index: number): number {
  let line = 1;
  for (let i = s.indexOf('\n'); i !== -1 && i < index; i = s.indexOf('\n', i + 1)) line++;
  return line;
}

export const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');

/** All text inside `el`, in document order. */
export function textContent(el: XmlElement): string {
  if (el.children.length === 1 && typeof el.children[0] === 'string') return el.children[0];
  const out: string[] = [];
  const stack: XmlNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') out.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out.join('');
}

export const hasElementChildren = (el: XmlElement) => el.children.some((c) => typeof c !== 'string');

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/**
 * The children of `el` written back as HTML (inline XHTML content, `<xhtml:body>`): prefixes dropped
 * (`<xhtml:p>` → `<p>`), namespace declarations left out, empty elements closed explicitly (HTML
 * parsers do not read `<div/>` as closed).
 */
export function innerHtml(el: XmlElement): string {
  const out: string[] = [];
  const stack: Array<XmlNode | { close: string }> = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') out.push(escapeText(n));
    else if ('close' in n) out.push(n.close);
    else {
      let open = `<${n.local}`;
      for (const a in n.attrs) if (a !== 'xmlns' && !a.startsWith('xmlns:')) open += ` ${a}="${escapeAttr(n.attrs[a])}"`;
      out.push(`${open}>`);
      if (VOID.has(n.local.toLowerCase()) && n.children.length === 0) continue;
      stack.push({ close: `</${n.local}>` });
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  return out.join('');
}
