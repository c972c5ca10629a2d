import { describe, expect, it } from 'vitest';
import { acceptsEntries, buildServiceDoc, parseServiceDoc } from '../../src/atom/service-doc.js';

describe('parseServiceDoc', () => {
  it('should read back the collections the box lists', () => {
    const xml = buildServiceDoc('My <blog>', [{ href: 'http://127.0.0.1:8080/app/posts', title: 'Posts', accept: ['application/atom+xml;type=entry'] }]);
    expect(parseServiceDoc(xml, 'http://127.0.0.1:8080/app')).toEqual([
      { href: 'http://127.0.0.1:8080/app/posts', title: 'Posts', accept: ['application/atom+xml;type=entry'] },
    ]);
  });

  it('should resolve relative hrefs, and find the collection that takes entries among media collections', () => {
    const xml = `<service xmlns="http://www.w3.org/2007/app" xmlns:atom="http://www.w3.org/2005/Atom"><workspace><atom:title>W</atom:title>
      <collection href="media/"><atom:title>Pictures</atom:title><accept>image/png</accept></collection>
      <collection href="entries/"><atom:title>Entries</atom:title></collection></workspace></service>`;
    const collections = parseServiceDoc(xml, 'https://blog.example.org/app/service');
    expect(collections.map((c) => [c.href, acceptsEntries(c)])).toEqual([
      ['https://blog.example.org/app/media/', false],
      ['https://blog.example.org/app/entries/', true],
    ]);
  });

  it('should give no collections for a broken document', () => {
    expect(parseServiceDoc('<service', 'http://x/')).toEqual([]);
  });
});
