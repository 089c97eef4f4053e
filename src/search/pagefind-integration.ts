import type { AstroIntegration } from 'astro';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SEARCH_OUTPUT_FOLDERS, type IndexJob, type IndexOutcome } from './index-job.ts';
import { shardPagesSetting } from './search-shards.ts';

/** Runs `index-worker.ts` on a thread of its own; never rejects, an error comes back as the outcome. */
function startIndexing(job: IndexJob): Promise<IndexOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: job });
    // A build that fails early should not wait for the index.
    worker.unref();
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ error: error.stack ?? error.message }));
    worker.once('exit', (code) => resolve({ error: `the indexing thread stopped (exit code ${code}) before it finished` }));
  });
}

function moveDirectory(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * The Pagefind search index, built beside the Astro build: indexing starts on a worker thread
 * when the build starts (Pagefind's binary takes the second core while Astro renders on the
 * first), from the content itself (see `search-documents.ts`), and the finished index is moved
 * into the site when the build is done. Any indexing error fails the build with Pagefind's words.
 * Finished shards are kept in Astro's cache folder, so a rebuild re-indexes only changed shards.
 */
export function pagefindIntegration(): AstroIntegration {
  let staging = '';
  let shardCache = '';
  let indexing: Promise<IndexOutcome> | null = null;
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        staging = fileURLToPath(new URL('search-index/', config.cacheDir));
        shardCache = fileURLToPath(new URL('search-shards/', config.cacheDir));
      },
      'astro:build:start': ({ logger }) => {
        if (process.env.SKIP_PAGEFIND === '1') {
          logger.info('Pagefind skipped: SKIP_PAGEFIND=1.');
          return;
        }
        rmSync(staging, { recursive: true, force: true });
        const pagesPerShard = shardPagesSetting(process.env.SEARCH_SHARD_PAGES);
        indexing = startIndexing({ contentDir: process.env.CONTENT_DIR, outputPath: staging, cachePath: shardCache, pagesPerShard });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) return;
        const outcome = await indexing;
        if ('error' in outcome) {
          logger.error(outcome.error);
          throw new Error('Pagefind could not index the site; see the error above.');
        }
        for (const folder of SEARCH_OUTPUT_FOLDERS) moveDirectory(`${staging}${folder}`, fileURLToPath(new URL(`${folder}/`, dir)));
        const { pages, seconds, shards, reused } = outcome.summary;
        logger.info(`Pagefind indexed ${pages} pages in ${seconds.toFixed(2)} s, beside the build: ${shards} ${shards === 1 ? 'shard' : 'shards'}, ${reused} unchanged since the last build.`);
      },
    },
  };
}
