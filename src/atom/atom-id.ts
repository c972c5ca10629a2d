/**
 * A post's stable atom:id: a tag: URI (RFC 4151) made from the post id and the day it was
 * generated, so it never changes with the blog's address and the reconciler can find it again.
 */
const PREFIX = 'tag:webxcreta,';

export function toAtomId(postId: string, createdAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(createdAt)?.[0] ?? '2026-01-01';
  return `${PREFIX}${day}:post/${encodeURIComponent(postId)}`;
}

/** The post id inside a webXcreta atom:id, or undefined for any other id. */
export function postIdOfAtomId(atomId: string): string | undefined {
  const m = /^tag:webxcreta,\d{4}-\d{2}-\d{2}:post\/(.+)$/.exec(atomId);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}
