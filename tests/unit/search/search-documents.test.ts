import { describe, expect, it } from 'vitest';
import { searchShards } from '../../../src/search/search-documents.ts';
import { buildCatalog } from '../../../src/site/catalog.ts';
import { paper } from '../site/catalog-fixture.ts';

const HOSTILE = `<script>alert(1)</script> "quotes" & 'apos' *stars*`;

const catalog = buildCatalog({
  papers: [
    paper('hostile', { title: HOSTILE, authors: ['Ada <Lovelace>', 'Alan Turing'], topics: ['video'], published: '2024-05-24', upvotes: 42, organization: { id: 'lab', name: 'The Lab & Co' }, note: 'A note.', keywords: ['kw1'] }, `First paragraph with ${HOSTILE}.\n\nSecond paragraph.`),
    paper('bare', {}, 'Only an abstract.'),
    paper('gone', { dropped: true }),
  ],
  topics: [{ id: 'video', data: { title: 'Video', description: 'Moving pictures.' }, body: 'An *introduction*.' }],
  digests: [],
});
const byId = new Map(catalog.papers.map((item) => [item.id, item]));
/** Each document by its URL, as the index gets it (shards of up to 10 pages). */
const documents = new Map(searchShards(catalog, 10).flatMap((shard) => shard.items.map((document) => [document.url, document.html] as const)));
const html = (url: string) => documents.get(url)!;

describe('search documents', () => {
  it('holds one document per paper shown and per topic, at the page URL, undated pages first', () => {
    const shards = searchShards(catalog, 1);
    expect(shards.map((shard) => [shard.id, shard.items.map((document) => document.url)])).toEqual([
      ['undated-0000-00-00', ['/topics/video/']],
      [`undated-${byId.get('bare')!.data.added}`, ['/papers/bare/']],
      ['2024-05-24', ['/papers/hostile/']],
    ]);
    expect(searchShards(catalog, 10).map((shard) => shard.pages)).toEqual([2, 1]);
  });

  it('names the shard of each document in a filter', () => {
    const shards = searchShards(catalog, 10);
    expect(shards[0]!.items[0]!.html).toContain(`data-pagefind-filter="shard:${shards[0]!.id}"`);
    expect(shards[1]!.items[0]!.html).toContain('data-pagefind-filter="shard:2024-05-24"');
  });

  it('escapes every text, so nothing from a digest becomes markup', () => {
    const hostile = html('/papers/hostile/');
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &apos;apos&apos; *stars*');
    expect(hostile).toContain('Ada &lt;Lovelace&gt;, Alan Turing');
    expect(hostile).toContain('The Lab &amp; Co');
  });

  it('weighs the title, and indexes authors, abstract paragraphs, note, topics and keywords', () => {
    const hostile = html('/papers/hostile/');
    expect(hostile).toMatch(/<main data-pagefind-body><h1 data-pagefind-weight="10">&lt;script/);
    for (const text of ['<p>Second paragraph.</p>', '<p>A note.</p>', '<p>Video</p>', '<p>kw1</p>']) expect(hostile).toContain(text);
  });

  it('carries filters, sort keys and result metadata outside the indexed text', () => {
    const hostile = html('/papers/hostile/');
    const hidden = /<div hidden data-pagefind-ignore>(.*?)<\/div>/.exec(hostile)![1]!;
    for (const span of [
      'data-pagefind-sort="published:2024-05-24"',
      'data-pagefind-sort="upvotes:000000042"',
      'data-pagefind-meta="upvotes:000000042"',
      'data-pagefind-filter="shard:2024-05-24"',
      'data-pagefind-meta="date:2024-05-24"',
      'data-pagefind-meta="topics:Video"',
      'data-pagefind-filter="topic:video"',
      'data-pagefind-filter="year:2024"',
      'data-pagefind-filter="organization:lab"',
      'data-pagefind-filter="status:unset"',
    ]) expect(hidden).toContain(span);
  });

  it('leaves out what a paper does not have', () => {
    const bare = html('/papers/bare/');
    expect(bare).not.toContain('<p></p>');
    expect(bare).not.toContain('data-pagefind-meta="date:');
    expect(bare).not.toContain('data-pagefind-filter="year:');
  });

  it('indexes a topic by its title, description and introduction, under its own filter', () => {
    const topic = html('/topics/video/');
    expect(topic).toContain('<p>Moving pictures.</p><p>An *introduction*.</p>');
    expect(topic).toContain('data-pagefind-filter="topic:video"');
  });
});
