/**
 * npm run ingest [-- [--dry-run] [--captured YYYY-MM-DD] <digest>...]
 * Adds digests to content/digests/ and turns every digest there into content/papers/*.md.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../src/digest/dates.ts';
import { formatReport, runIngest } from '../src/ingest/run.ts';
import { contentPaths } from '../src/store/content-store.ts';
import { loadTopicRules } from '../src/topic/load.ts';
import { runCommand } from './command.ts';

const USAGE = `Usage: npm run ingest -- [options] [digest files...]

With files: copies each digest into content/digests/ and ingests it.
Without files: re-ingests every digest in content/digests/.

Options:
  --dry-run              print what would change; write nothing
  --captured YYYY-MM-DD  the capture date of the given digests (kept in content/digests.json)
  --help                 show this help

Layouts are detected per file: Daily Papers page text (with or without the
authors/date blocks), search-result text, or the daily-papers API JSON.`;

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, captured: { type: 'string' }, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const captured = args.values.captured ?? null;
  if (captured !== null && !isIsoDate(captured)) {
    console.error(`ingest: --captured must be a real date written YYYY-MM-DD, not "${captured}"`);
    return 2;
  }
  if (captured !== null && args.positionals.length === 0) {
    console.error('ingest: --captured applies to the digest files you add; name them after the options');
    return 2;
  }

  const paths = contentPaths();
  const topics = loadTopicRules(paths);
  if ('problems' in topics) {
    console.error(formatReport({ plan: null, errors: topics.problems, warnings: [], empty: [], exitCode: 1 }, false));
    return 1;
  }
  const report = runIngest({
    paths,
    inputs: args.positionals,
    captured,
    dryRun: args.values['dry-run'],
    today: new Date().toISOString().slice(0, 10),
    classify: topics.classify,
    rulesFingerprint: topics.fingerprint,
    topics: topics.slugs,
  });
  const output = formatReport(report, args.values['dry-run']);
  if (report.exitCode === 0) console.log(output);
  else console.error(output);
  return report.exitCode;
}

runCommand('ingest', main);
