import { loadCorpus, type Corpus } from '../../scripts/bench/corpus.ts';
import type { SizeFigures, StageFigures } from '../../scripts/bench/figures.ts';
import type { SiteWeight } from '../../scripts/bench/page-weight.ts';
import { generateList, type SyntheticList } from '../../scripts/bench/synthetic.ts';

let loaded: Corpus | null = null;
const lists = new Map<number, SyntheticList>();

export function corpus(): Corpus {
  return (loaded ??= loadCorpus());
}

/** The list of this size for seed 7, generated once per test file. */
export function generated(papers: number): SyntheticList {
  if (!lists.has(papers)) lists.set(papers, generateList(corpus(), { papers, seed: 7 }));
  return lists.get(papers)!;
}

export function stage(wallSeconds: number, peakRssMb: number | null = 100, papers = 10_000): StageFigures {
  return { wallSeconds, peakRssMb, papersPerSecond: papers / wallSeconds };
}

export const SITE: SiteWeight = {
  distBytes: 300 * 1024 * 1024,
  distFiles: 30_000,
  paperPages: 10_000,
  htmlAverageBytes: 8000,
  htmlMaxBytes: 12_000,
  htmlMaxPage: 'papers/a/',
  cssBytes: 7000,
  jsBytes: 1200,
  jsFiles: ['scripts/site.js'],
};

/** Figures of one size where every budget passes (ingest scaling linearly), unless overridden. */
export function sizeFigures(papers: number, overrides: Partial<SizeFigures> = {}): SizeFigures {
  const entries = Math.round(papers * 1.1);
  return {
    papers,
    entries,
    digests: Math.round(entries / 60),
    entriesByLayout: { 'search-text': entries - 3 * Math.round(entries / 5), 'page-text': Math.round(entries / 5), 'page-text-with-metadata': Math.round(entries / 5), 'api-json': Math.round(entries / 5) },
    stages: {
      ingest: stage(entries / 40_000, 300, papers),
      reingest: stage(1, 300, papers),
      build: stage(25, 900, papers),
      pagefind: stage(15, null, papers),
      incrementalIngest: stage(1, 300, papers),
      rebuild: stage(8, 900, papers),
      reindex: stage(15, null, papers),
      related: stage(1, null, papers),
    },
    ingestSummary: `ingest: ${papers} added, 0 updated, 0 unchanged, 0 skipped`,
    site: SITE,
    query: { title: 'A title', requests: 12, bytes: 90_000, gzipBytes: 80_000, byKind: { 'pagefind index': 60_000, javascript: 30_000 } },
    fullTextQuery: { title: 'A title', requests: 30, bytes: 400_000, gzipBytes: 390_000, byKind: { 'pagefind metadata': 250_000, 'pagefind index': 150_000 } },
    reingestWrites: [],
    incremental: { entries: 15, added: 12, repeated: 3, expectedPapers: 15, touchedPapers: 15, touchedOther: ['digests.json', 'digests/x.json', 'ingest-state.json'], summary: 'ingest: 12 added, 3 updated' },
    searchIndexLogs: ['rebuild: Pagefind indexed 1025 pages in 0.9 s, beside the build: 2 shards, 1 unchanged since the last build.'],
    ...overrides,
  };
}
