/**
 * What one benchmark run measured: the shape `--json` writes, and what the table and the budget
 * checks read. Plain data, no behaviour.
 */
import type { Layout } from '../../src/digest/entry.ts';
import type { SiteWeight } from './page-weight.ts';
import type { QueryResult } from './title-query.ts';

export const STAGES = ['ingest', 'reingest', 'build', 'pagefind', 'incrementalIngest', 'rebuild', 'reindex', 'related'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  ingest: 'ingest',
  reingest: 're-ingest, unchanged',
  build: 'build (astro + pagefind)',
  pagefind: 'pagefind, within the build',
  incrementalIngest: 'ingest 1 new digest',
  rebuild: 'rebuild after it',
  reindex: 'pagefind, within it',
  related: 'related papers',
};

export interface StageFigures {
  wallSeconds: number;
  /** Peak resident memory of the stage's process tree; null when measured in-process or without /proc. */
  peakRssMb: number | null;
  papersPerSecond: number;
}

/** A stage that ran, one that could not run here (with why), or one that failed (with its error). */
export type StageOutcome = StageFigures | { unavailable: string } | { crashed: string };

export interface IncrementalFigures {
  entries: number;
  added: number;
  repeated: number;
  /** Paper files the new digest should touch: its new papers and the papers it repeats. */
  expectedPapers: number;
  /** Files written under content/papers/. */
  touchedPapers: number;
  /** Every other file written under content/ (the digest copy, digests.json, ingest-state.json). */
  touchedOther: string[];
  /** Ingest's own summary line. */
  summary: string;
}

export interface SizeFigures {
  papers: number;
  entries: number;
  digests: number;
  entriesByLayout: Record<Layout, number>;
  stages: Partial<Record<Stage, StageOutcome>>;
  /** The first ingest's summary line: every synthetic paper should be added. */
  ingestSummary: string | null;
  site: SiteWeight | { unavailable: string } | null;
  query: QueryResult | null;
  /** The full-text search of the same title, pressed after it: what the sharded index costs. */
  fullTextQuery: QueryResult | null;
  /** Files an unchanged re-ingest wrote (should be none). */
  reingestWrites: string[] | null;
  incremental: IncrementalFigures | null;
  /** What the Pagefind integration logged in each build (shards, and how many were reused). */
  searchIndexLogs: string[];
}

export interface BenchFigures {
  startedAt: string;
  seed: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  sizes: SizeFigures[];
}

export function isMeasured(outcome: StageOutcome | undefined): outcome is StageFigures {
  return outcome !== undefined && 'wallSeconds' in outcome;
}
