import { describe, expect, it } from 'vitest';
import { canonicalRepoUrl, findRepoLinks, safeExternalUrl } from '../../../src/digest/links.ts';

describe('repository links', () => {
  it.each([
    ['https://github.com/thunlp/MoEfication', 'https://github.com/thunlp/MoEfication'],
    ['http://www.GitHub.com/a/b.git', 'https://github.com/a/b'],
    ['https://gitlab.com/group/project/-/tree/main', 'https://gitlab.com/group/project'],
    ['  https://github.com/a/b.  ', 'https://github.com/a/b'],
    ['https://example.com/a/b', null],
    ['github.com/a/b', null],
    ['see https://github.com/a/b', null],
  ])('%j is %j', (value, expected) => {
    expect(canonicalRepoUrl(value)).toBe(expected);
  });

  it('finds every repository in an abstract, in order, without duplicates or trailing punctuation', () => {
    const abstract = 'Code: https://github.com/a/b. Data at (https://gitlab.com/c/d), mirror https://GITHUB.com/a/b.git and https://example.org/x/y.';
    expect(findRepoLinks(abstract)).toEqual(['https://github.com/a/b', 'https://gitlab.com/c/d']);
  });

  it('finds a link at the very start of a text, whatever was read before', () => {
    expect(canonicalRepoUrl('https://github.com/some-owner/a-rather-long-repository-name')).not.toBeNull();
    expect(findRepoLinks('https://github.com/a/b holds the code.')).toEqual(['https://github.com/a/b']);
  });
});

describe('external URLs', () => {
  it.each([
    ['https://trade-bench.live/', 'https://trade-bench.live/'],
    ['http://example.org/page', 'https://example.org/page'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['/relative/path', null],
    ['https://user:secret@example.org/', null],
    ['https://exa mple.org/', null],
    ['https://localhost/', null],
    [42, null],
  ])('%j becomes %j', (value, expected) => {
    expect(safeExternalUrl(value)).toBe(expected);
  });
});
