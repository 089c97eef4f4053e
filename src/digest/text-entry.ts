import type { DigestEntry, Layout, Location, Organization } from './entry.ts';
import { findRepoLinks } from './links.ts';

/** What a text layout can say about an entry beyond its title and abstract. */
export interface TextMetadata {
  authorsCount: number | null;
  organization: Organization | null;
  published: string | null;
  upvotes: number | null;
}

/**
 * An entry read from page or search text: a title, an abstract and, at most, the metadata block.
 * Text never carries arXiv ids, author names or keywords; repository links come from the abstract.
 */
export function textEntry(
  where: { digest: string; layout: Layout; position: number; at: Location; captured: string },
  title: string,
  abstract: string,
  metadata: TextMetadata | null = null,
): DigestEntry {
  return {
    ...where,
    title,
    abstract,
    arxiv: null,
    authors: [],
    authorsCount: metadata?.authorsCount ?? null,
    organization: metadata?.organization ?? null,
    published: metadata?.published ?? null,
    upvotes: metadata?.upvotes ?? null,
    code: findRepoLinks(abstract),
    githubStars: null,
    projectPage: null,
    keywords: [],
    aiSummary: null,
  };
}
