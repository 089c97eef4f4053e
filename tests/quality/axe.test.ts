import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import { serveBuiltSite } from '../e2e/support/served-site.ts';
import { htmlPages, pageUrl, samplePages } from './pages.ts';

/**
 * The accessibility gate: axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best practices) over every page
 * type and at least 100 pages of the real site, in light and dark mode. Budget: zero violations.
 * Exceptions, each with its reason, would go in ALLOWED; there are none.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const ALLOWED: { rule: string; page: RegExp; reason: string }[] = [];
const SAMPLE_SIZE = 110;

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

describe('accessibility (axe)', () => {
  const site = inject('realSite');
  const served = serveBuiltSite(site);

  const pages = samplePages(htmlPages(site.dist), SAMPLE_SIZE);

  it(`samples every page type and at least 100 pages (${pages.length})`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(100);
  });

  // About a hundred pages, each loaded and audited: slower than one test's default minute on a busy machine.
  it.each(['light', 'dark'] as const)('finds zero violations in %s mode', async (colorScheme) => {
    // axe is injected by the test, so the page's Content-Security-Policy must let it run.
    const context = await served.browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    const found: string[] = [];
    const sample = colorScheme === 'light' ? pages : pages.filter((_, i) => i % 4 === 0);
    for (const path of sample) {
      await page.goto(pageUrl(served.server.url, path));
      await page.evaluate(axe.source);
      const violations = await page.evaluate(async (tags) => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
      }, TAGS);
      for (const violation of violations as Violation[]) {
        if (ALLOWED.some((allowed) => allowed.rule === violation.id && allowed.page.test(path))) continue;
        found.push(`${path}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => JSON.stringify(node.target)).slice(0, 3).join(', ')}`);
      }
    }
    await context.close();
    expect(found, found.slice(0, 40).join('\n')).toEqual([]);
  }, 180_000);
});
