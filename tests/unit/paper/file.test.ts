import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/digest/entry.ts';
import { parsePaper, serializePaper } from '../../../src/paper/file.ts';
import { paperSchema, type PaperFrontmatter } from '../../../src/paper/schema.ts';

const schema = paperSchema({ topics: new Set(['diffusion-models']) });

function paper(fields: Partial<PaperFrontmatter>): PaperFrontmatter {
  return paperSchema().parse({ title: 'A title', added: '2026-11-23', ...fields });
}

function problemsOf(text: string): string[] {
  const parsed = parsePaper('content/papers/x.md', text, schema);
  return 'problems' in parsed ? parsed.problems.map(formatProblem) : [];
}

const VALID = `---
title: A title
authors: [Ada Lovelace]
upvotes: 3
topics: [diffusion-models]
added: 2026-11-23
---

The abstract.
`;

describe('paper files', () => {
  it.each([
    'Colon: then # hash, \'single\' and "double" quotes',
    '--- dashes first',
    '---',
    'key: value',
    '<script>alert("pwned")</script>',
    '- looks like a list',
    '? looks like a key',
    '[looks, like, a, list]',
    '{looks: like, a: map}',
    '&anchor *alias !tag %directive @at `tick` | pipe > fold',
    'null',
    'true',
    'Yes',
    '2024-01-01',
    '0x1F',
    '1e3',
    '.inf',
    '~',
    'trailing colon:',
    'back\\slash',
    'é ü 漢字 — ünïcödé',
  ])('keeps the title %j exactly through YAML', (title) => {
    const data = paper({ title });
    const parsed = parsePaper('x.md', serializePaper({ data, body: 'Body.' }), schema);
    expect(parsed).toEqual({ paper: { data, body: 'Body.' } });
  });

  it('keeps a multi-line note holding a `---` line, and every other field, exactly', () => {
    const data = paper({
      arxiv: '2405.15738',
      authors: ["O'Brien, \"Quoted\"", 'Name: With Colon'],
      authors_count: 2,
      organization: { id: 'metaresearch', name: 'Meta Research' },
      published: '2024-05-24',
      upvotes: 0,
      upvotes_as_of: '2024-05-27',
      code: ['https://github.com/a/b'],
      github_stars: 12,
      project_page: 'https://example.org/p?q=1#frag',
      keywords: ['#hash', 'a: b'],
      ai_summary: "It's a summary: with # and ---",
      topics: ['diffusion-models'],
      sources: [{ digest: '000_a.txt', position: 3, captured: '2026-04-17' }],
      status: 'reading',
      note: 'line one\n---\nline three: # not a comment',
      dropped: true,
    });
    const text = serializePaper({ data, body: 'Body.' });
    expect(parsePaper('x.md', text, schema)).toEqual({ paper: { data, body: 'Body.' } });
    expect(serializePaper({ data, body: 'Body.' })).toBe(text);
  });

  it('accepts a hand-saved file with a BOM, CRLF and unquoted dates', () => {
    const parsed = parsePaper('x.md', `\uFEFF${VALID.replaceAll('\n', '\r\n')}`, schema);
    expect(parsed).toMatchObject({ paper: { data: { title: 'A title', added: '2026-11-23', upvotes: 3 }, body: 'The abstract.' } });
  });

  it('names the field of a wrong type', () => {
    expect(problemsOf(VALID.replace('upvotes: 3', 'upvotes: many'))).toEqual(['content/papers/x.md (field `upvotes`): Invalid input: expected number, received string']);
    expect(problemsOf(VALID.replace('authors: [Ada Lovelace]', 'authors: Ada Lovelace'))).toEqual([
      'content/papers/x.md (field `authors`): Invalid input: expected array, received string',
    ]);
  });

  it('names an unknown topic', () => {
    expect(problemsOf(VALID.replace('[diffusion-models]', '[diffusion-models, no-such-topic]'))).toEqual([
      'content/papers/x.md (field `topics.1`): unknown topic "no-such-topic" (no content/topics/no-such-topic.md)',
    ]);
  });

  it('names each unknown field, such as a `topic:` typo', () => {
    expect(problemsOf(VALID.replace('topics:', 'topic:').replace('upvotes: 3', 'upvotes: 3\norganization: {id: a, name: b, url: c}'))).toEqual([
      'content/papers/x.md (field `organization.url`): unknown field (a typo?)',
      'content/papers/x.md (field `topic`): unknown field (a typo?)',
    ]);
  });

  it('refuses a link that is not https', () => {
    expect(problemsOf(VALID.replace('added:', 'project_page: "javascript:alert(1)"\nadded:'))).toEqual([
      'content/papers/x.md (field `project_page`): expected a well-formed https:// URL',
    ]);
  });

  it('names the line where the YAML breaks', () => {
    // Line 1 is `---`; the breaks are on lines 4 and 5 (an unclosed list shows on the line after it).
    expect(problemsOf(VALID.replace('upvotes: 3', 'upvotes: 3: or 4'))).toEqual(['content/papers/x.md:4: broken YAML: bad indentation of a mapping entry']);
    expect(problemsOf(VALID.replace('topics: [diffusion-models]', 'topics: [diffusion-models'))).toEqual([
      'content/papers/x.md:6: broken YAML: missed comma between flow collection entries',
    ]);
  });

  it('reports every problem of a file, not just the first', () => {
    const text = VALID.replace('upvotes: 3', 'upvotes: -1').replace('added: 2026-11-23', 'added: 2026-02-30').replace('title: A title', 'title: ""');
    expect(problemsOf(text).map((problem) => /field `([^`]+)`/.exec(problem)?.[1])).toEqual(['title', 'upvotes', 'added']);
  });

  it('refuses a file without frontmatter fences', () => {
    expect(problemsOf('title: x\n')).toEqual(['content/papers/x.md:1: the file must start with a `---` line opening the frontmatter']);
    expect(problemsOf('---\ntitle: x\nadded: 2026-11-23\n')).toEqual(['content/papers/x.md: the frontmatter has no closing `---` line']);
  });
});
