import { describe, expect, it } from 'vitest';
import { parseVmRss } from '../../scripts/bench/measure.ts';
import { pagefindSeconds } from '../../scripts/bench/run-size.ts';
import { pageAssets } from '../../scripts/bench/page-weight.ts';
import { diffSnapshots, touched } from '../../scripts/bench/snapshot.ts';
import { requestKind } from '../../scripts/bench/title-query.ts';

describe('page assets', () => {
  it('counts the scripts and styles a page loads by itself, and not JSON data blocks', () => {
    const html = [
      '<head><script>var a=1</script><script defer src="../../scripts/theme.js"></script>',
      '<script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>',
      '<script type="module" src=/x.js></script><link rel="modulepreload" href="./m.js">',
      '<link rel="stylesheet" href="../../styles/site.css"><link rel="icon" href="icon.svg"><style>p{margin:0}</style></head>',
    ].join('');
    expect(pageAssets(html)).toEqual({
      scripts: ['../../scripts/theme.js', '/x.js', './m.js'],
      inlineScriptBytes: 'var a=1'.length,
      stylesheets: ['../../styles/site.css'],
      inlineStyleBytes: 'p{margin:0}'.length,
    });
  });
});

describe('process memory', () => {
  it('reads VmRSS from /proc/<pid>/status, in bytes', () => {
    expect(parseVmRss('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  153600 kB\nThreads: 7\n')).toBe(153600 * 1024);
    expect(parseVmRss('Name:\tzombie\nState:\tZ (zombie)\n')).toBe(0);
  });
});

describe('content snapshots', () => {
  const file = (hash: string, mtimeMs = 1, ino = 1) => ({ hash, mtimeMs, ino });
  it('count a file as written when its bytes, time or inode changed', () => {
    const before = new Map([['a.md', file('x')], ['b.md', file('y')], ['c.md', file('z')], ['gone.md', file('q')]]);
    const after = new Map([['a.md', file('x')], ['b.md', file('y', 2)], ['c.md', file('z', 1, 9)], ['new.md', file('n')]]);
    const diff = diffSnapshots(before, after);
    expect(diff).toEqual({ added: ['new.md'], changed: ['b.md', 'c.md'], removed: ['gone.md'] });
    expect(touched(diff)).toEqual(['b.md', 'c.md', 'gone.md', 'new.md']);
  });
});

describe('title query breakdown', () => {
  it.each([
    ['/pagefind/fragment/en_1a2b.pf_fragment', 'pagefind fragments'],
    ['/pagefind/index/en_3c4d.pf_index', 'pagefind index'],
    ['/pagefind/pagefind.en_dd1c16f64d.pf_meta', 'pagefind metadata'],
    ['/pagefind/wasm.en.pagefind', 'pagefind wasm'],
    ['/pagefind/2024-01-01/fragment/en_1a2b.pf_fragment', 'pagefind fragments'],
    ['/pagefind/0000-00-00.2/index/en_3c4d.pf_index', 'pagefind index'],
    ['/pagefind/2024-01-01/filter/en_5e6f.pf_filter', 'pagefind filters'],
    ['/pagefind/2024-01-01/pagefind-entry.json', 'pagefind metadata'],
    ['/pagefind/shards.json', 'pagefind metadata'],
    ['/pagefind/2024-01-01/wasm.en.pagefind', 'pagefind wasm'],
    ['/pagefind/2024-01-01/pagefind.js', 'javascript'],
    ['/pagefind/pagefind.js', 'javascript'],
    ['/styles/site.css', 'css'],
    ['/icon.svg', 'other'],
  ])('%s is %s', (path, kind) => {
    expect(requestKind(path)).toBe(kind);
  });
});

describe("Pagefind's time within a build", () => {
  it('is read from the line the Pagefind integration logs', () => {
    const log = '12:00:01 [build] generating\n12:00:40 [reading-list:pagefind] Pagefind indexed 10025 pages in 26.07 s, beside the build.\n';
    expect(pagefindSeconds(log)).toBe(26.07);
    expect(pagefindSeconds('12:00:40 [reading-list:pagefind] Pagefind skipped: SKIP_PAGEFIND=1.')).toBeNull();
  });
});
