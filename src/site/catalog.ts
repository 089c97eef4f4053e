/**
 * The whole list, organized once per build: every sorted list, grouping, neighbour and count the
 * pages need. Pages only look things up here; none sorts or filters the collection itself, so the
 * build stays linear in the number of papers.
 */
import { digestId } from '../digest/manifest.ts';
import { compareSources } from '../paper/merge.ts';
import type { PaperFrontmatter, Source } from '../paper/schema.ts';
import { abstractText } from './format.ts';
import { routes, toSegment, type SitePath } from './urls.ts';

export interface PaperInput {
  /** The slug: the file name without `.md`. */
  id: string;
  data: PaperFrontmatter;
  /** The Markdown body: the abstract. */
  body: string;
}

export interface TopicInput {
  id: string;
  data: { title: string; description: string };
  /** The Markdown introduction below the description. */
  body?: string;
}

export interface DigestInput {
  /** The file name under `content/digests/`. */
  file: string;
  captured: string;
  layout: string;
  entries: number;
}

/** What `computeRelated` returns: per paper id, the most related papers, best first. */
export type RelatedInput = ReadonlyMap<string, readonly { id: string; score: number; terms: readonly string[] }[]>;

export interface CatalogInput {
  papers: readonly PaperInput[];
  topics: readonly TopicInput[];
  digests: readonly DigestInput[];
  related?: RelatedInput;
  /** How many related papers a page lists. Default: 5. */
  relatedCount?: number;
}

export interface CatalogPaper {
  id: string;
  path: SitePath;
  data: PaperFrontmatter;
  /** The Markdown body, for the paper page. */
  body: string;
  /** The abstract as plain text, paragraphs separated by a blank line. */
  abstract: string;
  /** Publication year: from the date, else from a new-style arXiv id; null when unknown. */
  year: number | null;
  topics: CatalogTopic[];
  organization: CatalogOrganization | null;
  sources: { digest: CatalogDigest; position: number; captured: string }[];
  /** Neighbours in the main list (newest first). */
  previous: CatalogPaper | null;
  next: CatalogPaper | null;
  related: { paper: CatalogPaper; terms: readonly string[] }[];
}

export interface YearGroup {
  /** Null holds the papers whose year is unknown; it comes last. */
  year: number | null;
  papers: CatalogPaper[];
}

export interface CatalogTopic {
  id: string;
  path: SitePath;
  feedPath: SitePath;
  title: string;
  description: string;
  /** The Markdown introduction, for the topic page. */
  body: string;
  /** Newest first. */
  papers: CatalogPaper[];
  /** Newest year first, papers within a year by publication date, newest first. */
  byYear: YearGroup[];
}

export interface CatalogOrganization {
  /** The Hugging Face handle; the schema keeps it URL-safe, so it is also the page's path segment. */
  id: string;
  name: string;
  path: SitePath;
  /** Newest first. */
  papers: CatalogPaper[];
}

export interface CatalogDigest {
  file: string;
  /** The file name without its extension, as in URLs. */
  id: string;
  path: SitePath;
  captured: string;
  /** Null for a digest that papers cite but `digests.json` does not list. */
  layout: string | null;
  /** Entries at its last ingest, per `digests.json`. */
  declaredEntries: number | null;
  /** The listed papers' entries, in the digest's own order. */
  entries: { position: number; paper: CatalogPaper }[];
}

