import { describe, expect, it } from 'vitest';
import { absoluteLinker, absoluteUrl, relativeHref, routes, toSegment } from '../../../src/site/urls.ts';

describe('relativeHref', () => {
  it.each([
    ['a paper to a topic', 'papers/a/', 'topics/video/', '../../topics/video/'],
    ['a paper to its neighbour', 'papers/a/', 'papers/b/', '../b/'],
    ['a paper to the listing it is in', 'papers/a/', 'papers/', '../'],
    ['a paper to the home page', 'papers/a/', '', '../../'],
    ['a paper to the stylesheet', 'papers/a/', 'styles/site.css', '../../styles/site.css'],
    ['the home page to a paper', '', 'papers/a/', 'papers/a/'],
    ['the home page to itself', '', '', './'],
    ['a page to itself', 'topics/', 'topics/', './'],
    ['a page to a fragment of itself', 'papers/a/', 'papers/a/#cite-heading', '#cite-heading'],
    ['a page to a fragment elsewhere', 'papers/a/', 'topics/#x', '../../topics/#x'],
    ['a listing page to its first page', 'papers/page/3/', 'papers/', '../../'],
    ['a listing page to the next one', 'papers/page/3/', 'papers/page/4/', '../4/'],
    ['a topic to its feed', 'topics/video/', 'topics/video/feed.xml', 'feed.xml'],
    ['a file-like page to a sibling', '404.html', 'papers/', 'papers/'],
    ['shared prefixes that are not folders', 'papers-x/a/', 'papers/a/', '../../papers/a/'],
  ])('%s', (_name, from, to, expected) => {
    expect(relativeHref(from, to)).toBe(expected);
  });

  it('resolves, from the page URL, to the target under any base path', () => {
    for (const base of ['https://h.example/', 'https://h.example/reading-list/', 'file:///home/me/site/']) {
      for (const [from, to] of [['papers/a/', 'topics/video/'], ['', 'papers/a/'], ['papers/page/2/', 'upvotes/'], ['topics/x/', 'topics/x/feed.xml']] as const) {
        expect(new URL(relativeHref(from, to), new URL(from, base)).href).toBe(new URL(to, base).href);
      }
    }
  });
});

describe('routes', () => {
  it.each([
    [routes.papers(), 'papers/'],
    [routes.papers(1), 'papers/'],
    [routes.papers(2), 'papers/page/2/'],
    [routes.papersByUpvotes(), 'upvotes/'],
    [routes.papersByUpvotes(3), 'upvotes/page/3/'],
    [routes.paper('some-slug'), 'papers/some-slug/'],
    [routes.topic('video'), 'topics/video/'],
    [routes.topicFeed('video'), 'topics/video/feed.xml'],
    [routes.organization('ByteDance-Seed'), 'organizations/ByteDance-Seed/'],
    [routes.digest('000_a9fd12fd9daf184b'), 'digests/000_a9fd12fd9daf184b/'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });

  it.each(['', '..', '../x', 'a/b', 'with space', '-lead'])('refuses the segment %j', (segment) => {
    expect(() => routes.paper(segment)).toThrow(/cannot be a URL path segment/);
  });

  it('refuses page 0', () => {
    expect(() => routes.papers(0)).toThrow();
  });
});

describe('toSegment', () => {
  it.each([
    ['ByteDance-Seed', 'ByteDance-Seed'],
    ['huawei-noah', 'huawei-noah'],
    ['a b/c', 'a-b-c'],
    ['..', null],
    ['.hidden', 'hidden'],
    ['  ', null],
    ['Über', 'ber'],
  ])('%j → %j', (id, expected) => {
    expect(toSegment(id)).toBe(expected);
  });
});

describe('absolute URLs', () => {
  it('join the origin, the base path and the site path', () => {
    expect(absoluteUrl({ url: 'https://h.example', base: '/' }, 'papers/a/')).toBe('https://h.example/papers/a/');
    expect(absoluteUrl({ url: 'https://h.example', base: '/reading-list/' }, '')).toBe('https://h.example/reading-list/');
  });

  it('the 404 page links under the base path', () => {
    expect(absoluteLinker('/reading-list/')('papers/')).toBe('/reading-list/papers/');
    expect(absoluteLinker('/')('')).toBe('/');
  });
});
