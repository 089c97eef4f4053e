/** What the Pagefind integration asks of the search worker (`index-worker.ts`), and its answer. */
import type { IndexSummary } from './pagefind-index.ts';

export interface IndexJob {
  /** The content folder; undefined for `content/`. */
  contentDir: string | undefined;
  /** Where the worker writes the site folders below. */
  outputPath: string;
  /** Where finished full-text shards are kept for the next build to reuse; null for none. */
  cachePath: string | null;
  /** Pages per full-text shard (SEARCH_SHARD_PAGES). */
  pagesPerShard: number;
}

/** The site folders the worker writes, moved into the site when the build is done. */
export const SEARCH_OUTPUT_FOLDERS = ['pagefind', 'search-titles'] as const;

export type IndexOutcome = { summary: IndexSummary } | { error: string };
