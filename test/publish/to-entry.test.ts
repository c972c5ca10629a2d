import { describe, expect, it } from 'vitest';
import { postIdOfAtomId, toAtomId } from '../../src/atom/atom-id.js';
import { renderPostHtml, toEntry } from '../../src/publish/index.js';
import { toSlug } from '../../src/text/slug.js';
import { fixturePost } from '../fixtures/publish/test-app.js';

const blog = { baseUrl: 'http://127.0.0.1:8080', author: 'webXcreta', title: 'webXcreta' };

describe('toEntry', () => {
  it('should turn a post into the Atom fields of an entry', () => {
    expect(toEntry(fixturePost('post-river'), blog)).toEqual({
      id: 'tag:webxcreta,2026-11-20:post/p-river-0001',
      title: 'The river trade of the northern towns',
      contentHtml:
        '<div data-entry-id="tag:webxcreta,2026-11-20:post/p-river-0001"><p>The river carries grain and timber to the coast every spring. ' +
        'Merchants say the tolls are &lt;high&gt; &amp; &quot;rising&quot;.</p><p>In winter the ice closes the upper reaches for weeks.</p></div>',
      summary: 'The river carries grain and timber to the coast every spring.',
      author: { name: 'webXcreta', uri: 'http://127.0.0.1:8080/' },
      categories: ['river', 'trade'],
      published: '2026-11-20T09:00:00.000Z',
      updated: '2026-11-20T09:00:00.000Z',
      slug: 'the-river-trade-of-the-northern-towns-priver00',
      postId: 'p-river-0001',
    });
  });
});

describe('renderPostHtml', () => {
  it('should escape every sentence and join a paragraph\'s sentences with spaces', () => {
    expect(renderPostHtml(fixturePost('post-hills'))).toBe(
      '<div><p>Rain fell over the southern hills for three days. The farmers welcomed it after the long dry summer.</p></div>',
    );
  });
});

describe('toAtomId', () => {
  it('should make a tag: URI that gives the post id back', () => {
    const id = toAtomId('a/b c', '2026-11-20T09:00:00.000Z');
    expect(id).toBe('tag:webxcreta,2026-11-20:post/a%2Fb%20c');
    expect(postIdOfAtomId(id)).toBe('a/b c');
    expect(postIdOfAtomId('urn:uuid:1')).toBeUndefined();
  });
});

describe('toSlug', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['Ça va? Déjà vu!', undefined, 'ca-va-deja-vu'],
    ['  ---  ', 'x1', 'post-x1'],
    ['The river trade', 'ABC-123-xyz', 'the-river-trade-abc123xy'],
    ['a'.repeat(80), undefined, 'a'.repeat(60)],
  ];
  it.each(cases)('should slug %j (suffix %j) as %j', (title, suffix, slug) => {
    expect(toSlug(title, suffix)).toBe(slug);
  });
});
