/**
 * The budgets of issue 7, checked against measured figures. A budget set for one size (10,000 or
 * 50,000 papers) is only judged when that size ran; otherwise it says what to run.
 */
import { isMeasured, type SizeFigures, type Stage } from './figures.ts';
import { GB, KB, kb, seconds, sizeLabel, thousands } from './format.ts';
import type { SiteWeight } from './page-weight.ts';

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export interface BudgetLine {
  budget: string;
  /** The size it was judged at: `N=10,000`, or `50,000 vs 10,000`. */
  at: string;
  measured: string;
  verdict: Verdict;
}

export const BUDGETS = {
  /** The size most budgets are set for, and the large one that must scale close to linearly from it. */
  size: 10_000,
  largeSize: 50_000,
  ingestEntriesPerSecond: 20_000,
  reingestSeconds: 2,
  relatedSeconds: 3,
  buildSeconds: 40,
  buildPeakBytes: 2 * GB,
  scalingRatio: 5.5,
  paperHtmlBytes: 15 * KB,
  paperCssBytes: 15 * KB,
  paperJsBytes: 5 * KB,
  queryBytes: 150 * KB,
} as const;

/** Stages that must grow no faster than the list: nothing may be quadratic. */
const SCALING_STAGES: readonly Stage[] = ['ingest', 'build', 'related'];
/** What a new digest may write besides paper files: its own copy, the manifest and ingest's state. */
const INCREMENTAL_OTHERS = /^(digests\/[^/]+|digests\.json|ingest-state\.json)$/;

const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'FAIL');

function whyNot(outcome: SizeFigures['stages'][Stage]): string {
  if (!outcome) return 'not measured';
  if ('unavailable' in outcome) return `n/a: ${outcome.unavailable}`;
  if ('crashed' in outcome) return 'crashed';
  return '';
}

function atSize(sizes: readonly SizeFigures[], papers: number, budget: string, judge: (size: SizeFigures) => Omit<BudgetLine, 'budget' | 'at'>): BudgetLine {
  const size = sizes.find((candidate) => candidate.papers === papers);
  if (!size) {
    const flag = papers === BUDGETS.largeSize ? '--large' : `--sizes ${papers}`;
    return { budget, at: sizeLabel(papers), measured: `not run (${flag})`, verdict: 'n/a' };
  }
  return { budget, at: sizeLabel(papers), ...judge(size) };
}

function stageBudget(stage: Stage, limitSeconds: number, size: SizeFigures): Omit<BudgetLine, 'budget' | 'at'> {
  const outcome = size.stages[stage];
  if (!isMeasured(outcome)) return { measured: whyNot(outcome), verdict: 'n/a' };
  return { measured: seconds(outcome.wallSeconds), verdict: verdict(outcome.wallSeconds < limitSeconds) };
}

const PAGE_BUDGETS: readonly { budget: string; limit: number; bytes: (weight: SiteWeight) => number }[] = [
  { budget: 'paper page HTML <= 15 KB (largest page)', limit: BUDGETS.paperHtmlBytes, bytes: (weight) => weight.htmlMaxBytes },
  { budget: 'paper page CSS <= 15 KB', limit: BUDGETS.paperCssBytes, bytes: (weight) => weight.cssBytes },
  { budget: 'paper page JS before search <= 5 KB', limit: BUDGETS.paperJsBytes, bytes: (weight) => weight.jsBytes },
];

function pageBudgets(size: SizeFigures): BudgetLine[] {
  const at = sizeLabel(size.papers);
  const site = size.site;
  return PAGE_BUDGETS.map(({ budget, limit, bytes }) => {
    if (!site || 'unavailable' in site) return { budget, at, measured: site ? `n/a: ${site.unavailable}` : 'not measured', verdict: 'n/a' };
    return { budget, at, measured: kb(bytes(site)), verdict: verdict(bytes(site) <= limit) };
  });
}

function ingestRate(size: SizeFigures): BudgetLine {
  const budget = `ingest >= ${thousands(BUDGETS.ingestEntriesPerSecond)} entries/s`;
  const outcome = size.stages.ingest;
  if (!isMeasured(outcome)) return { budget, at: sizeLabel(size.papers), measured: whyNot(outcome), verdict: 'n/a' };
  const rate = size.entries / outcome.wallSeconds;
  return { budget, at: sizeLabel(size.papers), measured: `${thousands(rate)} entries/s`, verdict: verdict(rate >= BUDGETS.ingestEntriesPerSecond) };
}

