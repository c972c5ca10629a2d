/** The blog's names and public base URL: `publish.baseUrl`, else the box's own address. */
import type { Config } from '../config.js';
import type { Blog } from '../atom/types.js';
import { boxUrl, withSlash } from '../site/box-url.js';

export function blogOf(publish: Config['publish'], box: Pick<Config['box'], 'host' | 'port'>, runningBoxUrl?: string): Blog {
  return {
    title: publish.blogTitle,
    subtitle: publish.blogSubtitle,
    author: publish.author,
    baseUrl: withSlash(publish.baseUrl ?? runningBoxUrl ?? boxUrl(box.host, box.port)),
  };
}