export interface Catalog {
  /** Every paper shown, newest addition first: the list's own order. */
  papers: CatalogPaper[];
  /** Most upvotes first; papers without a count last, in list order. */
  byUpvotes: CatalogPaper[];
  paperById: ReadonlyMap<string, CatalogPaper>;
  /** By title. */
  topics: CatalogTopic[];
  topicById: ReadonlyMap<string, CatalogTopic>;
  /** Most papers first, then by name. */
  organizations: CatalogOrganization[];
  /** Latest capture first. */
  digests: CatalogDigest[];
  counts: {
    papers: number;
    dropped: number;
    withArxiv: number;
    withCode: number;
    withoutTopic: number;
    withOrganization: number;
    withPublished: number;
    withUpvotes: number;
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A new-style arXiv id starts with YYMM; an old-style one (`hep-th/9901001`) with YY after the slash. */
export function arxivYear(arxiv: string): number | null {
  const match = /^(\d{2})\d{2}\.\d{4,5}$/.exec(arxiv) ?? /\/(\d{2})\d{5}$/.exec(arxiv);
  if (!match) return null;
  const yy = Number(match[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

export function publicationYear(data: Pick<PaperFrontmatter, 'published' | 'arxiv'>): number | null {
  if (data.published) return Number(data.published.slice(0, 4));
  return data.arxiv ? arxivYear(data.arxiv) : null;
}

/** The entry that first brought the paper in: earliest capture, then digest, then position. */
function origin(sources: readonly Source[]): Source | null {
  return sources.reduce<Source | null>((first, source) => (first === null || compareSources(source, first) < 0 ? source : first), null);
}

interface Ordered {
  paper: PaperInput;
  origin: Source | null;
}

/**
 * The list's order: newest addition first; within one day, the latest digest first and its
 * entries in their own order; the slug breaks any remaining tie.
 */
function compareNewest(a: Ordered, b: Ordered): number {
  return (
    compareText(b.paper.data.added, a.paper.data.added) ||
    compareText(b.origin?.captured ?? '', a.origin?.captured ?? '') ||
    compareText(b.origin?.digest ?? '', a.origin?.digest ?? '') ||
    (a.origin?.position ?? 0) - (b.origin?.position ?? 0) ||
    compareText(a.paper.id, b.paper.id)
  );
}

/**
 * `toSegment`, made unique among `taken` with `-2`, `-3`, …; an id with no character usable in a
 * URL (a digest file named `日本.txt`) is named by what it is (`digest`, `digest-2`).
 */
function uniqueSegment(id: string, taken: Set<string>, what: string): string {
  const base = toSegment(id) ?? what;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

function pathFor<T>(build: (value: string) => T, value: string, what: string): T {
  try {
    return build(value);
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`);
  }
}

export function buildCatalog(input: CatalogInput): Catalog {
  const shown = input.papers
    .filter((paper) => !paper.data.dropped)
    .map((paper) => ({ paper, origin: origin(paper.data.sources) }))
    .sort(compareNewest)
    .map(({ paper }) => paper);

  const topics: CatalogTopic[] = [...input.topics]
    .sort((a, b) => compareText(a.data.title.toLowerCase(), b.data.title.toLowerCase()) || compareText(a.id, b.id))
    .map((topic) => ({
      id: topic.id,
      path: pathFor(routes.topic, topic.id, `content/topics/${topic.id}.md`),
      feedPath: routes.topicFeed(topic.id),
      title: topic.data.title,
      description: topic.data.description,
      body: topic.body ?? '',
      papers: [],
      byYear: [],
    }));
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));

  const digestSegments = new Set<string>();
  const digestByFile = new Map<string, CatalogDigest>();
  const addDigest = (file: string, captured: string, layout: string | null, declaredEntries: number | null) => {
    const id = uniqueSegment(digestId(file), digestSegments, 'digest');
    const digest: CatalogDigest = { file, id, path: routes.digest(id), captured, layout, declaredEntries, entries: [] };
    digestByFile.set(file, digest);
    return digest;
  };
  for (const digest of [...input.digests].sort((a, b) => compareText(a.file, b.file))) addDigest(digest.file, digest.captured, digest.layout, digest.entries);

  const organizationById = new Map<string, CatalogOrganization>();

  const papers: CatalogPaper[] = shown.map((paper) => {
    const { data } = paper;
    let organization: CatalogOrganization | null = null;
    if (data.organization) {
      organization = organizationById.get(data.organization.id) ?? null;
      if (!organization) {
        const { id, name } = data.organization;
        organization = { id, name, path: routes.organization(id), papers: [] };
        organizationById.set(data.organization.id, organization);
      }
    }
    const sources = [...data.sources].sort(compareSources).map((source) => ({
      digest: digestByFile.get(source.digest) ?? addDigest(source.digest, source.captured, null, null),
      position: source.position,
      captured: source.captured,
    }));
    return {
      id: paper.id,
      path: pathFor(routes.paper, paper.id, `content/papers/${paper.id}.md`),
      data,
      body: paper.body,
      abstract: abstractText(paper.body),
      year: publicationYear(data),
      topics: [...new Set(data.topics)].flatMap((slug) => topicById.get(slug) ?? []),
      organization,
      sources,
      previous: null,
      next: null,
      related: [],
    };
  });

  const paperById = new Map(papers.map((paper) => [paper.id, paper]));
  const relatedCount = input.relatedCount ?? 5;
  papers.forEach((paper, index) => {
    paper.previous = papers[index - 1] ?? null;
    paper.next = papers[index + 1] ?? null;
    for (const topic of paper.topics) topic.papers.push(paper);
    paper.organization?.papers.push(paper);
    for (const source of paper.sources) source.digest.entries.push({ position: source.position, paper });
    for (const match of input.related?.get(paper.id) ?? []) {
      const other = paperById.get(match.id);
      if (other && other !== paper && paper.related.length < relatedCount) paper.related.push({ paper: other, terms: match.terms });
    }
  });

  for (const topic of topics) topic.byYear = groupByYear(topic.papers);
  const digests = [...digestByFile.values()].sort((a, b) => compareText(b.captured, a.captured) || compareText(b.file, a.file));
  for (const digest of digests) digest.entries.sort((a, b) => a.position - b.position || compareText(a.paper.id, b.paper.id));
  const organizations = [...organizationById.values()].sort(
    (a, b) => b.papers.length - a.papers.length || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id),
  );
  // Array.prototype.sort is stable, so equal counts keep the list's order.
  const byUpvotes = [...papers].sort((a, b) => (b.data.upvotes ?? -1) - (a.data.upvotes ?? -1));

  return {
    papers,
    byUpvotes,
    paperById,
    topics,
    topicById,
    organizations,
    digests,
    counts: {
      papers: papers.length,
      dropped: input.papers.length - shown.length,
      withArxiv: papers.filter((paper) => paper.data.arxiv).length,
      withCode: papers.filter((paper) => paper.data.code.length > 0).length,
      withoutTopic: papers.filter((paper) => paper.topics.length === 0).length,
      withOrganization: papers.filter((paper) => paper.organization).length,
      withPublished: papers.filter((paper) => paper.data.published).length,
      withUpvotes: papers.filter((paper) => paper.data.upvotes !== null).length,
    },
  };
}

/** Papers by publication year, newest year first and unknown last; newest publication first within a year. */
export function groupByYear(papers: readonly CatalogPaper[]): YearGroup[] {
  const groups = new Map<number | null, CatalogPaper[]>();
  for (const paper of papers) {
    const group = groups.get(paper.year);
    if (group) group.push(paper);
    else groups.set(paper.year, [paper]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([year, members]) => ({
      year,
      // Stable: papers with the same (or no) date keep the list's order.
      papers: [...members].sort((a, b) => compareText(b.data.published ?? '', a.data.published ?? '')),
    }));
}
