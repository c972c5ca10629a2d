/** The key of the configured publish target in the publications table: the configured URL, or 'box'. */
import type { Config } from '../config.js';

export const BOX_TARGET = 'box';

export function openTargetName(config: Config): string {
  return config.publish.collectionUrl ?? config.publish.serviceUrl ?? BOX_TARGET;
}
