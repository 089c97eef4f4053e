import type { APIRoute } from 'astro';
import { fallbackScript } from '../search/fallback-index.ts';
import { loadCatalog } from '../site/load-catalog.ts';

/** The search index for a site opened from disk: a classic script, since file:// cannot fetch. */
export const GET: APIRoute = async () => {
  const catalog = await loadCatalog();
  const records = catalog.papers.map((paper) => ({
    t: paper.data.title,
    u: paper.path,
    o: paper.organization?.name ?? '',
    k: paper.topics.map((topic) => topic.title),
    d: paper.data.published ?? '',
  }));
  return new Response(fallbackScript(records), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
