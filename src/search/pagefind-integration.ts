import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

interface PagefindResponse {
  errors: string[];
}

/** Every Pagefind call answers with a list of errors; any error fails the build, loudly. */
function assertPagefindResponse<T extends PagefindResponse>(response: T, step: string, logger: AstroIntegrationLogger): Required<T> {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind ${step}: ${error}`);
    throw new Error(`Pagefind failed while ${step}.`);
  }
  return response as Required<T>;
}

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it. Which parts of a
 * page are indexed, and its filters and sort keys, are set by data-pagefind-* attributes in the pages.
 */
export async function indexSite(dir: URL, logger: AstroIntegrationLogger): Promise<number> {
  const started = performance.now();
  try {
    const { index } = assertPagefindResponse(await pagefind.createIndex({ forceLanguage: 'en' }), 'creating the index', logger);
    const { page_count } = assertPagefindResponse(await index.addDirectory({ path: fileURLToPath(dir) }), 'reading the site', logger);
    assertPagefindResponse(await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) }), 'writing the index', logger);
    logger.info(`Pagefind indexed ${page_count} pages in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    return page_count;
  } finally {
    await pagefind.close();
  }
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'reading-list:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark times indexing as a stage of its own (scripts/bench/pagefind-stage.ts).
        if (process.env.SKIP_PAGEFIND === '1') {
          logger.info('Pagefind skipped: SKIP_PAGEFIND=1.');
          return;
        }
        await indexSite(dir, logger);
      },
    },
  };
}
