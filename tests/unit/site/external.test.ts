import { describe, expect, it } from 'vitest';
import { editUrl, externalHref, paperLinks, repositoryLabel } from '../../../src/site/external.ts';

const paper = { title: 'Mamba: Linear-Time Sequence Modeling', arxiv: null, code: [] as string[], project_page: null };

describe('paperLinks', () => {
  it('links the arXiv abstract, PDF and Hugging Face page when the id is known', () => {
    expect(paperLinks({ ...paper, arxiv: '2312.00752' })).toEqual([
      { label: 'arXiv abstract', href: 'https://arxiv.org/abs/2312.00752' },
      { label: 'PDF', href: 'https://arxiv.org/pdf/2312.00752' },
      { label: 'Hugging Face paper page', href: 'https://huggingface.co/papers/2312.00752' },
    ]);
  });

  it('searches by title when there is no id, with the title encoded', () => {
    const [arxiv, scholar] = paperLinks({ ...paper, title: 'A & B: <x> 100%?' });
    expect(arxiv!.href).toBe('https://arxiv.org/search/?query=A+%26+B%3A+%3Cx%3E+100%25%3F&searchtype=title');
    expect(scholar!.href).toBe('https://www.semanticscholar.org/search?q=A+%26+B%3A+%3Cx%3E+100%25%3F');
    expect(new URL(arxiv!.href).searchParams.get('query')).toBe('A & B: <x> 100%?');
  });

  it('adds code repositories and the project page, and drops any link that is not https', () => {
    const links = paperLinks({ ...paper, code: ['https://github.com/state-spaces/mamba', 'javascript:alert(1)'], project_page: 'https://mamba.example/' });
    expect(links.slice(2)).toEqual([
      { label: 'Code: github.com/state-spaces/mamba', href: 'https://github.com/state-spaces/mamba' },
      { label: 'Project page', href: 'https://mamba.example/' },
    ]);
  });
});

describe('externalHref', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['http://www.example.org/x', 'https://www.example.org/x'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['/relative', null],
    ['https://user:pw@example.org/', null],
    ['https://localhost/', null],
  ])('%j → %j', (url, expected) => {
    expect(externalHref(url)).toBe(expected);
  });

  it('labels a repository by host and path', () => {
    expect(repositoryLabel('https://www.github.com/a/b/')).toBe('github.com/a/b');
  });
});

describe('editUrl', () => {
  it('points at the paper file on the branch', () => {
    expect(editUrl({ repoUrl: 'https://github.com/me/list', repoBranch: 'main' }, 'some-slug')).toBe('https://github.com/me/list/edit/main/content/papers/some-slug.md');
    expect(editUrl({ repoUrl: 'https://github.com/me/list', repoBranch: 'release/2026' }, 'x')).toBe('https://github.com/me/list/edit/release/2026/content/papers/x.md');
  });

  it('is null without a repository, or with one that is not https', () => {
    expect(editUrl({ repoUrl: null, repoBranch: 'main' }, 'x')).toBeNull();
    expect(editUrl({ repoUrl: 'javascript:alert(1)', repoBranch: 'main' }, 'x')).toBeNull();
  });
});
