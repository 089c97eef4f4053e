/**
 * What the search index reads for each paper and topic: a small HTML document built from the
 * catalog, not the built page. Pagefind then indexes only what a reader searches (title, authors,
 * abstract, notes, topics, keywords), weighs the title most, and can start before Astro has
 * written a single page. Filters, sort keys and result metadata use Pagefind's data attributes.
 */
import type { Catalog, CatalogPaper, CatalogTopic } from '../site/catalog.ts';
import { xmlEscape } from '../site/feed.ts';
import { abstractText } from '../site/format.ts';
import { paperSearchFacts, searchSortKeys, topicSearchFacts, type SearchFacts } from './page-facts.ts';
import { partitionPages, SHARD_FILTER, type Shard } from './search-shards.ts';

export interface SearchDocument {
  /** Root-relative URL of the page the result opens: `/papers/some-slug/`. */
  url: string;
  html: string;
}

const TITLE_WEIGHT = 10;

/** Escaped text in an element; empty text gives no element. */
function paragraph(text: string | null | undefined): string {
  return text ? `<p>${xmlEscape(text)}</p>` : '';
}

function attribute(name: string, value: string): string {
  return `<span ${name}="${xmlEscape(value)}"></span>`;
}

/**
 * Filters, sort keys and metadata: hidden, read by Pagefind but not indexed as text. The upvote
 * sort key is also metadata, so results from several shards can be merged in upvote order.
 */
function facetSpans(facts: SearchFacts, shard: string): string {
  const sorts = searchSortKeys(facts);
  return [
    attribute('data-pagefind-sort', `published:${sorts.published}`),
    attribute('data-pagefind-sort', `upvotes:${sorts.upvotes}`),
    attribute('data-pagefind-meta', `upvotes:${sorts.upvotes}`),
    attribute('data-pagefind-filter', `${SHARD_FILTER}:${shard}`),
    facts.date ? attribute('data-pagefind-meta', `date:${facts.date}`) : '',
    facts.topicTitles.length > 0 ? attribute('data-pagefind-meta', `topics:${facts.topicTitles.join(', ')}`) : '',
    ...facts.topics.map((topic) => attribute('data-pagefind-filter', `topic:${topic}`)),
    facts.year ? attribute('data-pagefind-filter', `year:${facts.year}`) : '',
    facts.organization ? attribute('data-pagefind-filter', `organization:${facts.organization}`) : '',
    facts.status ? attribute('data-pagefind-filter', `status:${facts.status}`) : '',
  ].join('');
}

/** A page to index, before it is given its shard. */
interface SearchPage {
  path: string;
  title: string;
  /** The indexed text after the title, as escaped HTML paragraphs. */
  body: string;
  facts: SearchFacts;
  /** The day ingest added the paper; null for topics. */
  added: string | null;
}

function document(page: SearchPage, shard: string): SearchDocument {
  const html = `<!doctype html><html lang="en"><body><main data-pagefind-body><h1 data-pagefind-weight="${TITLE_WEIGHT}">${xmlEscape(page.title)}</h1>${page.body}<div hidden data-pagefind-ignore>${facetSpans(page.facts, shard)}</div></main></body></html>`;
  return { url: `/${page.path}`, html };
}

function paperPage(paper: CatalogPaper): SearchPage {
  const { data } = paper;
  const body = [
    paragraph(data.authors.join(', ')),
    paragraph(paper.organization?.name),
    ...paper.abstract.split('\n\n').map(paragraph),
    paragraph(data.note),
    paragraph(data.ai_summary),
    paragraph(paper.topics.map((topic) => topic.title).join(', ')),
    paragraph(data.keywords.join(', ')),
  ].join('');
  return { path: paper.path, title: data.title, body, facts: paperSearchFacts(paper), added: data.added };
}

function topicPage(topic: CatalogTopic): SearchPage {
  const introduction = abstractText(topic.body).split('\n\n').map(paragraph);
  return { path: topic.path, title: topic.title, body: [paragraph(topic.description), ...introduction].join(''), facts: topicSearchFacts(topic), added: null };
}

/**
 * Every page search finds (the papers shown, and the topics) as documents, split into shards by
 * publication date (see `search-shards.ts`), oldest first.
 */
export function searchShards(catalog: Catalog, pagesPerShard: number): Shard<SearchDocument>[] {
  const pages = [...catalog.papers.map(paperPage), ...catalog.topics.map(topicPage)];
  const placeOf = (page: SearchPage) => ({ published: page.facts.date, added: page.added });
  return partitionPages(pages, placeOf, (page) => page.path, pagesPerShard).map((shard) => ({
    ...shard,
    items: shard.items.map((page) => document(page, shard.id)),
  }));
}
