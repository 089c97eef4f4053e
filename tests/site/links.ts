/**
 * Checks a built site's references: every internal link on a page is relative (only the 404 page
 * may use base-absolute links) and resolves to a file, and every `#fragment` to an id there;
 * every external link is a well-formed https: URL; absolute URLs in feeds, the sitemap and
 * papers.json point into the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltSite } from './global-setup.ts';
import { idsOf, referencesOf } from './html.ts';

export interface BrokenLink {
  file: string;
  link: string;
  reason: string;
}

/** The site path of an HTML file: `papers/x/index.html` → `papers/x/`. */
export function pagePathOf(file: string): string {
  return file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** One line per broken link, `page: link: reason`, for a failure message a person can act on. */
export function describeBroken(broken: readonly BrokenLink[], limit = 40): string {
  const lines = broken.slice(0, limit).map((item) => `${item.file}: ${item.link}: ${item.reason}`);
  if (broken.length > limit) lines.push(`… and ${broken.length - limit} more`);
  return lines.join('\n');
}

export function createLinkChecker(site: BuiltSite) {
  const root = new URL(site.siteUrl);
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) idCache.set(file, (found = idsOf(readFileSync(join(site.dist, file), 'utf8'))));
    return found;
  };

  /** Checks an absolute URL inside the site: a file exists for it, and its fragment is an id there. */
  function checkInternal(file: string, link: string, url: URL, broken: BrokenLink[]): void {
    if (!url.pathname.startsWith(root.pathname)) {
      broken.push({ file, link, reason: `outside the base path ${root.pathname}` });
      return;
    }
    const sitePath = decodeURIComponent(url.pathname.slice(root.pathname.length));
    const target = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    if (!existsSync(join(site.dist, target))) {
      broken.push({ file, link, reason: `no file ${target}` });
      return;
    }
    if (url.hash && target.endsWith('.html') && !ids(target).has(decodeURIComponent(url.hash.slice(1)))) {
      broken.push({ file, link, reason: `no id ${url.hash} in ${target}` });
    }
  }

  function checkExternal(file: string, link: string, broken: BrokenLink[]): void {
    try {
      const url = new URL(link);
      if (url.protocol !== 'https:' || !url.hostname.includes('.')) broken.push({ file, link, reason: 'an external link must be a well-formed https: URL' });
    } catch {
      broken.push({ file, link, reason: 'not a URL' });
    }
  }

  /** Every reference on one built page. */
  function checkPage(file: string): BrokenLink[] {
    const broken: BrokenLink[] = [];
    const pageUrl = new URL(pagePathOf(file), root);
    for (const link of referencesOf(readFileSync(join(site.dist, file), 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        if (link.startsWith(root.origin + '/')) broken.push({ file, link, reason: 'an internal link must be relative' });
        else checkExternal(file, link, broken);
      } else if (link.startsWith('//')) {
        broken.push({ file, link, reason: 'a protocol-relative link' });
      } else if (link.startsWith('/') && file !== '404.html') {
        broken.push({ file, link, reason: 'a root-absolute link breaks under file:// (only the 404 page may use one)' });
      } else {
        checkInternal(file, link, new URL(link, link.startsWith('/') ? root.origin : pageUrl), broken);
      }
    }
    return broken;
  }

  /** Every absolute URL of this site inside a text export (feed, sitemap, papers.json). */
  function checkExport(file: string): BrokenLink[] {
    const broken: BrokenLink[] = [];
    const text = readFileSync(join(site.dist, file), 'utf8');
    const escaped = root.href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    for (const match of text.matchAll(new RegExp(`${escaped}[^"<\\s]*`, 'g'))) {
      const link = match[0].replace(/&amp;/g, '&');
      checkInternal(file, link, new URL(link), broken);
    }
    return broken;
  }

  return { checkPage, checkExport };
}
