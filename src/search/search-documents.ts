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

/** Filters, sort keys and metadata: hidden, read by Pagefind but not indexed as text. */
function facetSpans(facts: SearchFacts): string {
  const sorts = searchSortKeys(facts);
  return [
    attribute('data-pagefind-sort', `published:${sorts.published}`),
    attribute('data-pagefind-sort', `upvotes:${sorts.upvotes}`),
    facts.date ? attribute('data-pagefind-meta', `date:${facts.date}`) : '',
    facts.topicTitles.length > 0 ? attribute('data-pagefind-meta', `topics:${facts.topicTitles.join(', ')}`) : '',
    ...facts.topics.map((topic) => attribute('data-pagefind-filter', `topic:${topic}`)),
    facts.year ? attribute('data-pagefind-filter', `year:${facts.year}`) : '',
    facts.organization ? attribute('data-pagefind-filter', `organization:${facts.organization}`) : '',
    facts.status ? attribute('data-pagefind-filter', `status:${facts.status}`) : '',
  ].join('');
}

function document(path: string, title: string, body: string, facts: SearchFacts): SearchDocument {
  const html = `<!doctype html><html lang="en"><body><main data-pagefind-body><h1 data-pagefind-weight="${TITLE_WEIGHT}">${xmlEscape(title)}</h1>${body}<div hidden data-pagefind-ignore>${facetSpans(facts)}</div></main></body></html>`;
  return { url: `/${path}`, html };
}

export function paperSearchDocument(paper: CatalogPaper): SearchDocument {
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
  return document(paper.path, data.title, body, paperSearchFacts(paper));
}

export function topicSearchDocument(topic: CatalogTopic): SearchDocument {
  const introduction = abstractText(topic.body).split('\n\n').map(paragraph);
  return document(topic.path, topic.title, [paragraph(topic.description), ...introduction].join(''), topicSearchFacts(topic));
}

/** Every page search finds: the papers shown, and the topics. */
export function searchDocuments(catalog: Catalog): SearchDocument[] {
  return [...catalog.papers.map(paperSearchDocument), ...catalog.topics.map(topicSearchDocument)];
}
