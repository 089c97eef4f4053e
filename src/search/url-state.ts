/**
 * The search page's state lives in its URL (`/search/?q=moe&topic=video&sort=upvotes`), so any
 * search can be bookmarked and shared. These pure functions are the only way in and out.
 */

/** The filters a reader can narrow by; each is a Pagefind filter of the same name. */
export const FILTER_KEYS = ['topic', 'year', 'organization', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = ['relevance', 'newest', 'oldest', 'upvotes'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  query: string;
  filters: Record<FilterKey, string[]>;
  sort: Sort;
}

export function emptyState(): SearchState {
  return { query: '', filters: { topic: [], year: [], organization: [], status: [] }, sort: 'relevance' };
}

const MAX_QUERY_LENGTH = 200;

export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.query = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).map((value) => value.trim()).filter(Boolean);
    state.filters[key] = [...new Set(values)].sort();
  }
  const sort = params.get('sort');
  state.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance';
  return state;
}

/** The query string for a state (`?q=…`), stable: filters sorted, defaults left out. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FILTER_KEYS) {
    for (const value of [...new Set(state.filters[key])].sort()) params.append(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const current = state.filters[key];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value].sort();
  return { ...state, filters: { ...state.filters, [key]: next } };
}

/** True when at least one filter value is chosen. */
export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((key) => state.filters[key].length > 0);
}

/** True when there is something to search for: a query, or at least one filter to browse by. */
export function isActive(state: SearchState): boolean {
  return state.query !== '' || hasFilters(state);
}

/** Pagefind's `filters` option: any of the chosen values within a filter, all filters together. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) if (state.filters[key].length > 0) filters[key] = { any: state.filters[key] };
  return filters;
}

/** Pagefind's `sort` option for a sort choice; relevance is Pagefind's default (no sort). */
export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  switch (sort) {
    case 'newest':
      return { published: 'desc' };
    case 'oldest':
      return { published: 'asc' };
    case 'upvotes':
      return { upvotes: 'desc' };
    default:
      return undefined;
  }
}
