/**
 * The search indexes, built on a thread of their own while Astro renders the pages: it reads the
 * content, builds the catalog (without related papers, which search does not use), writes
 * Pagefind's full-text index from the search documents, shard by shard, and the title index's
 * shards. Both go under `outputPath` as the site will hold them (`pagefind/`, `search-titles/`).
 * Started by the Pagefind integration; answers with an `IndexSummary` or an error message.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildCatalog } from '../site/catalog.ts';
import { readSiteContent } from '../site/read-content.ts';
import { routes } from '../site/urls.ts';
import { contentPaths } from '../store/content-store.ts';
import type { IndexJob, IndexOutcome } from './index-job.ts';
import { writeSearchIndex } from './pagefind-index.ts';
import { searchShards } from './search-documents.ts';
import { buildTitleShards } from './title-index.ts';

const job = workerData as IndexJob;
let outcome: IndexOutcome;
try {
  const catalog = buildCatalog(readSiteContent(contentPaths(job.contentDir)));
  const titles = buildTitleShards(catalog.papers.map((paper) => ({ t: paper.data.title, u: paper.path, d: paper.data.published })));
  for (const [shard, records] of titles) {
    const path = join(job.outputPath, routes.titleShard(shard));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(records));
  }
  outcome = { summary: await writeSearchIndex(searchShards(catalog, job.pagesPerShard), job.outputPath, job.cachePath) };
} catch (error) {
  outcome = { error: (error as Error).message };
}
parentPort!.postMessage(outcome);
