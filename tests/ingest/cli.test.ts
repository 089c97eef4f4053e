/**
 * `node scripts/ingest.ts` end to end, in a fresh working folder per test (the command reads and
 * writes ./content). Today is the machine's date here, so dates are given with --captured or
 * derived with the same rule the command uses.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { resolveYearless } from '../../src/digest/dates.ts';
import { digestManifestSchema } from '../../src/digest/manifest.ts';
import { editFile, fixture, fixtureText, ingestLayoutFixtures, LAYOUT_FIXTURES, paperSlugs, readPaper, realToday, runCli, snapshot, summaryCounts, temporaryFiles, test } from '../helpers/ingest.ts';

const REMIX = 'remix-reinforcement-routing-for-mixtures-of-loras-in-llm-finetuning';
const DUAL_STREAM = 'the-dual-stream-transformer-channelized-architecture-for-interpretable-language';
const DIFFUSION = 'diffusion-language-models-are-super-data-learners';

function manifest(paths: { manifest: string }) {
  return digestManifestSchema.parse(JSON.parse(readFileSync(paths.manifest, 'utf8')));
}

describe.concurrent('ingest command', () => {
  test('prints its usage with --help and refuses a bad --captured with exit code 2', async ({ workspace }) => {
    const { cwd } = workspace();
    const help = await runCli(cwd, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run ingest -- \[options\] \[digest files\.\.\.\]/);
    expect(help.stdout).toContain('--dry-run');
    expect(help.stdout).toContain('--captured YYYY-MM-DD');

    const badDate = await runCli(cwd, '--captured', '2026-02-30', fixture('search-results.txt'));
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--captured must be a real date written YYYY-MM-DD, not "2026-02-30"');
    expect(existsSync(join(cwd, 'content'))).toBe(false);
  });

  test('adds digests of every layout: copies them unchanged, records them, writes one valid file per paper, and changes nothing on a re-run', async ({ workspace }) => {
    const ws = workspace();
    const { cwd, paths } = ws;
    const result = await ingestLayoutFixtures(ws);
    expect(result.stdout).toBe('ingest: 12 added, 0 updated, 0 unchanged, 0 skipped');

    expect(readdirSync(paths.digests).sort()).toEqual([...LAYOUT_FIXTURES].sort());
    for (const name of LAYOUT_FIXTURES) expect(readFileSync(join(paths.digests, name))).toEqual(readFileSync(fixture(name)));

    expect(manifest(paths)).toEqual({
      'api-daily-papers.json': { captured: '2025-11-06', captured_from: 'header', layout: 'api-json', entries: 3 },
      'api-next-day.json': { captured: '2025-11-07', captured_from: 'header', layout: 'api-json', entries: 1 },
      'page-with-metadata.txt': { captured: resolveYearless(4, 17, realToday()), captured_from: 'header', layout: 'page-text-with-metadata', entries: 5 },
      'page-without-metadata.txt': { captured: resolveYearless(9, 3, realToday()), captured_from: 'header', layout: 'page-text', entries: 3 },
      'search-results.txt': { captured: realToday(), captured_from: 'today', layout: 'search-text', entries: 3 },
    });

    const slugs = paperSlugs(paths);
    expect(slugs).toHaveLength(12);
    for (const slug of slugs) expect(readPaper(paths, slug).data.added).toBe(realToday());
    expect(readPaper(paths, REMIX).data).toMatchObject({
      organization: { id: 'metaresearch', name: 'Meta Research' },
      upvotes: 4,
      sources: [
        { digest: 'page-with-metadata.txt', position: 2 },
        { digest: 'search-results.txt', position: 2 },
      ],
    });
    expect(temporaryFiles(paths.root)).toEqual([]);

    // Run again, with or without the inputs: no byte changes, no file is even touched.
    const before = snapshot(paths.root);

    const again = await runCli(cwd);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('ingest: 0 added, 0 updated, 12 unchanged, 0 skipped');
    expect(snapshot(paths.root)).toEqual(before);

    const withInputs = await runCli(cwd, ...LAYOUT_FIXTURES.map(fixture));
    expect(withInputs.status).toBe(0);
    expect(summaryCounts(withInputs.stdout)).toEqual({ added: 0, updated: 0, unchanged: 12, skipped: 0 });
    expect(snapshot(paths.root)).toEqual(before);
  });

  test('writes nothing with --dry-run, and says what it would do', async ({ workspace }) => {
    const fresh = workspace();
    const preview = await runCli(fresh.cwd, '--dry-run', fixture('search-results.txt'));
    expect(preview.status).toBe(0);
    expect(preview.stdout.split('\n')).toEqual([
      'ingest (dry run, nothing written): 3 added, 0 updated, 0 unchanged, 0 skipped',
      '  add content/papers/blockwise-flow-matching-improving-flow-matching-models-for-efficient-high.md',
      '  add content/papers/moefication-transformer-feed-forward-layers-are-mixtures-of-experts.md',
      `  add content/papers/${REMIX}.md`,
    ]);
    expect(existsSync(fresh.paths.root)).toBe(false);

    // A newer API capture of a paper already on disk: the dry run names the update and touches nothing.
    const { cwd, paths } = workspace();
    expect((await runCli(cwd, ...LAYOUT_FIXTURES.filter((name) => name !== 'api-next-day.json').map(fixture))).status).toBe(0);
    const before = snapshot(paths.root);
    const change = await runCli(cwd, '--dry-run', fixture('api-next-day.json'));
    expect(change.status).toBe(0);
    expect(change.stdout.split('\n')).toEqual([
      'ingest (dry run, nothing written): 0 added, 1 updated, 11 unchanged, 0 skipped',
      `  update content/papers/${DIFFUSION}.md (title, authors, authors_count, upvotes, upvotes_as_of, sources, body)`,
    ]);
    expect(snapshot(paths.root)).toEqual(before);
  });

  test('records --captured in content/digests.json and reads year-less dates by it, then and later', async ({ workspace }) => {
    const { cwd, paths } = workspace();
    const first = await runCli(cwd, '--captured', '2026-03-08', fixture('page-with-metadata.txt'));
    expect(first.status).toBe(0);
    expect(manifest(paths)['page-with-metadata.txt']).toEqual({ captured: '2026-03-08', captured_from: 'flag', layout: 'page-text-with-metadata', entries: 5 });
    expect(readPaper(paths, REMIX).data).toMatchObject({ published: '2025-03-10', upvotes_as_of: '2026-03-08', sources: [{ captured: '2026-03-08' }] });
    expect(readPaper(paths, DUAL_STREAM).data.published).toBe('2026-03-07');

    const before = snapshot(paths.root);
    expect((await runCli(cwd)).stdout).toBe('ingest: 0 added, 0 updated, 5 unchanged, 0 skipped');
    expect(snapshot(paths.root)).toEqual(before);

    // Correcting the recorded date re-dates the digest's papers.
    editFile(paths.manifest, (text) => text.replace('"captured": "2026-03-08"', '"captured": "2026-04-17"'));
    expect((await runCli(cwd)).stdout).toBe('ingest: 0 added, 5 updated, 0 unchanged, 0 skipped');
    expect(readPaper(paths, REMIX).data).toMatchObject({ published: '2026-03-10', upvotes_as_of: '2026-04-17' });
    expect(manifest(paths)['page-with-metadata.txt']).toMatchObject({ captured: '2026-04-17', captured_from: 'flag' });
  });

  test('exits 1 for an input that yields no paper, and does not keep it, while ingesting the others', async ({ workspace }) => {
    const { cwd, paths, input } = workspace();
    const empty = input('empty.txt', '');
    const binary = input('image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const result = await runCli(cwd, empty, fixture('search-results.txt'), binary);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'ingest: 3 added, 0 updated, 0 unchanged, 0 skipped',
      `no paper found in: ${empty}, ${binary}`,
      'warnings (2):',
      `  ${empty}: the file is empty`,
      `  ${binary}: binary data (a NUL byte at offset 8), not a text digest`,
    ]);
    expect(readdirSync(paths.digests)).toEqual(['search-results.txt']);
    expect(paperSlugs(paths)).toHaveLength(3);
  });

  test('refuses two different inputs under one file name, writing nothing', async ({ workspace }) => {
    const { cwd, paths } = workspace();
    const other = join(cwd, 'search-results.txt');
    writeFileSync(other, 'SubscribeSomething else\nEntirely.\n');
    const result = await runCli(cwd, fixture('search-results.txt'), other);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'ingest: failed, nothing was written. 1 problem(s):',
      `  ${other}: has the same file name as ${fixture('search-results.txt')}; content/digests/ needs distinct names, rename one`,
    ]);
    expect(existsSync(paths.root)).toBe(false);
  });

  test('reports damaged entries as `file:line` or `file [index N]` warnings and keeps the rest', async ({ workspace }) => {
    const { cwd, paths, input } = workspace();
    const api = readFileSync(fixture('api-daily-papers.json'), 'utf8');
    const cut = api.slice(0, api.indexOf('"Let Multimodal Embedders'));
    const truncated = input('truncated.json', cut);
    const cutLine = cut.split('\n').lastIndexOf('  {') + 1;
    const mixed = input('mixed.json', JSON.stringify({ papers: [42, JSON.parse(api)[1], null] }));
    const search = input('search.txt', fixtureText('search-results.txt').replace(/The source code[^\n]*\n/, ''));

    const result = await runCli(cwd, truncated, mixed, search);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('ingest: 4 added, 0 updated, 0 unchanged, 3 skipped');
    expect(lines[1]).toBe('warnings (4):');
    expect(lines[2]!.startsWith(`  ${truncated}:${cutLine}: the JSON is cut off here (`)).toBe(true);
    expect(lines[2]!.endsWith('); kept the 2 complete entries before it')).toBe(true);
    expect(lines.slice(3)).toEqual([
      `  ${mixed} [index 0]: entry is a number, not an object; skipped`,
      `  ${mixed} [index 2]: entry is null, not an object; skipped`,
      `  ${search}:7: a title with no abstract at the end of the file (truncated?); skipped`,
    ]);
    expect(paperSlugs(paths)).toHaveLength(4);
  });
});
