import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/digest/entry.ts';
import { looksLikeSearchText, parseSearchText } from '../../../src/digest/search-text.ts';
import { fixtureText } from '../../helpers/ingest.ts';

const SEARCH = fixtureText('search-results.txt');

describe('search-result text', () => {
  it('is told apart from page text', () => {
    expect(looksLikeSearchText(SEARCH)).toBe(true);
    expect(looksLikeSearchText(fixtureText('page-without-metadata.txt'))).toBe(false);
    expect(looksLikeSearchText(fixtureText('page-with-metadata.txt'))).toBe(false);
  });

  it('unglues the first title from `Subscribe`, skips the page chrome and the white-space-only tail', () => {
    const parsed = parseSearchText('search.txt', SEARCH, '2026-11-23');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.position, entry.at, entry.title])).toEqual([
      [1, { line: 3 }, 'Blockwise Flow Matching: Improving Flow Matching Models For Efficient High-Quality Generation'],
      [2, { line: 5 }, 'REMIX — reinforcement routing for mixtures of LoRAs in LLM finetuning!'],
      [3, { line: 7 }, 'MoEfication: Transformer Feed-forward Layers are Mixtures of Experts'],
    ]);
    expect(parsed.entries[1]!.abstract).toBe('A shorter abstract of ReMix, as search results show it.');
    expect(parsed.entries[2]!.code).toEqual(['https://github.com/thunlp/MoEfication']);
    expect(parsed.entries.every((entry) => entry.layout === 'search-text' && entry.published === null)).toBe(true);
  });

  it('skips a title left without its abstract by a cut, naming its line', () => {
    const cut = SEARCH.slice(0, SEARCH.indexOf('The source code'));
    const parsed = parseSearchText('search.txt', cut, '2026-11-23');
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.problems.map(formatProblem)).toEqual(['search.txt:7: a title with no abstract at the end of the file (truncated?); skipped']);
  });

  it('ignores a stray blank line with a warning rather than shifting titles and abstracts', () => {
    const text = SEARCH.replace('A shorter abstract', '\nA shorter abstract');
    const parsed = parseSearchText('search.txt', text, '2026-11-23');
    expect(parsed.entries.map((entry) => entry.title)).toEqual(parseSearchText('search.txt', SEARCH, '2026-11-23').entries.map((entry) => entry.title));
    expect(parsed.problems.map(formatProblem)).toEqual(['search.txt:6: a blank line inside search-result text; ignored']);
  });
});
