import { publishStep, updateStep } from '../../src/pipeline/publish-step.js';
import { describe, expect, it } from 'vitest';
import { parseEntryXml } from '../../src/publish/index.js';
import { useAtomBus } from '../fixtures/publish/atombus.js';
import { makeTestApp, withPosts } from '../fixtures/publish/test-app.js';

const bus = useAtomBus();

describe('publishPost (to AtomBus)', () => {
  it('should post to an independent AtomPub server and read the entry back, once', async () => {
    const collection = `${bus().url}feeds/webxcreta`;
    const t = makeTestApp({ publish: { collectionUrl: collection, user: bus().user } }, { WEBXCRETA_APP_PASSWORD: bus().password });
    withPosts(t, 'post-river');
    const pub = await publishStep(t.app, 'p-river-0001');
    expect(pub.url).toMatch(new RegExp(`^${bus().url}feeds/webxcreta/entries/[0-9a-f-]{36}$`));

    const headers = { authorization: `Basic ${Buffer.from(`${bus().user}:${bus().password}`).toString('base64')}` };
    const back = parseEntryXml(await (await fetch(pub.url, { headers })).text());
    expect(back?.title).toBe('The river trade of the northern towns');
    expect(back?.contentHtml).toContain('Merchants say the tolls are &lt;high&gt; &amp; "rising".');

    // AtomBus assigns its own atom:id; a lost answer is still recognised by the id carried in the content.
    t.app.store().prepare("UPDATE publications SET state = 'intent', url = NULL, edit_url = NULL").run();
    const again = await publishStep(t.app, 'p-river-0001');
    expect(again.url).toBe(pub.url);
    const feed = await (await fetch(collection, { headers })).text();
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    await expect(updateStep(t.app, 'p-river-0001')).rejects.toThrow('the server gave no edit link for post p-river-0001');
    t.app.close();
  });
});
