import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/digest/entry.ts';
import { parseDigest } from '../../../src/digest/parse.ts';
import { fixtureText, messy, parseFixture, parseText } from '../../helpers/ingest.ts';

const FIXTURES = {
  'page-with-metadata.txt': 'page-text-with-metadata',
  'page-without-metadata.txt': 'page-text',
  'search-results.txt': 'search-text',
  'api-daily-papers.json': 'api-json',
} as const;

describe('layout detection', () => {
  it.each(Object.entries(FIXTURES))('detects %s as %s', (name, layout) => {
    const parsed = parseFixture(name);
    expect(parsed.layout).toBe(layout);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.length).toBeGreaterThan(0);
  });

  it('does not take a title opening with a bracket for JSON', () => {
    const parsed = parseText('page.txt', '[Re] Reproducing a classic\n\nWe reproduce it.\n\nSecond title\n\nSecond abstract.\n');
    expect(parsed.layout).toBe('page-text');
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['[Re] Reproducing a classic', 'Second title']);
  });
});

describe('capture date', () => {
  it('comes from the page header, the latest such day on or before today', () => {
    expect(parseFixture('page-with-metadata.txt', '2026-11-23')).toMatchObject({ captured: '2026-04-17', capturedFrom: 'header' });
    expect(parseFixture('page-with-metadata.txt', '2026-04-17')).toMatchObject({ captured: '2026-04-17', capturedFrom: 'header' });
    expect(parseFixture('page-with-metadata.txt', '2026-04-16')).toMatchObject({ captured: '2025-04-17', capturedFrom: 'header' });
    expect(parseFixture('page-without-metadata.txt', '2026-11-23')).toMatchObject({ captured: '2026-09-03', capturedFrom: 'header' });
  });

  it('comes from the entries of API JSON', () => {
    expect(parseFixture('api-daily-papers.json', '2026-11-23')).toMatchObject({ captured: '2025-11-06', capturedFrom: 'header' });
  });

  it('falls back to today when the digest has no header', () => {
    expect(parseFixture('search-results.txt', '2026-11-23')).toMatchObject({ captured: '2026-11-23', capturedFrom: 'today' });
  });

  it('prefers --captured, and a recorded date, to the header', () => {
    const bytes = new TextEncoder().encode(fixtureText('page-with-metadata.txt'));
    expect(parseDigest('p.txt', bytes, { today: '2026-11-23', captured: { date: '2026-05-01', from: 'flag' } })).toMatchObject({ captured: '2026-05-01', capturedFrom: 'flag' });
    expect(parseDigest('p.txt', bytes, { today: '2026-11-23', captured: { date: '2026-05-01', from: 'recorded' } })).toMatchObject({ captured: '2026-05-01', capturedFrom: 'recorded' });
  });

  it('places year-less dates by the capture date, not by today', () => {
    const dates = (today: string, captured: string | null) => parseText('p.txt', fixtureText('page-with-metadata.txt'), today, captured).entries.map((entry) => entry.published);
    // Header Apr 17 read in 2026: Mar 10, Mar 7 are 2026; Dec 30 lies after Apr 17, so it is 2025.
    expect(dates('2026-11-23', null)).toEqual(['2017-03-30', '2026-03-10', '2025-10-14', '2026-03-07', '2025-12-30']);
    expect(dates('2027-01-05', '2026-03-08')).toEqual(['2017-03-30', '2025-03-10', '2025-10-14', '2026-03-07', '2025-12-30']);
    expect(dates('2026-04-16', null)).toEqual(['2017-03-30', '2025-03-10', '2025-10-14', '2025-03-07', '2024-12-30']);
  });
});

describe('messy bytes', () => {
  it.each(Object.keys(FIXTURES))('reads %s the same with a BOM, CRLF, tabs and trailing blanks', (name) => {
    const clean = parseFixture(name);
    const dirty = parseText(name, messy(fixtureText(name)));
    expect(dirty.problems).toEqual([]);
    expect(dirty).toEqual(clean);
  });

  it('collapses tabs inside a title', () => {
    const parsed = parseText('p.txt', fixtureText('page-with-metadata.txt').replace('Dynamic Layer Routing', 'Dynamic\tLayer \t Routing'));
    expect(parsed.entries[2]!.title).toBe('Dr.LLM: Dynamic Layer Routing in LLMs');
  });

  it.each([
    ['an empty file', new Uint8Array(), 'e.txt: the file is empty'],
    ['white space only', new TextEncoder().encode(' \r\n\t\n\uFEFF'), 'e.txt: the file holds only whitespace'],
    ['binary data', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'e.txt: binary data (a NUL byte at offset 8), not a text digest'],
    ['invalid UTF-8', Uint8Array.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0xe9, 0x0a]), 'e.txt: not valid UTF-8 text'],
  ])('refuses %s with one clear reason', (_name, bytes, reason) => {
    const parsed = parseDigest('e.txt', bytes, { today: '2026-11-23' });
    expect(parsed.entries).toEqual([]);
    expect(parsed.layout).toBeNull();
    expect(parsed.problems.map(formatProblem)).toEqual([reason]);
  });

  it('reports a digest that holds text but no paper', () => {
    const parsed = parseText('notes.txt', 'Just one line of notes\n');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map(formatProblem)).toContain('notes.txt: no paper found in this search-text digest');
  });

  it('reads a 1 MB abstract line whole, quickly', () => {
    const abstract = `${'word '.repeat(200_000)}end.`;
    const started = performance.now();
    const parsed = parseText('big.txt', `SubscribeA title\n${abstract}\nSecond title\nSecond abstract\n`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['A title', 'Second title']);
    expect(parsed.entries[0]!.abstract).toBe(abstract.replace(/\s+/g, ' '));
  });

  it('survives a 1 MB line with no structure, reporting it', () => {
    const parsed = parseText('junk.txt', 'x'.repeat(1 << 20));
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'junk.txt:1: a title with no abstract at the end of the file (truncated?); skipped',
      'junk.txt: no paper found in this search-text digest',
    ]);
  });
});
