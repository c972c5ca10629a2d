/** One percent-encoded path segment, decoded; undefined for a malformed one (the caller answers 404). */
export function decodePathPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
