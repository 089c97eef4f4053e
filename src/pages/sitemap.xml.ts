import type { APIRoute } from 'astro';
import { siteConfig } from '../site/config.ts';
import { loadCatalog } from '../site/load-catalog.ts';
import { sitemapXml, sitePages } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/urls.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapXml(sitePages(await loadCatalog()), (path) => absoluteUrl(siteConfig, path)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
