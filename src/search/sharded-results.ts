/**
 * Search results over a sharded full-text index (`search-shards.ts`), in the order the reader
 * chose. Pagefind merges the shards' results by relevance score, which is right for relevance and
 * wrong for a sort: a sorted shard's scores are positions within that shard. So a sorted search
 * asks each shard for its own sorted results (a `shard` filter) and puts them in order here:
 * - by date, shards hold disjoint date ranges, so the order is one shard after another, and a
 *   shard is searched only when the reader pages that far;
 * - by upvotes, the shards' lists are merged by the upvote key each result carries as metadata,
 *   loading a result's data only when it may be next.
 * Pure, over any result type with Pagefind's lazy `data()`; the search page supplies the searches.
 */
import type { ShardEntry } from './search-shards.ts';
import type { Sort } from './url-state.ts';

/** One search result; its data loads on demand (Pagefind's result shape). */
export interface PendingResult<D> {
  data: () => Promise<D>;
}

/** One shard's sorted results, searched when first needed. */
export type ShardSearch<D> = () => Promise<PendingResult<D>[]>;

/** Results in order, a page at a time. */
export interface ResultStream<D> {
  /** The data of the next `count` results, in order; fewer (or none) at the end. */
  next: (count: number) => Promise<D[]>;
  /** True once every result has been returned. */
  done: () => boolean;
}

/** Calls of `take` one after another, so a second click on "show more" waits for the first. */
function serialized<D>(take: (count: number) => Promise<D[]>): (count: number) => Promise<D[]> {
  let queue: Promise<unknown> = Promise.resolve();
  return (count) => {
    const result = queue.then(() => take(count));
    queue = result.catch(() => undefined);
    return result;
  };
}

/** Results already in order. */
export function listStream<D>(results: readonly PendingResult<D>[]): ResultStream<D> {
  let position = 0;
  return {
    next: serialized(async (count) => {
      const batch = results.slice(position, position + count);
      position += batch.length;
      return Promise.all(batch.map((result) => result.data()));
    }),
    done: () => position >= results.length,
  };
}

/** Each search's results in order, one search after another, each run when reached. */
export function concatenatedStream<D>(searches: readonly ShardSearch<D>[]): ResultStream<D> {
  let current: PendingResult<D>[] = [];
  let position = 0;
  let nextSearch = 0;
  const exhausted = () => position >= current.length && nextSearch >= searches.length;
  return {
    next: serialized(async (count) => {
      const batch: PendingResult<D>[] = [];
      while (batch.length < count && !exhausted()) {
        if (position >= current.length) {
          current = await searches[nextSearch++]!();
          position = 0;
          continue;
        }
        const taken = current.slice(position, position + count - batch.length);
        position += taken.length;
        batch.push(...taken);
      }
      return Promise.all(batch.map((result) => result.data()));
    }),
    done: exhausted,
  };
}

/** One list being merged: its results, how far it has been taken, and data loaded ahead. */
interface MergeSource<D> {
  results: PendingResult<D>[];
  /** Index of the next result whose data is not loaded yet. */
  loadedUpTo: number;
  ready: D[];
  /** How many results to load the next time `ready` runs out; doubles each time. */
  batch: number;
}

/**
 * Sorted lists merged into one order by a key of each result's data: `desc` puts the largest key
 * first. Keys compare as text, as Pagefind compares its sort keys. Every search runs on the first
 * call; results' data loads a few at a time per list, more for lists that keep coming next.
 */
export function mergedStream<D>(searches: readonly ShardSearch<D>[], key: (data: D) => string, direction: 'asc' | 'desc'): ResultStream<D> {
  let sources: MergeSource<D>[] | null = null;
  const refill = async (source: MergeSource<D>, wanted: number) => {
    const batch = source.results.slice(source.loadedUpTo, source.loadedUpTo + Math.min(source.batch, wanted));
    source.loadedUpTo += batch.length;
    source.batch *= 2;
    source.ready.push(...(await Promise.all(batch.map((result) => result.data()))));
  };
  const live = (source: MergeSource<D>) => source.ready.length > 0 || source.loadedUpTo < source.results.length;
  const before = (a: string, b: string) => (direction === 'desc' ? a > b : a < b);
  return {
    next: serialized(async (count) => {
      sources ??= (await Promise.all(searches.map((search) => search()))).map((results) => ({ results, loadedUpTo: 0, ready: [], batch: 1 }));
      const taken: D[] = [];
      while (taken.length < count) {
        const wanted = count - taken.length;
        await Promise.all(sources.filter((source) => source.ready.length === 0 && live(source)).map((source) => refill(source, wanted)));
        let best: MergeSource<D> | null = null;
        for (const source of sources) {
          if (source.ready.length > 0 && (best === null || before(key(source.ready[0]!), key(best.ready[0]!)))) best = source;
        }
        if (best === null) break;
        taken.push(best.ready.shift()!);
      }
      return taken;
    }),
    done: () => sources !== null && !sources.some(live),
  };
}

/** How a sorted search over shards runs: which shards, in what order, put together how. */
export type ShardPlan =
  | { kind: 'relevance' }
  | { kind: 'one-after-another'; shards: string[] }
  | { kind: 'merged'; shards: string[]; metaKey: string; direction: 'asc' | 'desc' };

/**
 * The plan for a sort. `shards` is the shard list (oldest first); `counts` the number of results
 * per shard from the unsorted search, so shards without any are not searched (all are, without counts).
 */
export function shardPlan(sort: Sort, shards: readonly ShardEntry[], counts: Record<string, number> | undefined): ShardPlan {
  const withResults = shards.map((shard) => shard.id).filter((id) => counts === undefined || (counts[id] ?? 0) > 0);
  switch (sort) {
    case 'relevance':
      return { kind: 'relevance' };
    case 'oldest':
      return { kind: 'one-after-another', shards: withResults };
    case 'newest':
      return { kind: 'one-after-another', shards: withResults.reverse() };
    case 'upvotes':
      return { kind: 'merged', shards: withResults, metaKey: 'upvotes', direction: 'desc' };
  }
}
