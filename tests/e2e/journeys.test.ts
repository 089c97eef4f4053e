import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { htmlPages, pageType, pageUrl } from '../quality/pages.ts';
import { watchedPage } from './support/browser.ts';
import { tabToLink } from './support/keyboard.ts';
import { serveBuiltSite } from './support/served-site.ts';

/** The reader's journeys through the production build of the real list, in Chromium. */
const site = inject('realSite');
const pages = htmlPages(site.dist);
/** One page of every type. */
const everyType = [...new Map(pages.map((page) => [pageType(page), page])).values()];

const served = serveBuiltSite(site);
const origin = () => served.origin;

async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g)!.map(Number) as [number, number, number];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
}

describe('by keyboard only', () => {
  it('goes home → topic → paper → related paper', async () => {
    const { page, errors } = await watchedPage(served.browser, origin());
    await page.goto(served.server.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');

    const topic = await tabToLink(page, /topics\/[a-z0-9-]+\/$/);
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith(topic.replace(/^(\.\.\/)*/, ''))), page.keyboard.press('Enter')]);
    expect(page.url()).toMatch(/\/topics\/[a-z0-9-]+\/$/);

    await tabToLink(page, /papers\/[a-z0-9-]+\/$/);
    await Promise.all([page.waitForURL(/\/papers\/[a-z0-9-]+\/$/), page.keyboard.press('Enter')]);
    const paperTitle = await page.locator('h1').textContent();

    const relatedHref = await page.evaluate(() => document.querySelector('.related a')?.getAttribute('href') ?? null);
    expect(relatedHref, 'the paper lists related papers').not.toBeNull();
    const escaped = relatedHref!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await tabToLink(page, new RegExp(`^${escaped}$`));
    const before = page.url();
    await Promise.all([page.waitForURL((url) => url.href !== before), page.keyboard.press('Enter')]);
    expect(page.url()).toMatch(/\/papers\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').textContent()).not.toBe(paperTitle);
    expect(errors).toEqual([]);
  });

  it('shows where the focus is', async () => {
    const { page } = await watchedPage(served.browser, origin());
    await page.goto(served.server.url);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});

describe('themes', () => {
  it('follows the system: dark when the system is dark', async () => {
    const { page } = await watchedPage(served.browser, origin(), { colorScheme: 'dark' });
    await page.goto(served.server.url);
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    const light = await watchedPage(served.browser, origin(), { colorScheme: 'light' });
    await light.page.goto(served.server.url);
    expect(await backgroundLuminance(light.page)).toBeGreaterThan(0.8);
  });

  it('has a toggle that switches the theme and remembers it', async () => {
    const { page, errors } = await watchedPage(served.browser, origin(), { colorScheme: 'light' });
    await page.goto(served.server.url);
    const toggle = page.locator('.theme-toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    await page.goto(pageUrl(served.server.url, 'topics/index.html'));
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    expect(errors).toEqual([]);
  });
});

describe('layout', () => {
  it.each(everyType)('fits a 320 px screen with no horizontal scroll: %s', async (path) => {
    const { page } = await watchedPage(served.browser, origin(), { viewport: { width: 320, height: 640 } });
    await page.goto(pageUrl(served.server.url, path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('prints a paper page cleanly: the paper, without the site around it', async () => {
    const { page } = await watchedPage(served.browser, origin());
    const paper = pages.find((path) => pageType(path) === 'papers' && path !== 'papers/index.html')!;
    await page.goto(pageUrl(served.server.url, paper));
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(['.site-header', '.site-footer', '.related', 'h1', '.abstract'].map((selector) => [selector, getComputedStyle(document.querySelector(selector)!).display !== 'none'])),
    );
    expect(shown).toEqual({ '.site-header': false, '.site-footer': false, '.related': false, h1: true, '.abstract': true });
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('every page type', () => {
  it.each(everyType)('logs no console error and requests nothing outside the site: %s', async (path) => {
    const watched = await watchedPage(served.browser, origin());
    await watched.page.goto(pageUrl(served.server.url, path), { waitUntil: 'networkidle' });
    expect(watched.errors).toEqual([]);
    expect(watched.outside).toEqual([]);
  });
});
