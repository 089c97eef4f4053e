/**
 * Benchmarks one synthetic list in a folder of its own (content/, dist/, Astro cache): each stage
 * is a child process, run the way a user would run it, and measured by `runMeasured`.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYOUTS, type Layout } from '../../src/digest/entry.ts';
import { isMeasured, STAGE_LABELS, type SizeFigures, type Stage } from './figures.ts';
import { kb, seconds } from './format.ts';
import { runMeasured, type Measured } from './measure.ts';
import { weighSite } from './page-weight.ts';
import { timeRelated } from './related-timing.ts';
import { diffSnapshots, snapshotTree, touched } from './snapshot.ts';
import type { SyntheticList } from './synthetic.ts';
import { weighTitleQuery } from './title-query.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const INGEST = join(REPO, 'scripts', 'ingest.ts');
const ASTRO = join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
const OUTPUT_TAIL_LINES = 40;

function outputTail(measured: Measured): string {
  const lines = `${measured.stdout}\n${measured.stderr}`.trim().split('\n');
  const status = measured.signal ? `killed by ${measured.signal}` : `exit code ${measured.exitCode}`;
  return [`${status}; last lines of output:`, ...lines.slice(-OUTPUT_TAIL_LINES)].join('\n');
}

/** The list's digests in content/digests/, beside a copy of the site's topics. */
function writeContent(list: SyntheticList, content: string): void {
  mkdirSync(join(content, 'digests'), { recursive: true });
  const topics = join(REPO, 'content', 'topics');
  if (existsSync(topics)) cpSync(topics, join(content, 'topics'), { recursive: true });
  for (const digest of list.digests) writeFileSync(join(content, 'digests', digest.file), digest.text);
}

/** Seconds Pagefind took, from the line the Pagefind integration logs; null without one. */
export function pagefindSeconds(buildLog: string): number | null {
  const match = /Pagefind indexed \d+ pages in ([\d.]+) s/.exec(buildLog);
  return match ? Number(match[1]) : null;
}

export interface RunSizeOptions {
  /** Copy every stage's output to stderr. */
  echo: boolean;
  /** Progress, one line per stage. */
  log: (line: string) => void;
}

export async function runSize(list: SyntheticList, dir: string, { echo, log }: RunSizeOptions): Promise<SizeFigures> {
  const papers = list.papers.length;
  const entriesByLayout = Object.fromEntries(LAYOUTS.map((layout) => [layout, 0])) as Record<Layout, number>;
  for (const digest of list.digests) entriesByLayout[digest.layout] += digest.papers.length;
  const figures: SizeFigures = { papers, entries: list.entries, digests: list.digests.length, entriesByLayout, stages: {}, ingestSummary: null, site: null, query: null, fullTextQuery: null, reingestWrites: null, incremental: null, searchIndexLogs: [] };

  const content = join(dir, 'content');
  const dist = join(dir, 'dist');
  writeContent(list, content);
  const env = { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: join(dir, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' };

  /** Runs a stage; records its figures, or its crash and output. Returns its output when it succeeded. */
  const stage = async (name: Stage, args: string[], cwd: string): Promise<Measured | null> => {
    const measured = await runMeasured(process.execPath, args, { cwd, env, echo });
    if (measured.exitCode !== 0) {
      figures.stages[name] = { crashed: outputTail(measured) };
      log(`${STAGE_LABELS[name]}: crashed`);
      return null;
    }
    const peakRssMb = measured.peakRssBytes === null ? null : Math.round(measured.peakRssBytes / 1024 / 1024);
    figures.stages[name] = { wallSeconds: measured.wallSeconds, peakRssMb, papersPerSecond: papers / measured.wallSeconds };
    log(`${STAGE_LABELS[name]}: ${seconds(measured.wallSeconds)}${peakRssMb === null ? '' : `, ${peakRssMb} MB`}`);
    return measured;
  };
  /** The README build; Pagefind's own time, spent beside it, comes from the build's log. */
  const build = async (buildStage: Stage, indexStage: Stage): Promise<boolean> => {
    const measured = await stage(buildStage, [ASTRO, 'build', '--outDir', dist], REPO);
    if (!measured) return false;
    const indexSeconds = pagefindSeconds(measured.stdout);
    const indexLog = /Pagefind indexed .*$/m.exec(measured.stdout);
    if (indexLog) figures.searchIndexLogs.push(`${STAGE_LABELS[buildStage]}: ${indexLog[0]}`);
    figures.stages[indexStage] = indexSeconds === null ? { unavailable: 'the build log has no Pagefind line' } : { wallSeconds: indexSeconds, peakRssMb: null, papersPerSecond: papers / indexSeconds };
    return true;
  };

  const ingested = await stage('ingest', [INGEST], dir);
  if (!ingested) return figures;
  figures.ingestSummary = ingested.stdout.split('\n')[0] ?? '';
  const beforeReingest = snapshotTree(content);
  if (!(await stage('reingest', [INGEST], dir))) return figures;
  figures.reingestWrites = touched(diffSnapshots(beforeReingest, snapshotTree(content)));

  log('related papers: timing computeRelated in this process');
  const related = await timeRelated(content);
  figures.stages.related = related;
  log(`related papers: ${isMeasured(related) ? seconds(related.wallSeconds) : 'unavailable' in related ? `n/a, ${related.unavailable}` : 'crashed'}`);

  if (!(await build('build', 'pagefind'))) return figures;
  figures.site = weighSite(dist) ?? { unavailable: 'no paper pages under dist/papers/' };
  const queries = await weighTitleQuery(dist, list.papers[Math.floor(papers / 2)]!.title);
  figures.query = queries.title;
  figures.fullTextQuery = queries.fullText;
  for (const [what, query] of [['title query', queries.title], ['full-text query after it', queries.fullText]] as const) {
    log(`${what}: ${'unavailable' in query ? `n/a, ${query.unavailable}` : kb(query.bytes)}`);
  }

  const { digest, added, repeated } = list.increment;
  const incoming = join(dir, 'incoming');
  mkdirSync(incoming, { recursive: true });
  writeFileSync(join(incoming, digest.file), digest.text);
  const beforeIncrement = snapshotTree(content);
  const incremented = await stage('incrementalIngest', [INGEST, join(incoming, digest.file)], dir);
  if (!incremented) return figures;
  const written = touched(diffSnapshots(beforeIncrement, snapshotTree(content)));
  figures.incremental = {
    entries: digest.papers.length,
    added,
    repeated,
    expectedPapers: added + repeated,
    touchedPapers: written.filter((path) => path.startsWith('papers/')).length,
    touchedOther: written.filter((path) => !path.startsWith('papers/')),
    summary: incremented.stdout.split('\n')[0] ?? '',
  };
  await build('rebuild', 'reindex');
  return figures;
}
