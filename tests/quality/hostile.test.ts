import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseDigest } from '../../src/digest/parse.ts';
import { contentSecurityPolicy } from '../../src/site/csp.ts';
import { THEME_BOOTSTRAP } from '../../src/site/theme.ts';
import { watchedPage } from '../e2e/support/browser.ts';
import { serveBuiltSite } from '../e2e/support/served-site.ts';
import { abstractOf, maskAttributeValues, scriptsOf, textOf } from '../site/html.ts';
import { HOSTILE_DIGESTS } from '../site/global-setup.ts';
import { htmlPages, pageUrl } from './pages.ts';

/**
 * The hostile fixture digests, ingested and built like any other, must come out inert: every
 * character shown literally, no markup or script from a digest live, no dangerous link, and
 * the page's own Content-Security-Policy in place.
 */
const site = inject('hostileSite');
const pages = htmlPages(site.dist);
const paperPages = pages.filter((page) => page.startsWith('papers/') && !/^papers\/page\//.test(page) && page !== 'papers/index.html');
const entries = HOSTILE_DIGESTS.flatMap((file) => parseDigest(file.split('/').pop()!, readFileSync(file), { today: '2026-11-23' }).entries);
const html = (page: string) => readFileSync(join(site.dist, page), 'utf8');

describe('hostile content, built', () => {
  it('produced a page for every hostile entry', () => {
    expect(entries.length).toBe(7);
    expect(paperPages.length).toBe(entries.length);
  });

  it('shows every title and abstract character for character', () => {
    const shown = paperPages.map((page) => ({ title: textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html(page))![1]!), abstract: abstractOf(html(page)) }));
    for (const entry of entries) {
      const page = shown.find((candidate) => candidate.title === entry.title);
      expect(page, `a page titled ${entry.title.slice(0, 60)}`).toBeDefined();
      expect(page!.abstract).toBe(entry.abstract);
    }
  });

  it('keeps the 10,000-character title whole', () => {
    expect(entries.some((entry) => entry.title.length === 10_000)).toBe(true);
  });

  it('has no element, attribute, script or link that came from a digest', () => {
    for (const page of pages) {
      const text = html(page);
      // Attribute values are blanked first: a title inside `content="…"` is text, not markup.
      const tags = [...maskAttributeValues(text).matchAll(/<[a-zA-Z][^>]*>/g)].map((match) => match[0]);
      for (const tag of tags) {
        expect(tag, page).not.toMatch(/^<(iframe|img|object|embed|frame|applet)\b/i);
        expect(tag, page).not.toMatch(/\son[a-z]+=/i);
      }
      for (const [, attribute, url] of text.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        expect(url, page).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        // An https address in an abstract may become a plain outbound link; nothing loads from it.
        if (attribute !== 'href') expect(url, page).not.toMatch(/evil\.example/);
      }
      for (const { tag, body } of scriptsOf(text)) {
        const allowed = /\ssrc="[^"]*scripts\/[a-z-]+\.js"/.test(tag) || /\stype="application\/(ld\+)?json"/.test(tag) || body === THEME_BOOTSTRAP;
        expect(allowed, `${page}: ${tag}${body.slice(0, 80)}`).toBe(true);
      }
    }
  });

  it('sets the Content-Security-Policy on every page, with no inline script allowed but the hashed one', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(contentSecurityPolicy).not.toContain("'unsafe-inline'");
    for (const page of pages) {
      expect(html(page), page).toContain('<meta http-equiv="Content-Security-Policy"');
    }
  });

  it('marks every outbound link noopener noreferrer', () => {
    for (const page of pages) {
      for (const match of html(page).matchAll(/<a\b[^>]*href="https?:\/\/[^"]*"[^>]*>/g)) {
        expect(match[0], page).toMatch(/\srel="[^"]*noopener[^"]*noreferrer[^"]*"|\srel="[^"]*noreferrer[^"]*noopener[^"]*"/);
      }
    }
  });
});

describe('hostile content, in a browser', () => {
  const served = serveBuiltSite(site);

  it('runs no script, opens no dialog and makes no request outside the site', async () => {
    const watched = await watchedPage(served.browser, served.origin);
    const dialogs: string[] = [];
    watched.page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    for (const page of paperPages) await watched.page.goto(pageUrl(served.server.url, page));
    expect(dialogs).toEqual([]);
    expect(watched.outside).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
