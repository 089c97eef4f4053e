import { describe, expect, it } from 'vitest';
import { atomDate, atomFeed, xmlEscape, type FeedEntry } from '../../../src/site/feed.ts';

describe('xmlEscape', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    [`"quotes" and 'apostrophes'`, '&quot;quotes&quot; and &apos;apostrophes&apos;'],
    ['bell\u0007 and nul\u0000 dropped', 'bell and nul dropped'],
    ['tab\tnewline\n kept', 'tab\tnewline\n kept'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['\uFFFE\uFFFF gone', ' gone'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
    ['right-to-left \u202E override kept as text', 'right-to-left \u202E override kept as text'],
  ])('%j → %j', (text, expected) => {
    expect(xmlEscape(text)).toBe(expected);
  });
});

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  url: 'https://h.example/papers/a/',
  title: 'A <b>bold</b> & "quoted" title',
  updated: '2026-04-17',
  published: null,
  summary: 'First.\n\nSecond with </summary> inside.',
  authors: [],
  categories: [],
  ...overrides,
});

describe('atomFeed', () => {
  const feed = (entries: FeedEntry[]) =>
    atomFeed({ title: 'Site', subtitle: 'All', selfUrl: 'https://h.example/feed.xml', pageUrl: 'https://h.example/', author: 'Site', entries });

  it('escapes every text from content', () => {
    const xml = feed([entry()]);
    expect(xml).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>');
    expect(xml).toContain('<summary type="text">First.\n\nSecond with &lt;/summary&gt; inside.</summary>');
    expect(xml).not.toContain('<b>');
  });

  it('is dated by its newest entry, so the same content gives the same bytes', () => {
    const xml = feed([entry({ updated: '2026-01-02' }), entry({ updated: '2026-03-04' })]);
    expect(xml).toContain('  <updated>2026-03-04T00:00:00Z</updated>\n  <author>');
    expect(feed([entry()])).toBe(feed([entry()]));
  });

  it('writes optional parts only when known', () => {
    const bare = feed([entry()]);
    expect(bare).not.toContain('<published>');
    expect(bare.match(/<author>/g)).toHaveLength(1);
    const full = feed([entry({ published: '2025-12-29', authors: ['Ada', 'Alan'], categories: [{ term: 'video', label: 'Video & <film>' }] })]);
    expect(full).toContain('<published>2025-12-29T00:00:00Z</published>');
    expect(full).toContain('<author><name>Ada</name></author>');
    expect(full).toContain('<category term="video" label="Video &amp; &lt;film&gt;"/>');
  });

  it('is well-formed for an empty list', () => {
    const xml = feed([]);
    expect(xml).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(xml.trim().endsWith('</feed>')).toBe(true);
  });

  it('dates days as RFC 3339 timestamps', () => {
    expect(atomDate('2026-04-17')).toBe('2026-04-17T00:00:00Z');
  });
});
