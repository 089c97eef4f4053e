import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchedPage } from './support/browser.ts';
import { serveBuiltSite } from './support/served-site.ts';

/** Search and offline reading (issue 5), against the production build of the real list. */
const site = inject('realSite');

interface CatalogPaper {
  title: string;
  url: string;
  upvotes: number | null;
  topics: string[];
  published: string | null;
  organization: { id: string } | null;
  status: string | null;
}
const catalog = (JSON.parse(readFileSync(join(site.dist, 'papers.json'), 'utf8')) as { papers: CatalogPaper[] }).papers;
/** The full-text index's shards; the test build makes them small, so there are several. */
const shards = (JSON.parse(readFileSync(join(site.dist, 'pagefind', 'shards.json'), 'utf8')) as { shards: { id: string }[] }).shards;
const pathOf = (url: string) => new URL(url).pathname;

const served = serveBuiltSite(site);
const origin = () => served.origin;

async function openSearch(page: Page, query: string): Promise<void> {
  await page.goto(new URL(`search/${query}`, served.server.url).href);
  await page.waitForFunction(() => /result|unavailable|Type/.test(document.querySelector('.search-status')?.textContent ?? ''));
}

async function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('.search-results h3 a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Presses "Show more results" until at least `count` results are listed, or there are no more. */
async function showResults(page: Page, count: number): Promise<void> {
  for (;;) {
    const shown = await page.locator('.search-results li').count();
    if (shown >= count || (await page.isHidden('.search-more'))) return;
    await page.click('.search-more');
    await page.waitForFunction((before) => document.querySelectorAll('.search-results li').length > before || document.querySelector<HTMLElement>('.search-more')?.hidden === true, shown);
  }
}

async function resultCount(page: Page): Promise<number> {
  const status = (await page.textContent('.search-status')) ?? '';
  return Number(/^(\d+)/.exec(status)?.[1] ?? NaN);
}

describe('search, served', () => {
  it('finds each of 20 papers first by its exact title', async () => {
    const { page, errors, outside } = await watchedPage(served.browser, origin());
    const step = Math.floor(catalog.length / 20);
    const sample = Array.from({ length: 20 }, (_, i) => catalog[i * step]!);
    const misses: string[] = [];
    for (const paper of sample) {
      await openSearch(page, `?q=${encodeURIComponent(paper.title)}`);
      const [first] = await resultPaths(page);
      if (first !== pathOf(paper.url)) misses.push(`${paper.title} → ${first}`);
    }
    expect(misses).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('answers an exact title from its title shard alone, and searches the full text when asked', async () => {
    const { page, errors } = await watchedPage(served.browser, origin());
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const paper = catalog[Math.floor(catalog.length / 3)]!;
    await openSearch(page, `?q=${encodeURIComponent(paper.title)}`);
    expect((await resultPaths(page))[0]).toBe(pathOf(paper.url));
    expect(await page.textContent('.search-status')).toMatch(/by title/);
    expect(fetched.filter((path) => path.includes('/search-titles/'))).toHaveLength(1);
    expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);

    await page.getByRole('button', { name: 'Search abstracts, authors and notes too' }).click();
    await page.waitForFunction(() => /results? for/.test(document.querySelector('.search-status')?.textContent ?? ''));
    expect(await page.textContent('.search-status')).not.toMatch(/by title/);
    expect((await resultPaths(page))[0]).toBe(pathOf(paper.url));
    expect(fetched.some((path) => path.includes('/pagefind/'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('ranks a paper first by its title in the full-text index too', async () => {
    const { page } = await watchedPage(served.browser, origin());
    const step = Math.floor(catalog.length / 5);
    const misses: string[] = [];
    for (const paper of Array.from({ length: 5 }, (_, i) => catalog[i * step + 7]!)) {
      await openSearch(page, `?q=${encodeURIComponent(paper.title)}`);
      await page.getByRole('button', { name: 'Search abstracts, authors and notes too' }).click();
      await page.waitForFunction(() => /results? for/.test(document.querySelector('.search-status')?.textContent ?? ''));
      const [first] = await resultPaths(page);
      if (first !== pathOf(paper.url)) misses.push(`${paper.title} → ${first}`);
    }
    expect(misses).toEqual([]);
  });

  it('narrows the results with a topic filter, and restores it all from a bookmarked URL', async () => {
    const { page } = await watchedPage(served.browser, origin());
    await openSearch(page, '?q=attention');
    const all = await resultCount(page);
    const box = page.locator('.search-facets fieldset').filter({ hasText: 'Topic' }).locator('input[type="checkbox"]').first();
    const topicLabel = (await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent())!.replace(/ \(\d+\)$/, '');
    await box.check();
    await page.waitForFunction((count) => /result/.test(document.querySelector('.search-status')?.textContent ?? '') && !document.querySelector('.search-status')?.textContent?.startsWith(String(count)), all);
    const narrowed = await resultCount(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const bookmarked = page.url();
    expect(bookmarked).toMatch(/[?&]topic=/);

    const other = await watchedPage(served.browser, origin());
    await other.page.goto(bookmarked);
    await other.page.waitForFunction(() => /result/.test(document.querySelector('.search-status')?.textContent ?? ''));
    expect(await other.page.inputValue('#search-query')).toBe('attention');
    expect(await resultCount(other.page)).toBe(narrowed);
    const checked = await other.page.$$eval('.search-facets input:checked', (boxes) => boxes.map((box) => document.querySelector(`label[for="${box.id}"]`)?.textContent?.replace(/ \(\d+\)$/, '')));
    expect(checked).toEqual([topicLabel]);
  });

  it('browses by a filter alone, with no query', async () => {
    const { page } = await watchedPage(served.browser, origin());
    const topic = catalog.flatMap((paper) => paper.topics)[0]!;
    await openSearch(page, `?topic=${encodeURIComponent(topic)}`);
    const count = await resultCount(page);
    expect(count).toBe(catalog.filter((paper) => paper.topics.includes(topic)).length + 1 /* the topic page */);
  });

  it('browses by year, by organization and by reading status, each alone', async () => {
    const { page } = await watchedPage(served.browser, origin());
    const mostCommon = (values: string[]) => [...new Set(values)].sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length)[0]!;
    const year = mostCommon(catalog.flatMap((paper) => (paper.published ? [paper.published.slice(0, 4)] : [])));
    const organization = mostCommon(catalog.flatMap((paper) => (paper.organization ? [paper.organization.id] : [])));
    const expected: [string, number][] = [
      [`?year=${year}`, catalog.filter((paper) => paper.published?.startsWith(year)).length],
      [`?organization=${organization}`, catalog.filter((paper) => paper.organization?.id === organization).length],
      ['?status=unset', catalog.filter((paper) => paper.status === null).length],
    ];
    for (const [query, count] of expected) {
      await openSearch(page, query);
      expect(await resultCount(page), query).toBe(count);
      expect(count, query).toBeGreaterThan(0);
    }
  });

  it('reorders the results by upvotes', async () => {
    const { page } = await watchedPage(served.browser, origin());
    await openSearch(page, '?q=diffusion');
    const byRelevance = await resultPaths(page);
    await page.selectOption('#search-sort', 'upvotes');
    await page.waitForURL(/sort=upvotes/);
    await page.waitForFunction(() => document.querySelectorAll('.search-results li').length > 0);
    await page.waitForTimeout(300);
    const byUpvotes = await resultPaths(page);
    expect(byUpvotes).not.toEqual(byRelevance);
    const upvotes = new Map(catalog.map((paper) => [pathOf(paper.url), paper.upvotes ?? 0]));
    const counts = byUpvotes.map((path) => upvotes.get(path) ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(Math.max(...counts)).toBeGreaterThan(0);
  });

  it('searches every shard of the full-text index, loading the WebAssembly once', async () => {
    const { page, errors } = await watchedPage(served.browser, origin());
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await openSearch(page, '?q=attention');
    expect(await resultCount(page)).toBeGreaterThan(0);
    expect(shards.length).toBeGreaterThan(3);
    for (const shard of shards) expect(fetched).toContain(`/pagefind/${shard.id}/pagefind-entry.json`);
    expect(fetched.filter((path) => /\/wasm\.[a-z]+\.pagefind$/.test(path))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('sorts newest first across shards, page after page', async () => {
    const { page, errors } = await watchedPage(served.browser, origin());
    await openSearch(page, '?status=unset&sort=newest');
    const unset = catalog.filter((paper) => paper.status === null);
    await showResults(page, 100);
    const paths = await resultPaths(page);
    expect(new Set(paths).size).toBe(paths.length);
    const published = new Map(unset.map((paper) => [pathOf(paper.url), paper.published ?? '']));
    const dates = paths.map((path) => published.get(path));
    expect(dates.every((date) => date !== undefined)).toBe(true);
    expect(dates).toEqual([...dates].sort().reverse());
    // The dated papers come first, then the undated ones from the other shards.
    expect(dates[0]).toBe(unset.map((paper) => paper.published ?? '').sort().at(-1));
    expect(dates.at(-1)).toBe('');
    expect(errors).toEqual([]);
  });

  it('sorts by upvotes across shards, to the last result', async () => {
    const { page, errors } = await watchedPage(served.browser, origin());
    await openSearch(page, '?status=unset&sort=upvotes');
    const unset = catalog.filter((paper) => paper.status === null);
    await showResults(page, unset.length);
    const paths = await resultPaths(page);
    expect([...paths].sort()).toEqual(unset.map((paper) => pathOf(paper.url)).sort());
    const upvotes = new Map(unset.map((paper) => [pathOf(paper.url), paper.upvotes ?? 0]));
    expect(paths.map((path) => upvotes.get(path))).toEqual(unset.map((paper) => paper.upvotes ?? 0).sort((a, b) => b - a));
    expect(await page.isHidden('.search-more')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('focuses the header search field with / and with Ctrl+K', async () => {
    const { page } = await watchedPage(served.browser, origin());
    await page.goto(served.server.url);
    await page.waitForLoadState('load');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-query');
    await page.locator('h1').first().click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-query');
  });
});

describe('offline', () => {
  it('opened from disk, navigates and finds a paper by title through the fallback index', async () => {
    const { page, errors, outside } = await watchedPage(served.browser, 'file://');
    await page.goto(pathToFileURL(join(site.dist, 'index.html')).href);
    await Promise.all([page.waitForURL(/\/topics\/index\.html$/), page.locator('.site-nav a', { hasText: 'Topics' }).click()]);
    expect(await page.locator('link[rel="stylesheet"]').evaluate((link) => (link as HTMLLinkElement).sheet !== null)).toBe(true);
    const paper = catalog[7]!;
    await page.fill('#site-search-query', paper.title);
    await Promise.all([page.waitForURL(/\/search\/index\.html\?q=/), page.press('#site-search-query', 'Enter')]);
    await page.waitForFunction(() => /match/.test(document.querySelector('.search-status')?.textContent ?? ''));
    expect(await page.isVisible('.search-notice')).toBe(true);
    expect(await page.textContent('.search-notice')).toMatch(/needs the site served/);
    const first = await page.$eval('.search-results h3 a', (link) => (link as HTMLAnchorElement).href);
    expect(first).toBe(pathToFileURL(join(site.dist, pathOf(paper.url))).href);
    await Promise.all([page.waitForURL(/\/papers\/.+\/index\.html$/), page.click('.search-results h3 a')]);
    expect(await page.textContent('h1')).toBe(paper.title);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('reloads a visited paper page with the network cut, once the service worker is active', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    const paper = catalog[3]!;
    await page.goto(served.server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(paper.url.replace(new URL(paper.url).origin, origin()));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await context.setOffline(true);
    await page.reload();
    expect(await page.textContent('h1')).toBe(paper.title);
    expect(await page.locator('link[rel="stylesheet"]').evaluate((link) => (link as HTMLLinkElement).sheet !== null)).toBe(true);
    await context.close();
  });
});
