/** The blog's names and public base URL from the config (the box's address unless `publish.baseUrl`). */
import type { Config } from '../config.js';
import { withSlash } from './to-entry.js';
import type { Blog } from '../atom/types.js';

export function blogOf(config: Config, boxUrl?: string): Blog {
  const { publish, box } = config;
  return {
    title: publish.blogTitle,
    subtitle: publish.blogSubtitle,
    author: publish.author,
    baseUrl: withSlash(publish.baseUrl ?? boxUrl ?? `http://${box.host}:${box.port}/`),
  };
}
