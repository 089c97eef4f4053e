import { layoutRichness, type DigestEntry } from '../digest/entry.ts';
import { uniqueUrls } from '../digest/links.ts';
import { abstractToMarkdown } from './markdown.ts';
import type { PaperFrontmatter, Source } from './schema.ts';

/** The fields ingest derives from digests; every other field belongs to the curator. */
export const MACHINE_FIELDS = [
  'title',
  'arxiv',
  'authors',
  'authors_count',
  'organization',
  'published',
  'upvotes',
  'upvotes_as_of',
  'code',
  'github_stars',
  'project_page',
  'keywords',
  'ai_summary',
  'sources',
] as const satisfies readonly (keyof PaperFrontmatter)[];

export type MachineField = (typeof MACHINE_FIELDS)[number];
export type MachineRecord = Pick<PaperFrontmatter, MachineField> & { abstract: string };

/** A merged record with its abstract written as the Markdown body: all a paper file is made of. */
export type MachinePaper = MachineRecord & { body: string };

/** Richest layout first; among equals, the freshest capture, then digest order. */
function byPriority(a: DigestEntry, b: DigestEntry): number {
  return (
    layoutRichness(b.layout) - layoutRichness(a.layout) ||
    b.captured.localeCompare(a.captured) ||
    a.digest.localeCompare(b.digest) ||
    a.position - b.position
  );
}

function first<T>(entries: DigestEntry[], pick: (entry: DigestEntry) => T | null): T | null {
  for (const entry of entries) {
    const value = pick(entry);
    if (value !== null) return value;
  }
  return null;
}

function nonEmpty<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}

export function compareSources(a: Source, b: Source): number {
  return a.captured.localeCompare(b.captured) || a.digest.localeCompare(b.digest) || a.position - b.position;
}

/**
 * Everything the digests say about one paper, merged: each field from the richest source that
 * has it, upvotes from the latest capture that counted them, and every source kept.
 */
export function mergeEntries(entries: readonly DigestEntry[]): MachineRecord {
  if (entries.length === 0) throw new Error('mergeEntries needs at least one entry');
  const ranked = [...entries].sort(byPriority);
  const authors = first(ranked, (entry) => nonEmpty(entry.authors)) ?? [];
  const upvoted = [...ranked].filter((entry) => entry.upvotes !== null).sort((a, b) => b.captured.localeCompare(a.captured))[0];
  return {
    title: ranked[0]!.title,
    arxiv: first(ranked, (entry) => entry.arxiv),
    authors,
    authors_count: first(ranked, (entry) => entry.authorsCount) ?? (authors.length || null),
    organization: first(ranked, (entry) => entry.organization),
    published: first(ranked, (entry) => entry.published),
    upvotes: upvoted?.upvotes ?? null,
    upvotes_as_of: upvoted?.captured ?? null,
    code: uniqueUrls(ranked.flatMap((entry) => entry.code)),
    github_stars: first(ranked, (entry) => entry.githubStars),
    project_page: first(ranked, (entry) => entry.projectPage),
    keywords: first(ranked, (entry) => nonEmpty(entry.keywords)) ?? [],
    ai_summary: first(ranked, (entry) => entry.aiSummary),
    sources: entries
      .map((entry) => ({ digest: entry.digest, position: entry.position, captured: entry.captured }))
      .sort(compareSources),
    abstract: first(ranked, (entry) => entry.abstract || null) ?? '',
  };
}

/**
 * Adds the Markdown body to a merged record. A step of its own, taken only when a paper is to be
 * written or compared: an unchanged paper is recognized from the record's hash alone.
 */
export function withBody(machine: MachineRecord): MachinePaper {
  return { ...machine, body: abstractToMarkdown(machine.abstract) };
}
