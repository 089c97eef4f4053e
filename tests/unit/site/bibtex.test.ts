import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexEscape } from '../../../src/site/bibtex.ts';

describe('bibtexEscape', () => {
  it.each([
    ['Plain title', 'Plain title'],
    ['50% & more', '50\\% \\& more'],
    ['$x_1$ #1', '\\$x\\_1\\$ \\#1'],
    ['{unbalanced', '\\{unbalanced'],
    ['a}b{c', 'a\\}b\\{c'],
    ['back\\slash', 'back\\textbackslash{}slash'],
    ['x^2 ~ y', 'x\\^{}2 \\~{} y'],
    ['line\nbreak\ttab', 'line break tab'],
    ['Ünïcödé stays', 'Ünïcödé stays'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('%j → %j', (value, expected) => {
    expect(bibtexEscape(value)).toBe(expected);
  });

  it('always leaves braces balanced', () => {
    for (const value of ['}}}', '{{{', '\\{', '}{', 'a\\}']) {
      const escaped = bibtexEscape(value).replace(/\\[{}]/g, '');
      let depth = 0;
      for (const character of escaped) {
        depth += character === '{' ? 1 : character === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
});

describe('bibtexEntry', () => {
  it('writes real authors, the year and the arXiv eprint', () => {
    expect(
      bibtexEntry({ key: 'mamba', title: 'Mamba: Linear-Time Sequence Modeling', authors: ['Albert Gu', 'Tri Dao'], year: 2023, arxiv: '2312.00752', url: 'https://arxiv.org/abs/2312.00752' }),
    ).toBe(
      [
        '@misc{mamba,',
        '  title = {{Mamba: Linear-Time Sequence Modeling}},',
        '  author = {Albert Gu and Tri Dao},',
        '  year = {2023},',
        '  eprint = {2312.00752},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2312.00752}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what is not known, rather than writing empty fields', () => {
    const entry = bibtexEntry({ key: 'x', title: 'T', authors: [], year: null, arxiv: null, url: 'https://h.example/papers/x/' });
    expect(entry).toBe('@misc{x,\n  title = {{T}},\n  url = {https://h.example/papers/x/}\n}\n');
  });

  it('braces a name holding "and", so BibTeX does not split it', () => {
    expect(bibtexEntry({ key: 'k', title: 'T', authors: ['Research and Development Team', 'B'], year: null, arxiv: null, url: 'https://a.example/' })).toContain(
      'author = {{Research and Development Team} and B}',
    );
  });

  it('escapes the title and skips a URL it cannot write verbatim', () => {
    const entry = bibtexEntry({ key: 'k', title: '100% {Robust} & <Fast>', authors: [], year: null, arxiv: null, url: 'javascript:alert(1)' });
    expect(entry).toContain('title = {{100\\% \\{Robust\\} \\& <Fast>}}');
    expect(entry).not.toContain('url');
  });

  it('refuses a key BibTeX cannot read', () => {
    expect(() => bibtexEntry({ key: 'a b', title: 'T', authors: [], year: null, arxiv: null, url: 'https://a.example/' })).toThrow(/BibTeX key/);
  });
});

describe('long author lists', () => {
  it('name the first authors and then "others", when asked to', () => {
    const entry = bibtexEntry({ key: 'k', title: 'T', authors: ['A One', 'B Two', 'C Three'], maxAuthors: 2, year: null, arxiv: null, url: 'https://x.example/' });
    expect(entry).toContain('author = {A One and B Two and others}');
    expect(bibtexEntry({ key: 'k', title: 'T', authors: ['A One', 'B Two'], maxAuthors: 2, year: null, arxiv: null, url: 'https://x.example/' })).toContain('author = {A One and B Two}');
  });
});
