import { HtmlValidate, type ConfigData } from 'html-validate';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlPages } from './pages.ts';

/**
 * html-validate over every built page, with zero errors allowed. The recommended rules apply,
 * with these deliberate changes:
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Paper titles are the page titles, and research titles run long; 70 characters would cut most.
    'long-title': 'off',
    // Every asset is same-origin (nothing is loaded from a CDN), where SRI adds nothing.
    'require-sri': 'off',
    // Astro writes `<!DOCTYPE html>` in upper case; both are valid HTML.
    'doctype-style': 'off',
    // Astro's void elements come out as `<meta ...>`; either style is valid, so accept both.
    'void-style': 'off',
  },
};

describe.each([
  ['the real site', 'realSite' as const],
  ['the fixture site', 'fixtureSite' as const],
  ['the hostile site', 'hostileSite' as const],
])('valid HTML: %s', (_name, key) => {
  const site = inject(key);
  const pages = htmlPages(site.dist);

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it('has zero html-validate errors on every page', async () => {
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(site.dist, page));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? 'document'})`);
        }
      }
    }
    expect(problems, problems.slice(0, 50).join('\n')).toEqual([]);
  });
});
