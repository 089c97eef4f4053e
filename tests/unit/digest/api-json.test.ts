import { describe, expect, it } from 'vitest';
import { apiHeaderDate, parseApiJson } from '../../../src/digest/api-json.ts';
import { formatProblem } from '../../../src/digest/entry.ts';
import { fixtureText } from '../../helpers/ingest.ts';

const API = fixtureText('api-daily-papers.json');
const ENTRIES = JSON.parse(API) as unknown[];
const CAPTURED = '2025-11-06';

function parse(source: string) {
  const parsed = parseApiJson('api.json', source, CAPTURED);
  return { ...parsed, titles: parsed.entries.map((entry) => entry.title), warnings: parsed.problems.map(formatProblem) };
}

/** 1-based line on which the `n`th (0-based) top-level element of the pretty-printed fixture opens. */
function elementLine(n: number): number {
  const lines = API.split('\n');
  return lines.map((line, i) => (line === '  {' ? i + 1 : 0)).filter(Boolean)[n]!;
}

describe('daily-papers API JSON', () => {
  it('keeps what a reader wants from each entry', () => {
    const { entries, problems } = parse(API);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({
      digest: 'api.json',
      layout: 'api-json',
      position: 1,
      at: { index: 0 },
      captured: CAPTURED,
      title: 'Diffusion Language Models are Super Data Learners',
      abstract: 'Under strictly controlled pre-training settings, we observe a Crossover: when unique data is limited, diffusion language models surpass autoregressive models.',
      arxiv: '2511.03276',
      authors: ['Jinjie Ni', 'Qian Liu', 'Longxu Dou'],
      authorsCount: 3,
      organization: { id: 'NationalUniversityofSingapore', name: 'National University of Singapore' },
      published: '2025-11-05',
      upvotes: 45,
      code: ['https://github.com/JinjieNi/MegaDLMs'],
      githubStars: 20,
      projectPage: 'https://github.com/JinjieNi/dlms-are-super-data-learners',
      keywords: ['diffusion language models', 'autoregressive models', 'Monte Carlo augmentation'],
      aiSummary: 'Diffusion language models outperform autoregressive models in low-data settings.',
    });
  });

  it('keeps paragraphs and leaves absent metadata empty', () => {
    const [, second, third] = parse(API).entries;
    expect(second!.abstract).toBe('Large language models (LLMs) achieve strong performance across benchmarks.\n\nWe introduce LiveTradeBench, a live trading environment.');
    expect(second).toMatchObject({ organization: null, projectPage: 'https://trade-bench.live/', githubStars: 24, keywords: [], aiSummary: null });
    expect(third).toMatchObject({ position: 3, authorsCount: 5, code: [], githubStars: null, projectPage: null, organization: null });
  });

  it('dates the digest by the latest day an entry was put on the list', () => {
    expect(apiHeaderDate(API)).toBe('2025-11-06');
    expect(apiHeaderDate(JSON.stringify({ papers: ENTRIES }))).toBe('2025-11-06');
    expect(apiHeaderDate(API.slice(0, API.lastIndexOf('"paper"')))).toBe('2025-11-06');
  });

  it('unwraps a wrapper object', () => {
    for (const key of ['papers', 'dailyPapers', 'data', 'anything']) {
      const wrapped = parse(JSON.stringify({ count: 3, [key]: ENTRIES }));
      expect(wrapped.titles).toEqual(parse(API).titles);
      expect(wrapped.problems).toEqual([]);
    }
  });

  it('reads a lone entry object', () => {
    expect(parse(JSON.stringify(ENTRIES[1])).titles).toEqual(['LiveTradeBench: Seeking Real-World Alpha with Large Language Models']);
  });

  it('salvages the complete entries of a truncated file and warns with the line of the cut', () => {
    const cut = API.slice(0, API.indexOf('Let Multimodal Embedders'));
    const { titles, warnings, problems } = parse(cut);
    expect(titles).toEqual(parse(API).titles.slice(0, 2));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^api\\.json:${elementLine(2)}: the JSON is cut off here \\(.+\\); kept the 2 complete entries before it$`));
    expect(problems[0]!.skipsEntry).toBeUndefined();
  });

  it('skips entries that are not objects, naming their array index, and keeps their neighbours', () => {
    const source = JSON.stringify([ENTRIES[0], 42, null, 'a string', ['an', 'array'], true, ENTRIES[1]]);
    const { titles, warnings, problems } = parse(source);
    expect(titles).toEqual(parse(API).titles.slice(0, 2));
    expect(warnings).toEqual([
      'api.json [index 1]: entry is a number, not an object; skipped',
      'api.json [index 2]: entry is null, not an object; skipped',
      'api.json [index 3]: entry is a string, not an object; skipped',
      'api.json [index 4]: entry is an array, not an object; skipped',
      'api.json [index 5]: entry is a boolean, not an object; skipped',
    ]);
    expect(problems.every((problem) => problem.skipsEntry)).toBe(true);
    expect(parse(source).entries.map((entry) => entry.position)).toEqual([1, 7]);
  });

  it('skips a malformed entry in the middle, reporting its line and index, and keeps the entries after it', () => {
    const source = `[\n${JSON.stringify(ENTRIES[0])},\n{"title": not json},\n${JSON.stringify(ENTRIES[1])}\n]\n`;
    const { titles, warnings } = parse(source);
    expect(titles).toEqual(parse(API).titles.slice(0, 2));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^api\.json:3: the JSON is malformed here \(.+\); kept the 2 readable entries around it$/);
    expect(warnings[1]).toMatch(/^api\.json \[index 1\]: not valid JSON \(.+\); skipped$/);
  });

  it('refuses unsafe or malformed links and ids, keeping the entry', () => {
    const entry = {
      paper: { id: 'not-an-id', title: 'Hostile links', summary: 'x', projectPage: 'javascript:alert(1)', githubRepo: 'https://example.com/not/a-repo' },
    };
    const { entries, warnings } = parse(JSON.stringify([entry]));
    expect(entries[0]).toMatchObject({ arxiv: null, projectPage: null, code: [] });
    expect(warnings).toEqual([
      'api.json [index 0]: "not-an-id" is not an arXiv id; left empty',
      'api.json [index 0]: githubRepo "https://example.com/not/a-repo" is not a GitHub or GitLab repository URL; left out',
      'api.json [index 0]: projectPage "javascript:alert(1)" is not an http(s) URL; left out',
    ]);
  });

  it('drops the version of an arXiv id and skips an entry with no title', () => {
    const { entries, warnings } = parse(JSON.stringify([{ paper: { id: '2405.15738v3', title: 'T', summary: 's' } }, { paper: { id: '2405.15739' } }]));
    expect(entries.map((entry) => entry.arxiv)).toEqual(['2405.15738']);
    expect(warnings).toEqual(['api.json [index 1]: entry has no title; skipped']);
  });

  it('reports JSON that holds no entry array', () => {
    expect(parse('{"error": "rate limited"}').warnings).toEqual(['api.json: JSON holds no array of daily-papers entries']);
    expect(parse('{"error": ').warnings[0]).toMatch(/^api\.json: not valid JSON and no entry array to salvage/);
  });
});
