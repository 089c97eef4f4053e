/**
 * A catalog paper in each exported form: BibTeX, a feed entry, JSON-LD and a papers.json record.
 * Exports use absolute URLs (they are read away from the site).
 */
import { bibtexEntry } from './bibtex.ts';
import type { Catalog, CatalogPaper } from './catalog.ts';
import type { SiteConfig } from './config.ts';
import { arxivAbsUrl, externalHref } from './external.ts';
import { atomFeed, FEED_SIZE, type FeedEntry } from './feed.ts';
import { truncateText } from './format.ts';
import { scholarlyArticle } from './jsonld.ts';
import { absoluteUrl, type SitePath } from './urls.ts';

type UrlConfig = Pick<SiteConfig, 'url' | 'base'>;

/**
 * A paper page names at most this many authors in its citation and JSON-LD: a few papers list
 * hundreds, which would make one page many times the size of the rest. papers.bib has them all.
 */
export const PAGE_AUTHOR_LIMIT = 10;

/** Characters of the abstract in a page's meta description and JSON-LD. */
export const DESCRIPTION_LENGTH = 200;

export function paperBibtex(paper: CatalogPaper, config: UrlConfig, maxAuthors?: number): string {
  const { data } = paper;
  const url = (data.arxiv && externalHref(arxivAbsUrl(data.arxiv))) || (data.project_page && externalHref(data.project_page)) || absoluteUrl(config, paper.path);
  return bibtexEntry({ key: paper.id, title: data.title, authors: data.authors, maxAuthors, year: paper.year, arxiv: data.arxiv, url });
}

/** The whole list as BibTeX, by citation key. */
export function catalogBibtex(catalog: Catalog, config: UrlConfig): string {
  return [...catalog.papers]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((paper) => paperBibtex(paper, config))
    .join('\n');
}

export function paperFeedEntry(paper: CatalogPaper, config: UrlConfig): FeedEntry {
  return {
    url: absoluteUrl(config, paper.path),
    title: paper.data.title,
    updated: paper.data.added,
    published: paper.data.published,
    summary: paper.abstract,
    authors: paper.data.authors,
    categories: paper.topics.map((topic) => ({ term: topic.id, label: topic.title })),
  };
}

/** An Atom feed of the first papers of a list (newest first): the site's, or a topic's. */
export function papersFeed(
  config: Pick<SiteConfig, 'url' | 'base' | 'title'>,
  feed: { title: string; subtitle: string; path: SitePath; pagePath: SitePath; papers: readonly CatalogPaper[] },
): string {
  return atomFeed({
    title: feed.title,
    subtitle: feed.subtitle,
    selfUrl: absoluteUrl(config, feed.path),
    pageUrl: absoluteUrl(config, feed.pagePath),
    author: config.title,
    entries: feed.papers.slice(0, FEED_SIZE).map((paper) => paperFeedEntry(paper, config)),
  });
}

export function paperJsonLd(paper: CatalogPaper, config: UrlConfig): Record<string, unknown> {
  const { data } = paper;
  return scholarlyArticle({
    url: absoluteUrl(config, paper.path),
    title: data.title,
    description: truncateText(paper.abstract, DESCRIPTION_LENGTH),
    authors: data.authors.slice(0, PAGE_AUTHOR_LIMIT),
    published: data.published,
    organization: data.organization?.name ?? null,
    keywords: data.keywords,
    sameAs: [data.arxiv ? arxivAbsUrl(data.arxiv) : null, data.project_page].flatMap((url) => (url && externalHref(url)) || []),
    arxiv: data.arxiv,
  });
}

/** papers.json: every listed paper's frontmatter, its page URL and its abstract as plain text. */
export function catalogJson(catalog: Catalog, config: Pick<SiteConfig, 'url' | 'base' | 'title' | 'description'>): string {
  const { dropped: _dropped, ...countsShown } = catalog.counts;
  return `${JSON.stringify(
    {
      title: config.title,
      description: config.description,
      url: absoluteUrl(config, ''),
      counts: countsShown,
      papers: catalog.papers.map((paper) => {
        const { dropped: _hidden, ...data } = paper.data;
        return {
          id: paper.id,
          url: absoluteUrl(config, paper.path),
          ...data,
          abstract: paper.abstract,
          related: paper.related.map((related) => ({ id: related.paper.id, terms: related.terms })),
        };
      }),
    },
    null,
    1,
  )}\n`;
}
