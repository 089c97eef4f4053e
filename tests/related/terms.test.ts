import { describe, expect, it } from 'vitest';
import { readTerms, surfaceForm } from '../../src/related/terms.ts';
import { TopK } from '../../src/related/top-k.ts';

/** The terms of text `t` as the text writes them, in order of first occurrence, with their ids. */
function termsOf(lists: ReturnType<typeof readTerms>, t: number): { form: string; id: number }[] {
  const terms: { form: string; id: number }[] = [];
  for (let at = lists.offsets[t]!; at < lists.offsets[t + 1]!; at++) terms.push({ form: surfaceForm(lists.sources[t]!, lists.starts[at]!, lists.ends[at]!), id: lists.ids[at]! });
  return terms;
}

describe('reading terms', () => {
  it('gives a word and its stemmed forms one term in every text, and pairs words across one stop word', () => {
    const lists = readTerms(['Mixture of experts routing.', 'The experts route tokens; a mixture of the experts.']);
    const [first, second] = [termsOf(lists, 0), termsOf(lists, 1)];
    expect(first.map((term) => term.form)).toEqual(['mixture', 'experts', 'mixture of experts', 'routing', 'experts routing']);
    // No pair across ";" or across two stop words ("mixture of the experts").
    expect(second.map((term) => term.form)).toEqual(['experts', 'route', 'experts route', 'tokens', 'route tokens', 'mixture']);
    const idOf = (terms: typeof first, form: string) => terms.find((term) => term.form === form)!.id;
    expect(idOf(second, 'experts route')).toBe(idOf(first, 'experts routing'));
    expect(idOf(second, 'mixture')).toBe(idOf(first, 'mixture'));
    const pair = idOf(first, 'mixture of experts');
    expect([lists.firstWord[pair], lists.secondWord[pair]]).toEqual([idOf(first, 'mixture'), idOf(first, 'experts')]);
    expect(lists.secondWord[idOf(first, 'mixture')]).toBe(-1);
  });

  it('counts occurrences and keeps where each term first occurs', () => {
    const text = 'KV cache eviction. Eviction of the KV-cache.';
    const lists = readTerms([text]);
    const at = (k: number) => surfaceForm(lists.sources[0]!, lists.starts[k]!, lists.ends[k]!);
    const forms = Array.from({ length: lists.offsets[1]! }, (_, k) => at(k));
    expect(forms).toEqual(['KV', 'cache', 'KV cache', 'eviction', 'cache eviction']);
    expect(Array.from(lists.counts)).toEqual([2, 2, 2, 2, 1]);
  });

  it('keeps numbering right past many thousands of distinct words and pairs', () => {
    const texts = Array.from({ length: 300 }, (_, t) => Array.from({ length: 100 }, (_, w) => `alpha${t * 100 + w}z`).join(' '));
    const once = readTerms(texts);
    const twice = readTerms([...texts, ...texts]);
    // 30,000 words and 29,700 pairs, each numbered once; the same text reads the same terms again.
    expect(once.termCount).toBe(30_000 + 29_700);
    expect(twice.termCount).toBe(once.termCount);
    expect(Array.from(twice.ids.subarray(twice.offsets[300], twice.offsets[301]))).toEqual(Array.from(once.ids.subarray(0, once.offsets[1])));
  });
});

describe('TopK', () => {
  it('keeps the highest values, the lower key first on equal values, whatever the order of the items', () => {
    const items: [number, number][] = [[5, 0.5], [1, 0.9], [7, 0.5], [3, 0.1], [2, 0.5], [9, 0.95], [4, 0.2]];
    for (const order of [items, [...items].reverse(), [items[3]!, items[0]!, items[6]!, items[2]!, items[5]!, items[1]!, items[4]!]]) {
      const top = new TopK(4);
      top.reset(4);
      for (const [key, value] of order) top.offer(key, value);
      top.sortBestFirst();
      expect(Array.from(top.keys.subarray(0, top.size))).toEqual([9, 1, 2, 5]);
    }
  });

  it('keeps everything when given fewer items than its limit, and nothing with a limit of 0', () => {
    const top = new TopK(2);
    top.reset(3);
    top.offer(1, 1);
    top.offer(2, 3);
    top.sortBestFirst();
    expect(Array.from(top.keys.subarray(0, top.size))).toEqual([2, 1]);
    top.reset(0);
    top.offer(1, 1);
    expect(top.size).toBe(0);
  });
});
