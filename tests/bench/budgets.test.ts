import { describe, expect, it } from 'vitest';
import { SITE, sizeFigures, stage } from './fixtures.ts';
import { checkBudgets, type BudgetLine } from '../../scripts/bench/budgets.ts';

const find = (lines: BudgetLine[], budget: string, at?: string) => {
  const line = lines.find((candidate) => candidate.budget.startsWith(budget) && (at === undefined || candidate.at === at));
  if (!line) throw new Error(`no budget line "${budget}" at ${at}: ${lines.map((candidate) => `${candidate.budget} @ ${candidate.at}`).join('; ')}`);
  return line;
};

describe('budget checks', () => {
  it('pass every budget when the figures are within them', () => {
    const lines = checkBudgets([sizeFigures(10_000), sizeFigures(50_000)]);
    expect(lines.filter((line) => line.verdict !== 'PASS')).toEqual([]);
  });

  it('fail a missed budget and say by how much', () => {
    const slowBuild = sizeFigures(10_000, { stages: { ...sizeFigures(10_000).stages, build: stage(41.5, 2100) } });
    const lines = checkBudgets([slowBuild]);
    expect(find(lines, 'build (astro + pagefind) < 40 s')).toMatchObject({ verdict: 'FAIL', measured: '41.5 s', at: 'N=10,000' });
    expect(find(lines, 'build peak RSS < 2 GiB')).toMatchObject({ verdict: 'FAIL', measured: '2,100 MB' });
  });

  it('judge a budget set for 10,000 papers only at 10,000, and say what to run otherwise', () => {
    const lines = checkBudgets([sizeFigures(1000)]);
    expect(find(lines, 're-ingest of an unchanged list')).toEqual({ budget: 're-ingest of an unchanged list < 2 s', at: 'N=10,000', measured: 'not run (--sizes 10000)', verdict: 'n/a' });
    expect(find(lines, 'ingest: 50,000 papers')).toMatchObject({ measured: 'not run (--large)', verdict: 'n/a' });
    expect(find(lines, 'ingest >=', 'N=1,000').verdict).toBe('PASS');
  });

  it('compare 50,000 with 10,000 papers: close to linear passes, quadratic fails', () => {
    const base = sizeFigures(10_000);
    const quadratic = sizeFigures(50_000, { stages: { ...base.stages, related: stage(1 * 25) } });
    const lines = checkBudgets([base, quadratic]);
    expect(find(lines, 'related: 50,000 papers')).toMatchObject({ verdict: 'FAIL', measured: '25.00x (25.0 s vs 1.00 s)' });
  });

  it('check the paper page at every size, against its largest page', () => {
    const heavy = sizeFigures(1000, { site: { ...SITE, htmlMaxBytes: 16 * 1024 } });
    expect(find(checkBudgets([heavy]), 'paper page HTML')).toMatchObject({ verdict: 'FAIL', measured: '16.0 KB' });
  });

  it('judge the title query by the bytes as served, showing the gzipped figure too', () => {
    const query = { title: 't', requests: 20, bytes: 160 * 1024, gzipBytes: 120 * 1024, byKind: {} };
    expect(find(checkBudgets([sizeFigures(10_000, { query })]), 'title query')).toMatchObject({ verdict: 'FAIL', measured: '160.0 KB as served (120.0 KB if gzipped)' });
  });

  it('fail an incremental ingest that rewrites papers or files it has no reason to touch', () => {
    const base = sizeFigures(1000);
    const extraPapers = sizeFigures(1000, { incremental: { ...base.incremental!, touchedPapers: 1000 } });
    const extraFile = sizeFigures(1000, { incremental: { ...base.incremental!, touchedOther: ['digests.json', 'topics/video.md'] } });
    expect(find(checkBudgets([extraPapers]), 'a new digest touches').verdict).toBe('FAIL');
    expect(find(checkBudgets([extraFile]), 'a new digest touches').verdict).toBe('FAIL');
    expect(find(checkBudgets([base]), 'a new digest touches').verdict).toBe('PASS');
  });

  it('report an unavailable or crashed stage as n/a, not as a pass or a failure', () => {
    const base = sizeFigures(10_000);
    const lines = checkBudgets([sizeFigures(10_000, { stages: { ...base.stages, related: { unavailable: 'src/related/related.ts does not exist yet' }, reingest: { crashed: 'exit code 1' } } })]);
    expect(find(lines, 'related papers')).toMatchObject({ verdict: 'n/a', measured: 'n/a: src/related/related.ts does not exist yet' });
    expect(find(lines, 're-ingest of an unchanged list')).toMatchObject({ verdict: 'n/a', measured: 'crashed' });
  });

  it('flag an unchanged re-ingest that wrote files', () => {
    const line = find(checkBudgets([sizeFigures(1000, { reingestWrites: ['ingest-state.json'] })]), 'unchanged re-ingest writes nothing');
    expect(line).toMatchObject({ verdict: 'FAIL', measured: '1 written: ingest-state.json' });
  });
});
