/**
 * The one place pages get content from: the collections are read once per build, related papers
 * computed once, and the catalog built once; every page and endpoint shares the same promise.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { markdownToPlainText } from '../paper/markdown.ts';
import { computeRelated } from '../related/related.ts';
import { buildCatalog, type Catalog } from './catalog.ts';

/** How many related papers each paper page lists. */
export const RELATED_COUNT = 5;

export interface SiteData {
  catalog: Catalog;
  /** The collection entries, for `render()`: the abstract and a topic's introduction. */
  paperEntries: ReadonlyMap<string, CollectionEntry<'papers'>>;
  topicEntries: ReadonlyMap<string, CollectionEntry<'topics'>>;
}

let loading: Promise<SiteData> | undefined;

export function loadSiteData(): Promise<SiteData> {
  loading ??= load();
  return loading;
}

export async function loadCatalog(): Promise<Catalog> {
  return (await loadSiteData()).catalog;
}

async function load(): Promise<SiteData> {
  const [papers, topics, digests] = await Promise.all([getCollection('papers'), getCollection('topics'), getCollection('digests')]);
  const shown = papers.filter((paper) => !paper.data.dropped);
  const started = performance.now();
  const related = computeRelated(
    shown.map((paper) => ({ id: paper.id, title: paper.data.title, abstract: markdownToPlainText(paper.body ?? ''), topics: paper.data.topics })),
    { count: RELATED_COUNT },
  );
  const relatedMs = performance.now() - started;
  const catalog = buildCatalog({
    papers: papers.map((paper) => ({ id: paper.id, data: paper.data, body: paper.body ?? '' })),
    topics: topics.map((topic) => ({ id: topic.id, data: topic.data })),
    digests: digests.map((digest) => ({ file: digest.id, ...digest.data })),
    related,
    relatedCount: RELATED_COUNT,
  });
  console.info(
    `[catalog] ${catalog.counts.papers} papers, ${catalog.topics.length} topics, ${catalog.digests.length} digests; related papers in ${Math.round(relatedMs)} ms, catalog in ${Math.round(performance.now() - started - relatedMs)} ms`,
  );
  return {
    catalog,
    paperEntries: new Map(shown.map((paper) => [paper.id, paper])),
    topicEntries: new Map(topics.map((topic) => [topic.id, topic])),
  };
}
