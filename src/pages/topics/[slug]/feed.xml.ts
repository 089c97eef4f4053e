import type { APIRoute, GetStaticPaths } from 'astro';
import type { CatalogTopic } from '../../../site/catalog.ts';
import { siteConfig } from '../../../site/config.ts';
import { papersFeed } from '../../../site/exports.ts';
import { loadCatalog } from '../../../site/load-catalog.ts';

export const getStaticPaths = (async () => {
  const catalog = await loadCatalog();
  return catalog.topics.map((topic) => ({ params: { slug: topic.id }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: CatalogTopic }> = ({ props: { topic } }) => {
  const title = `${siteConfig.title}: ${topic.title}`;
  const xml = papersFeed(siteConfig, { title, subtitle: topic.description, path: topic.feedPath, pagePath: topic.path, papers: topic.papers });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
