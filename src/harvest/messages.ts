/**
 * Every message the harvester shows a user, in one place: what went wrong with a feed (expected vs
 * found) and what to do about it (`hint`). Pure.
 */
import type { FetchFailure } from './fetch-url.js';
import type { ParseFailure } from './parsed-feed.js';

export interface Problem {
  error: string;
  hint: string;
}

const removeIt = (url: string) => `webxcreta feeds remove ${url}`;
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function fetchProblem(url: string, failure: FetchFailure, detail: string, status?: number): Problem {
  switch (failure) {
    case 'http':
      if (status === 404) return { error: `HTTP 404 from ${url}: the feed is not there`, hint: `check the address, or remove it with \`${removeIt(url)}\`` };
      if (status === 410) return { error: `HTTP 410 from ${url}: the feed is gone for good`, hint: `remove it with \`${removeIt(url)}\`` };
      if (status === 401 || status === 403) return { error: `HTTP ${status} from ${url}: access refused`, hint: `the feed is private or blocks robots; remove it with \`${removeIt(url)}\`` };
      if (status === 429) return { error: `HTTP 429 from ${url}: too many requests`, hint: 'it will be retried later; lower harvest.perHostConcurrency if this repeats' };
      return { error: `HTTP ${status} from ${url}`, hint: 'a server error; it will be retried on the next harvest (backing off if it keeps failing)' };
    case 'timeout':
      return { error: `timed out after ${detail} ms fetching ${url}`, hint: 'the server is slow or never finished its answer; raise harvest.timeoutMs if it is just slow' };
    case 'connect-timeout':
      return { error: `could not connect to ${url} within ${detail} ms`, hint: 'the host is down or unreachable; it will be retried on the next harvest' };
    case 'too-large':
      return { error: `the response from ${url} passed the ${mb(Number(detail))} cap and was cut off`, hint: 'raise harvest.maxBytes if this feed really is that large' };
    case 'redirect-loop':
      return { error: `redirect loop: ${detail}`, hint: `the site is misconfigured; use its final feed address, or remove it with \`${removeIt(url)}\`` };
    case 'too-many-redirects':
      return { error: `more than the allowed redirects from ${url} (${detail})`, hint: 'use the feed\'s final address, or raise harvest.maxRedirects' };
    case 'bad-url':
      return { error: `${detail}`, hint: `fix the address: \`${removeIt(url)}\` then \`webxcreta feeds add URL\`` };
    case 'bad-encoding':
      return { error: `the ${detail} body from ${url} could not be decompressed`, hint: 'the server sent a corrupt response; it will be retried on the next harvest' };
    case 'refused-address':
      return {
        error: `refused to fetch ${url}: ${detail}`,
        hint: 'feeds may not lead to loopback or private network addresses; add the feed by that address itself (`webxcreta feeds add URL`), or set harvest.allowPrivateAddresses: true',
      };
    case 'aborted':
      return { error: `harvest of ${url} was cancelled`, hint: 'run the harvest again' };
    case 'network':
      return { error: `cannot reach ${url}: ${detail}`, hint: 'check the address and your network; it will be retried on the next harvest' };
  }
}

export function parseProblem(url: string, p: ParseFailure, discovered?: string): Problem {
  switch (p.failure) {
    case 'html':
      return discovered
        ? { error: `${url} is an HTML page, not a feed`, hint: `its feed is ${discovered}: \`${removeIt(url)}\` then \`webxcreta feeds add ${discovered}\`` }
        : { error: `${url} is an HTML page with no feed link`, hint: `find the blog's feed address, or remove it with \`${removeIt(url)}\`` };
    case 'malformed':
      return { error: `malformed XML from ${url}: ${p.detail}`, hint: 'the feed is broken at its source; nothing stored was lost; it will be retried on the next harvest' };
    case 'not-a-feed':
      return { error: `${url} is not a feed: ${p.detail}`, hint: `check the address, or remove it with \`${removeIt(url)}\`` };
    case 'empty':
      return { error: `${url} answered with an empty body`, hint: 'it will be retried on the next harvest' };
    case 'limit':
      return { error: `refused to parse ${url}: ${p.detail}`, hint: 'the feed is built to exhaust the harvester, or broken at its source; nothing stored was lost; it will be retried on the next harvest' };
    case 'timeout':
      return { error: `parsing ${url} took too long: ${p.detail}`, hint: 'the parse was stopped and no other feed was held up; nothing stored was lost; raise harvest.timeoutMs if this feed is real and huge' };
    case 'memory':
      return { error: `parsing ${url} needed too much memory: ${p.detail}`, hint: 'the parse was stopped and no other feed was held up; nothing stored was lost' };
  }
}

export function skippedMessage(url: string, failures: number, nextAttemptAt: string): Problem {
  return {
    error: `skipped ${url}: it failed ${failures} times in a row; next try after ${nextAttemptAt}`,
    hint: `run \`webxcreta harvest --force ${url}\` to try it now`,
  };
}
