/** URL slugs: lower-case ASCII words joined by hyphens, short, with a suffix that keeps them unique. */

const MAX_WORDS_LENGTH = 60;

export function toSlug(title: string, suffix?: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_WORDS_LENGTH)
    .replace(/-+$/g, '');
  const tail = suffix ? suffix.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 8) : '';
  return [words || 'post', tail].filter(Boolean).join('-');
}
