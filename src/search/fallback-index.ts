/**
 * The search that works from a downloaded folder (file://), where Pagefind cannot fetch its index.
 * The build writes the records into a classic script (`search-fallback.js`) that a page loads
 * with a <script> tag, no fetch needed; this module builds that script and searches the records.
 */

export interface FallbackRecord {
  /** Title. */
  t: string;
  /** Path from the site root, e.g. `papers/some-slug/`. */
  u: string;
  /** Organization name, or empty. */
  o: string;
  /** Topic titles. */
  k: string[];
  /** Publication date or empty. */
  d: string;
}

export const FALLBACK_GLOBAL = '__readingListFallback';

/** The classic script that defines the records. `<` is escaped so no record can close a tag. */
export function fallbackScript(records: readonly FallbackRecord[]): string {
  return `window.${FALLBACK_GLOBAL}=${JSON.stringify(records).replace(/</g, '\\u003c')};\n`;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export interface FallbackHit {
  record: FallbackRecord;
  score: number;
}

/**
 * Ranks records for a query: an exact title first, then titles starting with the query, then
 * titles holding every query word, then matches in topics and organization.
 */
export function searchFallback(records: readonly FallbackRecord[], query: string, limit = 50): FallbackHit[] {
  const folded = fold(query).replace(/\s+/g, ' ').trim();
  const queryWords = words(query);
  if (queryWords.length === 0) return [];
  const hits: FallbackHit[] = [];
  for (const record of records) {
    const title = fold(record.t).replace(/\s+/g, ' ').trim();
    const titleWords = words(record.t);
    const otherWords = words(`${record.o} ${record.k.join(' ')}`);
    const inTitle = queryWords.filter((word) => titleWords.some((candidate) => candidate.startsWith(word))).length;
    const inOther = queryWords.filter((word) => otherWords.some((candidate) => candidate.startsWith(word))).length;
    let score = 0;
    if (title === folded) score = 1000;
    else if (title.startsWith(folded)) score = 500;
    else if (inTitle === queryWords.length) score = 200 + inTitle;
    else if (inTitle + inOther >= queryWords.length) score = 100 + inTitle;
    if (score > 0) hits.push({ record, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.record.t.localeCompare(b.record.t)).slice(0, limit);
}
