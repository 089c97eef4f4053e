import type { DigestEntry, Problem } from '../digest/entry.ts';
import type { ParsedDigest } from '../digest/parse.ts';
import { parsePaper, serializePaper, type PaperFile } from '../paper/file.ts';
import { identityKeys } from '../paper/identity.ts';
import { markdownToPlainText } from '../paper/markdown.ts';
import { compareSources, MACHINE_FIELDS, mergeEntries, type MachineRecord } from '../paper/merge.ts';
import { paperSchema, type PaperFrontmatter, type Source } from '../paper/schema.ts';
import { uniqueSlug } from '../paper/slug.ts';
import { valueHash, type IngestState, type PaperState } from './state.ts';

/** Assigns topics from a paper's title and abstract (the rules in `content/topics/`). */
export type Classifier = (paper: { title: string; abstract: string }) => string[];

export interface StoredPaperText {
  slug: string;
  text: string;
}

export interface IngestInput {
  digests: readonly ParsedDigest[];
  papers: readonly StoredPaperText[];
  state: IngestState;
  /** Topic slugs that exist. */
  topics: ReadonlySet<string>;
  classify: Classifier;
  /** Today, YYYY-MM-DD: the `added` date of new papers. */
  today: string;
}

export type ChangeKind = 'added' | 'updated';

export interface PaperWrite {
  slug: string;
  kind: ChangeKind;
  text: string;
  /** The fields that differ from the file on disk (all of them for a new paper). */
  fields: string[];
}

export interface IngestCounts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface IngestPlan {
  writes: PaperWrite[];
  state: IngestState;
  counts: IngestCounts;
  /** Invalid content files: when any exist, nothing may be written. */
  errors: Problem[];
  /** Dropped papers that digests still mention, by slug. */
  dropped: string[];
}

const BODY = 'body';

function baseOf(machine: MachineRecord): Record<string, string> {
  const base: Record<string, string> = {};
  for (const field of MACHINE_FIELDS) base[field] = valueHash(machine[field]);
  base[BODY] = valueHash(machine.body);
  return base;
}

function isEmpty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

function mergeSources(current: Source[], machine: Source[]): Source[] {
  const seen = new Set(current.map((source) => `${source.digest}#${source.position}`));
  return [...current, ...machine.filter((source) => !seen.has(`${source.digest}#${source.position}`))].sort(compareSources);
}

/**
 * Three-way topic merge: the rules' new topics, plus what the curator added by hand, minus what
 * the curator removed by hand, judged against the topics the rules assigned last time.
 */
export function mergeTopics(current: readonly string[], base: readonly string[], machine: readonly string[]): string[] {
  const added = current.filter((topic) => !base.includes(topic));
  const removed = new Set(base.filter((topic) => !current.includes(topic)));
  const merged = [...machine.filter((topic) => !removed.has(topic)), ...added];
  return [...new Set(merged)].sort();
}

/**
 * Combines what the digests now say (`machine`) with the file as it stands (`current`), keeping
 * every curator edit: a field is refreshed only while it still holds what ingest wrote last time.
 * Without a record of that (a hand-made file), ingest only fills empty fields.
 */
function reconcile(current: PaperFile, machine: MachineRecord, state: PaperState | undefined): PaperFile {
  const data: Record<string, unknown> = { ...current.data };
  let body = current.body;
  if (state) {
    for (const field of MACHINE_FIELDS) {
      if (valueHash(current.data[field]) === state.base[field]) data[field] = machine[field];
    }
    if (valueHash(current.body) === state.base[BODY]) body = machine.body;
  } else {
    for (const field of MACHINE_FIELDS) {
      if (isEmpty(current.data[field])) data[field] = machine[field];
    }
    data.sources = mergeSources(current.data.sources, machine.sources);
    if (!body) body = machine.body;
  }
  return { data: data as PaperFrontmatter, body };
}

function changedFields(before: PaperFile, after: PaperFile): string[] {
  const fields = Object.keys(after.data).filter(
    (field) => valueHash(before.data[field as keyof PaperFrontmatter]) !== valueHash(after.data[field as keyof PaperFrontmatter]),
  );
  if (before.body !== after.body) fields.push(BODY);
  return fields;
}

function newPaper(machine: MachineRecord, topics: string[], today: string): PaperFile {
  const { body, abstract: _abstract, ...fields } = machine;
  return {
    data: { ...fields, topics, added: today, status: null, note: null, dropped: false },
    body,
  };
}

interface Group {
  /** The existing paper's slug, or null for a paper this run creates. */
  slug: string | null;
  entries: DigestEntry[];
}

/**
 * The whole ingest as a pure function: parsed digests and the content as it stands in, the files
 * to write and the new state out. Re-running it on its own output changes nothing.
 */
