import { describe, expect, it } from 'vitest';
import { arxivYear, buildCatalog, publicationYear, type TopicInput } from '../../../src/site/catalog.ts';
import { paper, source } from './catalog-fixture.ts';

const topics: TopicInput[] = [
  { id: 'video', data: { title: 'Video', description: 'Moving pictures.' } },
  { id: 'compression', data: { title: 'Compression', description: 'Smaller models.' } },
];
const digests = [
  { file: 'a.txt', captured: '2026-04-01', layout: 'page-text', entries: 3 },
  { file: 'b.json', captured: '2026-04-17', layout: 'api-json', entries: 2 },
];

describe('the list order', () => {
  const catalog = buildCatalog({
    papers: [
      paper('old', { added: '2026-01-01', sources: [source('a.txt', 1, '2026-04-01')] }),
      paper('second-in-b', { sources: [source('b.json', 2)] }),
      paper('first-in-b', { sources: [source('b.json', 1)] }),
      paper('from-a', { sources: [source('a.txt', 2, '2026-04-01')] }),
      paper('gone', { dropped: true, sources: [source('a.txt', 3, '2026-04-01')] }),
    ],
    topics,
    digests,
  });

  it('puts the newest additions first; within a day, the latest digest in its own order', () => {
    expect(catalog.papers.map((p) => p.id)).toEqual(['first-in-b', 'second-in-b', 'from-a', 'old']);
  });

  it('leaves dropped papers out, and counts them', () => {
    expect(catalog.paperById.has('gone')).toBe(false);
    expect(catalog.counts).toMatchObject({ papers: 4, dropped: 1 });
    expect(catalog.digests.find((d) => d.file === 'a.txt')!.entries.map((e) => e.paper.id)).toEqual(['old', 'from-a']);
  });

  it('links each paper to its neighbours in that order', () => {
    const [first, second, , last] = catalog.papers;
    expect(first!.previous).toBeNull();
    expect(first!.next).toBe(second);
    expect(second!.previous).toBe(first);
    expect(last!.next).toBeNull();
  });

  it('gives each paper its page path and plain abstract', () => {
    expect(catalog.papers[0]!.path).toBe('papers/first-in-b/');
    expect(catalog.papers[0]!.abstract).toBe('Abstract of first-in-b.');
  });
});

describe('by upvotes', () => {
  it('sorts by count, keeps the list order for ties, and puts unknown counts last', () => {
    const catalog = buildCatalog({
      papers: [
        paper('none', { added: '2026-04-20' }),
        paper('five-newer', { added: '2026-04-19', upvotes: 5 }),
        paper('five-older', { added: '2026-04-18', upvotes: 5 }),
        paper('zero', { added: '2026-04-17', upvotes: 0 }),
        paper('ten', { added: '2026-04-16', upvotes: 10 }),
      ],
      topics: [],
      digests: [],
    });
    expect(catalog.byUpvotes.map((p) => p.id)).toEqual(['ten', 'five-newer', 'five-older', 'zero', 'none']);
  });
});

describe('topics', () => {
  const catalog = buildCatalog({
    papers: [
      paper('v2024', { topics: ['video'], published: '2024-05-01' }),
      paper('v2025-late', { topics: ['video', 'compression'], published: '2025-11-01' }),
      paper('v2025-early', { topics: ['video'], published: '2025-02-01' }),
      paper('v-arxiv', { topics: ['video'], arxiv: '2403.01234' }),
      paper('v-unknown', { topics: ['video', 'video'] }),
      paper('no-topic'),
    ],
    topics,
    digests: [],
  });

  it('sorts topics by title and lists their papers', () => {
    expect(catalog.topics.map((t) => t.id)).toEqual(['compression', 'video']);
    expect(catalog.topicById.get('compression')!.papers.map((p) => p.id)).toEqual(['v2025-late']);
  });

  it('groups a topic by publication year, newest first, unknown last', () => {
    const video = catalog.topicById.get('video')!;
    expect(video.byYear.map((group) => [group.year, group.papers.map((p) => p.id)])).toEqual([
      [2025, ['v2025-late', 'v2025-early']],
      [2024, ['v2024', 'v-arxiv']],
      [null, ['v-unknown']],
    ]);
  });

  it('counts a topic named twice once, and papers with none', () => {
    expect(catalog.paperById.get('v-unknown')!.topics.map((t) => t.id)).toEqual(['video']);
    expect(catalog.counts.withoutTopic).toBe(1);
  });

  it('works with no topics at all', () => {
    const empty = buildCatalog({ papers: [paper('a')], topics: [], digests: [] });
    expect(empty.topics).toEqual([]);
    expect(empty.papers[0]!.topics).toEqual([]);
  });
});

