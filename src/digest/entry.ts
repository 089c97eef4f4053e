/** The four input layouts, from least to most informative. */
export const LAYOUTS = ['search-text', 'page-text', 'page-text-with-metadata', 'api-json'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** How much a layout tells about a paper: a richer source fills gaps first. */
export function layoutRichness(layout: Layout): number {
  return LAYOUTS.indexOf(layout);
}

/**
 * An organization's id as it may appear in a URL: a Hugging Face handle (letters, digits, `-`,
 * `_`, `.`). Anything else in a digest's handle becomes a hyphen, so no digest can plant markup
 * or a path in a URL; null when nothing usable is left.
 */
export function organizationId(handle: string): string | null {
  const id = handle.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return id || null;
}

export interface Organization {
  /** The Hugging Face handle, used in URLs. */
  id: string;
  /** The display name. */
  name: string;
}

/** One paper as one digest describes it: everything parsed, nothing merged yet. */
export interface DigestEntry {
  /** The digest's file name, e.g. `000_a9fd12fd9daf184b.txt`. */
  digest: string;
  layout: Layout;
  /** 1-based position in the digest (for JSON, the array index + 1). */
  position: number;
  /** Where the entry starts: a 1-based line, or a 0-based array index for JSON. */
  at: Location;
  /** The digest's capture date, YYYY-MM-DD. */
  captured: string;
  title: string;
  /** Paragraphs of plain text, exactly as the digest shows them. */
  abstract: string;
  arxiv: string | null;
  authors: string[];
  authorsCount: number | null;
  organization: Organization | null;
  published: string | null;
  upvotes: number | null;
  code: string[];
  githubStars: number | null;
  projectPage: string | null;
  keywords: string[];
  aiSummary: string | null;
}

export type Location = { line: number } | { index: number };

/** A problem found in an input or a content file, always with where and why. */
export interface Problem {
  file: string;
  at?: Location | { field: string };
  /** True when the problem cost a digest entry (it was not ingested). */
  skipsEntry?: boolean;
  reason: string;
}

export function formatProblem(problem: Problem): string {
  const at = problem.at;
  let where = problem.file;
  if (at && 'line' in at) where += `:${at.line}`;
  else if (at && 'index' in at) where += ` [index ${at.index}]`;
  else if (at && 'field' in at) where += ` (field \`${at.field}\`)`;
  // One problem, one line: parser messages may quote the source, line breaks and all.
  return `${where}: ${problem.reason.replace(/\s*\n\s*/g, ' ')}`;
}
