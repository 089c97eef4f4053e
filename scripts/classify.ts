/**
 * npm run classify [-- --dry-run]
 * Re-applies the topic rules in content/topics/ to every paper in content/papers/, keeping every
 * topic a curator added or removed by hand.
 */
import { parseArgs } from 'node:util';
import { contentPaths } from '../src/store/content-store.ts';
import { formatFailure, formatReclassifyReport } from '../src/topic/reclassify.ts';
import { runReclassify } from '../src/topic/run.ts';
import { runCommand } from './command.ts';

const USAGE = `Usage: npm run classify -- [options]

Re-applies the rules of every topic in content/topics/ to every paper in
content/papers/, after you change a rule or add a topic. A topic you added to a
paper by hand stays; a topic you removed by hand stays removed. (The topics the
rules gave each paper last time are remembered in content/ingest-state.json.)

Prints papers per topic, the papers without a topic, and every change.

Options:
  --dry-run  print what would change; write nothing
  --help     show this help`;

function main(): number {
  let args;
  try {
    args = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`classify: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const result = runReclassify(contentPaths(), args.values['dry-run']);
  if ('problems' in result) {
    console.error(formatFailure(result.problems));
    return 1;
  }
  console.log(formatReclassifyReport(result.plan, args.values['dry-run']));
  return 0;
}

runCommand('classify', main);
