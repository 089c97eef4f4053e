/**
 * The full-text index is split into shards by publication date, each a Pagefind index of its own
 * under `pagefind/<id>/`, listed oldest first in `pagefind/shards.json`. The search page merges
 * them (Pagefind's `mergeIndex`) and orders sorted results itself (`sharded-results.ts`).
 *
 * Why: Pagefind's time and memory grow faster than the number of pages it indexes (one index of
 * 10,000 papers took 26 s and peaked at 1.45 GB; two of 5,000 took 20 s and 0.66 GB each), and a
 * new digest changes few shards, so a rebuild re-indexes those alone. Smaller shards would save
 * memory but cost readers: a full-text query loads a chunk of every shard for each word.
 *
 * Shards follow the date: days are taken oldest first, and a shard is closed before a day that
 * would take it past `pagesPerShard` pages. Adding recent papers therefore never moves an older
 * shard's boundary, and shards' dates never overlap, so "newest first" is each shard's sorted
 * results, newest shard first. Pages without a date sort as the oldest; they tie, so they are
 * free to go in shards of their own ordered by the day they were added (topic pages first), and
 * a day's digest of undated papers changes the last of those only. A day with more pages than a
 * shard holds (the first ingest of a backlog) is split into shards by a hash of each page's URL.
 * Pure; the search worker writes the shards and the search page reads the list.
 */

/** Pages per shard when SEARCH_SHARD_PAGES does not say otherwise; see the README's Performance section. */
export const DEFAULT_SHARD_PAGES = 5000;

/** A shard as the search page reads it from `pagefind/shards.json`. */
export interface ShardEntry {
  /**
   * The shard's first day, YYYY-MM-DD, or `undated-` and the first day its undated pages were
   * added (`undated-0000-00-00` for topic pages), with `.1`, `.2`… for the parts of a day split
   * over several shards; also its folder name and its `shard` filter value.
   */
  id: string;
  /** Its last day, of the same kind. */
  last: string;
  pages: number;
}

export interface ShardList {
  /** Oldest first. */
  shards: ShardEntry[];
}

/** The filter every search document carries, naming its shard. */
export const SHARD_FILTER = 'shard';

export interface Shard<T> extends ShardEntry {
  items: T[];
}

/** FNV-1a: a small, stable hash of a page's URL, to spread a large day over its shards. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Splits items into shards by day, oldest first. `dayOf` gives an item's YYYY-MM-DD sort key,
 * `idOf` something unique and lasting (its URL).
 */
export function partitionByDay<T>(items: readonly T[], dayOf: (item: T) => string, idOf: (item: T) => string, pagesPerShard: number): Shard<T>[] {
  if (!Number.isInteger(pagesPerShard) || pagesPerShard < 1) throw new Error(`pages per search shard must be a whole number of at least 1, not ${pagesPerShard}`);
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = dayOf(item);
    const same = days.get(day);
    if (same) same.push(item);
    else days.set(day, [item]);
  }
  const shards: Shard<T>[] = [];
  let open: Shard<T> | null = null;
  for (const day of [...days.keys()].sort()) {
    const dayItems = days.get(day)!;
    if (dayItems.length > pagesPerShard) {
      open = null;
      const count = Math.ceil(dayItems.length / pagesPerShard);
      const split: Shard<T>[] = Array.from({ length: count }, (_, part) => ({ id: `${day}.${part + 1}`, last: day, pages: 0, items: [] }));
      for (const item of dayItems) split[stableHash(idOf(item)) % count]!.items.push(item);
      for (const shard of split) shard.pages = shard.items.length;
      shards.push(...split.filter((shard) => shard.pages > 0));
      continue;
    }
    if (open === null || open.pages + dayItems.length > pagesPerShard) {
      open = { id: day, last: day, pages: 0, items: [] };
      shards.push(open);
    }
    open.items.push(...dayItems);
    open.pages += dayItems.length;
    open.last = day;
  }
  return shards;
}

/** What places a page in a shard: its publication day (null without one), and the day it was added. */
export interface ShardPlace {
  published: string | null;
  /** Null for pages that are not papers (topics). */
  added: string | null;
}

const UNDATED = 'undated-';
/** Pages without an added day (topics) come first among the undated. */
const BEFORE_ANY_DAY = '0000-00-00';

/**
 * The search shards, oldest first: the undated pages by the day they were added, then the dated
 * pages by publication day. The two never share a shard, so new undated pages move no dated shard.
 */
export function partitionPages<T>(items: readonly T[], placeOf: (item: T) => ShardPlace, idOf: (item: T) => string, pagesPerShard: number): Shard<T>[] {
  const undated = items.filter((item) => placeOf(item).published === null);
  const dated = items.filter((item) => placeOf(item).published !== null);
  return [
    ...partitionByDay(undated, (item) => placeOf(item).added ?? BEFORE_ANY_DAY, idOf, pagesPerShard).map((shard) => ({ ...shard, id: `${UNDATED}${shard.id}`, last: `${UNDATED}${shard.last}` })),
    ...partitionByDay(dated, (item) => placeOf(item).published!, idOf, pagesPerShard),
  ];
}

/** The shard list the search page reads; what each shard holds stays out. */
export function shardList(shards: readonly ShardEntry[]): ShardList {
  return { shards: shards.map(({ id, last, pages }) => ({ id, last, pages })) };
}

/** Reads SEARCH_SHARD_PAGES (a whole number of at least 1) or the default. */
export function shardPagesSetting(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SHARD_PAGES;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) {
    const error = new Error(`SEARCH_SHARD_PAGES must be a whole number of at least 1, not "${value}"`);
    // The message names the setting and what is wrong with it; where it was read says nothing more.
    error.stack = '';
    throw error;
  }
  return pages;
}
