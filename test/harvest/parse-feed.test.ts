import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/harvest/parse-feed.js';

const dir = new URL('../fixtures/harvest/feeds/', import.meta.url);
const inputs = readdirSync(dir).filter((f) => /\.(xml|json)$/.test(f) && !f.endsWith('.expected.json'));

describe('parseFeed', () => {
  it.each(inputs)('should read %s as its golden .expected.json', async (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(name.replace(/\.(xml|json)$/, '.expected.json'), dir), 'utf8'));
    expect(await parseFeed(text, `http://fixtures.example/feeds/${name}`)).toEqual(expected);
  });

  it('should say an HTML page is not a feed', async () => {
    expect(await parseFeed('<!DOCTYPE html><html><head></head></html>', 'http://x.example/')).toEqual({ failure: 'html', detail: 'an HTML page' });
  });

  it('should report malformed XML', async () => {
    const r = await parseFeed('<rss version="2.0"><channel><title>x</titel></channel></rss>', 'http://x.example/');
    expect(r).toMatchObject({ failure: 'malformed' });
  });

  it('should say where XML is not closed', async () => {
    expect(await parseFeed('<rss>\n<channel>\n<item><title>x</item></channel>', 'http://x.example/')).toEqual({ failure: 'malformed', detail: '<title> is not closed (near line 3)' });
    expect(await parseFeed('<rss><channel><title>cut off', 'http://x.example/')).toMatchObject({ failure: 'malformed', detail: expect.stringContaining('is not closed') });
  });

  it('should read malformed XML a second time, forgivingly (rss-parser), and keep what was wrong', async () => {
    const feed = await parseFeed('<rss version="2.0">\n<channel><title>t</title>\n<item><title>x</item><item><title>A &amp; B</title><link>/2</link></item></channel></rss>', 'http://x.example/');
    expect(feed).toMatchObject({ format: 'rss', title: 't', malformed: '<title> is not closed (near line 3)' });
    expect((feed as { items: Array<{ title: string; link?: string }> }).items.map((i) => [i.title, i.link])).toEqual([['x', undefined], ['A & B', 'http://x.example/2']]);
  });

  it('should read an RSS document without a channel as a feed with no items', async () => {
    expect(await parseFeed('<rss version="2.0"></rss>', 'http://x.example/')).toEqual({ format: 'rss', title: '', siteUrl: undefined, items: [] });
    expect(await parseFeed('<rss version="2.0"/>', 'http://x.example/')).toMatchObject({ format: 'rss', items: [] });
  });

  it('should refuse a feed nested deeper than the limit, and a DTD built to expand', async () => {
    const deep = `<rss><channel><item><title>t</title><description>${'<x>'.repeat(2_000)}${'</x>'.repeat(2_000)}</description></item></channel></rss>`;
    expect(await parseFeed(deep, 'http://x.example/')).toEqual({ failure: 'limit', detail: 'the feed nests elements more than 1,000 levels deep' });
    const laughs = `<!DOCTYPE rss [<!ENTITY e "${'x'.repeat(20_000)}">]><rss><channel><item><description>&e;</description></item></channel></rss>`;
    expect(await parseFeed(laughs, 'http://x.example/')).toMatchObject({ failure: 'limit', detail: expect.stringContaining('"billion laughs"') });
  });

  it('should read namespaces by their URI, not their prefix', async () => {
    const xml = `<rss xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:content="urn:other"><channel><item><guid>g</guid><description>Teaser.</description>
      <content:encoded>not the content module</content:encoded><c:encoded>&lt;p&gt;Full text.&lt;/p&gt;</c:encoded></item></channel></rss>`;
    expect(await parseFeed(xml, 'http://x.example/')).toMatchObject({ items: [{ guid: 'g', body: '<p>Full text.</p>', bodyIsHtml: true }] });
  });

  it('should report XML that is not a feed', async () => {
    expect(await parseFeed('<?xml version="1.0"?><svg></svg>', 'http://x.example/')).toMatchObject({ failure: 'not-a-feed' });
  });

  it('should report an empty body and plain text', async () => {
    expect(await parseFeed('  \n', 'http://x.example/')).toMatchObject({ failure: 'empty' });
    expect(await parseFeed('Service Unavailable', 'http://x.example/')).toMatchObject({ failure: 'not-a-feed' });
  });

  it('should report JSON that is not a JSON Feed', async () => {
    expect(await parseFeed('{"a":1}', 'http://x.example/')).toMatchObject({ failure: 'not-a-feed' });
    expect(await parseFeed('{"a":', 'http://x.example/')).toMatchObject({ failure: 'malformed' });
  });

  it('should read an Atom entry whose link is text', async () => {
    const r = await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>E</title><link>http://x.example/e</link></entry></feed>', 'http://x.example/');
    expect(r).toMatchObject({ format: 'atom', items: [{ guid: '1', link: 'http://x.example/e' }] });
  });

  it('should read an RSS feed without a version attribute as RSS 2.0', async () => {
    const r = await parseFeed('<rss><channel><title>T</title><item><title>I</title><guid>g</guid></item></channel></rss>', 'http://x.example/');
    expect(r).toMatchObject({ format: 'rss', title: 'T', items: [{ guid: 'g', title: 'I' }] });
  });
});
