/**
 * The facts about a page that search filters and sorts by, and how they are written for Pagefind.
 * Pure, so the search documents (`search-documents.ts`), the search page and the tests agree.
 */
import type { Catalog, CatalogPaper, CatalogTopic } from '../site/catalog.ts';

export interface SearchFacts {
  /** Publication date, YYYY-MM-DD, or null. */
  date: string | null;
  upvotes: number | null;
  /** Topic slugs (filter values) and titles (shown in results). */
  topics: readonly string[];
  topicTitles: readonly string[];
  year: number | null;
  /** Organization handle. */
  organization: string | null;
  /** Reading status; papers without one are filed under `unset` so the filter can find them. */
  status: string | null;
}

export const UNSET_STATUS = 'unset';
const UNKNOWN_DATE = '0000-00-00';
const UPVOTE_DIGITS = 9;

/**
 * Sort keys that order correctly as text and as numbers: an unknown date sorts as the oldest, no
 * upvote count as zero. Pages without a key would vanish from sorted results.
 */
export function searchSortKeys(facts: Pick<SearchFacts, 'date' | 'upvotes'>): { published: string; upvotes: string } {
  return {
    published: facts.date ?? UNKNOWN_DATE,
    upvotes: String(Math.max(0, facts.upvotes ?? 0)).padStart(UPVOTE_DIGITS, '0'),
  };
}

/** Filter labels for the search page: value → what a reader reads. */
export interface SearchLabels {
  topic: Record<string, string>;
  organization: Record<string, string>;
  status: Record<string, string>;
}

/** The search facts of a paper page. */
export function paperSearchFacts(paper: CatalogPaper): SearchFacts {
  return {
    date: paper.data.published,
    upvotes: paper.data.upvotes,
    topics: paper.topics.map((topic) => topic.id),
    topicTitles: paper.topics.map((topic) => topic.title),
    year: paper.year,
    organization: paper.organization?.id ?? null,
    status: paper.data.status ?? UNSET_STATUS,
  };
}

/** A topic page is found by its topic filter; it has no date, year or upvotes of its own. */
export function topicSearchFacts(topic: CatalogTopic): SearchFacts {
  return { date: null, upvotes: null, topics: [topic.id], topicTitles: [topic.title], year: null, organization: null, status: null };
}

const STATUS_LABELS: Record<string, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read', [UNSET_STATUS]: 'Not set' };

export function searchLabels(catalog: Catalog): SearchLabels {
  return {
    topic: Object.fromEntries(catalog.topics.map((topic) => [topic.id, topic.title])),
    organization: Object.fromEntries(catalog.organizations.map((organization) => [organization.id, organization.name])),
    status: STATUS_LABELS,
  };
}
