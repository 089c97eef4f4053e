import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FALLBACK_GLOBAL, fallbackScript, searchFallback, type FallbackRecord } from '../../../src/search/fallback-index.ts';

const records: FallbackRecord[] = [
  { t: 'Zero Bubble Pipeline Parallelism', u: 'papers/zero-bubble-pipeline-parallelism/', o: '', k: ['Distributed training'], d: '2023-11-30' },
  { t: 'Pipeline Parallelism with Controllable Memory', u: 'papers/pipeline-parallelism-with-controllable-memory/', o: 'Sea AI Lab', k: ['Distributed training'], d: '' },
  { t: 'MoEfication: Transformer Feed-forward Layers are Mixtures of Experts', u: 'papers/moefication/', o: '', k: ['Mixture of experts'], d: '' },
  { t: 'DεpS: Delayed ε-Shrinking for Faster Once-For-All Training', u: 'papers/deps/', o: 'Meta Research', k: ['Architecture search'], d: '' },
];

describe('fallback search', () => {
  it('puts the paper whose title is the query first', () => {
    const hits = searchFallback(records, 'Pipeline Parallelism with Controllable Memory');
    expect(hits[0]!.record.u).toBe('papers/pipeline-parallelism-with-controllable-memory/');
  });

  it('finds by words of the title in any order and case', () => {
    expect(searchFallback(records, 'parallelism zero').map((hit) => hit.record.u)).toEqual(['papers/zero-bubble-pipeline-parallelism/']);
  });

  it('finds by topic and by organization', () => {
    expect(searchFallback(records, 'mixture of experts').map((hit) => hit.record.u)).toContain('papers/moefication/');
    expect(searchFallback(records, 'meta research').map((hit) => hit.record.u)).toEqual(['papers/deps/']);
  });

  it('matches word prefixes and non-ASCII titles', () => {
    expect(searchFallback(records, 'shrink').map((hit) => hit.record.u)).toEqual(['papers/deps/']);
    expect(searchFallback(records, 'DεpS')[0]!.record.u).toBe('papers/deps/');
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(searchFallback(records, '   ')).toEqual([]);
    expect(searchFallback(records, '::')).toEqual([]);
  });

  it('builds a classic script that defines the records, with no way to close a tag', () => {
    const hostile: FallbackRecord = { t: '</script><script>alert(1)</script>', u: 'papers/x/', o: '', k: [], d: '' };
    const script = fallbackScript([hostile]);
    expect(script).not.toContain('</script>');
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window });
    expect(window[FALLBACK_GLOBAL]).toEqual([hostile]);
  });
});
