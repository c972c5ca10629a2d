/** Entry → the feedsmith object an Atom document is written from (links, content, app:/thr: extras). */
import type { AtomEntryObject } from './atom-xml.js';
import type { Entry } from './types.js';

export interface EntryExtras {
  links?: Array<{ href: string; rel?: string; type?: string; count?: number }>;
  edited?: string;
  draft?: boolean;
  /** thr:total (RFC 4685): number of comments. */
  replies?: number;
}

export function entryToAtom(entry: Entry, extras: EntryExtras = {}): AtomEntryObject {
  return {
    id: entry.id,
    title: { value: entry.title, type: 'text' },
    content: { value: entry.contentHtml, type: 'html' },
    summary: entry.summary ? { value: entry.summary, type: 'text' } : undefined,
    authors: [{ name: entry.author.name, uri: entry.author.uri }],
    categories: entry.categories.map((term) => ({ term })),
    published: entry.published,
    updated: entry.updated,
    links: extras.links?.map((l) => ({
      href: l.href,
      rel: l.rel,
      type: l.type,
      thr: l.count === undefined ? undefined : { count: l.count },
    })),
    app: extras.edited || extras.draft !== undefined ? { edited: extras.edited, control: extras.draft === undefined ? undefined : { draft: extras.draft } } : undefined,
    thr: extras.replies === undefined ? undefined : { total: extras.replies },
  };
}
