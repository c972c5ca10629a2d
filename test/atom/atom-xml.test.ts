import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryToAtom, parseEntryXml, toAtomEntryXml, toEntry } from '../../src/publish/index.js';
import { validateAtom } from '../fixtures/publish/run-validator.js';
import { fixturePost } from '../fixtures/publish/test-app.js';

const blog = { baseUrl: 'http://127.0.0.1:8080/', author: 'Bot & Co', title: 'webXcreta' };

describe('toAtomEntryXml', () => {
  it('should write a standalone entry document that passes the RFC 4287 validator', async () => {
    const xml = toAtomEntryXml(entryToAtom(toEntry(fixturePost('post-river'), blog), { edited: '2026-11-21T00:00:00.000Z', draft: true }));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<entry xmlns="http:\/\/www.w3.org\/2005\/Atom" xmlns:app="http:\/\/www.w3.org\/2007\/app">/);
    expect(xml).toContain('<name><![CDATA[Bot & Co]]></name>');
    expect(await validateAtom(mkdtempSync(join(tmpdir(), 'webx-entry-')), 'entry.atom', xml)).toBe('OK');
  });

  it('should read back what it wrote', () => {
    const entry = toEntry(fixturePost('post-river'), blog);
    const back = parseEntryXml(toAtomEntryXml(entryToAtom(entry, { draft: true, links: [{ href: 'http://x/e/1', rel: 'edit' }] })));
    expect(back).toEqual({
      id: entry.id,
      title: entry.title,
      contentHtml: entry.contentHtml,
      contentType: 'html',
      authors: ['Bot & Co'],
      categories: ['river', 'trade'],
      published: entry.published,
      updated: entry.updated,
      edited: undefined,
      draft: true,
      links: { edit: 'http://x/e/1' },
    });
  });
});

describe('parseEntryXml', () => {
  it('should read entries written by other clients: prefixes, xhtml and text content, html titles', () => {
    const xhtml = parseEntryXml(
      '<?xml version="1.0"?>\n<a:entry xmlns:a="http://www.w3.org/2005/Atom"><a:title type="html">Fish &amp;amp; &lt;b&gt;chips&lt;/b&gt;</a:title>' +
        '<a:content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></a:content></a:entry>',
    );
    expect(xhtml).toMatchObject({ title: 'Fish & chips', contentType: 'xhtml', contentHtml: '<p>Hi</p>', draft: false });
    const text = parseEntryXml('<entry xmlns="http://www.w3.org/2005/Atom"><title>T</title><content>1 &lt; 2</content></entry>');
    expect(text).toMatchObject({ contentType: 'text', contentHtml: '1 &lt; 2' });
  });

  it('should refuse what is not an entry document', () => {
    expect(parseEntryXml('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBeUndefined();
    expect(parseEntryXml('<!DOCTYPE entry [<!ENTITY x SYSTEM "file:///etc/passwd">]><entry>&x;</entry>')).toBeUndefined();
    expect(parseEntryXml('not xml')).toBeUndefined();
  });
});
