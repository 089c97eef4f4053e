/**
 * The one place pages get content from: the content is read once per build, related papers
 * computed once, and the catalog built once; every page and endpoint shares the same promise.
 * Under `astro dev` it is read again for every page, so edits show on reload.
 */
import { markdownToPlainText } from '../paper/markdown.ts';
import { computeRelated, type RelatedInput } from '../related/related.ts';
import { contentPaths } from '../store/content-store.ts';
import { buildCatalog, type Catalog, type PaperInput } from './catalog.ts';
import { readSiteContent } from './read-content.ts';

/** How many related papers each paper page lists. */
export const RELATED_COUNT = 5;

let loading: Promise<Catalog> | undefined;

export function loadCatalog(): Promise<Catalog> {
  if (import.meta.env.DEV) return load();
  loading ??= load();
  return loading;
}

/** What related papers are computed from: the papers shown, their abstracts as plain text. */
export function relatedInputs(papers: readonly PaperInput[]): RelatedInput[] {
  return papers
    .filter((paper) => !paper.data.dropped)
    .map((paper) => ({ id: paper.id, title: paper.data.title, abstract: markdownToPlainText(paper.body), topics: paper.data.topics }));
}

async function load(): Promise<Catalog> {
  // CONTENT_DIR lets the tests and the benchmark build sites from other content folders.
  const content = readSiteContent(contentPaths(process.env.CONTENT_DIR));
  const started = performance.now();
  const related = computeRelated(relatedInputs(content.papers), { count: RELATED_COUNT });
  const relatedMs = performance.now() - started;
  const catalog = buildCatalog({ ...content, related, relatedCount: RELATED_COUNT });
  console.info(
    `[catalog] ${catalog.counts.papers} papers, ${catalog.topics.length} topics, ${catalog.digests.length} digests; related papers in ${Math.round(relatedMs)} ms, catalog in ${Math.round(performance.now() - started - relatedMs)} ms`,
  );
  return catalog;
}
