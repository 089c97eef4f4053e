import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page of a built site, as paths relative to its root (`papers/x/index.html`). */
export function htmlPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind') walk(path);
      } else if (name.endsWith('.html')) pages.push(relative(dist, path).split('\\').join('/'));
    }
  };
  walk(dist);
  return pages.sort();
}

/** The kind of page, by its first path segment: `papers`, `topics`, `digests`, `home`, … */
export function pageType(page: string): string {
  const [first, second] = page.split('/');
  if (page === 'index.html') return 'home';
  if (page === '404.html') return '404';
  if (second === 'page') return `${first}-listing`;
  if (second === 'index.html') return `${first}-index`;
  return first!;
}

/**
 * Every page type at least once, then an even spread over the rest, up to `size` pages: the axe
 * sweep's sample. Deterministic, so a failure reproduces.
 */
export function samplePages(pages: readonly string[], size: number): string[] {
  const chosen = new Set<string>();
  const seen = new Set<string>();
  for (const page of pages) {
    const type = pageType(page);
    if (!seen.has(type)) {
      seen.add(type);
      chosen.add(page);
    }
  }
  const rest = pages.filter((page) => !chosen.has(page));
  const step = Math.max(1, rest.length / Math.max(1, size - chosen.size));
  for (let i = 0; i < rest.length && chosen.size < size; i += step) chosen.add(rest[Math.floor(i)]!);
  return [...chosen].sort();
}

/** The URL a page is served at, from the site URL (origin + base). */
export function pageUrl(siteUrl: string, page: string): string {
  return new URL(page.endsWith('index.html') ? page.slice(0, -'index.html'.length) : page, siteUrl).href;
}
