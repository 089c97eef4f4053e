/**
 * The real inputs: the four seed digests in content/digests/ and the twelve daily-papers API
 * samples in ../shared/. Facts asserted here are read off the files themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DigestEntry } from '../../src/digest/entry.ts';
import { parseDigest, type ParsedDigest } from '../../src/digest/parse.ts';
import { collapseWhitespace } from '../../src/digest/text.ts';
import { ingestStateSchema } from '../../src/ingest/state.ts';
import { identityKeys } from '../../src/paper/identity.ts';
import { API_SAMPLES, emptyContent, ingestInMemory, memoryPaper, plan, REPO_ROOT, SEED_DIGESTS, SEED_TODAY } from '../helpers/ingest.ts';

const SEEDS = ['000_a9fd12fd9daf184b.txt', '001_9204dbbb441ea0bb.txt', '002_cde9bec77300679b.txt', '003_6687e70161778ae6.txt'];

function seedText(name: string): string {
  return readFileSync(join(SEED_DIGESTS, name), 'utf8');
}

function parseSeed(name: string, today = SEED_TODAY): ParsedDigest {
  return parseDigest(name, readFileSync(join(SEED_DIGESTS, name)), { today });
}

function byTitle(digest: ParsedDigest, prefix: string): DigestEntry {
  const found = digest.entries.filter((entry) => entry.title.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0]!;
}

describe('the seed digests', () => {
  const seeds = SEEDS.map((name) => parseSeed(name));

  it('are the four files, parsed without a single problem', () => {
    expect(readdirSync(SEED_DIGESTS).sort()).toEqual(SEEDS);
    expect(seeds.map((seed) => seed.problems)).toEqual([[], [], [], []]);
  });

  it('hold 44, 188, 69 and 209 entries in their four layouts: 510 in all', () => {
    expect(seeds.map((seed) => [seed.layout, seed.entries.length])).toEqual([
      ['page-text-with-metadata', 44],
      ['search-text', 188],
      ['page-text', 69],
      ['search-text', 209],
    ]);
    expect(seeds.reduce((sum, seed) => sum + seed.entries.length, 0)).toBe(510);
  });

  it('are dated by their headers (Apr 17, Sep 3) or, with none, today', () => {
    expect(seeds.map((seed) => [seed.captured, seed.capturedFrom])).toEqual([
      ['2026-04-17', 'header'],
      [SEED_TODAY, 'today'],
      ['2026-09-03', 'header'],
      [SEED_TODAY, 'today'],
    ]);
  });

  it('give every entry its title and abstract exactly as the digest lines hold them', () => {
    for (const [i, seed] of seeds.entries()) {
      const lines = seedText(SEEDS[i]!).replace(/\r\n?/g, '\n').split('\n');
      for (const entry of seed.entries) {
        const at = 'line' in entry.at ? entry.at.line : 0;
        expect(collapseWhitespace(lines[at - 1]!.replace(/^Subscribe/, '')), `${seed.file}:${at}`).toBe(entry.title);
        const abstractLine = lines.slice(at).find((line) => line.trim() !== '')!;
        expect(collapseWhitespace(abstractLine), `${seed.file}:${at}`).toBe(entry.abstract);
      }
    }
  });

  it('unglue the first search result from `Subscribe`', () => {
    expect(seeds[1]!.entries[0]!.title).toBe('Blockwise Flow Matching: Improving Flow Matching Models For Efficient High-Quality Generation');
    expect(seeds[2]!.entries[0]!.title).toBe('Dynamic Pyramid Network for Efficient Multimodal Large Language Model');
  });

  describe('000, the page with metadata', () => {
    const page = seeds[0]!;
    const text = seedText(SEEDS[0]!);
    const metadataLines = text.split('\n').flatMap((line, i, all) => (line.trim() === '·' ? [{ byline: all[i - 1]!.trim(), date: all[i + 1]!.trim() }] : []));

    it('has one metadata block per entry', () => {
      expect(metadataLines).toHaveLength(44);
    });

    it('reads the author counts of the `• N authors` lines', () => {
      const counts = metadataLines.flatMap(({ byline }) => /^• (\d+) authors?$/.exec(byline)?.slice(1).map(Number) ?? []);
      expect(counts).toHaveLength(39);
      expect(page.entries.flatMap((entry) => (entry.authorsCount === null ? [] : [entry.authorsCount]))).toEqual(counts);
    });

    it('reads the five organization lines', () => {
      expect(page.entries.flatMap((entry) => (entry.organization ? [entry.organization] : []))).toEqual([
        { id: 'parameterlab', name: 'Parameter Lab' },
        { id: 'metaresearch', name: 'Meta Research' },
        { id: 'LLM-Drop', name: 'LLM-Drop' },
        { id: 'huawei-noah', name: "HUAWEI Noah's Ark Lab" },
        { id: 'ByteDance-Seed', name: 'ByteDance Seed' },
      ]);
    });

    it('reads the trailing upvote counts of the date lines', () => {
      const upvotes = metadataLines.map(({ date }) => /^[A-Z][a-z]{2} \d{1,2}(?:, \d{4})? (\d+)$/.exec(date)?.[1]).map((count) => (count ? Number(count) : null));
      expect(upvotes.filter((count) => count !== null)).toHaveLength(13);
      expect(page.entries.map((entry) => entry.upvotes)).toEqual(upvotes);
    });

    it('places the nine year-less dates before the Apr 17 capture: `Mar 7` is 2026-03-07', () => {
      const yearless = page.entries.filter((_, i) => !/, \d{4}/.test(metadataLines[i]!.date));
      expect(yearless.map((entry) => entry.published)).toEqual([
        '2026-03-07', '2026-03-10', '2026-02-18', '2026-02-06', '2026-03-02', '2026-03-26', '2026-01-12', '2026-02-04', '2026-02-06',
      ]);
      expect(byTitle(page, 'The Dual-Stream Transformer')).toMatchObject({ published: '2026-03-07', authorsCount: 2 });
      expect(byTitle(page, 'TS-LSTM and Temporal-Inception')).toMatchObject({ published: '2017-03-30', authorsCount: 4, position: 1, at: { line: 13 } });
    });

    it('reads ReMix as the Meta Research entry with 4 upvotes', () => {
      expect(byTitle(page, 'ReMix')).toMatchObject({
        title: 'ReMix: Reinforcement routing for mixtures of LoRAs in LLM finetuning',
        organization: { id: 'metaresearch', name: 'Meta Research' },
        published: '2026-03-10',
        upvotes: 4,
        position: 11,
        at: { line: 93 },
        captured: '2026-04-17',
      });
      expect(byTitle(page, 'Dr.LLM')).toMatchObject({ organization: { id: 'parameterlab', name: 'Parameter Lab' }, published: '2025-10-14', upvotes: 2 });
    });

    it('reads the same page a year earlier when today comes before Apr 17', () => {
      const early = parseSeed(SEEDS[0]!, '2026-04-16');
      expect(early.captured).toBe('2025-04-17');
      expect(byTitle(early, 'The Dual-Stream Transformer').published).toBe('2025-03-07');
    });
  });

  it('become 466 distinct papers whose sources account for all 510 entries', () => {
    const content = emptyContent();
    const result = ingestInMemory(content, seeds);
    expect(result.errors).toEqual([]);
    expect(result.counts).toEqual({ added: 466, updated: 0, unchanged: 0, skipped: 0 });
    const papers = [...content.papers.keys()].map((slug) => memoryPaper(content, slug));
    expect(papers.reduce((sum, paper) => sum + paper.data.sources.length, 0)).toBe(510);
    expect(new Set(papers.map((paper) => paper.data.title.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))).size).toBe(466);
    expect([...content.papers.keys()].every((slug) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 80)).toBe(true);

    const remix = memoryPaper(content, 'remix-reinforcement-routing-for-mixtures-of-loras-in-llm-finetuning');
    expect(remix.data).toMatchObject({ organization: { id: 'metaresearch', name: 'Meta Research' }, upvotes: 4, upvotes_as_of: '2026-04-17', published: '2026-03-10' });

    // Re-planning on the result changes nothing.
    expect(ingestInMemory(content, seeds).writes).toEqual([]);
  });

  it('are the papers the committed ingest state remembers', () => {
    const state = ingestStateSchema.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'content/ingest-state.json'), 'utf8')));
    expect(Object.keys(state.papers).sort()).toEqual(plan(seeds).writes.map((write) => write.slug).sort());
  });
});

describe('the daily-papers API samples', () => {
  const files = readdirSync(API_SAMPLES).filter((name) => name.endsWith('.json')).sort();
  const samples = files.map((name) => parseDigest(name, readFileSync(join(API_SAMPLES, name)), { today: SEED_TODAY }));

  it('are twelve files, each read whole without a problem', () => {
    expect(files).toHaveLength(12);
    for (const [i, sample] of samples.entries()) {
      const raw = JSON.parse(readFileSync(join(API_SAMPLES, files[i]!), 'utf8')) as unknown[];
      expect(sample.problems, files[i]).toEqual([]);
      expect(sample.layout).toBe('api-json');
      expect(sample.entries.map((entry) => entry.arxiv)).toEqual(raw.map((item) => (item as { paper: { id: string } }).paper.id));
    }
    expect(samples.reduce((sum, sample) => sum + sample.entries.length, 0)).toBe(176);
  });

  it('are dated by the day named in the file name, the day the API was asked for', () => {
    // 2025-01-27.json: every entry went on the list late on 2025-01-26 (UTC); the file name still wins.
    expect(samples.map((sample) => sample.captured)).toEqual(files.map((name) => name.slice(0, 10)));
    expect(samples.map((sample) => sample.capturedFrom)).toEqual(files.map(() => 'header'));
  });

  it('give author names and counts, organization, dates, upvotes, repository, stars, project page, keywords and summary', () => {
    const day = samples[files.indexOf('2025-11-06.json')]!;
    const [first, second] = day.entries;
    expect(first).toMatchObject({
      title: 'Diffusion Language Models are Super Data Learners',
      arxiv: '2511.03276',
      authorsCount: 8,
      organization: { id: 'NationalUniversityofSingapore', name: 'National University of Singapore' },
      published: '2025-11-05',
      upvotes: 45,
      code: ['https://github.com/JinjieNi/MegaDLMs'],
      githubStars: 20,
      projectPage: 'https://github.com/JinjieNi/dlms-are-super-data-learners',
      aiSummary: expect.stringMatching(/^Diffusion language models outperform autoregressive models/),
    });
    expect(first!.authors.slice(0, 2)).toEqual(['Jinjie Ni', 'Qian Liu']);
    expect(first!.keywords).toHaveLength(7);
    expect(first!.abstract).toMatch(/^Under strictly controlled pre-training settings, we observe a Crossover: when un/);
    expect(first!.abstract).not.toMatch(/\n/);
    expect(second).toMatchObject({ arxiv: '2511.01294', organization: { id: 'DEEMOSTECH', name: 'DEEMOS Technology' }, upvotes: 7, authorsCount: 6 });
  });

  it('carry fields only as the API grew them: no organization or keywords in 2024', () => {
    const early = samples[files.indexOf('2024-05-27.json')]!;
    expect(early.entries.every((entry) => entry.organization === null && entry.keywords.length === 0 && entry.aiSummary === null)).toBe(true);
    expect(early.entries[0]).toMatchObject({ arxiv: '2405.15738', published: '2024-05-24' });
  });

  it('ingest together with the seeds, every entry leading to a paper', () => {
    const digests = [...SEEDS.map((name) => parseSeed(name)), ...samples];
    const result = plan(digests);
    expect(result.errors).toEqual([]);
    expect(result.counts.added).toBe(result.writes.length);
    const known = new Set(Object.values(result.state.papers).flatMap((paper) => paper.keys));
    const lost = digests.flatMap((digest) => digest.entries).filter((entry) => !identityKeys(entry).some((key) => known.has(key)));
    expect(lost).toEqual([]);
  });
});
