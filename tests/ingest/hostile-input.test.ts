/**
 * Hostile and messy digests through the command line: whatever a digest holds, every paper file
 * it yields is valid, keeps the title exactly, and renders (GFM) back to exactly the abstract.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { fixtureText, messy, paperSlugs, readPaper, renderBody, runCli, snapshot, test } from '../helpers/ingest.ts';

const BREAKER_TITLES = [
  'Colon: then # hash, \'single\' and "double" quotes',
  '--- dashes first',
  '---',
  '<script>alert("pwned")</script> in a title',
  'key: value',
  '- looks like a list',
  '&anchor *alias !tag %directive @at `tick` | pipe > fold',
  '2024-01-01',
  'null',
];

const ACTIVE_ABSTRACTS = [
  'Stars * and **bold**, _under_ and __double__, snake_case_names and _leading underscores.',
  'Angle brackets <b>bold</b> <script>alert("x")</script> <!-- comment --> and <https://example.org>.',
  'Links [text](https://example.org), ![image](x.png), [ref]: /url and footnotes [^1].',
  'Code `x = 1`, fences ``` and ~~~, strike ~~this~~ and ~that~, a backslash \\ here.',
  'Entities &amp; &copy; &#169; and a lone &; LaTeX habits 8\\% and Q\\&A.',
  '# Not a heading\n\n- not a list\n\n1. not ordered either',
  'Repository at [https://github.com/henry-pay/SpaRTAN] and www.cs.example.edu/~user/.',
  '> not a quote | not | a | table',
  '---',
];

/** Every paper file is valid, and each title is one of the digest's, exactly. */
function expectFaithfulPapers(paths: Parameters<typeof paperSlugs>[0], expected: { title: string; abstract: string }[]) {
  const papers = paperSlugs(paths).map((slug) => readPaper(paths, slug));
  expect(papers.map((paper) => paper.data.title).sort()).toEqual(expected.map((entry) => entry.title).sort());
  for (const paper of papers) {
    const { abstract } = expected.find((entry) => entry.title === paper.data.title)!;
    const rendered = renderBody(paper.body);
    expect(rendered.types.every((type) => type === 'paragraph'), paper.data.title).toBe(true);
    expect(rendered.text, paper.data.title).toBe(abstract);
  }
}

describe.concurrent('hostile titles and abstracts', () => {
  test('come out of API JSON and search text as valid files that read back exactly', async ({ workspace }) => {
    const { cwd, paths, input } = workspace();
    const api = BREAKER_TITLES.map((title, i) => ({ title, abstract: ACTIVE_ABSTRACTS[i]! }));
    const search = ACTIVE_ABSTRACTS.map((abstract, i) => ({ title: `${BREAKER_TITLES[i]} (search)`, abstract: abstract.replaceAll('\n\n', ' ') }));
    const apiFile = input('hostile-api.json', JSON.stringify(api.map(({ title, abstract }) => ({ paper: { title, summary: abstract } }))));
    const searchFile = input('hostile-search.txt', `Subscribe${search.map(({ title, abstract }) => `${title}\n${abstract}\n`).join('')}`);

    const result = await runCli(cwd, '--captured', '2026-01-01', apiFile, searchFile);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`ingest: ${api.length + search.length} added, 0 updated, 0 unchanged, 0 skipped`);
    expectFaithfulPapers(paths, [...api, ...search]);
    expect(paperSlugs(paths).every((slug) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))).toBe(true);

    const before = snapshot(paths.root);
    expect((await runCli(cwd)).stdout).toBe(`ingest: 0 added, 0 updated, ${api.length + search.length} unchanged, 0 skipped`);
    expect(snapshot(paths.root)).toEqual(before);
  });

  test('handle a 1 MB title and a 1 MB abstract', async ({ workspace }) => {
    const { cwd, paths, input } = workspace();
    const hugeTitle = `${'Long '.repeat(200_000)}Title`;
    const hugeAbstract = `${'lorem ipsum dolor '.repeat(60_000)}end.`;
    const file = input('huge.txt', `Subscribe${hugeTitle}\nA short abstract.\nA short title\n${hugeAbstract}\n`);

    const result = await runCli(cwd, file);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ingest: 2 added, 0 updated, 0 unchanged, 0 skipped');
    const slugs = paperSlugs(paths);
    expect(slugs).toEqual(['a-short-title', `${'long-'.repeat(15)}long`]);
    expectFaithfulPapers(paths, [
      { title: hugeTitle, abstract: 'A short abstract.' },
      { title: 'A short title', abstract: hugeAbstract },
    ]);
  });
});

describe.concurrent('messy files', () => {
  test('give the same paper files as clean ones, and are kept byte for byte', async ({ workspace }) => {
    const names = ['page-with-metadata.txt', 'page-without-metadata.txt', 'search-results.txt', 'api-daily-papers.json'];
    const clean = workspace();
    const dirty = workspace();
    const cleanInputs = names.map((name) => clean.input(name, fixtureText(name)));
    const dirtyInputs = names.map((name) => dirty.input(name, messy(fixtureText(name))));

    const [cleanRun, dirtyRun] = await Promise.all([runCli(clean.cwd, ...cleanInputs), runCli(dirty.cwd, ...dirtyInputs)]);
    expect(dirtyRun.status).toBe(0);
    expect(dirtyRun.stdout).toBe(cleanRun.stdout);
    expect(dirtyRun.stdout).toBe('ingest: 12 added, 0 updated, 0 unchanged, 0 skipped');

    const papers = (paths: typeof clean.paths) => new Map([...snapshot(paths.papers)].map(([name, { text }]) => [name, text]));
    expect(papers(dirty.paths)).toEqual(papers(clean.paths));
    expect(readFileSync(dirty.paths.manifest, 'utf8')).toBe(readFileSync(clean.paths.manifest, 'utf8'));
    for (const [i, name] of names.entries()) expect(readFileSync(join(dirty.paths.digests, name))).toEqual(readFileSync(dirtyInputs[i]!));
  });
});
