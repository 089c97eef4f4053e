import { describe, expect, it } from 'vitest';
import { sizeFigures, stage } from './fixtures.ts';
import { checkBudgets } from '../../scripts/bench/budgets.ts';
import type { BenchFigures } from '../../scripts/bench/figures.ts';
import { kb, table, thousands } from '../../scripts/bench/format.ts';
import { formatReport } from '../../scripts/bench/report.ts';

const machine = { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 8, node: 'v22.0.0', platform: 'linux' };

describe('table formatting', () => {
  it('left-aligns labels and right-aligns numbers, two spaces apart, without trailing blanks', () => {
    expect(table([['stage', 'wall s'], ['ingest', '0.52'], ['astro build', '21.30']])).toBe(['stage        wall s', 'ingest         0.52', 'astro build   21.30'].join('\n'));
    expect(table([['PASS', 'a budget', 'x'], ['n/a', 'b', '']], 3)).toBe(['PASS  a budget  x', 'n/a   b'].join('\n'));
  });

  it('writes binary KB and thousands separators', () => {
    expect(kb(15 * 1024)).toBe('15.0 KB');
    expect(thousands(20000)).toBe('20,000');
  });
});

describe('the report', () => {
  const figures: BenchFigures = {
    startedAt: '2026-11-23T18:00:00.000Z',
    seed: 7,
    machine,
    sizes: [
      sizeFigures(1000, { stages: { ...sizeFigures(1000).stages, ingest: stage(0.25, 120, 1000), related: { unavailable: 'no module' } } }),
      sizeFigures(10_000, { query: { unavailable: 'Chromium not found at /usr/bin/chromium' } }),
    ],
  };
  const report = formatReport(figures, checkBudgets(figures.sizes));
  const lines = report.split('\n');

  it('prints one row per stage with wall seconds, peak MB and papers per second for each size', () => {
    const header = lines.find((line) => line.startsWith('stage'))!;
    expect(header).toMatch(/^stage\s+N=1,000\s+N=10,000$/);
    expect(lines[lines.indexOf(header) + 1]).toMatch(/^\s+wall s\s+peak MB\s+papers\/s\s+wall s\s+peak MB\s+papers\/s$/);
    expect(lines.find((line) => line.startsWith('ingest '))).toMatch(/^ingest\s+0\.25\s+120\s+4,000\s+0\.28\s+300\s+36,364$/);
    expect(lines.find((line) => line.startsWith('related papers'))).toMatch(/^related papers\s+n\/a\s+1\.00\s+-\s+10,000$/);
  });

  it('prints the page weight and query figures, and n/a with the reason where they could not be measured', () => {
    expect(lines.find((line) => line.startsWith('paper page HTML avg / max'))).toMatch(/7\.8 KB \/ 11\.7 KB\s+7\.8 KB \/ 11\.7 KB$/);
    expect(lines.find((line) => line.startsWith('title query'))).toMatch(/87\.9 KB \(78\.1 KB gz\), 12 req\s+n\/a$/);
    expect(lines.find((line) => line.startsWith('full-text query'))).toMatch(/390\.6 KB \(380\.9 KB gz\), 30 req\s+390\.6 KB \(380\.9 KB gz\), 30 req$/);
    expect(report).toContain('N=1,000 full-text query after it "A title": pagefind metadata 244.1 KB, pagefind index 146.5 KB');
    expect(report).toContain('N=10,000 title query: n/a, Chromium not found at /usr/bin/chromium');
    expect(report).toContain('N=1,000 related papers: n/a, no module');
    expect(report).toContain('N=10,000 rebuild: Pagefind indexed 1025 pages in 0.9 s, beside the build: 2 shards, 1 unchanged since the last build.');
  });

  it('ends with every budget, its verdict first', () => {
    const budgets = lines.slice(lines.findIndex((line) => line.includes('budget (issue 7)')) + 1);
    expect(budgets.length).toBe(checkBudgets(figures.sizes).length);
    expect(budgets.every((line) => /^(PASS|FAIL|n\/a) /.test(line))).toBe(true);
    expect(budgets.find((line) => line.includes('related papers < 3 s'))).toMatch(/^PASS/);
  });
});
