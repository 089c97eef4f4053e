import type { APIRoute } from 'astro';
import { siteConfig } from '../site/config.ts';
import { papersFeed } from '../site/exports.ts';
import { loadCatalog } from '../site/load-catalog.ts';
import { routes } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const { papers } = await loadCatalog();
  const xml = papersFeed(siteConfig, { title: siteConfig.title, subtitle: siteConfig.description, path: routes.feed, pagePath: routes.home, papers });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
