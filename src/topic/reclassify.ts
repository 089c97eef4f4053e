import { formatProblem, type Problem } from '../digest/entry.ts';
import { mergeTopics, type Classifier, type StoredPaperText } from '../ingest/plan.ts';
import { textHash, type IngestState, type PaperState } from '../ingest/state.ts';
import { parsePaper, serializePaper } from '../paper/file.ts';
import { markdownToPlainText } from '../paper/markdown.ts';
import { paperSchema } from '../paper/schema.ts';

/**
 * `npm run classify` as a pure function: re-applies the topic rules to every paper without undoing
 * a curator's edit. The state remembers, per paper, the topics the rules assigned last time; a
 * topic in the file but not in that record was added by hand and stays, and a topic in that record
 * but not in the file was removed by hand and stays removed (`mergeTopics`, as ingest does). The
 * record then becomes the new rule output, so a later ingest agrees with this run.
 */

export interface ReclassifyInput {
  papers: readonly StoredPaperText[];
  state: IngestState;
  /** Topic slugs that exist. */
  topics: ReadonlySet<string>;
  classify: Classifier;
  /** Identifies the rules `classify` was built from; recorded in the state. */
  rulesFingerprint: string;
}

export interface TopicChange {
  slug: string;
  added: string[];
  removed: string[];
}

/** Where the rules now disagree with the file, because the curator decided otherwise. */
export interface KeptEdit {
  slug: string;
  /** Rules assign it, but it was removed by hand. */
  keptRemoved: string[];
  /** Rules no longer assign it, but it was added by hand. */
  keptAdded: string[];
}

export interface ReclassifyPlan {
  writes: { slug: string; text: string }[];
  state: IngestState;
  changes: TopicChange[];
  kept: KeptEdit[];
  /** Papers classified: all but the dropped ones. */
  classified: number;
  /** Papers per topic after this run, every topic listed (dropped papers not counted). */
  counts: Map<string, number>;
  /** Papers (not dropped) without any topic after this run. */
  untopiced: string[];
  /** Papers marked dropped: left exactly as they are. */
  dropped: string[];
  /** Papers that ingest never recorded (made by hand): classified only while they have no topic. */
  unrecorded: string[];
  /** Invalid content: when any exists, nothing may be written. */
  errors: Problem[];
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((topic) => !b.includes(topic));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((topic, i) => topic === b[i]);
}

export function planReclassify(input: ReclassifyInput): ReclassifyPlan {
  const schema = paperSchema({ topics: input.topics });
  const plan: ReclassifyPlan = {
    writes: [],
    state: input.state,
    classified: 0,
    changes: [],
    kept: [],
    counts: new Map([...input.topics].sort().map((topic) => [topic, 0])),
    untopiced: [],
    dropped: [],
    unrecorded: [],
    errors: [],
  };
  const texts = new Map(input.papers.map((stored) => [stored.slug, stored.text]));
  const parsed = input.papers.map((stored) => ({ slug: stored.slug, result: parsePaper(`content/papers/${stored.slug}.md`, stored.text, schema) }));
  for (const { result } of parsed) if ('problems' in result) plan.errors.push(...result.problems);
  if (plan.errors.length > 0) return plan;

  const records: Record<string, PaperState> = { ...input.state.papers };
  for (const { slug, result } of [...parsed].sort((a, b) => a.slug.localeCompare(b.slug))) {
    if ('problems' in result) continue;
    const { data, body } = result.paper;
    if (data.dropped) {
      plan.dropped.push(slug);
      continue;
    }
    plan.classified++;
    // The same text ingest classifies, so that both commands agree.
    const machine = input.classify({ title: data.title, abstract: markdownToPlainText(body) }).sort();
    const record = records[slug];
    let topics: string[];
    if (record) {
      topics = mergeTopics(data.topics, record.topics, machine);
      const keptRemoved = machine.filter((topic) => record.topics.includes(topic) && !data.topics.includes(topic));
      const keptAdded = difference(data.topics, record.topics).filter((topic) => !machine.includes(topic));
      if (keptRemoved.length > 0 || keptAdded.length > 0) plan.kept.push({ slug, keptRemoved, keptAdded });
      records[slug] = { ...record, topics: machine, file: textHash(texts.get(slug)!) };
    } else {
      // No record of what the rules said before: every topic in the file may be the curator's.
      plan.unrecorded.push(slug);
      topics = data.topics.length > 0 ? data.topics : machine;
    }
    if (!sameList(topics, data.topics)) {
      const text = serializePaper({ data: { ...data, topics }, body });
      plan.writes.push({ slug, text });
      if (records[slug]) records[slug] = { ...records[slug], file: textHash(text) };
      plan.changes.push({ slug, added: difference(topics, data.topics), removed: difference(data.topics, topics) });
    }
    for (const topic of topics) plan.counts.set(topic, (plan.counts.get(topic) ?? 0) + 1);
    if (topics.length === 0) plan.untopiced.push(slug);
  }
  plan.state = { version: 2, rules: input.rulesFingerprint, papers: records };
  return plan;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Why nothing was written: every problem, each with its file and line or field. */
export function formatFailure(problems: readonly Problem[]): string {
  return [`classify: failed, nothing was written. ${problems.length} problem(s):`, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n');
}

/** The report `npm run classify` prints: totals, papers per topic, papers without one, and every change. */
export function formatReclassifyReport(plan: ReclassifyPlan, dryRun: boolean): string {
  if (plan.errors.length > 0) return formatFailure(plan.errors);
  const papers = plan.classified;
  const withTopic = papers - plan.untopiced.length;
  const written = dryRun ? `${plan.writes.length} file(s) would change (dry run, nothing written)` : `${plan.writes.length} file(s) updated`;
  const lines = [`classify: ${papers} papers, ${withTopic} with a topic (${percent(withTopic, papers)}), ${plan.untopiced.length} without; ${written}`];
  const width = Math.max(0, ...[...plan.counts.keys()].map((topic) => topic.length));
  lines.push('papers per topic:');
  for (const [topic, count] of [...plan.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`  ${topic.padEnd(width)}  ${String(count).padStart(4)}  ${percent(count, papers)}`);
  }
  if (plan.untopiced.length > 0) {
    lines.push(`papers without a topic (${plan.untopiced.length}):`, ...plan.untopiced.map((slug) => `  ${slug}`));
  }
  if (plan.changes.length > 0) {
    lines.push(`changed (${plan.changes.length}):`);
    for (const change of plan.changes) {
      lines.push(`  ${change.slug}: ${[...change.added.map((topic) => `+${topic}`), ...change.removed.map((topic) => `-${topic}`)].join(' ')}`);
    }
  } else {
    lines.push('changed: nothing');
  }
  if (plan.kept.length > 0) {
    lines.push(`hand edits kept where the rules now disagree (${plan.kept.length}):`);
    for (const edit of plan.kept) {
      const parts = [...edit.keptRemoved.map((topic) => `stays without ${topic} (removed by hand)`), ...edit.keptAdded.map((topic) => `keeps ${topic} (added by hand)`)];
      lines.push(`  ${edit.slug}: ${parts.join('; ')}`);
    }
  }
  if (plan.dropped.length > 0) lines.push(`dropped papers left as they are: ${plan.dropped.length}`);
  if (plan.unrecorded.length > 0) {
    lines.push(`papers with no ingest record, classified only while they have no topic (${plan.unrecorded.length}): ${plan.unrecorded.join(', ')}`);
  }
  return lines.join('\n');
}
