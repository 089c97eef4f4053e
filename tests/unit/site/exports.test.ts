import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/site/catalog.ts';
import { catalogBibtex, catalogJson, paperBibtex, paperJsonLd, papersFeed } from '../../../src/site/exports.ts';
import { FEED_SIZE } from '../../../src/site/feed.ts';
import { paper } from './catalog-fixture.ts';

const config = { url: 'https://h.example', base: '/list/', title: 'Site', description: 'A list.' };
const catalog = buildCatalog({
  papers: [
    paper('with-arxiv', { arxiv: '2312.00752', authors: ['Albert Gu', 'Tri Dao'], project_page: 'https://p.example/' }, 'First.\n\nSecond \\*starred\\*.'),
    paper('with-page', { project_page: 'https://p.example/page' }),
    paper('bare'),
    paper('gone', { dropped: true }),
  ],
  topics: [],
  digests: [],
});
const byId = (id: string) => catalog.paperById.get(id)!;

describe('BibTeX', () => {
  it('links the arXiv abstract, else the project page, else the page on this site', () => {
    expect(paperBibtex(byId('with-arxiv'), config)).toContain('url = {https://arxiv.org/abs/2312.00752}');
    expect(paperBibtex(byId('with-page'), config)).toContain('url = {https://p.example/page}');
    expect(paperBibtex(byId('bare'), config)).toContain('url = {https://h.example/list/papers/bare/}');
  });

  it('writes the whole list by key, without dropped papers', () => {
    expect([...catalogBibtex(catalog, config).matchAll(/^@misc\{([^,]+),/gm)].map((match) => match[1])).toEqual(['bare', 'with-arxiv', 'with-page']);
  });
});

describe('papers.json', () => {
  const data = JSON.parse(catalogJson(catalog, config));

  it('holds every listed paper with its URL, plain abstract and frontmatter', () => {
    expect(data.url).toBe('https://h.example/list/');
    expect(data.papers.map((p: { id: string }) => p.id)).toEqual(['bare', 'with-arxiv', 'with-page']);
    expect(data.papers[1]).toMatchObject({ url: 'https://h.example/list/papers/with-arxiv/', abstract: 'First.\n\nSecond *starred*.', arxiv: '2312.00752', authors: ['Albert Gu', 'Tri Dao'] });
    expect(data.papers[1]).not.toHaveProperty('dropped');
    expect(data.counts).toMatchObject({ papers: 3, withArxiv: 1 });
  });
});

describe('papersFeed', () => {
  it('takes the first papers of the list, with absolute links', () => {
    const many = buildCatalog({ papers: Array.from({ length: FEED_SIZE + 5 }, (_, i) => paper(`p${i}`)), topics: [], digests: [] });
    const xml = papersFeed(config, { title: 'T', subtitle: 'S', path: 'feed.xml', pagePath: '', papers: many.papers });
    expect(xml.match(/<entry>/g)).toHaveLength(FEED_SIZE);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://h.example/list/feed.xml"/>');
    expect(xml).toContain('<summary type="text">Abstract of p0.</summary>');
  });
});

describe('JSON-LD', () => {
  it('names the arXiv abstract and the project page as the same work', () => {
    expect(paperJsonLd(byId('with-arxiv'), config)).toMatchObject({
      url: 'https://h.example/list/papers/with-arxiv/',
      description: 'First. Second *starred*.',
      sameAs: ['https://arxiv.org/abs/2312.00752', 'https://p.example/'],
    });
  });
});
