import { basename, join } from 'node:path';
import { formatProblem, type Problem } from '../digest/entry.ts';
import { digestId, type DigestManifest } from '../digest/manifest.ts';
import { parseDigest, type ParsedDigest } from '../digest/parse.ts';
import * as store from '../store/content-store.ts';
import { planIngest, type Classifier, type IngestPlan } from './plan.ts';

export interface IngestOptions {
  paths: store.ContentPaths;
  /** Digest files to add to `content/digests/` before ingesting everything. */
  inputs: readonly string[];
  /** `--captured`: the capture date of the inputs. */
  captured: string | null;
  dryRun: boolean;
  today: string;
  classify: Classifier;
  /** Identifies the rules `classify` was built from. */
  rulesFingerprint: string;
  topics: ReadonlySet<string>;
}

export interface IngestReport {
  plan: IngestPlan | null;
  /** Fatal problems: invalid content, unusable inputs. */
  errors: Problem[];
  warnings: Problem[];
  /** Digests that yielded no paper (a non-zero exit, but the others are still ingested). */
  empty: string[];
  exitCode: 0 | 1;
}

function withPath(problems: Problem[], path: string): Problem[] {
  return problems.map((problem) => ({ ...problem, file: path }));
}

/**
 * The ingest command: read the content, plan in memory, and only then write, each file
 * atomically. Invalid content anywhere means nothing is written at all.
 */
export function runIngest(options: IngestOptions): IngestReport {
  const { paths } = options;
  const errors: Problem[] = [];
  const manifestRead = store.readManifest(paths);
  const stateRead = store.readState(paths);
  if ('problems' in manifestRead) errors.push(...manifestRead.problems);
  if ('problems' in stateRead) errors.push(...stateRead.problems);
  if ('problems' in manifestRead || 'problems' in stateRead) return { plan: null, errors, warnings: [], empty: [], exitCode: 1 };
  const manifest = manifestRead.value;

  const parsed = new Map<string, { digest: ParsedDigest; bytes: Uint8Array; isNew: boolean }>();
  const warnings: Problem[] = [];
  const empty: string[] = [];
  const accept = (digest: ParsedDigest, bytes: Uint8Array, displayPath: string, isNew: boolean) => {
    warnings.push(...withPath(digest.problems, displayPath));
    if (digest.entries.length === 0) empty.push(displayPath);
    else parsed.set(digest.file, { digest, bytes, isNew });
  };

  const given = new Map<string, { input: string; bytes: Uint8Array }>();
  for (const input of options.inputs) {
    const file = basename(input);
    let bytes: Uint8Array;
    try {
      bytes = store.readInputFile(input);
    } catch (error) {
      errors.push({ file: input, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    const earlier = given.get(file);
    if (earlier) {
      if (Buffer.compare(earlier.bytes, bytes) !== 0) {
        errors.push({ file: input, reason: `has the same file name as ${earlier.input}; content/digests/ needs distinct names, rename one` });
      }
      continue;
    }
    given.set(file, { input, bytes });
    const recorded = manifest[file];
    const captured = options.captured
      ? { date: options.captured, from: 'flag' as const }
      : recorded
        ? { date: recorded.captured, from: 'recorded' as const }
        : null;
    accept(parseDigest(file, bytes, { captured, today: options.today }), bytes, input, true);
  }
  for (const file of store.listDigests(paths)) {
    if (parsed.has(file) || options.inputs.some((input) => basename(input) === file)) continue;
    const recorded = manifest[file];
    const bytes = store.readDigest(paths, file);
    const captured = recorded ? { date: recorded.captured, from: 'recorded' as const } : null;
    accept(parseDigest(file, bytes, { captured, today: options.today }), bytes, join(paths.digests, file), false);
  }

  const ids = new Map<string, string>();
  for (const file of [...parsed.keys()].sort()) {
    const other = ids.get(digestId(file));
    if (other) errors.push({ file, reason: `has the same name as ${other} apart from the extension; digest pages need distinct names` });
    ids.set(digestId(file), file);
  }
  for (const [file, entry] of parsed) {
    if (!entry.isNew) continue;
    const stored = store.compareWithStoredDigest(paths, file, entry.bytes);
    if (stored === 'different') {
      errors.push({ file: join(paths.digests, file), reason: 'a different digest with this name is already in content/digests/; rename the new file' });
    }
    // Already there, byte for byte: nothing to copy.
    if (stored === 'same') entry.isNew = false;
  }
  if (errors.length > 0) return { plan: null, errors, warnings, empty, exitCode: 1 };

  const digests = [...parsed.values()].map(({ digest }) => digest).sort((a, b) => a.file.localeCompare(b.file));
  const plan = planIngest({
    digests,
    papers: store.readPaperTexts(paths),
    state: stateRead.value,
    topics: options.topics,
    classify: options.classify,
    rulesFingerprint: options.rulesFingerprint,
    today: options.today,
  });
  if (plan.errors.length > 0) return { plan, errors: plan.errors, warnings, empty, exitCode: 1 };

  const nextManifest: DigestManifest = { ...manifest };
  for (const digest of digests) {
    const previous = manifest[digest.file];
    nextManifest[digest.file] = {
      captured: digest.captured,
      captured_from: digest.capturedFrom === 'recorded' ? previous!.captured_from : digest.capturedFrom,
      layout: digest.layout!,
      entries: digest.entries.length,
    };
  }

  if (!options.dryRun) {
    for (const { digest, bytes, isNew } of parsed.values()) {
      if (isNew) store.addDigest(paths, digest.file, bytes);
    }
    store.writePapers(paths, plan.writes);
    store.writeState(paths, plan.state);
    store.writeManifest(paths, nextManifest);
  }
  return { plan, errors: [], warnings, empty, exitCode: empty.length > 0 ? 1 : 0 };
}

/** The report as the command prints it: one summary line, then every warning and error. */
export function formatReport(report: IngestReport, dryRun: boolean): string {
  const lines: string[] = [];
  const counts = report.plan?.counts;
  if (report.errors.length > 0) {
    lines.push(`ingest: failed, nothing was written. ${report.errors.length} problem(s):`);
    for (const problem of report.errors) lines.push(`  ${formatProblem(problem)}`);
  } else if (counts) {
    const prefix = dryRun ? 'ingest (dry run, nothing written)' : 'ingest';
    lines.push(`${prefix}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped`);
    if (dryRun) {
      for (const write of report.plan!.writes) {
        lines.push(`  ${write.kind === 'added' ? 'add' : 'update'} content/papers/${write.slug}.md${write.kind === 'updated' ? ` (${write.fields.join(', ')})` : ''}`);
      }
    }
    for (const slug of report.plan!.dropped) lines.push(`  kept dropped: ${slug} (entries for it were skipped)`);
  }
  if (report.empty.length > 0) lines.push(`no paper found in: ${report.empty.join(', ')}`);
  if (report.warnings.length > 0) {
    lines.push(`warnings (${report.warnings.length}):`);
    for (const problem of report.warnings) lines.push(`  ${formatProblem(problem)}`);
  }
  return lines.join('\n');
}
