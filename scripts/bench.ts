/**
 * npm run bench [-- --sizes 1000,10000] [--large] [--json file] [--seed 7] [--keep] [--verbose]
 * Generates synthetic reading lists, runs ingest, the Astro build and Pagefind on each in a
 * temporary folder under .bench/, prints the figures against the budgets of issue 7, and exits non-zero only
 * when a stage crashed (a missed budget prints FAIL and still exits 0).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBudgets } from './bench/budgets.ts';
import { loadCorpus } from './bench/corpus.ts';
import type { BenchFigures } from './bench/figures.ts';
import { sizeLabel } from './bench/format.ts';
import { formatReport } from './bench/report.ts';
import { runSize } from './bench/run-size.ts';
import { generateList } from './bench/synthetic.ts';

const BENCH_DIR = fileURLToPath(new URL('../.bench/', import.meta.url));
const DEFAULT_SIZES = [1_000, 10_000];
const LARGE_SIZE = 50_000;

const USAGE = `Usage: npm run bench -- [options]

Options:
  --sizes 1000,10000  list sizes (papers) to run; default ${DEFAULT_SIZES.join(',')}
  --large             also run ${LARGE_SIZE}
  --json <file>       also write the figures and budget verdicts as JSON
  --seed <n>          seed of the synthetic lists; default 7
  --keep              keep the temporary folder under .bench/ (content/, dist/) and print where
  --verbose           show every stage's own output
  --help              show this help

CI runs the smoke size: npm run bench -- --sizes 1000`;

function parseSizes(value: string | undefined, large: boolean): number[] | null {
  const sizes = value === undefined ? [...DEFAULT_SIZES] : value.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) return null;
  if (large) sizes.push(LARGE_SIZE);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        sizes: { type: 'string' },
        large: { type: 'boolean', default: false },
        json: { type: 'string' },
        seed: { type: 'string', default: '7' },
        keep: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = parseSizes(args.values.sizes, args.values.large);
  const seed = Number(args.values.seed);
  if (!sizes || !Number.isInteger(seed)) {
    console.error(`bench: --sizes takes positive whole numbers separated by commas, --seed a whole number\n\n${USAGE}`);
    return 2;
  }

  // Inside the repository (git ignores .bench/), not in /tmp: Astro bundles the pages into
  // <outDir>/.prerender/ and runs them from there, so they must resolve this project's node_modules;
  // an outDir outside the working directory would instead share <repo>/.astro/.prerender/ with
  // every other such build running at the same time.
  mkdirSync(BENCH_DIR, { recursive: true });
  const root = mkdtempSync(join(BENCH_DIR, 'run-'));
  const cleanUp = () => {
    if (args.values.keep) console.error(`bench: kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  const figures: BenchFigures = {
    startedAt: new Date().toISOString(),
    seed,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: totalmem() / 1024 ** 3, node: process.version, platform: process.platform },
    sizes: [],
  };
  let crashed = false;
  try {
    const corpus = loadCorpus();
    for (const papers of sizes) {
      const log = (line: string) => console.error(`[bench] ${sizeLabel(papers)} ${line}`);
      log('generating the synthetic list');
      const list = generateList(corpus, { papers, seed });
      const size = await runSize(list, join(root, `n${papers}`), { echo: args.values.verbose, log });
      figures.sizes.push(size);
      crashed = Object.values(size.stages).some((outcome) => outcome && 'crashed' in outcome);
      if (crashed) break;
    }
  } catch (error) {
    crashed = true;
    console.error(`bench: ${(error as Error).stack ?? error}`);
  } finally {
    cleanUp();
  }

  const budgets = checkBudgets(figures.sizes);
  console.log(formatReport(figures, budgets));
  if (args.values.json) writeFileSync(args.values.json, `${JSON.stringify({ ...figures, budgets }, null, 2)}\n`);
  return crashed ? 1 : 0;
}

process.exitCode = await main();
