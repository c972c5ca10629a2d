/** Where a post goes: an AtomPub collection reached with one client (opened by the pipeline). */
import type { AppClient } from './app-client.js';

export interface PublishTarget {
  /** Key of the target in the publications table: 'box', or the configured URL. */
  name: string;
  collectionUrl: string;
  client: AppClient;
  /** For the box: its current base URL (stored edit links are moved onto it). */
  boxUrl?: string;
  close(): Promise<void>;
}

/** Points of the publish exchange a test may ask to crash at (see `onStep`). */
export type PublishStep = 'before-intent' | 'after-intent' | 'request-sent' | 'after-response' | 'after-record';
