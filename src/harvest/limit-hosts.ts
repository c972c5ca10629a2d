/**
 * Politeness: at most `global` requests in flight, and at most `perHost` to any one host. A task
 * waits for its host's slot before taking a global one, so a busy host never holds global slots idle.
 */
import pLimit, { type LimitFunction } from 'p-limit';

export type RunLimited = <T>(url: string, task: () => Promise<T>) => Promise<T>;

export function limitHosts(global: number, perHost: number): RunLimited {
  const all = pLimit(global);
  const hosts = new Map<string, LimitFunction>();
  return (url, task) => {
    const host = hostOf(url);
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(perHost)));
    return limit(() => all(task));
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
