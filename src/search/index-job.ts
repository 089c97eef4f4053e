/** What the Pagefind integration asks of the search worker (`index-worker.ts`), and its answer. */
import type { IndexSummary } from './pagefind-index.ts';

export interface IndexJob {
  /** The content folder; undefined for `content/`. */
  contentDir: string | undefined;
  /** Where the worker writes the site folders below. */
  outputPath: string;
}

/** The site folders the worker writes, moved into the site when the build is done. */
export const SEARCH_OUTPUT_FOLDERS = ['pagefind', 'search-titles'] as const;

export type IndexOutcome = { summary: IndexSummary } | { error: string };
