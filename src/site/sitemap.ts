/** Which pages the site has, for the sitemap (and so for crawlers and the accessibility sweep). */
import type { Catalog } from './catalog.ts';
import { xmlEscape } from './feed.ts';
import { paginate, PAPERS_PER_PAGE } from './pagination.ts';
import { routes, type SitePath } from './urls.ts';

export interface SitemapPage {
  path: SitePath;
  /** The day the page's content last changed, when that is known. */
  lastmod?: string;
}

/** Every HTML page except the 404 page, in a stable order. */
export function sitePages(catalog: Catalog): SitemapPage[] {
  const pageCount = paginate(catalog.papers, PAPERS_PER_PAGE).length;
  const numbers = Array.from({ length: pageCount }, (_, i) => i + 1);
  return [
    { path: routes.home },
    ...numbers.map((n) => ({ path: routes.papers(n) })),
    ...numbers.map((n) => ({ path: routes.papersByUpvotes(n) })),
    ...catalog.papers.map((paper) => ({ path: paper.path, lastmod: paper.data.added })),
    { path: routes.topics },
    ...catalog.topics.map((topic) => ({ path: topic.path })),
    { path: routes.organizations },
    ...catalog.organizations.map((organization) => ({ path: organization.path })),
    { path: routes.digests },
    ...catalog.digests.map((digest) => ({ path: digest.path, lastmod: digest.captured })),
    { path: routes.stats },
    { path: routes.search },
    { path: routes.offline },
  ];
}

/** A sitemaps.org urlset; `absolute` turns a site path into its full URL. */
export function sitemapXml(pages: readonly SitemapPage[], absolute: (path: SitePath) => string): string {
  const urls = pages.map(
    (page) => `  <url><loc>${xmlEscape(absolute(page.path))}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ''}</url>`,
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
