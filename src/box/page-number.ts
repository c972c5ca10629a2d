/** A `?page=N` from the web as a page number: a positive integer clamped to 1..MAX_PAGE; anything else is page 1. */
export const MAX_PAGE = 100_000;

export function clampPage(raw: string | null): number {
  const s = (raw ?? '').trim();
  if (!/^\d+$/.test(s)) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(s)));
}
