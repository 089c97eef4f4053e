import type { DigestEntry, Problem } from '../digest/entry.ts';
import type { ParsedDigest } from '../digest/parse.ts';
import { parsePaper, serializePaper, type PaperFile } from '../paper/file.ts';
import { identityKeys } from '../paper/identity.ts';
import { markdownToPlainText } from '../paper/markdown.ts';
import { compareSources, MACHINE_FIELDS, mergeEntries, withBody, type MachinePaper, type MachineRecord } from '../paper/merge.ts';
import { paperSchema, type PaperFrontmatter, type Source } from '../paper/schema.ts';
import { uniqueSlug } from '../paper/slug.ts';
import { textHash, valueHash, type IngestState, type PaperState } from './state.ts';

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
  /** Identifies the topic rules the classifier was built from (see `loadTopicRules`). */
  rulesFingerprint: string;
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

/** One hash of everything the digests say about a paper: when it matches, nothing is new. */
function machineHash(machine: MachineRecord): string {
  return textHash(JSON.stringify([MACHINE_FIELDS.map((field) => machine[field]), machine.abstract]));
}

/** The fields a base records, in the order of its hashes. */
const BASE_FIELDS = [...MACHINE_FIELDS, BODY] as const;

/** The hash of each derived field (and the body), space-separated in BASE_FIELDS order. */
function baseOf(machine: MachinePaper): string {
  return BASE_FIELDS.map((field) => valueHash(field === BODY ? machine.body : machine[field])).join(' ');
}

