/** The benchmark's printed report: a pure function of the figures and the budget verdicts. */
import { LAYOUTS } from '../../src/digest/entry.ts';
import type { BudgetLine } from './budgets.ts';
import { isMeasured, STAGE_LABELS, STAGES, type BenchFigures, type SizeFigures, type StageOutcome } from './figures.ts';
import { kb, mb, seconds, sizeLabel, table, thousands } from './format.ts';
import type { QueryResult } from './title-query.ts';

function stageCells(outcome: StageOutcome | undefined): string[] {
  if (!outcome) return ['-', '', ''];
  if ('unavailable' in outcome) return ['n/a', '', ''];
  if ('crashed' in outcome) return ['CRASHED', '', ''];
  return [outcome.wallSeconds.toFixed(2), outcome.peakRssMb === null ? '-' : thousands(outcome.peakRssMb), thousands(outcome.papersPerSecond)];
}

function stageTable(sizes: readonly SizeFigures[]): string {
  const header = ['stage', ...sizes.flatMap((size) => [sizeLabel(size.papers), '', ''])];
  const units = ['', ...sizes.flatMap(() => ['wall s', 'peak MB', 'papers/s'])];
  const rows = STAGES.map((stage) => [STAGE_LABELS[stage], ...sizes.flatMap((size) => stageCells(size.stages[stage]))]);
  return [
    table([header, units, ...rows]),
    'build: one `astro build`, the README build; Pagefind indexes on a second thread beside it (its time is',
    "taken from the build's log), and the peak is the whole process tree's. Related papers run in this process.",
  ].join('\n');
}

function listTable(sizes: readonly SizeFigures[]): string {
  const share = (size: SizeFigures) => (size.entries > 0 ? (((size.entries - size.papers) / size.entries) * 100).toFixed(1) : '0');
  return table([
    ['synthetic list', ...sizes.map((size) => sizeLabel(size.papers))],
    ['digests', ...sizes.map((size) => thousands(size.digests))],
    ['entries', ...sizes.map((size) => thousands(size.entries))],
    ['repeated entries', ...sizes.map((size) => `${thousands(size.entries - size.papers)} (${share(size)}%)`)],
    ...LAYOUTS.map((layout) => [`  ${layout}`, ...sizes.map((size) => thousands(size.entriesByLayout[layout]))]),
  ]);
}

function siteCells(size: SizeFigures): string[] {
  const site = size.site;
  if (!site || 'unavailable' in site) return ['n/a', 'n/a', 'n/a', 'n/a'];
  return [`${mb(site.distBytes)}, ${thousands(site.distFiles)} files`, `${kb(site.htmlAverageBytes)} / ${kb(site.htmlMaxBytes)}`, kb(site.cssBytes), kb(site.jsBytes)];
}

function queryCell(query: QueryResult | null): string {
  if (!query) return '-';
  if ('unavailable' in query) return 'n/a';
  return `${kb(query.bytes)} (${kb(query.gzipBytes)} gz), ${query.requests} req`;
}

function incrementalCells(size: SizeFigures): string[] {
  const writes = size.reingestWrites === null ? '-' : `${size.reingestWrites.length} files`;
  const figures = size.incremental;
  const touched = figures ? `${figures.touchedPapers} papers + ${figures.touchedOther.length} other` : '-';
  const first = size.stages.build;
  const again = size.stages.rebuild;
  const rebuild = isMeasured(first) && isMeasured(again) ? `${seconds(again.wallSeconds)} vs ${seconds(first.wallSeconds)} (${(again.wallSeconds / first.wallSeconds).toFixed(2)}x)` : '-';
  return [writes, touched, rebuild];
}

function siteTable(sizes: readonly SizeFigures[]): string {
  const site = sizes.map(siteCells);
  const incremental = sizes.map(incrementalCells);
  return table([
    ['site and incremental work', ...sizes.map((size) => sizeLabel(size.papers))],
    ['dist/', ...site.map((cells) => cells[0]!)],
    ['paper page HTML avg / max', ...site.map((cells) => cells[1]!)],
    ['paper page CSS', ...site.map((cells) => cells[2]!)],
    ['paper page JS before search', ...site.map((cells) => cells[3]!)],
    ['title query, after the HTML', ...sizes.map((size) => queryCell(size.query))],
    ['full-text query, after that', ...sizes.map((size) => queryCell(size.fullTextQuery))],
    ['unchanged re-ingest wrote', ...incremental.map((cells) => cells[0]!)],
    ['1 new digest wrote', ...incremental.map((cells) => cells[1]!)],
    ['rebuild vs first build', ...incremental.map((cells) => cells[2]!)],
  ]);
}

function details(size: SizeFigures): string[] {
  const lines: string[] = [];
  const label = sizeLabel(size.papers);
  if (size.ingestSummary) lines.push(`${label} first ${size.ingestSummary}`);
  const site = size.site;
  if (site && 'unavailable' in site) lines.push(`${label} site: n/a, ${site.unavailable}`);
  else if (site) {
    lines.push(`${label} ${thousands(site.paperPages)} paper pages; the largest is ${site.htmlMaxPage}; their JS: ${site.jsFiles.join(', ') || 'inline only'}`);
  }
  for (const [what, query] of [['title query', size.query], ['full-text query after it', size.fullTextQuery]] as const) {
    if (query && 'unavailable' in query) lines.push(`${label} ${what}: n/a, ${query.unavailable}`);
    else if (query) {
      const kinds = Object.entries(query.byKind)
        .sort(([, a], [, b]) => b - a)
        .map(([kind, bytes]) => `${kind} ${kb(bytes)}`);
      lines.push(`${label} ${what} "${query.title}": ${kinds.join(', ')}`);
    }
  }
  if (size.incremental) {
    const { entries, added, repeated, expectedPapers, touchedOther, summary } = size.incremental;
    lines.push(`${label} new digest: ${entries} entries (${added} new papers, ${repeated} repeats), expected ${expectedPapers} paper files; also wrote ${touchedOther.join(', ') || 'nothing else'}; ${summary}`);
  }
  for (const line of size.searchIndexLogs) lines.push(`${label} ${line}`);
  for (const stage of STAGES) {
    const outcome = size.stages[stage];
    if (outcome && 'unavailable' in outcome) lines.push(`${label} ${STAGE_LABELS[stage]}: n/a, ${outcome.unavailable}`);
    if (outcome && 'crashed' in outcome) lines.push(`${label} ${STAGE_LABELS[stage]} CRASHED:\n${outcome.crashed.replace(/^/gm, '    ')}`);
  }
  return lines;
}

function budgetTable(budgets: readonly BudgetLine[]): string {
  return table([['', 'budget (issue 7)', 'at', 'measured'], ...budgets.map((line) => [line.verdict, line.budget, line.at, line.measured])], 4);
}

export function formatReport(figures: BenchFigures, budgets: readonly BudgetLine[]): string {
  const { machine } = figures;
  return [
    `Reading-list benchmark, seed ${figures.seed}, ${figures.startedAt}`,
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB RAM, Node ${machine.node}, ${machine.platform}. KB = 1,024 bytes, MB = 1,024 KB.`,
    '',
    listTable(figures.sizes),
    '',
    stageTable(figures.sizes),
    '',
    siteTable(figures.sizes),
    '',
    ...figures.sizes.flatMap(details),
    '',
    budgetTable(budgets),
  ].join('\n');
}
