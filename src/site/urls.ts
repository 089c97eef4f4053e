/**
 * Every page and file of the site has a site path: relative to the site root, no leading slash,
 * a page ending in `/` (`papers/some-slug/`), the home page `''`. Pages link to each other
 * relatively (`../../topics/video/`), so the built site works under any base path and opened from
 * disk; only canonical URLs, feeds and data exports use absolute URLs.
 */
import type { SiteConfig } from './config.ts';

/** A path relative to the site root: `''`, `papers/`, `papers/some-slug/`, `feed.xml`. */
export type SitePath = string;

/** Turns a site path into the `href` a page writes. */
export type Linker = (to: SitePath) => string;

/** Listing pages after the first: `papers/page/2/`. */
function paged(root: SitePath, page: number): SitePath {
  if (!Number.isInteger(page) || page < 1) throw new Error(`page numbers start at 1, not ${page}`);
  return page === 1 ? root : `${root}page/${page}/`;
}

/** One builder per route; the route files under src/pages must agree (the site build test checks). */
export const routes = {
  home: '',
  papers: (page = 1): SitePath => paged('papers/', page),
  papersByUpvotes: (page = 1): SitePath => paged('upvotes/', page),
  paper: (slug: string): SitePath => `papers/${segment(slug)}/`,
  topics: 'topics/',
  topic: (slug: string): SitePath => `topics/${segment(slug)}/`,
  topicFeed: (slug: string): SitePath => `topics/${segment(slug)}/feed.xml`,
  organizations: 'organizations/',
  organization: (id: string): SitePath => `organizations/${segment(id)}/`,
  digests: 'digests/',
  digest: (id: string): SitePath => `digests/${segment(id)}/`,
  stats: 'stats/',
  search: 'search/',
  feed: 'feed.xml',
  papersJson: 'papers.json',
  papersBib: 'papers.bib',
  sitemap: 'sitemap.xml',
  stylesheet: 'styles/site.css',
  themeScript: 'scripts/theme.js',
  siteScript: 'scripts/site.js',
  searchScript: 'scripts/search-page.js',
  offlineScript: 'scripts/offline-save.js',
  searchFallback: 'search-fallback.js',
  /** A shard of the title index (src/search/title-index.ts), written with the search index. */
  titleShard: (shard: string): SitePath => `search-titles/${segment(shard)}.json`,
  /** The full-text index's shards (src/search/search-shards.ts): their list, and each one's Pagefind bundle. */
  searchShardList: 'pagefind/shards.json',
  searchShard: (id: string): SitePath => `pagefind/${segment(id)}/`,
  offline: 'offline/',
  icon: 'icon.svg',
} as const;

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Refuses a segment that would escape its folder or need encoding; callers pass slugs and ids. */
function segment(value: string): string {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`"${value}" cannot be a URL path segment`);
  return value;
}

/**
 * A path segment for a free-form id such as a Hugging Face organization handle: letters, digits,
 * `.`, `_` and `-` are kept, anything else becomes `-`. Returns null when nothing usable is left.
 */
export function toSegment(id: string): string | null {
  const cleaned = id.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[._-]+/, '').replace(/-+$/, '');
  return cleaned === '' ? null : cleaned;
}

function directoryParts(path: SitePath): string[] {
  return path.split('/').slice(0, -1).filter((part) => part !== '');
}

/**
 * The relative `href` from the page at `from` to `to` (both site paths; `to` may end in `#id`).
 * `relativeHref('papers/a/', 'topics/video/')` is `../../topics/video/`.
 */
export function relativeHref(from: SitePath, to: SitePath): string {
  return hrefFrom(from, directoryParts(from), to);
}

function hrefFrom(from: SitePath, fromDir: readonly string[], to: SitePath): string {
  const hashAt = to.indexOf('#');
  const target = hashAt === -1 ? to : to.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : to.slice(hashAt);
  if (target === from && hash) return hash;
  const toDir = directoryParts(target);
  const file = target.slice(target.lastIndexOf('/') + 1);
  let shared = 0;
  while (shared < fromDir.length && shared < toDir.length && fromDir[shared] === toDir[shared]) shared++;
  const href = '../'.repeat(fromDir.length - shared) + toDir.slice(shared).map((part) => `${part}/`).join('') + file;
  return (href === '' ? './' : href) + hash;
}

/** Links relative to the page at `from`: for every page served at one known path. */
export function relativeLinker(from: SitePath): Linker {
  const fromDir = directoryParts(from);
  return (to) => hrefFrom(from, fromDir, to);
}

/** Root-relative links under the base path: only for the 404 page, which is served at any depth. */
export function absoluteLinker(base: string): Linker {
  return (to) => `${base}${to}`;
}

/** The absolute URL of a site path, for canonical links, feeds, the sitemap and exports. */
export function absoluteUrl(config: Pick<SiteConfig, 'url' | 'base'>, path: SitePath): string {
  return `${config.url}${config.base}${path}`;
}
