/**
 * Times `computeRelated` in this process on the ingested papers, with the input the build gives
 * it (`relatedInputs`). Reading the files is not timed.
 */
import { computeRelated } from '../../src/related/related.ts';
import { relatedInputs } from '../../src/site/load-catalog.ts';
import { readSiteContent } from '../../src/site/read-content.ts';
import { contentPaths } from '../../src/store/content-store.ts';
import type { StageOutcome } from './figures.ts';

export async function timeRelated(contentDir: string): Promise<StageOutcome> {
  try {
    const papers = relatedInputs(readSiteContent(contentPaths(contentDir)).papers);
    const started = performance.now();
    computeRelated(papers);
    const wallSeconds = (performance.now() - started) / 1000;
    return { wallSeconds, peakRssMb: null, papersPerSecond: papers.length / wallSeconds };
  } catch (error) {
    return { crashed: `computeRelated: ${(error as Error).stack || (error as Error).message}` };
  }
}
