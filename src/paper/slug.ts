import { isAscii } from '../digest/text.ts';

export const MAX_SLUG_LENGTH = 80;

/**
 * A URL- and file-safe slug from a title: lowercase ASCII letters and digits joined by single
 * hyphens, at most 80 characters, cut at a word boundary where one is close.
 */
export function slugify(title: string): string {
  // ASCII has no marks to strip, and normalizing it changes nothing.
  const words = (isAscii(title) ? title : title.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) {
      if (!slug) slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug || 'paper';
}

/** The slug for a title that no taken slug collides with: `name`, then `name-2`, `name-3`, … */
export function uniqueSlug(title: string, taken: ReadonlySet<string>): string {
  const base = slugify(title);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