describe('organizations', () => {
  const catalog = buildCatalog({
    papers: [
      paper('m1', { organization: { id: 'metaresearch', name: 'Meta Research' } }),
      paper('b1', { organization: { id: 'ByteDance-Seed', name: 'ByteDance Seed' } }),
      paper('m2', { organization: { id: 'metaresearch', name: 'Meta Research' } }),
      paper('lab', { organization: { id: 'a.b_c-lab', name: 'A lab' } }),
    ],
    topics: [],
    digests: [],
  });

  it('groups papers by organization, most papers first', () => {
    expect(catalog.organizations.map((o) => [o.id, o.papers.length])).toEqual([
      ['metaresearch', 2],
      ['a.b_c-lab', 1],
      ['ByteDance-Seed', 1],
    ]);
  });

  it('gives every organization its handle as its path', () => {
    expect(catalog.organizations.map((o) => o.path)).toEqual(['organizations/metaresearch/', 'organizations/a.b_c-lab/', 'organizations/ByteDance-Seed/']);
  });
});

describe('digests', () => {
  it('lists digests latest first, each with its papers in position order', () => {
    const catalog = buildCatalog({
      papers: [paper('x', { sources: [source('a.txt', 3, '2026-04-01'), source('b.json', 1)] }), paper('y', { sources: [source('a.txt', 1, '2026-04-01')] })],
      topics: [],
      digests,
    });
    expect(catalog.digests.map((d) => [d.id, d.path, d.entries.map((e) => [e.position, e.paper.id])])).toEqual([
      ['b', 'digests/b/', [[1, 'x']]],
      ['a', 'digests/a/', [[1, 'y'], [3, 'x']]],
    ]);
    expect(catalog.paperById.get('x')!.sources.map((s) => s.digest.id)).toEqual(['a', 'b']);
  });

  it('still lists a digest that papers cite but the manifest lacks', () => {
    const catalog = buildCatalog({ papers: [paper('x', { sources: [source('missing.txt', 2, '2026-03-03')] })], topics: [], digests: [] });
    expect(catalog.digests).toMatchObject([{ id: 'missing', captured: '2026-03-03', layout: null, declaredEntries: null }]);
  });
});

describe('related papers', () => {
  it('resolves ids, skips unknown and dropped papers and itself, and keeps the count', () => {
    const related = new Map([
      [
        'a',
        [
          { id: 'gone', score: 0.9, terms: ['x'] },
          { id: 'b', score: 0.8, terms: ['expert', 'router'] },
          { id: 'nowhere', score: 0.7, terms: [] },
          { id: 'a', score: 0.6, terms: [] },
          { id: 'c', score: 0.5, terms: ['moe'] },
          { id: 'd', score: 0.4, terms: [] },
        ],
      ],
    ]);
    const catalog = buildCatalog({
      papers: [paper('a'), paper('b'), paper('c'), paper('d'), paper('gone', { dropped: true })],
      topics: [],
      digests: [],
      related,
      relatedCount: 2,
    });
    expect(catalog.paperById.get('a')!.related.map((r) => [r.paper.id, r.terms])).toEqual([
      ['b', ['expert', 'router']],
      ['c', ['moe']],
    ]);
    expect(catalog.paperById.get('b')!.related).toEqual([]);
  });
});

describe('publication year', () => {
  it.each([
    ['2312.00752', 2023],
    ['0704.0001', 2007],
    ['hep-th/9901001', 1999],
    ['math.GT/0309136', 2003],
    ['nonsense', null],
  ])('arXiv %s → %j', (id, year) => {
    expect(arxivYear(id)).toBe(year);
  });

  it('prefers the publication date to the arXiv id', () => {
    expect(publicationYear({ published: '2025-01-02', arxiv: '2312.00752' })).toBe(2025);
    expect(publicationYear({ published: null, arxiv: '2312.00752' })).toBe(2023);
    expect(publicationYear({ published: null, arxiv: null })).toBeNull();
  });
});

describe('broken content', () => {
  it('names the file whose name cannot be a URL', () => {
    expect(() => buildCatalog({ papers: [paper('Bad Name')], topics: [], digests: [] })).toThrow(/content\/papers\/Bad Name\.md/);
  });
});
