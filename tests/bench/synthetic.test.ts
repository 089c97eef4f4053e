import { describe, expect, it } from 'vitest';
import { corpus, generated } from './fixtures.ts';
import { LAYOUT_MIX, generateList } from '../../scripts/bench/synthetic.ts';
import { LAYOUTS } from '../../src/digest/entry.ts';
import { parseDigest } from '../../src/digest/parse.ts';
import { titleKey } from '../../src/paper/identity.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('synthetic lists', () => {
  const list = generated(1000);

  it('are the same bytes for the same seed, and differ for another', () => {
    const again = generateList(corpus(), { papers: 1000, seed: 7 });
    expect(again.digests.map((digest) => [digest.file, digest.text])).toEqual(list.digests.map((digest) => [digest.file, digest.text]));
    expect(again.increment.digest.text).toBe(list.increment.digest.text);
    const other = generateList(corpus(), { papers: 1000, seed: 8 });
    expect(other.digests[0]!.text).not.toBe(list.digests[0]!.text);
  });

  it('hold exactly the asked number of distinct papers, about 9% of entries repeating one', () => {
    expect(list.papers).toHaveLength(1000);
    expect(new Set(list.papers.map((paper) => titleKey(paper.title))).size).toBe(1000);
    expect(new Set(list.papers.map((paper) => paper.arxiv)).size).toBe(1000);
    expect(list.entries).toBe(list.digests.reduce((sum, digest) => sum + digest.papers.length, 0));
    const repeatedShare = (list.entries - list.papers.length) / list.entries;
    expect(repeatedShare).toBeGreaterThan(0.085);
    expect(repeatedShare).toBeLessThan(0.095);
  });

  it('never list one paper twice in a digest', () => {
    for (const digest of list.digests) expect(new Set(digest.papers).size).toBe(digest.papers.length);
  });

  it('parse back, digest by digest, with ingest’s own parser: same layout, every entry, no problem', () => {
    for (const digest of list.digests) {
      const parsed = parseDigest(digest.file, Buffer.from(digest.text), { today: '2026-11-23' });
      expect(parsed.problems, digest.file).toEqual([]);
      expect(parsed.layout, digest.file).toBe(digest.layout);
      expect(parsed.entries.map((entry) => entry.title)).toEqual(digest.papers.map((paper) => paper.title));
    }
  });

  it('mix the four layouts in about their planned shares of entries, in digests of realistic size', () => {
    const large = generated(3000);
    for (const layout of LAYOUTS) {
      const digests = large.digests.filter((digest) => digest.layout === layout);
      const entries = digests.reduce((sum, digest) => sum + digest.papers.length, 0);
      // Off by at most one digest: the largest holds 210 entries.
      expect(Math.abs(entries / large.entries - LAYOUT_MIX[layout].share), layout).toBeLessThan(210 / large.entries);
      const [min, max] = LAYOUT_MIX[layout].size;
      // The last digest stops where the list is full, so it may be shorter.
      for (const digest of digests.filter((candidate) => candidate !== large.digests.at(-1))) {
        expect(digest.papers.length).toBeGreaterThanOrEqual(min);
        expect(digest.papers.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('model the real titles and abstracts: lengths close to the seeds’, abstracts within arXiv’s limit', () => {
    const real = corpus();
    const titles = median(list.papers.map((paper) => paper.title.length));
    const abstracts = median(list.papers.map((paper) => paper.abstract.length));
    expect(Math.abs(titles / median(real.titles.map((title) => title.length)) - 1)).toBeLessThan(0.15);
    expect(Math.abs(abstracts / median(real.abstracts.map((abstract) => abstract.length)) - 1)).toBeLessThan(0.15);
    expect(Math.max(...list.papers.map((paper) => paper.abstract.length))).toBeLessThanOrEqual(1920);
  });

  it('write year-less dates, upvotes and organizations into the metadata pages, as the real ones have', () => {
    const pages = list.digests.filter((digest) => digest.layout === 'page-text-with-metadata').map((digest) => digest.text);
    expect(pages.some((text) => /\n·\r?\n[A-Z][a-z]{2} \d{1,2}(\r?\n|$)/.test(text))).toBe(true);
    expect(pages.some((text) => /\n·\r?\n[A-Z][a-z]{2} \d{1,2}, \d{4} \d+(\r?\n|$)/.test(text))).toBe(true);
    expect(pages.some((text) => /\n\S+ [^\n]+\r?\n·/.test(text))).toBe(true);
  });

  it('end with a small new API digest: 12 new papers and 3 the list already has', () => {
    const { digest, added, repeated } = list.increment;
    expect([digest.layout, added, repeated, digest.papers.length]).toEqual(['api-json', 12, 3, 15]);
    const known = new Set(list.papers.map((paper) => titleKey(paper.title)));
    expect(digest.papers.filter((paper) => known.has(titleKey(paper.title)))).toHaveLength(3);
    expect(list.digests.map((other) => other.file)).not.toContain(digest.file);
  });
});
