/**
 * The analyzer's identity, stored with every analysis: a new tagger, model or storage format
 * changes it, and `analyzeStore` then re-tags everything instead of mixing old and new analyses.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Bump when `analyzeDocument` or the packed format changes meaning. */
const FORMAT = 'pack3';

function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return '?';
  }
}

export const ANALYZER_VERSION = `wink-nlp@${versionOf('wink-nlp')}+wink-eng-lite-web-model@${versionOf('wink-eng-lite-web-model')}/${FORMAT}`;
