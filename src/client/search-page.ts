/**
 * The /search/ page: Pagefind full-text search with facets, sorting and URL state. Served over
 * http(s), a query that is a paper's exact title is answered from the title index (one small
 * shard), and the full-text index loads only when it is needed or asked for; every other search
 * uses the Pagefind index, whose shards load together (see src/search/search-shards.ts). Opened from disk (file://) it falls back to the small title, topic and
 * organization index that loads with a <script> tag; under `astro dev` it says plainly that no
 * index exists yet.
 */
import { FALLBACK_GLOBAL, searchFallback, type FallbackRecord } from '../search/fallback-index.ts';
import { concatenatedStream, listStream, mergedStream, shardPlan, type ResultStream, type ShardSearch } from '../search/sharded-results.ts';
import { SHARD_FILTER, type ShardEntry, type ShardList } from '../search/search-shards.ts';
import { matchTitles, MIN_TITLE_KEY, shardName, titleKey, type TitleRecord } from '../search/title-index.ts';
import { routes } from '../site/urls.ts';
import {
  FILTER_KEYS,
  hasFilters,
  isActive,
  pagefindFilters,
  pagefindSort,
  parseSearchState,
  serializeSearchState,
  SORTS,
  toggleFilter,
  type FilterKey,
  type SearchState,
  type Sort,
} from '../search/url-state.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (query: string | null, options: Record<string, unknown>) => Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 20;
const FILTER_LEGENDS: Record<FilterKey, string> = { topic: 'Topic', year: 'Year', organization: 'Organization', status: 'Reading status' };
const SORT_LABELS: Record<Sort, string> = { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first', upvotes: 'Most upvoted' };

const app = document.getElementById('search-app')!;
const siteRoot = new URL(app.dataset.root ?? './', location.href);
const labels = JSON.parse(document.getElementById('search-labels')?.textContent ?? '{}') as Partial<Record<FilterKey, Record<string, string>>>;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function label(key: FilterKey, value: string): string {
  return labels[key]?.[value] ?? value;
}

// The controls, built here because without script the page shows the listings instead.
const queryInput = element('input', { type: 'search', id: 'search-query', name: 'q', autocomplete: 'off' });
const sortSelect = element('select', { id: 'search-sort', name: 'sort' });
for (const sort of SORTS) sortSelect.append(element('option', { value: sort }, SORT_LABELS[sort]));
const form = element(
  'form',
  { role: 'search', className: 'search-form', ariaLabel: 'Search with filters' },
  element('label', { htmlFor: 'search-query' }, 'Search titles, abstracts, authors and notes'),
  queryInput,
  element('label', { htmlFor: 'search-sort' }, 'Sort by'),
  sortSelect,
  element('button', { type: 'submit' }, 'Search'),
);
const notice = element('p', { className: 'search-notice' });
notice.hidden = true;
const facets = element('div', { className: 'search-facets' });
const status = element('p', { className: 'search-status', role: 'status' });
status.setAttribute('aria-live', 'polite');
const results = element('ol', { className: 'search-results' });
const more = element('button', { type: 'button', className: 'search-more' }, 'Show more results');
more.hidden = true;
const fullText = element('button', { type: 'button', className: 'search-full-text' }, 'Search abstracts, authors and notes too');
fullText.hidden = true;
app.replaceChildren(form, notice, facets, element('h2', { id: 'search-results-heading' }, 'Results'), status, results, more, fullText);
results.setAttribute('aria-labelledby', 'search-results-heading');
document.getElementById('search-noscript')?.setAttribute('hidden', '');

let state: SearchState = parseSearchState(location.search);
let pagefind: Pagefind | null = null;
let fallback: FallbackRecord[] | null = null;
let totals: Record<string, Record<string, number>> = {};
let shards: ShardEntry[] = [];
let stream: ResultStream<PagefindResultData> | null = null;
let generation = 0;
/** The query the reader asked to search in full, past its title match. */
let fullTextQuery: string | null = null;

function showState(): void {
  queryInput.value = state.query;
  sortSelect.value = state.sort;
}

function renderFacets(counts: Record<string, Record<string, number>>): void {
  facets.replaceChildren();
  for (const key of FILTER_KEYS) {
    const values = Object.keys(totals[key] ?? {}).sort((a, b) => (key === 'year' ? b.localeCompare(a) : label(key, a).localeCompare(label(key, b))));
    if (values.length === 0) continue;
    const fieldset = element('fieldset', {}, element('legend', {}, FILTER_LEGENDS[key]));
    for (const value of values) {
      const id = `filter-${key}-${value}`.replace(/[^A-Za-z0-9_-]/g, '_');
      const box = element('input', { type: 'checkbox', id, checked: state.filters[key].includes(value) });
      box.addEventListener('change', () => update(toggleFilter(state, key, value)));
      const count = counts[key]?.[value] ?? 0;
      fieldset.append(element('div', { className: 'facet' }, box, element('label', { htmlFor: id }, `${label(key, value)} (${count})`)));
    }
    facets.append(fieldset);
  }
}

function excerptNodes(html: string): Node[] {
  // Pagefind's excerpt is escaped page text with <mark> highlights; keep exactly that and nothing else.
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => (node.nodeName === 'MARK' ? element('mark', {}, node.textContent ?? '') : document.createTextNode(node.textContent ?? '')));
}

