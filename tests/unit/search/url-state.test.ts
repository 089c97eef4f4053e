import { describe, expect, it } from 'vitest';
import {
  emptyState,
  isActive,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  serializeSearchState,
  toggleFilter,
} from '../../../src/search/url-state.ts';

describe('search state in the URL', () => {
  it('reads a query, repeated filters and a sort', () => {
    const state = parseSearchState('?q=mixture%20of%20experts&topic=video&topic=mixture-of-experts&year=2024&sort=upvotes');
    expect(state).toEqual({
      query: 'mixture of experts',
      filters: { topic: ['mixture-of-experts', 'video'], year: ['2024'], organization: [], status: [] },
      sort: 'upvotes',
    });
  });

  it('round-trips: what it writes it reads back identically', () => {
    const state = parseSearchState('?q=a+b&organization=metaresearch&status=read&sort=newest&topic=video');
    expect(parseSearchState(serializeSearchState(state))).toEqual(state);
    expect(serializeSearchState(state)).toBe('?q=a+b&topic=video&organization=metaresearch&status=read&sort=newest');
  });

  it('leaves defaults out, so an empty search is an empty query string', () => {
    expect(serializeSearchState(emptyState())).toBe('');
  });

  it.each([
    ['an unknown sort falls back to relevance', '?sort=nonsense', (s: ReturnType<typeof parseSearchState>) => s.sort === 'relevance'],
    ['white space in the query is collapsed', '?q=%20%20flow%0Amatching%20', (s: ReturnType<typeof parseSearchState>) => s.query === 'flow matching'],
    ['empty and duplicate filter values are dropped', '?topic=&topic=video&topic=video', (s: ReturnType<typeof parseSearchState>) => s.filters.topic.join() === 'video'],
    ['an overlong query is cut', `?q=${'x'.repeat(500)}`, (s: ReturnType<typeof parseSearchState>) => s.query.length === 200],
  ])('%s', (_name, search, check) => {
    expect(check(parseSearchState(search))).toBe(true);
  });

  it('toggles a filter value on and off', () => {
    const on = toggleFilter(emptyState(), 'topic', 'video');
    expect(on.filters.topic).toEqual(['video']);
    expect(toggleFilter(on, 'topic', 'video').filters.topic).toEqual([]);
  });

  it('is active with a query or with a filter alone (browsing by filter)', () => {
    expect(isActive(emptyState())).toBe(false);
    expect(isActive(parseSearchState('?year=2024'))).toBe(true);
    expect(isActive(parseSearchState('?q=moe'))).toBe(true);
  });

  it('maps to Pagefind filters and sorts', () => {
    const state = parseSearchState('?topic=video&topic=streaming&year=2025');
    expect(pagefindFilters(state)).toEqual({ topic: { any: ['streaming', 'video'] }, year: { any: ['2025'] } });
    expect(pagefindSort('upvotes')).toEqual({ upvotes: 'desc' });
    expect(pagefindSort('newest')).toEqual({ published: 'desc' });
    expect(pagefindSort('relevance')).toBeUndefined();
  });
});
