/**
 * AtomPub service documents (RFC 5023 §8): written for the box, read by the publisher to discover
 * the collection that accepts entries. fast-xml-parser (feedsmith's own XML engine) does both, as
 * feedsmith covers feeds, not service documents.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const ENTRY_TYPE = 'application/atom+xml;type=entry';

export interface ServiceCollection {
  href: string;
  title: string;
  /** Media ranges accepted; empty means entries only (RFC 5023 §8.3.4). */
  accept: string[];
}

export function buildServiceDoc(workspaceTitle: string, collections: ServiceCollection[]): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, processEntities: true });
  const body = builder.build({
    service: {
      '@xmlns': 'http://www.w3.org/2007/app',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      workspace: {
        'atom:title': workspaceTitle,
        collection: collections.map((c) => ({ '@href': c.href, 'atom:title': c.title, accept: c.accept })),
      },
    },
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}

/** Collections listed in a service document, hrefs resolved against its URL. Total: [] on bad input. */
export function parseServiceDoc(xml: string, docUrl: string): ServiceCollection[] {
  if (/<!DOCTYPE/i.test(xml)) return [];
  let doc: Record<string, unknown>;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      isArray: (name) => ['workspace', 'collection', 'accept'].includes(name),
    });
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return [];
  }
  const service = doc.service as { workspace?: Array<{ collection?: RawCollection[] }> } | undefined;
  const out: ServiceCollection[] = [];
  for (const ws of service?.workspace ?? []) {
    for (const c of ws.collection ?? []) {
      const href = resolveUrl(c['@href'], docUrl);
      if (!href) continue;
      out.push({ href, title: textOf(c.title), accept: (c.accept ?? []).map(textOf).filter(Boolean) });
    }
  }
  return out;
}

/** True when a collection takes Atom entries (no accept element, or one naming the entry type). */
export function acceptsEntries(c: ServiceCollection): boolean {
  if (c.accept.length === 0) return true;
  return c.accept.some((a) => {
    const t = a.replace(/\s+/g, '').toLowerCase();
    return t === ENTRY_TYPE || t === 'application/atom+xml' || t === 'application/*' || t === '*/*';
  });
}

interface RawCollection {
  '@href'?: string;
  title?: unknown;
  accept?: unknown[];
}

function textOf(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  if (v && typeof v === 'object' && '#text' in v) return String((v as { '#text': unknown })['#text']).trim();
  return '';
}

function resolveUrl(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
