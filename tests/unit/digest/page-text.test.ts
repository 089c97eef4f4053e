import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/digest/entry.ts';
import { pageHeaderDate, parsePageText } from '../../../src/digest/page-text.ts';
import { fixtureText } from '../../helpers/ingest.ts';

const WITH_METADATA = fixtureText('page-with-metadata.txt');
const WITHOUT_METADATA = fixtureText('page-without-metadata.txt');
const CAPTURED = '2026-04-17';

/** 1-based line of the first line that is exactly `text`. */
function lineOf(source: string, text: string): number {
  const index = source.split('\n').indexOf(text);
  if (index === -1) throw new Error(`"${text}" is not a line of the fixture`);
  return index + 1;
}

describe('a Daily Papers page with metadata blocks', () => {
  const parsed = parsePageText('page.txt', WITH_METADATA, CAPTURED);

  it('is recognised as such and reads every entry without a problem', () => {
    expect(parsed.layout).toBe('page-text-with-metadata');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads title, abstract, author count, organization, date and upvotes of each entry', () => {
    const summary = parsed.entries.map(({ title, authorsCount, organization, published, upvotes }) => ({ title, authorsCount, organization, published, upvotes }));
    expect(summary).toEqual([
      { title: 'TS-LSTM and Temporal-Inception: Exploiting Spatiotemporal Dynamics for Activity Recognition', authorsCount: 4, organization: null, published: '2017-03-30', upvotes: null },
      { title: 'ReMix: Reinforcement routing for mixtures of LoRAs in LLM finetuning', authorsCount: null, organization: { id: 'metaresearch', name: 'Meta Research' }, published: '2026-03-10', upvotes: 4 },
      { title: 'Dr.LLM: Dynamic Layer Routing in LLMs', authorsCount: null, organization: { id: 'parameterlab', name: 'Parameter Lab' }, published: '2025-10-14', upvotes: 2 },
      { title: 'The Dual-Stream Transformer: Channelized Architecture for Interpretable Language Modeling', authorsCount: 1, organization: null, published: '2026-03-07', upvotes: null },
      { title: 'A Paper From Last December', authorsCount: 2, organization: null, published: '2025-12-30', upvotes: 7 },
    ]);
    expect(parsed.entries[0]!.abstract).toBe(
      'Recent two-stream deep Convolutional Neural Networks (ConvNets) have made significant progress in recognizing human actions in videos.',
    );
  });

  it('places each entry at its title line and finds repository links in the abstract', () => {
    for (const entry of parsed.entries) expect(entry.at).toEqual({ line: lineOf(WITH_METADATA, entry.title) });
    expect(parsed.entries[1]!.code).toEqual(['https://github.com/example/remix']);
    expect(parsed.entries.every((entry) => entry.captured === CAPTURED && entry.digest === 'page.txt')).toBe(true);
  });

  it('reads the header day', () => {
    expect(pageHeaderDate(WITH_METADATA)).toEqual({ month: 4, day: 17, year: null, upvotes: null });
  });

  it('keeps the complete entries of a truncated page and reports the cut-off one with its line', () => {
    const cut = WITH_METADATA.slice(0, WITH_METADATA.indexOf('An entry whose year-less date') + 20);
    const truncated = parsePageText('page.txt', cut, CAPTURED);
    expect(truncated.entries.map((entry) => entry.title)).toEqual(parsed.entries.slice(0, 4).map((entry) => entry.title));
    expect(truncated.problems.map(formatProblem)).toEqual([
      `page.txt:${lineOf(WITH_METADATA, 'A Paper From Last December')}: entry at the end of the file has no metadata block (truncated?); skipped`,
    ]);
    expect(truncated.problems[0]!.skipsEntry).toBe(true);
  });

  it('keeps an entry whose metadata block is missing, with a warning', () => {
    const text = WITH_METADATA.replace('\n  • 4 authors\n·\nMar 30, 2017\n', '');
    const result = parsePageText('page.txt', text, CAPTURED);
    expect(result.entries).toHaveLength(5);
    expect(result.entries[0]).toMatchObject({ authorsCount: null, published: null });
    expect(result.problems.map(formatProblem)).toEqual([
      `page.txt:${lineOf(text, result.entries[0]!.title)}: entry has no metadata block (authors, date); kept without it`,
    ]);
  });

  it('reports an impossible date and leaves it empty', () => {
    const result = parsePageText('page.txt', WITH_METADATA.replace('Mar 30, 2017', 'Feb 30, 2017'), CAPTURED);
    expect(result.entries[0]!.published).toBeNull();
    expect(result.problems.map(formatProblem)).toEqual([`page.txt:${lineOf(WITH_METADATA, 'Mar 30, 2017')}: "Feb 30, 2017" is not a real date; left empty`]);
  });
});

describe('a Daily Papers page without metadata blocks', () => {
  it('pairs titles with abstracts', () => {
    const parsed = parsePageText('page.txt', WITHOUT_METADATA, '2026-09-03');
    expect(parsed.layout).toBe('page-text');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.position, entry.title, entry.at])).toEqual([
      [1, 'Dynamic Pyramid Network for Efficient Multimodal Large Language Model', { line: 13 }],
      [2, 'Visual Dependency Transformers: Dependency Tree Emerges from Reversed Attention', { line: 17 }],
      [3, 'Diffusion Language Models are Super Data Learners', { line: 21 }],
    ]);
    expect(parsed.entries[2]!.abstract).toBe(
      'Under strictly controlled pre-training settings, we observe a Crossover: when unique data is limited, diffusion language models surpass autoregressive models.',
    );
    expect(parsed.entries.every((entry) => entry.authorsCount === null && entry.published === null && entry.upvotes === null)).toBe(true);
  });

  it('skips a title cut off before its abstract, naming its line', () => {
    const cut = WITHOUT_METADATA.slice(0, WITHOUT_METADATA.indexOf('Under strictly'));
    const parsed = parsePageText('page.txt', cut, '2026-09-03');
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.problems.map(formatProblem)).toEqual(['page.txt:21: a title with no abstract at the end of the file (truncated?); skipped']);
  });

  it('reads the header day', () => {
    expect(pageHeaderDate(WITHOUT_METADATA)).toEqual({ month: 9, day: 3, year: null, upvotes: null });
  });
});
