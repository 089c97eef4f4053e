import { describe, expect, it } from 'vitest';
import type { DigestEntry } from '../../../src/digest/entry.ts';
import { mergeEntries, withBody } from '../../../src/paper/merge.ts';

function entry(fields: Partial<DigestEntry>): DigestEntry {
  return {
    digest: 'd.txt',
    layout: 'search-text',
    position: 1,
    at: { line: 1 },
    captured: '2026-01-01',
    title: 'A Title',
    abstract: 'An abstract.',
    arxiv: null,
    authors: [],
    authorsCount: null,
    organization: null,
    published: null,
    upvotes: null,
    code: [],
    githubStars: null,
    projectPage: null,
    keywords: [],
    aiSummary: null,
    ...fields,
  };
}

describe('merging the entries of one paper', () => {
  const search = entry({ digest: '001.txt', position: 7, captured: '2026-11-23', title: 'A TITLE!', abstract: 'Short.', code: ['https://github.com/a/from-abstract'] });
  const page = entry({
    digest: '000.txt',
    layout: 'page-text-with-metadata',
    position: 2,
    captured: '2026-04-17',
    abstract: 'Page abstract.',
    organization: { id: 'metaresearch', name: 'Meta Research' },
    published: '2026-03-10',
    upvotes: 4,
  });
  const api = entry({
    digest: '2025-11-06.json',
    layout: 'api-json',
    position: 1,
    at: { index: 0 },
    captured: '2025-11-06',
    title: 'A Title',
    abstract: 'API abstract.',
    arxiv: '2511.03276',
    authors: ['Ada Lovelace', 'Alan Turing'],
    authorsCount: 2,
    published: '2025-11-05',
    upvotes: 45,
    code: ['https://github.com/a/from-api'],
    githubStars: 20,
    keywords: ['k'],
    aiSummary: 'Summary.',
  });

  it('takes each field from the richest source that has it', () => {
    const merged = mergeEntries([search, page, api]);
    expect(merged).toMatchObject({
      title: 'A Title',
      abstract: 'API abstract.',
      arxiv: '2511.03276',
      authors: ['Ada Lovelace', 'Alan Turing'],
      authors_count: 2,
      organization: { id: 'metaresearch', name: 'Meta Research' },
      published: '2025-11-05',
      github_stars: 20,
      keywords: ['k'],
      ai_summary: 'Summary.',
      project_page: null,
    });
    expect(merged.code).toEqual(['https://github.com/a/from-api', 'https://github.com/a/from-abstract']);
  });

  it('lets a richer source fill only the gaps of a poorer one', () => {
    const merged = mergeEntries([search, page]);
    expect(merged).toMatchObject({ title: 'A Title', abstract: 'Page abstract.', arxiv: null, authors: [], authors_count: null, published: '2026-03-10' });
  });

  it('takes upvotes from the latest capture that counted them', () => {
    expect(mergeEntries([page, api])).toMatchObject({ upvotes: 4, upvotes_as_of: '2026-04-17' });
    expect(mergeEntries([search])).toMatchObject({ upvotes: null, upvotes_as_of: null });
  });

  it('lists every source, 1-based, by capture date', () => {
    expect(mergeEntries([search, page, api]).sources).toEqual([
      { digest: '2025-11-06.json', position: 1, captured: '2025-11-06' },
      { digest: '000.txt', position: 2, captured: '2026-04-17' },
      { digest: '001.txt', position: 7, captured: '2026-11-23' },
    ]);
  });

  it('writes the body from the merged abstract, Markdown escaped, keeping every field', () => {
    const merged = mergeEntries([entry({ abstract: 'Uses *stars* and snake_case.\n\n# Not a heading.' })]);
    expect(withBody(merged)).toEqual({ ...merged, body: 'Uses \\*stars\\* and snake_case.\n\n\\# Not a heading.' });
  });

  it('does not depend on the order the entries come in', () => {
    expect(mergeEntries([api, search, page])).toEqual(mergeEntries([search, page, api]));
  });
});
