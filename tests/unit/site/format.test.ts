import { describe, expect, it } from 'vitest';
import { abstractToMarkdown } from '../../../src/paper/markdown.ts';
import { abstractText, formatAuthors, formatCount, formatDate, formatMonth, formatNumber, formatStatus, joinNames, truncateText } from '../../../src/site/format.ts';

describe('dates', () => {
  it.each([
    ['2026-04-17', '17 April 2026'],
    ['2025-12-01', '1 December 2025'],
    ['2024-02-29', '29 February 2024'],
  ])('%s → %s', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });

  it.each([
    ['2026-04', {}, 'April 2026'],
    ['2026-09', { short: true }, 'Sep 2026'],
  ])('month %s %j → %s', (month, options, expected) => {
    expect(formatMonth(month, options)).toBe(expected);
  });

  it('refuses a month that does not exist', () => {
    expect(() => formatDate('2026-13-01')).toThrow(/not a month/);
  });
});

describe('counts', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('%d → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it.each([
    [0, 'paper', undefined, '0 papers'],
    [1, 'paper', undefined, '1 paper'],
    [10000, 'paper', undefined, '10,000 papers'],
    [1, 'entry', 'entries', '1 entry'],
    [2, 'entry', 'entries', '2 entries'],
  ])('%d %s', (value, singular, plural, expected) => {
    expect(formatCount(value, singular, plural)).toBe(expected);
  });
});

describe('authors', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('joins %j', (names, expected) => {
    expect(joinNames(names)).toBe(expected);
  });

  it.each([
    [{ authors: ['Ada Lovelace', 'Alan Turing'], authors_count: 2 }, 'Ada Lovelace and Alan Turing'],
    [{ authors: [], authors_count: 4 }, '4 authors'],
    [{ authors: [], authors_count: 1 }, '1 author'],
    [{ authors: [], authors_count: null }, null],
  ])('%j → %j', (paper, expected) => {
    expect(formatAuthors(paper)).toBe(expected);
  });

  it('names the first authors of a long list and counts the rest', () => {
    const authors = Array.from({ length: 40 }, (_, i) => `Author ${i + 1}`);
    const line = formatAuthors({ authors, authors_count: 40 }, 30)!;
    expect(line.startsWith('Author 1, Author 2,')).toBe(true);
    expect(line.endsWith('Author 30 and 10 more authors')).toBe(true);
  });

  it('labels reading statuses', () => {
    expect([formatStatus('to-read'), formatStatus('reading'), formatStatus('read')]).toEqual(['To read', 'Reading', 'Read']);
  });
});

describe('abstractText', () => {
  it.each([
    'Plain text.',
    'Two paragraphs.\n\nThe second one.',
    'Markdown-active: *stars*, _under_, [brackets](x), <b>tags</b>, `ticks`, ~tilde~, &amp; and a\\backslash.',
    '# Not a heading\n\n- not a list\n\n1. not numbered',
    'https://github.com/a/b_c and www.example.org\\path',
  ])('reads back what abstractToMarkdown wrote: %j', (text) => {
    expect(abstractText(abstractToMarkdown(text))).toBe(text);
  });
});

describe('truncateText', () => {
  it.each([
    ['short', 10, 'short'],
    ['one two three four five', 12, 'one two…'],
    ['  spaced\n text  ', 20, 'spaced text'],
    ['abcdefghijklmnop', 8, 'abcdefg…'],
    ['one, two, three', 10, 'one, two…'],
  ])('%j at %d → %j', (text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(truncateText('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
  });
});
