import type { APIRoute } from 'astro';
import { siteConfig } from '../site/config.ts';
import { catalogBibtex } from '../site/exports.ts';
import { loadCatalog } from '../site/load-catalog.ts';

export const GET: APIRoute = async () =>
  new Response(catalogBibtex(await loadCatalog(), siteConfig), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
