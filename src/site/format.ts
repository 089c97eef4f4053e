/** How dates, counts, names and plain text read on the site: one place, so every page agrees. */
import { collapseWhitespace } from '../digest/text.ts';
import { markdownToPlainText } from '../paper/markdown.ts';
import type { PaperFrontmatter } from '../paper/schema.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthName(month: string): string {
  const name = MONTHS[Number(month) - 1];
  if (!name) throw new Error(`not a month: "${month}"`);
  return name;
}

/** `2026-04-17` → `17 April 2026`. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)} ${monthName(month!)} ${year}`;
}

/** `2026-04` → `April 2026`; `{ short: true }` → `Apr 2026`. */
export function formatMonth(isoMonth: string, { short = false } = {}): string {
  const [year, month] = isoMonth.split('-');
  const name = monthName(month!);
  return `${short ? name.slice(0, 3) : name} ${year}`;
}

/** `12345` → `12,345`. */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 paper`, `2 papers`, `10,000 papers`. */
export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The authors as a reader sees them: the names (the first `limit`, then how many more), or the
 * count when only that is known, or null.
 */
export function formatAuthors(paper: Pick<PaperFrontmatter, 'authors' | 'authors_count'>, limit = 30): string | null {
  const { authors } = paper;
  if (authors.length > limit) return `${authors.slice(0, limit).join(', ')} and ${formatCount(authors.length - limit, 'more author')}`;
  if (authors.length > 0) return joinNames(authors);
  return paper.authors_count ? formatCount(paper.authors_count, 'author') : null;
}

const STATUS_LABELS: Record<NonNullable<PaperFrontmatter['status']>, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };

export function formatStatus(status: NonNullable<PaperFrontmatter['status']>): string {
  return STATUS_LABELS[status];
}

/**
 * The abstract as plain text, paragraphs separated by a blank line: what the digest said,
 * for feeds, exports and meta descriptions (the page itself renders the Markdown).
 */
export function abstractText(markdownBody: string): string {
  return markdownBody
    .split(/\n[ \t]*\n/)
    .map(markdownToPlainText)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** At most `max` characters, cut at a word boundary with an ellipsis: for meta descriptions. */
export function truncateText(text: string, max: number): string {
  const flat = collapseWhitespace(text);
  if (flat.length <= max) return flat;
  // Code points, so an emoji is never cut in half; `max` of them lie within the first 2 × max units.
  const characters = Array.from(flat.slice(0, 2 * max));
  if (characters.length <= max && flat.length <= 2 * max) return flat;
  const cut = characters.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
