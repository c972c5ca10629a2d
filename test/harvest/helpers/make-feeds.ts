/** Small feed builders for harvest tests: RSS 2.0 and Atom 1.0 strings from plain item lists. */
export interface TestItem {
  guid?: string;
  link?: string;
  title: string;
  html: string;
  date?: string;
  comments?: number;
  commentsUrl?: string;
  author?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: TestItem[], extra = ''): string {
  const body = items
    .map(
      (i) => `<item><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
  ${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}
  ${i.comments !== undefined ? `<slash:comments>${i.comments}</slash:comments>` : ''}${i.commentsUrl ? `<wfw:commentRss>${esc(i.commentsUrl)}</wfw:commentRss>` : ''}
  <content:encoded><![CDATA[${i.html}]]></content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
<channel><title>${esc(title)}</title><link>http://site.example/</link>${extra}
${body}
</channel></rss>`;
}

export function atom(title: string, base: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) => `<entry><id>${esc(i.guid ?? i.link ?? i.title)}</id><title>${esc(i.title)}</title>
  ${i.link ? `<link rel="alternate" href="${esc(i.link)}"/>` : ''}
  ${i.commentsUrl ? `<link rel="replies" type="application/atom+xml" href="${esc(i.commentsUrl)}"${i.comments !== undefined ? ` thr:count="${i.comments}"` : ''}/>` : ''}
  ${i.date ? `<published>${i.date}</published>` : ''}<author><name>${esc(i.author ?? 'Anon')}</name></author>
  <content type="html">${esc(i.html)}</content></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:base="${esc(base)}">
<title>${esc(title)}</title><id>urn:test:${esc(title)}</id><updated>2024-01-01T00:00:00Z</updated>
${body}
</feed>`;
}