function reingestWritesNothing(size: SizeFigures): BudgetLine {
  const budget = 'unchanged re-ingest writes nothing';
  const writes = size.reingestWrites;
  if (!writes) return { budget, at: sizeLabel(size.papers), measured: 'not measured', verdict: 'n/a' };
  const measured = writes.length === 0 ? 'no file written' : `${writes.length} written: ${writes.slice(0, 3).join(', ')}${writes.length > 3 ? ', ...' : ''}`;
  return { budget, at: sizeLabel(size.papers), measured, verdict: verdict(writes.length === 0) };
}

function incrementalTouchesOnlyChanges(size: SizeFigures): BudgetLine {
  const budget = 'a new digest touches only new or changed files';
  const figures = size.incremental;
  if (!figures) return { budget, at: sizeLabel(size.papers), measured: 'not measured', verdict: 'n/a' };
  const othersAllowed = figures.touchedOther.every((path) => INCREMENTAL_OTHERS.test(path));
  const measured = `${figures.touchedPapers} papers (expected ${figures.expectedPapers}) + ${figures.touchedOther.join(', ') || 'nothing else'}`;
  return { budget, at: sizeLabel(size.papers), measured, verdict: verdict(figures.touchedPapers === figures.expectedPapers && othersAllowed) };
}

function queryBudget(size: SizeFigures): Omit<BudgetLine, 'budget' | 'at'> {
  const query = size.query;
  if (!query) return { measured: 'not measured', verdict: 'n/a' };
  if ('unavailable' in query) return { measured: `n/a: ${query.unavailable}`, verdict: 'n/a' };
  return { measured: `${kb(query.bytes)} as served (${kb(query.gzipBytes)} if gzipped)`, verdict: verdict(query.bytes <= BUDGETS.queryBytes) };
}

function scaling(sizes: readonly SizeFigures[], stage: Stage): BudgetLine {
  const budget = `${stage}: ${thousands(BUDGETS.largeSize)} papers < ${BUDGETS.scalingRatio}x the ${thousands(BUDGETS.size)} time`;
  const at = `${thousands(BUDGETS.largeSize)} vs ${thousands(BUDGETS.size)}`;
  const large = sizes.find((size) => size.papers === BUDGETS.largeSize)?.stages[stage];
  const base = sizes.find((size) => size.papers === BUDGETS.size)?.stages[stage];
  if (!large || !base) return { budget, at, measured: `not run (${large ? `--sizes ${BUDGETS.size}` : '--large'})`, verdict: 'n/a' };
  if (!isMeasured(large) || !isMeasured(base)) return { budget, at, measured: whyNot(isMeasured(large) ? base : large), verdict: 'n/a' };
  const ratio = large.wallSeconds / base.wallSeconds;
  return { budget, at, measured: `${ratio.toFixed(2)}x (${seconds(large.wallSeconds)} vs ${seconds(base.wallSeconds)})`, verdict: verdict(ratio < BUDGETS.scalingRatio) };
}

export function checkBudgets(sizes: readonly SizeFigures[]): BudgetLine[] {
  const buildPeak = (size: SizeFigures): Omit<BudgetLine, 'budget' | 'at'> => {
    const build = size.stages.build;
    if (!isMeasured(build) || build.peakRssMb === null) return { measured: isMeasured(build) ? 'peak RSS not measurable here' : whyNot(build), verdict: 'n/a' };
    return { measured: `${thousands(build.peakRssMb)} MB`, verdict: verdict(build.peakRssMb * 1024 * 1024 < BUDGETS.buildPeakBytes) };
  };
  const target = BUDGETS.size;
  return [
    ...sizes.map(ingestRate),
    atSize(sizes, target, `re-ingest of an unchanged list < ${BUDGETS.reingestSeconds} s`, (size) => stageBudget('reingest', BUDGETS.reingestSeconds, size)),
    ...sizes.map(reingestWritesNothing),
    atSize(sizes, target, `related papers < ${BUDGETS.relatedSeconds} s`, (size) => stageBudget('related', BUDGETS.relatedSeconds, size)),
    atSize(sizes, target, `build (astro + pagefind) < ${BUDGETS.buildSeconds} s`, (size) => stageBudget('build', BUDGETS.buildSeconds, size)),
    atSize(sizes, target, 'build peak RSS < 2 GiB', buildPeak),
    ...SCALING_STAGES.map((stage) => scaling(sizes, stage)),
    ...sizes.flatMap(pageBudgets),
    atSize(sizes, target, 'title query <= 150 KB transferred', queryBudget),
    ...sizes.map(incrementalTouchesOnlyChanges),
  ];
}