function resultItem(href: string, title: string, details: string[], excerpt: Node[]): HTMLLIElement {
  const item = element('li', {}, element('h3', {}, element('a', { href }, title)));
  if (details.length > 0) item.append(element('p', { className: 'search-meta' }, details.join(' · ')));
  if (excerpt.length > 0) item.append(element('p', { className: 'search-excerpt' }, ...excerpt));
  return item;
}

async function showMore(): Promise<void> {
  const run = generation;
  const current = stream;
  if (!current) return;
  const data = await current.next(PAGE_SIZE);
  if (run !== generation) return;
  for (const result of data) {
    const details = [result.meta.date, result.meta.topics].filter((value): value is string => Boolean(value));
    results.append(resultItem(result.url, result.meta.title ?? result.url, details, excerptNodes(result.excerpt)));
  }
  more.hidden = current.done();
}

/**
 * The results of a search in the chosen order. Relevance is Pagefind's own merge of the shards;
 * a sort searches shard by shard (see sharded-results.ts).
 */
function resultStream(search: PagefindSearch): ResultStream<PagefindResultData> {
  const plan = shardPlan(state.sort, shards, search.filters[SHARD_FILTER]);
  if (plan.kind === 'relevance') return listStream(search.results);
  const query = state.query || null;
  const shardSearch =
    (shard: string): ShardSearch<PagefindResultData> =>
    async () =>
      (await pagefind!.search(query, { filters: { ...pagefindFilters(state), [SHARD_FILTER]: shard }, sort: pagefindSort(state.sort) }))?.results ?? [];
  const searches = plan.shards.map(shardSearch);
  return plan.kind === 'merged' ? mergedStream(searches, (result) => result.meta[plan.metaKey] ?? '', plan.direction) : concatenatedStream(searches);
}

/** The papers whose title the query is, or begins with; null when the title index cannot say. */
async function titleMatches(query: string): Promise<{ matches: TitleRecord[]; exact: boolean } | null> {
  const key = titleKey(query);
  if (key.length < MIN_TITLE_KEY) return null;
  try {
    const response = await fetch(new URL(routes.titleShard(shardName(key)), siteRoot));
    // No shard: no title starts that way.
    return response.ok ? matchTitles((await response.json()) as TitleRecord[], query) : { matches: [], exact: false };
  } catch {
    return null;
  }
}

