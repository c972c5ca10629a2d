/**
 * The CPU-heavy, pure half of reading a feed: bytes → text → parsed feed → clean text per item; for
 * an HTML page, the feed links it declares. Input and output are plain data (structured-clone safe:
 * the step runs in the worker pool of extract-pool.ts on large runs). Bounded for any input: the
 * decoded and the expanded text are capped at `maxChars` (harvest.maxBytes), entity expansion and
 * nesting are limited (parse-limits.ts, parse-xml-feed.ts), and HTML bodies are walked iteratively.
 */
import { decodeText } from '../text/decode-text.js';
import { discoverFeeds } from './discover-feeds.js';
import { htmlToText, plainToText } from '../text/html-to-text.js';
import { parseFeed } from './parse-feed.js';
import { checkDocumentSize, FeedLimitError, limitsFor } from './parse-limits.js';
import type { ParseFailure, ParsedFeed } from './parsed-feed.js';

export interface ExtractInput {
  bytes: Uint8Array;
  contentType?: string;
  /** Base URL for relative links (the feed's URL, or where it redirected to). */
  url: string;
  /** Characters the decoded and the repaired text may have (harvest.maxBytes); default 10 MiB. */
  maxChars?: number;
}

export type Extracted = { ok: true; feed: ParsedFeed } | { ok: false; failure: ParseFailure; discovered: string[] };

export async function extractFeed(input: ExtractInput): Promise<Extracted> {
  const bytes = Buffer.isBuffer(input.bytes) ? input.bytes : Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const limits = limitsFor(input.maxChars);
  const text = decodeText(bytes, input.contentType);
  try {
    checkDocumentSize(text, limits, 'once decoded');
  } catch (e) {
    if (e instanceof FeedLimitError) return { ok: false, failure: { failure: 'limit', detail: e.message }, discovered: [] };
    throw e;
  }
  const parsed = await parseFeed(text, input.url, limits);
  if (!('items' in parsed)) return { ok: false, failure: parsed, discovered: parsed.failure === 'html' ? discoverFeeds(text, input.url) : [] };
  for (const item of parsed.items) {
    item.text = item.bodyIsHtml ? htmlToText(item.body) : plainToText(item.body);
    // Nothing downstream reads the markup once the text is out: let it be collected early.
    item.body = '';
  }
  return { ok: true, feed: parsed };
}