export function planIngest(input: IngestInput): IngestPlan {
  const schema = paperSchema({ topics: input.topics });
  const errors: Problem[] = [];
  const current = new Map<string, PaperFile>();
  for (const stored of input.papers) {
    const parsed = parsePaper(`content/papers/${stored.slug}.md`, stored.text, schema);
    if ('problems' in parsed) errors.push(...parsed.problems);
    else current.set(stored.slug, parsed.paper);
  }
  if (errors.length > 0) return { writes: [], state: input.state, counts: { added: 0, updated: 0, unchanged: 0, skipped: 0 }, errors, dropped: [] };

  // Who owns each identity key: known papers first (remembered keys, then current titles and ids).
  const owner = new Map<string, Group>();
  const groups: Group[] = [];
  const claim = (key: string, group: Group) => {
    if (!owner.has(key)) owner.set(key, group);
  };
  const known = new Map<string, Group>();
  const groupFor = (slug: string) => {
    let group = known.get(slug);
    if (!group) {
      group = { slug, entries: [] };
      known.set(slug, group);
      groups.push(group);
    }
    return group;
  };
  for (const slug of Object.keys(input.state.papers).sort()) {
    for (const key of input.state.papers[slug]!.keys) claim(key, groupFor(slug));
  }
  for (const [slug, paper] of [...current].sort(([a], [b]) => a.localeCompare(b))) {
    for (const key of identityKeys(paper.data)) claim(key, groupFor(slug));
  }

  for (const digest of input.digests) {
    for (const entry of digest.entries) {
      const keys = identityKeys(entry);
      const found = [...new Set(keys.flatMap((key) => owner.get(key) ?? []))];
      let group = found.find((candidate) => candidate.slug !== null) ?? found[0];
      if (!group) {
        group = { slug: null, entries: [] };
        groups.push(group);
      }
      // An entry whose title leads to one group and whose arXiv id to another makes them one paper.
      // A group this run started joins it; two papers already on disk stay apart (both may hold edits).
      for (const other of found) {
        if (other === group || other.slug !== null) continue;
        group.entries.push(...other.entries);
        for (const [key, holder] of owner) if (holder === other) owner.set(key, group);
        groups.splice(groups.indexOf(other), 1);
      }
      group.entries.push(entry);
      for (const key of keys) claim(key, group);
    }
  }

  const taken = new Set([...Object.keys(input.state.papers), ...current.keys()]);
  const writes: PaperWrite[] = [];
  const papers: Record<string, PaperState> = { ...input.state.papers };
  const counts = { added: 0, updated: 0, unchanged: 0, skipped: input.digests.flatMap((digest) => digest.problems).filter((problem) => problem.skipsEntry).length };
  const dropped: string[] = [];

  for (const group of groups) {
    const existing = group.slug === null ? undefined : current.get(group.slug);
    if (group.slug !== null && (!existing || existing.data.dropped)) {
      // Deleted by hand, or marked dropped: the curator's decision stands.
      if (group.entries.length > 0) dropped.push(group.slug);
      counts.skipped += group.entries.length;
      continue;
    }
    if (group.entries.length === 0) {
      counts.unchanged++;
      continue;
    }
    const machine = mergeEntries(group.entries);
    const keys = new Set([...(group.slug ? (input.state.papers[group.slug]?.keys ?? []) : []), ...group.entries.flatMap(identityKeys)]);

    let slug: string;
    let next: PaperFile;
    let machineTopics: string[];
    if (existing && group.slug) {
      slug = group.slug;
      const state = input.state.papers[slug];
      next = reconcile(existing, machine, state);
      machineTopics = input.classify({ title: next.data.title, abstract: markdownToPlainText(next.body) }).sort();
      next.data.topics = state
        ? mergeTopics(existing.data.topics, state.topics, machineTopics)
        : existing.data.topics.length > 0
          ? existing.data.topics
          : machineTopics;
      const fields = changedFields(existing, next);
      if (fields.length === 0) counts.unchanged++;
      else {
        counts.updated++;
        writes.push({ slug, kind: 'updated', text: serializePaper(next), fields });
      }
    } else {
      slug = uniqueSlug(machine.title, taken);
      taken.add(slug);
      machineTopics = input.classify({ title: machine.title, abstract: machine.abstract }).sort();
      next = newPaper(machine, machineTopics, input.today);
      counts.added++;
      writes.push({ slug, kind: 'added', text: serializePaper(next), fields: Object.keys(next.data) });
    }
    for (const key of identityKeys(next.data)) keys.add(key);
    papers[slug] = { keys: [...keys].sort(), base: baseOf(machine), topics: machineTopics };
  }

  const sortedPapers: Record<string, PaperState> = {};
  for (const slug of Object.keys(papers).sort()) sortedPapers[slug] = papers[slug]!;
  writes.sort((a, b) => a.slug.localeCompare(b.slug));
  return { writes, state: { version: 1, papers: sortedPapers }, counts, errors, dropped: dropped.sort() };
}