async function run(): Promise<void> {
  const run = ++generation;
  results.replaceChildren();
  more.hidden = true;
  fullText.hidden = true;
  stream = null;
  if (fallback) {
    const hits = state.query ? searchFallback(fallback, state.query) : [];
    for (const { record } of hits) results.append(resultItem(new URL(record.u, siteRoot).href, record.t, [record.d, record.k.join(', ')].filter(Boolean), []));
    status.textContent = state.query ? `${hits.length} ${hits.length === 1 ? 'paper matches' : 'papers match'} “${state.query}” by title, topic or organization.` : 'Type a title, topic or organization.';
    return;
  }
  // A paper's exact title finds that paper from its title shard, without the full-text index.
  const byTitleOnly = state.query !== '' && state.query !== fullTextQuery && state.sort === 'relevance' && !hasFilters(state);
  if (byTitleOnly) {
    const titles = await titleMatches(state.query);
    if (run !== generation) return;
    if (titles?.exact) {
      facets.replaceChildren();
      for (const record of titles.matches) results.append(resultItem(new URL(record.u, siteRoot).href, record.t, record.d ? [record.d] : [], []));
      const count = titles.matches.length;
      status.textContent = `${count} ${count === 1 ? 'result' : 'results'} by title for “${state.query}”.`;
      fullText.hidden = false;
      return;
    }
  }
  if (!(await loadPagefind()) || run !== generation) return;
  if (!isActive(state)) {
    renderFacets(totals);
    status.textContent = 'Type a query, or choose filters to browse.';
    return;
  }
  status.textContent = 'Searching…';
  const search = await pagefind!.search(state.query || null, { filters: pagefindFilters(state) });
  if (run !== generation || !search) return;
  renderFacets(search.filters);
  const count = search.results.length;
  stream = resultStream(search);
  await showMore();
  if (run !== generation) return;
  // Announced once the first results are on the page, so what is read out is there to reach.
  const what = state.query ? ` for “${state.query}”` : '';
  status.textContent = `${count} ${count === 1 ? 'result' : 'results'}${what}.`;
}

function update(next: SearchState): void {
  state = next;
  history.replaceState(null, '', `${location.pathname}${serializeSearchState(state)}`);
  showState();
  void run();
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
queryInput.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => update({ ...state, query: queryInput.value.trim() }), 250);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  update({ ...state, query: queryInput.value.trim() });
});
sortSelect.addEventListener('change', () => update({ ...state, sort: sortSelect.value as Sort }));
more.addEventListener('click', () => void showMore());
fullText.addEventListener('click', () => {
  fullTextQuery = state.query;
  void run();
});

function loadFallback(): Promise<FallbackRecord[]> {
  return new Promise((resolve, reject) => {
    const tag = element('script', { src: new URL('search-fallback.js', siteRoot).href });
    tag.addEventListener('load', () => resolve((window as unknown as Record<string, FallbackRecord[]>)[FALLBACK_GLOBAL] ?? []));
    tag.addEventListener('error', () => reject(new Error('no fallback index')));
    document.head.append(tag);
  });
}

async function start(): Promise<void> {
  showState();
  if (location.protocol === 'file:') {
    sortSelect.parentElement?.querySelector('label[for="search-sort"]')?.remove();
    sortSelect.remove();
    notice.textContent = 'You opened this site from disk, so only titles, topics and organizations are searched. Full-text search needs the site served, for example with `npm run preview`.';
    notice.hidden = false;
    fallback = await loadFallback().catch(() => []);
  }
  await run();
}

let pagefindLoading: Promise<boolean> | null = null;

/** Loads the full-text index once, when a search first needs it; false when there is none. */
function loadPagefind(): Promise<boolean> {
  pagefindLoading ??= (async () => {
    try {
      const list = (await (await fetch(new URL(routes.searchShardList, siteRoot))).json()) as ShardList;
      const [first, ...others] = list.shards.map((shard) => new URL(routes.searchShard(shard.id), siteRoot));
      if (first === undefined) {
        status.textContent = 'There is nothing to search yet: the list has no papers.';
        return false;
      }
      // The first shard's Pagefind loads the WebAssembly once; the others merge into it.
      const module = (await import(/* @vite-ignore */ new URL('pagefind.js', first).href)) as Pagefind;
      const options = { baseUrl: siteRoot.pathname, excerptLength: 24 };
      await module.options(options);
      await Promise.all(others.map((shard) => module.mergeIndex(shard.pathname, options)));
      totals = await module.filters();
      shards = list.shards;
      pagefind = module;
      return true;
    } catch {
      notice.textContent = 'The search index does not exist yet: it is built with the site (`npm run build`, then `npm run preview`). `astro dev` has none.';
      notice.hidden = false;
      status.textContent = 'Search is unavailable.';
      return false;
    }
  })();
  return pagefindLoading;
}

void start();
