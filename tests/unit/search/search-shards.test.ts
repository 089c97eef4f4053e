import { describe, expect, it } from 'vitest';
import { partitionByDay, partitionPages, shardList, shardPagesSetting } from '../../../src/search/search-shards.ts';

interface Page {
  url: string;
  day: string;
}
const page = (url: string, day: string): Page => ({ url, day });
const partition = (pages: Page[], size: number) => partitionByDay(pages, (item) => item.day, (item) => item.url, size);
const summary = (pages: Page[], size: number) => partition(pages, size).map((shard) => [shard.id, shard.last, shard.items.map((item) => item.url).join(' ')]);

/** `perDay` pages a day for `days` days from 2024-01-01, named p<day>-<n>. */
function list(days: number, perDay: number): Page[] {
  return Array.from({ length: days * perDay }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + Math.floor(i / perDay))).toISOString().slice(0, 10);
    return page(`p${Math.floor(i / perDay)}-${i % perDay}`, day);
  });
}

describe('search shards', () => {
  it('fills shards oldest day first, never splitting a day that fits, and never past the size', () => {
    const pages = [page('c', '2024-01-02'), page('a', '2024-01-01'), page('d', '2024-01-03'), page('b', '2024-01-01'), page('e', '2024-01-03')];
    expect(summary(pages, 3)).toEqual([
      ['2024-01-01', '2024-01-02', 'a b c'],
      ['2024-01-03', '2024-01-03', 'd e'],
    ]);
    for (const shard of partition(list(40, 7), 50)) expect(shard.pages).toBeLessThanOrEqual(50);
  });

  it('keeps every page exactly once, and the shards in date order without overlap', () => {
    const pages = list(100, 13);
    const shards = partition(pages, 60);
    expect(shards.flatMap((shard) => shard.items.map((item) => item.url)).sort()).toEqual(pages.map((item) => item.url).sort());
    for (let i = 1; i < shards.length; i++) expect(shards[i]!.id > shards[i - 1]!.last).toBe(true);
  });

  it('leaves older shards as they were when newer days are added', () => {
    const before = partition(list(100, 13), 60);
    const after = partition(list(130, 13), 60);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
  });

  it('splits a day larger than a shard (the undated pages) by URL, so one new page changes one shard', () => {
    const undated = Array.from({ length: 1000 }, (_, i) => page(`undated-${i}`, '0000-00-00'));
    const shards = partition([...undated, page('dated', '2024-01-01')], 300);
    expect(shards.map((shard) => shard.id)).toEqual(['0000-00-00.1', '0000-00-00.2', '0000-00-00.3', '0000-00-00.4', '2024-01-01']);
    for (const shard of shards.slice(0, 4)) {
      expect(shard.last).toBe('0000-00-00');
      expect(shard.pages).toBeGreaterThan(200);
      expect(shard.pages).toBeLessThan(300 * 1.25);
    }
    const grown = partition([...undated, page('undated-new', '0000-00-00'), page('dated', '2024-01-01')], 300);
    const changed = grown.filter((shard, i) => JSON.stringify(shard) !== JSON.stringify(shards[i]));
    expect(changed.map((shard) => shard.items.some((item) => item.url === 'undated-new'))).toEqual([true]);
  });

  it('puts undated pages in shards of their own, by the day they were added, topics first', () => {
    interface Item {
      url: string;
      published: string | null;
      added: string | null;
    }
    const item = (url: string, published: string | null, added: string | null): Item => ({ url, published, added });
    const place = (items: Item[]) => partitionPages(items, (entry) => entry, (entry) => entry.url, 3);
    const summarize = (items: Item[]) => place(items).map((shard) => [shard.id, shard.last, shard.items.map((entry) => entry.url).join(' ')]);
    const list = [
      item('topic', null, null),
      item('u1', null, '2026-01-01'),
      item('u2', null, '2026-01-01'),
      item('u3', null, '2026-01-02'),
      item('d1', '2024-01-01', '2026-01-01'),
      item('d2', '2024-02-01', '2026-01-02'),
    ];
    expect(summarize(list)).toEqual([
      ['undated-0000-00-00', 'undated-2026-01-01', 'topic u1 u2'],
      ['undated-2026-01-02', 'undated-2026-01-02', 'u3'],
      ['2024-01-01', '2024-02-01', 'd1 d2'],
    ]);
    // A later day's undated papers change the last undated shard (or add one), and no dated shard.
    const before = place(list);
    const after = place([...list, item('u4', null, '2026-01-03'), item('u5', null, '2026-01-03')]);
    expect(after.filter((shard) => !before.some((old) => JSON.stringify(old) === JSON.stringify(shard))).map((shard) => shard.id)).toEqual(['undated-2026-01-02']);
  });

  it('lists the shards without their items', () => {
    expect(shardList(partition([page('a', '2024-01-01')], 5))).toEqual({ shards: [{ id: '2024-01-01', last: '2024-01-01', pages: 1 }] });
    expect(shardList(partition([], 5))).toEqual({ shards: [] });
  });

  it('reads SEARCH_SHARD_PAGES, and refuses anything but a whole number of at least 1', () => {
    expect(shardPagesSetting(undefined)).toBe(5000);
    expect(shardPagesSetting('100')).toBe(100);
    for (const bad of ['0', '-3', '2.5', 'many']) expect(() => shardPagesSetting(bad)).toThrow(`SEARCH_SHARD_PAGES must be a whole number of at least 1, not "${bad}"`);
    // A setting error prints its message alone, without a stack trace after it.
    expect(() => shardPagesSetting('0')).toThrow(expect.objectContaining({ stack: '' }));
    expect(() => partition([], 0)).toThrow(/at least 1/);
  });
});
