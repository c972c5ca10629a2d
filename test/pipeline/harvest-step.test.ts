import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/cli/app.js';
import { listSources } from '../../src/harvest/index.js';
import { harvestStep, registerConfiguredSources } from '../../src/pipeline/harvest-step.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const rss = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://x/</link>
<item><title>A post of ${title}</title><guid>${title}-1</guid><description>&lt;p&gt;The river runs past the old mill every spring.&lt;/p&gt;</description></item>
</channel></rss>`;

function appFor(dir: string, overrides: Record<string, unknown>): App {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {}, cwd: dir };
  return createApp({ data: dir, quiet: true }, io, overrides);
}

describe('registerConfiguredSources / harvestStep', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    tmp = makeTempDir();
    server = createServer((req, res) => {
      const name = req.url?.match(/^\/(\w+)\.xml$/)?.[1];
      if (!name) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(name));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    tmp.remove();
  });

  it('should register feeds from sources.feeds and from an OPML file in the data directory, then harvest them', async () => {
    writeFileSync(
      join(tmp.dir, 'blogs.opml'),
      `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Two" xmlUrl="${base}two.xml"/><outline type="rss" text="Three" xmlUrl="${base}three.xml"/></body></opml>`,
    );
    const app = appFor(tmp.dir, { sources: { builtin: false, feeds: [`${base}one.xml`], opml: ['blogs.opml'] } });
    try {
      expect(await registerConfiguredSources(app)).toBe(3);
      const report = await harvestStep(app);
      const byUrl = Object.fromEntries(report.feeds.map((f) => [f.url, f]));
      for (const name of ['one', 'two', 'three']) expect(byUrl[`${base}${name}.xml`].newItems).toBe(1);
      const own = listSources(app.store()).filter((s) => s.kind === 'own');
      expect(own).toHaveLength(1);
    } finally {
      app.close();
    }
  });

  it('should stop with a clear error naming a missing OPML list', async () => {
    const app = appFor(tmp.dir, { sources: { builtin: false, opml: ['missing.opml'] } });
    try {
      await expect(registerConfiguredSources(app)).rejects.toThrow(/cannot read the OPML list missing\.opml/);
    } finally {
      app.close();
    }
  });
});
