/**
 * What one search costs a reader: serve dist/ on loopback, open `/search/?q=<an exact title>` in
 * Chromium, wait for that paper among the results, and add up every response after the page's own
 * HTML. Then, as a second figure, what pressing "search abstracts, authors and notes too" costs on
 * top: the full-text index, every shard of it. The service worker is blocked: its install-time
 * precache is the offline feature's cost, not the query's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';

const RESULT_TIMEOUT_MS = 30_000;
const QUIET_MS = 500;
/** Pagefind's index files are gzip already; a host would not compress them again. */
const PRECOMPRESSED = /\.pf_[a-z]+$|\/wasm\.[^/]*\.pagefind$/;

export interface QueryWeight {
  title: string;
  requests: number;
  /** As served by a plain static server, headers included, nothing compressed on the fly. */
  bytes: number;
  /** The same if the host gzipped text responses, as most static hosts do. */
  gzipBytes: number;
  /** Bytes per kind of file, from `requestKind`. */
  byKind: Record<string, number>;
}

export type QueryResult = QueryWeight | { unavailable: string };

/** The title query, and the full-text search of the same words after it. */
export interface QueryResults {
  title: QueryResult;
  fullText: QueryResult;
}

/** What a request fetched, by path, for the breakdown of the query's bytes. */
export function requestKind(path: string): string {
  if (/\/pagefind\/([^/]+\/)?fragment\//.test(path)) return 'pagefind fragments';
  if (/\/pagefind\/([^/]+\/)?index\//.test(path)) return 'pagefind index';
  if (/\/pagefind\/([^/]+\/)?filter\//.test(path)) return 'pagefind filters';
  if (/\/pagefind\/.*(\.pf_meta|pagefind-entry\.json|shards\.json)$/.test(path)) return 'pagefind metadata';
  if (/\/pagefind\/([^/]+\/)?wasm\./.test(path)) return 'pagefind wasm';
  if (/\.m?js$/.test(path)) return 'javascript';
  if (/\.css$/.test(path)) return 'css';
  return 'other';
}

async function whenQuiet(pending: () => number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (pending() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
  }
}

async function weigh(request: Request): Promise<{ path: string; bytes: number; gzipBytes: number }> {
  const path = new URL(request.url()).pathname;
  const sizes = await request.sizes();
  const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
  const body = PRECOMPRESSED.test(path) ? null : await (await request.response())?.body();
  const gzipBytes = body ? sizes.responseHeadersSize + Math.min(body.length, gzipSync(body).length) : bytes;
  return { path, bytes, gzipBytes };
}

async function total(title: string, requests: readonly Request[]): Promise<QueryWeight> {
  const weighed = await Promise.all(requests.map(weigh));
  const byKind: Record<string, number> = {};
  for (const { path, bytes } of weighed) byKind[requestKind(path)] = (byKind[requestKind(path)] ?? 0) + bytes;
  return {
    title,
    requests: weighed.length,
    bytes: weighed.reduce((sum, item) => sum + item.bytes, 0),
    gzipBytes: weighed.reduce((sum, item) => sum + item.gzipBytes, 0),
    byKind,
  };
}

export async function weighTitleQuery(dist: string, title: string): Promise<QueryResults> {
  const unavailable = (reason: string): QueryResults => ({ title: { unavailable: reason }, fullText: { unavailable: reason } });
  if (!existsSync(join(dist, 'search', 'index.html'))) return unavailable('the site has no /search/ page');
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    return unavailable((error as Error).message.split('\n')[0]!);
  }
  const site = await serveStatic(dist);
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const finished: Request[] = [];
    let pending = 0;
    context.on('request', () => pending++);
    context.on('requestfailed', () => pending--);
    context.on('requestfinished', (request) => {
      pending--;
      finished.push(request);
    });
    const response = await page.goto(`${site.url}search/?q=${encodeURIComponent(title)}`);
    try {
      await page.locator('.search-results').waitFor({ state: 'attached', timeout: 10_000 });
    } catch {
      return unavailable('the search page shows no results list (.search-results)');
    }
    try {
      await page.locator('.search-results a', { hasText: title }).first().waitFor({ timeout: RESULT_TIMEOUT_MS });
    } catch {
      return unavailable(`no result links to the paper within ${RESULT_TIMEOUT_MS / 1000} s`);
    }
    await whenQuiet(() => pending);
    const titleRequests = finished.filter((request) => request !== response?.request());
    const titleWeight = await total(title, titleRequests);
    const beforeFullText = finished.length;
    const button = page.getByRole('button', { name: 'Search abstracts, authors and notes too' });
    if (!(await button.isVisible())) return { title: titleWeight, fullText: { unavailable: 'no full-text button after the title match' } };
    await button.click();
    try {
      await page.waitForFunction(() => /results? for/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: RESULT_TIMEOUT_MS });
    } catch {
      return { title: titleWeight, fullText: { unavailable: `no full-text results within ${RESULT_TIMEOUT_MS / 1000} s` } };
    }
    await whenQuiet(() => pending);
    return { title: titleWeight, fullText: await total(title, finished.slice(beforeFullText)) };
  } finally {
    await browser.close();
    await site.close();
  }
}
