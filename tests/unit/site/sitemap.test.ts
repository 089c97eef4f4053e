import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/site/catalog.ts';
import { PAPERS_PER_PAGE } from '../../../src/site/pagination.ts';
import { robotsTxt, sitemapXml, sitePages } from '../../../src/site/sitemap.ts';
import { paper } from './catalog-fixture.ts';

describe('sitePages', () => {
  const catalog = buildCatalog({
    papers: Array.from({ length: PAPERS_PER_PAGE + 1 }, (_, i) => paper(`x${i}`, { topics: ['video'], organization: { id: 'org', name: 'Org' }, sources: [{ digest: 'd.txt', position: i + 1, captured: '2026-04-17' }] })),
    topics: [{ id: 'video', data: { title: 'Video', description: '.' } }],
    digests: [{ file: 'd.txt', captured: '2026-04-17', layout: 'page-text', entries: 60 }],
  });
  const paths = sitePages(catalog).map((page) => page.path);

  it('lists every page type once', () => {
    expect(paths.filter((path) => !path.startsWith('papers/x'))).toEqual([
      '',
      'papers/',
      'papers/page/2/',
      'upvotes/',
      'upvotes/page/2/',
      'topics/',
      'topics/video/',
      'organizations/',
      'organizations/org/',
      'digests/',
      'digests/d/',
      'stats/',
      'search/',
      'offline/',
    ]);
    expect(paths.filter((path) => path.startsWith('papers/x'))).toHaveLength(PAPERS_PER_PAGE + 1);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('dates paper pages by their addition', () => {
    expect(sitePages(catalog).find((page) => page.path === 'papers/x0/')).toEqual({ path: 'papers/x0/', lastmod: '2026-04-17' });
  });
});

describe('sitemap and robots.txt', () => {
  it('writes absolute, escaped URLs', () => {
    const xml = sitemapXml([{ path: '' }, { path: 'papers/a/', lastmod: '2026-04-17' }], (path) => `https://h.example/r&d/${path}`);
    expect(xml).toContain('<url><loc>https://h.example/r&amp;d/</loc></url>');
    expect(xml).toContain('<url><loc>https://h.example/r&amp;d/papers/a/</loc><lastmod>2026-04-17</lastmod></url>');
  });

  it('points crawlers at the sitemap', () => {
    expect(robotsTxt('https://h.example/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://h.example/sitemap.xml\n');
  });
});