/** A recorded base by field, or null when it was recorded for other fields than today's. */
function readBase(base: string): Map<string, string> | null {
  const hashes = base.split(' ');
  return hashes.length === BASE_FIELDS.length ? new Map(BASE_FIELDS.map((field, i) => [field, hashes[i]!])) : null;
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
function reconcile(current: PaperFile, machine: MachinePaper, state: PaperState | undefined): PaperFile {
  const data: Record<string, unknown> = { ...current.data };
  let body = current.body;
  const base = state ? readBase(state.base) : null;
  if (base) {
    for (const field of MACHINE_FIELDS) {
      if (valueHash(current.data[field]) === base.get(field)) data[field] = machine[field];
    }
    if (valueHash(current.body) === base.get(BODY)) body = machine.body;
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

function newPaper(machine: MachinePaper, topics: string[], today: string): PaperFile {
  const fields: Record<string, unknown> = {};
  for (const field of MACHINE_FIELDS) fields[field] = machine[field];
  return {
    data: { ...(fields as Pick<PaperFrontmatter, (typeof MACHINE_FIELDS)[number]>), topics, added: today, status: null, note: null, dropped: false },
    body: machine.body,
  };
}

interface Group {
  /** The existing paper's slug, or null for a paper this run creates. */
  slug: string | null;
  entries: DigestEntry[];
}

/**
 * The content as it stands: each paper file's text, and its parsed frontmatter when needed. A file
 * whose text hashes to what ingest (or classify) last wrote or checked is trusted: it was valid
 * then and has not changed, so it is parsed only if this run must change it. Every other file is
 * parsed and validated up front. On an unchanged list, almost nothing is parsed at all.
 */
class CurrentContent {
  readonly errors: Problem[] = [];
  private readonly parsed = new Map<string, PaperFile>();
  private readonly texts = new Map<string, string>();
  readonly trusted = new Set<string>();
  readonly hashes = new Map<string, string>();

  private readonly schema: ReturnType<typeof paperSchema>;

  constructor(papers: readonly StoredPaperText[], state: IngestState, rulesUnchanged: boolean, schema: ReturnType<typeof paperSchema>) {
    this.schema = schema;
    for (const { slug, text } of papers) {
      const hash = textHash(text);
      this.texts.set(slug, text);
      this.hashes.set(slug, hash);
      if (rulesUnchanged && state.papers[slug]?.file === hash) this.trusted.add(slug);
      else this.parse(slug);
    }
  }

  has(slug: string): boolean {
    return this.texts.has(slug);
  }

  slugs(): string[] {
    return [...this.texts.keys()];
  }

  /** Parsed files only: the trusted ones are known through their state. */
  parsedEntries(): [string, PaperFile][] {
    return [...this.parsed];
  }

  get(slug: string): PaperFile | undefined {
    return this.parsed.get(slug) ?? (this.texts.has(slug) ? this.parse(slug) : undefined);
  }

  private parse(slug: string): PaperFile | undefined {
    const result = parsePaper(`content/papers/${slug}.md`, this.texts.get(slug)!, this.schema);
    if ('problems' in result) {
      this.errors.push(...result.problems);
      return undefined;
    }
    this.parsed.set(slug, result.paper);
    return result.paper;
  }
}

/**
 * The whole ingest as a pure function: parsed digests and the content as it stands in, the files
 * to write and the new state out. Re-running it on its own output changes nothing.
 */
export function planIngest(input: IngestInput): IngestPlan {
  const rulesUnchanged = input.state.rules === input.rulesFingerprint;
  const current = new CurrentContent(input.papers, input.state, rulesUnchanged, paperSchema({ topics: input.topics }));
  const failed = () => ({ writes: [], state: input.state, counts: { added: 0, updated: 0, unchanged: 0, skipped: 0 }, errors: current.errors, dropped: [] });
  if (current.errors.length > 0) return failed();

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
  for (const [slug, paper] of current.parsedEntries().sort(([a], [b]) => a.localeCompare(b))) {
    for (const key of identityKeys(paper.data)) claim(key, groupFor(slug));
  }

  /** Each entry's identity keys, worked out once. */
  const entryKeys = new Map<DigestEntry, string[]>();
  for (const digest of input.digests) {
    for (const entry of digest.entries) {
      const keys = identityKeys(entry);
      entryKeys.set(entry, keys);
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

  const taken = new Set([...Object.keys(input.state.papers), ...current.slugs()]);
  const writes: PaperWrite[] = [];
  const papers: Record<string, PaperState> = { ...input.state.papers };
  const counts = { added: 0, updated: 0, unchanged: 0, skipped: input.digests.flatMap((digest) => digest.problems).filter((problem) => problem.skipsEntry).length };
  const dropped: string[] = [];
  /** Papers whose record this run rewrote. */
  const recorded = new Set<string>();
  const classify = (paper: PaperFile) => input.classify({ title: paper.data.title, abstract: markdownToPlainText(paper.body) }).sort();

  for (const group of groups) {
    const slug = group.slug;
    const state = slug === null ? undefined : input.state.papers[slug];
    if (slug !== null && group.entries.length === 0) {
      if (current.has(slug)) counts.unchanged++;
      continue;
    }
    const merged = mergeEntries(group.entries);
    const digest = machineHash(merged);
    if (slug !== null && state && current.trusted.has(slug) && state.machine === digest) {
      // Nothing new from the digests, and the file is as last written: nothing to do.
      counts.unchanged++;
      continue;
    }
    const machine = withBody(merged);
    const base = baseOf(machine);
    const existing = slug === null ? undefined : current.get(slug);
    if (current.errors.length > 0) return failed();
    if (slug !== null && (!existing || existing.data.dropped)) {
      // Deleted by hand, or marked dropped: the curator's decision stands.
      dropped.push(slug);
      counts.skipped += group.entries.length;
      continue;
    }
    const keys = new Set(state?.keys);
    for (const entry of group.entries) for (const key of entryKeys.get(entry)!) keys.add(key);

    let target: string;
    let next: PaperFile;
    let machineTopics: string[];
    let text: string;
    if (existing && slug !== null) {
      target = slug;
      next = reconcile(existing, machine, state);
      // The rules' verdict stands while the rules, the title and the abstract are as they were.
      const textUnchanged = next.data.title === existing.data.title && next.body === existing.body && current.trusted.has(slug);
      machineTopics = state && rulesUnchanged && textUnchanged ? state.topics : classify(next);
      next.data.topics = state
        ? mergeTopics(existing.data.topics, state.topics, machineTopics)
        : existing.data.topics.length > 0
          ? existing.data.topics
          : machineTopics;
      // A title or arXiv id edited by hand leads here too from now on.
      for (const key of identityKeys(next.data)) keys.add(key);
      const fields = changedFields(existing, next);
      if (fields.length === 0) {
        counts.unchanged++;
        text = '';
      } else {
        counts.updated++;
        text = serializePaper(next);
        writes.push({ slug, kind: 'updated', text, fields });
      }
    } else {
      // Its title and arXiv id come from its entries, whose keys `keys` holds already.
      target = uniqueSlug(machine.title, taken);
      taken.add(target);
      machineTopics = input.classify({ title: machine.title, abstract: machine.abstract }).sort();
      next = newPaper(machine, machineTopics, input.today);
      counts.added++;
      text = serializePaper(next);
      writes.push({ slug: target, kind: 'added', text, fields: Object.keys(next.data) });
    }
    const file = text ? textHash(text) : current.hashes.get(target)!;
    papers[target] = { keys: [...keys].sort(), base, machine: digest, topics: machineTopics, file };
    recorded.add(target);
  }

  // A valid file this run read but left alone is trusted from now on (a dropped one never is, so
  // that its entries keep being reported as skipped).
  for (const [slug, paper] of current.parsedEntries()) {
    const record = papers[slug];
    if (record && !recorded.has(slug) && !paper.data.dropped) papers[slug] = { ...record, file: current.hashes.get(slug)! };
  }

  const sortedPapers: Record<string, PaperState> = {};
  for (const slug of Object.keys(papers).sort()) sortedPapers[slug] = papers[slug]!;
  writes.sort((a, b) => a.slug.localeCompare(b.slug));
  return { writes, state: { version: 2, rules: input.rulesFingerprint, papers: sortedPapers }, counts, errors: [], dropped: dropped.sort() };
}
