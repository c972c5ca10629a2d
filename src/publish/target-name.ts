/**
 * The key of the configured publish target in the publications table: 'box'; the configured
 * AtomPub URL; `wordpress:` and the site's (or REST root's) URL; `static:` and the content folder.
 */
import { publishTargetOf, type Config } from '../config.js';

export const BOX_TARGET = 'box';

export function openTargetName(config: Config): string {
  const { publish } = config;
  switch (publishTargetOf(publish)) {
    case 'atompub':
      return publish.collectionUrl ?? publish.serviceUrl!;
    case 'wordpress':
      return `wordpress:${publish.wordpress.url ?? publish.wordpress.apiUrl}`;
    case 'static':
      return `static:${publish.static.contentDir}`;
    case 'box':
      return BOX_TARGET;
  }
}
