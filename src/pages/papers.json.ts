import type { APIRoute } from 'astro';
import { siteConfig } from '../site/config.ts';
import { catalogJson } from '../site/exports.ts';
import { loadCatalog } from '../site/load-catalog.ts';

export const GET: APIRoute = async () =>
  new Response(catalogJson(await loadCatalog(), siteConfig), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
