/**
 * The committed content, built as the README's build command builds it: every seed paper has a
 * page whose visible abstract is exactly what its digest said, and no link is broken.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseDigest } from '../../src/digest/parse.ts';
import { contentPaths, listDigests, readDigest, readManifest } from '../../src/store/content-store.ts';
import { abstractOf, listFiles, titleOf } from './html.ts';
import { createLinkChecker, describeBroken } from './links.ts';

const site = inject('realSite');
const files = listFiles(site.dist);
const paperPages = files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file) && file !== 'papers/page/index.html');

/** What the digests said: every entry's abstract, by title. */
function digestAbstracts(): Map<string, Set<string>> {
  const paths = contentPaths(site.contentDir);
  const manifest = readManifest(paths);
  if (!('value' in manifest)) throw new Error('content/digests.json does not parse');
  const byTitle = new Map<string, Set<string>>();
  for (const file of listDigests(paths)) {
    const captured = manifest.value[file]?.captured;
    if (!captured) continue;
    const parsed = parseDigest(file, readDigest(paths, file), { captured: { date: captured, from: 'recorded' }, today: captured });
    for (const entry of parsed.entries) {
      const abstracts = byTitle.get(entry.title) ?? new Set<string>();
      abstracts.add(entry.abstract);
      byTitle.set(entry.title, abstracts);
    }
  }
  return byTitle;
}

describe('the seed list', () => {
  it('has a page for every paper that is not dropped', () => {
    const papers = readdirSync(join(site.contentDir, 'papers')).filter((name) => name.endsWith('.md'));
    const dropped = papers.filter((name) => /^dropped: true$/m.test(readFileSync(join(site.contentDir, 'papers', name), 'utf8')));
    expect(paperPages).toHaveLength(papers.length - dropped.length);
    expect(paperPages.length).toBeGreaterThanOrEqual(466);
  });

  it('shows on every paper page the abstract exactly as the digest gave it', () => {
    const byTitle = digestAbstracts();
    const mismatches: string[] = [];
    for (const file of paperPages) {
      const html = readFileSync(join(site.dist, file), 'utf8');
      const title = titleOf(html)!;
      const shown = abstractOf(html);
      const expected = byTitle.get(title);
      if (!expected) mismatches.push(`${file}: no digest entry titled ${JSON.stringify(title)}`);
      else if (shown === null || !expected.has(shown)) mismatches.push(`${file}: the abstract differs from the digest's\n  shown:    ${JSON.stringify(shown)}\n  expected: ${JSON.stringify([...expected][0])}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('has no broken link on any page or in any export', () => {
    const checker = createLinkChecker(site);
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(paperPages.length);
    const exports = files.filter((file) => /\.(xml|json)$/.test(file) && !file.startsWith('pagefind/') && file !== 'manifest.webmanifest');
    const broken = [...pages.flatMap((file) => checker.checkPage(file)), ...exports.flatMap((file) => checker.checkExport(file))];
    expect(broken, describeBroken(broken)).toEqual([]);
  });

  it('keeps paper pages within the 15 KB budget', () => {
    const sizes = paperPages.map((file) => ({ file, bytes: readFileSync(join(site.dist, file)).length }));
    const largest = sizes.reduce((max, size) => (size.bytes > max.bytes ? size : max));
    expect(largest.bytes, largest.file).toBeLessThanOrEqual(15 * 1024);
  });

  it('hides "edit this entry" when no repository is set', () => {
    expect(readFileSync(join(site.dist, paperPages[0]!), 'utf8')).not.toContain('Edit this entry');
  });

  it('paginates /papers/ and /upvotes/ with working page links', () => {
    const pageCount = Math.ceil(paperPages.length / 50);
    for (const root of ['papers', 'upvotes']) {
      expect(files).toContain(`${root}/index.html`);
      for (let n = 2; n <= pageCount; n++) expect(files).toContain(`${root}/page/${n}/index.html`);
      expect(files).not.toContain(`${root}/page/${pageCount + 1}/index.html`);
    }
  });
});
